// A 4 a 1-bit scan read as 1 in a table whose 合计 = Σ 类 fails for another reason: the 收入决算表 of
// 佛山市轨道交通局 2019 as read on the dev grid's fax-200 scan (values as OCR read them; its 本年收入合计,
// 财政拨款收入 and 其他收入 columns in the helper's three: total = basic + project). Its last 类 (221,
// 60.87) is printed on the next page, so 合计 = Σ 类 fails by about 60.87 whatever is read. 合计's
// 1668.14 read 1668.11 in the total column: its row sum (1668.14 + 0.01) says the total read low,
// and 1668.14 is its one reading with a 1 back as 4 that closes it (strokes.ts). Taking it moves
// 合计 = Σ 类 0.03 further off — a sum failing by far more than the cells moved (FAR_OFF times) is
// no witness against the reading; before, it blocked it and the figure stayed 1668.11.
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { findOcrRepairs, OCR_REPAIRED } from '../../normalizers/ocr-correct/index.js';
import type { Fact, TableRow } from '../../model/types.js';
import { makeDoc, type Row } from './helpers.js';

const READ: Row[] = [
  ['', '合计', '1668.11', '1668.14', '0.01'],
  ['208', '补会保障和就业支出', '76.23', '76.23', '0.00'],
  ['20805', '行政事业单仨尝逊休', '76.23', '76.23', '0.00'],
  ['2080505', '机关事业单位惧札莲老保险缴费支出', '53.15', '53.45', '0.00'],
  ['2080506', '机关事业单位命业升金缴费支巾', '22.78', '22.78', '0.00'],
  ['214', '交通运输支出', '1531.01', '1531.04', '0.01'],
  ['21401', '公路水路运输', '1531.01', '1531.04', '0.01'],
  ['2140101', '行政运行', '609.30', '609.29', '0.01'],
  ['2140102', '般行政管玟宇务', '905.60', '905.60', '0.00'],
  ['2140199', '其他公路水路运输支出', '16.15', '16.13', '0.00'],
];

describe('a 4 read as 1 under a sum that fails for another reason', () => {
  it('is read back when that sum fails by far more than the reading moves it', () => {
    const doc = makeDoc(READ);
    findOcrRepairs(doc);
    const total = doc.facts.find((f) => f.item === '合计' && f.measure === 'expenditure_total')!;
    expect(total.value.toFixed(2)).toBe('1668.14');
    expect(total.flags).toContain(OCR_REPAIRED);
    expect(doc.facts.find((f) => f.code === '214' && f.measure === 'expenditure_total')!.value.toFixed(2)).toBe('1531.04');
    // what was read right stays
    expect(doc.facts.find((f) => f.item === '合计' && f.measure === 'basic')!.value.toFixed(2)).toBe('1668.14');
  });

  it('not when the sum it moves further off fails by about as much as the reading', () => {
    // the last 类 read 0.05 short instead of missing: 合计 = Σ 类 is off by no more than the reading
    // moves it, and it would move further off
    const near: Row[] = [...READ, ['221', '住房保障支出', '60.82', '60.87', '0.00']];
    const doc = makeDoc(near);
    findOcrRepairs(doc);
    expect(doc.facts.find((f) => f.item === '合计' && f.measure === 'expenditure_total')!.value.toFixed(2)).toBe('1668.11');
  });
});

describe('a 4 read as 1 on one side of a 总表 that must balance', () => {
  // the same document's 收支总表, its last page as read on fax-200: 收入总计 1668.11, 支出总计 1668.14
  // (收入总计 = 支出总计 fails; its other sums are on pages before). A threshold never draws a 4: the
  // 1 is the 4 thinned, as for a figure two tables print (strokes.ts `apart`)
  it('takes the figure with the 4', () => {
    const doc = makeDoc([]);
    const rows: TableRow[] = [
      { rowIndex: 12, block: 0, section: 'income', code: '', item: '总计', values: [{ col: 2, measure: 'amount', measure_label: '决算数', raw: '1668.11' }], page: 4, flags: [] },
      { rowIndex: 12, block: 0, section: 'expenditure', code: '', item: '总计', values: [{ col: 5, measure: 'amount', measure_label: '决算数', raw: '1668.14' }], page: 4, flags: [] },
    ];
    doc.tables = [{ ...doc.tables[0]!, table_id: 't003', table_kind: 'income_expenditure_summary', table_no: '', title: '收入支出决算总表', rows }];
    const fact = (section: string, raw: string, col: number): Fact => ({
      doc_id: 'd1', table_id: 't003', table_kind: 'income_expenditure_summary', section, code: '', code_system: '', item: '总计', canonical_name: '', level: '', parent_code: '', cofog: '',
      measure: 'amount', measure_label: '决算数', value: new Decimal(raw), scale: 2, unit: '万元', amount_yuan: new Decimal(raw).times(10000), page: 4, flags: [], code_source: '', row: 12, col,
    });
    doc.facts = [fact('income', '1668.11', 2), fact('expenditure', '1668.14', 5)];
    const repairs = findOcrRepairs(doc);
    expect(doc.facts[0]!.value.toFixed(2)).toBe('1668.14');
    expect(doc.facts[0]!.flags).toContain(OCR_REPAIRED);
    expect(repairs.map((r) => r.confusion)).toEqual(['a 4 read as 1']);
  });
});
