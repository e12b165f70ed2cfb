// The PDF text-layer extractor: pages -> PageContent -> layout -> Block[].
import type { Block, Message, PageContent } from '../../model/types.js';
import { InputError, type CellRereader, type ExtractContext, type ExtractResult, type Extractor, type OcrPageRead, type PageIssue } from '../../model/stages.js';
import { layoutPage } from '../layout/index.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from '../layout/settings.js';
import { DEFAULT_EXTRACT_SETTINGS } from '../settings.js';
import { asInputError, looksTruncated, openPdf, type PDFDocumentProxy } from './load.js';
import { extractPage } from './page.js';

export interface PdfPagesResult {
  pages: PageContent[];
  numPages: number;
  messages: Message[];
}

/** Positioned content of every page (or of `only` pages, 1-based). */
export async function extractPdfPages(
  bytes: Uint8Array,
  opts: { only?: readonly number[]; signal?: AbortSignal; settings?: LayoutSettings } = {},
): Promise<PdfPagesResult> {
  // images are left out of the operator lists (decoding a cover photo costs ~0.5 s); their
  // placements still tell a scan from a blank page
  const doc = await openPdf(bytes, { skipImages: true });
  try {
    return await readPages(doc, bytes, opts);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

async function readPages(
  doc: PDFDocumentProxy,
  bytes: Uint8Array,
  opts: { only?: readonly number[]; signal?: AbortSignal; settings?: LayoutSettings },
): Promise<PdfPagesResult> {
  const settings = opts.settings ?? DEFAULT_LAYOUT_SETTINGS;
  const messages: Message[] = [];
  const pages: PageContent[] = [];
  const wanted = opts.only ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
  let failed = 0;
  for (const n of wanted) {
    if (n < 1 || n > doc.numPages) continue;
    if (opts.signal?.aborted) throw new InputError('time limit reached while reading the PDF');
    try {
      const page = await doc.getPage(n);
      pages.push(await extractPage(page, settings));
      page.cleanup();
    } catch (err) {
      if (err instanceof InputError) throw err;
      failed++;
      messages.push({ stage: 'extract', severity: 'warning', text: `page ${n} unreadable: ${String((err as Error)?.message ?? err).split('\n')[0]}` });
      pages.push({ page: n, width: 0, height: 0, rotation: 0, tokens: [], rulings: [] });
    }
  }
  if (failed > 0 && failed === wanted.length) throw asInputError(new Error(`no page could be read`), bytes);
  if (looksTruncated(bytes)) {
    messages.push({ stage: 'extract', severity: 'warning', text: 'the file has no PDF trailer (cut short?): content may be missing' });
  }
  return { pages, numPages: doc.numPages, messages };
}

export const pdfExtractor: Extractor = {
  name: 'pdf',
  formats: ['pdf-text', 'pdf-scanned'],
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult> {
    const settings = ctx.settings ?? DEFAULT_EXTRACT_SETTINGS;
    const opts: { signal?: AbortSignal } = {};
    if (ctx.signal) opts.signal = ctx.signal;
    const { pages, numPages, messages } = await extractPdfPages(bytes, { ...opts, settings: settings.layout });
    const byPage = new Map<number, Block[]>();
    const needsOcrPages: number[] = [];
    for (const pc of pages) {
      if (pc.needsOcr) {
        needsOcrPages.push(pc.page);
        continue;
      }
      byPage.set(pc.page, layoutPage(pc, settings.layout));
    }
    const allScanned = needsOcrPages.length === pages.length;
    let unread = needsOcrPages;
    let pageIssues: PageIssue[] = [];
    let ocrPages: OcrPageRead[] = [];
    let rereadCells: CellRereader | undefined;
    if (needsOcrPages.length && ctx.ocr !== false) {
      ctx.ocrPages?.(needsOcrPages.length);
      // loaded only when a page needs it: text-only runs never start tesseract
      const { ocrPdfBlocks } = await import('../ocr/index.js');
      const ocr = await ocrPdfBlocks(bytes, needsOcrPages, { ...opts, settings });
      for (const b of ocr.blocks) {
        const p = b.kind === 'grid' ? (b.grid.page_first ?? b.page ?? 0) : (b.page ?? 0);
        (byPage.get(p) ?? byPage.set(p, []).get(p)!).push(b);
      }
      messages.push(...ocr.messages);
      pageIssues = ocr.issues;
      ocrPages = ocr.read;
      rereadCells = ocr.rereadCells;
      unread = [];
      // nothing read at all: the document has nothing to give
      const lost = new Set(pageIssues.filter((i) => i.kind !== 'partial').map((i) => i.page));
      if (allScanned && lost.size === needsOcrPages.length) {
        throw new InputError(pageIssues.some((i) => i.kind === 'time')
          ? `gave up: the time limit was reached before any page was read by OCR; raise --timeout / --page-timeout to retry`
          : `no page could be read by OCR: ${pageIssues[0]?.error ?? 'unknown error'}`);
      }
    }
    const blocks: Block[] = [...byPage.keys()].sort((a, b) => a - b).flatMap((p) => byPage.get(p)!);
    const result: ExtractResult = { pages: numPages, blocks, messages, needsOcrPages: unread, ...(pageIssues.length ? { pageIssues } : {}), ...(ocrPages.length ? { ocrPages } : {}), ...(rereadCells ? { rereadCells } : {}) };
    if (allScanned) {
      result.format = 'pdf-scanned';
      messages.push({ stage: 'extract', severity: 'info', text: unread.length ? 'no page has a usable text layer: OCR needed' : 'no page has a text layer: every page read by OCR' });
    } else {
      result.format = 'pdf-text';
      if (needsOcrPages.length) {
        messages.push({ stage: 'extract', severity: 'info', text: `pages without a text layer${unread.length ? ' (OCR needed)' : ', read by OCR'}: ${needsOcrPages.join(', ')}` });
      }
    }
    return result;
  },
};
