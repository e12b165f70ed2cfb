// A Frictionless Tabular Data Package descriptor for the CSV resources (SCHEMA.md is the prose
// version), with Fiscal Data Package-style roles (`columnType`) on the columns that carry them.
// Deterministic: nothing in it depends on the run (no dates), so the same inputs give the same bytes.
import { CHECK_COLUMNS, DEFINITION_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, INDICATOR_COLUMNS, PERFORMANCE_COLUMNS, TABLE_COLUMNS } from './columns.js';
import { BUDGET_LINE_COLUMNS } from './fiscal-lines.js';

const TYPES: Record<string, string> = {
  value: 'number', amount_yuan: 'number', amount: 'number', pages: 'integer', page: 'integer', page_first: 'integer', page_last: 'integer',
  n_rows: 'integer', n_cols: 'integer', n_tables: 'integer', n_facts: 'integer', n_checks_failed: 'integer', n_identities_checked: 'integer', checks_failed: 'integer', seq: 'integer',
  n_money_facts: 'integer', n_verified: 'integer', share_verified: 'number', n_money_nonzero: 'integer', n_verified_nonzero: 'integer', n_measure_unknown: 'integer', n_tables_unknown: 'integer', n_identities_failed: 'integer',
  verified: 'boolean',
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

export function datapackage() {
  return {
    profile: 'tabular-data-package',
    name: 'fiscal-extract-output',
    title: 'Chinese government budget disclosures, extracted by fiscal-extract',
    description: 'Tables, facts and checks read from 部门预算 / 部门决算 / 绩效自评 disclosures; every number carries its document, page and table. budget_lines.csv holds the money facts as Fiscal Data Package-style budget lines.',
    keywords: ['budget', 'fiscal', 'China', '部门预算', '部门决算', 'fiscal-data-package'],
    resources: [
      resource('documents', DOCUMENT_COLUMNS, { primaryKey: ['doc_id'] }),
      resource('tables', TABLE_COLUMNS, { primaryKey: ['doc_id', 'table_id'], foreignKeys: toDocuments }),
      resource('facts', FACT_COLUMNS, { foreignKeys: toDocuments }),
      resource('checks', CHECK_COLUMNS, { foreignKeys: toDocuments }),
      resource('performance', PERFORMANCE_COLUMNS, { primaryKey: ['form_id'], foreignKeys: toDocuments }),
      resource('performance-indicators', INDICATOR_COLUMNS, { foreignKeys: [{ fields: ['form_id'], reference: { resource: 'performance', fields: ['form_id'] } }] }),
      resource('definitions', DEFINITION_COLUMNS, { foreignKeys: toDocuments }),
      resource('budget-lines', BUDGET_LINE_COLUMNS, { title: 'Budget lines (Fiscal Data Package style)', foreignKeys: toDocuments }),
    ],
  };
}
