// Amounts whose separators OCR dropped: a wide-set `16, 770. 89` comes back as the words `16`
// `770` `89`. In a column whose amounts print a fixed number of decimals, a cell of space-separated
// digit groups whose last group has exactly that many digits (and whose inner groups have three)
// can only be that amount: `16 770 89` → `16770.89`. Cells that do not fit the pattern are left as
// read (the identities flag them); every repair is recorded in the grid's notes.
import type { RawGrid } from '../../model/types.js';
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

export function repairSplitAmounts(grid: RawGrid, settings: OcrSettings = DEFAULT_OCR_SETTINGS): string[] {
  const notes: string[] = [];
  const width = Math.max(0, ...grid.rows.map((r) => r.length));
  for (let col = 0; col < width; col++) {
    const dp = columnDecimals(grid, col, settings.repair.splitAmountMinCells);
    if (dp === 0) continue;
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
