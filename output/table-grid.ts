// A table as reconstructed, for tables/<doc_id>/<table_id>.csv: one header row (multi-level
// headers joined with ' / '), then the data rows as printed (merged cells filled).
import type { Table } from '../model/types.js';
import { alignRows, tableWidth } from '../normalizers/tables/header.js';

export function tableToCsvRows(t: Table): string[][] {
  const raw = t.grid.rows.map((r) => r.map((c) => (c.mergedFrom ? (t.grid.rows[c.mergedFrom[0]]?.[c.mergedFrom[1]]?.text ?? '') : c.text)));
  const width = Math.max(tableWidth(raw), t.header.length);
  const rows = alignRows(raw, width).slice(t.headerRows);
  const header = Array.from({ length: width }, (_, i) => t.header[i] ?? '');
  return [header, ...rows.map((r) => r.map((c) => c.replace(/\s*\n\s*/g, '').trim()))];
}
