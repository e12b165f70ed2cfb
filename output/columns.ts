// The column lists of every dataset file (the output contract, SCHEMA.md), in one place so the
// writers and the datapackage descriptor cannot disagree.
export const DOCUMENT_COLUMNS = ['doc_id', 'source', 'sha256', 'format', 'pages', 'issuer', 'fiscal_year', 'doc_kind', 'status', 'error', 'n_tables', 'n_facts', 'n_checks_failed', 'n_identities_checked', 'n_money_facts', 'n_verified', 'share_verified', 'n_money_nonzero', 'n_verified_nonzero', 'n_measure_unknown', 'n_tables_unknown', 'standard_tables_missing', 'n_identities_failed'] as const;
export const TABLE_COLUMNS = ['doc_id', 'table_id', 'table_kind', 'table_no', 'title', 'unit', 'page_first', 'page_last', 'n_rows', 'n_cols', 'method', 'n_facts', 'checks_failed', 'flags', 'kind_evidence'] as const;
export const FACT_COLUMNS = ['doc_id', 'table_id', 'table_kind', 'section', 'code', 'code_system', 'item', 'canonical_name', 'level', 'parent_code', 'cofog', 'measure', 'measure_label', 'value', 'unit', 'amount_yuan', 'page', 'flags', 'code_source', 'verified'] as const;
export const CHECK_COLUMNS = ['doc_id', 'table_id', 'check_id', 'severity', 'subject', 'expected', 'actual', 'message'] as const;
export const PERFORMANCE_COLUMNS = ['form_id', 'doc_id', 'table_id', 'form_kind', 'title', 'project', 'issuer', 'implementing_unit', 'year', 'budget_initial', 'budget_full_year', 'executed', 'execution_rate', 'funds_weight', 'funds_score', 'total_score', 'grade', 'page', 'flags'] as const;
export const INDICATOR_COLUMNS = ['form_id', 'doc_id', 'seq', 'level1', 'level2', 'level3', 'target_operator', 'target', 'target_unit', 'actual', 'weight', 'score', 'deviation_reason', 'page', 'flags'] as const;
export const DEFINITION_COLUMNS = ['doc_id', 'code', 'name', 'definition', 'fiscal_year', 'page'] as const;
