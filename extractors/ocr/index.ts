// OCR: scanned PDF pages and image documents -> PageContent -> the shared layout model.
//   createOcrPool()       tesseract.js workers (offline, sized to the cores, recycled)
//   pool.recognize(img)   one page image -> OcrPage (words with pixel boxes, rules, rotation, skew)
//   ocrPageContent(...)   OcrPage -> PageContent (points; tokens with confidence; rulings)
//   imageExtractor        PNG/JPEG/TIFF documents
//   ocrPdfPages(...)      scanned PDF pages (embedded scan, else rendered)
import type { Block, Message, PageContent } from '../../model/types.js';
import { InputError, type ExtractContext, type ExtractResult, type Extractor } from '../../model/stages.js';
import { DEFAULT_EXTRACT_SETTINGS, type ExtractSettings } from '../settings.js';
import { decodeImagePages } from './image.js';
import { layoutOcr, ocrToContent, type OcrContent } from './page.js';
import { makePool } from './page-pool.js';
import { languageFolder, type PoolOptions } from './pool.js';
import type { OcrSettings } from './settings.js';
import { sharedPool } from './shared.js';
import { ocrPdfPagesDetailed } from './pdf.js';
import type { OcrPool } from './types.js';

export type { OcrPage, OcrWord, OcrPool, RecognizeOptions, ImageInput } from './types.js';
export { DEFAULT_OCR_SETTINGS, resolveOcrSettings, type OcrSettings, type OcrSettingsOverrides } from './settings.js';
export type { GreyImage } from './image.js';
export { ocrPageContent, ocrToContent, layoutOcr, type OcrContent } from './page.js';
export { ocrPdfPages, ocrPdfPagesDetailed, pdfPageImages, type OcrPdfOptions } from './pdf.js';
export { repairTokens, repairGrid, repairNumberText, type Repair } from './repair.js';
export { decodeImagePages } from './image.js';
export { sharedPool, closeSharedPool } from './shared.js';

/** A pool of tesseract.js workers: `workers` defaults to the cores (at most 4), each worker is
 *  replaced after `recycleAfter` pages (default 40). Workers start on first use. */
export async function createOcrPool(opts: PoolOptions = {}): Promise<OcrPool> {
  // fail now, not on the first page, when a language model is missing
  try {
    languageFolder(opts.langs ?? ['chi_sim', 'eng'], opts.model);
  } catch (e) {
    throw new Error(`OCR language data missing (${String((e as Error).message).split('\n')[0]}): npm install @tesseract.js-data/chi_sim @tesseract.js-data/eng`);
  }
  return makePool(opts);
}

function summary(pages: readonly (OcrContent & { rotation?: number })[], s: OcrSettings): Message[] {
  const msgs: Message[] = [];
  for (const p of pages) {
    const bits = [`page ${p.content.page} OCR: ${p.content.tokens.length} tokens, mean confidence ${p.confidence}`];
    if (p.content.rotation) bits.push(`turned ${p.content.rotation}°`);
    if (p.content.rulings.length) bits.push(`${p.content.rulings.length} rules found in the image`);
    if (p.repairs.length) bits.push(`${p.repairs.length} OCR repair(s) (numbers, cells read again)`);
    msgs.push({ stage: 'extract', severity: p.confidence < s.words.lowConfidence ? 'warning' : 'info', text: bits.join(', ') });
  }
  return msgs;
}

/** Image documents (PNG, JPEG, TIFF; a TIFF may hold several pages). */
export const imageExtractor: Extractor = {
  name: 'ocr-image',
  formats: ['image'],
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult> {
    if (ctx.ocr === false) throw new InputError('an image can only be read by OCR, which was switched off (--no-ocr): ingest it without --no-ocr');
    const settings = ctx.settings ?? DEFAULT_EXTRACT_SETTINGS;
    const images = await decodeImagePages(bytes, settings.ocr);
    const pool = await sharedPool();
    const pages: OcrContent[] = [];
    const jobs = images.map(async (img, i) => {
      if (ctx.signal?.aborted) throw new InputError('time limit reached during OCR');
      const page = await pool.recognize(img, img.dpi ? { dpi: img.dpi, settings: settings.ocr } : { settings: settings.ocr });
      pages[i] = ocrToContent(page, i + 1, page.dpi, settings.ocr);
    });
    await Promise.all(jobs);
    const blocks: Block[] = layoutOcr(pages, settings.layout, settings.ocr);
    return { pages: images.length, blocks, messages: summary(pages, settings.ocr), needsOcrPages: [] };
  },
};

/** OCR the pages of a PDF that the PDF extractor marked needsOcr and lay them out; for the PDF
 *  extractor (or the runner) to call with `needsOcrPages`. */
export async function ocrPdfBlocks(
  bytes: Uint8Array,
  pages: number[],
  opts: { pool?: OcrPool; signal?: AbortSignal; settings?: ExtractSettings } = {},
): Promise<{ blocks: Block[]; contents: PageContent[]; messages: Message[] }> {
  const { settings = DEFAULT_EXTRACT_SETTINGS, ...rest } = opts;
  const done = await ocrPdfPagesDetailed(bytes, pages, { ...rest, settings: settings.ocr });
  return { blocks: layoutOcr(done, settings.layout, settings.ocr), contents: done.map((d) => d.content), messages: summary(done, settings.ocr) };
}
