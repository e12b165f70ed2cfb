// The number re-read skips a cell that a second reading cannot change (rereadNumbers.skipWhole): a
// well-formed amount read whole, with no ink beside it in its column and no more digits in its own
// ink than it was read with. On a real crop of a faint 150 dpi scan (three cells printing 4.70, the
// 4 thin; enlarged to 200 dpi as recognize.ts does), the cells' first readings given with their
// boxes; the runner records the crops it is asked to read instead of running tesseract.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImagePages, enlargeBicubic, type GreyImage } from '../../../extractors/ocr/image.js';
import type { OcrRunner, RawResult } from '../../../extractors/ocr/pool.js';
import { findRules, binarize, otsu, type PixelRule } from '../../../extractors/ocr/prep.js';
import { rereadNumbers } from '../../../extractors/ocr/reread-numbers.js';
import { DEFAULT_OCR_SETTINGS, resolveOcrSettings } from '../../../extractors/ocr/settings.js';
import type { OcrWord } from '../../../extractors/ocr/types.js';

const CROP = new URL('../../fixtures/scans/yt-yibaoju-p15-faint-4-70-crop.png', import.meta.url);
/** the cells' value boxes as the pipeline gave them, points on the crop (as in reread-cells.test.ts) */
const CELLS = [
  { x0: 94.5, y0: 11.9, x1: 109.3, y1: 17.4 },
  { x0: 94.4, y0: 30.6, x1: 108.9, y1: 36.1 },
  { x0: 94.3, y0: 48.6, x1: 108.8, y1: 54.4 },
];
const px = (b: (typeof CELLS)[number]): OcrWord['box'] => ({ x0: (b.x0 * 200) / 72, y0: (b.y0 * 200) / 72, x1: (b.x1 * 200) / 72, y1: (b.y1 * 200) / 72 });

let img: GreyImage;
let rules: PixelRule[];
beforeAll(async () => {
  const [crop] = await decodeImagePages(new Uint8Array(readFileSync(CROP)));
  img = enlargeBicubic(crop!, 200 / 150);
  rules = findRules(binarize(img, otsu(img)), img.width, img.height, { dpi: 200 });
});

/** a runner that reads nothing and counts the crops sent (the strip's height over one crop's) */
function counting(): { runner: OcrRunner; jobs: number[] } {
  const jobs: number[] = [];
  return {
    jobs,
    runner: {
      run: (image): Promise<RawResult> => {
        jobs.push(image.height);
        return Promise.resolve({ words: [], lines: [], confidence: 0, ms: 0 });
      },
    },
  };
}

const word = (text: string, box: OcrWord['box'], line: number): OcrWord => ({ text, box, confidence: 90, line });
const on = resolveOcrSettings({ rereadNumbers: { skipWhole: 1 } });
const off = resolveOcrSettings({ rereadNumbers: { skipWhole: 0 } });

describe('number cells that a second reading cannot change', () => {
  it('finds the column between the crop’s two vertical rules', () => {
    expect(rules.filter((r) => !r.horizontal)).toHaveLength(2);
  });

  it('does not read again well-formed amounts read whole with nothing beside them', async () => {
    const words = CELLS.map((c, i) => word('4.70', px(c), i));
    const skip = counting();
    const out = await rereadNumbers(skip.runner, img, rules, words, 200, on);
    expect(skip.jobs).toEqual([]);
    expect(out.words.map((w) => w.text)).toEqual(['4.70', '4.70', '4.70']);
    // without the skip the same cells are read again (one strip)
    const all = counting();
    await rereadNumbers(all.runner, img, rules, words, 200, off);
    expect(all.jobs).toHaveLength(1);
  });

  it('reads again a cell with ink beside its word (a digit the first reading dropped)', async () => {
    // the first cell's word given without its thin 4 (the box starts at the decimal point, x 272 px)
    const first = px(CELLS[0]!);
    const words = [word('0.70', { ...first, x0: 271 }, 0), ...CELLS.slice(1).map((c, i) => word('4.70', px(c), i + 1))];
    const r = counting();
    await rereadNumbers(r.runner, img, rules, words, 200, on);
    expect(r.jobs).toHaveLength(1);
    // one crop in the strip: the two whole cells were left out
    const one = counting();
    await rereadNumbers(one.runner, img, rules, [words[0]!, words[1]!], 200, off);
    expect(r.jobs[0]).toBeLessThan(one.jobs[0]!);
  });

  it('reads again a cell whose ink holds more digits than it was read with', async () => {
    const words = CELLS.map((c, i) => word(i === 2 ? '4.7' : '4.70', px(c), i));
    const r = counting();
    await rereadNumbers(r.runner, img, rules, words, 200, on);
    expect(r.jobs).toHaveLength(1);
  });

  it('is on by default', () => {
    expect(DEFAULT_OCR_SETTINGS.rereadNumbers.skipWhole).toBe(1);
  });
});
