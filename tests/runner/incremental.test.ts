// Incremental runs on the SQLite state: unchanged documents are not read again, the datasets
// are complete and byte-identical after every run; worker threads give the same bytes as the
// in-process runner.
import { describe, it, expect } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../pipeline/ingest.js';
import { Store } from '../../pipeline/store/store.js';
import { extractorVersion } from '../../pipeline/runner/extractor-version.js';
import { makeCorpus, readOut, tmp } from './helpers.js';
import { recoverOutput } from '../../output/write-dataset.js';

/** tables/ as path → bytes (its hidden index aside) */
function readTables(out: string): Record<string, string> {
  const t: Record<string, string> = {};
  for (const d of readdirSync(join(out, 'tables')).filter((n) => !n.startsWith('.')).sort()) {
    for (const f of readdirSync(join(out, 'tables', d)).sort()) t[`${d}/${f}`] = readFileSync(join(out, 'tables', d, f), 'utf8');
  }
  return t;
}

describe('incremental ingestion', () => {
  it('reads only new or changed documents and still writes the complete dataset', async () => {
    const corpus = makeCorpus(1); // 10 documents
    const out = tmp();
    const state = join(out, '.fiscal-extract', 'state.sqlite');
    const first = await ingest([corpus], { out, state });
    expect(first.run.incremental).toMatchObject({ read: 10, reused: 0 });
    const bytes1 = readOut(out);

    const second = await ingest([corpus], { out, state });
    expect(second.run.incremental).toMatchObject({ read: 0, reused: 10 });
    expect(readOut(out)).toEqual(bytes1);
    expect(second.facts.length).toBe(first.facts.length);

    // one document changes: only it is read again
    const changed = join(corpus, '003_915f6bc0cb6e7bd7.txt');
    appendFileSync(changed, '\n \n');
    const third = await ingest([corpus], { out, state });
    expect(third.run.incremental).toMatchObject({ read: 1, reused: 9 });
    const docs = third.documents.map((d) => d.source);
    expect(docs).toEqual([...docs].sort());

    // a removed document leaves the dataset; the rest is reused
    rmSync(join(corpus, '004_4ed46029e7328268.v001.txt'));
    const fourth = await ingest([corpus], { out, state });
    expect(fourth.run.incremental).toMatchObject({ read: 0, reused: 9 });
    expect(fourth.documents.length).toBe(9);

    const store = new Store(state);
    expect(store.countResults()).toBe(11);
    const seen = store.getSeen(changed)!;
    expect(seen.sha256).toMatch(/^[0-9a-f]{64}$/);
    store.close();
    expect(extractorVersion()).toMatch(/^\d+\.\d+\.\d+\+k[0-9a-f]{12}\.c[0-9a-f]{12}$/);
  }, 60_000);

  it('worker threads produce the same bytes as the in-process runner, whatever the order of work', async () => {
    const corpus = makeCorpus(1);
    const a = tmp();
    const b = tmp();
    await ingest([corpus], { out: a });
    const r = await ingest([corpus], { out: b, workers: 2, state: join(b, 'state.sqlite') });
    expect(r.run.executor).toMatchObject({ kind: 'worker-threads', workers: 2, crashed: 0 });
    expect(readOut(b)).toEqual(readOut(a));
    const run = JSON.parse(readFileSync(join(b, 'run.json'), 'utf8'));
    expect(run.counts.documents).toBe(10);
    expect(run.throughput.documents_per_s).toBeGreaterThan(0);
    expect(Object.keys(run.stage_ms)).toEqual(expect.arrayContaining(['read', 'extract', 'store', 'assemble']));
    expect(Object.keys(r.run.stage_ms)).toContain('write'); // known only after run.json is written
  }, 60_000);

  it('carries unchanged tables/ folders over and writes the same tree as a clean run', async () => {
    const corpus = makeCorpus(1);
    const out = tmp();
    const state = join(out, '.fiscal-extract', 'state.sqlite');
    await ingest([corpus], { out, state });
    appendFileSync(join(corpus, '003_915f6bc0cb6e7bd7.txt'), '\n \n');
    rmSync(join(corpus, '004_4ed46029e7328268.v001.txt'));
    const r = await ingest([corpus], { out, state });
    expect(r.run.incremental).toMatchObject({ read: 1, reused: 8 });
    const clean = tmp();
    await ingest([corpus], { out: clean });
    expect(readTables(out)).toEqual(readTables(clean));
    expect(Object.keys(readTables(out)).length).toBeGreaterThan(0);
    // a damaged folder (a file removed by hand) is written again, not carried over
    const d = readdirSync(join(out, 'tables')).filter((n) => !n.startsWith('.'))[0]!;
    rmSync(join(out, 'tables', d, readdirSync(join(out, 'tables', d))[0]!));
    await ingest([corpus], { out, state });
    expect(readTables(out)).toEqual(readTables(clean));
  }, 60_000);

  it('a swap killed while carrying folders over is completed by the next start', () => {
    const out = tmp();
    mkdirSync(join(out, 'tables', 'docA'), { recursive: true });
    mkdirSync(join(out, 'tables', 'docB'), { recursive: true });
    writeFileSync(join(out, 'tables', 'docA', 't1.csv'), 'a\n');
    writeFileSync(join(out, 'tables', 'docB', 't1.csv'), 'b\n');
    const tmpName = '.tmp-999999-2';
    // the killed run had moved docA already; docB is still in the live folder
    mkdirSync(join(out, tmpName, 'tables', 'docA'), { recursive: true });
    writeFileSync(join(out, tmpName, 'tables', 'docA', 't1.csv'), 'a\n');
    rmSync(join(out, 'tables', 'docA'), { recursive: true });
    mkdirSync(join(out, tmpName, 'tables', 'docC'), { recursive: true });
    writeFileSync(join(out, tmpName, 'tables', 'docC', 't1.csv'), 'c\n');
    writeFileSync(join(out, tmpName, 'run.json'), '{}\n');
    writeFileSync(join(out, '.write-journal.json'), JSON.stringify({ tmp: tmpName, files: ['run.json'], tables: true, moves: ['docA', 'docB'] }));
    recoverOutput(out);
    expect(readTables(out)).toEqual({ 'docA/t1.csv': 'a\n', 'docB/t1.csv': 'b\n', 'docC/t1.csv': 'c\n' });
    expect(existsSync(join(out, '.write-journal.json'))).toBe(false);
  });
});
