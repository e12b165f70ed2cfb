// Writing the data files: one JSON object per line inside each array (readable, diffable),
// sorted by code; no timestamps, so the same inputs give the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredEntry, StoredSystem } from '../../normalizers/taxonomy/store.js';
import { SYSTEM_FILES } from '../../normalizers/taxonomy/store.js';
import type { CodeSystem } from '../../normalizers/taxonomy/types.js';
import type { Conflict, StoredCrosswalk } from './types.js';
import { CODE_SYSTEMS } from '../../normalizers/taxonomy/types.js';

const CROSSWALK_FILE = 'crosswalk_econ_dept_gov.csv';

const TITLES: Record<CodeSystem, string> = {
  function: '支出功能分类科目 (类 3 digits / 款 5 / 项 7)',
  econ_dept: '部门预算支出经济分类科目 (类 3 digits / 款 5)',
  econ_gov: '政府预算支出经济分类科目 (类 3 digits / 款 5)',
  income: '收入分类科目 (类 3 digits / 款 5 / 项 7)',
};

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV with a header row, \n line ends (build files; the dataset's CSV writer is output/csv.ts). */
export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** A JSON document whose arrays of objects are written one element per line. */
export function jsonLines(head: Record<string, unknown>, key: string, items: unknown[]): string {
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const body = items.map((x) => '    ' + JSON.stringify(x)).join(',\n');
  return `${top},\n  ${JSON.stringify(key)}: [\n${body}\n  ]\n}\n`;
}

export function writeSystems(outDir: string, entries: Map<CodeSystem, StoredEntry[]>): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (const system of CODE_SYSTEMS) {
    const list = [...(entries.get(system) ?? [])].sort((a, b) => (a.code < b.code ? -1 : 1));
    const doc: Omit<StoredSystem, 'entries'> = {
      system,
      title: TITLES[system],
      generated_by: 'tools/taxonomy/build.ts (do not edit by hand: edit curated/ and rebuild)',
    };
    writeFileSync(join(outDir, SYSTEM_FILES[system]), jsonLines(doc as Record<string, unknown>, 'entries', list));
    files.push(SYSTEM_FILES[system]);
  }
  return files;
}

export function writeCrosswalk(outDir: string, rows: StoredCrosswalk[]): string {
  const body = rows.map((r) => [r.dept, r.dept_name, r.gov, r.gov_name, r.years.join(';'), r.sources.join(';')]);
  writeFileSync(
    join(outDir, CROSSWALK_FILE),
    toCsv(['dept_code', 'dept_name', 'gov_code', 'gov_name', 'years', 'sources'], body),
  );
  return CROSSWALK_FILE;
}

/** A flat, spreadsheet-friendly view of all systems. */
export function writeFlat(outDir: string, entries: Map<CodeSystem, StoredEntry[]>): string {
  const rows: string[][] = [];
  for (const system of CODE_SYSTEMS) {
    for (const e of entries.get(system) ?? []) {
      const history = e.names.map((n) => (n.years.length ? `${n.name}[${n.years.join(',')}]` : n.name)).join('; ');
      rows.push([system, e.code, e.level, e.parent, e.name, history, e.aliases.join(';'), e.cofog ?? '', String(e.sources.length)]);
    }
  }
  const file = 'taxonomy.csv';
  writeFileSync(
    join(outDir, file),
    toCsv(['system', 'code', 'level', 'parent', 'name', 'names_by_year', 'aliases', 'cofog', 'n_sources'], rows),
  );
  return file;
}

export function writeConflicts(outDir: string, conflicts: Conflict[]): string {
  const file = 'conflicts.json';
  writeFileSync(
    join(outDir, file),
    jsonLines({ description: 'codes printed with different names in the same fiscal year; see README.md' }, 'conflicts', conflicts),
  );
  return file;
}
