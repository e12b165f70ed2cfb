// Tables that run over several pages and print their title, number, unit line or a running page
// header again on each page are one table; repeated header and 合计 rows are not read twice.
import { expect, it } from 'vitest';
import { describeCorpus, corpusDoc, errorChecks, facts, values } from './helpers.js';

describeCorpus('tables continued on the next page', () => {
  it('sz-yibaoju 表3 支出总表 pp. 19–21 (title repeated on every page) is one table', async () => {
    const doc = await corpusDoc('sz-yibaoju-2026-dept-budget.pdf');
    const parent = facts(doc, { kind: 'budget_expenditure', code: '22102', measure: 'basic' });
    expect(parent.map((f) => [f.value.toFixed(2), f.page])).toEqual([['2555.31', 20]]);
    // its children are printed on p. 20 (住房公积金) and p. 21 (购房补贴)
    const kids = ['2210201', '2210203'].map((code) => facts(doc, { kind: 'budget_expenditure', code, measure: 'basic' })[0]!);
    expect(kids.map((f) => [f.value.toFixed(2), f.page, f.table_id])).toEqual([
      ['667.18', 20, parent[0]!.table_id],
      ['1888.13', 21, parent[0]!.table_id],
    ]);
    expect(errorChecks(doc)).toEqual([]);
  });

  it('fs-guidaojiaotongju 表2 收入决算表 pp. 8–9 prints 合计 on both pages: read once', async () => {
    const doc = await corpusDoc('fs-guidaojiaotongju-2019-dept-final.pdf');
    expect(values(doc, { kind: 'income', item: '合计', measure: 'income_total' })).toEqual(['1668.14']);
    expect(values(doc, { kind: 'income', code: '2210201', measure: 'fiscal_appropriation', page: 9 })).toEqual(['60.87']);
    expect(errorChecks(doc)).toEqual([]);
  });

  it('huzhou-weijianwei 表03 pp. 29–32: the `** ** 1 2 …` column-number row is no data', async () => {
    const doc = await corpusDoc('huzhou-weijianwei-2026-dept-budget.pdf');
    expect(facts(doc, { item: '**' })).toEqual([]);
    expect(facts(doc, { item: '****' })).toEqual([]);
    // 20805 on p. 29, its last child 2080506 on p. 30: one table
    const parent = facts(doc, { kind: 'budget_expenditure', code: '20805', measure: 'expenditure_total' });
    const child = facts(doc, { kind: 'budget_expenditure', code: '2080506', measure: 'expenditure_total' });
    expect(parent.map((f) => f.value.toFixed(2))).toEqual(['22216.79']);
    expect(child.map((f) => [f.value.toFixed(2), f.page])).toEqual([['6250.66', 30]]);
    expect(child[0]!.table_id).toBe(parent[0]!.table_id);
  });

  it('suzhou-ziranziyuan 公开03表 pp. 13–14: a running page header between the pages', async () => {
    const doc = await corpusDoc('suzhou-ziranziyuan-2026-unit-budget.pdf');
    const t = doc.tables.filter((x) => x.table_no === '公开03表');
    expect(t.map((x) => [x.page_first, x.page_last])).toEqual([[13, 14]]);
    expect(values(doc, { kind: 'budget_expenditure', code: '22102', measure: 'basic' })).toEqual(['1517.79']);
    expect(errorChecks(doc, 'hierarchy_sum').filter((c) => c.table_id === t[0]!.table_id)).toEqual([]);
  });
});
