// An OCR'd table's measure column that prints no number, holding one word read off the header
// printed again on the table's second page (预算收入 of 政府性基金预算收入, wrapped): 烟台 医疗保障局
// 2026's 收入总体情况表 as read on the dev grid's photocopy-md-200 scan (tests/bench/ocr-grid.ts;
// rows as read, most left out). The column was taken for a label column, which began a block of its
// own: the 国有资本经营预算收入 amounts right of it lost their rows' codes and labels (unlabelled_value).
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const HEAD = [
  ['科目编码', '科目编码', '', '3科目名称', '合计', '财政拨款收入', '财政拨款收入', '财政拨款收入', '财政拨款收入', '事业收入(不含教育收费', '其他收入'],
  ['', '款', '', '', '', '小计', '一般公共预算收入', '政府性基金预算收入', '国有资本经营预算收入', '', ''],
];
const ROWS = [
  ['', '', '', '合计', '16,375.67', '16,375.67', '15,375.67', '', '1,000.00', '', ''],
  ['205', '', '', '教育支出', '4.70', '4.70', '4.70', '', '', '', ''],
  ['类', '款', '项', '', '', '小计', '技公共预算入', '预算收入', '政府性堤会国有张札经营预算收入', '', ''],
  ['223', '', '', '间有资本经暑预算支出', '1,000.00', '1,000.00', '', '', '1,000.00', '', ''],
  ['', '01', '', 'Aee LCE', '1,000.00', '1,000.00', '', '', '1,000.00', '', ''],
];

const factsOf = (rows: string[][], method: 'ocr' | 'ruled' = 'ocr') => {
  const t = understandRows([...HEAD, ...rows], { kind: 'budget_income', tableId: 't002', page: 3 }, method);
  return { t, facts: factsOfTable(t, { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax }) };
};

describe('a measure column with no number and one word in it', () => {
  it('is the measure\'s column: the amounts right of it keep their rows', () => {
    const { t, facts } = factsOf(ROWS);
    expect(t.columns.find((c) => c.index === 7)?.role).toBe('measure');
    const capital = facts.filter((f) => f.measure === 'state_capital');
    expect(capital.map((f) => [f.code || f.item, f.value.toFixed(2)])).toEqual([['合计', '1000.00'], ['223', '1000.00'], ['22301', '1000.00']]);
    expect(facts.filter((f) => f.flags.includes('unlabelled_value'))).toEqual([]);
  });

  it('a column of words under a measure header stays a label column', () => {
    const words = ROWS.map((r, i) => (i === 1 || i === 3 ? [...r.slice(0, 7), '其他', ...r.slice(8)] : r));
    expect(factsOf(words).t.columns.find((c) => c.index === 7)?.role).toBe('name');
  });
});
