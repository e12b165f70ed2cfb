// Tables read by OCR that no identity confirms. A number of an OCR'd table is trusted when an
// identity its table must satisfy holds on it (the fact is verified); where the page was read so
// badly that no identity could be checked on the table at all (its totals misread or lost, its
// codes unread, a continued table split), a digit misread there (46,284 read 16,281) looks like
// any other. Every fact of such a table (or of such a side of a two-sided 总表: 收入 | 支出 each
// sum on their own) is flagged `ocr_table_unchecked`, and one checks.csv row (severity info) per
// table or side counts them.
import type { CheckResult, DocumentRecord } from '../../model/types.js';

export const OCR_TABLE_UNCHECKED = 'ocr_table_unchecked';

/** Flag the facts of `doc`'s OCR'd tables (of their sides) none of whose facts an identity
 *  verified; the checks.csv rows. */
export function flagUncheckedOcrTables(doc: DocumentRecord): CheckResult[] {
  const out: CheckResult[] = [];
  // the facts of each table, by side (收入 | 支出 of a two-sided one: a side's own sums check its rows)
  const byTable = new Map<string, Map<string, number[]>>();
  doc.facts.forEach((f, i) => {
    if (f.table_kind === 'narrative') return;
    const sides = byTable.get(f.table_id) ?? byTable.set(f.table_id, new Map()).get(f.table_id)!;
    const refs = sides.get(f.section) ?? sides.set(f.section, []).get(f.section)!;
    refs.push(i);
  });
  for (const t of doc.tables) {
    if (t.method !== 'ocr') continue;
    for (const [section, refs] of byTable.get(t.table_id) ?? []) {
      if (refs.some((i) => doc.facts[i]!.verified)) continue;
      const flagged = refs.filter((i) => !['corrected', 'confirmed'].some((x) => doc.facts[i]!.flags.includes(x)));
      for (const i of flagged) if (!doc.facts[i]!.flags.includes(OCR_TABLE_UNCHECKED)) doc.facts[i]!.flags.push(OCR_TABLE_UNCHECKED);
      if (!flagged.length) continue;
      const what = `${t.title || t.table_kind}${section ? ` (${section} side)` : ''}`;
      out.push({
        doc_id: doc.doc_id, table_id: t.table_id, check_id: OCR_TABLE_UNCHECKED, severity: 'info',
        subject: `${what} (${t.table_id}${t.page_first !== undefined ? `, page ${t.page_first}` : ''}): numbers read by OCR that no identity confirms`, expected: '', actual: String(flagged.length),
        message: `${flagged.length} number(s) of ${what} were read by OCR and no identity could be checked on them (its totals or codes misread or not printed): a misread digit there cannot be caught, so they are flagged ${OCR_TABLE_UNCHECKED}; compare them with the printed page`,
        factRefs: flagged,
      });
    }
  }
  return out;
}
