// A 财政拨款基本支出预算表 of a 部门预算 never tuned on, as OCR read a grey JPEG scan of it (江苏省高级人民
// 法院 2017, the OCR bench's unseen documents of ../shared/corpus, q80-200; rows as read): one amount
// column, its header 金额 read 金频. No sum of columns can name a lone column, and before, its 33
// facts were left without a measure. A one-sided table's only amount column, its header naming no
// earlier year or change, is its kind's one value (normalizers/tables/ocr-measures.ts loneAmount),
// flagged as inferred; the identities of its rows test its values like any other.
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

const ROWS = [
  ['', '合计', '17,123.19'],
  ['301', '工资福利支出', '7,687.65'],
  ['30101', '基本工资', '2,509.00'],
  ['30102', '津贴补贴', '4,220.60'],
  ['30103', '奖金', '206.16'],
  ['30104', '其他社会保障缴费', '64.80'],
  ['30107', '绩效工资', '65.62'],
  ['30199', '其他工资福利支出', '621.47'],
];
const table = (amountHead: string, kind = 'budget_fiscal_appropriation_basic_expenditure') =>
  understandRows([['科目编码', '科目名称', amountHead], ...ROWS], { kind, tableId: 't006', title: '财政拨款基本支出预算表', page: 5 });
const amount = (t: ReturnType<typeof table>) => t.columns.find((c) => c.role === 'measure')!;

describe('the one amount column of an OCR\'d table whose header was misread', () => {
  it('is the kind\'s one value, inferred from the layout', () => {
    const c = amount(table('金频'));
    expect(c.measure).toBe('amount');
    expect(c.measure_evidence).toBe('layout');
    // the kind's value: a 财政拨款支出表's 金额 is its total
    expect(amount(table('金频', 'budget_fiscal_appropriation_expenditure')).measure).toBe('total');
  });

  it('keeps the measure its header names, read as printed', () => {
    const c = amount(table('金额'));
    expect(c.measure).toBe('amount');
    expect(c.measure_evidence).not.toBe('layout');
  });

  it('is left unnamed under an earlier year\'s header, and where the table has two amount columns', () => {
    expect(amount(table('2016年颈算数')).measure).toBe('');
    const two = understandRows([['科目编码', '科目名称', '金频', '人员经费'], ...ROWS.map((r) => [...r, ''])], { kind: 'budget_fiscal_appropriation_basic_expenditure', tableId: 't006', page: 5 });
    expect(two.columns.filter((c) => c.role === 'measure').map((c) => c.measure)).toEqual(['', 'personnel']);
  });
});
