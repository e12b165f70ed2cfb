// Small helpers shared by the checks: which facts are accounting amounts, a row's label, fact refs.
import type { Fact } from '../../model/types.js';
import { stripNumbering } from '../values/labels.js';
import { checkKnowledge } from './knowledge.js';

/** The row label without list numbering (一、 (1) 其中：), the form the patterns are written for. */
export const label = (f: Fact): string => stripNumbering(f.item);

/** Facts of tables the accounting checks apply to (not forms, not unclassified grids, not prose),
 *  amounts only (rates and percentages do not add up). */
export function checkedFacts(facts: Fact[]): Fact[] {
  const skip = new Set(checkKnowledge().checked_kinds_exclude);
  return facts.filter((f) => !skip.has(f.table_kind) && f.unit !== '%');
}

export function refsOf(facts: Fact[], indexOf: Map<Fact, number>): number[] {
  return facts.map((f) => indexOf.get(f)).filter((i): i is number => i !== undefined);
}

export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const a = m.get(k);
    if (a) a.push(it);
    else m.set(k, [it]);
  }
  return m;
}

