// The corpus tier (`npm run test:corpus`, files named *.corpus.test.ts): tests that read whole
// documents of the shared material. It is found at $FISCAL_EXTRACT_SHARED, else at ../shared beside
// the repository. When neither is there, a corpus test file skips with one line saying so; when
// FISCAL_EXTRACT_SHARED names a folder that is not there, it fails (CI sets it on purpose).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import { REPO } from './fixture.js';

const named = process.env.FISCAL_EXTRACT_SHARED;
const dir = named ? resolve(named) : resolve(REPO, '../shared');
if (named && !existsSync(join(dir, 'corpus'))) {
  throw new Error(`FISCAL_EXTRACT_SHARED=${named}: no corpus/ folder there (it should hold corpus/, tools/, peer-cases/)`);
}

/** The shared material's folder, or undefined when it is not there. */
export const SHARED: string | undefined = existsSync(join(dir, 'corpus')) ? dir : undefined;

let told = false;
function tell(): void {
  if (told || SHARED) return;
  told = true;
  console.warn(`corpus tier skipped: no shared corpus at ${dir}; set FISCAL_EXTRACT_SHARED=/path/to/shared or put it beside the repository as ../shared`);
}

/** A path in the shared material (only inside describeCorpus, where SHARED is set). */
export function shared(...parts: string[]): string {
  if (!SHARED) throw new Error('shared corpus not available (describeCorpus skips when it is not)');
  return join(SHARED, ...parts);
}

/** A path in the shared corpus folder. */
export function corpusFile(name: string): string {
  return shared('corpus', name);
}

/** describe() that runs when the shared corpus is there, else skips with one line. */
export function describeCorpus(title: string, fn: () => void): void {
  tell();
  describe.skipIf(!SHARED)(title, fn);
}
