// The health figures of a real ingest of corpus/samples: documents.csv columns, run.json `health`,
// the `report` command (text and json) and the datapackage descriptor, all agreeing with facts.csv.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingest } from '../../index.js';
import { parseCsv } from '../../output/csv.js';
import { buildReport, formatReport } from '../../output/report.js';
import { healthLine, standardTables, standardMissing } from '../../output/health.js';
import { validatePackage } from '../../output/validate-datapackage.js';
import { main } from '../../pipeline/cli.js';
import { SAMPLES } from '../fixture.js';

let out: string;
let docs: Record<string, string>[];
let facts: Record<string, string>[];
let tables: Record<string, string>[];
let run: { health: Record<string, unknown> };
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'fe-report-'));
  await ingest([SAMPLES], { out });
  docs = parseCsv(readFileSync(join(out, 'documents.csv'), 'utf8'));
  facts = parseCsv(readFileSync(join(out, 'facts.csv'), 'utf8'));
  tables = parseCsv(readFileSync(join(out, 'tables.csv'), 'utf8'));
  run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const money = (f: Record<string, string>) => f['amount_yuan'] !== '' && f['table_kind'] !== 'performance_evaluation_scoring';

describe('documents.csv health columns', () => {
  it('agree with facts.csv and tables.csv, per document', () => {
    expect(docs.length).toBe(5);
    for (const d of docs) {
      const mine = facts.filter((f) => f['doc_id'] === d['doc_id']);
      const m = mine.filter(money);
      const v = m.filter((f) => f['verified'] === 'true');
      expect(d['n_money_facts']).toBe(String(m.length));
      expect(d['n_verified']).toBe(String(v.length));
      expect(d['share_verified']).toBe(m.length ? new Decimal(v.length).div(m.length).toFixed(4) : '');
      const nz = m.filter((f) => !new Decimal(f['value']!).isZero());
      expect(d['n_money_nonzero']).toBe(String(nz.length));
      expect(d['n_verified_nonzero']).toBe(String(nz.filter((f) => f['verified'] === 'true').length));
      expect(d['n_measure_unknown']).toBe(String(mine.filter((f) => !f['measure'] || (f['flags'] ?? '').split(';').includes('measure_unknown')).length));
      expect(d['n_tables_unknown']).toBe(String(tables.filter((t) => t['doc_id'] === d['doc_id'] && t['table_kind'] === 'unknown').length));
      const kinds = new Set(tables.filter((t) => t['doc_id'] === d['doc_id']).map((t) => t['table_kind']));
      const want = standardMissing(d['doc_kind']!, new Set([...kinds].filter((k): k is string => !!k)));
      expect(d['standard_tables_missing']).toBe(want.join(';'));
    }
  });

  it('every fact says verified true or false; the 决算 seeds are mostly verified, the form-only dump has nothing to verify', () => {
    expect(new Set(facts.map((f) => f['verified']))).toEqual(new Set(['true', 'false']));
    const share = (name: string) => Number(docs.find((d) => d['source']!.endsWith(name))!['share_verified']);
    expect(share('001_527840cd4be78074.txt')).toBeGreaterThan(0.75);
    expect(share('000_2eb6b8bca2f0722e.txt')).toBeGreaterThan(0.75);
    // the seed 004 prints prose only: its tables are missing, listed by kind
    const d004 = docs.find((d) => d['source']!.endsWith('004_4ed46029e7328268.txt'))!;
    expect(d004['standard_tables_missing']!.split(';')).toEqual(standardTables().kinds['final_accounts']);
  });

  it('the datapackage descriptor types the new columns and the package validates', () => {
    const dp = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources: { name: string; schema: { fields: { name: string; type: string }[] } }[] };
    const field = (r: string, c: string) => dp.resources.find((x) => x.name === r)!.schema.fields.find((f) => f.name === c)?.type;
    expect(field('facts', 'verified')).toBe('boolean');
    expect(field('documents', 'share_verified')).toBe('number');
    expect(field('documents', 'n_measure_unknown')).toBe('integer');
    expect(field('documents', 'standard_tables_missing')).toBe('string');
    expect(validatePackage(out)).toEqual([]);
    const json = JSON.parse(readFileSync(join(out, 'facts.json'), 'utf8')) as { facts: { verified: string }[] };
    expect(json.facts.length).toBe(facts.length);
    expect(json.facts.filter((f) => f.verified === 'true').length).toBe(facts.filter((f) => f['verified'] === 'true').length);
  });
});

describe('run.json health and the report command', () => {
  it('run.json health = the report built from documents.csv = the figures recounted from facts.csv', () => {
    const r = buildReport(out);
    expect(run.health).toEqual(r.health);
    const m = facts.filter(money);
    expect(r.health.money_facts).toBe(m.length);
    expect(r.health.verified_money_facts).toBe(m.filter((f) => f['verified'] === 'true').length);
    expect(r.health.share_verified).toBe(new Decimal(r.health.verified_money_facts).div(m.length).toFixed(4));
    const nz = m.filter((f) => !new Decimal(f['value']!).isZero());
    expect([r.health.nonzero_money_facts, r.health.verified_nonzero_money_facts]).toEqual([nz.length, nz.filter((f) => f['verified'] === 'true').length]);
    expect(nz.length).toBeLessThan(m.length);
    expect(r.health.tables_unknown).toBe(tables.filter((t) => t['table_kind'] === 'unknown').length);
    expect(r.health.docs_missing_table['income_expenditure_summary']).toBe(1);
    expect(r.health.docs_missing_core_tables).toBe(1);
    // worst first: the prose-only 决算 and the form have no verified money fact
    expect(r.worst.lowest_share_verified[0]!.value).toBe('0.0000');
    expect(r.worst.missing_tables[0]!.source).toMatch(/004_4ed46029e7328268\.txt$/);
  });

  it('text: health lines and the worst documents; the ingest summary line', () => {
    const text = formatReport(buildReport(out));
    expect(text).toMatch(/verified money facts\s+\d+\.\d%\s+\(\d+ of \d+\)/);
    expect(text).toMatch(/facts of unknown measure\s+\d+\.\d%/);
    expect(text).toContain('lowest share verified');
    expect(text).toContain('standard tables not found');
    expect(healthLine(buildReport(out).health)).toMatch(/^verified \d+\.\d% of money facts \(\d+\.\d% of non-zero\) · measure unknown \d+\.\d% · unknown tables \d+ · docs missing core tables 1 · docs with a failed identity \d+$/);
  });

  it('fiscal-extract report --format json prints the report; a folder without documents.csv is a usage error', async () => {
    let printed = '';
    const w = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((printed += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['report', out, '--format', 'json', '--top', '2'])).toBe(0);
      const r = JSON.parse(printed) as ReturnType<typeof buildReport>;
      expect(r.health.share_verified).toBe(run.health['share_verified']);
      expect(r.worst.lowest_share_verified.length).toBe(2);
      expect(await main(['report', join(out, 'tables')])).toBe(2);
      expect(await main(['report', out, '--format', 'xml'])).toBe(2);
    } finally {
      w.mockRestore();
      e.mockRestore();
    }
  });
});
