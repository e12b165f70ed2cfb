import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrPool, type OcrPool } from '../../../extractors/ocr/index.js';
import { decodeImagePages, enlargeBicubic } from '../../../extractors/ocr/image.js';
import { cellRereader, imageBox, keepPage } from '../../../extractors/ocr/reread-cells.js';
import { DEFAULT_OCR_SETTINGS } from '../../../extractors/ocr/settings.js';
import type { OcrPage } from '../../../extractors/ocr/types.js';

// A real crop of a thinly printed scan (yt 2026 budget, 表5 日常公用支出 column, the dev grid's
// q80-150 condition: grey JPEG at 150 dpi): three cells printing 4.70. Read with the page, the first
// two came back 1.70 (the 4's thin cross-stroke lost), which no single-cell repair could undo.
const CROP = new URL('../../fixtures/scans/yt-yibaoju-p15-faint-4-70-crop.png', import.meta.url);
/** the cells' value boxes as the pipeline gave them, points on the crop (150 dpi) */
const CELLS = [
  { x0: 94.5, y0: 11.9, x1: 109.3, y1: 17.4 },
  { x0: 94.4, y0: 30.6, x1: 108.9, y1: 36.1 },
  { x0: 94.3, y0: 48.6, x1: 108.8, y1: 54.4 },
];

let pool: OcrPool;
beforeAll(async () => {
  pool = await createOcrPool({ workers: 1 });
});
afterAll(async () => {
  await pool.close();
});

async function keptCrop(): Promise<ReturnType<typeof keepPage>> {
  const [img] = await decodeImagePages(new Uint8Array(readFileSync(CROP)));
  // as recognize.ts prepares a 150 dpi scan: enlarged bicubic to 200 dpi
  const image = enlargeBicubic(img!, 200 / 150);
  const page: OcrPage = { width: image.width, height: image.height, dpi: 200, words: [], rules: [], rotation: 0, skew: 0, confidence: 0, timings: { prep: 0, orientation: 0, ocr: 0 }, image };
  // points of the page as given per point of the image as read: both are the crop, 150 → 200 dpi
  return keepPage(1, page, { width: (image.width * 72) / 200, height: (image.height * 72) / 200, rotation: 0, skew: 0 }, 1);
}

describe('number cells of failing sums read again on the kept page image', () => {
  it('maps a box on the page onto the image as read, undoing a skew', () => {
    const kept = { page: 1, width: 2000, height: 1000, dpi: 200, data: Buffer.alloc(0), frame: { width: 720, height: 360, rotation: 0, skew: 0 }, scale: 1 };
    expect(imageBox(kept, { x0: 72, y0: 36, x1: 144, y1: 72 })).toEqual({ x0: 200, y0: 100, x1: 400, y1: 200 });
    // turned a quarter: the page's top left is the image's bottom left
    const turned = imageBox({ ...kept, frame: { ...kept.frame, rotation: 90 } }, { x0: 0, y0: 0, x1: 36, y1: 72 });
    expect(turned.x0).toBeCloseTo(2000 - 200, 6);
    expect(turned.y0).toBeCloseTo(0, 6);
    const skewed = imageBox({ ...kept, frame: { ...kept.frame, skew: 1 } }, { x0: 360, y0: 180, x1: 360, y1: 180 });
    expect(skewed.x0).toBeCloseTo(1000, 6); // the centre stays
  });

  it('reads the faint 4.70 of a real scan under a treatment (a 4 first read as 1)', async () => {
    const kept = await keptCrop();
    expect(kept).toBeDefined();
    const reread = cellRereader([kept!], pool, DEFAULT_OCR_SETTINGS);
    const got = await reread(CELLS.map((box) => ({ page: 1, box })));
    expect(got.problems).toEqual([]);
    expect(got.cells).toHaveLength(3);
    for (const c of got.cells) {
      expect(c.readings.map((r) => r.how)).toEqual(expect.arrayContaining(['thick']));
      expect(c.readings.some((r) => /^4\.70?$/.test(r.text))).toBe(true);
    }
    // a page not kept costs only its cells
    const other = await reread([{ page: 2, box: CELLS[0]! }]);
    expect(other.cells).toEqual([{ readings: [] }]);
    expect(other.problems).toEqual(['page 2: no image kept']);
  }, 30_000);
});
