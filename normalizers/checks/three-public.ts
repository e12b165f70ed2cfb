// three_public_sum: the 07表 “三公” identities, 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 +
// 公务接待费 and 公务用车购置及运行维护费 = 购置费 + 运行维护费, for 预算数 and 决算数 alike. The
// components are recognised in the row label (tables that print them as rows) or in the column
// header path (tables that print them as columns, 预算数 / 决算数 below each).
import type { CheckResult, Fact } from '../../model/types.js';
import { stripNumbering } from '../values/labels.js';
import { compareSum, type CompareOptions } from './compare.js';
import { checkKnowledge } from './knowledge.js';
import { groupBy, label } from './select.js';

interface Component { component: string; group: string }

function matcher(): (text: string) => string | undefined {
  const comps = checkKnowledge().three_public.components.map(([id, re]) => [id, new RegExp(re)] as const);
  return (text) => comps.find(([, re]) => re.test(text))?.[0];
}

/** The 三公 component a fact is a figure of, and the group of figures it adds up with. */
export function componentOf(f: Fact, match = matcher()): Component | undefined {
  const byRow = match(label(f));
  // items read from the column headers (item_from_header): the figures of one printed row add up
  if (byRow) return { component: byRow, group: `${f.table_id}|${f.section}|${f.measure}${f.flags.includes('item_from_header') ? `|${f.row}` : ''}` };
  const ignored = new RegExp(checkKnowledge().three_public.column_levels_ignored);
  const levels = f.measure_label.split(' / ').map((s) => stripNumbering(s.replace(/\s+/g, ''))).filter(Boolean);
  for (let i = levels.length - 1; i >= 0; i--) {
    const lv = levels[i]!;
    if (lv === '小计' || ignored.test(lv)) continue; // 小计 under 公务用车购置及运行费: the parent level names it
    const c = match(lv);
    if (!c) continue;
    // the figures that add up: the same row, under the same other levels (预算数 / 决算数, a year,
    // a source of funds), whatever components the path names
    const rest = levels.filter((l) => l !== '小计' && !match(l)).join(' / ');
    return { component: c, group: `${f.table_id}|${f.section}|${f.row}|${rest}` };
  }
  return undefined;
}

export function threePublicChecks(facts: Fact[], o: CompareOptions): CheckResult[] {
  const tp = checkKnowledge().three_public;
  const match = matcher();
  const out: CheckResult[] = [];
  const mine = facts.filter((f) => tp.kinds.includes(f.table_kind));
  const tagged = mine.map((f) => ({ f, c: componentOf(f, match) })).filter((x): x is { f: Fact; c: Component } => !!x.c);
  for (const group of groupBy(tagged, (x) => x.c.group).values()) {
    const present = new Set(group.map((x) => x.c.component));
    for (const id of tp.identities) {
      if (id.unless?.some((c) => present.has(c)) || id.requires?.some((c) => !present.has(c))) continue;
      const totals = group.filter((x) => x.c.component === id.total);
      if (totals.length !== 1) continue;
      const partsOf = (ids: string[]) => group.filter((x) => ids.includes(x.c.component)).map((x) => x.f);
      const parts = partsOf(id.parts);
      if (parts.length === 0) continue;
      const subject = `${id.id}: ${id.total} = ${id.parts.join(' + ')}`;
      // or_parts: a second layout of the same total (合计 with or without 会议费 and 培训费): the
      // identity holds when either sum does; when neither does, it is reported over the larger set
      const alt = id.or_parts ? partsOf(id.or_parts) : [];
      if (alt.length > parts.length) {
        const silent: CompareOptions = { ...o, stats: { evaluated: 0, verified: new Set() } };
        const holds = (fs: Fact[]) => compareSum(totals[0]!.f, fs, 'three_public_sum', subject, silent).length === 0;
        const altSubject = `${id.id}: ${id.total} = ${id.or_parts!.join(' + ')}`;
        if (holds(alt)) compareSum(totals[0]!.f, alt, 'three_public_sum', altSubject, o);
        else if (holds(parts)) compareSum(totals[0]!.f, parts, 'three_public_sum', subject, o);
        else out.push(...compareSum(totals[0]!.f, alt, 'three_public_sum', altSubject, o));
        continue;
      }
      out.push(...compareSum(totals[0]!.f, parts, 'three_public_sum', subject, o));
    }
  }
  return out;
}
