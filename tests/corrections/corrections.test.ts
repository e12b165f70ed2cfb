// Reviewers' corrections (ingest --corrections, <out>/corrections.csv): applied before the checks
// (a correction that restores a misread clears the failed identity, one that breaks a sum is
// caught), the value read kept in value_extracted, a correction that names nothing or a changed
// document reported and never applied, and diff listing corrections apart from extraction changes.
// Input: seed 001 and the copy whose 05表 prints 1,558.25 for 1,585.25 (tests/diff/fixture.ts).
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../index.js';
import { parseCsv, toCsv } from '../../output/csv.js';
import { diffRuns, readRun } from '../../output/diff/cli.js';
import { formatDiff } from '../../output/diff/format.js';
import { main } from '../../pipeline/cli.js';
import { validatePackage } from '../../output/validate-datapackage.js';
import { CORRECTION_COLUMNS } from '../../normalizers/corrections/correction.js';
import { alteredSeed, NAME, SEED_001 } from '../diff/fixture.js';

type Row = Record<string, string>;
const root = mkdtempSync(join(tmpdir(), 'fx-corr-'));
const altered = join(root, NAME);
writeFileSync(altered, alteredSeed());

const csv = (dir: string, name: string): Row[] => parseCsv(readFileSync(join(dir, name), 'utf8'));
const HEAD = [...CORRECTION_COLUMNS, 'doc_sha256', 'source'];
function correctionsFile(file: string, rows: Row[], head: readonly string[] = HEAD): string {
  writeFileSync(file, toCsv(head, rows.map((r) => head.map((h) => r[h] ?? ''))));
  return file;
}
/** a correction naming fact `f` (as the review app writes it) */
const naming = (f: Row, doc: Row, value: string, note = 'checked against the page'): Row => ({
  doc_id: f.doc_id!, table_kind: f.table_kind!, section: f.section!, code: f.code!, item: f.item!, measure: f.measure!, value, reviewer: 'qa', note, doc_sha256: doc.sha256!, source: doc.source!,
});
const isAltered = (f: Row) => f.table_kind === 'general_budget_expenditure' && f.value === '1558.25';

let before: string;
let misread: Row;
let doc: Row;
beforeAll(async () => {
  before = join(root, 'before');
  await ingest([altered], { out: before });
  misread = csv(before, 'facts.csv').find(isAltered)!;
  doc = csv(before, 'documents.csv')[0]!;
});

describe('a correction that restores a misread', () => {
  let after: string;
  beforeAll(async () => {
    after = join(root, 'after');
    cpSync(before, after, { recursive: true });
    correctionsFile(join(after, 'corrections.csv'), [naming(misread, doc, '1585.25')]);
    await ingest([altered], { out: after }); // <out>/corrections.csv applied by default
  });

  it('the misread fails hierarchy_sum before', () => {
    expect(misread.flags).toMatch(/hierarchy_sum/);
    expect(csv(before, 'checks.csv').some((c) => c.check_id === 'hierarchy_sum')).toBe(true);
  });

  it('replaces the value, keeps the value read in value_extracted, flags the fact corrected', () => {
    const facts = csv(after, 'facts.csv');
    const f = facts.find((x) => x.table_id === misread.table_id && x.code === misread.code && x.measure === misread.measure && x.section === misread.section)!;
    expect([f.value, f.value_extracted, f.amount_yuan]).toEqual(['1585.25', '1558.25', '15852500']);
    expect((f.flags ?? '').split(';')).toContain('corrected');
    expect(f.flags).not.toMatch(/hierarchy_sum/);
    expect(facts.filter((x) => x.value_extracted).length).toBe(1);
    expect(validatePackage(after)).toEqual([]); // value_extracted is a number column of the datapackage
  });

  it('the identities are checked after it: the failed check is cleared, the file is kept', () => {
    expect(csv(after, 'checks.csv').filter((c) => c.check_id === 'hierarchy_sum')).toEqual([]);
    expect(existsSync(join(after, 'corrections.csv'))).toBe(true);
    const run = JSON.parse(readFileSync(join(after, 'run.json'), 'utf8')) as { corrections: { rows: number; not_in_run: unknown[] } };
    expect(run.corrections.rows).toBe(1);
    expect(run.corrections.not_in_run).toEqual([]);
  });

  it('diff lists the correction apart from extraction changes, and the check newly passing', () => {
    const d = diffRuns(readRun(before), readRun(after));
    expect(d.totals.facts_changed).toBe(0);
    expect(d.totals.corrections).toBe(1);
    expect(d.documents[0]!.corrections[0]).toMatchObject({ state: 'applied', old: '1558.25', new: '1585.25', extracted: '1558.25' });
    expect(d.documents[0]!.checks_passing.some((c) => c.key.includes('hierarchy_sum'))).toBe(true);
    expect(formatDiff(d, 'text')).toMatch(/corrections \(1\):\n.*1558\.25 → 1585\.25 .*corrected by a reviewer/);
  });

  it('--no-corrections (corrections: false) leaves the values as read', async () => {
    const r = await ingest([altered], { corrections: false, keepRecords: true });
    expect(r.facts.some((f) => isAltered(f as unknown as Row))).toBe(true);
  });
});

describe('corrections that must not be applied', () => {
  it('one that breaks a sum is caught by the identity it breaks', async () => {
    const clean = join(root, 'clean');
    await ingest([SEED_001], { out: clean });
    const f = csv(clean, 'facts.csv').find((x) => x.table_kind === 'general_budget_expenditure' && (x.code ?? '').length === 7 && x.value !== '0.00' && x.flags === '')!;
    const d = csv(clean, 'documents.csv')[0]!;
    const file = correctionsFile(join(root, 'breaks.csv'), [naming(f, d, '1.00', 'misclick')]);
    const r = await ingest([SEED_001], { corrections: file, keepRecords: true });
    const g = r.facts.find((x) => x.table_id === f.table_id && x.code === f.code && x.measure === f.measure)!;
    expect(g.flags).toMatch(/corrected/);
    expect(r.checks.some((c) => c.check_id === 'hierarchy_sum' && c.subject.includes((f.code ?? '').slice(0, 5)))).toBe(true);
  });

  it('one that names no fact, or names the document of other bytes, is a checks.csv row and changes nothing', async () => {
    const none = { ...naming(misread, doc, '1585.25'), code: '2999999' };
    const otherSha = { ...naming(misread, doc, '1585.25'), doc_sha256: '0'.repeat(64) };
    const oldDoc = { ...naming(misread, doc, '1585.25'), doc_id: 'aaaaaaaaaaaaaaaa', source: altered };
    const file = correctionsFile(join(root, 'unmatched.csv'), [none, otherSha, oldDoc]);
    const r = await ingest([altered], { corrections: file, keepRecords: true });
    expect(r.facts.filter((f) => f.flags.includes('corrected'))).toEqual([]);
    expect(r.facts.some((f) => isAltered(f as unknown as Row))).toBe(true);
    const rows = r.checks.filter((c) => c.check_id.startsWith('correction_'));
    expect(rows.map((c) => [c.check_id, c.severity, c.expected])).toEqual([
      ['correction_unmatched', 'error', '1585.25'], ['correction_document_changed', 'error', '1585.25'], ['correction_document_changed', 'error', '1585.25'],
    ]);
    expect(rows[0]!.message).toMatch(/row 2 of the corrections file \(qa\) names no fact/);
    expect(rows[2]!.message).toMatch(/recorded for document aaaaaaaaaaaaaaaa .* bytes have changed/);
  });

  it('a value equal to the one read confirms the fact (flag confirmed, value unchanged)', async () => {
    const file = correctionsFile(join(root, 'confirm.csv'), [naming(misread, doc, '1558.25', 'as printed')], CORRECTION_COLUMNS);
    const r = await ingest([altered], { corrections: file, keepRecords: true });
    const f = r.facts.find((x) => isAltered(x as unknown as Row))!;
    expect(f.flags.split(';')).toContain('confirmed');
    expect(f.value_extracted ?? '').toBe('');
  });
});

describe('the command line', () => {
  it('a bad corrections file is a usage error naming the row; --corrections and --no-corrections contradict', async () => {
    const bad = correctionsFile(join(root, 'bad.csv'), [naming(misread, doc, '1,585.25')]);
    const out = join(root, 'cli-out');
    const err: string[] = [];
    const orig = console.error;
    console.error = (m: string) => { err.push(m); };
    try {
      expect(await main(['ingest', altered, '--out', out, '--workers', '0', '--quiet', '--corrections', bad])).toBe(2);
      expect(await main(['ingest', altered, '--out', out, '--workers', '0', '--quiet', '--corrections', bad, '--no-corrections'])).toBe(2);
    } finally { console.error = orig; }
    expect(err[0]).toMatch(/bad\.csv row 2: value "1,585\.25" is not a plain decimal/);
    expect(existsSync(join(out, 'facts.csv'))).toBe(false);
  });

  it('with a state, a changed corrections file reads the document again; an unchanged one reuses it', async () => {
    const out = join(root, 'state-out');
    const file = join(root, 'state.csv');
    correctionsFile(file, [naming(misread, doc, '1585.25')]);
    const a = await ingest([altered], { out, state: join(out, 'state.sqlite'), corrections: file });
    const b = await ingest([altered], { out, state: join(out, 'state.sqlite'), corrections: file });
    correctionsFile(file, [naming(misread, doc, '1585.26')]);
    const c = await ingest([altered], { out, state: join(out, 'state.sqlite'), corrections: file });
    expect([a.run.incremental.read, b.run.incremental.reused, c.run.incremental.read]).toEqual([1, 1, 1]);
    expect(csv(out, 'facts.csv').find((f) => f.value_extracted === '1558.25')?.value).toBe('1585.26');
  });
});
