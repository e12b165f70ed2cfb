// hierarchy_sum: in a coded table, every parent code equals the sum of its children printed in the
// same section and measure (项 → 款 → 类), and the 合计 row equals the sum of the 类 rows.
import type { CheckResult, Fact } from '../../pipeline/types.js';
import { compareSum, type CompareOptions } from './compare.js';
import { groupBy, label } from './select.js';

// 人员经费合计 / 公用经费合计 are class_sum's (classes.ts), whatever the 06表's layout.
const TOTAL_ITEM = /^(合计|总计|本年支出合计|本年收入合计|支出合计|收入合计|合计数)$/;

export function hierarchyChecks(facts: Fact[], o: CompareOptions): CheckResult[] {
  const out: CheckResult[] = [];
  for (const group of groupBy(facts, (f) => `${f.table_id}|${f.section}|${f.measure}`).values()) {
    const coded = group.filter((f) => f.code && f.code_source === 'printed');
    if (coded.length < 2) continue;
    const byCode = new Map<string, Fact>();
    for (const f of coded) if (!byCode.has(f.code)) byCode.set(f.code, f);
    for (const parent of byCode.values()) {
      const children = [...byCode.values()].filter((c) => c.code.length === parent.code.length + 2 && c.code.startsWith(parent.code));
      if (children.length === 0) continue;
      out.push(...compareSum(parent, children, 'hierarchy_sum', `${parent.code} = Σ children`, o));
    }
    // the total row against the top-level codes (3-digit)
    const totals = group.filter((f) => !f.code && TOTAL_ITEM.test(label(f)));
    const minLen = Math.min(...coded.map((f) => f.code.length));
    const tops = [...byCode.values()].filter((f) => f.code.length === minLen);
    if (totals.length === 1 && tops.length >= 1 && minLen === 3) {
      out.push(...compareSum(totals[0]!, tops, 'hierarchy_sum', `${label(totals[0]!)} = Σ 类`, o));
    }
  }
  return out;
}
