// Codes of several rows read as one cell. A 1-bit scan can lose the rules between the rows of the
// code column while the amount columns keep theirs: the code cell then spans the rows (rowSpan)
// and holds their codes run together (205082050803 for 20508 | 2050803, 201-100120110022011003
// for 2014001 | 2014002 | 2014003: a 4 broken into its cross-stroke and stem reads `-1`, one that
// lost the cross-stroke reads 1). The run is cut into one code per row it spans (3, 5 or 7 digits,
// in row order) when exactly one cut gives codes the taxonomy knows that nest as rows print them:
// a longer code under the one above it, a code as long as the one above under the same parent (a
// 1 read back as a 4 or 7 where that alone makes it so). The rows take their codes, flagged
// ocr_code_repaired like any code taken from the structure; their sums check the cut.
import type { Table, TableRow } from '../../model/types.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { cleanLabel } from '../values/labels.js';

const LENGTHS = [3, 5, 7];

/** `read` with the 1s read back as 4 or 7 that make it start with `prefix` ('' when other digits
 *  differ); `read` itself when it starts so. */
function underPrefix(read: string, prefix: string): string {
  for (let i = 0; i < prefix.length; i++) {
    if (read[i] === prefix[i]) continue;
    if (read[i] !== '1' || (prefix[i] !== '4' && prefix[i] !== '7')) return '';
  }
  return prefix + read.slice(prefix.length);
}

/** The one way to cut `digits` into `n` codes that the taxonomy knows and that nest in row order,
 *  or undefined. */
function cut(digits: string, n: number, taxonomy: Taxonomy, year: string): string[] | undefined {
  const found: string[][] = [];
  const known = (c: string): boolean => {
    const e = taxonomy.lookup(c, year);
    return !!e && !e.provisional && taxonomy.systemOf(c) === 'function';
  };
  const walk = (at: number, acc: string[]): void => {
    if (found.length > 1) return;
    if (acc.length === n) {
      if (at === digits.length) found.push([...acc]);
      return;
    }
    for (const len of LENGTHS) {
      if (at + len > digits.length) continue;
      let code = digits.slice(at, at + len);
      const prev = acc.at(-1);
      if (prev) {
        // a child under the code above, a sibling under the same parent, or a new branch (a 类 or a
        // shorter code) that the taxonomy knows as read
        const parent = len > prev.length ? prev : len === prev.length && len > 3 ? prev.slice(0, -2) : '';
        if (parent && len - parent.length !== 2 && len > prev.length) continue;
        if (parent) code = underPrefix(code, parent);
      }
      if (!code || !known(code)) continue;
      walk(at + len, [...acc, code]);
    }
  };
  walk(0, []);
  return found.length === 1 ? found[0] : undefined;
}

/** The rows of an OCR'd table whose codes were read run together in one spanning cell of the code
 *  column, each with the code cut from it and the label printed after the run (first row only). */
export function spannedCodes(table: Table, taxonomy: Taxonomy, year: string): Map<TableRow, { code: string; item: string }> {
  const out = new Map<TableRow, { code: string; item: string }>();
  const col = table.columns.find((c) => c.role === 'code');
  if (table.method !== 'ocr' || !col) return out;
  const byIndex = new Map(table.rows.map((r) => [r.rowIndex, r]));
  table.grid.rows.forEach((cells, r) => {
    const cell = cells[col.index];
    const span = cell?.rowSpan ?? 1;
    if (!cell || span < 2 || cell.mergedFrom) return;
    const text = cleanLabel(cell.text).replace(/\s+/g, '');
    if (!/^[\d\-－—–]+$/.test(text)) return;
    const digits = text.replace(/[-－—–]1/g, '4');
    if (!/^\d+$/.test(digits)) return;
    const rows = Array.from({ length: span }, (_, k) => byIndex.get(r + k));
    if (rows.some((x) => !x || x.code || !x.values.length)) return;
    const codes = cut(digits, span, taxonomy, year);
    if (!codes) return;
    rows.forEach((x, k) => {
      const item = k === 0 && x!.item.startsWith(text) ? x!.item.slice(text.length) : x!.item;
      out.set(x!, { code: codes[k]!, item });
    });
  });
  return out;
}
