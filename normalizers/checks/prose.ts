// prose_vs_table: a figure stated in the 情况说明 prose (facts of table_kind `narrative`) against the
// table cell it restates (statements.json says which statement maps to which row; the pairs are
// data in checks.json `prose`). A warning: the prose reader favours precision, but a sentence can
// still attach a figure to the wrong subject.
import { Decimal } from 'decimal.js';
import type { CheckResult, Fact } from '../../model/types.js';
import { toYuan } from '../values/units.js';
import { compareSides } from './identities.js';
import { checkKnowledge, type ProseRule, type Target } from './knowledge.js';
import type { CompareOptions } from './compare.js';
import { componentOf } from './three-public.js';
import { label } from './select.js';
import { verifies } from './verify.js';

function find(facts: Fact[], t: Target): Fact[] {
  const re = t.item ? new RegExp(t.item) : null;
  const hits = facts.filter((f) => f.table_kind === t.kind && f.measure === t.measure && (!t.section || f.section === t.section) && (!re || (!f.code && re.test(label(f)))));
  // one table of the kind only: a document that prints two (汇总 and 本级) is ambiguous
  return new Set(hits.map((f) => f.table_id)).size === 1 ? hits.sort((a, b) => a.row - b.row) : [];
}

/** The table value in the unit of the prose value (万元 ↔ 元 by amount_yuan), rounded to the decimals
 *  the text prints: a text in 万元 rounds the table's 元 (9216.51 万元 for 92,165,133.99 元). */
function inProseUnit(t: Fact, p: Fact): Fact | undefined {
  if (p.unit === t.unit) return t;
  if (!t.amount_yuan || !p.amount_yuan) return undefined;
  const one = toYuan(new Decimal(1), p.unit);
  if (!one || one.isZero()) return undefined;
  return { ...t, value: t.amount_yuan.div(one).toDecimalPlaces(p.value.decimalPlaces()), unit: p.unit };
}

export function proseChecks(allFacts: Fact[], tableFacts: Fact[], o: CompareOptions): CheckResult[] {
  const out: CheckResult[] = [];
  const prose = allFacts.filter((f) => f.table_kind === 'narrative');
  if (!prose.length) return out;
  const seen = new Map<string, boolean>(); // compared key → held and verifying
  const reported = new Set<string>();
  for (const rule of checkKnowledge().prose) {
    for (const p of prose.filter((f) => f.measure === rule.measure)) {
      for (const { fact: target, verifyOnly } of targetsOf(rule, p, tableFacts)) {
        const tv = inProseUnit(target, p);
        if (!tv) continue;
        if (tv !== target) o.stands?.set(tv, [target]);
        const pv = p;
        const key = `${rule.measure}|${p.code}|${pv.value.toFixed()}|${target.table_id}|${target.row}|${target.section}|${target.measure}`;
        if (verifyOnly) {
          // compared for verification only: a held comparison verifies, a failed one says nothing
          if (!seen.has(key)) {
            const r = compareSides(`prose ${rule.measure}`, [tv], [pv], { ...o, severity: 'warning' }, 'eq', `${label(p)} in the text vs the table`, 'prose_vs_table');
            seen.set(key, r.length === 0 && verifies('prose_vs_table', [tv], [pv]));
          } else if (seen.get(key) && o.stats?.verified) { const i = o.indexOf.get(p); if (i !== undefined) o.stats.verified.add(i); }
          continue;
        }
        if (seen.has(key)) {
          // the same statement printed again (a summary and its section): compared once, it is
          // verified with the first when that comparison verified
          if (seen.get(key) && o.stats?.verified) { const i = o.indexOf.get(p); if (i !== undefined) o.stats.verified.add(i); }
          continue;
        }
        const r = compareSides(`prose ${rule.measure}${p.code ? ' ' + p.code : ''}`, [tv], [pv], { ...o, severity: 'warning' }, 'eq', `${label(p)} in the text vs the table`, 'prose_vs_table');
        for (const c of r) {
          c.factRefs = [o.indexOf.get(target), o.indexOf.get(p)].filter((i): i is number => i !== undefined);
          c.message = `the text states ${label(p)}${p.code ? ' (' + p.code + ')' : ''} = ${p.value.toFixed()} ${p.unit}${p.page ? ' (page ' + p.page + ')' : ''}, but ${o.names?.get(target.table_id) || target.table_kind} (${target.table_id}${target.page ? ', page ' + target.page : ''}) row ${target.code || label(target)} [${target.measure}${target.section ? ', ' + target.section : ''}] prints ${target.value.toFixed()} ${target.unit}: one of the two is wrong in the document, or the sentence was read against the wrong row`;
        }
        seen.set(key, r.length === 0 && verifies('prose_vs_table', [tv], [pv]));
        // a figure compared with both sides' totals that misses both by the same: one row
        const said = `${o.indexOf.get(p)}|${target.value.toFixed()}`;
        if (r.length && reported.has(said)) continue;
        reported.add(said);
        out.push(...r);
      }
    }
  }
  return out;
}

/** The table facts a prose figure restates: the first target that finds one, or with
 *  `all_targets` one per target that finds one (a statement of both sides at once); after them,
 *  every `verify_only` target that finds one. */
function targetsOf(rule: ProseRule, p: Fact, tableFacts: Fact[]): { fact: Fact; verifyOnly: boolean }[] {
  if (rule.three_public) {
    // the 三公 total: the “三公”经费 row where the table prints one beside a 合计 that adds 会议费 and 培训费
    const of = (c: string) => tableFacts.filter((f) => checkKnowledge().three_public.kinds.includes(f.table_kind) && f.measure === 'amount' && componentOf(f)?.component === c);
    const sub = rule.three_public === 'total' ? of('three_public') : [];
    const hits = sub.length ? sub : of(rule.three_public);
    return new Set(hits.map((f) => f.table_id)).size === 1 && hits.length === 1 ? [{ fact: hits[0]!, verifyOnly: false }] : [];
  }
  const reported = (rule.targets ?? []).filter((t) => !t.verify_only);
  const verifyOnly = (rule.targets ?? []).filter((t) => t.verify_only);
  const out: { fact: Fact; verifyOnly: boolean }[] = [];
  if (rule.per_code) {
    if (!p.code) return [];
    const one = (t: Target) => { const hits = tableFacts.filter((f) => f.table_kind === t.kind && f.measure === t.measure && f.code === p.code); return hits.length === 1 ? hits[0] : undefined; };
    const first = reported.map(one).find((f) => f);
    if (first) out.push({ fact: first, verifyOnly: false });
    for (const t of verifyOnly) { const f = one(t); if (f) out.push({ fact: f, verifyOnly: true }); }
    return out;
  }
  for (const t of reported) {
    const hits = find(tableFacts, t);
    if (hits.length >= 1) {
      out.push({ fact: hits[0]!, verifyOnly: false });
      if (!rule.all_targets) break;
    }
  }
  for (const t of verifyOnly) {
    const hits = find(tableFacts, t);
    if (hits.length >= 1) out.push({ fact: hits[0]!, verifyOnly: true });
  }
  return out;
}
