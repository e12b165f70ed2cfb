// A reviewer's correction of one fact (corrections.csv): the fact's key, the value printed on the
// page, who said so and why. The key is the fact key of SCHEMA.md (doc_id, table_kind, section,
// code, item, measure, and where a file has the columns, row_group, secondary_code and
// measure_label); table_id and page only tell apart facts the key leaves ambiguous.

/** the columns every corrections file has */
export const CORRECTION_COLUMNS = ['doc_id', 'table_kind', 'section', 'code', 'item', 'measure', 'value', 'reviewer', 'note'] as const;
/** columns a file may add: more of the key, the document's identity, and what the reviewer saw */
export const CORRECTION_OPTIONAL_COLUMNS = ['row_group', 'secondary_code', 'measure_label', 'table_id', 'page', 'doc_sha256', 'source', 'value_extracted', 'recorded_at'] as const;

export interface Correction {
  doc_id: string;
  table_kind: string;
  section: string;
  code: string;
  item: string;
  measure: string;
  /** the value printed on the page, a plain decimal string (`1585.25`, `-3`, `0.00`) */
  value: string;
  reviewer: string;
  note: string;
  /** undefined: the file has no such column (the key part is then not compared) */
  row_group?: string;
  secondary_code?: string;
  measure_label?: string;
  table_id?: string;
  page?: string;
  /** the sha256 of the document reviewed; a document with other bytes is another document */
  doc_sha256?: string;
  /** the document's source as documents.csv names it: finds the document again when its bytes changed */
  source?: string;
  value_extracted?: string;
  recorded_at?: string;
  /** the row of the file (the header is row 1), for messages */
  row: number;
}

/** what a fact shows of itself to be matched (facts.csv rows and pipeline facts alike) */
export interface FactKeyView {
  doc_id: string;
  table_id: string;
  table_kind: string;
  section: string;
  code: string;
  item: string;
  measure: string;
  measure_label: string;
  row_group: string;
  secondary_code: string;
  page: string;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** A plain decimal: optional minus, digits, optional fraction (no separators, no exponent). */
export const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

function keyMatches(c: Correction, f: FactKeyView): boolean {
  if (f.doc_id !== c.doc_id || f.table_kind !== c.table_kind || f.section !== c.section || f.measure !== c.measure || f.code !== c.code) return false;
  if (c.item && squash(c.item) !== squash(f.item)) return false;
  if (c.row_group !== undefined && c.row_group !== f.row_group) return false;
  if (c.secondary_code !== undefined && c.secondary_code !== f.secondary_code) return false;
  if (c.measure_label && squash(c.measure_label) !== squash(f.measure_label)) return false;
  return true;
}

/** The indices of the facts a correction names: every fact its key matches, narrowed by table_id
 *  and then page when that leaves several. One index: the correction applies; none or several: it
 *  does not (it is never applied to another number). */
export function matchCorrection<F extends FactKeyView>(c: Correction, facts: readonly F[]): number[] {
  let hits = facts.flatMap((f, i) => (keyMatches(c, f) ? [i] : []));
  if (hits.length > 1 && c.table_id) { const t = hits.filter((i) => facts[i]!.table_id === c.table_id); if (t.length) hits = t; }
  if (hits.length > 1 && c.page) { const p = hits.filter((i) => facts[i]!.page === c.page); if (p.length) hits = p; }
  return hits;
}

/** the key as one line, for messages and the review app */
export function correctionSubject(c: Pick<Correction, 'table_kind' | 'section' | 'code' | 'item' | 'measure'> & { row_group?: string; secondary_code?: string }): string {
  return [c.table_kind, c.section, c.row_group, c.code || c.item, c.code && c.item ? c.item : '', c.secondary_code, c.measure].filter(Boolean).join(' | ');
}
