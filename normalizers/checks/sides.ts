// side_sum and grand_total: the two-sided 总表 (01, 04) add up on each side.
//  - side_sum: 本年收入合计 = Σ the income items printed above it (一、… 八、); 本年支出合计 = Σ the 类 rows
//    (01 and 04 of 决算, and the 部门预算 收支总表 and 财政拨款收支总表; where no 本年支出合计 is
//    printed, the next label the rule names: 支出合计, 合计, whose 类 may follow it when it heads the
//    side); an item = Σ its components, the rows printed right
//    below it that `components` names (部门预算 收支总表: 财政拨款收入 = 一般公共预算 + 政府性基金 +
//    国有资本经营预算, its 1. 2. 3.: a 总表 whose income side prints no 本年收入合计 has no other sum on
//    them, and a misread 6 read as 5 there was silent);
//  - grand_total: 总计 = 本年…合计 + the 结转/结余 rows of the same side (never their sub-rows).
import type { CheckResult, Fact } from '../../model/types.js';
import { compareSum, type CompareOptions } from './compare.js';
import { checkKnowledge } from './knowledge.js';
import { groupBy, label } from './select.js';

/** Rows that are totals or carry-overs, never income items. */
const NOT_ITEM = /(合计|总计|结转|结余|结余分配)/;

export function sideSumChecks(facts: Fact[], o: CompareOptions): CheckResult[] {
  const out: CheckResult[] = [];
  for (const rule of checkKnowledge().side_sums) {
    const labels = (Array.isArray(rule.total) ? rule.total : [rule.total]).map((t) => new RegExp(t));
    const mine = facts.filter((f) => f.table_kind === rule.kind && f.section === rule.section && rule.measures.includes(f.measure));
    for (const group of groupBy(mine, (f) => `${f.table_id}|${f.measure}`).values()) {
      // the first label of the rule's that the side prints, on one row only
      const totals = labels.map((re) => group.filter((f) => !f.code && re.test(label(f)))).find((t) => t.length > 0) ?? [];
      if (totals.length !== 1) continue;
      const total = totals[0]!;
      const classes = group.filter((f) => f.code.length === 3 && /^\d{3}$/.test(f.code));
      const parts = rule.parts === 'classes'
        // the 类 printed above the total, or below it where it heads the side (合计 on the first row)
        ? (classes.some((f) => f.row < total.row) ? classes.filter((f) => f.row < total.row) : classes)
        : rule.parts === 'components'
        ? components(group, total, new RegExp(rule.components ?? '$^'))
        : group.filter((f) => f !== total && !f.code && f.row < total.row && !NOT_ITEM.test(label(f)));
      if (parts.length === 0 || (rule.parts === 'classes' && !oneListOfClasses(parts))) continue;
      out.push(...compareSum(total, parts, 'side_sum', `${rule.id}: ${label(total)} = Σ ${rule.parts === 'classes' ? '类' : rule.parts === 'components' ? 'components' : 'items'}`, o));
    }
  }
  return out;
}

/** The uncoded rows printed right below `total` (the next rows of the group, in order) while their
 *  label matches `re` and no total or carry-over: the item's components. A row of the side that
 *  matches not (the next item, 二、事业收入) ends them. */
function components(group: Fact[], total: Fact, re: RegExp): Fact[] {
  const out: Fact[] = [];
  for (const f of group.filter((x) => x.row > total.row).sort((a, b) => a.row - b.row)) {
    if (f.code || NOT_ITEM.test(label(f)) || !re.test(label(f))) break;
    out.push(f);
  }
  return out;
}

/** 类 rows that can be summed: no code twice (a name-only row resolved to its 类), and one classification
 *  only (functional 2xx, or economic 3xx/5xx, never both: a side listing both would be counted twice). */
function oneListOfClasses(parts: Fact[]): boolean {
  const codes = parts.map((f) => f.code);
  return new Set(codes).size === codes.length && new Set(codes.map((c) => c[0] === '2')).size === 1;
}

export function grandTotalChecks(facts: Fact[], o: CompareOptions): CheckResult[] {
  const out: CheckResult[] = [];
  for (const rule of checkKnowledge().grand_totals) {
    const reTotal = new RegExp(rule.total);
    const reBase = new RegExp(rule.base);
    const reParts = new RegExp(rule.parts);
    const mine = facts.filter((f) => f.table_kind === rule.kind && f.section === rule.section && rule.measures.includes(f.measure) && !f.code);
    for (const group of groupBy(mine, (f) => `${f.table_id}|${f.measure}`).values()) {
      const totals = group.filter((f) => reTotal.test(label(f)));
      const bases = group.filter((f) => reBase.test(label(f)));
      if (totals.length !== 1 || bases.length !== 1) continue; // the template does not print the pair
      const parts = [bases[0]!, ...group.filter((f) => reParts.test(label(f)) && f.row < totals[0]!.row)];
      out.push(...compareSum(totals[0]!, parts, 'grand_total', `${rule.id}: 总计 = ${parts.map(label).join(' + ')}`, o));
    }
  }
  return out;
}
