// Opening a PDF with pdf.js in Node, fully offline, and turning pdf.js failures into one-line
// InputErrors the run can report.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError } from '../../model/stages.js';

export type PDFDocumentProxy = pdfjs.PDFDocumentProxy;
export type PDFPageProxy = pdfjs.PDFPageProxy;
export { pdfjs };

let assetDir: string | undefined;

/** node_modules/pdfjs-dist/ as a file-system path with a trailing slash: pdf.js in Node reads cMaps
 *  and standard fonts with fs when the "URL" is a plain path. Without cMaps, a PDF whose CJK font is
 *  not embedded yields no text at all and no error. */
export function pdfjsAssetDir(): string {
  if (!assetDir) {
    const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    assetDir = path.dirname(pkg) + path.sep;
  }
  return assetDir;
}

/** Cheap checks pdf.js would otherwise answer with a vague exception. */
function precheck(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new InputError('empty file (0 bytes): re-download the document');
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) {
    throw new InputError('not a PDF (no %PDF- header): check the file type or re-download it');
  }
}

/** A file cut short has no trailer near its end (pdf.js may still rebuild its xref and open it). */
export function looksTruncated(bytes: Uint8Array): boolean {
  const start = Math.max(0, bytes.length - 2048);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('latin1');
  return !tail.includes('%%EOF') && !tail.includes('startxref');
}

function describe(err: unknown, bytes: Uint8Array): InputError {
  const e = err as { name?: string; message?: string };
  if (e?.name === 'PasswordException') {
    return new InputError('encrypted PDF (password required): obtain an unprotected copy');
  }
  const what = looksTruncated(bytes) ? 'truncated or corrupt PDF' : 'corrupt PDF';
  const msg = (e?.message ?? String(err)).split('\n')[0];
  return new InputError(`${what} (${msg}): re-download the document`);
}

/** Open a PDF from bytes. Copies into a plain Uint8Array (pdf.js detaches/transfers its input and
 *  rejects Node Buffers). Throws InputError for input that cannot be read. */
export interface OpenOptions {
  /** leave images out of operator lists (they are decoded otherwise: a cover photo costs ~0.5 s) */
  skipImages?: boolean;
  /** decode JPX/JBIG2 images too (pdf.js's wasm decoders): for OCR of scanned pages */
  decodeImages?: boolean;
  /** images with more pixels are left out before they are decoded (pdf.js maxImageSize); default none */
  maxImagePixels?: number;
}

export async function openPdf(bytes: Uint8Array, opts: OpenOptions = {}): Promise<PDFDocumentProxy> {
  precheck(bytes);
  const data = new Uint8Array(bytes.length);
  data.set(bytes);
  const dir = pdfjsAssetDir();
  const task = pdfjs.getDocument({
    data,
    cMapUrl: dir + 'cmaps' + path.sep,
    cMapPacked: true,
    standardFontDataUrl: dir + 'standard_fonts' + path.sep,
    ...(opts.decodeImages ? { wasmUrl: dir + 'wasm' + path.sep } : {}),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
    maxImageSize: opts.skipImages ? 1 : opts.maxImagePixels !== undefined ? Math.max(1, Math.floor(opts.maxImagePixels)) : -1,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages < 1) {
      await doc.destroy();
      throw new InputError('PDF has no pages: re-download the document');
    }
    return doc;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    if (err instanceof InputError) throw err;
    throw describe(err, bytes);
  }
}

export function asInputError(err: unknown, bytes: Uint8Array): InputError {
  return err instanceof InputError ? err : describe(err, bytes);
}
