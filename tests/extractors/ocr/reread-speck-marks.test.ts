// Number re-reads of words a toner speck damaged beyond their own column's help. The crops are
// real: the dev grid's photocopy-200 scan (tests/bench/ocr-grid.ts) of 上海市普陀区财政局 2024,
// cut with
//   convert /tmp/fx-grid/dev/photocopy-200/pages/sh-putuo-caizhengju-2024-dept-final-p15.jpg \
//     -crop 300x240+1160+1390 +repage -strip -colorspace Gray -quality 92 caizhengju-p15-photocopy-speck-band-crop.jpg
//   convert /tmp/fx-grid/dev/photocopy-200/pages/sh-putuo-caizhengju-2024-dept-final-p07.jpg \
//     -crop 260x140+680+230 +repage -strip -colorspace Gray -quality 92 caizhengju-p07-photocopy-speck-mark-crop.jpg
// prepared as recognize.ts prepares a page; the words are the page reading's, boxes moved onto the
// crop.
//  - the 基本支出 合计 2,336.91 of a 一般公共预算财政拨款支出决算表 read `2.33691` in a box 63 px high
//    (specks under it): every word of its line is tall, so the crop took the rows of that box and
//    was too high to read; it is cut to the rows of the column's typical height holding the most
//    ink (rereadNumbers.inkBand);
//  - 年初结转和结余 49.14 of a 收入支出决算总表 read `49.14°` (a speck right of the 4), alone in its
//    column on the page, so never read again as a lone cell; a word that is no number as printed is
//    read again (rereadNumbers.malformed), and the reading is taken as any re-read is (every digit
//    kept in order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TesseractPool } from '../../../extractors/ocr/pool.js';
import { rereadNumbers } from '../../../extractors/ocr/reread-numbers.js';
import { DEFAULT_OCR_SETTINGS as S, resolveOcrSettings } from '../../../extractors/ocr/settings.js';
import type { OcrWord } from '../../../extractors/ocr/types.js';
import { preparedCrop, wordsOnCrop } from './photocopy-crop.js';

const BAND = new URL('../../fixtures/scans/caizhengju-p15-photocopy-speck-band-crop.jpg', import.meta.url);
const BAND_WORDS = wordsOnCrop([
  ['445.69', 1278, 1402, 1369, 1426],
  ['187.19', 1281, 1443, 1369, 1474],
  ['258.50', 1278, 1498, 1369, 1522],
  ['2.33691', 1253, 1538, 1369, 1601],
], { x: 1160, y: 1390 });
const MARK = new URL('../../fixtures/scans/caizhengju-p07-photocopy-speck-mark-crop.jpg', import.meta.url);
const MARK_WORDS = wordsOnCrop([
  ['49.14°', 763, 263, 842, 294],
  ['2,995.39', 726, 319, 832, 346],
], { x: 680, y: 230 });

let pool: TesseractPool;
beforeAll(() => {
  pool = new TesseractPool({ workers: 1 });
});
afterAll(async () => {
  await pool.close();
});

const texts = (ws: OcrWord[]): string[] => [...ws].sort((a, b) => a.box.y0 - b.box.y0).map((w) => w.text);

describe('number re-read of words a speck damaged', () => {
  it('reads a line whose every word took in a speck on the rows that hold its ink', async () => {
    const { img, rules } = await preparedCrop(BAND);
    const on = await rereadNumbers(pool.runner(), img, rules, BAND_WORDS, 200, S);
    expect(texts(on.words)).toContain('2,336.91');
    const off = await rereadNumbers(pool.runner(), img, rules, BAND_WORDS, 200, resolveOcrSettings({ rereadNumbers: { inkBand: 0 } }));
    expect(texts(off.words)).toContain('2.33691');
  }, 60_000);

  it('reads again a lone word that is no number as printed', async () => {
    const { img, rules } = await preparedCrop(MARK);
    const on = await rereadNumbers(pool.runner(), img, rules, MARK_WORDS, 200, S);
    expect(texts(on.words)).toEqual(['49.14', '2,995.39']);
    const off = await rereadNumbers(pool.runner(), img, rules, MARK_WORDS, 200, resolveOcrSettings({ rereadNumbers: { malformed: 0 } }));
    expect(texts(off.words)).toEqual(['49.14°', '2,995.39']);
  }, 60_000);
});
