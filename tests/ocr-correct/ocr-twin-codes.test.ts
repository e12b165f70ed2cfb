// Codes a 1-bit scan misread into codes the classification does not know, told by another table of
// the document printing the same row (医疗保障局 2026 on the dev fax-200 scan of the OCR grid bench:
// the body rows below as read). Its 一般公共预算支出情况表 reads the 款 20805 as 20803 (its 项 then
// 2080301 …) and its 收入总体情况表 the 项 2101550 as 2101530; the other table prints each of these
// rows right, with the same amounts (normalizers/facts/ocr-twin-codes.ts). Flagged ocr_code_repaired.
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, OCR_CODE_REPAIRED } from '../../normalizers/facts/index.js';
import { codesByTwins } from '../../normalizers/facts/ocr-twin-codes.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
// (the headers as the template prints them: their misread words are another mechanism's)
const INCOME = [
  ['科目编码', '科目编码', '科目编码', '科目名称', '合计', '财政拨款收入', '财政拨款收入'],
  ['类', '款', '项', '', '', '小计', '一般公共预算收入'],
  ['208', '', '', '社会保陈和就业支出', '327.92', '327.92', '327.92'],
  ['', '05', '', '行政事业单俘桃老支出', '257.92', 'AT. 92', '257.92'],
  ['', '', '01', '行政单位离退休', '13.27', '13.27', '13.27'],
  ['', '', '02', '希业单位离退件', '9.22', '9.22', '9.22'],
  ['210', '', '', '中健戟支崔', '11,870.983', '11,870.93', '11,870.93'],
  ['', '15', '', '伟疫保除铃玑事务', '413.68', '2,113.68', '2,113.68'],
  ['', '', '01', '钊政近行', '120.75', '120.75', '120.75'],
  ['', '', '30', '事业运扎', '1,202.92', '1,202.92', '1,202.92'],
];
const EXPENDITURE = [
  ['科目编码', '科目编码', '科目编码', '科目名称', '合计', '基本支出', '基本支出', '基本支出', '项目支出'],
  ['类', '款', '项', '', '', '小计', '人员支出', '日常公用支出', ''],
  ['208', '', '', '视会保陈和藏业支申', '327.92', '257.92', '267.02', '', '70.00'],
  ['', '03', '', '[Ev L202 34)', '257.92', '257.92', '257.92', '', ''],
  ['', '', '01', '行政单位峡适体', '13.27', '13.27', '13.27', '', ''],
  ['', '', '02', '半业单位禹迹件', '9.22', '9.22', '9.22', '', ''],
  ['210', '', '', '【生健康支寇', '11,870.93', '1,765.93', '1,605.16', '160.78', '13,105.00'],
  ['', '15', '', '医疗保陈管理事务', '2,113.68', '1,623.68', '1,162.40', '160.78', 'R20,00'],
  ['', '', '01', '行政运行', '120.75', '120.75', '356.19', '61.56', ''],
  ['', '', '50', '希业运行', '1,202.92', '1,202.92', '1106.71', '6.21', ''],
];

function document(income: string[][], expenditure: string[][]) {
  const ctx = { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax };
  const tables = [understandRows(income, { kind: 'budget_income', tableId: 't002', page: 3 }), understandRows(expenditure, { kind: 'budget_general_expenditure', tableId: 't003', page: 6 })];
  const facts = tables.flatMap((t) => factsOfTable(t, ctx));
  codesByTwins(tables, facts, tax, '2026', OCR_CODE_REPAIRED);
  return facts;
}
const codes = (fs: ReturnType<typeof document>, table: string) => [...new Set(fs.filter((f) => f.table_id === table).map((f) => f.code))];

describe('codes the classification does not know, told by another table printing the row', () => {
  it('take the known code one digit off that the other table prints with the same amounts, flagged', () => {
    const fs = document(INCOME, EXPENDITURE);
    expect(codes(fs, 't003')).toEqual(expect.arrayContaining(['20805', '2080501', '2080502']));
    expect(codes(fs, 't003')).not.toContain('20803');
    expect(codes(fs, 't002')).toContain('2101550');
    expect(codes(fs, 't002')).not.toContain('2101530');
    for (const f of fs.filter((x) => x.code === '20805' && x.table_id === 't003')) expect(f.flags).toContain(OCR_CODE_REPAIRED);
  });

  it('are left as read where no other table prints an amount of theirs', () => {
    const other = EXPENDITURE.map((r) => (r[1] === '03' ? [...r.slice(0, 4), '258.92', '258.92', '258.92', '', ''] : r));
    expect(codes(document(INCOME, other), 't003')).toContain('20803');
  });
});
