// The dataset files as SQL (DuckDB): each column's exact type, derived from the datapackage's
// field types (number → DECIMAL(38,6), integer and year → INTEGER, boolean → BOOLEAN, the rest
// VARCHAR), and the SELECT list that turns CSV text (read as VARCHAR) into those types. Values
// never pass through a JS number; an empty field is NULL (the datapackage's missing value).
import { BUDGET_LINE_COLUMNS } from './fiscal-lines.js';
import { CHECK_COLUMNS, DEFINITION_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, INDICATOR_COLUMNS, PERFORMANCE_COLUMNS, TABLE_COLUMNS } from './columns.js';
import type { DocBlocks } from './records.js';
import { fieldType } from './datapackage.js';

/** decimal places kept in DECIMAL columns; a value with more (non-zero) places is refused, never rounded */
export const DECIMAL_SCALE = 6;
const DECIMAL = `DECIMAL(38,${DECIMAL_SCALE})`;

/** A dataset file: its name (file base name, SQL view name), datapackage resource name, columns,
 *  and where a document's rows come from (its blocks; `documents` from the documents row). */
export interface DatasetTable { name: string; resource: string; columns: readonly string[]; block: Exclude<keyof DocBlocks, 'doc' | 'counts' | 'grids' | 'grids_hash' | 'facts_json'> | 'documents' }

export const DATASET_TABLES: readonly DatasetTable[] = [
  { name: 'documents', resource: 'documents', columns: DOCUMENT_COLUMNS, block: 'documents' },
  { name: 'tables', resource: 'tables', columns: TABLE_COLUMNS, block: 'tables' },
  { name: 'facts', resource: 'facts', columns: FACT_COLUMNS, block: 'facts' },
  { name: 'checks', resource: 'checks', columns: CHECK_COLUMNS, block: 'checks' },
  { name: 'performance', resource: 'performance', columns: PERFORMANCE_COLUMNS, block: 'performance' },
  { name: 'performance_indicators', resource: 'performance-indicators', columns: INDICATOR_COLUMNS, block: 'indicators' },
  { name: 'definitions', resource: 'definitions', columns: DEFINITION_COLUMNS, block: 'definitions' },
  { name: 'budget_lines', resource: 'budget-lines', columns: BUDGET_LINE_COLUMNS, block: 'budget_lines' },
];

/** the SQL type of a column of a datapackage resource */
export function sqlType(resource: string, column: string): string {
  switch (fieldType(resource, column)) {
    case 'number': return DECIMAL;
    case 'integer': case 'year': return 'INTEGER';
    case 'boolean': return 'BOOLEAN';
    default: return 'VARCHAR';
  }
}

export const quoteIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;
export const quoteText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** `col` (VARCHAR, NULL when empty) cast to its column's type */
export function castExpr(resource: string, column: string, expr = quoteIdent(column)): string {
  const t = sqlType(resource, column);
  return t === 'VARCHAR' ? `NULLIF(${expr}, '')` : `CAST(NULLIF(${expr}, '') AS ${t})`;
}

/** read_csv over dataset CSV text: every column VARCHAR, nothing guessed */
export function readCsvSql(path: string, columns: readonly string[]): string {
  const cols = columns.map((c) => `${quoteText(c)}: 'VARCHAR'`).join(', ');
  return `read_csv(${quoteText(path)}, columns = {${cols}}, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, max_line_size = 67108864)`;
}

/** a condition true for a value that DECIMAL(38, DECIMAL_SCALE) cannot hold exactly */
export function inexactDecimal(column: string): string {
  const c = quoteIdent(column);
  return `(NULLIF(${c}, '') IS NOT NULL AND NOT regexp_full_match(${c}, '[+-]?[0-9]{1,${38 - DECIMAL_SCALE}}(\\.[0-9]{0,${DECIMAL_SCALE}}0*)?'))`;
}

/** where the Parquet files are: <out>/parquet/<table>/partition_year=<y>/partition_issuer=<issuer>/data.parquet */
export const PARQUET_DIR = 'parquet';
export const FILE = 'data.parquet';
export const PARTITION_KEYS = ['partition_year', 'partition_issuer'] as const;

/** the columns a Parquet file adds to its dataset file's own: the document's fiscal year and
 *  issuer, where the file has no column of that name */
export function addedColumns(t: DatasetTable): ('fiscal_year' | 'issuer')[] {
  return (['fiscal_year', 'issuer'] as const).filter((c) => !t.columns.includes(c));
}

/** every column of a Parquet file with its SQL type, in file order */
export function parquetColumns(t: DatasetTable): { name: string; type: string }[] {
  return [
    ...t.columns.map((c) => ({ name: c, type: sqlType(t.resource, c) })),
    ...addedColumns(t).map((c) => ({ name: c, type: c === 'fiscal_year' ? 'INTEGER' : 'VARCHAR' })),
  ];
}
