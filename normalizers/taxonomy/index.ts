// The taxonomy lookup API used by the pipeline: loadTaxonomy() reads the shipped data files once.
import { resolve } from 'node:path';
import type { StoredEntry } from './store.js';
import { defaultDataDir, readCofog, readSystem } from './store.js';
import { TaxonomyImpl } from './taxonomy.js';
import type { Taxonomy } from './taxonomy.js';
import type { CodeSystem } from './types.js';
import { CODE_SYSTEMS } from './types.js';

export type { Taxonomy } from './taxonomy.js';
export { normalizeName } from './text.js';

const cache = new Map<string, Taxonomy>();

/** The taxonomy from the data files in `dir` (default: the shipped normalizers/knowledge/taxonomy). Cached per folder. */
export function loadTaxonomy(dir?: string): Taxonomy {
  const d = resolve(dir ?? defaultDataDir());
  const hit = cache.get(d);
  if (hit) return hit;
  const systems = new Map<CodeSystem, StoredEntry[]>();
  for (const s of CODE_SYSTEMS) systems.set(s, readSystem(d, s)?.entries ?? []);
  if (!systems.get('function')?.length) throw new Error(`no taxonomy data in ${d} (function.json missing or empty)`);
  const tax = new TaxonomyImpl(systems, readCofog(d), d);
  cache.set(d, tax);
  return tax;
}

/** Forget cached taxonomies (after a rebuild in the same process). */
export function clearTaxonomyCache(): void {
  cache.clear();
}
