// Budget pages from cities the table understanding was not written for (cut from
// ../shared/corpus-budgets, see tests/fixtures/README.md): columns named by meaning and structure,
// kinds from the rows' codes, items printed as column headers read as items.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, Fact } from '../../model/types.js';
import { processDocument } from '../../pipeline/process-document.js';
import { fixture, fixtureBytes } from '../fixture.js';

async function read(name: string): Promise<DocumentRecord> {
  return processDocument(fixture('pdf', name), fixtureBytes('pdf', name));
}

const money = (d: DocumentRecord): Fact[] => d.facts.filter((f) => f.table_kind !== 'narrative');
const pick = (d: DocumentRecord, kind: string, item: string, measure: string): string[] =>
  d.facts.filter((f) => f.table_kind === kind && f.item === item && f.measure === measure).map((f) => f.value.toFixed(2));

describe('深圳-style pages: 支出总计, 政府采购 columns, economic rows, 三公 by source and year', () => {
  let doc: DocumentRecord;
  beforeAll(async () => {
    doc = await read('sz-审计局-2026-dept-budget.p21+31+34.pdf');
  });

  it('names every amount column: no fact without a measure', () => {
    expect(money(doc).length).toBeGreaterThan(100);
    expect(money(doc).filter((f) => !f.measure)).toEqual([]);
  });

  it('reads 支出总计 as the total and the 政府采购 columns by their words', () => {
    const t = doc.tables.find((x) => x.table_kind === 'budget_expenditure')!;
    const byLabel = new Map(t.columns.filter((c) => c.role === 'measure').map((c) => [c.header, c.measure]));
    expect(byLabel.get('支出总计')).toBe('expenditure_total');
    const procurement = [...byLabel].filter(([h]) => h.includes('政府采购')).map(([, m]) => m);
    expect(procurement).toEqual(['procurement', 'procurement_sme', 'procurement_small_micro']);
  });

  it('files 一般公共预算支出表（按经济分类） under the economic kind, never a function kind', () => {
    const econ = doc.facts.filter((f) => f.code_system.startsWith('econ'));
    expect(econ.length).toBeGreaterThan(20);
    expect(new Set(econ.map((f) => f.table_kind))).toEqual(new Set(['budget_general_expenditure_econ']));
    const t = doc.tables.find((x) => x.table_kind === 'budget_general_expenditure_econ')!;
    expect(t.kind_evidence).toMatch(/codes:econ/);
  });

  it('reads the 三公 table with the expenses as items: this year by source, last year, the change', () => {
    const k = 'budget_three_public';
    expect(pick(doc, k, '因公出国(境)费', 'general_budget')).toEqual(['28.00']);
    expect(pick(doc, k, '因公出国(境)费', 'prior_year.general_budget')).toEqual(['0.80']);
    expect(pick(doc, k, '因公出国(境)费', 'change_vs_prior_year.general_budget')).toEqual(['27.20']);
    expect(pick(doc, k, '总计', 'general_budget')).toEqual(['35.10']);
    expect(pick(doc, k, '公务用车运行维护费', 'general_budget')).toEqual(['3.60']);
    // one number per key: nothing written twice under the same item and measure
    const keys = doc.facts.filter((f) => f.table_kind === k).map((f) => `${f.item}|${f.measure}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('福州-style pages: a single 预算数 column and an economic table without 基本支出 in its title', () => {
  let doc: DocumentRecord;
  beforeAll(async () => {
    doc = await read('fz-民政局-2026-dept-budget.p16+19.pdf');
  });

  it('takes the 经济分类 table as economic and names its 预算数 column', () => {
    const econ = doc.facts.filter((f) => f.table_kind === 'budget_general_expenditure_econ');
    expect(econ.length).toBeGreaterThanOrEqual(5);
    expect(econ.every((f) => f.code === '' || f.code.startsWith('3'))).toBe(true);
    expect(econ.filter((f) => !f.measure)).toEqual([]);
    expect(doc.facts.filter((f) => f.code_system.startsWith('econ') && f.table_kind === 'budget_general_expenditure')).toEqual([]);
  });
});

describe('重庆-style pages: a prior-year column beside this year, a one-row 三公 table by year', () => {
  let doc: DocumentRecord;
  beforeAll(async () => {
    doc = await read('cq-人民政府办公厅-2026-dept-budget.p15+20.pdf');
  });

  it('names the 2025年预算数 column of the 2026 table as the prior year, the rest as this year', () => {
    const t = doc.tables.find((x) => x.table_kind === 'budget_general_expenditure')!;
    expect(t.columns.filter((c) => c.role === 'measure').map((c) => c.measure)).toEqual(['prior_year', 'total', 'basic', 'personnel', 'public', 'project']);
    expect(pick(doc, 'budget_general_expenditure', '合计', 'total').length).toBe(1);
  });

  it('gives each expense its amount and its prior-year amount, one number per key', () => {
    const facts = doc.facts.filter((f) => f.table_kind === 'budget_three_public');
    expect(facts.filter((f) => !f.measure)).toEqual([]);
    expect(pick(doc, 'budget_three_public', '合计', 'amount')).toEqual(['394.49']);
    expect(pick(doc, 'budget_three_public', '合计', 'prior_year')).toEqual(['396.97']);
    expect(pick(doc, 'budget_three_public', '公务用车购置及运行费', 'amount')).toEqual(['200.00']);
    expect(pick(doc, 'budget_three_public', '因公出国（境）费', 'prior_year')).toEqual(['184.49']);
    const keys = facts.map((f) => `${f.item}|${f.measure}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
