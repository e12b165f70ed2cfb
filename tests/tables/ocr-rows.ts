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

/** A 部门预算's 收入总表 never tuned on, as OCR read a photocopy-like scan of it (重庆市商务委员会 2026,
 *  the unseen photocopy-200 condition of the OCR bench; the header's two rows read as one; cells as
 *  read): its 类 code `20i`, its last header `其他` (ocr-glued-codes.test.ts, ocr-header-prefix.test.ts) */
export const CQ_INCOME_HEAD = ['科目编码', '科目名称', '总计', '一般公共预算拔款收入', '，政府性基金预算拨款收入', '，国有资本经营预算拨款收入', '，财政专户管理资金收入', '事业收入', '上级补助收入', '附属单位。一缴收入', '事业单位经营收入收入', '其他'];
export const CQ_INCOME_ROWS = [
  ['合计', '', '174,900.64', '101,833.84', '41,534.73', '', '22,070.82', '2,461.25', '', '', '6,282.98', '717.01'],
  ['20i', '一般公共服动支出', '23103.76', '16,4604 23', '', '', '', '59.70', '', '', '5,727.32', '112.51'],
  ['20113', '商赋事务', '23,103.76', '16,604.23', '', '', '', '659.70', '', '', '5,727.32', '112.51'],
  ['2011301', '行政技行', '6,231.54', '6,231.54', '', '', '', '', '', '', '', ''],
  ['2011302', '一般行故管理事务', '3065.17', '2,958.79', '', '', '', '', '', '', '', '106.38'],
  ['2011350', '事业运行', '8,945.61', '2,732.59', '', '', '', '484.70', '', '', '5,727.32', '1.00'],
  ['2011399', '其他商宸事务支出', '3,315.31', '3135.18', '', '', '', '175.00', '', '', '', '5.13'],
];
