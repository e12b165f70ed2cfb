// Write a dataset into an output folder. Nothing half-written: every file is first written into
// a temporary folder beside the target and then renamed into place, tables/ swapped as a whole.
// The renames are journaled (.write-journal.json): a run killed between two renames leaves the
// complete new files in the temporary folder, and the next write into the folder (or
// `recoverOutput`) finishes the swap before anything else, so the set of files is never a mix
// of two runs for longer than until the next start.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from './records.js';
import { toCsv } from './csv.js';
import { CHECK_COLUMNS, DEFINITION_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, INDICATOR_COLUMNS, PERFORMANCE_COLUMNS, TABLE_COLUMNS } from './columns.js';
import { datapackage } from './datapackage.js';
import { budgetLinesCsv } from './fiscal-lines.js';

function rowsOf<T extends object>(records: T[], columns: readonly string[]): string[][] {
  return records.map((r) => columns.map((c) => String((r as Record<string, unknown>)[c] ?? '')));
}

export interface RunInfo {
  [key: string]: unknown;
}

const JOURNAL = '.write-journal.json';

interface Journal { tmp: string; files: string[]; tables: boolean }

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** finish a swap a killed run left half done; remove temporary folders of dead runs */
export function recoverOutput(outDir: string): void {
  if (!existsSync(outDir)) return;
  const jp = join(outDir, JOURNAL);
  if (existsSync(jp)) {
    let j: Journal | undefined;
    try { j = JSON.parse(readFileSync(jp, 'utf8')) as Journal; } catch { j = undefined; }
    if (j && existsSync(join(outDir, j.tmp))) swapIn(outDir, j);
    rmSync(jp, { force: true });
  }
  for (const name of readdirSync(outDir)) {
    const m = /^\.tmp-(?:old-tables-)?(\d+)/.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(outDir, name), { recursive: true, force: true });
  }
}

function swapIn(outDir: string, j: Journal): void {
  const tmp = join(outDir, j.tmp);
  if (j.tables && existsSync(join(tmp, 'tables'))) {
    const oldTables = join(outDir, `.tmp-old-tables-${process.pid}`);
    rmSync(oldTables, { recursive: true, force: true });
    if (existsSync(join(outDir, 'tables'))) renameSync(join(outDir, 'tables'), oldTables);
    renameSync(join(tmp, 'tables'), join(outDir, 'tables'));
    rmSync(oldTables, { recursive: true, force: true });
  }
  for (const name of j.files) if (existsSync(join(tmp, name))) renameSync(join(tmp, name), join(outDir, name));
}

export function writeDataset(ds: Dataset, outDir: string, run: RunInfo): string[] {
  mkdirSync(outDir, { recursive: true });
  recoverOutput(outDir);
  const tmpName = `.tmp-${process.pid}-${Date.now()}`;
  const tmp = join(outDir, tmpName);
  mkdirSync(tmp, { recursive: true });
  const files: [string, string][] = [
    ['documents.csv', toCsv(DOCUMENT_COLUMNS, rowsOf(ds.documents, DOCUMENT_COLUMNS))],
    ['tables.csv', toCsv(TABLE_COLUMNS, rowsOf(ds.tables, TABLE_COLUMNS))],
    ['facts.csv', toCsv(FACT_COLUMNS, rowsOf(ds.facts, FACT_COLUMNS))],
    ['checks.csv', toCsv(CHECK_COLUMNS, rowsOf(ds.checks, CHECK_COLUMNS))],
    ['performance.csv', toCsv(PERFORMANCE_COLUMNS, rowsOf(ds.performance, PERFORMANCE_COLUMNS))],
    ['performance_indicators.csv', toCsv(INDICATOR_COLUMNS, rowsOf(ds.indicators, INDICATOR_COLUMNS))],
    ['definitions.csv', toCsv(DEFINITION_COLUMNS, rowsOf(ds.definitions, DEFINITION_COLUMNS))],
    ['budget_lines.csv', budgetLinesCsv(ds)],
    ['facts.json', JSON.stringify({ facts: ds.facts }, null, 1) + '\n'],
    ['datapackage.json', JSON.stringify(datapackage(), null, 2) + '\n'],
    // last: run.json says a complete dataset is in place
    ['run.json', JSON.stringify(run, null, 2) + '\n'],
  ];
  try {
    for (const [name, text] of files) writeFileSync(join(tmp, name), text);
    const tablesTmp = join(tmp, 'tables');
    for (const g of ds.grids) {
      const dir = join(tablesTmp, g.doc_id);
      mkdirSync(dir, { recursive: true });
      const [head = [], ...rest] = g.rows;
      writeFileSync(join(dir, `${g.table_id}.csv`), toCsv(head, rest));
    }
    mkdirSync(tablesTmp, { recursive: true });
    const journal: Journal = { tmp: tmpName, files: files.map(([n]) => n), tables: true };
    const jp = join(outDir, JOURNAL);
    writeFileSync(`${jp}.tmp`, JSON.stringify(journal));
    renameSync(`${jp}.tmp`, jp);
    swapIn(outDir, journal);
    rmSync(jp, { force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return files.map(([n]) => n);
}
