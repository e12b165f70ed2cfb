// A number column whose every cell the page reading cut alike (rereadNumbers.besideWhole): on the
// dev grid's photocopy-hi-200 scan of a 一般公共预算支出表 (tests/bench/ocr-grid.ts) the 合计 column
// read 4,285.00 as `285`, 2,443.68 as `443`, 1,202.92 as `202`: no cell of the column showed its
// decimals, so the column was taken for one that prints none and no cell was read again. The page
// prints decimals (the 小计 column beside it reads `420.75`, `202.92`), and ink lies beside each
// word within its column: the cells are read again. The crop is real, cut with
//   convert /tmp/fx-grid/dev/photocopy-hi-200/pages/yt-yibaoju-2026-dept-budget-p16.jpg \
//     -crop 500x355+900+350 +repage -strip -colorspace Gray -quality 90 yt-yibaoju-p16-photocopy-hi-cut-column-crop.jpg
// and prepared as recognize.ts prepares a page; the words are the page reading's, moved onto the crop.
import { describe, expect, it } from 'vitest';
import { rereadNumbers } from '../../../extractors/ocr/reread-numbers.js';
import { DEFAULT_OCR_SETTINGS as S, resolveOcrSettings } from '../../../extractors/ocr/settings.js';
import type { OcrWord } from '../../../extractors/ocr/types.js';
import { cropReader, wordsOnCrop } from './photocopy-crop.js';

const CROP = new URL('../../fixtures/scans/yt-yibaoju-p16-photocopy-hi-cut-column-crop.jpg', import.meta.url);
const AT = { x: 900, y: 350 };
/** the page reading's words, page pixels */
const PAGE_WORDS: [string, number, number, number, number][] = [
  ['285', 1091, 367, 1121, 383],
  ['285', 1091, 418, 1121, 434],
  ['443', 1095, 467, 1121, 485],
  ['623.', 1326, 469, 1362, 484],
  ['68', 1368, 469, 1388, 484],
  ['420', 1094, 520, 1121, 536],
  ['420.75', 1327, 519, 1388, 535],
  ['100.', 1094, 571, 1121, 587],
  ['420', 1092, 622, 1121, 638],
  ['202', 1091, 673, 1120, 689],
  ['202.92', 1326, 673, 1387, 688],
];
const words = wordsOnCrop(PAGE_WORDS, AT);

const crop = cropReader(CROP);

/** the 合计 column's cells (left of the crop's middle rule), top to bottom */
const total = (ws: OcrWord[]): string[] => ws.filter((w) => w.box.x1 < 255).sort((a, b) => a.box.y0 - b.box.y0).map((w) => w.text);

describe('a number column cut alike in every cell', () => {
  it('lies between vertical rules', () => {
    expect(crop.rules.filter((r) => !r.horizontal).length).toBeGreaterThanOrEqual(2);
  });

  it('is read again where ink lies beside its words: the leading digits and the decimals come back', async () => {
    const out = await rereadNumbers(crop.pool.runner(), crop.img, crop.rules, words, 200, S);
    const got = total(out.words);
    // 4,285.00 ×2, 2,443.68 and 1,202.92 read whole; what is not (400.00's 4 read 1, no reading
    // keeps the first one's digits) keeps its first reading
    expect(got.filter((t) => ['4,285.00', '2,443.68', '1,202.92'].includes(t))).toEqual(['4,285.00', '4,285.00', '2,443.68', '1,202.92']);
    expect(got).toHaveLength(7);
    expect(got).not.toContain('285');
  }, 60_000);

  it('is not read again with the mechanism off', async () => {
    const out = await rereadNumbers(crop.pool.runner(), crop.img, crop.rules, words, 200, resolveOcrSettings({ rereadNumbers: { besideWhole: 0 } }));
    expect(total(out.words)).toEqual(['285', '285', '443', '420', '100.', '420', '202']);
  }, 60_000);

  it('is not read again on a page that shows no decimals anywhere (a column of codes or whole amounts)', async () => {
    const whole = words.filter((w) => w.box.x1 < 255);
    const out = await rereadNumbers(crop.pool.runner(), crop.img, crop.rules, whole, 200, S);
    expect(total(out.words)).toEqual(['285', '285', '443', '420', '100.', '420', '202']);
  }, 60_000);
});
