// prose_vs_table: a figure stated in the 情况说明 prose (facts of table_kind `narrative`) against the
// table cell it restates (statements.json says which statement maps to which row; the pairs are
// data in checks.json `prose`). A warning: the prose reader favours precision, but a sentence can
// still attach a figure to the wrong subject.
import type { CheckResult, Fact } from '../../pipeline/types.js';
import { compareSides } from './identities.js';
import { checkKnowledge, type Target } from './knowledge.js';
import type { CompareOptions } from './compare.js';
import { componentOf } from './three-public.js';
import { label } from './select.js';

function find(facts: Fact[], t: Target): Fact[] {
  const re = t.item ? new RegExp(t.item) : null;
  const hits = facts.filter((f) => f.table_kind === t.kind && f.measure === t.measure && (!t.section || f.section === t.section) && (!re || (!f.code && re.test(label(f)))));
  // one table of the kind only: a document that prints two (汇总 and 本级) is ambiguous
  return new Set(hits.map((f) => f.table_id)).size === 1 ? hits.sort((a, b) => a.row - b.row) : [];
}

/** A prose value in the unit of the table value (万元 ↔ 元 by amount_yuan). */
function inUnitOf(p: Fact, t: Fact): Fact | undefined {
  if (p.unit === t.unit) return p;
  if (!p.amount_yuan || !t.amount_yuan || t.value.isZero()) return t.value.isZero() && p.value.isZero() ? p : undefined;
  const factor = t.amount_yuan.div(t.value);
  return { ...p, value: p.amount_yuan.div(factor).toDecimalPlaces(Math.max(t.value.decimalPlaces(), 2)), unit: t.unit };
}

export function proseChecks(allFacts: Fact[], tableFacts: Fact[], o: CompareOptions): CheckResult[] {
  const out: CheckResult[] = [];
  const prose = allFacts.filter((f) => f.table_kind === 'narrative');
  if (!prose.length) return out;
  const seen = new Set<string>();
  for (const rule of checkKnowledge().prose) {
    for (const p of prose.filter((f) => f.measure === rule.measure)) {
      let target: Fact | undefined;
      if (rule.three_public) {
        const hits = tableFacts.filter((f) => checkKnowledge().three_public.kinds.includes(f.table_kind) && f.measure === 'amount' && componentOf(f)?.component === rule.three_public);
        if (new Set(hits.map((f) => f.table_id)).size === 1 && hits.length === 1) target = hits[0];
      } else if (rule.per_code) {
        if (!p.code) continue;
        for (const t of rule.targets ?? []) {
          const hits = tableFacts.filter((f) => f.table_kind === t.kind && f.measure === t.measure && f.code === p.code);
          if (hits.length === 1) { target = hits[0]; break; }
        }
      } else {
        for (const t of rule.targets ?? []) {
          const hits = find(tableFacts, t);
          if (hits.length >= 1) { target = hits[0]; break; }
        }
      }
      if (!target) continue;
      const pv = inUnitOf(p, target);
      if (!pv) continue;
      const key = `${rule.measure}|${p.code}|${pv.value.toFixed()}|${target.table_id}|${target.row}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const r = compareSides(`prose ${rule.measure}${p.code ? ' ' + p.code : ''}`, [target], [pv], { ...o, severity: 'warning' }, 'eq', `${label(p)} in the text vs the table`, 'prose_vs_table');
      for (const c of r) {
        c.factRefs = [o.indexOf.get(target), o.indexOf.get(p)].filter((i): i is number => i !== undefined);
        c.message = `the text states ${label(p)}${p.code ? ' (' + p.code + ')' : ''} = ${p.value.toFixed()} ${p.unit}${p.page ? ' (page ' + p.page + ')' : ''}, but ${o.names?.get(target.table_id) || target.table_kind} (${target.table_id}${target.page ? ', page ' + target.page : ''}) row ${target.code || label(target)} [${target.measure}] prints ${target.value.toFixed()} ${target.unit}: one of the two is wrong in the document, or the sentence was read against the wrong row`;
      }
      out.push(...r);
    }
  }
  return out;
}
