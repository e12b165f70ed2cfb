// Evidence from code-list CSV files: <shared>/taxonomy-sources (code,name,level,parent_code,
// source,year,note), the crosswalk (gov_code,gov_name,dept_code,dept_name,source,year), the curated
// lists under knowledge/taxonomy/curated (code,name,years,aliases,basis), imported official lists
// (code,name,level,year) and persisted pipeline observations (code,name,year,source).
import { parseCsvObjects } from './csv.js';
import { isWellFormed } from '../../normalizers/taxonomy/shape.js';
import { squash } from '../../normalizers/taxonomy/text.js';
import type { CrosswalkRow, Evidence, EvidenceKind } from './types.js';

interface CsvHarvest {
  evidence: Evidence[];
  crosswalk: CrosswalkRow[];
  warnings: string[];
}

/** Years column of curated rows: '' (undated), '2022', '2014-2018', '2019-'. */
function parseYearSpec(spec: string): { year: string; range?: [string, string] } | undefined {
  const s = spec.trim();
  if (!s) return { year: '' };
  let m = /^(\d{4})$/.exec(s);
  if (m) return { year: m[1] ?? '' };
  m = /^(\d{4})\s*-\s*(\d{4})?$/.exec(s);
  if (m) return { year: '', range: [m[1] ?? '', m[2] ?? ''] };
  return undefined;
}

function legacyOf(note: string): string | undefined {
  const m = /legacy name differs:\s*([^;]+)/.exec(note);
  return m ? squash(m[1] ?? '') || undefined : undefined;
}

/** `kindHint`: what the folder says (curated/, official/, observed/); else taken from the header. */
export function harvestCsv(text: string, label: string, kindHint?: EvidenceKind): CsvHarvest {
  const rows = parseCsvObjects(text);
  const evidence: Evidence[] = [];
  const crosswalk: CrosswalkRow[] = [];
  const warnings: string[] = [];
  const header = rows[0] ? Object.keys(rows[0].row) : [];
  const add = (e: Evidence) => {
    if (!isWellFormed(e.code)) warnings.push(`${e.source}: ignored malformed code ${JSON.stringify(e.code)}`);
    else if (!e.name) warnings.push(`${e.source}: ignored code ${e.code} without a name`);
    else evidence.push(e);
  };

  if (header.includes('gov_code') && header.includes('dept_code')) {
    const kind = kindHint ?? 'source_csv';
    for (const { line, row } of rows) {
      const source = `${label}#L${line}`;
      const year = row['year'] ?? '';
      const gov = row['gov_code'] ?? '';
      const dept = row['dept_code'] ?? '';
      if (row['gov_name']) add({ code: gov, name: squash(row['gov_name']), year, source, kind });
      if (row['dept_name']) add({ code: dept, name: squash(row['dept_name']), year, source, kind });
      if (isWellFormed(gov) && isWellFormed(dept)) crosswalk.push({ dept, gov, year, source });
    }
    return { evidence, crosswalk, warnings };
  }

  const curated = kindHint === 'curated' || header.includes('years');
  for (const { line, row } of rows) {
    const source = `${label}#L${line}`;
    const code = (row['code'] ?? '').trim();
    const name = squash(row['name'] ?? '');
    if (curated) {
      const spec = parseYearSpec(row['years'] ?? '');
      if (!spec) {
        warnings.push(`${source}: unreadable years ${JSON.stringify(row['years'])}`);
        continue;
      }
      const aliases = (row['aliases'] ?? '').split(/[;；|]/).map(squash).filter(Boolean);
      add({ code, name, year: spec.year, source, kind: 'curated', aliases, ...(spec.range ? { yearRange: spec.range } : {}) });
      continue;
    }
    const kind: EvidenceKind = kindHint ?? (header.includes('source') ? 'source_csv' : 'official');
    const legacy = legacyOf(row['note'] ?? '');
    add({ code, name, year: row['year'] ?? '', source: kind === 'observed' && row['source'] ? row['source'] : source, kind, ...(legacy ? { legacy } : {}) });
  }
  return { evidence, crosswalk, warnings };
}
