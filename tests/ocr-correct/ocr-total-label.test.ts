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
