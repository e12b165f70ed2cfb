// OCR: scanned PDF pages and image documents -> PageContent -> the shared layout model.
//   createOcrPool()       tesseract.js workers (offline, sized to the cores, recycled)
//   pool.recognize(img)   one page image -> OcrPage (words with pixel boxes, rules, rotation, skew)
//   ocrPageContent(...)   OcrPage -> PageContent (points; tokens with confidence; rulings)
//   imageExtractor        PNG/JPEG/TIFF documents
//   ocrPdfPages(...)      scanned PDF pages (embedded scan, else rendered)
import type { Block, Message, PageContent } from '../../model/types.js';
import { InputError, type CellRereader, type ExtractContext, type ExtractResult, type Extractor, type OcrPageRead, type PageIssue } from '../../model/stages.js';
import { DEFAULT_EXTRACT_SETTINGS, type ExtractSettings } from '../settings.js';
import { decodeImagePages } from './image.js';
import { layoutOcr, ocrToContent, type OcrContent } from './page.js';
import { makePool } from './page-pool.js';
import { languageFolder, OcrAbortedError, type PoolOptions } from './pool.js';
import type { OcrSettings } from './settings.js';
import { sharedPool } from './shared.js';
import { cellRereader, keepPage } from './reread-cells.js';
import { inLanes, ocrPdfPagesDetailed } from './pdf.js';
import type { OcrPool } from './types.js';

export type { OcrPool } from './types.js';
export { ocrToContent, layoutOcr } from './page.js';
export { ocrPdfPagesDetailed } from './pdf.js';
export { closeSharedPool } from './shared.js';

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

function summary(pages: readonly (OcrContent & { rotation?: number })[], issues: readonly PageIssue[], s: OcrSettings): Message[] {
  const msgs: Message[] = [];
  for (const p of pages) {
    const bits = [`page ${p.content.page} OCR: read at ${Math.round(p.dpi)} dpi${Math.round(p.sourceDpi) !== Math.round(p.dpi) ? ` (image ${Math.round(p.sourceDpi)} dpi)` : ''}, ${p.content.tokens.length} tokens, mean confidence ${p.confidence}`];
    if (p.content.rotation) bits.push(`turned ${p.content.rotation}°`);
    if (p.content.rulings.length) bits.push(`${p.content.rulings.length} rules found in the image`);
    if (p.repairs.length) bits.push(`${p.repairs.length} OCR repair(s) (numbers, cells read again)`);
    msgs.push({ stage: 'extract', severity: p.confidence < s.words.lowConfidence ? 'warning' : 'info', text: bits.join(', ') });
  }
  for (const i of issues) {
    const what = i.kind === 'partial' ? `${i.step} failed${i.boxes.length ? ` on ${i.boxes.length} cell(s), which keep their first reading` : ''}` : i.kind === 'time' ? 'not read (time limit)' : 'could not be read';
    msgs.push({ stage: 'extract', severity: i.kind === 'partial' ? 'warning' : 'error', text: `page ${i.page} OCR: ${what}: ${i.error}` });
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
    ctx.ocrPages?.(images.length);
    const pool = await sharedPool();
    const read: (OcrContent | PageIssue)[] = await inLanes(images.map((img, i) => ({ img, page: i + 1 })), pool.size, async ({ img, page }): Promise<OcrContent | PageIssue> => {
      try {
        if (ctx.signal?.aborted) throw new OcrAbortedError();
        const r = await pool.recognize(img, { ...(img.dpi ? { dpi: img.dpi } : {}), settings: settings.ocr, ...(ctx.signal ? { signal: ctx.signal } : {}) });
        const oc = ocrToContent(r, page, r.dpi, settings.ocr);
        const kept = keepPage(page, r, oc.frame);
        return kept ? { ...oc, kept } : oc;
      } catch (e) {
        if (e instanceof OcrAbortedError || ctx.signal?.aborted) return { page, kind: 'time', step: 'page', boxes: [], error: 'the document’s time limit was reached first' };
        return { page, kind: 'unreadable', step: 'page', boxes: [], error: String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200) };
      }
    });
    const pages = read.filter((r): r is OcrContent => !('kind' in r));
    const issues = read.flatMap((r) => ('kind' in r ? [r] : r.issues));
    if (!pages.length) throw new InputError(issues.some((i) => i.kind === 'time') ? `gave up: the time limit was reached before any page was read by OCR; raise --timeout / --page-timeout to retry` : `no page of the image could be read by OCR: ${issues[0]?.error ?? 'unknown error'}`);
    const blocks: Block[] = layoutOcr(pages, settings.layout, settings.ocr);
    return { pages: images.length, blocks, messages: summary(pages, issues, settings.ocr), needsOcrPages: [], pageIssues: issues, ocrPages: pagesRead(pages), rereadCells: rereader(pages, pool, settings.ocr) };
  },
};

/** OCR the pages of a PDF that the PDF extractor marked needsOcr and lay them out; for the PDF
 *  extractor (or the runner) to call with `needsOcrPages`. Pages not read (time, errors) and cells
 *  read once only are `issues`. */
export async function ocrPdfBlocks(
  bytes: Uint8Array,
  pages: number[],
  opts: { pool?: OcrPool; signal?: AbortSignal; settings?: ExtractSettings } = {},
): Promise<{ blocks: Block[]; contents: PageContent[]; messages: Message[]; issues: PageIssue[]; read: OcrPageRead[]; rereadCells: CellRereader }> {
  const { settings = DEFAULT_EXTRACT_SETTINGS, ...rest } = opts;
  const done = await ocrPdfPagesDetailed(bytes, pages, { ...rest, settings: settings.ocr });
  return {
    blocks: layoutOcr(done.pages, settings.layout, settings.ocr), contents: done.pages.map((d) => d.content), messages: summary(done.pages, done.issues, settings.ocr),
    issues: done.issues, read: pagesRead(done.pages), rereadCells: rereader(done.pages, opts.pool ?? (await sharedPool()), settings.ocr),
  };
}

/** Number cells read again on the pages' kept images (reread-cells.ts). */
function rereader(pages: readonly OcrContent[], pool: OcrPool, settings: OcrSettings): CellRereader {
  return cellRereader(pages.flatMap((p) => (p.kept ? [p.kept] : [])), pool, settings);
}

function pagesRead(pages: readonly OcrContent[]): OcrPageRead[] {
  return pages.map((p) => ({ page: p.content.page, dpi: Math.round(p.dpi), imageDpi: Math.round(p.sourceDpi) }));
}
