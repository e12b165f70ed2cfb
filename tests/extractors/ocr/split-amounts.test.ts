import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { RawGrid } from '../../../model/types.js';
import { decodePng } from '../../../extractors/ocr/image.js';
import { createOcrPool, layoutOcr, ocrToContent } from '../../../extractors/ocr/index.js';
import { repairJoinedCells } from '../../../extractors/ocr/page.js';
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
  it('in such a column: a speck’s point after a thousands comma, a rule or a speck read after the decimals, marks before the amount, a colon for its point', () => {
    // as read on the dev grid's photocopy-200 scans of a 2024 final account and a 2026 budget (万元, two decimals)
    const g = grid([
      ['', '总计', '22,.066. 59'],
      ['2014099', '其他信访事务支出', '1,247.85I,'],
      ['2101501', '行政运行', '420.75 i'],
      ['2014001', '行政运行', '6,026.13'],
      ['2014002', '一般行政管理事务', '4.70'],
      ['2101103', '公务员医疗补助', '12:28'],
      ['21012', '财政对基本医疗保险基金的补助', '§,8,000.00'],
      ['22102', '住房改革支出', '0:0.00'],
      ['2140101', '行政运行', '0.-00'],
      ['2140102', '一般行政管理事务', '0.00'],
      ['2140103', '机关服务', '10.-00'],
    ]);
    repairSplitAmounts(g);
    expect(g.rows.map((r) => r[2]!.text)).toEqual(['22066.59', '1,247.85', '420.75', '6,026.13', '4.70', '12.28', '8,000.00', '0.00', '0.00', '0.00', '10.-00']);
  });

  it('in such a column: a zero broken open or its point lost, as a photocopy and a 1-bit scan read it, is 0.00', () => {
    // as read on the unseen photocopy-200 scan of a 2026 budget never tuned on (广州市住房和城乡建设局
    // p. 5, 支出总表: 上缴上级支出 and 对附属单位补助支出 print 0.00 in every row)
    const read = ['0.0C', '0c', '0.0¢', '0 0c', '0.000c', '00', '0..00', '0.000¢', '0.00', '0.0', '0', '70.0', '0.06', '0c6', 'Oc', '0.0000c00'];
    const g = grid([['', '合计', '154,728.05'], ['201', '一般公共服务支出', '16.25'], ...read.map((t, i) => [String(2080500 + i), '行政运行', t])]);
    const notes = repairSplitAmounts(g);
    expect(g.rows.slice(2).map((r) => r[2]!.text)).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.0', '0', '70.0', '0.06', '0c6', 'Oc', '0.0000c00']);
    expect(notes.filter((n) => /broken open/.test(n))).toHaveLength(8);
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
    expect(g.rows.map((r) => r.slice(1).map((c) => c.text))).toEqual([['426,000', '0'], ['426,000', '0'], ['426,000', '0'], ['888,700', '0 0']]);
  });

  it('takes marks no digit is read as off any amount, and reads the commas a darker copy turned to other marks', () => {
    // cells as read on the dev grid's photocopy-200 scans (部门收入预算总表 / 一般公共预算支出表 of
    // a 2024 budget, whole 元; a 2024 final account's 万元 with two decimals)
    for (const [t, want] of [['“1,633,000', '1,633,000'], ['「300,000', '300,000'], ['_200,000', '200,000'], [':4,608,515', '4,608,515'], ['°2,940.05', '2,940.05'], ['「445.69', '445.69'], ['+250,000', '250,000'], ['+50,000', '+50,000'], ['一333,000', '一333,000'], ['-1,633,000', '-1,633,000']]) expect(withoutSpeckPoint(t!)).toBe(want);
    const g = grid([
      ['204', '“1,633,000', '0'], ['20406', '「300,000', '0.'], ['2040607', '300,000', '.0'], ['20499', 'I,333,000', '0'],
      ['2080506', '2,302;815', '0'], ['20807', '4 212,300', '0'], ['2120102', '17,591 003', '0'], ['21011', '3;.023,657', '0'],
      ['20807', '.4 212,300', '0,'], ['22103', '加200', '0'], ['20499', '一333,000', '0'],
    ]);
    const notes = repairSplitAmounts(g);
    expect(g.rows.map((r) => r[1]!.text)).toEqual(['1,633,000', '300,000', '300,000', '1,333,000', '2,302,815', '4,212,300', '17,591,003', '3,023,657', '4,212,300', '加200', '一333,000']);
    expect(g.rows.map((r) => r[2]!.text)).toEqual(['0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
    expect(notes.join('\n')).toMatch(/"2,302;815" read as 2,302,815/);
    // a column with decimals is no column of whole amounts: its separators stay as read
    const d = grid([['201', '1,234.50', '0.'], ['202', '2,302;815', '.0'], ['203', '12.00', '0.00']]);
    repairSplitAmounts(d);
    expect(d.rows.map((r) => r.slice(1).map((c) => c.text))).toEqual([['1,234.50', '0.'], ['2,302;815', '.0'], ['12.00', '0.00']]);
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

describe('a number cell whose words were joined', () => {
  it('is put right as one word would have been', () => {
    // as read on the unseen photocopy-200 scan of a 2026 budget never tuned on (广州市商务局 p. 2,
    // 收支总表: 本年收入合计 read as two words, `121,393,` and `52`, a comma for the decimal point)
    const g = grid([['本年收入合计', '121,393,52', '本年支出合讲', '121,393.52'], ['上半结转结余', '0.00', '结转统余下年', '0.00'], ['201 06', '1O5.00', 'l23一般', '0.0C']]);
    const repairs = repairJoinedCells(g.rows);
    expect(g.rows.map((r) => r.map((c) => c.text))).toEqual([['本年收入合计', '121,393.52', '本年支出合讲', '121,393.52'], ['上半结转结余', '0.00', '结转统余下年', '0.00'], ['201 06', '105.00', 'l23一般', '0.0C']]);
    expect(repairs.map((r) => `${r.before}→${r.after} ${r.rules.join(',')}`)).toEqual(['121,393,52→121,393.52 separator', '1O5.00→105.00 letter-digit']);
  });
});
