// The shipped data files: their shapes, where they live, and reading them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeSystem, Level, NameSpan } from './types.js';

/** One code as written to <system>.json. */
export interface StoredEntry {
  code: string;
  name: string;
  level: Level;
  parent: string;
  /** names by fiscal year, oldest first; a name with no dated evidence has years [] */
  names: NameSpan[];
  aliases: string[];
  sources: string[];
  legacy_names?: string[];
  cofog?: string;
  note?: string;
}

export interface StoredSystem {
  system: CodeSystem;
  title: string;
  generated_by: string;
  entries: StoredEntry[];
}

interface CofogDivision {
  id: string;
  name: string;
}

export interface CofogFile {
  divisions: CofogDivision[];
  classes: { code: string; name: string; cofog: string; rationale: string; confidence?: string }[];
}

export const SYSTEM_FILES: Record<CodeSystem, string> = {
  function: 'function.json',
  econ_dept: 'econ_dept.json',
  econ_gov: 'econ_gov.json',
  income: 'income.json',
};
export const COFOG_FILE = 'cofog.json';

const here = dirname(fileURLToPath(import.meta.url));

/** <repo>/normalizers/knowledge/taxonomy, from the TS sources and from dist/normalizers/taxonomy. */
export function defaultDataDir(): string {
  const candidates = [
    resolve(here, '../knowledge/taxonomy'),
    resolve(here, '../../../normalizers/knowledge/taxonomy'),
  ];
  for (const c of candidates) if (existsSync(join(c, SYSTEM_FILES.function)) || existsSync(join(c, COFOG_FILE))) return c;
  throw new Error(`taxonomy data not found (looked in ${candidates.join(', ')})`);
}

export function readSystem(dir: string, system: CodeSystem): StoredSystem | undefined {
  const p = join(dir, SYSTEM_FILES[system]);
  if (!existsSync(p)) return undefined;
  return JSON.parse(readFileSync(p, 'utf8')) as StoredSystem;
}

export function readCofog(dir: string): CofogFile | undefined {
  const p = join(dir, COFOG_FILE);
  if (!existsSync(p)) return undefined;
  return JSON.parse(readFileSync(p, 'utf8')) as CofogFile;
}
