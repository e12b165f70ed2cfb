// Scanned PDF pages -> PageContent via OCR. A page that is one scan gives its embedded image
// (the operator list's paintImageXObject: decoded pixels, ~0.2 s, JPEG/JPX/CCITT all decoded by
// pdf.js); any other page is rendered with pdf.js + @napi-rs/canvas.
import type { PageContent } from '../../model/types.js';
import type { PageIssue } from '../../model/stages.js';
import { openPdf, pdfjs } from '../pdf/load.js';
import { rotateQuarter, toGrey, tooManyPixels, type GreyImage } from './image.js';
import { ocrToContent, type OcrContent } from './page.js';
import { OcrAbortedError } from './pool.js';
import { stageBegin, stageEnd } from './profile.js';
import { keepPage } from './reread-cells.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from './settings.js';
import type { OcrPool, RecognizeOptions } from './types.js';

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

interface PdfImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** pdf.js image kinds: 1 = 1 bit grey, 2 = RGB, 3 = RGBA */
export function pdfImageToGrey(img: PdfImage, settings: OcrSettings = DEFAULT_OCR_SETTINGS): GreyImage | undefined {
  const { width: w, height: h, data } = img;
  if (!data || !w || !h) return undefined;
  if (img.kind === 1) {
    const stride = (w + 7) >> 3;
    const out = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = (data[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    return { width: w, height: h, data: out };
  }
  const ch = img.kind === 3 ? 4 : img.kind === 2 ? 3 : Math.round(data.length / (w * h));
  if (ch < 1 || data.length < w * h * ch) return undefined;
  return toGrey(data, w, h, ch, settings.image.redSealMargin);
}

/** The largest image a PDF declares (`/Subtype /Image … /Width … /Height …` in a stream's
 *  dictionary, which is never compressed), for a message; undefined when none is found. */
function largestImage(bytes: Uint8Array): { width: number; height: number } | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let best: { width: number; height: number } | undefined;
  for (const m of text.matchAll(/<<(?:(?!>>)[\s\S]){0,2000}?\/Subtype\s*\/Image(?:(?!stream)[\s\S]){0,2000}?stream/g)) {
    const w = /\/W(?:idth)?\s+(\d+)/.exec(m[0]);
    const h = /\/H(?:eight)?\s+(\d+)/.exec(m[0]);
    if (!w || !h) continue;
    const d = { width: Number(w[1]), height: Number(h[1]) };
    if (!best || d.width * d.height > best.width * best.height) best = d;
  }
  return best;
}

export interface PageImage {
  image: GreyImage;
  /** resolution of the image on the page (pixels per inch) */
  dpi: number;
  /** page size in points, as displayed */
  width: number;
  height: number;
  source: 'embedded' | 'rendered';
}


/** An image pdf.js left out (over the pixel limit: OcrSettings.pixels.maxImageMegapixels) leaves
 *  `save, transform, restore` with nothing drawn in between; when the file declares an image over
 *  the limit, a page with no other image that shows this is not read (what is left of it is not the
 *  page). */
class ImageOverLimit extends Error {}

/** The page's one scan (an image covering most of the page, axis-aligned), else undefined; throws
 *  ImageOverLimit when an image of the page was left out for its size. */
async function embeddedImage(page: pdfjs.PDFPageProxy, settings: OcrSettings): Promise<PageImage | undefined> {
  const ops = await page.getOperatorList();
  const OPS = pdfjs.OPS;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const found: { id: string; m: Matrix }[] = [];
  let other = false;
  let placing = false;
  let removed = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) {
      if (placing) removed++;
      placing = false;
      ctm = stack.pop() ?? ctm;
    } else if (fn === OPS.transform) {
      ctm = mul(ctm, args as unknown as Matrix);
      placing = true;
    } else {
      placing = false;
      if (fn === OPS.paintImageXObject) found.push({ id: args[0] as string, m: ctm });
      else if (fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) other = true;
    }
  }
  if (removed > 0 && found.length === 0 && !other) throw new ImageOverLimit();
  if (other || found.length !== 1) return undefined;
  const { id, m } = found[0]!;
  const view = page.view; // [x0, y0, x1, y1] user space
  const pw = view[2]! - view[0]!;
  const ph = view[3]! - view[1]!;
  // the unit square's image: axis-aligned or turned a quarter
  const upright = Math.abs(m[1]) < 1e-3 && Math.abs(m[2]) < 1e-3;
  const turned = Math.abs(m[0]) < 1e-3 && Math.abs(m[3]) < 1e-3;
  if (!upright && !turned) return undefined;
  const iw = upright ? Math.abs(m[0]) : Math.abs(m[2]);
  const ih = upright ? Math.abs(m[3]) : Math.abs(m[1]);
  const cover = (Math.min(iw, turned ? ph : pw) * Math.min(ih, turned ? pw : ph)) / (pw * ph);
  if (cover < settings.resolution.minScanCover) return undefined;
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  const obj = await new Promise<PdfImage | null>((resolve) => {
    const t = setTimeout(() => resolve(null), 30_000);
    (store as unknown as { get(id: string, cb: (v: unknown) => void): void }).get(id, (v) => {
      clearTimeout(t);
      resolve(v as PdfImage | null);
    });
  });
  if (!obj) return undefined;
  let grey = pdfImageToGrey(obj, settings);
  if (!grey) return undefined;
  // PDF image space has y up: an upright scan is drawn with m[3] > 0 and rows top-down; a flipped
  // or quarter-turned placement is undone here so the image reads as the page is displayed
  let k = 0;
  if (upright) k = m[0] > 0 && m[3] > 0 ? 0 : m[0] < 0 && m[3] < 0 ? 2 : -1;
  else k = m[1] > 0 && m[2] < 0 ? 1 : m[1] < 0 && m[2] > 0 ? 3 : -1;
  if (k < 0) return undefined;
  k = (k + Math.round(((page.rotate % 360) + 360) % 360) / 90) % 4;
  grey = rotateQuarter(grey, k);
  const vp = page.getViewport({ scale: 1 });
  const dpi = (grey.width / vp.width) * 72;
  return { image: grey, dpi, width: vp.width, height: vp.height, source: 'embedded' };
}

/** The resolution a page of `width` × `height` points is rendered at: `dpi`, lowered so that the
 *  image has at most OcrSettings.pixels.maxPageMegapixels; a page that would then be coarser than
 *  pixels.minPageDpi is refused (before anything is allocated). */
export function renderDpiFor(width: number, height: number, dpi: number, settings: OcrSettings = DEFAULT_OCR_SETTINGS): number {
  const { maxPageMegapixels, minPageDpi } = settings.pixels;
  const fit = 72 * Math.sqrt((maxPageMegapixels * 1e6) / Math.max(1e-6, width * height));
  const d = Math.min(dpi, fit);
  if (d < minPageDpi) {
    throw new Error(`the page is ${Math.round(width)} × ${Math.round(height)} pt: rendered within the limit of ${maxPageMegapixels} megapixels (ocr.pixels.maxPageMegapixels) it would be ${Math.round(d)} dpi, below ${minPageDpi} dpi; not read`);
  }
  return d;
}

async function renderPage(page: pdfjs.PDFPageProxy, wantDpi: number, settings: OcrSettings): Promise<PageImage> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const size = page.getViewport({ scale: 1 });
  const dpi = renderDpiFor(size.width, size.height, wantDpi, settings);
  const vp = page.getViewport({ scale: dpi / 72 });
  const w = Math.ceil(vp.width);
  const h = Math.ceil(vp.height);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  await page.render({ canvas, canvasContext: ctx, viewport: vp } as unknown as Parameters<typeof page.render>[0]).promise;
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const vp1 = page.getViewport({ scale: 1 });
  return { image: toGrey(rgba, w, h, 4, settings.image.redSealMargin), dpi, width: vp1.width, height: vp1.height, source: 'rendered' };
}

/** The image OCR should read for each page (1-based numbers); pages that are not one scan are
 *  rendered at `renderDpi` (default OcrSettings.resolution.renderDpi, 200). A page whose image
 *  cannot be had maps to the error. */
export async function pdfPageImages(
  bytes: Uint8Array,
  pages: readonly number[],
  renderDpi?: number,
  settings: OcrSettings = DEFAULT_OCR_SETTINGS,
): Promise<Map<number, PageImage | Error>> {
  const dpi = renderDpi ?? settings.resolution.renderDpi;
  const maxImagePixels = settings.pixels.maxImageMegapixels * 1e6;
  // images over the pixel limit are left out by pdf.js before they are decoded
  const doc = await openPdf(bytes, { decodeImages: true, maxImagePixels });
  const out = new Map<number, PageImage | Error>();
  let big: { width: number; height: number } | undefined;
  try {
    for (const n of pages) {
      if (n < 1 || n > doc.numPages) continue;
      const prof = stageBegin('page-image');
      try {
        const page = await doc.getPage(n);
        try {
          let image: PageImage | undefined;
          try {
            image = await embeddedImage(page, settings);
          } catch (e) {
            if (!(e instanceof ImageOverLimit)) throw e;
            // an image placed and not drawn: left out for its size, when the file declares one that large
            big ??= largestImage(bytes) ?? { width: 0, height: 0 };
            if (big.width * big.height > maxImagePixels) throw new Error(tooManyPixels(`its image of ${big.width} × ${big.height} pixels`, big.width * big.height, settings.pixels.maxImageMegapixels));
          }
          out.set(n, image ?? (await renderPage(page, dpi, settings)));
        } finally {
          page.cleanup();
        }
      } catch (e) {
        out.set(n, e instanceof Error ? e : new Error(String(e)));
      } finally {
        stageEnd(prof);
      }
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  return out;
}

export interface OcrPdfOptions {
  /** a pool to use (a temporary one is made and closed otherwise) */
  pool?: OcrPool;
  /** resolution to render pages that are not one scan (default OcrSettings.resolution.renderDpi, 200) */
  renderDpi?: number;
  recognize?: RecognizeOptions;
  signal?: AbortSignal;
  /** the OCR thresholds; default `recognize.settings`, else DEFAULT_OCR_SETTINGS */
  settings?: OcrSettings;
}

/** What OCR made of a scanned PDF's pages: those read, in order, and the pages (or cells) it could
 *  not read. */
interface OcrPdfResult {
  pages: (OcrContent & { source: string })[];
  issues: PageIssue[];
}

/** OCR the given pages of a scanned PDF, with what was done on each page. A page that cannot be
 *  read (its image, tesseract) is an `unreadable` issue and the others are read; once `signal`
 *  aborts (the document's time ran out) the pages not read are `time` issues and what was read is
 *  returned. */
export async function ocrPdfPagesDetailed(bytes: Uint8Array, pages: readonly number[], opts: OcrPdfOptions = {}): Promise<OcrPdfResult> {
  const { sharedPool } = await import('./shared.js');
  const pool = opts.pool ?? (await sharedPool());
  // a few pages' images at a time (a 500-page scan decoded at once is gigabytes of pixels); enough
  // to keep every OCR worker busy
  const chunk = Math.max(2, pool.size * 2);
  const out: OcrPdfResult = { pages: [], issues: [] };
  for (let i = 0; i < pages.length; i += chunk) {
    const some = pages.slice(i, i + chunk);
    if (opts.signal?.aborted) {
      out.issues.push(...some.map((n) => timeIssue(n)));
      continue;
    }
    const done = await ocrPageChunk(bytes, some, pool, opts);
    out.pages.push(...done.pages);
    out.issues.push(...done.issues);
  }
  return out;
}

function timeIssue(page: number): PageIssue {
  return { page, kind: 'time', step: 'page', boxes: [], error: 'the document’s time limit was reached first' };
}

async function ocrPageChunk(bytes: Uint8Array, pages: readonly number[], pool: OcrPool, opts: OcrPdfOptions): Promise<OcrPdfResult> {
  const settings = opts.settings ?? opts.recognize?.settings ?? DEFAULT_OCR_SETTINGS;
  const images = await pdfPageImages(bytes, pages, opts.renderDpi, settings);
  const jobs = inLanes([...images.entries()], pool.size, async ([n, pi]): Promise<(OcrContent & { source: string }) | PageIssue> => {
    if (pi instanceof Error) return { page: n, kind: 'unreadable', step: 'page', boxes: [], error: `the page image could not be decoded: ${firstLine(pi)}` };
    if (opts.signal?.aborted) return timeIssue(n);
    let page;
    try {
      page = await pool.recognize(pi.image, { ...opts.recognize, dpi: pi.dpi, settings, ...(opts.signal ? { signal: opts.signal } : {}) });
    } catch (e) {
      if (e instanceof OcrAbortedError || opts.signal?.aborted) return timeIssue(n);
      return { page: n, kind: 'unreadable', step: 'page', boxes: [], error: firstLine(e) };
    }
    const prof = stageBegin('content');
    const oc = ocrToContent(page, n, page.dpi, settings);
    // the page as displayed: a turned scan turns the page with it
    const turned = page.rotation === 90 || page.rotation === 270;
    const k = (turned ? pi.height : pi.width) / oc.content.width;
    if (Math.abs(k - 1) > settings.resolution.pageScaleTolerance) {
      scaleContent(oc.content, k);
      for (const is of oc.issues) is.boxes = is.boxes.map((b) => ({ x0: b.x0 * k, y0: b.y0 * k, x1: b.x1 * k, y1: b.y1 * k }));
    }
    const kept = keepPage(n, page, oc.frame, Math.abs(k - 1) > settings.resolution.pageScaleTolerance ? k : 1);
    stageEnd(prof);
    return { ...oc, source: pi.source, ...(kept ? { kept } : {}) };
  });
  const out: OcrPdfResult = { pages: [], issues: [] };
  for (const r of await jobs) {
    if ('kind' in r) out.issues.push(r);
    else {
      out.pages.push(r);
      out.issues.push(...r.issues);
    }
  }
  return out;
}

/** `fn` over the items, at most `lanes` at a time, in order; the results in the items' order. Pages
 *  are read as many at a time as there are OCR workers, so that they finish one after the other:
 *  when the time runs out, the pages read are kept and fewer are lost half-read. */
export async function inLanes<T, R>(items: readonly T[], lanes: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  return out;
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200);
}

function scaleContent(pc: PageContent, k: number): void {
  pc.width *= k;
  pc.height *= k;
  for (const t of pc.tokens) {
    t.box = { x0: t.box.x0 * k, y0: t.box.y0 * k, x1: t.box.x1 * k, y1: t.box.y1 * k };
    t.fontSize *= k;
  }
  for (const r of pc.rulings) {
    r.x0 *= k;
    r.x1 *= k;
    r.y0 *= k;
    r.y1 *= k;
  }
}

/** OCR the given pages of a scanned PDF (1-based) into PageContent for the layout stage (pages
 *  that could not be read left out). */
export async function ocrPdfPages(bytes: Uint8Array, pages: number[], opts: OcrPdfOptions = {}): Promise<PageContent[]> {
  return (await ocrPdfPagesDetailed(bytes, pages, opts)).pages.map((p) => p.content);
}
