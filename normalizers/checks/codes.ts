// code_name_mismatch / unknown_code: a printed code whose printed name is not that code's name or
// an alias in the document's fiscal year; layout flags raised while reading rows, reported once.
import type { CheckResult, DocumentRecord } from '../../pipeline/types.js';
import type { Taxonomy } from '../taxonomy/index.js';

export function codeChecks(doc: DocumentRecord, taxonomy: Taxonomy, indexOf: Map<unknown, number>): CheckResult[] {
  const out: CheckResult[] = [];
  const seen = new Set<string>();
  for (const f of doc.facts) {
    if (!f.code || f.code_source !== 'printed' || !f.item) continue;
    const key = `${f.table_id}|${f.code}|${f.item}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = taxonomy.checkName(f.code, f.item, doc.fiscal_year);
    if (r.ok) continue;
    const refs = doc.facts.filter((g) => g.table_id === f.table_id && g.code === f.code && g.item === f.item).map((g) => indexOf.get(g)).filter((i): i is number => i !== undefined);
    out.push({
      doc_id: doc.doc_id, table_id: f.table_id, check_id: r.reason ?? 'code_name_mismatch', severity: 'warning',
      subject: f.code, expected: r.canonical, actual: f.item,
      message: r.reason === 'unknown_code' ? `code ${f.code} (${f.item}) is not in the ${doc.fiscal_year || 'known'} classification` : `code ${f.code} is printed as ${f.item}; the ${doc.fiscal_year} classification names it ${r.canonical}`,
      factRefs: refs,
    });
  }
  // layout repairs and doubts raised while reading tables
  for (const t of doc.tables) {
    for (const flag of t.flags) {
      const rows = t.rows.filter((r) => r.flags.includes(flag));
      out.push({
        doc_id: doc.doc_id, table_id: t.table_id, check_id: flag, severity: flag === 'layout_shifted' || flag === 'label_inferred' || flag === 'value_missing' || flag === 'unplaced_number' || flag === 'bad_code' ? 'warning' : 'info',
        subject: rows.map((r) => r.code || r.item).filter(Boolean).slice(0, 8).join('; '),
        expected: '', actual: String(rows.length),
        message: `${rows.length} row(s) of ${t.table_kind} ${t.table_no || t.title} read with ${flag}: check them against page ${t.page_first ?? '?'}`,
      });
    }
  }
  return out;
}
