// A reviewer's entry appended to <out>/corrections.csv (the format ingest --corrections reads,
// SCHEMA.md): checked first, CSV-escaped, written in the file's own column order, one write per
// entry (O_APPEND), the file created with its header in one exclusive write.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvField, parseCsv } from '../csv.js';
import { CORRECTION_COLUMNS, CORRECTION_OPTIONAL_COLUMNS, PLAIN_DECIMAL } from '../../normalizers/corrections/correction.js';
import type { Row } from '../diff/read.js';

/** the columns the app writes, in this order */
const APP_COLUMNS = [...CORRECTION_COLUMNS, ...CORRECTION_OPTIONAL_COLUMNS] as const;

export class EntryError extends Error {}

interface ReviewEntry { action: 'confirm' | 'correct'; value: string; note: string; reviewer: string }

/** a one-line text without control characters, at most `max` characters */
function line(s: unknown, what: string, max: number): string {
  if (s === undefined || s === null) return '';
  if (typeof s !== 'string') throw new EntryError(`${what} must be text`);
  const t = s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (t.length > max) throw new EntryError(`${what} is longer than ${max} characters`);
  return t;
}

/** The entry a request asks for, checked: a confirmation takes the fact's value; a correction a
 *  plain decimal (separators and spaces dropped: `1,585.25` → `1585.25`) and a note. */
export function checkEntry(body: unknown, fact: Row): ReviewEntry {
  if (!body || typeof body !== 'object') throw new EntryError('the request is not a JSON object');
  const b = body as Record<string, unknown>;
  if (b.action !== 'confirm' && b.action !== 'correct') throw new EntryError('action must be "confirm" or "correct"');
  const note = line(b.note, 'note', 2000);
  const reviewer = line(b.reviewer, 'reviewer', 100);
  if (b.action === 'confirm') return { action: 'confirm', value: fact.value ?? '', note, reviewer };
  const value = line(b.value, 'value', 40).replace(/[,\s，]/g, '');
  if (!PLAIN_DECIMAL.test(value)) throw new EntryError(`value ${JSON.stringify(b.value)} is not a number (digits, an optional minus and decimal point: 1585.25)`);
  if (!note) throw new EntryError('a correction needs a note (what the page prints, where)');
  return { action: 'correct', value, note, reviewer };
}

/** the corrections.csv row of an entry on a fact of document `doc` */
function rowOf(fact: Row, doc: Row, e: ReviewEntry, now: Date): Record<string, string> {
  return {
    doc_id: fact.doc_id ?? '', table_kind: fact.table_kind ?? '', section: fact.section ?? '', code: fact.code ?? '', item: fact.item ?? '', measure: fact.measure ?? '',
    value: e.value, reviewer: e.reviewer, note: e.note,
    row_group: fact.row_group ?? '', secondary_code: fact.secondary_code ?? '', measure_label: fact.measure_label ?? '', table_id: fact.table_id ?? '', page: fact.page ?? '',
    doc_sha256: doc.sha256 ?? '', source: doc.source ?? '', value_extracted: fact.value_extracted || (fact.value ?? ''), recorded_at: now.toISOString(),
  };
}

function endsWithNewline(file: string): boolean {
  const size = statSync(file).size;
  if (size === 0) return true;
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, size - 1);
    return b[0] === 0x0a;
  } finally { closeSync(fd); }
}

/** Append the entry to <outDir>/corrections.csv; returns the row written. */
export function appendCorrection(outDir: string, fact: Row, doc: Row, e: ReviewEntry, now = new Date()): Record<string, string> {
  const file = join(outDir, 'corrections.csv');
  const row = rowOf(fact, doc, e, now);
  const render = (cols: readonly string[]) => cols.map((c) => csvField(row[c] ?? '')).join(',') + '\n';
  if (!existsSync(file)) {
    try {
      const fd = openSync(file, 'wx'); // exclusive: two first entries cannot both write a header
      try { writeSync(fd, APP_COLUMNS.join(',') + '\n' + render(APP_COLUMNS)); } finally { closeSync(fd); }
      return row;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  // the file's own columns (one written by hand may have fewer); the required ones must be there
  const head = Object.keys(parseCsv(readFileSync(file, 'utf8').split(/\r?\n/, 1)[0] + '\n\n')[0] ?? {});
  const missing = CORRECTION_COLUMNS.filter((c) => !head.includes(c));
  if (missing.length) throw new EntryError(`${file} lacks the column(s) ${missing.join(', ')}: fix its header first`);
  appendFileSync(file, (endsWithNewline(file) ? '' : '\n') + render(head));
  return row;
}
