// Incremental runs on the SQLite state: unchanged documents are not read again, the datasets
// are complete and byte-identical after every run; worker threads give the same bytes as the
// in-process runner.
import { describe, it, expect } from 'vitest';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../pipeline/ingest.js';
import { Store } from '../../pipeline/store/store.js';
import { extractorVersion } from '../../pipeline/runner/extractor-version.js';
import { makeCorpus, readOut, tmp } from './helpers.js';

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
});
