// Build inputs: files and folders → evidence. CSV code lists and text dumps are recognised by
// extension; folders named curated/, official/ and observed/ set the evidence kind.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { defaultDataDir } from '../../normalizers/taxonomy/store.js';
import { harvestCsv } from './harvest-csv.js';
import { harvestText } from './harvest-text.js';
import type { CrosswalkRow, Evidence, EvidenceKind, NameOnlyEvidence } from './types.js';

interface Harvest {
  files: string[];
  evidence: Evidence[];
  names: NameOnlyEvidence[];
  crosswalk: CrosswalkRow[];
  warnings: string[];
}

const FOLDER_KIND: Record<string, EvidenceKind> = { curated: 'curated', official: 'official', observed: 'observed' };

/** `path` or `path#2022` (the year of a text dump, overriding detection). */
function splitSpec(spec: string): { path: string; year?: string } {
  const m = /^(.*)#(\d{4})$/.exec(spec);
  return m ? { path: m[1] ?? '', year: m[2] ?? '' } : { path: spec };
}

/**
 * The shared material the inputs usually come from ($FISCAL_EXTRACT_SHARED, else ../shared beside
 * the repository). build-report.json names its inputs relative to this folder, so the committed
 * report does not depend on the machine it was built on.
 */
function sharedRoot(): string {
  const named = process.env['FISCAL_EXTRACT_SHARED'];
  // defaultDataDir() is <repo>/normalizers/knowledge/taxonomy
  return named ? resolve(named) : resolve(defaultDataDir(), '../../../../shared');
}

/** An input spec as build-report.json records it: its path relative to the shared root, `/`-separated. */
export function toSharedPath(spec: string): string {
  const { path, year } = splitSpec(spec);
  const rel = relative(sharedRoot(), resolve(path)).split(sep).join('/') || '.';
  return year ? `${rel}#${year}` : rel;
}

/** A recorded input spec back to a path (an absolute path, as older reports hold, stays as it is). */
export function fromSharedPath(spec: string): string {
  const { path, year } = splitSpec(spec);
  const abs = resolve(sharedRoot(), path);
  return year ? `${abs}#${year}` : abs;
}

/** Files an input names: the file itself, or a folder's *.csv / *.txt (not README), sorted. */
function expandInput(spec: string): { path: string; year?: string }[] {
  const { path, year } = splitSpec(spec);
  if (!existsSync(path)) throw new Error(`taxonomy input not found: ${path}`);
  if (!statSync(path).isDirectory()) return [{ path, ...(year ? { year } : {}) }];
  return readdirSync(path)
    .filter((f) => /\.(csv|txt)$/i.test(f) && !/^readme/i.test(f))
    .sort()
    .map((f) => ({ path: join(path, f) }));
}

/** `seeds/000_….txt`: the folder and file name, stable across machines. */
function sourceLabel(path: string): string {
  return `${basename(dirname(path))}/${basename(path)}`;
}

export function harvestInputs(specs: string[]): Harvest {
  const out: Harvest = { files: [], evidence: [], names: [], crosswalk: [], warnings: [] };
  const seen = new Set<string>();
  for (const spec of specs) {
    for (const { path, year } of expandInput(spec)) {
      if (seen.has(path)) continue;
      seen.add(path);
      const label = sourceLabel(path);
      const text = readFileSync(path, 'utf8');
      out.files.push(label);
      if (/\.csv$/i.test(path)) {
        const h = harvestCsv(text, label, FOLDER_KIND[basename(dirname(path))]);
        out.evidence.push(...h.evidence);
        out.crosswalk.push(...h.crosswalk);
        out.warnings.push(...h.warnings);
      } else {
        const h = harvestText(text, label, year);
        if (!h.evidence.length && !h.names.length) out.warnings.push(`${label}: no codes found`);
        out.evidence.push(...h.evidence);
        out.names.push(...h.names);
      }
    }
  }
  return out;
}
