// What the review page shows, read from an output folder: documents, tables with their grids,
// facts (with flags) and failed checks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../csv.js';
import { readRun, type Row } from '../diff/read.js';

export interface ReviewTable { row: Row; grid: string[][]; facts: Row[]; checks: Row[] }
export interface ReviewDocument { row: Row; tables: ReviewTable[]; checks: Row[] }

/** A table's grid CSV as rows of cells (header row first). */
function readGrid(dir: string, docId: string, tableId: string): string[][] {
  const p = join(dir, 'tables', docId, `${tableId}.csv`);
  if (!existsSync(p)) return [];
  const recs = parseCsv(readFileSync(p, 'utf8'));
  if (!recs.length) return [];
  const head = Object.keys(recs[0]!);
  return [head, ...recs.map((r) => head.map((h) => r[h] ?? ''))];
}

export function loadReview(dir: string): ReviewDocument[] {
  const run = readRun(dir);
  return run.documents.map((d) => {
    const id = d.doc_id!;
    const tables = run.tables.filter((t) => t.doc_id === id).map((t) => ({
      row: t,
      grid: readGrid(dir, id, t.table_id!),
      facts: run.facts.filter((f) => f.doc_id === id && f.table_id === t.table_id),
      checks: run.checks.filter((c) => c.doc_id === id && c.table_id === t.table_id),
    }));
    return { row: d, tables, checks: run.checks.filter((c) => c.doc_id === id && !c.table_id) };
  });
}
