// The only module that touches the spreadsheet library (SheetJS CE, npm `@e965/xlsx`): bytes of an
// .xlsx / .xls workbook → sheets of plain cells (value, type, format, SheetJS's formatted text)
// with merges and hidden rows/columns. Everything else works on this shape.
import * as XLSX from '@e965/xlsx';
import { InputError } from '../../model/stages.js';
import { DEFAULT_INPUT_LIMITS, type SpreadsheetLimits } from '../input-limits.js';
import { checkWorkbookZip } from './zip-check.js';

export interface SheetCell {
  /** b boolean, n number, e error, s string, d date */
  t: string;
  v: unknown;
  /** number format code ('General', '#,##0.00', ...) */
  z?: string;
  /** the library's formatted text */
  w?: string;
}

interface MergeRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Sheet {
  name: string;
  hidden: boolean;
  /** rows of cells, 0-based; holes are empty cells */
  cells: (SheetCell | undefined)[][];
  merges: MergeRange[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
}

/** The workbook's sheets. Limits (`limits.spreadsheet`): an XLSX zip is sized before anything is
 *  inflated, and a sheet with more than `maxRows` rows refuses the workbook (InputError, one line). */
export function readWorkbook(bytes: Uint8Array, limits: SpreadsheetLimits = DEFAULT_INPUT_LIMITS.spreadsheet): Sheet[] {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) checkWorkbookZip(bytes, limits);
  let wb: XLSX.WorkBook;
  try {
    // one row past the limit tells a sheet over it; SheetJS keeps no more
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellText: true, cellStyles: true, cellDates: false, cellFormula: false, cellHTML: false, sheetRows: limits.maxRows + 1 });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw new InputError('the workbook is password-protected: open it in Excel and save it without a password');
    throw new InputError(`the workbook cannot be read (${msg.split('\n')[0]!.slice(0, 120)}): re-save it as .xlsx`);
  }
  const meta = wb.Workbook?.Sheets ?? [];
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name]!;
    const data = ((ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    if (data.length > limits.maxRows) throw new InputError(`sheet ${name} has more than ${limits.maxRows} rows (limits.spreadsheet.maxRows): not read; split the sheet or raise the limit`);
    const cells: (SheetCell | undefined)[][] = [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      const out: (SheetCell | undefined)[] = [];
      if (row) {
        for (let c = 0; c < row.length; c++) {
          const cell = row[c];
          if (!cell || cell.t === 'z') continue;
          const sc: SheetCell = { t: cell.t, v: cell.v };
          if (typeof cell.z === 'string') sc.z = cell.z;
          if (typeof cell.w === 'string') sc.w = cell.w;
          out[c] = sc;
        }
      }
      cells.push(out);
    }
    const merges = (ws['!merges'] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
    const hiddenRows = new Set<number>();
    (ws['!rows'] ?? []).forEach((r, idx) => { if (r?.hidden) hiddenRows.add(idx); });
    const hiddenCols = new Set<number>();
    (ws['!cols'] ?? []).forEach((c, idx) => { if (c?.hidden) hiddenCols.add(idx); });
    return { name, hidden: (meta[i]?.Hidden ?? 0) !== 0, cells, merges, hiddenRows, hiddenCols };
  });
}
