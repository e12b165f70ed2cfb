// A 收支总表 of a 2026 部门预算 never tuned on, as OCR read a photocopy of it (深圳市人民政府口岸办公室
// p. 2, the unseen photocopy-200 condition of the OCR bench; its first rows as read): the income
// side's 2026年预算数 came back 2036年预算数. The table's current year was taken as its latest
// header year, 2036, so the expenditure side's 2026年预算数 became a prior year's column and its
// facts `prior_year`: silent, at no position of the table's. OCR'd, a header year later than the
// year after the document's is a misread (normalizers/tables/measures.ts currentYear).
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

const ROWS = [
  ['项目', '2036年预算数', '项目', '2026年预算数'],
  ['一、财政拔款', '55,131.54', '一般公共服务支出', '46,284.00'],
  ['1.一般公共预算拨款', '53,131.54', '海关事务', '46,161.69'],
  ['2政府怯基金预算拨款', '0.00', '行政运行', '3,053.34'],
  ['本年收入合计', '55,131.54', '本年支出合计', '55884.67'],
];
const table = (fiscalYear: string, method: 'ocr' | 'ruled' = 'ocr') => understandRows(ROWS, { kind: 'budget_income_expenditure_summary', tableId: 't001', title: '收支总表', page: 2, fiscalYear }, method);
const measures = (t: ReturnType<typeof table>) => t.columns.filter((c) => c.role === 'measure').map((c) => c.measure ?? '');

describe('a header year OCR misread ten years on', () => {
  it('makes no prior year of the columns of the other side', () => {
    expect(measures(table('2026'))).toEqual(['amount', 'amount']);
  });

  it('is the current year still where the year of the document was read a year short (a 2026 budget taken for 2025)', () => {
    const rows = understandRows([['项目', '2026年预算数', '项目', '2025年预算数'], ...ROWS.slice(1)], { kind: 'budget_income_expenditure_summary', tableId: 't001', page: 2, fiscalYear: '2025' });
    expect(measures(rows)).toEqual(['amount', 'prior_year']);
  });

  it('is read as printed on a text layer', () => {
    expect(measures(table('2026', 'ruled'))).toEqual(['amount', 'prior_year']);
  });
});
