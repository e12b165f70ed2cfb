// The corrections file of a run (`ingest --corrections <file>`, by default <out>/corrections.csv,
// which the review app appends to): read and checked once, then each document gets its share.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../output/csv.js';
import { CORRECTION_COLUMNS, CORRECTION_OPTIONAL_COLUMNS, PLAIN_DECIMAL, type Correction } from '../normalizers/corrections/correction.js';
import type { DocCorrections } from '../normalizers/corrections/apply.js';

export class CorrectionsError extends Error {}

/** the file a run applies: `file` when given, else <out>/corrections.csv when it exists; false: none */
export function correctionsPath(file: string | false | undefined, out: string | undefined): string | undefined {
  if (file === false) return undefined;
  if (file !== undefined) return file;
  const p = out ? join(out, 'corrections.csv') : undefined;
  return p && existsSync(p) ? p : undefined;
}

/** Read a corrections file; a missing required column, a row without doc_id or a value that is not a
 *  plain decimal is a CorrectionsError naming the file and row. */
export function readCorrections(file: string): Correction[] {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new CorrectionsError(`cannot read the corrections file ${file}: ${(e as Error).message.split('\n')[0]}`); }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const cols = Object.keys(parseCsv(text.split(/\r?\n/, 1)[0] + '\n\n')[0] ?? {});
  const missing = CORRECTION_COLUMNS.filter((c) => !cols.includes(c));
  if (text.trim() && missing.length) throw new CorrectionsError(`${file}: missing column(s) ${missing.join(', ')} (a corrections file has ${CORRECTION_COLUMNS.join(', ')})`);
  const optional = CORRECTION_OPTIONAL_COLUMNS.filter((c) => cols.includes(c));
  return parseCsv(text).flatMap((r, i) => {
    const rowNo = i + 2;
    if (Object.values(r).every((v) => v.trim() === '')) return [];
    const value = (r.value ?? '').trim();
    if (!r.doc_id) throw new CorrectionsError(`${file} row ${rowNo}: doc_id is empty`);
    if (!PLAIN_DECIMAL.test(value)) throw new CorrectionsError(`${file} row ${rowNo}: value ${JSON.stringify(r.value)} is not a plain decimal (digits, an optional minus and fraction: 1585.25)`);
    const c: Correction = {
      doc_id: r.doc_id, table_kind: r.table_kind ?? '', section: r.section ?? '', code: r.code ?? '', item: r.item ?? '', measure: r.measure ?? '',
      value, reviewer: r.reviewer ?? '', note: r.note ?? '', row: rowNo,
    };
    for (const k of optional) c[k] = r[k] ?? '';
    return [c];
  });
}

/** One document's share: its doc_id's corrections, and those recorded for its source (the same
 *  path or URL) under another doc_id (its bytes changed since: reported, not applied). */
export function correctionsFor(all: readonly Correction[], docId: string, source: string): DocCorrections {
  const apply = all.filter((c) => c.doc_id === docId);
  const stale = all.filter((c) => c.doc_id !== docId && !!c.source && c.source === source);
  return { apply, stale };
}

/** a short tag of a document's share (part of its result key: other corrections, another result); '' when none */
export function correctionsTag(set: DocCorrections): string {
  if (!set.apply.length && !set.stale.length) return '';
  const strip = ({ row: _row, ...c }: Correction) => c;
  return '+corr' + createHash('sha256').update(JSON.stringify([set.apply.map(strip), set.stale.map(strip)])).digest('hex').slice(0, 12);
}

/** the corrections that name no document of the run (neither its doc_id nor, with other bytes, its source) */
export function correctionsNotInRun(all: readonly Correction[], docs: readonly { doc_id: string; source: string }[]): Correction[] {
  const ids = new Set(docs.map((d) => d.doc_id));
  return all.filter((c) => !ids.has(c.doc_id) && !docs.some((d) => correctionsFor([c], d.doc_id, d.source).stale.length));
}
