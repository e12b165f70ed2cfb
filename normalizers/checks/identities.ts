// row identities (column_sum), two-sided balance and cross-table totals, from knowledge/checks.json.
import type { CheckResult, Fact } from '../../model/types.js';
import { compareSum, maxDp, rowName, sumOf, tableName, type CompareOptions } from './compare.js';
import { checkKnowledge, type Side } from './knowledge.js';
import { groupBy, label, refsOf } from './select.js';
import { tolerance } from './tolerance.js';
import { recordSides } from './verify.js';

export function rowIdentityChecks(facts: Fact[], o: CompareOptions): CheckResult[] {
  const out: CheckResult[] = [];
  for (const rowFacts of groupBy(facts, (f) => `${f.table_id}|${f.row}|${f.section}`).values()) {
    const first = rowFacts[0]!;
    const unnamed = rowFacts.some((f) => !f.measure && !f.value.isZero());
    for (const id of checkKnowledge().row_identities) {
      if (!(id.kinds ?? [id.kind]).includes(first.table_kind) || (id.section && id.section !== first.section)) continue;
      const total = rowFacts.find((f) => f.measure === id.total);
      // a part the row does not print stands for its own parts where the kind names them
      // (基本支出 printed only as 人员经费 and 公用经费; 财政拨款 only as its three sources), down
      // to any depth
      const printed = new Set(rowFacts.map((f) => f.measure));
      const expand = (p: string, depth = 0): string[] => (printed.has(p) || depth > 4 ? [p] : (id.expand?.[p] ?? [p]).flatMap((q) => (q === p ? [p] : expand(q, depth + 1))));
      const partIds = id.parts.flatMap((p) => expand(p));
      const parts = rowFacts.filter((f) => f !== total && partIds.includes(f.measure));
      if (!total || parts.length === 0) continue;
      const r = compareSum(total, parts, 'column_sum', `${first.code || label(first)}: ${id.total} = ${partIds.filter((p) => parts.some((f) => f.measure === p)).join(' + ')}`, o);
      // verify_only: a held identity verifies, a failing one is not reported (the kind's layouts
      // print parts the rule does not name)
      // a row that prints a non-zero amount in a column no measure names may have a part the
      // rule does not know: the identity verifies when it holds, and is not reported when not
      if (!id.verify_only && !unnamed) out.push(...r);
    }
  }
  return out;
}

function pick(facts: Fact[], side: Side): Fact[] {
  const re = side.item ? new RegExp(side.item) : null;
  return facts.filter((f) => f.table_kind === side.kind && (!side.section || f.section === side.section) && side.measures.includes(f.measure) && (!re || (!f.code && re.test(label(f)))));
}

export function balanceChecks(facts: Fact[], o: CompareOptions): CheckResult[] {
  const out: CheckResult[] = [];
  for (const b of checkKnowledge().balance) {
    const re = new RegExp(b.item);
    const tables = new Set(facts.filter((f) => f.table_kind === b.kind).map((f) => f.table_id));
    for (const t of tables) {
      const inc = facts.filter((f) => f.table_id === t && f.section === 'income' && f.measure === b.measure_income && re.test(label(f)));
      const exp = facts.filter((f) => f.table_id === t && f.section === 'expenditure' && f.measure === b.measure_expenditure && re.test(label(f)));
      if (inc.length !== 1 || exp.length !== 1) continue;
      out.push(...compareSum(exp[0]!, inc, 'balance', '收入总计 = 支出总计', o));
    }
  }
  return out;
}

export function crossTableChecks(facts: Fact[], o: CompareOptions): CheckResult[] {
  const out: CheckResult[] = [];
  for (const c of checkKnowledge().cross_table) {
    const a = pick(facts, c.a);
    const b = pick(facts, c.b);
    if (!a.length || !b.length) continue;
    if (c.per_code) {
      // 类 rows on both sides, compared code by code
      const bByCode = new Map(b.filter((f) => f.code.length === 3).map((f) => [f.code, f]));
      for (const fa of a.filter((f) => f.code.length === 3)) {
        const fb = bByCode.get(fa.code);
        if (!fb) continue;
        out.push(...compareSides(c.id, [fa], [fb], o, c.relation ?? 'eq', `${fa.code}`));
      }
      continue;
    }
    const aTables = new Set(a.map((f) => f.table_id));
    const bTables = new Set(b.map((f) => f.table_id));
    if (aTables.size !== 1 || bTables.size !== 1) continue; // several candidates: not comparable safely
    if (!c.b.sum_rows && b.length !== c.b.measures.length) continue;
    if (!c.a.sum_rows && a.length !== c.a.measures.length) continue;
    // a summed side needs every row it names (06表: 人员经费合计 and 公用经费合计), else a lost
    // total reads as a difference
    if (c.b.sum_rows && c.b.item && c.b.item.includes('|') && b.length < c.b.item.split('|').length) continue;
    // verify_only: an equality that holds in the usual layout and verifies then, and whose failure
    // is not reported (the other layout prints a different total there)
    const r = compareSides(c.id, a, b, o, c.relation ?? 'eq', c.id);
    if (!c.verify_only) out.push(...r);
  }
  return out;
}

export function compareSides(id: string, a: Fact[], b: Fact[], o: CompareOptions, relation: 'eq' | 'gte', subject: string, checkId = 'cross_table_total'): CheckResult[] {
  const sa = sumOf(a);
  const sb = sumOf(b);
  // two tables may print one figure at different precision (元 with 分 in one, whole 元 in the
  // other): the coarser print sets the rounding
  // a side of zeros says nothing of its precision (0.00 reads as 0): the other side sets it
  // a side's precision: its cells' printed decimals (a 元 figure printed to one decimal, 936647884.3,
  // is rounded to 0.1), the table's where a cell's are unknown or the table was read by OCR
  const printedDp = (fs: Fact[]): number => (fs.every((f) => f.scale !== undefined && !o.ocrTables?.has(f.table_id)) ? fs.reduce((m, f) => Math.max(m, f.scale!), -Infinity) : maxDp(fs, o.tableDp));
  const dps = [a, b].filter((fs) => fs.some((f) => !f.value.isZero())).map(printedDp);
  const tol = tolerance(a.length + b.length, dps.length ? dps.reduce((m, d) => Math.min(m, d), Infinity) : 0);
  const ok = relation === 'eq' ? sa.minus(sb).abs().lte(tol) : sa.plus(tol).gte(sb);
  recordSides(o, checkId, a, b, relation, ok, sa.minus(sb).isZero());
  if (ok) return [];
  const first = a[0]!;
  const side = (fs: Fact[]) => `${tableName(fs[0]!, o.names)} ${fs.map((f) => `${rowName(f)}${f.measure ? ' [' + f.measure + ']' : ''}`).join(' + ')}`;
  return [{
    doc_id: first.doc_id,
    table_id: first.table_id,
    check_id: checkId,
    severity: o.severity ?? 'error',
    subject: subject === id ? id : `${id}: ${subject}`,
    expected: sb.toFixed(),
    actual: sa.toFixed(),
    message: `${side(a)} = ${sa.toFixed()} ${relation === 'eq' ? 'differs from' : 'is below'} ${side(b)} = ${sb.toFixed()} (by ${sa.minus(sb).abs().toFixed()}); the two tables should agree: check both cells against the printed pages`,
    factRefs: refsOf([...a, ...b], o.indexOf),
  }];
}
