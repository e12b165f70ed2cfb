// Reviewers' corrections applied to a document's facts, before the checks run (so a correction
// that breaks a sum is caught, and one that fixes a misread clears the failed check). A correction
// that names exactly one fact replaces its value (flag `corrected`, the value read kept in
// `value_extracted`) or, naming the value read, confirms it (flag `confirmed`); one that names no
// fact or several, or whose document has other bytes now, is a checks.csv row and changes nothing.
import { Decimal } from 'decimal.js';
import type { CheckResult, DocumentRecord, Fact } from '../../model/types.js';
import { plain } from '../values/numbers.js';
import { toYuan } from '../values/units.js';
import { correctionSubject, matchCorrection, type Correction, type FactKeyView } from './correction.js';

/** A document's share of the corrections file: those of its doc_id (`apply`), and those recorded
 *  for its source while it had other bytes (`stale`: reported, never applied). */
export interface DocCorrections { apply: Correction[]; stale: Correction[] }

const printed = (f: Fact): string => (f.scale !== undefined ? f.value.toFixed(f.scale) : plain(f.value));

function view(f: Fact): FactKeyView {
  return {
    doc_id: f.doc_id, table_id: f.table_id, table_kind: f.table_kind, section: f.section, code: f.code, item: f.item, measure: f.measure,
    measure_label: f.measure_label, row_group: f.row_group ?? '', secondary_code: f.secondary_code ?? '', page: f.page === undefined ? '' : String(f.page),
  };
}

function row(doc: DocumentRecord, c: Correction, check_id: string, actual: string, message: string, table_id = ''): CheckResult {
  return { doc_id: doc.doc_id, table_id, check_id, severity: 'error', subject: correctionSubject(c), expected: c.value, actual, message };
}

const who = (c: Correction): string => `row ${c.row} of the corrections file${c.reviewer ? ` (${c.reviewer})` : ''}`;

/** Apply the corrections to `doc.facts`; returns the rows for checks.csv (to add after the checks). */
export function applyCorrections(doc: DocumentRecord, set: DocCorrections): CheckResult[] {
  const out: CheckResult[] = [];
  const views = doc.facts.map(view);
  const chosen = new Map<number, Correction>(); // a later row for the same fact wins
  for (const c of set.apply) {
    if (c.doc_sha256 && c.doc_sha256 !== doc.sha256) {
      out.push(row(doc, c, 'correction_document_changed', `sha256 ${doc.sha256}`, `${who(c)} was recorded for other bytes of this document (sha256 ${c.doc_sha256}): not applied; review the fact again`));
      continue;
    }
    const hits = matchCorrection(c, views);
    if (hits.length === 1) { chosen.set(hits[0]!, c); continue; }
    out.push(row(doc, c, 'correction_unmatched', hits.length ? `${hits.length} facts` : 'no fact',
      hits.length ? `${who(c)} names ${hits.length} facts (add table_id or page to tell them apart): not applied` : `${who(c)} names no fact of this document: not applied (has the table or its reading changed?)`));
  }
  for (const [i, c] of chosen) {
    const f = doc.facts[i]!;
    const v = new Decimal(c.value);
    if (v.eq(f.value)) { if (!f.flags.includes('confirmed')) f.flags.push('confirmed'); continue; }
    f.value_extracted = printed(f);
    f.value = v;
    const dot = c.value.indexOf('.');
    f.scale = dot < 0 ? 0 : c.value.length - dot - 1;
    if (f.amount_yuan !== null) f.amount_yuan = toYuan(v, f.unit);
    if (!f.flags.includes('corrected')) f.flags.push('corrected');
  }
  for (const c of set.stale) {
    out.push(row(doc, c, 'correction_document_changed', `document ${doc.doc_id}`,
      `${who(c)} was recorded for document ${c.doc_id} from this source, whose bytes have changed (now ${doc.doc_id}): not applied; review the new document`));
  }
  return out;
}
