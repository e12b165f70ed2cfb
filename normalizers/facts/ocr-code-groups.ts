// A code part OCR misread on a 1-bit scan, told by the names of the rows it heads. A 类 cell read as
// junk (fad] for 221) lets the 款 and 项 rows under it carry the 类 above (21002 | 2100201 for
// 22102 | 2210201); a 款 read with a digit lost (1 for 11: 21001 | 2100101 … for 21011 | 2101101 …)
// or another (03 for 05: 20803, a code nobody prints) misplaces all its 项 rows alike. The garbled
// names seldom name a code on their own (行政单俘医疗, 作房公积金), but the rows of the group do
// together. A group is a row whose code is in doubt (the taxonomy does not know it, or its printed
// name is another code's) and the rows that follow it under its code, each of which printed only
// its own part and took the rest from the rows above (split code columns: code_parts_carried; a
// row that printed its whole code is its own evidence, left to the row repairs). Its code may be
// any code of the same length that the taxonomy knows together with every code under it the
// group's rows print (their own parts kept), and that sorts between the codes of the rows around
// the group (print order is code order); its 类 part may change only when the row above the group
// printed no code (its 类 cell unread: that row is then the group's 类 row). The group takes the
// code whose names its rows' printed names are nearest to (similarity summed over the rows), when
// that is nearer by a clear margin (and twice as near) than every other such code, and by a clear
// margin than the codes as read, and its rows' names read half their characters right on average
// (NEAR). It works
// on the codes as read, before any other code repair; the rows' facts are flagged
// ocr_code_repaired and their code_source is `resolved` (facts/index.ts, as for the codes of rows
// that lost theirs); their sums check the result.
import type { TableRow } from '../../model/types.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { normalizeName, similarity } from '../taxonomy/text.js';

interface GroupContext {
  taxonomy: Taxonomy;
  fiscal_year: string;
}

/** one table row: its code and name as read, and the row */
interface Row {
  row: TableRow;
  code: string;
  item: string;
  section: string;
}

/** mean similarity of a group's names to the codes it takes, at least (half their characters) */
const NEAR = 0.5;
/** the margin, in summed similarity, over the runner-up (and twice its sum) and over the codes as read */
const MARGIN = 0.5;
/** fewest rows in a group with a name */
const MIN_NAMED = 2;

const CODE = /^\d{3}(\d{2}){0,2}$/;

/** How near a printed name is to a code's names (0 when the code is unknown or provisional). */
function nameSimilarity(code: string, item: string, ctx: GroupContext): number {
  const e = ctx.taxonomy.lookup(code, ctx.fiscal_year);
  if (!e || e.provisional || !item) return 0;
  const n = normalizeName(item);
  const known = [e.name, ...(e.history ?? []).map((h) => h.name), ...e.aliases];
  return Math.max(...known.map((k) => similarity(n, normalizeName(k))));
}

/** A code in doubt: unknown, provisional, or its printed name another code's. */
function doubtful(r: Row, ctx: GroupContext): boolean {
  const e = ctx.taxonomy.lookup(r.code, ctx.fiscal_year);
  if (!e || e.provisional) return true;
  return !!r.item && !ctx.taxonomy.checkName(r.code, r.item, ctx.fiscal_year).ok;
}

/** Codes of `len` digits with the first digit of `like`, in order. */
function* codesOfLength(len: number, like: string): Generator<string> {
  const first = like[0]!;
  const n = 10 ** (len - 1);
  for (let i = 0; i < n; i++) yield first + String(i).padStart(len - 1, '0');
}

/** The codes of the rows of groups whose heading code part OCR misread (see the head of this
 *  file): row → its code. */
export function regroupOcrCodes(tableRows: TableRow[], ctx: GroupContext): Map<TableRow, string> {
  const out = new Map<TableRow, string>();
  const rows: Row[] = tableRows.filter((r) => r.values.length || r.code).map((r) => ({ row: r, code: CODE.test(r.code) ? r.code : '', item: r.item, section: r.section }));
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i]!;
    if (!head.code || head.code.length === 7 || !ctx.taxonomy.systemOf(head.code)) continue;
    if (!doubtful(head, ctx)) continue;
    const len = head.code.length;
    // the rows under it: codes that start with it (rows whose code was not read among them, when a
    // row under it follows, are left as they are)
    let end = i + 1;
    for (let k = i + 1; k < rows.length && rows[k]!.section === head.section; k++) {
      const c = rows[k]!.code;
      if (c.startsWith(head.code) && c.length > len) end = k + 1;
      else if (c !== '') break;
    }
    const group = rows.slice(i, end).filter((r) => r.code !== '');
    // the rows under it printed their own parts only and took its code from it
    if (group.slice(1).some((r) => !r.row.flags.includes('code_parts_carried'))) continue;
    // the row above printed no code (its 类 cell unread): the group's 类 row, and its 类 may change
    const above = rows[i - 1];
    const classRow = len === 5 && above && above.code === '' && above.item && above.section === head.section ? above : undefined;
    const prev = rows.slice(0, classRow ? i - 1 : i).reverse().find((r) => r.code)?.code ?? '';
    const next = rows.slice(end).find((r) => r.code)?.code ?? '';
    const named = group.filter((r) => r.item).length + (classRow ? 1 : 0);
    if (named < MIN_NAMED) continue;
    const score = (c: string): number =>
      group.reduce((s, r) => s + nameSimilarity(c + r.code.slice(len), r.item, ctx), 0) + (classRow ? nameSimilarity(c.slice(0, 3), classRow.item, ctx) : 0);
    const asRead = score(head.code);
    let best = { code: '', score: -1 };
    let second = -1;
    for (const c of codesOfLength(len, head.code)) {
      if (len === 5 && !classRow && c.slice(0, 3) !== head.code.slice(0, 3)) continue;
      if (prev && !(c > prev.slice(0, len) || (prev.length < len && c.startsWith(prev)))) continue;
      if (next && !(c < next.slice(0, len))) continue;
      const e = ctx.taxonomy.lookup(c, ctx.fiscal_year);
      if (!e || e.provisional) continue;
      if (group.some((r) => { const d = ctx.taxonomy.lookup(c + r.code.slice(len), ctx.fiscal_year); return !d || d.provisional; })) continue;
      const s = score(c);
      if (s > best.score) {
        second = best.score;
        best = { code: c, score: s };
      } else second = Math.max(second, s);
    }
    if (!best.code || best.code === head.code) continue;
    if (best.score - second < MARGIN || best.score < 2 * second || best.score - asRead < MARGIN || best.score / named < NEAR) continue;
    if (classRow) {
      out.set(classRow.row, best.code.slice(0, 3));
      classRow.code = best.code.slice(0, 3);
    }
    for (const r of group) {
      r.code = best.code + r.code.slice(len);
      out.set(r.row, r.code);
    }
    i = end - 1;
  }
  return out;
}
