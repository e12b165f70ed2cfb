// Locate and read the data files under normalizers/knowledge, from the TS sources (vitest) and
// from the compiled dist/ tree alike.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The knowledge folder: next to this module in the sources, ../../../normalizers/knowledge from dist. */
export function knowledgeDir(): string {
  const candidates = [here, resolve(here, '../../../normalizers/knowledge')];
  for (const c of candidates) if (existsSync(join(c, 'table-kinds.json'))) return c;
  throw new Error(`knowledge data not found (looked in ${candidates.join(', ')})`);
}

export function readKnowledgeJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(knowledgeDir(), name), 'utf8')) as T;
}
