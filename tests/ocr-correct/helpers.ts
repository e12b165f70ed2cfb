// Constructed DocumentRecords for the OCR-correction tests: one 支出决算表 (expenditure) whose rows
// are 合计, 201, 20101, 2010101, 2010102, 20102, 2010201, columns 合计 = 基本 + 项目.
import { Decimal } from 'decimal.js';
import type { DocumentRecord, Fact, GridMethod, Table, TableRow } from '../../model/types.js';
import { parseNumber } from '../../normalizers/values/numbers.js';
import { runChecks } from '../../normalizers/checks/index.js';
import { correctOcr } from '../../normalizers/ocr-correct/index.js';
import type { Taxonomy } from '../../normalizers/taxonomy/index.js';

export const MEASURES = ['expenditure_total', 'basic', 'project'] as const;

/** rows: [code, item, total, basic, project] as printed (a number may be misread) */
export type Row = [string, string, string, string, string];

export const PRINTED: Row[] = [
  ['', '合计', '1,234.56', '1,000.06', '234.50'],
  ['201', '一般公共服务支出', '1,234.56', '1,000.06', '234.50'],
  ['20101', '人大事务', '834.56', '700.06', '134.50'],
  ['2010101', '行政运行', '700.06', '700.06', '0.00'],
  ['2010102', '一般行政管理事务', '134.50', '0.00', '134.50'],
  ['20102', '政协事务', '400.00', '300.00', '100.00'],
  ['2010201', '行政运行', '400.00', '300.00', '100.00'],
];

function parsed(raw: string): { value: Decimal; scale: number } {
  const p = parseNumber(raw);
  if (!p) throw new Error(`not a number: ${raw}`);
  return p;
}

/** A record with one table (method `method`) holding `rows` ([code, item, …one value per measure]). */
export function makeDoc(rows: readonly (readonly string[])[], method: GridMethod = 'ocr', measures: readonly string[] = MEASURES): DocumentRecord {
  const tableRows: TableRow[] = [];
  const facts: Fact[] = [];
  rows.forEach(([code = '', item = '', ...vals], i) => {
    const rowIndex = i + 2;
    const tr: TableRow = { rowIndex, block: 0, section: '', code, item, values: [], page: 3, flags: [] };
    vals.forEach((raw, j) => {
      if (!raw) return;
      const measure = measures[j]!;
      tr.values.push({ col: j + 2, measure, measure_label: measure, raw });
      const { value, scale } = parsed(raw);
      facts.push({
        doc_id: 'd1', table_id: 't001', table_kind: 'expenditure', section: '', code, code_system: code ? 'function' : '', item,
        canonical_name: '', level: '', parent_code: '', cofog: '', measure, measure_label: measure, value, scale,
        unit: '万元', amount_yuan: value.times(10000), page: 3, flags: [], code_source: code ? 'printed' : '', row: rowIndex, col: j + 2,
      });
    });
    tableRows.push(tr);
  });
  const table: Table = {
    table_id: 't001', table_kind: 'expenditure', table_no: '公开03表', title: '支出决算表', unit: '万元', page_first: 3, page_last: 3,
    method, header: [], columns: [], rows: tableRows, grid: { rows: [], method }, headerRows: 2, notes: [], flags: [],
  };
  return {
    doc_id: 'd1', source: 'x.pdf', sha256: '', format: 'pdf-scanned', issuer: '', fiscal_year: '2024', doc_kind: 'final_accounts', status: 'ok',
    error: '', bytes: 0, blocks: [], tables: [table], facts, checks: [], performance: [], indicators: [], definitions: [], messages: [], timings: {},
  };
}

/** PRINTED with one cell replaced: row index into PRINTED, column 0..2 (total, basic, project). */
export function misread(row: number, col: number, text: string, base: Row[] = PRINTED): Row[] {
  return base.map((r, i) => (i === row ? (r.map((v, j) => (j === col + 2 ? text : v)) as Row) : r));
}

export const fact = (doc: DocumentRecord, code: string, measure: string, item = ''): Fact =>
  doc.facts.find((f) => f.code === code && f.measure === measure && (!item || f.item === item))!;

/** A record of `rows` as the OCR stage leaves it before cells are read again: its facts with boxes
 *  (by row and column), its checks run and the one-cell repairs done. */
export function scanned(rows: readonly (readonly string[])[], tax: Taxonomy): DocumentRecord {
  const doc = makeDoc(rows);
  for (const f of doc.facts) f.box = { x0: f.col * 100, y0: f.row * 20, x1: f.col * 100 + 60, y1: f.row * 20 + 10 };
  doc.checks = runChecks(doc, tax);
  doc.checks = correctOcr(doc, tax, doc.checks);
  return doc;
}
