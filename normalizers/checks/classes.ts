// class_sum: the 06表's 人员经费合计 = Σ personnel 类 (301, 303) and 公用经费合计 = Σ the other 类
// (302, 307, 310, 312, 399 …), whether the table prints the two blocks side by side or one list.
import type { CheckResult, Fact } from '../../model/types.js';
import { compareSum, type CompareOptions } from './compare.js';
import { checkKnowledge } from './knowledge.js';
import { groupBy, label } from './select.js';

export function classSumChecks(facts: Fact[], o: CompareOptions): CheckResult[] {
  const out: CheckResult[] = [];
  for (const rule of checkKnowledge().class_sums) {
    const re = new RegExp(rule.total);
    const mine = facts.filter((f) => f.table_kind === rule.kind && rule.measures.includes(f.measure));
    for (const group of groupBy(mine, (f) => `${f.table_id}|${f.measure}`).values()) {
      const totals = group.filter((f) => !f.code && re.test(label(f)));
      if (totals.length !== 1) continue;
      const seen = new Set<string>();
      const parts = group.filter((f) => {
        if (!/^\d{3}$/.test(f.code) || seen.has(f.code)) return false;
        const inClass = rule.classes ? rule.classes.includes(f.code) : !(rule.classes_except ?? []).includes(f.code);
        if (inClass) seen.add(f.code);
        return inClass;
      });
      if (parts.length === 0) continue;
      out.push(...compareSum(totals[0]!, parts, 'class_sum', `${rule.id}: ${label(totals[0]!)} = Σ ${parts.map((p) => p.code).join(' + ')}`, o));
    }
  }
  return out;
}
