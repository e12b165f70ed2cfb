// Reshapings of a key table that sites print and the key does not change: amounts printed in 元
// where the key table is in 万元 (the key's values scaled with them), a long two- or three-column
// table (06 基本支出 by economic class, 三公 item | amount) printed as blocks side by side, the
// header printed again in the middle of the table, and the ways sites print numbers (full-width
// digits and punctuation, negatives in brackets or with a full-width minus, a dash in an empty
// amount cell). Exact decimal arithmetic on strings: never a float.
import { type KeyTable, AMOUNT } from './tables.js';

type FrozenCell = KeyTable['rows'][number][number];

const textOf = (c: FrozenCell): string | null => (c === null ? null : typeof c === 'string' ? c : c[0]);

/** A decimal string (1,234.56, -5.2) multiplied by 10^k (k ≥ 0), printed with two decimals and
 *  thousands separators when the original had them. */
export function shiftDecimal(s: string, k: number, grouped = s.includes(',')): string {
  const neg = s.startsWith('-');
  const t = s.replace(/^-/, '').replace(/,/g, '');
  const [i = '0', f = ''] = t.split('.');
  const frac = f.padEnd(k + 2, '0');
  let int = (i + frac.slice(0, k)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(k).replace(/0+$/, '').padEnd(2, '0');
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const out = `${int}.${rest}`;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

/** the power of ten from a table's unit to the unit it is printed in */
const SHIFT: Record<string, Record<string, number>> = { 万元: { 元: 4 } };

/** A table printed in `unit` where the key table is in another money unit: its amounts scaled
 *  (exactly), its unit changed; with the power of ten its key values are scaled by (0: left as it is). */
export function inUnit(t: KeyTable, unit: string): { table: KeyTable; shift: number } {
  const k = SHIFT[t.unit]?.[unit];
  if (!k) return { table: t, shift: 0 };
  // a column of codes (201, 20101, 06 in a 款 column) is not scaled: amounts are the cells of
  // columns that print decimals or thousands separators
  const amountCols = new Set<number>();
  for (const row of t.rows.slice(t.headerRows)) row.forEach((c, i) => {
    const s = textOf(c);
    if (s !== null && AMOUNT.test(s) && /[.,]/.test(s)) amountCols.add(i);
  });
  const scale = (c: FrozenCell, i: number): FrozenCell => {
    const s = textOf(c);
    if (s === null || !AMOUNT.test(s) || !amountCols.has(i)) return c;
    const v = shiftDecimal(s, k);
    return typeof c === 'string' ? v : [v, c![1], c![2]];
  };
  const rows = t.rows.map((row, r) => (r < t.headerRows ? row : row.map(scale)));
  return { table: { ...t, unit, rows }, shift: k };
}

/** Kinds that sites print as blocks side by side when they run long: 06 基本支出 (code | name |
 *  amounts) and 三公 as item | amount rows. */
const SIDE_BY_SIDE_KINDS = new Set(['budget_general_basic_expenditure', 'basic_expenditure', 'budget_three_public', 'three_public_expenses']);

/** A long table printed as `n` blocks side by side: the header over each block, the body rows cut
 *  into n runs (never inside a cell spanning rows), the last blocks padded with blank rows. Tables
 *  of other kinds, or whose body has cells spanning rows, are left as they are. */
export function sideBySide(t: KeyTable, n: number): KeyTable {
  if (!SIDE_BY_SIDE_KINDS.has(t.kind) || n < 2) return t;
  const width = Math.max(...t.rows.map((r) => r.length));
  const body = t.rows.slice(t.headerRows);
  if (body.length < n * 2 || width > 6) return t;
  if (body.some((row) => row.some((c) => Array.isArray(c) && c[1] > 1))) return t;
  // a row the reconstruction left short prints its first cell across the missing columns
  const full = (row: FrozenCell[]): FrozenCell[] => {
    if (row.length >= width) return row;
    const first = textOf(row[0] ?? '') ?? '';
    if (AMOUNT.test(first)) return [...row, ...Array<FrozenCell>(width - row.length).fill('')];
    const cs = (Array.isArray(row[0]) ? row[0][2] : 1) + width - row.length;
    return [[first, 1, cs], ...Array<FrozenCell>(cs - 1).fill(null), ...row.slice(1)];
  };
  const head = t.rows.slice(0, t.headerRows);
  if (head.some((r) => r.length !== width)) return t;
  const per = Math.ceil(body.length / n);
  const blocks = Array.from({ length: n }, (_, b) => body.slice(b * per, (b + 1) * per).map(full));
  const rows: FrozenCell[][] = head.map((r) => Array.from({ length: n }, () => r).flat());
  for (let i = 0; i < per; i++) rows.push(blocks.flatMap((bl) => bl[i] ?? Array<FrozenCell>(width).fill('')));
  return { ...t, rows };
}

/** How the header is printed again: all its rows as they are, only its words as one flat row (each
 *  column under the lowest header cell over it), or all its rows with other spacing, bracket
 *  widths and a unit added to the last word. */
export type HeaderRepeat = 'same' | 'last-row' | 'altered';

/** The header as one row: each column's lowest header word, once under a cell spanning columns. */
function flatHeader(t: KeyTable, width: number): FrozenCell[] {
  const flat: FrozenCell[] = Array<FrozenCell>(width).fill('');
  t.rows.slice(0, t.headerRows).forEach((row, r) => row.forEach((c, col) => {
    const text = textOf(c);
    if (text === null) return;
    const rs = Array.isArray(c) ? c[1] : 1;
    if (r + rs >= t.headerRows) flat[col] = text;
  }));
  return flat;
}

/** A header word reprinted a little differently: spaced out, brackets of the other width. */
function altered(text: string): string {
  const t = text.replace(/（/g, '(').replace(/）/g, ')');
  return t === text && [...t].length <= 4 ? [...t].join(' ') : t;
}

/** The header rows printed again after `at` body rows (a site pasting a table in two halves). The
 *  cut is moved down to a row no cell spans into. */
export function repeatHeaderAt(t: KeyTable, at: number, how: HeaderRepeat = 'same'): KeyTable {
  const body = t.rows.slice(t.headerRows);
  let cut = Math.min(at, body.length - 1);
  const spansInto = (i: number): boolean => body.slice(0, i).some((row, r) => row.some((c) => Array.isArray(c) && r + c[1] > i));
  while (cut < body.length && spansInto(cut)) cut++;
  if (cut <= 0 || cut >= body.length) return t;
  const head = t.rows.slice(0, t.headerRows);
  const width = Math.max(...t.rows.map((r) => r.length));
  let again: FrozenCell[][] = head;
  if (how === 'last-row') again = [flatHeader(t, width)];
  if (how === 'altered') {
    again = head.map((row) => row.map((c) => (c === null ? c : typeof c === 'string' ? altered(c) : [altered(c[0]), c[1], c[2]])));
    // a unit added to the last word of the lowest header row of words only (not a 栏次 row of
    // column numbers)
    for (let r = again.length - 1; r >= 0; r--) {
      const row = again[r]!;
      if (row.some((c) => /\d|栏|行次|^\*+$/.test(textOf(c) ?? ''))) continue;
      const k = row.map((c) => textOf(c) ?? '').reduce((m, x, i) => (/[\u4e00-\u9fff]/.test(x) && !/\d/.test(x) ? i : m), -1);
      const c = row[k];
      if (k < 0 || c === null || c === undefined) continue;
      row[k] = typeof c === 'string' ? `${c}（万元）` : [`${c[0]}（万元）`, c[1], c[2]];
      break;
    }
  }
  return { ...t, rows: [...head, ...body.slice(0, cut), ...again, ...body.slice(cut)], repeatedHeaderAt: t.headerRows + cut, repeatedHeaderRows: again.length };
}

export interface NumberStyle {
  /** digits, separators, point and minus in full-width forms (１２３，４５６．７８) */
  fullWidth?: boolean;
  /** how a negative amount is printed */
  negative?: 'paren' | 'fullwidth-minus';
  /** what an empty amount cell prints (by column, in turn) */
  dashes?: string[];
}

const FULL: Record<string, string> = { ',': '，', '.': '．', '-': '－', '(': '（', ')': '）' };

/** An amount as a site prints it in a style. */
export function styledAmount(text: string, style: NumberStyle): string {
  let s = text;
  if (s.startsWith('-')) {
    if (style.negative === 'paren') s = `(${s.slice(1)})`;
    else if (style.negative === 'fullwidth-minus') s = `－${s.slice(1)}`;
  }
  if (style.fullWidth) s = [...s].map((ch) => (/\d/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : FULL[ch] ?? ch)).join('');
  return s;
}
