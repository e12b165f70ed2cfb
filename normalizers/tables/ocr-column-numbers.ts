// The 栏次 row of an OCR'd table as a 1-bit scan leaves it: 栏次 misread (佐次, 枉次, 性次, +次) and
// its column numbers partly lost or misread (1 》 3 1 3 6 7 for 1 2 3 4 5 6 7: a 4 that lost its
// horizontal stroke reads 1). header.ts isColumnNumberLine wants 栏次 or clean numbers; this one
// wants the numbers' structure: small whole numbers that stand where their count puts them — the
// column of number v lies v − 1 columns right of the column of number 1 — on two thirds of the
// numbers read and three cells at least (two, one of them the 1, beside a word with 次 in it), in
// one of the first rows, above any code or amount.
// The row is then no data row, and it numbers the columns: column c is number c − offset, which
// names an amount column by the kind's standard column layout (ocr-measures.ts measuresByNumbers).
// A 栏次 row whose numbers do not show that structure is still no data row (columnNumberWordRow):
// a scan that lost the rule under it glues its last number to the amount printed below (7 and
// 878.44 read `7578.44`, 3 and 921.75 read `3921`); as data it would break every column sum the
// measures are told by and give facts of its own.
import { cleanLabel } from '../values/labels.js';
import { isCode } from './grid-text.js';

/** The column numbers a 栏次 row gives: column index c is number c − offset (none when the
 *  numbers are those of a two-sided table's sides, each beside its own 栏次 word). */
interface ColumnNumbers {
  /** the index of the row (among the rows given) */
  row: number;
  offset?: number;
}

/** rows searched from the first data row: the 栏次 row is at most this far down */
const SEARCH_ROWS = 2;
/** numbers that stand where their count puts them: at least this many (MIN_AGREE_WORD beside a
 *  word with 次, one of them the 1), and this share of those read */
const MIN_AGREE = 3;
const MIN_AGREE_WORD = 2;
const AGREE_SHARE = 2 / 3;

/** a money amount or a code: a row holding one is data */
const isAmount = (t: string): boolean => /\d[.,]\d/.test(t) || /^\d{3,}/.test(t) || isCode(t);

/** The row's cells read as column numbers: [column, number] of each whole number of one or two
 *  digits; undefined when a cell is something a 栏次 row does not print (an amount, a code, a
 *  label longer than a misread 栏次 or 合计 carried down). */
function numberCells(cells: string[]): { nums: [number, number][]; word: boolean; words: number; other: boolean } | undefined {
  const out: [number, number][] = [];
  let word = false;
  let words = 0;
  let other = false;
  for (let c = 0; c < cells.length; c++) {
    const t = cleanLabel(cells[c] ?? '');
    if (t === '') continue;
    if (isAmount(t)) return undefined;
    if (/^\d{1,2}$/.test(t)) out.push([c, Number(t)]);
    // a misread number (》, 2心) or 栏次 misread (佐次, 一栏次合计 where a label spans both rows)
    else if (/次/.test(t)) {
      word = true;
      if (t.length <= 3) words++;
      else other = true;
    } else if (/[\u4e00-\u9fff]{3,}/.test(t)) return undefined;
    else other = true;
  }
  return { nums: out, word, words, other };
}

/** An OCR'd row that is a 栏次 row by its word alone: a cell that is a word of at most three
 *  characters ending in 次 (栏次 and its misreadings 佐次, 枉次, .栏次), beside nothing but numbers
 *  and marks (no code, no other Chinese word: a 合计 row run into it keeps its data). */
export function columnNumberWordRow(cells: readonly string[]): boolean {
  let word = false;
  for (const c of cells) {
    const t = cleanLabel(c);
    if (t === '') continue;
    if (/^[^\d\u4e00-\u9fff]{0,2}[\u4e00-\u9fff]?次$/.test(t)) word = true;
    else if (isCode(t) || /[\u3400-\u9fff]/.test(t)) return false;
  }
  return word;
}

/** The 栏次 row among the header rows (from `start`) and the first data rows (from `dataStart`) of
 *  an OCR'd table, and the offset of its numbering; undefined when none. */
export function ocrColumnNumbers(rows: string[][], start: number, dataStart: number): ColumnNumbers | undefined {
  for (let i = start; i < Math.min(rows.length, dataStart + SEARCH_ROWS); i++) {
    const cells = rows[i]!;
    const read = numberCells(cells);
    if (!read && i < dataStart) continue;
    if (!read) return undefined;
    const { nums, word, words, other } = read;
    const votes = new Map<number, number>();
    for (const [c, v] of nums) votes.set(c - v, (votes.get(c - v) ?? 0) + 1);
    // the offset most numbers agree on (the smallest of a tie: deterministic)
    let offset = 0;
    let agree = 0;
    for (const [o, n] of [...votes].sort((a, b) => a[0] - b[0])) if (n > agree) { offset = o; agree = n; }
    const enough = agree >= MIN_AGREE || (word && agree >= MIN_AGREE_WORD && nums.some(([c, v]) => v === 1 && c - v === offset));
    if (enough && agree >= nums.length * AGREE_SHARE && offset >= 0) return { row: i, offset };
    // a two-sided table's 栏次 row (+次 … 1 | f次 … 2): a 栏次 word on each side, and nothing
    // else but its numbers, rising
    if (words >= 2 && !other && nums.length >= 2 && nums.every(([, v], k) => k === 0 || v > nums[k - 1]![1])) return { row: i };
  }
  return undefined;
}
