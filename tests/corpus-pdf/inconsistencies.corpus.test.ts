// Numbers the documents themselves print inconsistently: read as printed, and flagged by the checks.
import { expect, it } from 'vitest';
import { describeCorpus, corpusDoc, errorChecks, values } from './helpers.js';

describeCorpus('printed inconsistencies are kept and flagged', () => {
  it('sh-putuo-sifaju 2026 支出预算总表 p. 11: 行政运行 prints 项目支出 64,840,547.00 beside 合计 = 基本支出', async () => {
    const doc = await corpusDoc('sh-putuo-sifaju-2026-unit-budget.pdf');
    const q = { kind: 'budget_expenditure', code: '2040601', page: 11 };
    expect(values(doc, { ...q, measure: 'expenditure_total' })).toEqual(['14348853.34']);
    expect(values(doc, { ...q, measure: 'basic' })).toEqual(['14348853.34']);
    expect(values(doc, { ...q, measure: 'project' })).toEqual(['64840547.00']);
    // and the 合计 row prints 基本支出 22,118,861 without its .34
    expect(values(doc, { kind: 'budget_expenditure', item: '合计', measure: 'basic', page: 12 })).toEqual(['22118861']);
    expect(errorChecks(doc, 'column_sum').some((c) => c.subject.startsWith('2040601'))).toBe(true);
  });

  it('cc-xinfangju 预算表6 p. 11: 301 prints 911.21, its 项 rows add to 920.96; 30208 printed twice', async () => {
    const doc = await corpusDoc('cc-xinfangju-2026-dept-budget.pdf');
    // 当年预算 and 上年结转结余 each print 人员经费 / 公用经费: this year's keep the ids, the carryover's are qualified
    const q = { kind: 'budget_general_basic_expenditure', measure: 'personnel' };
    expect(values(doc, { ...q, code: '301' })).toEqual(['911.21']);
    expect(values(doc, { ...q, code: '301', measure: 'personnel.carryover' })).toEqual(['0.00']);
    expect(values(doc, { kind: 'budget_general_basic_expenditure', code: '30208', measure: 'public' })).toEqual(['23.37', '36.18']);
    expect(errorChecks(doc, 'hierarchy_sum').some((c) => c.subject.startsWith('301 '))).toBe(true);
  });
});
