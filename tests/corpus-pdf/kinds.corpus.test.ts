// Standard budget tables whose titles the classifier did not know, and titles it gave the wrong kind.
import { expect, it } from 'vitest';
import { describeCorpus, corpusDoc, values } from './helpers.js';

const kindsOf = async (name: string) => (await corpusDoc(name)).tables.map((t) => [t.table_no, t.table_kind]);

describeCorpus('table kinds on real documents', () => {
  it('sz-yibaoju: 基本支出总表 / 项目支出总表 are expenditure by source of funds', async () => {
    const kinds = await kindsOf('sz-yibaoju-2026-dept-budget.pdf');
    expect(kinds).toContainEqual(['表4', 'budget_basic_expenditure_by_source']);
    expect(kinds).toContainEqual(['表5', 'budget_project_expenditure_by_source']);
    const doc = await corpusDoc('sz-yibaoju-2026-dept-budget.pdf');
    const q = { kind: 'budget_basic_expenditure_by_source', item: '工资福利支出' };
    expect(values(doc, { ...q, measure: 'total' })).toEqual(['9129.36']);
    expect(values(doc, { ...q, measure: 'fiscal_appropriation' })).toEqual(['9129.36']);
    expect(values(doc, { ...q, measure: 'general_budget' })).toEqual(['9129.36']);
    expect(values(doc, { ...q, measure: 'operating_income' })).toEqual(['0.00']);
  });

  it('gz-weijianwei: 行政经费及“三公”经费, 部门预算基本支出预算表, 项目支出及其他支出预算表', async () => {
    const kinds = await kindsOf('gz-weijianwei-2026-dept-budget.pdf');
    expect(kinds).toContainEqual(['表8', 'budget_admin_three_public']);
    expect(kinds).toContainEqual(['表11', 'budget_basic_expenditure_by_source']);
    expect(kinds).toContainEqual(['表12', 'budget_project_expenditure_by_source']);
    const doc = await corpusDoc('gz-weijianwei-2026-dept-budget.pdf');
    const q = { kind: 'budget_basic_expenditure_by_source', item: '合计', page: 26 };
    expect(values(doc, { ...q, measure: 'total' })).toEqual(['1010349.34']);
    expect(values(doc, { ...q, measure: 'fiscal_appropriation' })).toEqual(['179339.19']);
    expect(values(doc, { ...q, measure: 'other_funds' })).toEqual(['831010.15']);
  });

  it('suzhou-shenjiju: 公开05表 财政拨款支出表（功能科目）, 06 财政拨款基本支出表 apart from 08 一般公共预算基本支出表, 公开12表 机关运行经费, 公开13表 政府采购', async () => {
    const kinds = await kindsOf('suzhou-shenjiju-2026-dept-budget.pdf');
    expect(kinds).toContainEqual(['公开05表', 'budget_fiscal_appropriation_expenditure']);
    // 财政拨款 covers the general budget, funds and state capital: a table of its own kind, so the two
    // tables never write one key twice
    expect(kinds).toContainEqual(['公开06表', 'budget_fiscal_appropriation_basic_expenditure']);
    expect(kinds).toContainEqual(['公开08表', 'budget_general_basic_expenditure']);
    expect(kinds).toContainEqual(['公开12表', 'budget_operating_costs']);
    expect(kinds).toContainEqual(['公开13表', 'budget_procurement']);
  });

  it('js-gaoyuan-2017: 财政拨款支出预算表 and 机关运行经费支出预算表 are not the 支出预算总表', async () => {
    const doc = await corpusDoc('js-gaoyuan-2017-dept-budget.pdf');
    const byTitle = (re: RegExp) => doc.tables.filter((t) => re.test(t.title)).map((t) => t.table_kind);
    expect(byTitle(/财政拨款支出预算表$/)).toEqual(['budget_fiscal_appropriation_expenditure']);
    expect(byTitle(/机关运行经费支出预算表$/)).toEqual(['budget_operating_costs']);
    expect(byTitle(/部门支出预算总表$/)).toEqual(['budget_expenditure']);
  });
});
