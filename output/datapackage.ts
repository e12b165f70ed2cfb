// A Frictionless Tabular Data Package descriptor for the CSV resources and, when written, the
// partitioned Parquet ones (SCHEMA.md is the prose version), with Fiscal Data Package-style roles (`columnType`) on the columns that carry them.
// Deterministic: nothing in it depends on the run (no dates), so the same inputs give the same bytes.
import { CHECK_COLUMNS, DEFINITION_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, INDICATOR_COLUMNS, PERFORMANCE_COLUMNS, TABLE_COLUMNS } from './columns.js';
import { BUDGET_LINE_COLUMNS } from './fiscal-lines.js';
import { DATASET_TABLES, FILE, PARQUET_DIR, PARTITION_KEYS, parquetColumns, type DatasetTable } from './sql-columns.js';

const TYPES: Record<string, string> = {
  value: 'number', value_extracted: 'number', amount_yuan: 'number', amount: 'number', pages: 'integer', page: 'integer', page_first: 'integer', page_last: 'integer',
  n_rows: 'integer', n_cols: 'integer', n_tables: 'integer', n_facts: 'integer', n_checks_failed: 'integer', n_identities_checked: 'integer', checks_failed: 'integer', seq: 'integer',
  n_money_facts: 'integer', n_verified: 'integer', share_verified: 'number', n_money_nonzero: 'integer', n_verified_nonzero: 'integer', n_measure_unknown: 'integer', n_tables_unknown: 'integer', n_identities_failed: 'integer',
  verified: 'boolean',
  bbox_x0: 'number', bbox_y0: 'number', bbox_x1: 'number', bbox_y1: 'number',
};

/** the Frictionless type of a column (the Excel variant leaves number and integer columns alone) */
export function fieldType(resource: string, column: string): string {
  if (column === 'fiscal_year' && (resource === 'documents' || resource === 'budget-lines')) return 'year';
  return TYPES[column] ?? 'string';
}

/** Fiscal Data Package roles (columnType), per resource and column */
const ROLES: Record<string, Record<string, string>> = {
  documents: { fiscal_year: 'date:fiscal-year', issuer: 'administrative-classification:generic:level1:label', doc_kind: 'phase' },
  facts: { value: 'value', amount_yuan: 'value', item: 'activity:generic:label', section: 'direction' },
  'budget-lines': {
    fiscal_year: 'date:fiscal-year', phase: 'phase', phase_label: 'phase:label', direction: 'direction',
    administrative_unit: 'administrative-classification:generic:level1:label',
    functional_l1: 'functional-classification:generic:level1:code', functional_l2: 'functional-classification:generic:level2:code',
    functional_l3: 'functional-classification:generic:level3:code',
    economic_l1: 'economic-classification:generic:level1:code', economic_l2: 'economic-classification:generic:level2:code',
    income_code: 'revenue-classification:generic:code', item: 'activity:generic:label', amount: 'value', currency: 'currency',
  },
};

/** facts.csv: the cell-level provenance columns (SCHEMA.md, facts.csv) */
const BOX = 'PDF points (1/72 in), origin at the top left of page `page`, y down; the box of the printed value’s own text, read from the text layer or by OCR (a prose figure: its characters in the line); empty for facts from HTML, workbooks and text dumps';
const FACT_DESCRIPTIONS: Record<string, string> = {
  bbox_x0: `left edge of the printed value: ${BOX}`, bbox_y0: `top edge of the printed value: ${BOX}`,
  bbox_x1: `right edge of the printed value: ${BOX}`, bbox_y1: `bottom edge of the printed value: ${BOX}`,
  source_ref: 'the cell the value was read from, for workbooks `Sheet!C7` (a sheet name other than one word quoted: `\'2024 决算\'!C7`) and for HTML `table[T]!rRcC` (T: the table among all <table> elements in document order, R: its row in table.rows, C: its column counting colspan/rowspan; all 1-based); empty for PDFs, scans and text dumps',
};

const DESCRIPTIONS: Record<string, string> = {
  phase: '`approved` (预算, budget), `adjusted` (调整预算), `executed` (决算, final accounts)',
  direction: '`income` or `expenditure`',
  amount: 'the amount in 元 (CNY), exact decimal',
  functional_l1: '支出功能分类 类 (3 digits)', functional_l2: '支出功能分类 款 (5 digits)', functional_l3: '支出功能分类 项 (7 digits)',
  economic_l1: '支出经济分类 类 (3 digits)', economic_l2: '支出经济分类 款 (5 digits)',
};

const CONSTRAINTS: Record<string, Record<string, { enum: string[] }>> = {
  'budget-lines': { phase: { enum: ['', 'approved', 'adjusted', 'executed'] }, direction: { enum: ['', 'income', 'expenditure'] } },
  documents: { status: { enum: ['ok', 'partial', 'failed'] }, doc_kind: { enum: ['final_accounts', 'budget', 'performance_evaluation', 'other'] } },
};

interface ForeignKey { fields: string[]; reference: { resource: string; fields: string[] } }

function resource(name: string, columns: readonly string[], extra: { primaryKey?: string[]; foreignKeys?: ForeignKey[]; title?: string } = {}) {
  return {
    name,
    path: `${name.replace(/-/g, '_')}.csv`,
    profile: 'tabular-data-resource',
    ...(extra.title ? { title: extra.title } : {}),
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\n', header: true },
    schema: {
      fields: columns.map((c) => {
        const type = fieldType(name, c);
        const role = ROLES[name]?.[c];
        const constraint = CONSTRAINTS[name]?.[c];
        return {
          name: c, type, ...(type === 'number' ? { bareNumber: true } : {}),
          ...(role ? { columnType: role } : {}),
          ...(name === 'budget-lines' && DESCRIPTIONS[c] ? { description: DESCRIPTIONS[c] } : {}),
          ...(name === 'facts' && FACT_DESCRIPTIONS[c] ? { description: FACT_DESCRIPTIONS[c] } : {}),
          ...(constraint ? { constraints: constraint } : {}),
        };
      }),
      missingValues: [''],
      ...(extra.primaryKey ? { primaryKey: extra.primaryKey } : {}),
      ...(extra.foreignKeys ? { foreignKeys: extra.foreignKeys } : {}),
    },
  };
}

const toDocuments: ForeignKey[] = [{ fields: ['doc_id'], reference: { resource: 'documents', fields: ['doc_id'] } }];

/** A dataset file as partitioned Parquet (output/parquet.ts): `path` is its folder, `partitioning`
 *  says how the files under it are laid out; each field carries its exact Parquet (SQL) type. */
function parquetResource(t: DatasetTable) {
  return {
    name: `${t.resource}-parquet`,
    path: `${PARQUET_DIR}/${t.name}/`,
    profile: 'tabular-data-resource',
    title: `${t.name} (Parquet, partitioned by fiscal year and issuer)`,
    format: 'parquet',
    mediatype: 'application/vnd.apache.parquet',
    partitioning: {
      style: 'hive', keys: [...PARTITION_KEYS], files: `${PARTITION_KEYS.map((k) => `${k}=*`).join('/')}/${FILE}`,
      description: 'one folder per fiscal year and issuer (the issuer sanitised for a folder name; the real values are the fiscal_year and issuer columns)',
    },
    schema: {
      fields: parquetColumns(t).map((c) => {
        const type = c.name === 'fiscal_year' && !t.columns.includes('fiscal_year') ? 'year' : fieldType(t.resource, c.name);
        return { name: c.name, type, parquetType: c.type, ...(ROLES[t.resource]?.[c.name] ? { columnType: ROLES[t.resource]![c.name] } : {}) };
      }),
    },
  };
}

/** the descriptor; `csv` (default true): the CSV resources; `parquet`: the Parquet resources */
export function datapackage(formats: { csv?: boolean; parquet?: boolean } = {}) {
  const csv = formats.csv !== false;
  return {
    profile: 'tabular-data-package',
    name: 'fiscal-extract-output',
    title: 'Chinese government budget disclosures, extracted by fiscal-extract',
    description: 'Tables, facts and checks read from 部门预算 / 部门决算 / 绩效自评 disclosures; every number carries its document, page and table. budget_lines.csv holds the money facts as Fiscal Data Package-style budget lines.',
    keywords: ['budget', 'fiscal', 'China', '部门预算', '部门决算', 'fiscal-data-package'],
    resources: [
      ...(csv ? csvResources() : []),
      ...(formats.parquet ? DATASET_TABLES.map(parquetResource) : []),
    ],
  };
}

function csvResources() {
  return [
      resource('documents', DOCUMENT_COLUMNS, { primaryKey: ['doc_id'] }),
      resource('tables', TABLE_COLUMNS, { primaryKey: ['doc_id', 'table_id'], foreignKeys: toDocuments }),
      resource('facts', FACT_COLUMNS, { foreignKeys: toDocuments }),
      resource('checks', CHECK_COLUMNS, { foreignKeys: toDocuments }),
      resource('performance', PERFORMANCE_COLUMNS, { primaryKey: ['form_id'], foreignKeys: toDocuments }),
      resource('performance-indicators', INDICATOR_COLUMNS, { foreignKeys: [{ fields: ['form_id'], reference: { resource: 'performance', fields: ['form_id'] } }] }),
      resource('definitions', DEFINITION_COLUMNS, { foreignKeys: toDocuments }),
      resource('budget-lines', BUDGET_LINE_COLUMNS, { title: 'Budget lines (Fiscal Data Package style)', foreignKeys: toDocuments }),
  ];
}
