// A 1-bit scan thins a 4 to its stem, read 1, and the cells that copy it lose it alike: the
// 一般公共预算财政拨款支出决算表 of 佛山市轨道交通局 2019 as read on the dev grid's fax45-200 scan (the
// values of its rows as OCR read them; codes as printed): 合计's 746.39 read 716.39 and its 1668.14
// read 1668.11, 214's 1531.04 read 1531.01 in the 类 and the 款 alike, 2080505's 53.45 read 53.15 in
// both its columns. No two failing sums share one cell, and the copies hold with the misreading.
// A threshold never draws a 4: the side of a failing sum that reads low lost it, and the one cell
// there with a 1 read back as 4 that makes the sum hold is it (normalizers/ocr-correct/strokes.ts),
// with its copies read alike; 合计 and 214 together, since either alone breaks 合计 = Σ 类.
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { findOcrRepairs, OCR_REPAIRED } from '../../normalizers/ocr-correct/index.js';
import { identityChecks } from '../../normalizers/checks/index.js';
import type { TableRow } from '../../model/types.js';
import { makeDoc, PRINTED, type Row } from './helpers.js';

const READ: Row[] = [
  ['', '合计', '1668.11', '716.39', '921.75'],
  ['208', '社会保隔和就业支出', '76.23', '76.23', '0.00'],
  ['20805', '行政事业单位养老支出', '76.23', '76.23', '0.00'],
  ['2080505', '机关予业单伐基不莲考保际缴费支1', '53.15', '53.15', '0.00'],
  ['2080506', '机关事业单位职业平金缴费支出', '22.78', '22.78', '0.00'],
  ['214', '交通迟输支巾', '1531.01', '609.29', '921.75'],
  ['21401', '公路水路运输', '1531.01', '609.29', '921.75'],
  ['2140101', '行政近行', '609.29', '609.29', '0.00'],
  ['2140102', '一般行政管理事务', '905.60', '0.00', '905.60'],
  ['2140199', '其他公路水路运输支出', '16.15', '0.00', '16.15'],
  ['221', '佐房保障支中', '60.87', '60.87', '0.00'],
  ['22102', '作房改鞍支出', '60.87', '60.87', '0.00'],
  ['2210201', '住房公积金', '60.87', '60.87', '0.00'],
];

describe('a 4 a 1-bit scan read as 1, in a cell and its copies', () => {
  it('is read back where a failing sum says the low side lost it', () => {
    const doc = makeDoc(READ);
    const repairs = findOcrRepairs(doc);
    const v = (code: string, m: string) => doc.facts.find((f) => f.code === code && f.measure === m && (code || f.item === '合计'))!;
    expect(v('', 'basic').value.toFixed(2)).toBe('746.39');
    expect(v('', 'expenditure_total').value.toFixed(2)).toBe('1668.14');
    expect(v('214', 'expenditure_total').value.toFixed(2)).toBe('1531.04');
    expect(v('21401', 'expenditure_total').value.toFixed(2)).toBe('1531.04');
    expect(v('2080505', 'expenditure_total').value.toFixed(2)).toBe('53.45');
    expect(v('2080505', 'basic').value.toFixed(2)).toBe('53.45');
    expect(v('214', 'expenditure_total').flags).toContain(OCR_REPAIRED);
    expect(repairs.every((r) => r.confusion.startsWith('a 4 read as 1'))).toBe(true);
    // what was read right stays
    expect(v('2140101', 'basic').value.toFixed(2)).toBe('609.29');
  });

  it('not when a 1 read back as 4 would not make the sum hold', () => {
    // 合计's 基本支出 read 716.29 (two digits off): no 1 read back as 4 closes 合计 = Σ 类
    const doc = makeDoc(READ.map((r, i) => (i === 0 ? (['', '合计', '1668.11', '716.29', '921.75'] as Row) : r)));
    findOcrRepairs(doc);
    expect(doc.facts.find((f) => f.item === '合计' && f.measure === 'basic')!.value.toFixed(2)).toBe('716.29');
  });
});

describe('a 4 read as 1 in one of two tables that print one figure', () => {
  // the 收支总表's 本年支出合计 read 1,231.56 where the 支出决算表's 合计 reads 1,234.56 (fs 2019 on
  // fax-200: 1668.11 against 1668.14): a threshold never draws the 4, so the 1 is the 4 thinned
  it('takes the figure with the 4', () => {
    const doc = makeDoc(PRINTED);
    const rows: TableRow[] = [{ rowIndex: 20, block: 1, section: 'expenditure', code: '', item: '本年支出合计', values: [{ col: 5, measure: 'amount', measure_label: '决算数', raw: '1,231.56' }], page: 3, flags: [] }];
    doc.tables.push({ ...doc.tables[0]!, table_id: 't002', table_kind: 'income_expenditure_summary', table_no: '公开01表', title: '收入支出决算总表', rows });
    const f0 = doc.facts[0]!;
    doc.facts.push({ ...f0, flags: [], table_id: 't002', table_kind: 'income_expenditure_summary', section: 'expenditure', code: '', code_system: '', item: '本年支出合计', measure: 'amount', measure_label: '决算数', value: new Decimal('1231.56'), scale: 2, amount_yuan: new Decimal('12315600'), row: 20, col: 5 });
    const before = identityChecks(doc).filter((c) => c.check_id === 'cross_table_total' && c.severity !== 'info');
    expect(before.length).toBe(1);
    const repairs = findOcrRepairs(doc);
    expect(doc.facts.at(-1)!.value.toFixed(2)).toBe('1234.56');
    expect(repairs.map((r) => r.confusion)).toEqual(['a 4 read as 1']);
    expect(doc.facts.at(-1)!.flags).toContain(OCR_REPAIRED);
  });
});
