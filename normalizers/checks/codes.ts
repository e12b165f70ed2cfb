// code_name_mismatch / unknown_code: a printed code whose printed name is not that code's name or
// an alias in the document's fiscal year; layout flags raised while reading rows, reported once per
// table and flag. Only tables of a known accounting kind: in forms and unclassified grids a number
// in the first column (目标值 100, 人数 535) is not a classification code.
import type { CheckResult, DocumentRecord, Fact } from '../../model/types.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { checkKnowledge } from './knowledge.js';
import { refsOf } from './select.js';

const SERIOUS_FLAGS = new Set(['layout_shifted', 'label_inferred', 'value_missing', 'unplaced_number', 'bad_code']);

export function codeChecks(doc: DocumentRecord, facts: Fact[], taxonomy: Taxonomy, indexOf: Map<Fact, number>): CheckResult[] {
  const out: CheckResult[] = [];
  const seen = new Set<string>();
  const names = new Map(doc.tables.map((t) => [t.table_id, t.table_no || t.title]));
  for (const f of facts) {
    if (!f.code || f.code_source !== 'printed' || !f.item) continue;
    const key = `${f.table_id}|${f.code}|${f.item}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = taxonomy.checkName(f.code, f.item, doc.fiscal_year);
    if (r.ok) continue;
    const refs = refsOf(facts.filter((g) => g.table_id === f.table_id && g.code === f.code && g.item === f.item), indexOf);
    const at = `${names.get(f.table_id) || f.table_kind} (${f.table_id}${f.page ? ', page ' + f.page : ''})`;
    out.push({
      doc_id: doc.doc_id, table_id: f.table_id, check_id: r.reason ?? 'code_name_mismatch', severity: 'warning',
      subject: f.code, expected: r.canonical, actual: f.item,
      message: r.reason === 'unknown_code'
        ? `${at}: code ${f.code} (${f.item}) is not in the ${doc.fiscal_year || 'known'} classification: check the printed code; if it is right, add it to the taxonomy`
        : `${at}: code ${f.code} is printed as ${f.item}; the ${doc.fiscal_year} classification names it ${r.canonical}: check the code and the name on the page`,
      factRefs: refs,
    });
  }
  // layout repairs and doubts raised while reading tables (only flags some row of the table carries)
  const skip = new Set(checkKnowledge().checked_kinds_exclude);
  for (const t of doc.tables) {
    for (const flag of t.flags) {
      const rows = t.rows.filter((r) => r.flags.includes(flag));
      if (rows.length === 0) continue;
      const rowSet = new Set(rows.map((r) => r.rowIndex));
      const refs = refsOf(doc.facts.filter((g) => g.table_id === t.table_id && rowSet.has(g.row)), indexOf);
      out.push({
        doc_id: doc.doc_id, table_id: t.table_id, check_id: flag, severity: SERIOUS_FLAGS.has(flag) && !skip.has(t.table_kind) ? 'warning' : 'info',
        subject: rows.map((r) => r.code || r.item).filter(Boolean).slice(0, 8).join('; '),
        expected: '', actual: String(rows.length),
        message: `${rows.length} row(s) of ${t.table_no || t.title || t.table_kind} (${t.table_id}) read with ${flag}: compare them with the printed table${t.page_first ? ' on page ' + t.page_first : ''}`,
        factRefs: refs,
      });
    }
  }
  return out;
}
