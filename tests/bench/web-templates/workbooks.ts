// Workbook templates for the answer-key tables: each table with its title row (merged across),
// 公开NN表 number, 部门 and 单位 row, merged header rows and amounts stored as numbers in a
// `#,##0.00` format; one sheet per table, all tables of a document on one sheet (apart by blank
// rows, or right after one another with the next title row as the only boundary), or two tables
// side by side apart by a blank column; .xlsx or legacy .xls (BIFF8).
import * as XLSX from '@e965/xlsx';
import { type KeyDoc, type KeyTable, placed, titleOf } from './tables.js';
import { inUnit } from './transforms.js';

export interface BookShape {
  name: string;
  set: 'dev' | 'report';
  format: 'xlsx' | 'xls';
  layout: 'sheet-per-table' | 'stacked' | 'side-by-side';
  /** blank rows between stacked tables */
  gap?: number;
  /** the table number printed at the right end of the title row, not on a row of its own */
  numberBesideTitle?: boolean;
  /** a hidden column after each table's first column (an internal row number the sheet keeps), the
   *  merged header and title cells spanning it */
  hiddenColumn?: boolean;
  /** tables in 万元 stored and formatted in 元 */
  yuan?: boolean;
}

export const BOOK_SHAPES: BookShape[] = [
  { name: 'xlsx-sheet-per-table', set: 'dev', format: 'xlsx', layout: 'sheet-per-table' },
  { name: 'xlsx-one-sheet-gaps', set: 'dev', format: 'xlsx', layout: 'stacked', gap: 2, numberBesideTitle: true },
  { name: 'xls-one-sheet-no-gap', set: 'dev', format: 'xls', layout: 'stacked', gap: 0 },
  { name: 'xlsx-hidden-column', set: 'dev', format: 'xlsx', layout: 'sheet-per-table', hiddenColumn: true },
  // reporting shapes: never tuned on
  { name: 'R-xlsx-side-by-side', set: 'report', format: 'xlsx', layout: 'side-by-side' },
  { name: 'R-xls-one-sheet-one-gap', set: 'report', format: 'xls', layout: 'stacked', gap: 1 },
  { name: 'R-xlsx-hidden-column-yuan', set: 'report', format: 'xlsx', layout: 'stacked', gap: 1, hiddenColumn: true, yuan: true },
];

type Cells = (XLSX.CellObject | undefined)[][];

/** an amount as printed with a separator or decimals: stored as a number with a format that prints it so */
function cellOf(text: string, head: boolean): XLSX.CellObject {
  const m = /^(-?)([\d,]*\d)(?:\.(\d+))?$/.exec(text);
  if (!head && m && (text.includes(',') || m[3] !== undefined)) {
    const v = Number(text.replace(/,/g, ''));
    const z = m[3] ? `#,##0.${'0'.repeat(m[3].length)}` : '#,##0';
    return { t: 'n', v, z };
  }
  return { t: 's', v: text };
}

/** One table as a block of rows at (r0, c0) of a sheet: title, number, 部门/单位 line, the table. */
function placeTable(doc: KeyDoc, t: KeyTable, cells: Cells, merges: XLSX.Range[], r0: number, c0: number, numberBesideTitle = false, hidden?: number[]): { rows: number; cols: number } {
  const { rows, width } = placed(t);
  // with a hidden column after the first, the table's columns from the second on move one right
  const hc = hidden ? 1 : width + 1;
  const col = (c: number): number => c + (c >= hc ? 1 : 0);
  if (hidden) hidden.push(c0 + hc);
  const w = Math.max(col(width - 1) + 1, 2);
  const put = (r: number, c: number, cell: XLSX.CellObject) => {
    (cells[r] ??= [])[c] = cell;
  };
  let r = r0;
  put(r, c0, { t: 's', v: titleOf(doc, t) });
  if (numberBesideTitle && t.table_no) {
    put(r, c0 + w - 1, { t: 's', v: t.table_no });
    if (w > 2) merges.push({ s: { r, c: c0 }, e: { r, c: c0 + w - 2 } });
    r++;
  } else {
    merges.push({ s: { r, c: c0 }, e: { r, c: c0 + w - 1 } });
    r++;
    if (t.table_no) put(r++, c0 + w - 1, { t: 's', v: t.table_no });
  }
  put(r, c0, { t: 's', v: `部门：${doc.issuer}` });
  if (t.unit) put(r, c0 + w - 1, { t: 's', v: `单位：${t.unit}` });
  r++;
  for (const row of rows) {
    for (const cell of row) {
      put(r + cell.r, c0 + col(cell.c), cellOf(cell.text, cell.r < t.headerRows));
      const end = col(cell.c + cell.cs - 1);
      if (cell.rs > 1 || end > col(cell.c)) merges.push({ s: { r: r + cell.r, c: c0 + col(cell.c) }, e: { r: r + cell.r + cell.rs - 1, c: c0 + end } });
    }
  }
  if (hidden) t.rows.forEach((_, i) => put(r + i, c0 + hc, i < t.headerRows ? { t: 's', v: i === 0 ? '行号' : '' } : { t: 'n', v: 1000 + i }));
  return { rows: r - r0 + t.rows.length, cols: w };
}

function sheetOf(cells: Cells, merges: XLSX.Range[], hidden: number[] = []): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxR = 0;
  let maxC = 0;
  cells.forEach((row, r) => row?.forEach((cell, c) => {
    if (!cell) return;
    ws[XLSX.utils.encode_cell({ r, c })] = cell;
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, c);
  }));
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
  ws['!merges'] = merges;
  if (hidden.length) {
    const cols: XLSX.ColInfo[] = [];
    for (const c of hidden) cols[c] = { hidden: true };
    ws['!cols'] = cols;
  }
  return ws;
}

export interface Book {
  file: string;
  bytes: Uint8Array;
  /** by table kind: the power of ten its amounts were scaled by (stored in 元, keyed in 万元) */
  shift: Record<string, number>;
  /** by table kind: the unit the workbook prints it in */
  units: Record<string, string>;
}

export function renderBook(doc: KeyDoc, shape: BookShape): Book {
  const wb = XLSX.utils.book_new();
  const shift: Record<string, number> = {};
  const units: Record<string, string> = {};
  const tables = doc.tables.map((t) => {
    if (!shape.yuan) return t;
    const s = inUnit(t, '元');
    if (s.shift) shift[t.kind] = s.shift;
    return s.table;
  });
  for (const t of tables) units[t.kind] = t.unit;
  const hidden = (): number[] | undefined => (shape.hiddenColumn ? [] : undefined);
  if (shape.layout === 'sheet-per-table') {
    tables.forEach((t, i) => {
      const cells: Cells = [];
      const merges: XLSX.Range[] = [];
      const h = hidden();
      placeTable(doc, t, cells, merges, 0, 0, false, h);
      XLSX.utils.book_append_sheet(wb, sheetOf(cells, merges, h), `表${i + 1}`);
    });
  } else if (shape.layout === 'stacked') {
    const cells: Cells = [];
    const merges: XLSX.Range[] = [];
    const h = hidden();
    let r = 0;
    for (const t of tables) {
      // one hidden column for the sheet: every table's second column
      r += placeTable(doc, t, cells, merges, r, 0, shape.numberBesideTitle, h).rows + (shape.gap ?? 0);
    }
    XLSX.utils.book_append_sheet(wb, sheetOf(cells, merges, h ? [...new Set(h)] : []), '部门预算公开表');
  } else {
    for (let i = 0; i < tables.length; i += 2) {
      const cells: Cells = [];
      const merges: XLSX.Range[] = [];
      const h = hidden();
      const left = placeTable(doc, tables[i]!, cells, merges, 0, 0, false, h);
      if (tables[i + 1]) placeTable(doc, tables[i + 1]!, cells, merges, 0, left.cols + 1, false, h);
      XLSX.utils.book_append_sheet(wb, sheetOf(cells, merges, h), `表${i + 1}-${i + 2}`);
    }
  }
  const out = XLSX.write(wb, { type: 'array', bookType: shape.format === 'xls' ? 'biff8' : 'xlsx' }) as ArrayBuffer;
  return { file: `${doc.source}.${shape.name}.${shape.format}`, bytes: new Uint8Array(out), shift, units };
}
