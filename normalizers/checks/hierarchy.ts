// hierarchy_sum: in a coded table, every parent code equals the sum of its children printed in the
// same section and measure (项 → 款 → 类), and the 合计 row equals the sum of the 类 rows.
import { Decimal } from 'decimal.js';
import type { CheckResult, Fact } from '../../pipeline/types.js';
import { stripNumbering } from '../names.js';
import { tolerance } from './tolerance.js';

const TOTAL_ITEM = /^(合计|总计|本年支出合计|本年收入合计|支出合计|收入合计|人员经费合计|公用经费合计|合计数)$/;

export function hierarchyChecks(facts: Fact[], indexOf: Map<Fact, number>): CheckResult[] {
  const out: CheckResult[] = [];
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = `${f.table_id}|${f.section}|${f.measure}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(f);
  }
  for (const group of groups.values()) {
    const coded = group.filter((f) => f.code && f.code_source === 'printed');
    if (coded.length < 2) continue;
    const byCode = new Map<string, Fact>();
    for (const f of coded) if (!byCode.has(f.code)) byCode.set(f.code, f);
    for (const parent of byCode.values()) {
      const children = [...byCode.values()].filter((c) => c.code.length === parent.code.length + 2 && c.code.startsWith(parent.code));
      if (children.length === 0) continue;
      out.push(...compare(parent, children, indexOf, 'hierarchy_sum', `${parent.code} = Σ children`));
    }
    // the total row against the top-level codes (3-digit, or the shortest printed level)
    const totals = group.filter((f) => !f.code && TOTAL_ITEM.test(stripNumbering(f.item)));
    const minLen = Math.min(...coded.map((f) => f.code.length));
    const tops = [...byCode.values()].filter((f) => f.code.length === minLen);
    if (totals.length === 1 && tops.length >= 1 && minLen === 3) {
      out.push(...compare(totals[0]!, tops, indexOf, 'hierarchy_sum', `${stripNumbering(totals[0]!.item)} = Σ 类`));
    }
  }
  return out;
}

export function compare(total: Fact, parts: Fact[], indexOf: Map<Fact, number>, checkId: string, subject: string): CheckResult[] {
  const sum = parts.reduce((a, f) => a.plus(f.value), new Decimal(0));
  const dp = Math.max(total.value.decimalPlaces(), ...parts.map((p) => p.value.decimalPlaces()));
  const diff = total.value.minus(sum).abs();
  if (diff.lte(tolerance(parts.length, dp))) return [];
  const refs = [total, ...parts].map((f) => indexOf.get(f)).filter((i): i is number => i !== undefined);
  return [{
    doc_id: total.doc_id,
    table_id: total.table_id,
    check_id: checkId,
    severity: 'error',
    subject: `${subject} [${total.measure || total.measure_label}${total.section ? ', ' + total.section : ''}]`,
    expected: sum.toFixed(),
    actual: total.value.toFixed(),
    message: `${total.code || total.item} prints ${total.value.toFixed()} but its ${parts.length} parts sum to ${sum.toFixed()} (off by ${diff.toFixed()})`,
    factRefs: refs,
  }];
}
