// Tables as OCR read them, for the table-understanding tests (not a test file itself): rows of
// cell texts understood as one table of a kind.
import { understandTable } from '../../normalizers/tables/understand.js';
import { kindById } from '../../normalizers/tables/kinds.js';
import type { RawGrid, Table } from '../../model/types.js';

/** the table's kind and id, and where it stood (title, unit, page) */
export interface TablePlace {
  kind: string;
  tableId: string;
  title?: string;
  unit?: string;
  page?: number;
  /** the document's fiscal year */
  fiscalYear?: string;
}

/** `rows` of cell texts read by OCR (or by `method`) as one table */
export function understandRows(rows: string[][], o: TablePlace, method: RawGrid['method'] = 'ocr'): Table {
  const grid: RawGrid = { method, rows: rows.map((r) => r.map((text) => ({ text }))) };
  return understandTable({ grid, title: o.title ?? '', table_no: '', unit: o.unit ?? '万元', before: [], notes: [], page: o.page ?? 1 }, kindById(o.kind), o.tableId, o.fiscalYear ? { fiscalYear: o.fiscalYear } : undefined);
}
