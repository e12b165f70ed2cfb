// Document records → the flat records of the datasets (exactly what the CSV files hold). The
// library API returns these, so a program and the CSV see the same values.
import type { Box, DocumentRecord } from '../model/types.js';
import { plain } from '../normalizers/values/numbers.js';
import { createHash } from 'node:crypto';
import { tableToCsvRows } from './table-grid.js';
import { csvField, parseCsvRows, toCsv } from './csv.js';
import { CHECK_COLUMNS, DEFINITION_COLUMNS, FACT_COLUMNS, INDICATOR_COLUMNS, PERFORMANCE_COLUMNS, TABLE_COLUMNS } from './columns.js';
import { BUDGET_LINE_COLUMNS, budgetLines } from './fiscal-lines.js';
import { docHealth } from './health.js';

export interface DocumentRow { doc_id: string; source: string; sha256: string; format: string; pages: string; issuer: string; fiscal_year: string; doc_kind: string; status: string; error: string; n_tables: string; n_facts: string; n_checks_failed: string; n_identities_checked: string; n_money_facts: string; n_verified: string; share_verified: string; n_money_nonzero: string; n_verified_nonzero: string; n_measure_unknown: string; n_tables_unknown: string; standard_tables_missing: string; n_identities_failed: string }
export interface TableRecord { doc_id: string; table_id: string; table_kind: string; table_no: string; title: string; unit: string; page_first: string; page_last: string; n_rows: string; n_cols: string; method: string; n_facts: string; checks_failed: string; flags: string; kind_evidence: string }
export interface FactRow { doc_id: string; table_id: string; table_kind: string; section: string; code: string; code_system: string; item: string; canonical_name: string; level: string; parent_code: string; cofog: string; measure: string; measure_label: string; value: string; unit: string; amount_yuan: string; page: string; flags: string; code_source: string; verified: string; bbox_x0: string; bbox_y0: string; bbox_x1: string; bbox_y1: string; source_ref: string; value_extracted?: string }
export interface CheckRow { doc_id: string; table_id: string; check_id: string; severity: string; subject: string; expected: string; actual: string; message: string }
export interface PerformanceRow { form_id: string; doc_id: string; table_id: string; form_kind: string; title: string; project: string; issuer: string; implementing_unit: string; year: string; budget_initial: string; budget_full_year: string; executed: string; execution_rate: string; funds_weight: string; funds_score: string; total_score: string; grade: string; page: string; flags: string }
export interface IndicatorRow { form_id: string; doc_id: string; seq: string; level1: string; level2: string; level3: string; target_operator: string; target: string; target_unit: string; actual: string; weight: string; score: string; deviation_reason: string; page: string; flags: string }
export interface DefinitionRow { doc_id: string; code: string; name: string; definition: string; fiscal_year: string; page: string }

export interface Dataset {
  documents: DocumentRow[];
  tables: TableRecord[];
  facts: FactRow[];
  checks: CheckRow[];
  performance: PerformanceRow[];
  indicators: PerformanceIndicatorRows;
  definitions: DefinitionRow[];
  /** per table, the reconstructed grid as CSV rows (header row first) */
  grids: { doc_id: string; table_id: string; rows: string[][] }[];
}
type PerformanceIndicatorRows = IndicatorRow[];

const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** a coordinate in points as a decimal string to 0.01 pt (never `-0.00`) */
function pt(v: number): string {
  const t = v.toFixed(2);
  return t === '-0.00' ? '0.00' : t;
}

/** facts.csv bbox_x0..bbox_y1: the box of the printed value, empty where there is none */
function boxColumns(b: Box | undefined): { bbox_x0: string; bbox_y0: string; bbox_x1: string; bbox_y1: string } {
  if (!b) return { bbox_x0: '', bbox_y0: '', bbox_x1: '', bbox_y1: '' };
  return { bbox_x0: pt(b.x0), bbox_y0: pt(b.y0), bbox_x1: pt(b.x1), bbox_y1: pt(b.y1) };
}

export function recordsOf(doc: DocumentRecord): Dataset {
  const failedByTable = new Map<string, number>();
  for (const c of doc.checks) if (c.severity !== 'info') failedByTable.set(c.table_id, (failedByTable.get(c.table_id) ?? 0) + 1);
  const factsByTable = new Map<string, number>();
  for (const f of doc.facts) factsByTable.set(f.table_id, (factsByTable.get(f.table_id) ?? 0) + 1);
  return {
    documents: [{
      doc_id: doc.doc_id, source: doc.source, sha256: doc.sha256, format: doc.format, pages: s(doc.pages),
      issuer: doc.issuer, fiscal_year: doc.fiscal_year, doc_kind: doc.doc_kind, status: doc.status, error: doc.error,
      n_tables: s(doc.tables.length), n_facts: s(doc.facts.length), n_checks_failed: s(doc.checks.filter((c) => c.severity !== 'info').length), n_identities_checked: s(doc.identities_checked ?? 0),
      ...docHealth(doc),
    }],
    tables: doc.tables.map((t) => ({
      doc_id: doc.doc_id, table_id: t.table_id, table_kind: t.table_kind, table_no: t.table_no, title: t.title, unit: t.unit,
      page_first: s(t.page_first), page_last: s(t.page_last), n_rows: s(t.grid.rows.length - t.headerRows), n_cols: s(t.header.length),
      method: t.method, n_facts: s(factsByTable.get(t.table_id) ?? 0), checks_failed: s(failedByTable.get(t.table_id) ?? 0), flags: t.flags.join(';'), kind_evidence: t.kind_evidence ?? '',
    })),
    facts: doc.facts.map((f) => ({
      doc_id: f.doc_id, table_id: f.table_id, table_kind: f.table_kind, section: f.section, code: f.code, code_system: f.code_system,
      item: f.item, canonical_name: f.canonical_name, level: f.level, parent_code: f.parent_code, cofog: f.cofog, measure: f.measure,
      measure_label: f.measure_label, value: f.scale !== undefined ? f.value.toFixed(f.scale) : plain(f.value), unit: f.unit, amount_yuan: f.amount_yuan ? plain(f.amount_yuan) : '',
      page: s(f.page), flags: [...new Set(f.flags)].join(';'), code_source: f.code_source, verified: f.verified ? 'true' : 'false', row_group: f.row_group ?? '', secondary_code: f.secondary_code ?? '',
      ...boxColumns(f.box), source_ref: f.source_ref ?? '', value_extracted: f.value_extracted ?? '',
    })),
    checks: doc.checks.map((c) => ({ doc_id: c.doc_id, table_id: c.table_id, check_id: c.check_id, severity: c.severity, subject: c.subject, expected: c.expected, actual: c.actual, message: c.message })),
    performance: doc.performance.map((p) => ({
      form_id: p.form_id, doc_id: p.doc_id, table_id: p.table_id, form_kind: p.form_kind, title: p.title, project: p.project, issuer: p.issuer,
      implementing_unit: p.implementing_unit, year: p.year, budget_initial: p.budget_initial, budget_full_year: p.budget_full_year, executed: p.executed,
      execution_rate: p.execution_rate, funds_weight: p.funds_weight, funds_score: p.funds_score, total_score: p.total_score, grade: p.grade, page: s(p.page), flags: p.flags.join(';'),
    })),
    indicators: doc.indicators.map((i) => ({
      form_id: i.form_id, doc_id: i.doc_id, seq: s(i.seq), level1: i.level1, level2: i.level2, level3: i.level3, target_operator: i.target_operator,
      target: i.target, target_unit: i.target_unit, actual: i.actual, weight: i.weight, score: i.score, deviation_reason: i.deviation_reason, page: s(i.page), flags: i.flags.join(';'),
    })),
    definitions: doc.definitions.map((d) => ({ doc_id: d.doc_id, code: d.code, name: d.name, definition: d.definition, fiscal_year: d.fiscal_year, page: s(d.page) })),
    grids: doc.tables.map((t) => ({ doc_id: doc.doc_id, table_id: t.table_id, rows: tableToCsvRows(t) })),
  };
}

export function emptyDataset(): Dataset {
  return { documents: [], tables: [], facts: [], checks: [], performance: [], indicators: [], definitions: [], grids: [] };
}

/** (no push(...list): a document may hold millions of facts, past the arguments a call can take) */
export function appendDataset(into: Dataset, from: Dataset): void {
  const add = <T>(to: T[], list: readonly T[]): void => { for (const x of list) to.push(x); };
  add(into.documents, from.documents);
  add(into.tables, from.tables);
  add(into.facts, from.facts);
  add(into.checks, from.checks);
  add(into.performance, from.performance);
  add(into.indicators, from.indicators);
  add(into.definitions, from.definitions);
  add(into.grids, from.grids);
}

/** One document's share of every dataset file, already serialised (CSV rows without the header,
 *  its facts.json entries, its table grids): the output is the concatenation of these in source
 *  order, so a reused document costs a read, not a parse and a re-serialisation. `doc` is the
 *  documents.csv row as the document printed it (source and manifest metadata are applied when
 *  the dataset is assembled); budget_lines were derived from its own fiscal_year and issuer. */
export interface DocBlocks {
  doc: DocumentRow;
  counts: { tables: number; facts: number; checks_failed: number; performance: number; indicators: number };
  tables: string; facts: string; checks: string; performance: string; indicators: string; definitions: string;
  budget_lines: string;
  /** the facts as facts.json prints them (indented two levels, joined by `,\n`); '' when none */
  facts_json: string;
  grids: { doc_id: string; table_id: string; csv: string }[];
  /** a hash of `grids` (tables/<doc_id>/ as written): an unchanged folder is carried over, not rewritten */
  grids_hash?: string;
}

export function gridsHashOf(grids: DocBlocks['grids']): string {
  const h = createHash('sha256');
  for (const g of grids) h.update(`${g.doc_id}\u0000${g.table_id}\u0000${g.csv.length}\u0000`).update(g.csv);
  return h.digest('hex').slice(0, 32);
}

function csvRowsOf<T extends object>(records: readonly T[], columns: readonly string[]): string {
  let out = '';
  for (const r of records) out += columns.map((c) => csvField(String((r as Record<string, unknown>)[c] ?? ''))).join(',') + '\n';
  return out;
}

function factsJsonOf(facts: readonly FactRow[]): string {
  if (facts.length === 0) return '';
  const s = JSON.stringify({ facts }, null, 1);
  // '{\n "facts": [\n' … '\n ]\n}'
  return s.slice('{\n "facts": [\n'.length, s.length - '\n ]\n}'.length);
}

export function budgetLinesBlockOf(ds: Dataset): string {
  return csvRowsOf(budgetLines(ds), BUDGET_LINE_COLUMNS);
}

export function blocksOf(ds: Dataset): DocBlocks {
  const b: DocBlocks = {
    doc: { ...ds.documents[0]! },
    counts: { tables: ds.tables.length, facts: ds.facts.length, checks_failed: ds.checks.filter((c) => c.severity !== 'info').length, performance: ds.performance.length, indicators: ds.indicators.length },
    tables: csvRowsOf(ds.tables, TABLE_COLUMNS),
    facts: csvRowsOf(ds.facts, FACT_COLUMNS),
    checks: csvRowsOf(ds.checks, CHECK_COLUMNS),
    performance: csvRowsOf(ds.performance, PERFORMANCE_COLUMNS),
    indicators: csvRowsOf(ds.indicators, INDICATOR_COLUMNS),
    definitions: csvRowsOf(ds.definitions, DEFINITION_COLUMNS),
    budget_lines: budgetLinesBlockOf(ds),
    facts_json: factsJsonOf(ds.facts),
    grids: ds.grids.map((g) => { const [head = [], ...rest] = g.rows; return { doc_id: g.doc_id, table_id: g.table_id, csv: toCsv(head, rest) }; }),
  };
  b.grids_hash = gridsHashOf(b.grids);
  return b;
}

/** CSV rows without a header (a block) → records keyed by `columns` */
function recordsOfBlock<T>(block: string, columns: readonly string[]): T[] {
  return parseCsvRows(block).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ''])) as T);
}

/** A document's records rebuilt from its blocks (what the state keeps instead of the records). */
export function datasetOfBlocks(b: DocBlocks): Dataset {
  return {
    documents: [{ ...b.doc }],
    tables: recordsOfBlock<TableRecord>(b.tables, TABLE_COLUMNS),
    facts: recordsOfBlock<FactRow>(b.facts, FACT_COLUMNS),
    checks: recordsOfBlock<CheckRow>(b.checks, CHECK_COLUMNS),
    performance: recordsOfBlock<PerformanceRow>(b.performance, PERFORMANCE_COLUMNS),
    indicators: recordsOfBlock<IndicatorRow>(b.indicators, INDICATOR_COLUMNS),
    definitions: recordsOfBlock<DefinitionRow>(b.definitions, DEFINITION_COLUMNS),
    grids: b.grids.map((g) => ({ doc_id: g.doc_id, table_id: g.table_id, rows: parseCsvRows(g.csv) })),
  };
}
