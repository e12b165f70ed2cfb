// The three researcher questions README.md shows for `fiscal-extract query` (README quotes each
// SQL verbatim; tests/query/query.test.ts checks that and runs them; the scale bench times them).
export const README_QUESTIONS = [
  {
    name: '卫生健康支出 (function class 210) by city and year',
    sql: `SELECT coalesce(nullif(regexp_extract(issuer, '([^省区]+?市)', 1), ''), issuer) AS city, fiscal_year, sum(amount_yuan) AS health_yuan, count(DISTINCT doc_id) AS documents FROM facts WHERE code = '210' AND table_kind = 'expenditure' AND measure = 'expenditure_total' GROUP BY ALL ORDER BY city, fiscal_year`,
  },
  {
    name: '三公 spending of one department over years',
    sql: `SELECT fiscal_year, measure, amount_yuan FROM facts WHERE issuer = '辽宁省盘锦市医疗保障局' AND table_kind = 'three_public_expenses' AND item LIKE '%合计%' ORDER BY fiscal_year, measure`,
  },
  {
    name: 'every fact that failed an identity',
    sql: `SELECT doc_id, issuer, fiscal_year, table_id, code, item, measure, value, flags FROM facts WHERE list_has_any(string_split(flags, ';'), ['hierarchy_sum', 'column_sum', 'balance', 'cross_table_total', 'side_sum', 'grand_total', 'class_sum', 'three_public_sum', 'printed_total']) ORDER BY ALL`,
  },
] as const;
