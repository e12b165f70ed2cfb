// The Excel-friendly variant of the tabular files: UTF-8 with a byte-order mark (so Excel reads
// the Chinese text as UTF-8), and text cells that Excel would run as a formula (starting with
// = + - @, tab or carriage return) prefixed with an apostrophe. Number and integer columns are
// never touched, and a text cell that is a plain number (`-12.50`) stays as it is: negative
// numbers stay numbers. Written atomically (temporary file + rename).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from './records.js';
import { csvField } from './csv.js';
import { CHECK_COLUMNS, DEFINITION_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, INDICATOR_COLUMNS, PERFORMANCE_COLUMNS, TABLE_COLUMNS } from './columns.js';
import { fieldType } from './datapackage.js';
import { BUDGET_LINE_COLUMNS, budgetLines } from './fiscal-lines.js';

const PLAIN_NUMBER = /^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)%?$/;

/** a text cell made safe for spreadsheet programs (CSV injection, OWASP) */
export function escapeFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  if (PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

export function toExcelCsv(resource: string, columns: readonly string[], records: object[]): string {
  const numeric = columns.map((c) => ['number', 'integer', 'year'].includes(fieldType(resource, c)));
  let out = '\ufeff' + columns.map(csvField).join(',') + '\r\n';
  for (const r of records) {
    const rec = r as Record<string, unknown>;
    out += columns.map((c, i) => {
      const v = String(rec[c] ?? '');
      return csvField(numeric[i] ? v : escapeFormula(v));
    }).join(',') + '\r\n';
  }
  return out;
}

export function writeExcelVariant(ds: Dataset, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['documents.csv', toExcelCsv('documents', DOCUMENT_COLUMNS, ds.documents)],
    ['tables.csv', toExcelCsv('tables', TABLE_COLUMNS, ds.tables)],
    ['facts.csv', toExcelCsv('facts', FACT_COLUMNS, ds.facts)],
    ['checks.csv', toExcelCsv('checks', CHECK_COLUMNS, ds.checks)],
    ['performance.csv', toExcelCsv('performance', PERFORMANCE_COLUMNS, ds.performance)],
    ['performance_indicators.csv', toExcelCsv('performance-indicators', INDICATOR_COLUMNS, ds.indicators)],
    ['definitions.csv', toExcelCsv('definitions', DEFINITION_COLUMNS, ds.definitions)],
    ['budget_lines.csv', toExcelCsv('budget-lines', BUDGET_LINE_COLUMNS, budgetLines(ds))],
  ];
  for (const [name, text] of files) {
    const tmp = join(dir, `.tmp-${process.pid}-${name}`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(dir, name));
  }
  return files.map(([n]) => n);
}
