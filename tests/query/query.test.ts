// Parquet and CSV hold the same dataset, and `fiscal-extract query` answers the README's
// questions over either: the bundled samples plus one of them with a child amount changed (so a
// hierarchy identity fails), ingested with --format both; then an incremental rerun that
// rewrites only the changed document's partition.
import { describe, it, expect, beforeAll } from 'vitest';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../pipeline/ingest.js';
import { openDataset, queryCli, runQuery } from '../../output/query.js';
import { partitionValue, writeParquet } from '../../output/parquet.js';
import type { DocumentRow } from '../../output/records.js';
import { parseCsv } from '../../output/csv.js';
import { DOCUMENT_COLUMNS, FACT_COLUMNS } from '../../output/columns.js';
import { validatePackage } from '../../output/validate-datapackage.js';
import { README_QUESTIONS } from './readme-questions.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const samples = join(repo, 'corpus/samples');
const tmp = () => mkdtempSync(join(tmpdir(), 'fx-query-'));

/** the samples, and sample 001 with one 项 amount changed (its 款 no longer adds up) */
function corpus(): string {
  const dir = tmp();
  for (const f of readdirSync(samples)) copyFileSync(join(samples, f), join(dir, f));
  const text = readFileSync(join(samples, '001_527840cd4be78074.txt'), 'utf8');
  const child = '\t8.35\n\t8.35\n';
  expect(text).toContain(child);
  writeFileSync(join(dir, '005_changed_child.txt'), text.replace(child, '\t9.35\n\t9.35\n'));
  return dir;
}

/** an exact decimal string without trailing zeros (CSV '12.30' and DECIMAL '12.300000' compare equal) */
const dec = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

/** every file under the parquet tree: path → inode and mtime */
function files(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (e.name.endsWith('.parquet')) { const s = statSync(p); m.set(p, `${s.ino}:${s.mtimeMs}`); } } };
  walk(dir);
  return m;
}

describe('partitioned Parquet and query', () => {
  let input: string;
  let out: string;
  beforeAll(async () => {
    input = corpus();
    out = tmp();
    const r = await ingest([input], { out, state: join(out, '.fiscal-extract', 'state.sqlite'), format: 'both' });
    expect(r.run.parquet).toMatchObject({ partitions: 5, rewritten: 5, removed: 0 });
  }, 120_000);

  it('holds the same facts as facts.csv, typed exactly', async () => {
    const csv = parseCsv(readFileSync(join(out, 'facts.csv'), 'utf8'));
    expect(csv.length).toBeGreaterThan(1000);
    const ds = await openDataset(out);
    try {
      expect(ds.source).toBe('parquet');
      const types = await runQuery(ds.con, `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'facts'`);
      const t = Object.fromEntries(types.rows.map(([c, ty]) => [c, ty]));
      expect(t).toMatchObject({ value: 'DECIMAL(38,6)', amount_yuan: 'DECIMAL(38,6)', page: 'INTEGER', verified: 'BOOLEAN', code: 'VARCHAR', fiscal_year: 'INTEGER', issuer: 'VARCHAR' });
      const pq = await runQuery(ds.con, `SELECT ${FACT_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM facts`);
      const key = (r: string[]) => r.map((v, i) => (['value', 'amount_yuan', 'value_extracted'].includes(FACT_COLUMNS[i]!) ? dec(v) : v)).join('\u0001');
      const a = pq.rows.map(key).sort();
      const b = csv.map((r) => key(FACT_COLUMNS.map((c) => r[c] ?? ''))).sort();
      expect(a.length).toBe(b.length);
      expect(a).toEqual(b);
    } finally { ds.close(); }
    expect(validatePackage(out)).toEqual([]);
    const dp = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { resources: { name: string; format: string; path: string }[] };
    expect(dp.resources.filter((r) => r.format === 'parquet').map((r) => r.name)).toContain('facts-parquet');
  });

  it('answers the README questions, the same over Parquet and over the CSV files', async () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const answers: Record<string, string[][][]> = { parquet: [], csv: [] };
    for (const source of ['parquet', 'csv'] as const) {
      const ds = await openDataset(out, source === 'csv' ? 'csv' : undefined);
      try {
        expect(ds.source).toBe(source);
        for (const q of README_QUESTIONS) answers[source]!.push((await runQuery(ds.con, q.sql)).rows);
      } finally { ds.close(); }
    }
    for (const q of README_QUESTIONS) expect(readme, q.name).toContain(q.sql);
    expect(answers.parquet).toEqual(answers.csv);
    const [health, threePublic, failed] = answers.parquet as [string[][], string[][], string[][]];
    // 卫生健康支出: one row per city and year, the city cut from the issuer
    expect(health.map((r) => r[0])).toEqual(expect.arrayContaining(['漳州市', '盘锦市']));
    expect(health.every((r) => /^\d{4}$/.test(r[1]!) && Number(r[2]) > 0)).toBe(true);
    expect(threePublic.length).toBeGreaterThan(0);
    // the changed 项 and its 款 fail the hierarchy identity; nothing in the untouched samples does
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((r) => r[4]))).toEqual(new Set(['21011', '2101101', '2101102', '2101199']));
    const changedDoc = parseCsv(readFileSync(join(out, 'documents.csv'), 'utf8')).find((d) => (d.source ?? '').endsWith('005_changed_child.txt'))!;
    expect(new Set(failed.map((r) => r[0]))).toEqual(new Set([changedDoc.doc_id]));
  });

  it('writes an answer to .parquet and .csv files', async () => {
    const dir = tmp();
    const sql = `SELECT doc_id, sum(amount_yuan) AS yuan FROM facts GROUP BY doc_id ORDER BY doc_id`;
    expect(await queryCli([out, sql, '--out', join(dir, 'a.parquet')])).toBe(0);
    expect(await queryCli([out, sql, '--out', join(dir, 'a.csv')])).toBe(0);
    const ds = await openDataset(out);
    try {
      const back = await runQuery(ds.con, `SELECT * FROM read_parquet('${join(dir, 'a.parquet')}')`);
      const direct = await runQuery(ds.con, sql);
      expect(back.rows).toEqual(direct.rows);
      const docs = await runQuery(ds.con, 'SELECT count(DISTINCT doc_id) FROM facts');
      expect(back.rows.length).toBe(Number(docs.rows[0]![0]));
      expect(back.rows.length).toBeGreaterThan(3);
      expect(readFileSync(join(dir, 'a.csv'), 'utf8').split('\n')[0]).toBe('doc_id,yuan');
    } finally { ds.close(); }
    expect(await queryCli([dir, 'SELECT 1'])).toBe(2); // no dataset there: a usage error
  });

  it('rewrites only the partitions whose documents changed, and removes emptied ones', async () => {
    const before = files(join(out, 'parquet'));
    const state = join(out, '.fiscal-extract', 'state.sqlite');
    const same = await ingest([input], { out, state, format: 'parquet' });
    expect(same.run.parquet).toMatchObject({ rewritten: 0, removed: 0, bytes_written: 0 });
    expect(files(join(out, 'parquet'))).toEqual(before);
    appendFileSync(join(input, '004_4ed46029e7328268.txt'), '\n \n'); // 攀枝花市东区, 2023: a partition of its own
    const one = await ingest([input], { out, state, format: 'parquet' });
    expect(one.run.incremental).toMatchObject({ read: 1, reused: 5 });
    expect(one.run.parquet).toMatchObject({ partitions: 5, rewritten: 1, removed: 0 });
    const after = files(join(out, 'parquet'));
    const changed = [...after].filter(([p, id]) => before.get(p) !== id).map(([p]) => p);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((p) => p.includes(`partition_issuer=${partitionValue('四川省攀枝花市东区医疗保障局')}`))).toBe(true);
    rmSync(join(input, '004_4ed46029e7328268.txt'));
    const gone = await ingest([input], { out, state, format: 'parquet' });
    expect(gone.run.parquet).toMatchObject({ partitions: 4, rewritten: 0, removed: 1 });
    expect(existsSync(join(out, 'parquet', 'facts', 'partition_year=2023', `partition_issuer=${partitionValue('四川省攀枝花市东区医疗保障局')}`))).toBe(false);
    const ds = await openDataset(out);
    try {
      const n = await runQuery(ds.con, 'SELECT count(*) FROM documents');
      expect(n.rows[0]![0]).toBe('5');
    } finally { ds.close(); }
  }, 120_000);

  it('refuses a value DECIMAL(38,6) cannot hold exactly, never rounds it', async () => {
    const doc = Object.fromEntries(DOCUMENT_COLUMNS.map((c) => [c, ''])) as unknown as DocumentRow;
    Object.assign(doc, { doc_id: 'd1', issuer: 'x', fiscal_year: '2024', status: 'ok' });
    const fact = (value: string) => FACT_COLUMNS.map((c) => (c === 'doc_id' ? 'd1' : c === 'value' ? value : '')).join(',') + '\n';
    const blocks = (value: string) => ({ doc, counts: { tables: 0, facts: 1, checks_failed: 0, performance: 0, indicators: 0 }, tables: '', facts: fact(value), checks: '', performance: '', indicators: '', definitions: '', budget_lines: '', facts_json: '', grids: [] });
    const dir = tmp();
    await expect(writeParquet([{ doc, hash: 'a', blocks: () => blocks('1.1234567') }], dir)).rejects.toThrow(/d1 has a value that is not an exact decimal.*value = 1\.1234567/);
    const ok = await writeParquet([{ doc, hash: 'b', blocks: () => blocks('-1.1234560') }], dir);
    expect(ok).toMatchObject({ partitions: 1, rewritten: 1 });
  });

  it('makes folder names of partition values', () => {
    expect(partitionValue('漳州市医疗保障局（汇总）')).toBe('漳州市医疗保障局（汇总）');
    expect(partitionValue('a/b=c%d e')).toBe('a_b_c_d_e');
    expect(partitionValue('')).toBe('_unknown');
    expect(partitionValue('..')).toBe('_.');
    const long = partitionValue('局'.repeat(100));
    expect([...long].length).toBeLessThan(80);
    expect(long).not.toBe(partitionValue('局'.repeat(101)));
  });
});
