// A 收入总表 of a 2026 部门预算 never tuned on, as OCR read a grey JPEG scan of it (烟台市民政局, the OCR
// bench's unseen documents of ../shared/corpus, q80-200; the rows under 210 as read, their code
// parts joined, one amount column kept): 2101199's 99 came back 02, so 2101102 was printed twice,
// and the second one, 其他行政事业单位医疗支蚊 40.62, stood as 2101102 事业单位医疗 (flagged on its
// code only, its value verified by nothing). A code printed twice in a section is misread on one
// of its rows: the one it does not name takes the sibling its name is, no row printing it
// (normalizers/facts/index.ts repairTwicePrinted), and 21011 = Σ its 项 holds.
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const HEAD = ['科目编码', '科目名称', '合计'];
const ROWS = [
  ['210', '卫生健康支出', '185.24'],
  ['21011', '行政事业单位医疗', '185.24'],
  ['2101101', '行政单位医疗', '35.62'],
  ['2101102', '事业单位医疗', '89.49'],
  ['2101103', '公务员医疗补助', '19.52'],
  ['2101102', '其他行政事业单位医疗支蚊', '40.62'],
];
const facts = (rows: string[][]) => factsOfTable(understandRows([HEAD, ...rows], { kind: 'budget_income', tableId: 't002', title: '收入总表', page: 3, fiscalYear: '2026' }), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy() });

describe('a code printed twice in a section of an OCR\'d table', () => {
  it('is the sibling its name is on the row it does not name, flagged', () => {
    const fs = facts(ROWS);
    const other = fs.find((f) => f.value.eq('40.62'))!;
    expect(other.code).toBe('2101199');
    expect(other.flags).toContain('ocr_code_repaired');
    const kept = fs.find((f) => f.value.eq('89.49'))!;
    expect(kept.code).toBe('2101102');
    expect(kept.flags).not.toContain('ocr_code_repaired');
  });

  it('stays as read when it is printed once, or when its name is no sibling', () => {
    expect(facts(ROWS.filter((r) => r[2] !== '89.49')).find((f) => f.value.eq('40.62'))!.code).toBe('2101102');
    const garbled = ROWS.map((r) => (r[2] === '40.62' ? [r[0]!, '其他行政事苦医', r[2]!] : r));
    expect(facts(garbled).find((f) => f.value.eq('40.62'))!.code).toBe('2101102');
  });
});
