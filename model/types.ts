// The data model every stage shares. Formats differ only up to `Block[]`; from there on (table
// understanding, normalization, checks, datasets) everything is written once.
import type { Decimal } from 'decimal.js';

/** What the bytes are (detected, never guessed from the extension). */
export type Format = 'pdf-text' | 'pdf-scanned' | 'image' | 'html' | 'text' | 'xlsx' | 'xls' | 'unknown';

export type DocKind = 'final_accounts' | 'budget' | 'performance_evaluation' | 'other';

export type DocStatus = 'ok' | 'partial' | 'failed';

export type Severity = 'error' | 'warning' | 'info';

/** A box in page space, PDF points, origin top-left, y grows downwards. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One positioned piece of text on a page (pdf.js text item, OCR word). */
export interface Token {
  text: string;
  box: Box;
  fontSize: number;
  fontName?: string;
  bold?: boolean;
  /** OCR confidence 0..100; absent for a text layer */
  confidence?: number;
  /** where each character begins along x, and (last) where the text ends: for a text-layer token
   *  that sets a figure among other characters (收入19572.91万元), so the figure's own box is known */
  charX?: number[];
}

/** A positioned piece of a line of text (a token): the line's prose facts get their figure's box
 *  from it. */
export interface LinePart {
  text: string;
  box: Box;
  charX?: number[];
}

/** A straight ruling line (stroked path or thin filled rectangle), page space. */
export interface Ruling {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** line width in points */
  width: number;
}

/** What a positional extractor (pdf, ocr) yields per page: input to the layout stage. */
export interface PageContent {
  page: number; // 1-based
  width: number;
  height: number;
  rotation: number;
  tokens: Token[];
  rulings: Ruling[];
  /** true when the page has no usable text layer (needs OCR) */
  needsOcr?: boolean;
}

/** One cell of a reconstructed grid. Merged areas: the origin cell carries the text and the span;
 *  the covered cells are present with `text: ''` and `mergedFrom` pointing at the origin. */
export interface GridCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  mergedFrom?: [number, number];
  page?: number;
  /** the cell's area on its page (lattice bounds) */
  box?: Box;
  /** the box of the text printed in the cell (the union of its tokens: text-layer items or OCR
   *  words), page space; absent for an empty cell */
  textBox?: Box;
  /** where the cell sits in a source without pages: `Sheet!C7` (workbook), `table[3]!r5c2` (HTML;
   *  extractors/source-ref.ts) */
  ref?: string;
  bold?: boolean;
  /** OCR confidence 0..100 where the cell came from OCR */
  confidence?: number;
}

export type GridMethod = 'text' | 'ruled' | 'unruled' | 'ocr' | 'html' | 'xlsx';

/** A table as cells in rows: the meeting point of every format. Rows may be ragged (a text dump
 *  prints fewer cells when a label spans columns); understanding copes with that. */
export interface RawGrid {
  rows: GridCell[][];
  method: GridMethod;
  page_first?: number;
  page_last?: number;
  /** for each row, the page it is printed on, where the format has pages */
  rowPages?: number[];
  /** extraction notes for this grid (uncertain reconstruction, etc.) */
  notes?: string[];
  /** OCR: the header rows a continuation page printed again (dropped from `rows`), one list of
   *  rows per page — other readings of the same header words */
  repeatedHeaders?: string[][][];
}

/** A document's content in reading order: free text lines and grids. Title, unit and 公开NN表
 *  lines sit in the line blocks before a grid. */
export type Block =
  | { kind: 'line'; text: string; page?: number; heading?: boolean; parts?: LinePart[] }
  | { kind: 'grid'; grid: RawGrid; page?: number };

/** A message collected while a document travels through the stages (vfile style). */
export interface Message {
  stage: string;
  severity: Severity;
  text: string;
  table_id?: string;
}

/** The column roles that table understanding assigns. */
export type ColumnRole = 'code' | 'code_part' | 'name' | 'label' | 'measure' | 'row_no' | 'secondary_code' | 'ignore';

export interface ColumnSpec {
  index: number;
  role: ColumnRole;
  /** the flattened header as printed: multi-level joined with ' / ' */
  header: string;
  /** canonical measure id for role 'measure' ('' when the header is not recognised) */
  measure?: string;
  /** block index for side-by-side / two-sided tables */
  block: number;
  /** section name for the block ('income', 'expenditure', 'personnel', 'public'), '' if none */
  section: string;
  /** how the measure id was found: the kind's vocabulary, generic header words, a prior-year
   *  column, the column-sum test, a source of funds that parts two columns, or not at all */
  measure_evidence?: 'kind' | 'generic' | 'prior_year' | 'sum' | 'source' | 'none' | 'layout' | 'fuzzy';
  /** two columns named the same measure and nothing told them apart: neither keeps the id */
  measure_conflict?: boolean;
}

/** One data row of an understood table, per block. */
export interface TableRow {
  rowIndex: number;
  block: number;
  section: string;
  code: string; // as printed (joined from 类/款/项 parts when split), '' if none
  item: string; // label as printed, white space removed
  /** the code of a second classification printed beside the row's own (政府经济科目 50101 beside
   *  部门经济科目 30101) */
  secondary_code?: string;
  /** `cell`: the column in `grid.rows[rowIndex]` of the cell the value was printed in (col is the
   *  column of the understood table, which a short or spread row may place elsewhere); `marks`:
   *  (OCR) what was read beside the number's digits and dropped (Sd for `Sd1,202.92`, - for `60. 87-`) */
  values: { col: number; measure: string; measure_label: string; raw: string; cell?: number; marks?: string }[];
  page?: number;
  bold?: boolean;
  /** flags raised while reading the row (layout_shifted, value_missing, ...) */
  flags: string[];
  /** a split code whose parts above were not read (OCR): the level and part this row printed */
  code_hint?: { level: '款' | '项'; part: string };
}

export interface Table {
  table_id: string;
  table_kind: string;
  table_no: string;
  title: string;
  unit: string;
  page_first?: number;
  page_last?: number;
  method: GridMethod;
  header: string[];
  columns: ColumnSpec[];
  rows: TableRow[];
  grid: RawGrid;
  /** header row count in grid */
  headerRows: number;
  /** notes such as 本表无数据 / 没有…安排的支出 printed with the table */
  notes: string[];
  flags: string[];
  /** the signals the kind was chosen on (title, codes, headers), short */
  kind_evidence?: string;
}

export interface Fact {
  doc_id: string;
  table_id: string;
  table_kind: string;
  section: string;
  code: string;
  code_system: string;
  item: string;
  canonical_name: string;
  level: string;
  parent_code: string;
  cofog: string;
  measure: string;
  measure_label: string;
  value: Decimal;
  /** decimals as printed, so `0.00` is written `0.00` */
  scale?: number;
  unit: string;
  amount_yuan: Decimal | null;
  page?: number;
  flags: string[];
  /** 'printed' when the code is in the document, 'resolved' when derived from the name */
  code_source: '' | 'printed' | 'resolved';
  /** where a table prints its rows again for each unit of the department (a row naming the unit,
   *  then the unit's own 类/款/项): that unit row's label, for every row of its block; where a
   *  label is printed more than once in a section: each print's heading or `#n` (SCHEMA.md) */
  row_group?: string;
  /** (not written) the unit part of row_group alone: the tree a hierarchy check adds up in */
  unit_group?: string;
  /** the code of a second classification printed on the row beside its own (政府经济科目 50101
   *  beside 部门经济科目 30101: a row per pair) */
  secondary_code?: string;
  row: number;
  col: number;
  /** the box of the printed value on page `page` (PDF points, origin top left): facts read from a
   *  text layer or by OCR */
  box?: Box;
  /** the cell of a workbook or HTML table the value was read from (`Sheet!C7`, `table[3]!r5c2`) */
  source_ref?: string;
  /** true when an accounting identity that holds includes this fact (normalizers/checks/verify.ts) */
  verified?: boolean;
  /** the value as read, where a reviewer's correction replaced it (normalizers/corrections) */
  value_extracted?: string;
}

export interface CheckResult {
  doc_id: string;
  table_id: string;
  check_id: string;
  severity: Severity;
  subject: string;
  expected: string;
  actual: string;
  message: string;
  /** indices into the document's fact list that this check involves */
  factRefs?: number[];
}

export interface PerformanceForm {
  form_id: string;
  doc_id: string;
  table_id: string;
  form_kind: 'project' | 'department';
  title: string;
  project: string;
  issuer: string;
  implementing_unit: string;
  year: string;
  budget_initial: string;
  budget_full_year: string;
  executed: string;
  execution_rate: string;
  funds_weight: string;
  funds_score: string;
  total_score: string;
  grade: string;
  page?: number;
  flags: string[];
}

export interface PerformanceIndicator {
  form_id: string;
  doc_id: string;
  seq: number;
  level1: string;
  level2: string;
  level3: string;
  target_operator: string;
  target: string;
  target_unit: string;
  actual: string;
  weight: string;
  score: string;
  deviation_reason: string;
  page?: number;
  flags: string[];
}

/** A code definition collected from a 名词解释 section: input to the taxonomy. */
export interface CodeDefinition {
  doc_id: string;
  code: string;
  name: string;
  definition: string;
  fiscal_year: string;
  page?: number;
}

/** The document record that travels through the stages. */
export interface DocumentRecord {
  doc_id: string;
  source: string;
  sha256: string;
  format: Format;
  pages?: number;
  issuer: string;
  fiscal_year: string;
  doc_kind: DocKind;
  status: DocStatus;
  error: string;
  bytes: number;
  blocks: Block[];
  tables: Table[];
  facts: Fact[];
  checks: CheckResult[];
  performance: PerformanceForm[];
  indicators: PerformanceIndicator[];
  definitions: CodeDefinition[];
  messages: Message[];
  timings: Record<string, number>;
  /** accounting identities evaluated by the check stage (held or not) */
  identities_checked?: number;
  /** the time limit cut the reading short (pages not read, or the document given up): the result
   *  depends on the run, so it is not stored and the document is read again next run */
  timedOut?: boolean;
  /** pages read by OCR: the resolution read at and that of the image (run.json `ocr`) */
  ocrPages?: { page: number; dpi: number; imageDpi: number }[];
}
