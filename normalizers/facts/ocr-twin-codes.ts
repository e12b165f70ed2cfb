// Codes a 1-bit scan misread into a code the classification does not know (20803 for 20805, 2101530
// for 2101550, 2101109 for 2101199: a 5 or a 9 whose strokes broke), told by another table of the
// document that prints the same row: a department's tables list the same 类/款/项 with the same
// amounts (收入总体情况表 and 一般公共预算支出情况表, 收入决算表 and 支出决算表). A row of an OCR'd table
// whose printed code is unknown to the year's classification (or only a placeholder) takes the code
// of a row of another OCR'd table of the document when that code is known, has the same number of
// digits and differs from it in one digit only, the two rows print one non-zero amount alike (any
// measure), no other such code is found, and the row's own table prints that code nowhere else. Its
// facts take the code and `repairedFlag`; the hierarchy and cross-table checks then check it.
import type { Fact, Table } from '../../model/types.js';
import type { Taxonomy } from '../taxonomy/index.js';

/** codes of one length that differ in exactly one digit */
function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d === 1;
}

/** Put right, in the document's `facts`, the unknown codes of OCR'd tables that another OCR'd table
 *  of the document prints right (see the head of this file). Returns how many facts took a code. */
export function codesByTwins(tables: Table[], facts: Fact[], taxonomy: Taxonomy, year: string, repairedFlag: string): number {
  const ocr = new Set(tables.filter((t) => t.method === 'ocr').map((t) => t.table_id));
  if (ocr.size < 2) return 0;
  const known = (code: string): boolean => {
    const e = taxonomy.lookup(code, year);
    return !!e && !e.provisional;
  };
  const coded = facts.filter((f) => ocr.has(f.table_id) && /^\d{3}(\d{2}){0,2}$/.test(f.code) && !f.value.isZero());
  // the known codes of each table, and the amounts each prints under each code
  const codesOf = new Map<string, Set<string>>();
  for (const f of facts) if (ocr.has(f.table_id) && f.code) codesOf.set(f.table_id, (codesOf.get(f.table_id) ?? new Set()).add(f.code));
  const rows = new Map<string, Fact[]>();
  for (const f of facts) {
    if (!ocr.has(f.table_id) || !/^\d{3}(\d{2}){0,2}$/.test(f.code) || known(f.code)) continue;
    const k = `${f.table_id}|${f.page ?? ''}|${f.row}|${f.code}`;
    rows.set(k, [...(rows.get(k) ?? []), f]);
  }
  let n = 0;
  for (const row of rows.values()) {
    const [first] = row;
    const read = first!.code;
    const twins = new Set<string>();
    for (const f of row) {
      if (f.value.isZero()) continue;
      for (const o of coded) if (o.table_id !== first!.table_id && o.value.equals(f.value) && oneDigitApart(o.code, read) && known(o.code)) twins.add(o.code);
    }
    if (twins.size !== 1) continue;
    const code = [...twins][0]!;
    if (codesOf.get(first!.table_id)?.has(code)) continue;
    const e = taxonomy.lookup(code, year)!;
    for (const f of row) {
      f.code = code;
      f.code_system = taxonomy.systemOf(code) ?? f.code_system;
      f.canonical_name = e.name;
      f.level = e.level;
      f.parent_code = e.parent;
      f.cofog = f.code_system === 'function' ? taxonomy.cofog(code) : '';
      f.flags = [...f.flags.filter((x) => x !== repairedFlag && x !== 'unknown_code' && x !== 'provisional_code'), repairedFlag];
      n++;
    }
  }
  return n;
}
