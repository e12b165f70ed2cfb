// The pool's hard limit follows a document's time limit as it grows (a scan: 60 s more for each
// page read by OCR, told by the worker once the pages are counted); a worker silent past the limit
// it reported is still replaced.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkerPool } from '../../pipeline/runner/pool.js';
import { samples } from './helpers.js';

const seed = new Uint8Array(readFileSync(join(samples, '003_915f6bc0cb6e7bd7.txt')));

describe('worker pool time limit', () => {
  it('a document whose limit grew is not given up at the first limit; a hang still is', async () => {
    const pool = new WorkerPool({ size: 2, timeoutMs: 4000, graceMs: 500, memoryMb: 64, workerUrl: new URL('./fault-worker.ts', import.meta.url) });
    const [slow, hung] = await Promise.all([
      pool.run({ id: 0, source: 'x__slow__.txt', bytes: seed.slice(), timeoutMs: 4000 }),
      pool.run({ id: 1, source: 'x__hang__.txt', bytes: seed.slice(), timeoutMs: 4000 }),
    ]);
    expect(slow.status).toBe('ok');
    expect(hung.status).toBe('failed');
    expect(hung.error).toMatch(/gave up after 4 s/);
    expect(pool.stats()).toMatchObject({ hung: 1 });
    await pool.close();
  }, 60_000);
});
