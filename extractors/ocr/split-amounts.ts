// Amounts whose separators OCR dropped: a wide-set `16, 770. 89` comes back as the words `16`
// `770` `89`. In a column whose amounts print a fixed number of decimals, a cell of space-separated
// digit groups whose last group has exactly that many digits (and whose inner groups have three)
// can only be that amount: `16 770 89` → `16770.89`. Cells that do not fit the pattern are left as
// read (the identities flag them); every repair is recorded in the grid's notes. Two more of a
// photocopy's: a speck's point, comma or quote mark against a grouped amount (.426,000) is taken off, and
// in a column of whole amounts with thousands commas, `888 700` (the comma lost) is 888,700.
import type { RawGrid } from '../../model/types.js';
import { withoutSpeckPoint } from './repair.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from './settings.js';

const DECIMAL = /^-?\d{1,3}(?:,\d{3})*(?:\.(\d+))$|^-?\d+\.(\d+)$/;

/** The decimals most amount cells of a column print, when at least `min` cells agree. */
function columnDecimals(grid: RawGrid, col: number, min: number): number {
  const counts = new Map<number, number>();
  for (const row of grid.rows) {
    const t = (row[col]?.text ?? '').trim();
    const m = DECIMAL.exec(t);
    if (!m) continue;
    const dp = (m[1] ?? m[2] ?? '').length;
    counts.set(dp, (counts.get(dp) ?? 0) + 1);
  }
  let best = 0;
  let n = 0;
  for (const [dp, c] of counts) if (c > n) { best = dp; n = c; }
  return n >= min ? best : 0;
}

/** A grouped amount (426,000) as a cell's words join it: a toner speck's point against it
 *  (.426,000 from the words `.426,` `000`) is taken off (repair.ts withoutSpeckPoint). */
function unspeckCells(grid: RawGrid, notes: string[]): void {
  grid.rows.forEach((row, r) => row.forEach((cell, col) => {
    if (cell.mergedFrom) return;
    const t = cell.text.trim();
    const fixed = withoutSpeckPoint(t);
    if (fixed === t) return;
    notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${fixed} (a speck's point: no decimal point comes before or right after a thousands comma)`);
    cell.text = fixed;
  }));
}

/** a whole amount with thousands commas (426,000) */
const GROUPED_WHOLE = /^-?\d{1,3}(?:,\d{3})+$/;

/** In a column of whole amounts with thousands commas (GROUPED_WHOLE, `min` cells at least, none
 *  with decimals), a cell of digit groups set apart by spaces, the first of one to three digits and
 *  the others of three (`888 700`: the comma lost against a dark paper), can only be that amount:
 *  `888,700`. */
function rejoinWholeGroups(grid: RawGrid, col: number, min: number, notes: string[]): void {
  const cells = grid.rows.map((row) => (row[col]?.text ?? '').trim()).filter((t) => t !== '');
  const grouped = cells.filter((t) => GROUPED_WHOLE.test(t)).length;
  if (grouped < min || cells.some((t) => DECIMAL.test(t))) return;
  grid.rows.forEach((row, r) => {
    const cell = row[col];
    if (!cell || cell.mergedFrom) return;
    const t = cell.text.trim();
    if (!/^-?\d{1,3}(?: \d{3})+$/.test(t)) return;
    const fixed = t.replace(/ /g, ',');
    notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${fixed} (thousands comma lost by OCR; the column prints whole amounts with commas)`);
    cell.text = fixed;
  });
}

export function repairSplitAmounts(grid: RawGrid, settings: OcrSettings = DEFAULT_OCR_SETTINGS): string[] {
  const notes: string[] = [];
  unspeckCells(grid, notes);
  const width = Math.max(0, ...grid.rows.map((r) => r.length));
  for (let col = 0; col < width; col++) {
    const dp = columnDecimals(grid, col, settings.repair.splitAmountMinCells);
    if (dp === 0) {
      rejoinWholeGroups(grid, col, settings.repair.splitAmountMinCells, notes);
      continue;
    }
    const pattern = new RegExp(`^(-?\\d{1,3}(?:[ ,]+\\d{3})*)[ .,]+(\\d{${dp}})$`);
    grid.rows.forEach((row, r) => {
      const cell = row[col];
      if (!cell || cell.mergedFrom) return;
      const t = cell.text.trim();
      if (!/\s/.test(t) || DECIMAL.test(t)) return;
      const m = pattern.exec(t);
      if (!m) return;
      const fixed = `${m[1]!.replace(/[ ,]+/g, '')}.${m[2]}`;
      notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${fixed} (separators lost by OCR; the column prints ${dp} decimals)`);
      cell.text = fixed;
    });
  }
  return notes;
}
