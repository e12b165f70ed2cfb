// Tables read by OCR that no identity confirms. A number of an OCR'd table is trusted when an
// identity its table must satisfy holds on it (the fact is verified); where the page was read so
// badly that no identity could be checked on the table at all (its totals misread or lost, its
// codes unread, a continued table split), a digit misread there (46,284 read 16,281) looks like
// any other. Every fact of such a table (or of such a side of a two-sided 总表: 收入 | 支出 each
// sum on their own) is flagged `ocr_table_unchecked`, and one checks.csv row (severity info) per
// table or side counts them.
// In a table an identity does check, a number may still be in none (a name-only row whose code
// was not read, 安全监管 170.29 for 470.29 under a 款 whose 项 the taxonomy does not list): a
// non-zero amount in no identity that held exactly and in no failing one checks.csv reports (a
// printed total the layout only suggests, failing, is not reported: printed-totals.ts; one that
// holds within its rounding tolerance only, 49.73 for 49.72 among four parts, checks no last
// digit) is flagged `ocr_cell_unchecked`, one checks.csv row per table counting them.
import type { CheckResult, DocumentRecord } from '../../model/types.js';
import { identityChecks } from './index.js';
import type { IdentityStats } from './verify.js';

export const OCR_TABLE_UNCHECKED = 'ocr_table_unchecked';
export const OCR_CELL_UNCHECKED = 'ocr_cell_unchecked';

/** Flag the facts of `doc`'s OCR'd tables (of their sides) none of whose facts an identity
 *  verified; the checks.csv rows. */
export function flagUncheckedOcrTables(doc: DocumentRecord): CheckResult[] {
  const out: CheckResult[] = [];
  /** the facts of the tables (sides) an identity verified in part */
  const checked: number[] = [];
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
      if (refs.some((i) => doc.facts[i]!.verified)) {
        checked.push(...refs);
        continue;
      }
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
  out.push(...uncheckedCells(doc, checked));
  return out;
}

/** Flag the non-zero amounts among `refs` (facts of OCR'd tables an identity checks) that are in
 *  no identity that held exactly nor in a failing one reported; the checks.csv rows, one per table. */
function uncheckedCells(doc: DocumentRecord, refs: readonly number[]): CheckResult[] {
  if (!refs.length) return [];
  const stats: IdentityStats = { evaluated: 0, members: new Set() };
  const checked = stats.members!;
  for (const c of identityChecks(doc, stats)) if (c.severity !== 'info') for (const i of c.factRefs ?? []) checked.add(i);
  const byTable = new Map<string, number[]>();
  for (const i of refs) {
    const f = doc.facts[i]!;
    if (checked.has(i) || f.value.isZero() || f.amount_yuan === null || f.unit === '%') continue;
    if (['corrected', 'confirmed'].some((x) => f.flags.includes(x))) continue;
    if (!f.flags.includes(OCR_CELL_UNCHECKED)) f.flags.push(OCR_CELL_UNCHECKED);
    byTable.set(f.table_id, [...(byTable.get(f.table_id) ?? []), i]);
  }
  return [...byTable].map(([tableId, flagged]) => {
    const t = doc.tables.find((x) => x.table_id === tableId);
    const what = t?.title || t?.table_kind || tableId;
    return {
      doc_id: doc.doc_id, table_id: tableId, check_id: OCR_CELL_UNCHECKED, severity: 'info',
      subject: `${what} (${tableId}${t?.page_first !== undefined ? `, page ${t.page_first}` : ''}): numbers read by OCR in no identity`, expected: '', actual: String(flagged.length),
      message: `${flagged.length} number(s) of ${what} were read by OCR and are in no identity the table's others are checked by (a row whose code was not read, a column no total covers): a misread digit there cannot be caught, so they are flagged ${OCR_CELL_UNCHECKED}; compare them with the printed page`,
      factRefs: flagged,
    };
  });
}
