// Seed records for the checks tests (not a test file itself).
import { ingest } from '../../index.js';
import type { DocumentRecord } from '../../model/types.js';

export const SAMPLES = new URL('../../corpus/samples/', import.meta.url).pathname;
export const SEED_000 = SAMPLES + '000_2eb6b8bca2f0722e.txt';
export const SEED_001 = SAMPLES + '001_527840cd4be78074.txt';

const cache = new Map<string, Promise<DocumentRecord>>();

/** The DocumentRecord of one input (ingested once per test file). */
export function record(path: string): Promise<DocumentRecord> {
  let p = cache.get(path);
  if (!p) {
    p = ingest([path], { keepRecords: true }).then((r) => r.records![0]!);
    cache.set(path, p);
  }
  return p;
}

/** mulberry32: a small seeded PRNG, so a failing mutation can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
