// A thinly printed scan under a scanner's level stretch (the dev grid's level-hi-200 condition:
// levels 10–89 %, JPEG 80; yt-yibaoju 2026 收入总表, page 8, rows 205, 20508 and 2050803: their
// codes, names and 合计 / 小计 / 一般公共预算 amounts, each 4.70). The 4's diagonal and bar are 180-215 grey, its stem
// 40-70: at tesseract's threshold the diagonal and bar are gone and 4.70 is read 1.70 (or 70).
// Made with:
//   convert yt-yibaoju-2026-dept-budget-p08.jpg -crop 1200x180+0+530 +repage -colorspace Gray \
//     -depth 8 -define png:color-type=0 scans/yt-yibaoju-p08-level-hi-thin-fours-crop.png
// The page's greys put through a power curve before reading (extractors/ocr/tone.ts, ocr.tone.gamma)
// bring the light strokes below the threshold, and every 4 is read.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImagePages, type GreyImage } from '../../../extractors/ocr/image.js';
import { createOcrPool, type OcrPool } from '../../../extractors/ocr/index.js';
import { DEFAULT_OCR_SETTINGS } from '../../../extractors/ocr/settings.js';
import { darkenThinPrint, toneCurve } from '../../../extractors/ocr/tone.js';
import { fixture } from '../../fixture.js';

const crop = async (): Promise<GreyImage> => (await decodeImagePages(new Uint8Array(readFileSync(fixture('scans/yt-yibaoju-p08-level-hi-thin-fours-crop.png')))))[0]!;

describe('thin print darkened before reading', () => {
  let pool: OcrPool;
  beforeAll(async () => {
    pool = await createOcrPool({ workers: 1 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('the curve keeps black, white and the order of greys, and lowers a thin stroke below a threshold of 175', () => {
    const lut = toneCurve(DEFAULT_OCR_SETTINGS.tone.gamma);
    expect([lut[0], lut[255]]).toEqual([0, 255]);
    for (let v = 1; v < 256; v++) expect(lut[v]!).toBeGreaterThanOrEqual(lut[v - 1]!);
    expect(lut[200]!).toBeLessThan(175);
    // gamma 1 is off: the image itself
    return crop().then((img) => expect(darkenThinPrint(img, { gamma: 1 })).toBe(img));
  });

  it('4.70 is read as 4.70 nine times, not 1.70', async () => {
    const img = await crop();
    const read = async (gamma: number): Promise<string[]> =>
      (await pool.recognize(img, { dpi: 200, rotate: 0, settings: { ...DEFAULT_OCR_SETTINGS, tone: { gamma } } })).words.map((w) => w.text).filter((t) => /^\d+\.\d\d$/.test(t));
    // without the curve 4s are lost
    expect((await read(1)).filter((t) => t === '1.70').length).toBeGreaterThan(0);
    expect(await read(DEFAULT_OCR_SETTINGS.tone.gamma)).toEqual(Array(9).fill('4.70'));
  }, 30_000);
});
