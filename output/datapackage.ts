// A Frictionless Data Package descriptor for the CSV resources (SCHEMA.md is the prose version).
import { CHECK_COLUMNS, DEFINITION_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, INDICATOR_COLUMNS, PERFORMANCE_COLUMNS, TABLE_COLUMNS } from './columns.js';

const TYPES: Record<string, string> = {
  value: 'number', amount_yuan: 'number', pages: 'integer', page: 'integer', page_first: 'integer', page_last: 'integer',
  n_rows: 'integer', n_cols: 'integer', n_tables: 'integer', n_facts: 'integer', n_checks_failed: 'integer', checks_failed: 'integer', seq: 'integer',
};

function resource(name: string, columns: readonly string[], primaryKey?: string[]) {
  return {
    name,
    path: `${name.replace(/-/g, '_')}.csv`,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: {
      fields: columns.map((c) => ({ name: c, type: TYPES[c] ?? 'string', ...(TYPES[c] === 'number' ? { bareNumber: true } : {}) })),
      ...(primaryKey ? { primaryKey } : {}),
    },
  };
}

export function datapackage() {
  return {
    profile: 'tabular-data-package',
    name: 'fiscal-extract-output',
    title: 'Chinese government budget disclosures, extracted by fiscal-extract',
    resources: [
      resource('documents', DOCUMENT_COLUMNS, ['doc_id']),
      resource('tables', TABLE_COLUMNS, ['doc_id', 'table_id']),
      resource('facts', FACT_COLUMNS),
      resource('checks', CHECK_COLUMNS),
      resource('performance', PERFORMANCE_COLUMNS, ['form_id']),
      resource('performance-indicators', INDICATOR_COLUMNS),
      resource('definitions', DEFINITION_COLUMNS),
    ],
  };
}
