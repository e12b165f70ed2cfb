// Header rows: where the data starts, and multi-level headers flattened as `上级 / 下级`.
import { cleanLabel } from '../values/labels.js';
import { isCode, isColumnNumberRow, isNumberCell } from './grid-text.js';

/** Cells as strings, ragged rows right-aligned to the table width (a dump drops the empty cell a
 *  spanning label covers, so the measures keep their columns). */
export function alignRows(rows: string[][], width: number): string[][] {
  return rows.map((r) => {
    if (r.length >= width) return r.slice(0, width);
    return [...Array<string>(width - r.length).fill(''), ...r];
  });
}

function trimTrailing(r: string[]): string[] {
  let n = r.length;
  while (n > 0 && cleanLabel(r[n - 1]!) === '') n--;
  return r.slice(0, n);
}

/** The table width: the most common row length (dumps keep a row's trailing blank cells), or
 *  the longest row once trailing blanks are dropped when that is longer. */
export function tableWidth(rows: string[][]): number {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.length >= 2) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [len, n] of counts) if (n > best || (n === best && len > mode)) { mode = len; best = n; }
  // (no spread: a sheet's table may have more rows than a call takes arguments)
  return rows.reduce((m, r) => Math.max(m, trimTrailing(r).length), Math.max(mode, 0));
}

/** A 栏次 row as OCR leaves it: 栏次 printed on one side of a two-sided table, the other side's
 *  label misread (`卷奶`) or a column number lost (a lone thin `1` is often not read). The row
 *  counts as a 栏次 row when its numbers are all column numbers (1-2 digits, rising) and its other
 *  text is short and no total's label. */
export function isColumnNumberLine(cells: string[]): boolean {
  if (isColumnNumberRow(cells)) return true;
  const t = cells.map(cleanLabel).filter((c) => c !== '');
  if (!t.some((c) => c === '栏次')) return false;
  const nums = t.filter((c) => isNumberCell(c) && /\d/.test(c));
  if (!nums.length || !nums.every((c) => /^\d{1,2}$/.test(c))) return false;
  const ints = nums.map(Number);
  if (!ints.every((v, i) => v >= 1 && (i === 0 || v > ints[i - 1]!))) return false;
  const texts = t.filter((c) => c !== '栏次' && !nums.includes(c));
  return texts.every((c) => c.length <= 4 && !/(合计|总计|小计|收入|支出)/.test(c));
}

/** A data row: a number outside the first column that is not a column-number row, or a code. */
export function isDataRow(cells: string[]): boolean {
  if (isColumnNumberLine(cells)) return false;
  if (cells.some((c) => isCode(c))) return true;
  return cells.some((c, i) => i > 0 && isNumberCell(c) && cleanLabel(c) !== '');
}

/** a cell of the title block printed inside the grid: 部门：…, 单位：…, the year, the table's number;
 *  the preparer (预算单位长春市信访局, its colon lost by OCR) and the unit (单位万元) without a colon */
const PREAMBLE_CELL = /^(部门|单位|金额单位|编制单位)[:：]|^[（(]?\d{4}年度?[）)]?$|^公开\d+表$|^(预算|编制|填报)单位[:：;；]?[\u4e00-\u9fff]{2,}|^(金额)?单位[:：;；]?\s*(?:[亿万千][\u4e00-\u9fff]?|元)$/u;

/** the unit of the amounts stated alone in a cell (单位：万元, 金额单位万元) */
const UNIT_STATEMENT = /^(金额)?单位[:：;；]?\s*(?:[亿万千][\u4e00-\u9fff]?|元)$/u;
/** the preparer's words opening a cell, their first two characters as OCR may misread them
 *  (预符单位长菊市 for 预算单位长春市) */
const PREPARER_OPENING = /^(?:[\u4e00-\u9fff]{2}单位|部门)[\u4e00-\u9fff]/u;

/** Single-cell rows above the header: a title, 部门：…, 单位：… printed inside the grid; and the
 *  preparer's line split over a few cells by OCR (预符单位长菊市 | 信访局 | 单位万元): its first cell
 *  opens with the preparer's words and its last states the unit, three cells at most. */
export function isPreambleRow(cells: string[]): boolean {
  const filled = cells.map(cleanLabel).filter((c) => c !== '');
  if (filled.length === 0) return true;
  if (filled.length === 1 && cells.length > 2) return true;
  if (filled.length <= 3 && PREPARER_OPENING.test(filled[0]!) && UNIT_STATEMENT.test(filled[filled.length - 1]!)) return true;
  return filled.every((c) => PREAMBLE_CELL.test(c));
}

/** Flatten header rows: a blank cell in an upper row under which the next row prints a label
 *  belongs to the nearest filled cell on its left (a horizontal merge). */
export function flattenHeader(headerRows: string[][], width: number): string[] {
  const grid = headerRows.map((r) => Array.from({ length: width }, (_, i) => cleanLabel(r[i] ?? '')));
  for (let r = 0; r < grid.length - 1; r++) {
    const row = grid[r]!;
    let carry = '';
    for (let c = 0; c < width; c++) {
      if (row[c] !== '') { carry = row[c]!; continue; }
      const below = grid.slice(r + 1).some((lower) => lower[c] !== '');
      if (carry && below) row[c] = carry;
      else carry = '';
    }
  }
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of grid) {
      const t = row[c]!;
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    return parts.join(' / ');
  });
}
