// Health figures: per document (documents.csv columns) and over a run (run.json `health`, the
// `report` command, the last line of `ingest`). "Right or flagged": the share of money facts that
// an identity vouches for (verified), the facts whose measure is not known, the tables nobody
// could name, the standard tables not found, the documents where an identity fails.
import { Decimal } from 'decimal.js';
import type { DocumentRecord } from '../model/types.js';
import { readKnowledgeJson } from '../normalizers/knowledge/load.js';
import { IDENTITY_CHECKS } from '../normalizers/checks/verify.js';
import { checkKnowledge } from '../normalizers/checks/knowledge.js';

interface StandardTables {
  kinds: Record<string, string[]>;
  optional?: Record<string, string[]>;
  /** doc_kind → standard table → the kinds that print the same content in another standard form */
  alternatives?: Record<string, Record<string, string[]>>;
}

let std: StandardTables | undefined;
/** normalizers/knowledge/standard-tables.json */
export function standardTables(): StandardTables {
  return (std ??= readKnowledgeJson<StandardTables>('standard-tables.json'));
}

/** The documents.csv columns of the health figures (strings, as written). */
interface DocHealth {
  n_money_facts: string;
  n_verified: string;
  share_verified: string;
  /** the money facts that are not zero, and those of them verified: a zero verifies only beside
   *  identities of its table with non-zero members (verify.ts), so this share says what the
   *  amounts themselves are vouched for */
  n_money_nonzero: string;
  n_verified_nonzero: string;
  n_measure_unknown: string;
  n_tables_unknown: string;
  standard_tables_missing: string;
  n_identities_failed: string;
}

/** a / b as a plain decimal string with 4 places ('' when b is 0) */
export function share(a: number, b: number): string {
  return b === 0 ? '' : new Decimal(a).div(b).toFixed(4);
}

const IDENTITIES = new Set<string>(IDENTITY_CHECKS);

/** The standard tables of a document kind not found among `kinds`: a table found in one of its
 *  alternative forms (standard-tables.json `alternatives`) is found. */
export function standardMissing(docKind: string, kinds: ReadonlySet<string>): string[] {
  const alt = standardTables().alternatives?.[docKind] ?? {};
  return (standardTables().kinds[docKind] ?? []).filter((k) => !kinds.has(k) && !(alt[k] ?? []).some((a) => kinds.has(a)));
}

export function docHealth(doc: DocumentRecord): DocHealth {
  const notMoney = new Set(checkKnowledge().verification?.money_excludes_kinds ?? []);
  const money = doc.facts.filter((f) => f.amount_yuan !== null && !notMoney.has(f.table_kind));
  const verified = money.filter((f) => f.verified).length;
  const nonZero = money.filter((f) => !f.value.isZero());
  const kinds = new Set(doc.tables.map((t) => t.table_kind));
  const missing = doc.status === 'failed' ? [] : standardMissing(doc.doc_kind, kinds);
  return {
    n_money_facts: String(money.length),
    n_verified: String(verified),
    share_verified: share(verified, money.length),
    n_money_nonzero: String(nonZero.length),
    n_verified_nonzero: String(nonZero.filter((f) => f.verified).length),
    // the measure_unknown flag (a header naming none of the kind's measures) or no measure at all
    n_measure_unknown: String(doc.facts.filter((f) => !f.measure || f.flags.includes('measure_unknown')).length),
    n_tables_unknown: String(doc.tables.filter((t) => t.table_kind === 'unknown').length),
    standard_tables_missing: missing.join(';'),
    n_identities_failed: String(doc.checks.filter((c) => c.severity !== 'info' && IDENTITIES.has(c.check_id)).length),
  };
}

/** The figures over a run (run.json `health`). */
export interface RunHealth {
  documents: number;
  money_facts: number;
  verified_money_facts: number;
  /** verified / money facts, plain decimal string ('' without money facts) */
  share_verified: string;
  nonzero_money_facts: number;
  verified_nonzero_money_facts: number;
  /** verified / money facts that are not zero */
  share_verified_nonzero: string;
  facts: number;
  measure_unknown: number;
  share_measure_unknown: string;
  tables: number;
  tables_unknown: number;
  /** table_kind → documents (of the kind that requires it) where it was not found */
  docs_missing_table: Record<string, number>;
  /** documents missing at least one standard table that is not optional */
  docs_missing_core_tables: number;
  /** documents where at least one accounting identity failed */
  docs_with_failed_identity: number;
}

/** A documents.csv row as read back or as assembled (the fields the health figures use). */
type DocRowLike = Partial<Record<string, string>>;
const asRow = (r: object): DocRowLike => r as DocRowLike;

const int = (s: string | undefined): number => (s ? Number(s) : 0);

export function missingCore(doc: object): string[] {
  const row = asRow(doc);
  const optional = new Set(standardTables().optional?.[row['doc_kind'] ?? ''] ?? []);
  return (row['standard_tables_missing'] ?? '').split(';').filter((k) => k && !optional.has(k));
}

export function runHealth(docs: readonly object[]): RunHealth {
  const rows = docs.map(asRow);
  const h: RunHealth = {
    documents: rows.length, money_facts: 0, verified_money_facts: 0, share_verified: '', nonzero_money_facts: 0, verified_nonzero_money_facts: 0, share_verified_nonzero: '', facts: 0, measure_unknown: 0, share_measure_unknown: '',
    tables: 0, tables_unknown: 0, docs_missing_table: {}, docs_missing_core_tables: 0, docs_with_failed_identity: 0,
  };
  for (const r of rows) {
    h.money_facts += int(r['n_money_facts']);
    h.verified_money_facts += int(r['n_verified']);
    h.nonzero_money_facts += int(r['n_money_nonzero']);
    h.verified_nonzero_money_facts += int(r['n_verified_nonzero']);
    h.facts += int(r['n_facts']);
    h.measure_unknown += int(r['n_measure_unknown']);
    h.tables += int(r['n_tables']);
    h.tables_unknown += int(r['n_tables_unknown']);
    for (const k of (r['standard_tables_missing'] ?? '').split(';').filter(Boolean)) h.docs_missing_table[k] = (h.docs_missing_table[k] ?? 0) + 1;
    if (missingCore(r).length) h.docs_missing_core_tables++;
    if (int(r['n_identities_failed']) > 0) h.docs_with_failed_identity++;
  }
  h.share_verified = share(h.verified_money_facts, h.money_facts);
  h.share_verified_nonzero = share(h.verified_nonzero_money_facts, h.nonzero_money_facts);
  h.share_measure_unknown = share(h.measure_unknown, h.facts);
  // a stable order: by count, then id
  h.docs_missing_table = Object.fromEntries(Object.entries(h.docs_missing_table).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
  return h;
}

/** 0.9312 → 93.1% ('–' when empty) */
export function percent(s: string, dp = 1): string {
  return s === '' ? '–' : `${new Decimal(s).times(100).toFixed(dp)}%`;
}

/** The one-line summary printed at the end of `ingest`. */
export function healthLine(h: RunHealth): string {
  return `verified ${percent(h.share_verified)} of money facts (${percent(h.share_verified_nonzero)} of non-zero) · measure unknown ${percent(h.share_measure_unknown)} · unknown tables ${h.tables_unknown} · docs missing core tables ${h.docs_missing_core_tables} · docs with a failed identity ${h.docs_with_failed_identity}`;
}
