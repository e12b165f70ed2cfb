// One HTML <table> → a dense RawGrid. rowspan/colspan are expanded: the origin cell carries the
// text and the span, each covered position is a cell with text '' and `mergedFrom`. Rows are read
// as a browser lays them out (<thead> first, <tfoot> last); header rows stay rows.
import type { GridCell, RawGrid } from '../../model/types.js';
import { type DomNode, childElements, tagName } from './dom.js';
import { cellText } from './text.js';
import { htmlCellRef } from '../source-ref.js';

const SECTIONS = new Set(['thead', 'tbody', 'tfoot', 'tr']);
const TR = new Set(['tr']);
const CELLS = new Set(['td', 'th']);
const MAX_SPAN = 1000;

/** The <tr>s of a table itself (not of tables nested in its cells), in display order, each with
 *  the index after the last row of its row group (a rowspan never crosses a group). */
function tableRowGroups(table: DomNode): { tr: DomNode; groupEnd: number }[] {
  const head: DomNode[][] = [];
  const body: DomNode[][] = [];
  const foot: DomNode[][] = [];
  let loose: DomNode[] | null = null; // <tr>s directly in <table> form one implied <tbody>
  for (const s of childElements(table, SECTIONS)) {
    const t = tagName(s);
    if (t === 'tr') {
      if (!loose) body.push((loose = []));
      loose.push(s);
      continue;
    }
    loose = null;
    (t === 'thead' ? head : t === 'tfoot' ? foot : body).push(childElements(s, TR));
  }
  const out: { tr: DomNode; groupEnd: number }[] = [];
  for (const group of [...head, ...body, ...foot]) {
    const end = out.length + group.length;
    for (const tr of group) out.push({ tr, groupEnd: end });
  }
  return out;
}

export function tableRows(table: DomNode): DomNode[] {
  return tableRowGroups(table).map((g) => g.tr);
}

function span(v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = parseInt(v.trim(), 10);
  if (!Number.isFinite(n) || n < 0) return dflt;
  return Math.min(n, MAX_SPAN);
}

/** `tableIndex`: the table's place in the page (extractors/source-ref.ts), given to each cell as `ref` */
export function gridOfTable(table: DomNode, tableIndex?: number): RawGrid {
  const groups = tableRowGroups(table);
  const trs = groups.map((g) => g.tr);
  const rows: GridCell[][] = trs.map(() => []);
  const notes: string[] = [];
  for (let r = 0; r < trs.length; r++) {
    const row = rows[r]!;
    let c = 0;
    for (const td of childElements(trs[r]!, CELLS)) {
      while (row[c] !== undefined) c++;
      const colSpan = Math.max(1, span(td.attribs?.colspan, 1));
      // rowspan="0" spans to the end of the row group; a span past the group's last row is cut there
      const left = groups[r]!.groupEnd - r;
      let rowSpan = span(td.attribs?.rowspan, 1);
      if (rowSpan === 0) rowSpan = left;
      rowSpan = Math.max(1, Math.min(rowSpan, left));
      const { text, bold } = cellText(td);
      const origin: GridCell = { text };
      if (tableIndex !== undefined) origin.ref = htmlCellRef(tableIndex, r, c);
      if (rowSpan > 1) origin.rowSpan = rowSpan;
      if (colSpan > 1) origin.colSpan = colSpan;
      if (bold && text !== '') origin.bold = true;
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = rows[r + dr]!;
        for (let dc = 0; dc < colSpan; dc++) {
          if (dr === 0 && dc === 0) continue;
          if (target[c + dc] !== undefined) {
            notes.push(`overlapping spans at row ${r + dr + 1}, column ${c + dc + 1}`);
            continue;
          }
          target[c + dc] = { text: '', mergedFrom: [r, c] };
        }
      }
      row[c] = origin;
      c += colSpan;
    }
  }
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0); // no spread: a page may hold 100,000s of rows
  for (const row of rows) for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = { text: '' };
  const grid: RawGrid = { rows: compact(rows), method: 'html' };
  if (notes.length) grid.notes = [...new Set(notes)].slice(0, 5);
  return grid;
}

/** Drop the rows and columns that carry nothing: blank spacer rows, and the phantom columns Word
 *  exports when rows put cell boundaries at different places (every cell there is blank or the
 *  continuation of a cell to its left / above). Spans and `mergedFrom` are rewritten to match. */
function compact(rows: GridCell[][]): GridCell[][] {
  const width = rows[0]?.length ?? 0;
  const isOrigin = (cell: GridCell) => (cell.rowSpan ?? 1) > 1 || (cell.colSpan ?? 1) > 1;
  // a row is kept when a cell has text or takes part in a merge (blank spacer rows go)
  const keepRow = rows.map((row) => row.some((cell) => cell.text !== '' || isOrigin(cell) || cell.mergedFrom !== undefined));
  const keepCol: boolean[] = [];
  for (let c = 0; c < width; c++) {
    let needed = false;
    for (let r = 0; r < rows.length && !needed; r++) {
      const cell = rows[r]![c]!;
      if (cell.text !== '' || isOrigin(cell)) needed = true;
      // a vertical continuation of a cell in this column
      else if (cell.mergedFrom && cell.mergedFrom[1] === c) needed = true;
    }
    keepCol.push(needed);
  }
  if (keepRow.every(Boolean) && keepCol.every(Boolean)) return rows;
  const rowMap = remap(keepRow);
  const colMap = remap(keepCol);
  const out: GridCell[][] = [];
  for (let r = 0; r < rows.length; r++) {
    if (!keepRow[r]) continue;
    const row: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      if (!keepCol[c]) continue;
      const cell = { ...rows[r]![c]! };
      if (cell.mergedFrom) {
        const [or, oc] = cell.mergedFrom;
        cell.mergedFrom = [rowMap[or]!, colMap[oc]!];
      }
      if (cell.rowSpan) shrink(cell, 'rowSpan', keepRow.slice(r, r + cell.rowSpan));
      if (cell.colSpan) shrink(cell, 'colSpan', keepCol.slice(c, c + cell.colSpan));
      row.push(cell);
    }
    out.push(row);
  }
  return out;
}

function remap(keep: boolean[]): number[] {
  const map: number[] = [];
  let n = 0;
  for (const k of keep) {
    map.push(k ? n : Math.max(0, n - 1));
    if (k) n++;
  }
  return map;
}

function shrink(cell: GridCell, key: 'rowSpan' | 'colSpan', kept: boolean[]): void {
  const n = kept.filter(Boolean).length;
  if (n > 1) cell[key] = n;
  else delete cell[key];
}
