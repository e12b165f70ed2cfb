// The 合计 row of an OCR'd coded table whose label came back misread: 烟台 医疗保障局 2026's 一般公共
// 预算支出表 as read on the dev grid's photocopy-200 scan (tests/bench/ocr-grid.ts; the rows below
// are its rows as read, children left out): 合计 read `合if`, so the row was a row without a code
// (ocr_code_unread) and 合计 = Σ 类 was never checked. Its values are the sums of the 类 rows in
// every column but one (人员支出, itself misread), so it is the table's total
// (normalizers/facts/ocr-total-label.ts).
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, OCR_CODE_UNREAD } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const HEAD = [
  ['科目编码', '', '', '科目名称', '合计', '基本支出', '', '', '项目支出'],
  ['类', '款', '项', '', '', '小计', '人员支出', '日常公用支出', ''],
];
const ROWS = [
  // (its 人员支出 as read: 27035.20 for 2,035.20)
  ['', '', '', '合if', '15,375.67', '2,200.67', '27035.20', '165.48', '13,175.00'],
  ['205', '', '', '教育支出', '4.70', '4.70', '', '4.70', ''],
  ['', '08', '', '进修及培训', '4.70', '4.70', '', '4.70', ''],
  ['208', '', '', '社会保障和就业支出', '327.92', '257.92', '257.92', '', '70.00'],
  ['', '05', '', '行政事业单位养老支出', '257.92', '257.92', '257.92', '', ''],
  ['', '27', '', '财政对其他社会保险基金的补助', '70.00', '', '', '', '70.00'],
  ['210', '', '', '卫生健康支出', '14,870.93', '1,765.93', '1,605.16', '160.78', '13,105.00'],
  ['221', '', '', '住房保障支出', '172.12', '172.12', '172.12', '', ''],
];

function facts(rows: string[][]) {
  const t = understandRows([...HEAD, ...rows], { kind: 'budget_general_expenditure', tableId: 't003', page: 6 });
  return factsOfTable(t, { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax });
}
const totalRow = (fs: ReturnType<typeof facts>) => fs.filter((f) => !f.code && f.row === 2);

describe('a 合计 row whose label OCR misread', () => {
  it('is the table total when its values are the sums of the 类 rows', () => {
    const row = totalRow(facts(ROWS));
    expect(row.map((f) => f.measure).sort()).toEqual(['basic', 'personnel', 'project', 'public', 'total']);
    for (const f of row) {
      expect(f.item).toBe('合计');
      expect(f.flags).not.toContain(OCR_CODE_UNREAD);
    }
  });

  it('so too after a 类 / 款 / 项 header word read into its label', () => {
    const rows = ROWS.map((r, i) => (i === 0 ? ['', '', '', '项。合计', ...r.slice(4)] : r));
    for (const f of totalRow(facts(rows))) expect(f.item).toBe('合计');
  });

  it('keeps its label as read when two values are not the sums, or when the label names another total', () => {
    const off = ROWS.map((r) => (r[0] === '221' ? [...r.slice(0, 4), '1,172.12', '1,172.12', ...r.slice(6)] : r));
    for (const f of totalRow(facts(off))) expect(f.item).toBe('合if');
    const other = ROWS.map((r, i) => (i === 0 ? ['', '', '', '支出合计', ...r.slice(4)] : r));
    for (const f of totalRow(facts(other))) expect(f.item).toBe('支出合计');
  });
});

describe('a 合计 row whose label OCR misread, two of its columns off for 类 values misread', () => {
  // 烟台 医疗保障局 2026's 收入总体情况表 as read on the dev grid's photocopy-hi-200 scan: 合计 read
  // `司计`, and 208's 合计 and 财政拨款 / 小计 read 37.92 and 92321. for 327.92, so the 合计 and 小计
  // columns do not add up; 一般公共预算 and 国有资本经营 do (15,375.67 and 1,000.00)
  const HEAD_INCOME = [
    ['科目编码', '', '', '科目名称', '合计', '财政拨款收入', '', '', '事业收入'],
    ['类', '款', '项', '', '', '小计', '一般公共预算收入', '国有资本经营预算收入', ''],
  ];
  const READ = [
    ['', '', '', '司计', '16,375.67', '16,375.67', '15,375.67', '1,000.00', ''],
    ['205', '', '', '教育支出', '4.70', '4.70', '4.70', '', ''],
    ['208', '', '', '社会保障和就业支出', '37.92', '92321.', '327.92', '', ''],
    ['210', '', '', '卫生健康支出', '14,870.93', '14,870.93', '14,870.93', '', ''],
    ['221', '', '', '住房保障支出', '172.12', '172.12', '172.12', '', ''],
    ['223', '', '', '国有资本经营预算支出', '1,000.00', '1,000.00', '', '1,000.00', ''],
  ];
  const incomeFacts = (rows: string[][]) =>
    factsOfTable(understandRows([...HEAD_INCOME, ...rows], { kind: 'budget_income', tableId: 't002', page: 3 }), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax });

  it('is the table total: printed above every coded row, two sums hold and two do not', () => {
    const row = incomeFacts(READ).filter((f) => !f.code && f.row === 2);
    expect(row.map((f) => f.measure).sort()).toEqual(['fiscal_appropriation', 'general_budget', 'income_total', 'state_capital']);
    for (const f of row) {
      expect(f.item).toBe('合计');
      expect(f.flags).not.toContain(OCR_CODE_UNREAD);
    }
  });

  it('keeps its label as read when it stands between coded rows, or when more columns are off than hold', () => {
    const between = [READ[1]!, READ[0]!, ...READ.slice(2)];
    for (const f of incomeFacts(between).filter((x) => !x.code && x.measure)) expect(f.item).toBe('司计');
    const more = READ.map((r) => (r[0] === '221' ? [...r.slice(0, 6), '1,172.12', ...r.slice(7)] : r));
    for (const f of incomeFacts(more).filter((x) => !x.code && x.row === 2)) expect(f.item).toBe('司计');
  });
});

describe('a 合计 row read as Latin letters alone', () => {
  // (上海 普陀区 财政局's 收入决算表 on the dev grid's photocopy-md-200 scan: 合计 read `Ait`)
  const latin = (label: string) => ROWS.map((r, i) => (i === 0 ? ['', '', '', label, ...r.slice(4)] : r));
  it('is the table total when its values are the sums of the 类 rows', () => {
    for (const f of totalRow(facts(latin('Ait')))) {
      expect(f.item).toBe('合计');
      expect(f.flags).not.toContain(OCR_CODE_UNREAD);
    }
  });
  it('keeps its label when a sum fails beyond one value, or a second such row stands beside it', () => {
    const off = latin('Ait').map((r) => (r[0] === '221' ? [...r.slice(0, 4), '1,172.12', '1,172.12', ...r.slice(6)] : r));
    for (const f of totalRow(facts(off))) expect(f.item).toBe('Ait');
    const two = [...latin('Ait'), ['', '', '', 'Bx', '4.70', '4.70', '', '4.70', '']];
    for (const f of totalRow(facts(two))) expect(f.item).toBe('Ait');
  });
});
