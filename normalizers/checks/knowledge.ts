// The shape of knowledge/checks.json (the identities, as data) and its loader.
import { readKnowledgeJson } from '../knowledge/load.js';
import type { Severity } from '../../model/types.js';
import type { PrintedTotals } from './printed-totals.js';

/** One side of a cross-table comparison: the rows (code, or label pattern) and measures it sums. */
export interface Side { kind: string; section?: string; item?: string; measures: string[]; sum_rows?: boolean }

/** A row of one table picked by kind, section, label pattern and measure (prose targets). */
/** A table cell a prose figure restates. `verify_only`: the figure is compared with every such
 *  target found and verified by one that agrees, and a disagreement is not reported (the 部门预算
 *  texts state the figure of one of several tables: 人员经费 of all funds or of 一般公共预算). */
export interface Target { kind: string; section?: string; item?: string; measure: string; verify_only?: boolean }

/** `total`: the total row's label, or labels in order of preference (the first that one row of the
 *  side prints is taken: 本年支出合计 before a 支出合计 that a 总表 printing both adds 结转 to) */
interface SideSum { id: string; kind: string; section: string; total: string | string[]; parts: 'preceding_items' | 'classes' | 'components'; components?: string; measures: string[] }
interface GrandTotal { id: string; kind: string; section: string; total: string; base: string; parts: string; measures: string[] }
interface ClassSum { id: string; kind: string; total: string; classes?: string[]; classes_except?: string[]; measures: string[] }
interface ThreePublic {
  kinds: string[];
  components: [string, string][];
  column_levels_ignored: string;
  identities: { id: string; total: string; parts: string[]; or_parts?: string[]; unless?: string[]; requires?: string[] }[];
}
export interface ProseRule { measure: string; targets?: Target[]; three_public?: string; per_code?: boolean; all_targets?: boolean }
interface Completeness {
  severity: Severity;
  required: Record<string, [string, string][]>;
  empty_explained: string[];
  empty_not_explanation: string;
}

interface CheckFile {
  checked_kinds_exclude: string[];
  row_identities: { kind: string; kinds?: string[]; section?: string; total: string; parts: string[]; expand?: Record<string, string[]>; verify_only?: boolean }[];
  balance: { kind: string; item: string; measure_income: string; measure_expenditure: string }[];
  cross_table: { id: string; a: Side; b: Side; per_code?: boolean; relation?: 'eq' | 'gte'; verify_only?: boolean }[];
  side_sums: SideSum[];
  grand_totals: GrandTotal[];
  class_sums: ClassSum[];
  three_public: ThreePublic;
  /** the generic, layout-inferred totals (printed-totals.ts) */
  printed_totals?: PrintedTotals;
  prose: ProseRule[];
  completeness: Completeness;
  /** which held identities verify their facts (verify.ts) */
  verification?: { equalities: string[]; equalities_ocr?: string[]; ocr_inexact_verifies?: boolean; min_parts: number; min_nonzero_parts?: number; min_nonzero_parts_ocr: number; money_excludes_kinds?: string[]; zeros_in_verified_tables?: boolean };
}

let defs: CheckFile | null = null;
export const checkKnowledge = (): CheckFile => (defs ??= readKnowledgeJson<CheckFile>('checks.json'));
