// Seed loading for the prose tests (not a test file itself).
import { readFileSync } from 'node:fs';
import type { ProseLine } from '../../normalizers/prose/index.js';
import { sample } from '../fixture.js';

export const SEED_000 = '000_2eb6b8bca2f0722e.txt';
export const SEED_001 = '001_527840cd4be78074.txt';
export const SEED_004 = '004_4ed46029e7328268.txt';

/** The seed's lines as the pipeline hands them over: one ProseLine per dump line. */
export function seedLines(name: string): ProseLine[] {
  const text = readFileSync(sample(name), 'utf8'); // corpus/samples (the same files as ../shared/seeds)
  return text.split('\n').map((t) => ({ text: t.replace(/\r$/, '') }));
}
