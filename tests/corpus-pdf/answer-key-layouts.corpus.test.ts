// Layouts behind the answer-key misses: split 类/款/项 columns whose level words are printed on the
// 合计 line, codes printed in brackets before the name, a 预算 column header, a table whose 合计
// row is alone on the next page. Values read from `pdftotext -layout` of the pages named.
import { expect, it } from 'vitest';
import { describeCorpus, corpusDoc, errorChecks, facts, values } from './helpers.js';

describeCorpus('answer-key layouts on real pages', () => {
  it('sh-putuo-caizhengju 02 收入决算表 p. 8: split 类/款/项 digits are the row code, not values', async () => {
    const doc = await corpusDoc('sh-putuo-caizhengju-2024-dept-final.pdf');
    const q = { kind: 'income' };
    expect(values(doc, { ...q, item: '合计', measure: 'income_total' })).toEqual(['2946.25']);
    expect(values(doc, { ...q, item: '合计', measure: 'fiscal_appropriation' })).toEqual(['2940.05']);
    expect(values(doc, { ...q, code: '201', measure: 'other_income' })).toEqual(['6.20']);
    expect(values(doc, { ...q, code: '2010601', measure: 'income_total' })).toEqual(['1511.90']);
    expect(values(doc, { ...q, code: '2010601', measure: 'fiscal_appropriation' })).toEqual(['1511.89']);
    expect(values(doc, { ...q, code: '2010601', measure: 'other_income' })).toEqual(['0.01']);
    expect(values(doc, { ...q, code: '2080505', measure: 'income_total' })).toEqual(['160.75']);
    expect(facts(doc, q).filter((f) => f.measure === '')).toEqual([]);
    const table = doc.tables.find((t) => t.table_kind === 'income')!;
    expect(table.columns.slice(0, 3).map((c) => c.role)).toEqual(['code_part', 'code_part', 'code_part']);
    expect(errorChecks(doc)).toEqual([]);
  });

  it('sh-putuo-caizhengju 03 支出决算表 p. 10: the same split codes', async () => {
    const doc = await corpusDoc('sh-putuo-caizhengju-2024-dept-final.pdf');
    const q = { kind: 'expenditure', code: '2010601' };
    expect(values(doc, { ...q, measure: 'expenditure_total' })).toEqual(['1511.89']);
    expect(values(doc, { ...q, measure: 'basic' })).toEqual(['1503.52']);
    expect(values(doc, { ...q, measure: 'project' })).toEqual(['8.37']);
    expect(facts(doc, { kind: 'expenditure' }).filter((f) => f.measure === '')).toEqual([]);
  });

  it('zh-shangwuju 表5 p. 13: `[2011301]行政运行` is code 2011301, item 行政运行', async () => {
    const doc = await corpusDoc('zh-shangwuju-2026-dept-budget.pdf');
    const q = { kind: 'budget_general_expenditure', code: '2011301' };
    expect(facts(doc, q).map((f) => f.item)).toEqual(['行政运行', '行政运行', '行政运行']);
    expect(values(doc, { ...q, measure: 'total' })).toEqual(['4965.28']);
    expect(values(doc, { ...q, measure: 'basic' })).toEqual(['4965.28']);
    expect(values(doc, { ...q, measure: 'project' })).toEqual(['0.00']);
    expect(values(doc, { kind: 'budget_general_expenditure', code: '201', measure: 'project' })).toEqual(['36385.01']);
    expect(facts(doc, { kind: 'budget_general_expenditure' }).filter((f) => f.code === '' && f.item !== '合计')).toEqual([]);
  });

  it('zh-shangwuju 表1 p. 6–7: the column headed 预算 is the amount', async () => {
    const doc = await corpusDoc('zh-shangwuju-2026-dept-budget.pdf');
    const q = { kind: 'budget_income_expenditure_summary', measure: 'amount' };
    expect(values(doc, { ...q, section: 'income', item: '一、预算拨款' })).toEqual(['46402.33']);
    expect(values(doc, { ...q, section: 'income', item: '本年收入合计' })).toEqual(['46403.97']);
    expect(values(doc, { ...q, section: 'expenditure', item: '一、一般公共服务支出' })).toEqual(['42753.31']);
    expect(values(doc, { ...q, section: 'expenditure', item: '支出总计' })).toEqual(['66307.98']);
    expect(facts(doc, { kind: 'budget_income_expenditure_summary' }).filter((f) => f.measure === '')).toEqual([]);
  });

  it('sh-putuo-wanlijiedao 2024 收入预算总表: the 合计 line alone on p. 15 belongs to the table of p. 11–14', async () => {
    const doc = await corpusDoc('sh-putuo-wanlijiedao-2024-dept-budget.pdf');
    const t = doc.tables.find((x) => x.table_kind === 'budget_income')!;
    expect([t.page_first, t.page_last]).toEqual([11, 15]);
    const q = { kind: 'budget_income', item: '合计' };
    expect(values(doc, { ...q, measure: 'income_total' })).toEqual(['156211123']);
    expect(values(doc, { ...q, measure: 'fiscal_appropriation' })).toEqual(['156211123']);
    expect(values(doc, { ...q, measure: 'other_income' })).toEqual(['0']);
    expect(facts(doc, q).map((f) => f.page)).toEqual([15, 15, 15, 15, 15]);
    expect(doc.tables.filter((x) => x.table_kind === 'unknown')).toEqual([]);
  });

  it('sh-putuo-wanlijiedao 2025 收入预算总表 p. 13: a merged cell on a continuation page keeps its own origin', async () => {
    const doc = await corpusDoc('sh-putuo-wanlijiedao-2025-dept-budget.pdf');
    const t = doc.tables.find((x) => x.table_kind === 'budget_income')!;
    const rows = t.grid.rows;
    for (const row of rows) {
      for (const c of row) {
        if (!c.mergedFrom) continue;
        const origin = rows[c.mergedFrom[0]]?.[c.mergedFrom[1]];
        expect(origin, 'merged cell points at a cell of the table').toBeDefined();
        expect(origin!.mergedFrom).toBeUndefined();
      }
    }
    const total = [...rows].reverse().find((r) => r.some((c) => c.text.replace(/\s/g, '') === '合计'))!;
    const covered = total.filter((c) => c.mergedFrom).map((c) => rows[c.mergedFrom![0]]![c.mergedFrom![1]]!.text.replace(/\s/g, ''));
    expect(covered.length).toBeGreaterThan(0);
    expect(covered.every((x) => x === '合计')).toBe(true);
  });

  it('sh-putuo-wanlijiedao 2024 基本支出经济分类表 p. 29: a 款 printed without its leading zero (301 | 2) is 30102', async () => {
    const doc = await corpusDoc('sh-putuo-wanlijiedao-2024-dept-budget.pdf');
    const q = { kind: 'budget_general_basic_expenditure' };
    expect(facts(doc, { ...q, code: '30102' }).map((f) => f.item)).toEqual(['津贴补贴', '津贴补贴', '津贴补贴']);
    expect(values(doc, { ...q, code: '30102', measure: 'amount' })).toEqual(['16623810']);
    expect(values(doc, { ...q, code: '30107', measure: 'personnel' })).toEqual(['11447100']);
    expect(values(doc, { ...q, code: '301', measure: 'amount' })).toEqual(['88282511']);
    expect(errorChecks(doc)).toEqual([]);
  });
});
