// Write a dataset into an output folder. Nothing half-written: every file is first written into
// a temporary folder beside the target and then renamed into place, tables/ swapped as a whole.
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from './records.js';
import { toCsv } from './csv.js';
import { CHECK_COLUMNS, DEFINITION_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, INDICATOR_COLUMNS, PERFORMANCE_COLUMNS, TABLE_COLUMNS } from './columns.js';
import { datapackage } from './datapackage.js';

function rowsOf<T extends object>(records: T[], columns: readonly string[]): string[][] {
  return records.map((r) => columns.map((c) => String((r as Record<string, unknown>)[c] ?? '')));
}

export interface RunInfo {
  [key: string]: unknown;
}

export function writeDataset(ds: Dataset, outDir: string, run: RunInfo): string[] {
  mkdirSync(outDir, { recursive: true });
  const tmp = join(outDir, `.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp, { recursive: true });
  const files: [string, string][] = [
    ['documents.csv', toCsv(DOCUMENT_COLUMNS, rowsOf(ds.documents, DOCUMENT_COLUMNS))],
    ['tables.csv', toCsv(TABLE_COLUMNS, rowsOf(ds.tables, TABLE_COLUMNS))],
    ['facts.csv', toCsv(FACT_COLUMNS, rowsOf(ds.facts, FACT_COLUMNS))],
    ['checks.csv', toCsv(CHECK_COLUMNS, rowsOf(ds.checks, CHECK_COLUMNS))],
    ['performance.csv', toCsv(PERFORMANCE_COLUMNS, rowsOf(ds.performance, PERFORMANCE_COLUMNS))],
    ['performance_indicators.csv', toCsv(INDICATOR_COLUMNS, rowsOf(ds.indicators, INDICATOR_COLUMNS))],
    ['definitions.csv', toCsv(DEFINITION_COLUMNS, rowsOf(ds.definitions, DEFINITION_COLUMNS))],
    ['facts.json', JSON.stringify({ facts: ds.facts }, null, 1) + '\n'],
    ['datapackage.json', JSON.stringify(datapackage(), null, 2) + '\n'],
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
    // swap in: data files one by one (each rename is atomic), tables/ as a folder
    const oldTables = join(outDir, `.tmp-old-tables-${process.pid}`);
    if (existsSync(join(outDir, 'tables'))) renameSync(join(outDir, 'tables'), oldTables);
    renameSync(tablesTmp, join(outDir, 'tables'));
    for (const [name] of files) renameSync(join(tmp, name), join(outDir, name));
    rmSync(oldTables, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return files.map(([n]) => n);
}
