// The check stage: every identity the tables must satisfy; failures go to checks.csv and as flags
// onto the facts involved.
import type { CheckResult, DocumentRecord } from '../../pipeline/types.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { hierarchyChecks } from './hierarchy.js';
import { balanceChecks, crossTableChecks, rowIdentityChecks } from './identities.js';
import { codeChecks } from './codes.js';

export function runChecks(doc: DocumentRecord, taxonomy: Taxonomy): CheckResult[] {
  const indexOf = new Map(doc.facts.map((f, i) => [f, i]));
  const results: CheckResult[] = [
    ...hierarchyChecks(doc.facts, indexOf),
    ...rowIdentityChecks(doc.facts, indexOf),
    ...balanceChecks(doc.facts, indexOf),
    ...crossTableChecks(doc.facts, indexOf),
    ...codeChecks(doc, taxonomy, indexOf),
  ];
  for (const r of results) {
    if (r.severity === 'info') continue;
    for (const i of r.factRefs ?? []) {
      const f = doc.facts[i];
      if (f && !f.flags.includes(r.check_id)) f.flags.push(r.check_id);
    }
  }
  return results;
}
