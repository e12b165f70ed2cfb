// 类 / 款 / 项 parts at their column's level, a second classification beside the first, headers
// merged over two rows, and header words that name a column's measure.
import { expect, it } from 'vitest';
import { describeCorpus, corpusDoc, errorChecks, facts, values } from './helpers.js';

describeCorpus('codes and headers on real pages', () => {
  it('yt-yibaoju 公开表2 p. 8: a 款 printed after a 项 row is a 款 (20827, not 2080527)', async () => {
    const doc = await corpusDoc('yt-yibaoju-2026-dept-budget.pdf');
    expect(values(doc, { kind: 'budget_income', code: '20827', measure: 'income_total' })).toEqual(['70.00']);
    expect(values(doc, { kind: 'budget_income', code: '2082799', measure: 'income_total' })).toEqual(['70.00']);
    expect(facts(doc, { code: '2080527' })).toEqual([]);
    expect(values(doc, { kind: 'budget_income', code: '2050803', measure: 'income_total' })).toEqual(['4.70']);
  });

  it('yt-yibaoju 公开表6 p. 17: the 部门经济分类 code is the row code; the 政府经济分类 beside it is not read', async () => {
    const doc = await corpusDoc('yt-yibaoju-2026-dept-budget.pdf');
    const f = facts(doc, { kind: 'budget_general_basic_expenditure', code: '30101', measure: 'personnel', page: 17 });
    expect(f.map((x) => [x.item, x.value.toFixed(2)])).toEqual([['基本工资', '119.40'], ['基本工资', '389.95']]);
    expect(facts(doc, { kind: 'budget_general_basic_expenditure', code: '50101' })).toEqual([]);
  });

  it('yt-yibaoju 公开表5 p. 15: 人员支出 / 日常公用支出 under 基本支出 小计', async () => {
    const doc = await corpusDoc('yt-yibaoju-2026-dept-budget.pdf');
    const q = { kind: 'budget_general_expenditure', item: '合计' };
    expect(values(doc, { ...q, measure: 'basic' })).toEqual(['2200.67']);
    expect(values(doc, { ...q, measure: 'personnel' })).toEqual(['2035.20']);
    expect(values(doc, { ...q, measure: 'public' })).toEqual(['165.48']);
    expect(errorChecks(doc, 'column_sum')).toEqual([]);
  });

  it('hz-qixiangju 表5 p. 19: 基本支出 小计 / 人员经费 / 日常公用支出', async () => {
    const doc = await corpusDoc('hz-qixiangju-2026-dept-budget.pdf');
    const q = { kind: 'budget_general_expenditure', item: '合计' };
    expect(values(doc, { ...q, measure: 'total' })).toEqual(['5753.07']);
    expect(values(doc, { ...q, measure: 'basic' })).toEqual(['3745.07']);
    expect(values(doc, { ...q, measure: 'personnel' })).toEqual(['2906.80']);
    expect(values(doc, { ...q, measure: 'public' })).toEqual(['838.27']);
    expect(values(doc, { ...q, measure: 'project' })).toEqual(['2008.00']);
    expect(errorChecks(doc)).toEqual([]);
  });

  it('bj-yibaoju 预算05表 p. 6: 扣除基建项目后预算数 is its own measure, not a second 项目支出', async () => {
    const doc = await corpusDoc('bj-yibaoju-2026-dept-budget-tables.pdf');
    const q = { kind: 'budget_general_expenditure', item: '合计' };
    expect(values(doc, { ...q, measure: 'project' })).toEqual(['99735.061373']);
    expect(values(doc, { ...q, measure: 'project_excl_construction' })).toEqual(['99735.061373']);
    expect(values(doc, { ...q, measure: 'total' })).toEqual(['110896.619602']);
    expect(errorChecks(doc, 'column_sum')).toEqual([]);
  });

  it('sh-putuo-guihuaziyuanju 三公 p. 17: 公务接待费 spans two header rows and keeps its own name', async () => {
    const doc = await corpusDoc('sh-putuo-guihuaziyuanju-2024-dept-final.pdf');
    const q = { kind: 'three_public_expenses', item: '公务接待费' };
    expect(values(doc, { ...q, measure: 'budget' })).toEqual(['2.85']);
    expect(values(doc, { ...q, measure: 'amount' })).toEqual(['0.39']);
    expect(values(doc, { kind: 'three_public_expenses', item: '公务用车运行维护费', measure: 'budget' })).toEqual(['0.00']);
    expect(errorChecks(doc)).toEqual([]);
  });
});
