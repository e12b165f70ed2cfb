// The checks on the seed records: nothing fails on the printed numbers, and each identity catches
// an altered number in the table it covers.
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityChecks, runChecks } from '../../normalizers/checks/index.js';
import { completenessChecks } from '../../normalizers/checks/completeness.js';
import { stripNumbering } from '../../normalizers/values/labels.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord, Fact } from '../../model/types.js';
import { record, SEED_000, SEED_001 } from './helpers.js';

const label = (f: Fact) => stripNumbering(f.item);

/** A copy of the record with the facts matching `pick` set to `value`. */
function altered(doc: DocumentRecord, pick: (f: Fact) => boolean, value: string): DocumentRecord {
  let n = 0;
  const facts = doc.facts.map((f) => (pick(f) ? (n++, { ...f, value: new Decimal(value), flags: [] }) : f));
  expect(n, 'the fact to alter exists').toBe(1);
  return { ...doc, facts };
}

const ids = (doc: DocumentRecord) => identityChecks(doc).map((c) => c.check_id);

let d000: DocumentRecord;
let d001: DocumentRecord;
beforeAll(async () => {
  d000 = await record(SEED_000);
  d001 = await record(SEED_001);
});

describe('the printed seeds pass', () => {
  it('no accounting identity fails on seeds 000 and 001', () => {
    for (const d of [d000, d001]) expect(identityChecks(d).map((c) => `${c.check_id} ${c.subject}: ${c.message}`)).toEqual([]);
  });
  it('both seeds have all nine standard tables, empty ones explained', () => {
    for (const d of [d000, d001]) expect(completenessChecks(d)).toEqual([]);
  });
  it('runChecks reports no error on the seeds and no code check outside accounting tables', () => {
    const tax = loadTaxonomy();
    for (const d of [d000, d001]) {
      const copy = { ...d, facts: d.facts.map((f) => ({ ...f, flags: [...f.flags] })) };
      const r = runChecks(copy, tax);
      expect(r.filter((c) => c.severity === 'error')).toEqual([]);
      const kinds = new Map(d.tables.map((t) => [t.table_id, t.table_kind]));
      expect(r.filter((c) => (c.check_id === 'unknown_code' || c.check_id === 'code_name_mismatch') && ['unknown', 'performance_evaluation_scoring'].includes(kinds.get(c.table_id) ?? ''))).toEqual([]);
    }
  });
});

describe('each identity catches an altered number', () => {
  it('class_sum: 06表 人员经费合计 / 公用经费合计', () => {
    expect(ids(altered(d000, (f) => f.table_kind === 'general_budget_basic_expenditure' && label(f) === '人员经费合计', '5915.33'))).toContain('class_sum');
    expect(ids(altered(d001, (f) => f.table_kind === 'general_budget_basic_expenditure' && f.code === '310', '4.65'))).toContain('class_sum');
  });
  it('three_public_sum: 07表 合计 and 公务用车', () => {
    expect(ids(altered(d000, (f) => f.table_kind === 'three_public_expenses' && label(f) === '公务接待费' && f.measure === 'amount', '5.03'))).toContain('three_public_sum');
    expect(ids(altered(d000, (f) => f.table_kind === 'three_public_expenses' && label(f) === '公务用车购置费' && f.measure === 'amount', '1'))).toContain('three_public_sum');
  });
  it('side_sum: 01表 本年收入合计 = Σ income items, 本年支出合计 = Σ 类', () => {
    expect(ids(altered(d000, (f) => f.table_kind === 'income_expenditure_summary' && label(f) === '其他收入', '123'))).toContain('side_sum');
    expect(ids(altered(d000, (f) => f.table_kind === 'income_expenditure_summary' && f.code === '221', '646.53'))).toContain('side_sum');
  });
  it('grand_total: 01表 总计 = 本年收入合计 + 年初结转和结余', () => {
    expect(ids(altered(d000, (f) => f.table_kind === 'income_expenditure_summary' && f.section === 'income' && label(f) === '年初结转和结余', '250.4'))).toContain('grand_total');
    expect(ids(altered(d000, (f) => f.table_kind === 'fiscal_appropriation_summary' && label(f) === '年末财政拨款结转和结余' && f.measure === 'total', '271.36'))).toContain('grand_total');
  });
  it('prose_vs_table: a table total the text restates', () => {
    const r = identityChecks(altered(d001, (f) => f.table_kind === 'income_expenditure_summary' && f.section === 'income' && label(f) === '总计', '3107.33'));
    expect(r.map((c) => c.check_id)).toContain('prose_vs_table');
    const p = r.find((c) => c.check_id === 'prose_vs_table')!;
    expect(p.severity).toBe('warning');
    expect(p.message).toMatch(/the text states 收入总计 = 3106\.33 万元/);
  });
  it('prose_vs_table per code: 05表 项 against the text', () => {
    expect(ids(altered(d001, (f) => f.table_kind === 'general_budget_expenditure' && f.code === '2101550' && f.measure === 'total', '1558.25'))).toEqual(expect.arrayContaining(['prose_vs_table', 'column_sum', 'hierarchy_sum']));
  });
});

describe('completeness', () => {
  it('missing_table when a standard table is absent', () => {
    const t03 = d001.tables.find((t) => t.table_kind === 'expenditure')!;
    const doc = { ...d001, tables: d001.tables.filter((t) => t !== t03), facts: d001.facts.filter((f) => f.table_id !== t03.table_id) };
    const r = completenessChecks(doc);
    expect(r.map((c) => [c.check_id, c.subject])).toEqual([['missing_table', 'expenditure']]);
    expect(r[0]!.message).toMatch(/公开03表/);
  });
  it('empty_table_unexplained when a table has no numbers and no note', () => {
    const t07 = d001.tables.find((t) => t.table_kind === 'three_public_expenses')!;
    const doc = { ...d001, tables: d001.tables.map((t) => (t === t07 ? { ...t, notes: ['注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。'] } : t)), facts: d001.facts.filter((f) => f.table_id !== t07.table_id) };
    expect(completenessChecks(doc).map((c) => [c.check_id, c.table_id])).toEqual([['empty_table_unexplained', t07.table_id]]);
  });
  it('an empty table with a note saying why passes (001: 08表, 09表)', () => {
    const empty = d001.tables.filter((t) => !d001.facts.some((f) => f.table_id === t.table_id) && ['government_fund', 'state_capital'].includes(t.table_kind));
    expect(empty.length).toBe(2);
    expect(completenessChecks(d001)).toEqual([]);
  });
});
