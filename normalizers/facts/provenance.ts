// Where a fact's number is printed: the box of its own text on the page (text layer, OCR) or the
// cell of the workbook / HTML table it was read from. The table row names the grid cell the value
// came from (TableRow values `cell`); the cell's text must be the value as read, else the row is
// searched for the cell that prints it (the nearest to the column the value was read in).
import type { Box, GridCell, RawGrid, TableRow } from '../../model/types.js';

interface ValueSource {
  box?: Box;
  page?: number;
  source_ref?: string;
}

type ValueRead = TableRow['values'][number];

function prints(cell: GridCell | undefined, raw: string): cell is GridCell {
  return cell !== undefined && cell.text.trim() === raw;
}

/** The grid cell printing value `v` of grid row `rowIndex`, if one does. */
function cellOf(grid: RawGrid, rowIndex: number, v: ValueRead): GridCell | undefined {
  const row = grid.rows[rowIndex];
  if (!row) return undefined;
  const named = v.cell !== undefined ? row[v.cell] : undefined;
  if (prints(named, v.raw)) return named;
  const near = v.cell ?? v.col;
  let best: GridCell | undefined;
  let dist = Infinity;
  row.forEach((c, k) => {
    if (!prints(c, v.raw) || Math.abs(k - near) >= dist) return;
    best = c;
    dist = Math.abs(k - near);
  });
  return best;
}

export function valueSource(grid: RawGrid, rowIndex: number, v: ValueRead): ValueSource {
  const cell = cellOf(grid, rowIndex, v);
  if (!cell) return {};
  const out: ValueSource = {};
  if (cell.textBox && cell.page !== undefined) {
    out.box = cell.textBox;
    out.page = cell.page;
  }
  if (cell.ref) out.source_ref = cell.ref;
  return out;
}
