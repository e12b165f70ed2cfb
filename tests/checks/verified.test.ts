// verified: a fact that is a member of a held identity that says something is verified; a fact
// only in failing identities is not (and keeps its flag); single-child identities do not verify, and
// all-zero ones only in a text-layer table that identities with non-zero members verify too. On the seed 001 (漳州 2022 决算, corpus/samples) and the 社会工作部 2024 决算 PDF
// (tests/fixtures/pdf), whose 情况说明 states 收入支出总计.
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks, verifies } from '../../normalizers/checks/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord, Fact } from '../../model/types.js';
import { fixture } from '../fixture.js';
import { record, SEED_001 } from './helpers.js';

const tax = loadTaxonomy();

/** A deep-enough copy (facts and their flags) with the facts matching `pick` set to `value`. */
function copy(doc: DocumentRecord, pick: (f: Fact) => boolean = () => false, value = '0'): DocumentRecord {
  let n = 0;
  const facts = doc.facts.map((f) => ({ ...f, flags: f.flags.filter((x) => !x.startsWith('hierarchy') && !x.endsWith('_sum') && x !== 'prose_vs_table'), ...(pick(f) ? (n++, { value: new Decimal(value) }) : {}) }));
  expect(n).toBeLessThanOrEqual(1);
  return { ...doc, facts, checks: [] };
}

const checked = (doc: DocumentRecord): DocumentRecord => {
  doc.checks = runChecks(doc, tax);
  return doc;
};

let d001: DocumentRecord;
let pdf: DocumentRecord;
beforeAll(async () => {
  d001 = await record(SEED_001);
  pdf = await record(fixture('pdf', 'sh-putuo-shehuigongzuobu-2024-dept-final.pdf'));
});

const in05 = (d: DocumentRecord, code: string) => d.facts.find((f) => f.table_kind === 'general_budget_expenditure' && f.measure === 'total' && f.code === code)!;

describe('hierarchy: held verifies, failing does not', () => {
  it('a 项 under a 款 whose 项 add up is verified', () => {
    const d = checked(copy(d001));
    expect(in05(d, '2101501').value.toFixed(2)).toBe('210.92');
    expect(in05(d, '2101501').verified).toBe(true);
    expect(in05(d, '21015').verified).toBe(true);
  });

  it('an altered 项 fails 21015 = Σ 项 and its own row: it is flagged and not verified; the 款 keeps the 类 identity that holds', () => {
    const d = checked(copy(d001, (f) => f === in05(d001, '2101501'), '999.00'));
    const child = in05(d, '2101501');
    expect(child.flags).toContain('hierarchy_sum');
    expect(child.verified).toBeUndefined();
    // 21015 is in the failing 21015 = Σ 项 (flagged) and in 210 = 21011 + 21015, which still holds
    const parent = in05(d, '21015');
    expect(parent.flags).toContain('hierarchy_sum');
    expect(parent.verified).toBe(true);
    expect(d.checks.some((c) => c.check_id === 'hierarchy_sum' && c.subject.startsWith('21015 '))).toBe(true);
  });

  it('a rerun sets verified afresh', () => {
    const d = copy(d001);
    checked(d);
    const n = d.facts.filter((f) => f.verified).length;
    expect(n).toBeGreaterThan(0);
    checked(d);
    expect(d.facts.filter((f) => f.verified).length).toBe(n);
  });
});

describe('what does not verify', () => {
  it('an all-zero row of the 05表 (年初预留 0.00, parent 0.00) verifies only beside non-zero identities of a text layer', () => {
    // read from the text layer, in a table whose other identities verify: the printed zeros are
    // exact and their rows and columns pinned, so 0.00 = 0.00 verifies them
    const d = checked(copy(d001));
    const zero = in05(d, '2290201');
    expect(zero.value.isZero()).toBe(true);
    expect(zero.verified).toBe(true);
    // the same table read by OCR: a zero may be a misread, nothing that adds up to 0 vouches for it
    const ocr = copy(d001);
    ocr.tables = ocr.tables.map((t) => (t.table_id === zero.table_id ? { ...t, method: 'ocr' as const } : t));
    expect(in05(checked(ocr), '2290201').verified).toBeUndefined();
    // a table with nothing but zeros: no identity with a non-zero member vouches for the reading
    const blank = copy(d001, () => false);
    for (const f of blank.facts) if (f.table_id === zero.table_id) Object.assign(f, { value: new Decimal(0), amount_yuan: new Decimal(0) });
    const after = checked(blank).facts.filter((f) => f.table_id === zero.table_id);
    expect(after.length).toBeGreaterThan(10);
    expect(after.filter((f) => f.verified).map((f) => [f.code, f.measure])).toEqual([]);
  });

  it('single child, all zeros, inequalities: verifies() says no; two non-zero parts or a cross-table equality: yes', () => {
    const p = in05(d001, '20808'); // 抚恤 4.28 over its only 项 2080802 4.28
    const c = in05(d001, '2080802');
    expect(p.value.equals(c.value)).toBe(true);
    expect(verifies('hierarchy_sum', [p], [c])).toBe(false);
    const zeros = d001.facts.filter((f) => f.table_kind === 'general_budget_expenditure' && f.value.isZero()).slice(0, 3);
    expect(zeros.length).toBe(3);
    expect(verifies('hierarchy_sum', [zeros[0]!], zeros.slice(1))).toBe(false);
    expect(verifies('cross_table_total', [zeros[0]!], [zeros[1]!])).toBe(false);
    expect(verifies('cross_table_total', [p], [c])).toBe(true);
    expect(verifies('cross_table_total', [p], [c], 'gte')).toBe(false);
    const k = in05(d001, '21015');
    const kids = ['2101501', '2101502', '2101506', '2101550', '2101599'].map((x) => in05(d001, x));
    expect(verifies('hierarchy_sum', [k], kids)).toBe(true);
    // a row 4.28 = 4.28 + 0 verifies in a text layer (the zero and the columns are pinned), not in OCR
    expect(verifies('column_sum', [c], [c, zeros[0]!])).toBe(true);
    expect(verifies('column_sum', [c], [c, zeros[0]!], 'eq', true)).toBe(false);
    // both sides read by OCR: two prints of one figure agreeing vouch for neither, except a figure
    // of the text against a table cell (read in another type)
    expect(verifies('cross_table_total', [p], [c], 'eq', true, true)).toBe(false);
    expect(verifies('balance', [p], [c], 'eq', true, true)).toBe(false);
    expect(verifies('prose_vs_table', [p], [c], 'eq', true, true)).toBe(true);
    expect(verifies('cross_table_total', [p], [c], 'eq', true, false)).toBe(true);
  });

  it('a 款 read 0.01 off holds its sums within rounding: verified from a text layer, not when read by OCR (a misread last digit hides in the slack)', () => {
    // 21015 基本支出 1,796.17 → 1,796.18: 21015 = Σ 项, 210 = Σ 款 and total = basic + project, each
    // over two non-zero parts, still hold within their rounding
    const basic = (d: DocumentRecord) => d.facts.find((f) => f.table_kind === 'general_budget_expenditure' && f.code === '21015' && f.measure === 'basic')!;
    expect(basic(d001).value.toFixed(2)).toBe('1796.17');
    const off = (ocr: boolean) => {
      const d = copy(d001, (f) => f === basic(d001), '1796.18');
      if (ocr) d.tables = d.tables.map((t) => (t.table_id === basic(d001).table_id ? { ...t, method: 'ocr' as const } : t));
      return basic(checked(d));
    };
    expect(off(false).verified).toBe(true);
    expect(off(true).verified).toBeUndefined();
    expect(off(true).flags.filter((x) => x.endsWith('_sum'))).toEqual([]);
    // read exactly, the same table read by OCR is verified
    const exact = copy(d001);
    exact.tables = exact.tables.map((t) => (t.table_id === basic(d001).table_id ? { ...t, method: 'ocr' as const } : t));
    expect(basic(checked(exact)).verified).toBe(true);
    const p = in05(d001, '21015');
    expect(verifies('hierarchy_sum', [p], [p, in05(d001, '2101501')], 'eq', true, false, false)).toBe(false);
    expect(verifies('hierarchy_sum', [p], [p, in05(d001, '2101501')], 'eq', false, false, false)).toBe(true);
  });

  it('read by OCR, a total over one non-zero part must read as that part: 4.29 over a basic 4.28 and a project 0 fails, a text layer lets the cent pass', () => {
    const target = (f: Fact) => f === in05(d001, '2080802');
    const table = in05(d001, '2080802').table_id;
    const off = (ocr: boolean) => {
      const d = copy(d001, target, '4.29');
      if (ocr) d.tables = d.tables.map((t) => (t.table_id === table ? { ...t, method: 'ocr' as const } : t));
      return checked(d);
    };
    expect(in05(d001, '2080802').value.toFixed(2)).toBe('4.28');
    const text = off(false);
    expect(in05(text, '2080802').flags.filter((x) => x.endsWith('_sum'))).toEqual([]);
    const ocr = off(true);
    expect(in05(ocr, '2080802').flags).toContain('column_sum');
    expect(in05(ocr, '2080802').verified).toBeUndefined();
    // its 款 20808 (4.28) over it alone fails as well
    expect(ocr.checks.some((c) => c.check_id === 'hierarchy_sum' && c.subject.startsWith('20808 '))).toBe(true);
    expect(text.checks.some((c) => c.check_id === 'hierarchy_sum' && c.subject.startsWith('20808 '))).toBe(false);
  });

  it('the 收支总表 本年收入合计, vouched for by equalities with other tables: verified while one of them was read from the text layer, not when every table was read by OCR', () => {
    const asOcr = (pick: (tableId: string) => boolean): DocumentRecord => {
      const d = copy(d001);
      d.tables = d.tables.map((t) => (pick(t.table_id) ? { ...t, method: 'ocr' as const } : t));
      return checked(d);
    };
    const total = (d: DocumentRecord) => d.facts.find((f) => f.table_kind === 'income_expenditure_summary' && f.section === 'income' && f.item === '本年收入合计')!;
    const summary = total(d001).table_id;
    expect(total(d001).value.toFixed(2)).toBe('3106.33');
    expect(total(checked(copy(d001))).verified).toBe(true);
    expect(total(asOcr((t) => t === summary)).verified).toBe(true);
    expect(total(asOcr(() => true)).verified).toBeUndefined();
  });
});

describe('prose statements of totals', () => {
  const narrative = (d: DocumentRecord, measure: string) => d.facts.filter((f) => f.table_kind === 'narrative' && f.measure === measure);

  it('收入支出总计 307.82 is read from the text (wrapped part title, issuer ending in 部) and verified against the 01表 总计 of both sides', () => {
    const d = checked(copy(pdf));
    const [f, ...more] = narrative(d, 'income_expenditure_grand_total');
    expect(more).toEqual([]);
    expect([f!.item, f!.value.toFixed(2), f!.unit]).toEqual(['收入支出总计', '307.82', '万元']);
    expect(f!.verified).toBe(true);
    const totals = d.facts.filter((x) => x.table_kind === 'income_expenditure_summary' && x.item === '总计');
    expect(totals.map((x) => x.section).sort()).toEqual(['expenditure', 'income']);
    for (const t of totals) expect(t.verified).toBe(true);
    expect(narrative(d, 'fiscal_appropriation_income_expenditure_grand_total').map((x) => [x.value.toFixed(2), x.verified])).toEqual([['307.82', true]]);
    expect(d.checks.filter((c) => c.check_id === 'prose_vs_table')).toEqual([]);
  });

  it('the same statement contradicting the tables fires prose_vs_table, once, and is not verified', () => {
    const d = checked(copy(pdf, (f) => f.table_kind === 'narrative' && f.measure === 'income_expenditure_grand_total', '0'));
    const hits = d.checks.filter((c) => c.check_id === 'prose_vs_table');
    expect(hits.map((c) => [c.severity, c.expected, c.actual])).toEqual([['warning', '0', '307.82']]);
    const [f] = narrative(d, 'income_expenditure_grand_total');
    expect(f!.flags).toContain('prose_vs_table');
    expect(f!.verified).toBeUndefined();
    expect(hits[0]!.factRefs).toContain(d.facts.indexOf(f!));
  });
});
