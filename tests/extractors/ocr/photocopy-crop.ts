// A real crop of a photocopied page, for the re-read tests (not a test file itself): prepared as
// recognize.ts prepares a page (paper whitened, rules found and erased, specks painted out), and
// the page reading's words moved onto it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { whitenBackground } from '../../../extractors/ocr/background.js';
import { despeckle } from '../../../extractors/ocr/despeckle.js';
import { decodeImagePages, type GreyImage } from '../../../extractors/ocr/image.js';
import { TesseractPool } from '../../../extractors/ocr/pool.js';
import { binarize, eraseRules, findRules, otsu, tableRules, type PixelRule } from '../../../extractors/ocr/prep.js';
import { DEFAULT_OCR_SETTINGS as S } from '../../../extractors/ocr/settings.js';
import type { OcrWord } from '../../../extractors/ocr/types.js';

/** the crop at `url` (200 dpi) as the page pipeline leaves it before reading, and its rules */
export async function preparedCrop(url: URL): Promise<{ img: GreyImage; rules: PixelRule[] }> {
  const [crop] = await decodeImagePages(new Uint8Array(readFileSync(url)));
  const white = whitenBackground(crop!, S.background);
  const rules = tableRules(findRules(binarize(white, otsu(white, S.binarize)), white.width, white.height, { dpi: 200 }, S.rules), Math.round(200 / S.rules.touchPerInch));
  const img = { width: white.width, height: white.height, data: white.data.slice() };
  eraseRules(img, rules, S.rules);
  despeckle(img, 200, S.despeckle, S.binarize);
  return { img, rules };
}

/** the page reading's words ([text, x0, y0, x1, y1] in page pixels) moved onto a crop cut at `at` */
export function wordsOnCrop(page: readonly [string, number, number, number, number][], at: { x: number; y: number }): OcrWord[] {
  return page.map(([text, x0, y0, x1, y1], i) => ({ text, box: { x0: x0 - at.x, y0: y0 - at.y, x1: x1 - at.x, y1: y1 - at.y }, confidence: 90, line: i }));
}

/** The crop at `url` prepared and a one-worker tesseract pool to read it, for a test file: set up
 *  before its tests, the pool closed after them (read the fields inside the tests). */
export function cropReader(url: URL): { img: GreyImage; rules: PixelRule[]; pool: TesseractPool } {
  const r = {} as { img: GreyImage; rules: PixelRule[]; pool: TesseractPool };
  beforeAll(async () => {
    Object.assign(r, await preparedCrop(url));
    r.pool = new TesseractPool({ workers: 1 });
  });
  afterAll(async () => {
    await r.pool?.close();
  });
  return r;
}
