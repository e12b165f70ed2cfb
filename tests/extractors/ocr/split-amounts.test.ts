import { describe, it, expect } from 'vitest';
import type { RawGrid } from '../../../model/types.js';
import { repairSplitAmounts } from '../../../extractors/ocr/split-amounts.js';

const grid = (rows: string[][]): RawGrid => ({ method: 'ocr', rows: rows.map((r) => r.map((text) => ({ text }))) });

describe('amounts whose separators OCR dropped', () => {
  it('rejoins space-separated groups in a column that prints two decimals', () => {
    // as tesseract returns guojia-xinfangju 2024 p8 at 200 dpi: 16, 770. 89 → 16 770 89
    const g = grid([
      ['201', '一般公共服务支出', '16 770 89'],
      ['20101', '人大事务', '1,234.50'],
      ['2010101', '行政运行', '770 89'],
      ['2010102', '一般行政管理事务', '464.11'],
    ]);
    const notes = repairSplitAmounts(g);
    expect(g.rows.map((r) => r[2]!.text)).toEqual(['16770.89', '1,234.50', '770.89', '464.11']);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/"16 770 89" read as 16770.89/);
  });
  it('leaves codes, integers and columns without a decimal convention alone', () => {
    const g = grid([
      ['201 06', '100', '1 2'],
      ['2010601', '20451', '7623'],
      ['301', '3 5', '12 34'],
    ]);
    expect(repairSplitAmounts(g)).toEqual([]);
    expect(g.rows.map((r) => r.map((c) => c.text))).toEqual([['201 06', '100', '1 2'], ['2010601', '20451', '7623'], ['301', '3 5', '12 34']]);
  });
});
