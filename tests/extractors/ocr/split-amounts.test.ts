import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { RawGrid } from '../../../model/types.js';
import { decodePng } from '../../../extractors/ocr/image.js';
import { createOcrPool, layoutOcr, ocrToContent } from '../../../extractors/ocr/index.js';
import { withoutSpeckPoint } from '../../../extractors/ocr/repair.js';
import { repairSplitAmounts } from '../../../extractors/ocr/split-amounts.js';
import { fixture } from '../../fixture.js';

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

describe('a photocopy’s specks and lost commas against whole amounts', () => {
  it('takes a speck’s point, comma or quote mark off a grouped amount, and nothing else', () => {
    for (const [t, want] of [['.426,000', '426,000'], [',426,000', '426,000'], ['‘1,106,000', '1,106,000'], ['119,.100', '119,100'], ['.5', '.5'], ['0.426', '0.426'], ['.426', '.426'], ['426,000.', '426,000.'], ['16,', '16,']]) expect(withoutSpeckPoint(t!)).toBe(want);
    const g = grid([['201', '426,000', '0'], ['20129', ',426,000', '.0'], ['2012902', '426 000', '0'], ['20132', '888 700', '0 0']]);
    repairSplitAmounts(g);
    expect(g.rows.map((r) => r.slice(1).map((c) => c.text))).toEqual([['426,000', '0'], ['426,000', '.0'], ['426,000', '0'], ['888,700', '0 0']]);
  });

  it('in a real crop: the specks read as marks and a comma lost against the dark paper are put right', async () => {
    // two columns of a 部门收入预算总表 (whole 元 with thousands commas) from the dev grid's
    // photocopy-200 scan (tests/bench/ocr-grid.ts; grey paper, toner specks, JPEG 75), cut with
    //   convert /tmp/fx-grid/dev/photocopy-200/pages/sh-putuo-wanlijiedao-2024-dept-budget-p11.jpg -crop 480x225+1060+800 +repage -strip wanlijiedao-p11-photocopy-amounts-crop.png
    const img = decodePng(new Uint8Array(readFileSync(fixture('scans/wanlijiedao-p11-photocopy-amounts-crop.png'))));
    const pool = await createOcrPool({ workers: 1 });
    try {
      const page = await pool.recognize(img, { dpi: 200, rotate: 0 });
      const words = page.words.map((w) => w.text);
      // the specks are read: a point and a comma before 426, a semicolon for a comma after 888
      expect(words.filter((w) => /^[.,]426/.test(w)).length).toBeGreaterThanOrEqual(1);
      const blocks = layoutOcr([ocrToContent(page, 1)]);
      const amounts = blocks.flatMap((b) => (b.kind === 'grid' ? b.grid.rows.flat().map((c) => c.text).filter((t) => /\d/.test(t)) : []));
      expect(amounts).toEqual(['426,000', '426,000', '426,000', '426,000', '888,700', '888,700']);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
