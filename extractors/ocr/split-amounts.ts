// Amounts whose separators OCR dropped: a wide-set `16, 770. 89` comes back as the words `16`
// `770` `89`. In a column whose amounts print a fixed number of decimals, a cell of space-separated
// digit groups whose last group has exactly that many digits (and whose inner groups have three)
// can only be that amount: `16 770 89` → `16770.89`. Cells that do not fit the pattern are left as
// read (the identities flag them); every repair is recorded in the grid's notes. In such a column
// a 1-bit scan's cells too: a decimal point read as a comma (`878,` and `11`, two words the layout
// joins into `878,11`: the token repair of repair.ts never sees them together), and letters a
// speck or a rule left before or after the amount (To,10,685.56, 7,773.28i LTT). Two more of a
// photocopy's: a speck's point, comma or quote mark against a grouped amount (.426,000) is taken off, and
// in a column of whole amounts with thousands commas, `888 700` (the comma lost) is 888,700. In a
// column of fixed decimals, a zero the scan broke open (0.0C, 0c, 0.0¢) or whose point it lost or
// doubled (00, 0..00) is 0.00.
import type { RawGrid } from '../../model/types.js';
import { withoutSpeckPoint } from './repair.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from './settings.js';

const DECIMAL = /^-?\d{1,3}(?:,\d{3})*(?:\.(\d+))$|^-?\d+\.(\d+)$/;
/** a zero as a photocopy or a 1-bit scan leaves it: a 0 first, then 0s, marks and 0s broken open */
const OPEN_ZERO = /^0[0.,:;'\-oOcC¢°]*$/;
const ZERO_GLYPH = /[0oOcC¢°]/g;

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
    notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${fixed} (a speck's mark before the amount, or a point right after a thousands comma)`);
    cell.text = fixed;
  }));
}

/** a whole amount with thousands commas (426,000) */
const GROUPED_WHOLE = /^-?\d{1,3}(?:,\d{3})+$/;

/** a whole amount's digit groups as a photocopy leaves them: a speck's point before it, an I or l
 *  for a first 1, and groups of three set apart by a space, a semicolon, a colon or a point (with or
 *  without the comma) */
const WHOLE_GROUPS = /^([.,]?)([Il|]|-?\d{1,3})((?:[ ,.;:；：]+\d{3})+)$/;
/** a lone zero with a speck's point or comma against it */
const SPECKED_ZERO = /^[.,]+0[.,]*$|^0[.,]+$/;

/** In a column of whole amounts with thousands commas (GROUPED_WHOLE, `min` cells at least, none
 *  with decimals), where no separator can be a decimal point: a cell of digit groups, the first of
 *  one to three digits and the others of three, set apart by spaces or by a speck's point,
 *  semicolon or colon instead of the comma (`888 700`, `2,302;815`, `17,591 003`: the comma lost
 *  against a dark paper), can only be that amount (`888,700`); a speck's point before it goes, and
 *  an I or l for its first digit is 1 (`I,333,000`). In a column of such amounts and zeros (`min`
 *  cells at least, none with decimals) a lone zero with a speck's point (`0.`, `.0`) is 0. */
function rejoinWholeGroups(grid: RawGrid, col: number, min: number, notes: string[]): void {
  const cells = grid.rows.map((row) => (row[col]?.text ?? '').trim()).filter((t) => t !== '');
  const grouped = cells.filter((t) => GROUPED_WHOLE.test(t)).length;
  // (a column of zeros only, beside such columns, prints whole amounts too)
  const whole = cells.filter((t) => GROUPED_WHOLE.test(t) || t === '0').length;
  if (whole < min || cells.some((t) => DECIMAL.test(t))) return;
  grid.rows.forEach((row, r) => {
    const cell = row[col];
    if (!cell || cell.mergedFrom) return;
    const t = cell.text.trim();
    let fixed: string | undefined;
    let why = 'thousands comma lost by OCR';
    const m = WHOLE_GROUPS.exec(t);
    if (m && !GROUPED_WHOLE.test(t) && grouped >= min) {
      fixed = (/\d/.test(m[2]!) ? m[2]! : '1') + m[3]!.replace(/[ ,.;:；：]+/g, ',');
      if (m[1] || !/\d/.test(m[2]!)) why = 'a speck or a letter against the amount, its commas read as other marks';
    } else if (SPECKED_ZERO.test(t)) {
      fixed = '0';
      why = 'a speck\'s point against a zero';
    }
    if (fixed === undefined || !GROUPED_WHOLE.test(fixed) && fixed !== '0') return;
    notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${fixed} (${why}; the column prints whole amounts with commas)`);
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
    // (a speck's point after a thousands comma too: 22,.066. 59)
    // (a point for a thousands comma too, before a space: 7.194. 06)
    const pattern = new RegExp(`^(-?\\d{1,3}(?:(?:[ ,.]+|,\\.)\\d{3})*)[ .,]+(\\d{${dp}})$`);
    // an amount with the column's decimals and a rule or a speck's comma read after it (1,247.85I,)
    const trailed = new RegExp(`^(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{${dp}})[Iil|,'’ ]+$`);
    // letters read after such an amount, from a speck or a rule beside it (7,773.28i LTT, 2,026.32心,
    // 10,685.56a6): no amount prints a letter, so what follows the column's decimals is none of it
    const lettered = new RegExp(`^(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{${dp}})(?=[A-Za-z\\u3400-\\u9fff])\\S*(?:\\s+\\S+)?$`);
    // letters and a mark read before such an amount (To,10,685.56), that could be no digits of it:
    // read as digits they would break its groups
    const prefixed = new RegExp(`^([A-Za-z\\u3400-\\u9fff]{1,3})[,.:;，、]\\s*(-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{${dp}})$`);
    // the decimal point read as a comma where the cell's words joined without a space (878, + 11 →
    // 878,11; 6,026, + 13): a last group of the column's decimals after a comma is no thousands group
    // (a column of three decimals is left alone: there it could be one)
    const commaPoint = dp !== 3 ? new RegExp(`^(-?\\d{1,3}(?:,\\d{3})*|-?\\d+),(\\d{${dp}})$`) : undefined;
    // marks (no digit, letter or minus) before such an amount (§,8,000.00), or a colon for its point (12:28)
    const marked = new RegExp(`^[^\\dA-Za-z\\u3400-\\u9fff\\s-]{1,3}(?=\\d)|(?<=^\\d+)[:;：；](?=\\d{${dp}}$)`);
    grid.rows.forEach((row, r) => {
      const cell = row[col];
      if (!cell || cell.mergedFrom) return;
      const t = cell.text.trim();
      const tail = trailed.exec(t);
      if (tail) {
        notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${tail[1]} (a rule or a speck after the amount; the column prints ${dp} decimals)`);
        cell.text = tail[1]!;
        return;
      }
      const lead = prefixed.exec(t);
      if (lead && !/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t.replace(lead[1]!, '0'.repeat(lead[1]!.length)).replace(/\s+/g, ''))) {
        notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${lead[2]} (letters read before the amount; the column prints ${dp} decimals)`);
        cell.text = lead[2]!;
        return;
      }
      const letters = lettered.exec(t);
      if (letters) {
        notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${letters[1]} (letters read after the amount; the column prints ${dp} decimals)`);
        cell.text = letters[1]!;
        return;
      }
      const comma = commaPoint?.exec(t);
      if (comma) {
        const fixed = `${comma[1]!.replace(/,/g, '')}.${comma[2]}`;
        notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${fixed} (its decimal point read as a comma; the column prints ${dp} decimals)`);
        cell.text = fixed;
        return;
      }
      // a zero with specks read as marks among its digits (0.-00, 0:0.00): only zeros, so zero
      if (/^0[0.,:;'\-]*0$/.test(t) && /[^0.]/.test(t) && (t.match(/[^0]/g) ?? []).length <= 3) {
        const zero = `0.${'0'.repeat(dp)}`;
        notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${zero} (a zero with specks read as marks; the column prints ${dp} decimals)`);
        cell.text = zero;
        return;
      }
      // a zero whose last 0 a photocopy or a 1-bit scan broke open (0.0C, 0c, 0.0¢, 0 0c, 0.000c), or
      // whose point it lost or doubled (00, 0..00, 0.000): a 0 first, no other digit, nothing but 0s,
      // marks and the open 0s (c C ¢ o O °), no more of them than the column's decimals and three
      const bare = t.replace(/\s+/g, '');
      // (a zero as printed, or with decimals lost, 0 or 0.0, is left as read)
      const plain = new RegExp(`^0(\\.0{0,${dp}})?$`);
      if (OPEN_ZERO.test(bare) && !plain.test(bare) && (bare.match(/[^0]/g) ?? []).length <= 3 && (bare.match(ZERO_GLYPH) ?? []).length <= dp + 3) {
        const zero = `0.${'0'.repeat(dp)}`;
        notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${zero} (a zero broken open or its point lost; the column prints ${dp} decimals)`);
        cell.text = zero;
        return;
      }
      const unmarked = t.replace(marked, (x) => (/^[:;：；]$/.test(x) && /^\d/.test(t) ? '.' : ''));
      if (unmarked !== t && DECIMAL.test(unmarked) && (DECIMAL.exec(unmarked)![1] ?? DECIMAL.exec(unmarked)![2] ?? '').length === dp) {
        notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${unmarked} (a speck's mark on the amount; the column prints ${dp} decimals)`);
        cell.text = unmarked;
        return;
      }
      if (!/\s/.test(t) || DECIMAL.test(t)) return;
      const m = pattern.exec(t);
      if (!m) return;
      const fixed = `${m[1]!.replace(/[ ,.]+/g, '')}.${m[2]}`;
      notes.push(`row ${r + 1} col ${col + 1}: "${t}" read as ${fixed} (separators lost by OCR; the column prints ${dp} decimals)`);
      cell.text = fixed;
    });
  }
  return notes;
}
