// Read an output folder back (documents.csv, tables.csv, facts.csv, checks.csv) for comparison.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../csv.js';

export type Row = Record<string, string>;

export interface RunFiles {
  dir: string;
  documents: Row[];
  tables: Row[];
  facts: Row[];
  checks: Row[];
}

export class RunReadError extends Error {}

function csv(dir: string, name: string, required: boolean): Row[] {
  const p = join(dir, name);
  if (!existsSync(p)) {
    if (required) throw new RunReadError(`${p} not found: is ${dir} an output folder of fiscal-extract ingest?`);
    return [];
  }
  return parseCsv(readFileSync(p, 'utf8'));
}

export function readRun(dir: string): RunFiles {
  if (!existsSync(dir)) throw new RunReadError(`${dir} does not exist`);
  return { dir, documents: csv(dir, 'documents.csv', true), tables: csv(dir, 'tables.csv', false), facts: csv(dir, 'facts.csv', true), checks: csv(dir, 'checks.csv', false) };
}
