// A worker that crashes, throws, hangs or runs out of memory costs one document (recorded
// `failed` with a one-line reason), not the run; the worker is replaced. The time limit (15 s) leaves
// room for a cold worker on a machine busy with the other test files (module loading counts
// against it): only the hanging document may reach it.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkerPool } from '../../pipeline/runner/pool.js';
import { samples } from './helpers.js';

const seed = new Uint8Array(readFileSync(join(samples, '003_915f6bc0cb6e7bd7.txt')));

describe('worker pool fault isolation', () => {
  it('one document per fault, the others are read, workers are replaced', async () => {
    const pool = new WorkerPool({ size: 2, timeoutMs: 15_000, graceMs: 500, memoryMb: 64, workerUrl: new URL('./fault-worker.ts', import.meta.url) });
    const names = ['a.txt', 'x__exit__.txt', 'b.txt', 'x__throw__.txt', 'c.txt', 'x__hang__.txt', 'd.txt', 'x__oom__.txt', 'e.txt'];
    const results = await Promise.all(names.map((n, id) => pool.run({ id, source: n, bytes: seed.slice(), timeoutMs: 15_000 })));
    const by = Object.fromEntries(names.map((n, i) => [n, results[i]!]));
    for (const n of ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']) {
      expect(by[n]!.status, n).toBe('ok');
      expect(by[n]!.dataset.performance.length, n).toBe(1);
    }
    expect(by['x__exit__.txt']!.error).toMatch(/exited unexpectedly \(code 7\)/);
    expect(by['x__throw__.txt']!.error).toMatch(/crashed: boom in the worker/);
    expect(by['x__hang__.txt']!.error).toMatch(/gave up after 15 s/);
    expect(by['x__oom__.txt']!.error).toMatch(/ran out of memory \(worker limit 64 MB\)/);
    for (const n of names.filter((x) => x.startsWith('x__'))) {
      const r = by[n]!;
      expect(r.status).toBe('failed');
      expect(r.cacheable).toBe(false);
      expect(r.error).not.toContain('\n');
      expect(r.dataset.documents[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const st = pool.stats();
    expect(st).toMatchObject({ crashed: 2, hung: 1, outOfMemory: 1 });
    expect(st.replaced).toBeGreaterThanOrEqual(3);
    await pool.close();
  }, 60_000);
});
