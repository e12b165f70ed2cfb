// Types of the taxonomy build (tools/taxonomy): its evidence, crosswalk rows, conflicts and report.
import type { CodeSystem, Level } from '../../normalizers/taxonomy/types.js';

/** A (code, name) pair observed somewhere; the unit of evidence the build merges. */
export interface ObservedPair {
  code: string;
  name: string;
  /** fiscal year, e.g. '2022'; '' when undated */
  year: string;
  /** where it was seen (file + line, URL, document id + page …) */
  source: string;
}

/** How a piece of evidence was obtained; decides precedence among equally frequent names. */
export type EvidenceKind =
  | 'official' // an imported official list (importOfficialList)
  | 'source_csv' // <shared>/taxonomy-sources rows
  | 'table' // a coded row of a printed table
  | 'observed' // ObservedPair fed by the pipeline
  | 'definition' // 名词解释: 行政单位医疗（2101101）：反映…
  | 'curated' // hand-entered list under knowledge/taxonomy/curated
  | 'prose' // 2101501-行政运行支出 1091.68 万元 in the 情况说明
  | 'chain' // a prose chain resolved by name to a code
  | 'numbered_class'; // 八、社会保障和就业支出 in a 总表, resolved by name

export interface Evidence {
  code: string;
  name: string;
  year: string;
  source: string;
  kind: EvidenceKind;
  /** names the source marks as legacy (source CSV notes) */
  legacy?: string;
  /** printed variants (curated aliases column) */
  aliases?: string[];
  /** curated validity: from year, to year ('' = up to the latest year in the build); `year` is '' */
  yearRange?: [string, string];
}

/** A name printed without a code whose code is found by name: 总表 类 lists and prose chains. */
export interface NameOnlyEvidence {
  /** 类 / 款 / 项 names of a chain, outermost first (a 总表 line gives one element) */
  chain: string[];
  year: string;
  source: string;
  kind: 'chain' | 'numbered_class';
}

export interface CrosswalkRow {
  dept: string;
  gov: string;
  year: string;
  source: string;
}

interface ConflictName {
  name: string;
  count: number;
  years: string[];
}

export interface Conflict {
  code: string;
  names: ConflictName[];
  chosen: string;
  /** the years in which several names competed */
  conflictYears: string[];
  /** losing names that are not mere variants of a kept name (not used as aliases) */
  rejected: string[];
  /** true when the competing names differ only as printed variants (卫生健康 / 卫生健康支出) */
  variantsOnly: boolean;
}

export interface BuildReport {
  outDir: string;
  /** the inputs as given (build-report.json records them relative to the shared root: inputs.ts sharedRoot) */
  inputs: string[];
  files: string[];
  evidence: number;
  evidenceByKind: Record<string, number>;
  entries: Record<CodeSystem, number>;
  entriesByLevel: Record<CodeSystem, Record<Level, number>>;
  years: string[];
  crosswalk: number;
  conflicts: Conflict[];
  /** chains / 总表 names that could not be resolved to codes */
  unresolved: { text: string; source: string }[];
  warnings: string[];
}

/** One row of crosswalk_econ_dept_gov.csv. */
export interface StoredCrosswalk {
  dept: string;
  dept_name: string;
  gov: string;
  gov_name: string;
  years: string[];
  sources: string[];
}
