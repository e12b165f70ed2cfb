// Shared types of the 政府收支分类科目 taxonomy: code systems, levels and the lookup API's entries.
// (The build's evidence and report types are in tools/taxonomy/types.ts.)

export type CodeSystem = 'function' | 'econ_dept' | 'econ_gov' | 'income';
export type Level = '类' | '款' | '项';

export const CODE_SYSTEMS: readonly CodeSystem[] = ['function', 'econ_dept', 'econ_gov', 'income'];

/** One name a code carried, with the fiscal years in which it is the name of that code. */
export interface NameSpan {
  name: string;
  years: string[];
}

export interface TaxonomyEntry {
  code: string;
  /** the canonical name (for `lookup(code, year)`: the name valid in that year) */
  name: string;
  level: Level;
  /** the parent code ('' for a 类) */
  parent: string;
  system: CodeSystem;
  /** fiscal years in which `name` is attested as this code's name */
  years: string[];
  /** variant names seen in print (without 支出, abbreviated, older print forms) */
  aliases: string[];
  /** where the code was seen: `seeds/000_….txt#L163`, `taxonomy-sources/function_codes.csv#L5`, … */
  sources: string[];
  /** true when nothing was observed: level, parent and name come from the code's shape */
  provisional?: boolean;
  /** COFOG division ('01'…'10') for function codes */
  cofog?: string;
  /** every name the code carried, oldest first */
  history?: NameSpan[];
  /** names a source calls "legacy" for this code; traceability only, never used for matching */
  legacyNames?: string[];
}
