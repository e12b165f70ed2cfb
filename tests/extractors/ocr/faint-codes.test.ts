// A thin print blurred (the blur-md condition of tests/bench/ocr-grid.ts): the 类/款/项 codes stand
// alone in their ruled cells, tesseract's sparse pass drops them, and their strokes are too grey for
// the gap fill's fixed ink level (205 has 7 pixels under 128). The gap fill counts as ink what is
// darker than the page's Otsu threshold on such a page (OcrSettings.gapFill.maxInkLevel), and the
// codes are read. A crop of the dev grid's scan (a real page of an answer-key document, 200 dpi grey
// JPEG, blur sigma 0.9), cut with
//   convert /tmp/fx-grid/dev/blur-md-200/pages/yt-yibaoju-2026-dept-budget-p08.jpg -crop 800x700+40+490 +repage yt-yibaoju-p08-blur-md-codes-crop.png
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, type GreyImage } from '../../../extractors/ocr/image.js';
import { createOcrPool, type OcrPool } from '../../../extractors/ocr/index.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from '../../../extractors/ocr/settings.js';
import { fixture } from '../../fixture.js';

const crop: GreyImage = decodePng(new Uint8Array(readFileSync(fixture('scans/yt-yibaoju-p08-blur-md-codes-crop.png'))));
const S = DEFAULT_OCR_SETTINGS;
const CODES = ['205', '08', '03', '208', '05', '01', '02', '05', '06', '27', '99'];

let pool: OcrPool;
beforeAll(async () => {
  pool = await createOcrPool({ workers: 1 });
});
afterAll(async () => {
  await pool.close();
});

async function codes(settings: OcrSettings): Promise<string[]> {
  const p = await pool.recognize(crop, { dpi: 200, settings, rotate: 0 });
  // the words of the three code columns (left of the 科目名称 rule at x ≈ 185)
  return p.words.filter((w) => w.box.x1 < 180 && /^\d+$/.test(w.text)).sort((a, b) => a.box.y0 - b.box.y0).map((w) => w.text);
}

describe('codes of a faint blurred print in their ruled cells', () => {
  it('are read by the gap fill at the page’s own ink level, and lost at the fixed one', async () => {
    expect(await codes(S)).toEqual(CODES);
    // the crop unsharpened (its edge sharpness is within ocr.sharpen's band, and a sharpened page's
    // codes are dark enough for the fixed level; so are they with the page's greys put through
    // ocr.tone's curve, off here too): the gap fill's own ink level alone reads them
    const U: OcrSettings = { ...S, sharpen: { ...S.sharpen, below: 0 }, tone: { gamma: 1 } };
    expect(await codes(U)).toEqual(CODES);
    const fixed = await codes({ ...U, gapFill: { ...U.gapFill, maxInkLevel: U.gapFill.inkLevel } });
    expect(fixed.length).toBeLessThan(CODES.length / 2);
  }, 60_000);
});
