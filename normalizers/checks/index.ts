// The check stage: every identity the tables must satisfy (knowledge/checks.json); failures go to
// checks.csv and as flags onto the facts involved; the members of identities that hold and say
// something are marked `verified` (verify.ts).
//
// check ids (stable): hierarchy_sum, column_sum, balance, cross_table_total, side_sum, grand_total,
// class_sum, three_public_sum, printed_total, prose_vs_table, missing_table, empty_table_unexplained,
// code_name_mismatch, unknown_code, and the layout flags (layout_shifted, value_missing, …).
import type { CheckResult, DocumentRecord, Fact } from '../../model/types.js';
import { checkKnowledge } from './knowledge.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { hierarchyChecks } from './hierarchy.js';
import { balanceChecks, crossTableChecks, rowIdentityChecks } from './identities.js';
import { codeChecks } from './codes.js';
import { sideSumChecks, grandTotalChecks } from './sides.js';
import { classSumChecks } from './classes.js';
import { threePublicChecks } from './three-public.js';
import { printedTotalChecks } from './printed-totals.js';
import { proseChecks } from './prose.js';
import { completenessChecks } from './completeness.js';
import { checkedFacts } from './select.js';
import { shareDoubtWithOnlyChild } from './propagate.js';
import { tableDecimals, type CompareOptions } from './compare.js';
import { verifiedZeros, type IdentityStats } from './verify.js';

export { verifies } from './verify.js';

/** The numeric identities only (no taxonomy, no layout flags): what the catch-rate test reruns. */
export function identityChecks(doc: DocumentRecord, stats?: IdentityStats): CheckResult[] {
  const indexOf = new Map(doc.facts.map((f, i) => [f, i]));
  const facts = checkedFacts(doc.facts);
  const o: CompareOptions = { indexOf, names: new Map(doc.tables.map((t) => [t.table_id, t.table_no || t.title])), tableDp: tableDecimals(facts.filter((f) => f.unit !== '%')), stands: new Map(), ocrTables: new Set(doc.tables.filter((t) => t.method === 'ocr').map((t) => t.table_id)), ...(stats ? { stats } : {}) };
  return [
    ...hierarchyChecks(facts, o),
    ...rowIdentityChecks(facts, o),
    ...balanceChecks(facts, o),
    ...crossTableChecks(facts, o),
    ...sideSumChecks(facts, o),
    ...grandTotalChecks(facts, o),
    ...classSumChecks(facts, o),
    ...threePublicChecks(facts, o),
    // the generic structure of a table (its printed totals) holds whatever its kind: tables of
    // the kinds listed in printed_totals.include_kinds (unknown grids) are read for it too, money
    // amounts only
    ...printedTotalChecks([...facts, ...alsoForPrintedTotals(doc.facts)], o),
    ...proseChecks(doc.facts, facts, o),
  ];
}

function alsoForPrintedTotals(facts: Fact[]): Fact[] {
  const kinds = new Set(checkKnowledge().printed_totals?.include_kinds ?? []);
  return kinds.size ? facts.filter((f) => kinds.has(f.table_kind) && f.amount_yuan !== null && f.unit !== '%') : [];
}

export function runChecks(doc: DocumentRecord, taxonomy: Taxonomy): CheckResult[] {
  const indexOf = new Map(doc.facts.map((f, i) => [f, i]));
  const stats: IdentityStats = { evaluated: 0, held: 0, verifying: 0, verified: new Set() };
  const results: CheckResult[] = [
    ...identityChecks(doc, stats),
    ...completenessChecks(doc),
    ...codeChecks(doc, checkedFacts(doc.facts), taxonomy, indexOf),
  ];
  doc.identities_checked = stats.evaluated;
  // verified: a member of a held identity that says something (verify.ts); set afresh on a rerun
  for (const f of doc.facts) delete f.verified;
  for (const i of [...stats.verified!, ...verifiedZeros(doc.facts, stats)]) { const f = doc.facts[i]; if (f) f.verified = true; }
  for (const r of results) {
    if (r.severity === 'info') continue;
    for (const i of r.factRefs ?? []) {
      const f = doc.facts[i];
      if (f && !f.flags.includes(r.check_id)) f.flags.push(r.check_id);
    }
  }
  shareDoubtWithOnlyChild(doc);
  return results;
}
