// row identities (column_sum), two-sided balance and cross-table totals, from knowledge/checks.json.
import { Decimal } from 'decimal.js';
import type { CheckResult, Fact } from '../../pipeline/types.js';
import { readKnowledgeJson } from '../knowledge/load.js';
import { stripNumbering } from '../names.js';
import { compare } from './hierarchy.js';
import { tolerance } from './tolerance.js';

interface Side { kind: string; section?: string; item?: string; measures: string[]; sum_rows?: boolean }
interface CheckFile {
  row_identities: { kind: string; section?: string; total: string; parts: string[] }[];
  balance: { kind: string; item: string; measure_income: string; measure_expenditure: string }[];
  cross_table: { id: string; a: Side; b: Side; per_code?: boolean; relation?: 'eq' | 'gte' }[];
}

let defs: CheckFile | null = null;
const load = () => (defs ??= readKnowledgeJson<CheckFile>('checks.json'));

export function rowIdentityChecks(facts: Fact[], indexOf: Map<Fact, number>): CheckResult[] {
  const out: CheckResult[] = [];
  const rows = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = `${f.table_id}|${f.row}|${f.section}`;
    (rows.get(k) ?? rows.set(k, []).get(k)!).push(f);
  }
  for (const rowFacts of rows.values()) {
    const first = rowFacts[0]!;
    for (const id of load().row_identities) {
      if (id.kind !== first.table_kind || (id.section && id.section !== first.section)) continue;
      const total = rowFacts.find((f) => f.measure === id.total);
      const parts = rowFacts.filter((f) => id.parts.includes(f.measure));
      if (!total || parts.length === 0) continue;
      out.push(...compare(total, parts, indexOf, 'column_sum', `${first.code || stripNumbering(first.item)}: ${id.total} = ${id.parts.filter((p) => parts.some((f) => f.measure === p)).join(' + ')}`));
    }
  }
  return out;
}

function pick(facts: Fact[], side: Side): Fact[] {
  const re = side.item ? new RegExp(side.item) : null;
  return facts.filter((f) => f.table_kind === side.kind && (!side.section || f.section === side.section) && side.measures.includes(f.measure) && (!re || (!f.code && re.test(stripNumbering(f.item)))));
}

export function balanceChecks(facts: Fact[], indexOf: Map<Fact, number>): CheckResult[] {
  const out: CheckResult[] = [];
  for (const b of load().balance) {
    const re = new RegExp(b.item);
    const tables = new Set(facts.filter((f) => f.table_kind === b.kind).map((f) => f.table_id));
    for (const t of tables) {
      const inc = facts.filter((f) => f.table_id === t && f.section === 'income' && f.measure === b.measure_income && re.test(stripNumbering(f.item)));
      const exp = facts.filter((f) => f.table_id === t && f.section === 'expenditure' && f.measure === b.measure_expenditure && re.test(stripNumbering(f.item)));
      if (inc.length !== 1 || exp.length !== 1) continue;
      out.push(...compare(exp[0]!, inc, indexOf, 'balance', '收入总计 = 支出总计'));
    }
  }
  return out;
}

export function crossTableChecks(facts: Fact[], indexOf: Map<Fact, number>): CheckResult[] {
  const out: CheckResult[] = [];
  for (const c of load().cross_table) {
    const a = pick(facts, c.a);
    const b = pick(facts, c.b);
    if (!a.length || !b.length) continue;
    if (c.per_code) {
      // 类 rows on both sides, compared code by code
      const bByCode = new Map(b.filter((f) => f.code.length === 3).map((f) => [f.code, f]));
      for (const fa of a.filter((f) => f.code.length === 3)) {
        const fb = bByCode.get(fa.code);
        if (!fb) continue;
        out.push(...compareSides(c.id, [fa], [fb], indexOf, 'eq', `${fa.code}`));
      }
      continue;
    }
    const aTables = new Set(a.map((f) => f.table_id));
    const bTables = new Set(b.map((f) => f.table_id));
    if (aTables.size !== 1 || bTables.size !== 1) continue; // several candidates: not comparable safely
    if (!c.b.sum_rows && b.length !== c.b.measures.length) continue;
    if (!c.a.sum_rows && a.length !== c.a.measures.length) continue;
    out.push(...compareSides(c.id, a, b, indexOf, c.relation ?? 'eq', c.id));
  }
  return out;
}

function compareSides(id: string, a: Fact[], b: Fact[], indexOf: Map<Fact, number>, relation: 'eq' | 'gte', subject: string): CheckResult[] {
  const sa = a.reduce((s, f) => s.plus(f.value), new Decimal(0));
  const sb = b.reduce((s, f) => s.plus(f.value), new Decimal(0));
  const dp = Math.max(...[...a, ...b].map((f) => f.value.decimalPlaces()));
  const tol = tolerance(a.length + b.length, dp);
  const ok = relation === 'eq' ? sa.minus(sb).abs().lte(tol) : sa.plus(tol).gte(sb);
  if (ok) return [];
  const first = a[0]!;
  return [{
    doc_id: first.doc_id,
    table_id: first.table_id,
    check_id: 'cross_table_total',
    severity: 'error',
    subject: `${id}: ${subject}`,
    expected: sb.toFixed(),
    actual: sa.toFixed(),
    message: `${first.table_kind} ${first.code || stripNumbering(first.item)} (${a.map((f) => f.measure).join('+')}) = ${sa.toFixed()} ${relation === 'eq' ? 'differs from' : 'is below'} ${b[0]!.table_kind} ${b[0]!.code || stripNumbering(b[0]!.item)} (${b.map((f) => f.measure).join('+')}) = ${sb.toFixed()}`,
    factRefs: [...a, ...b].map((f) => indexOf.get(f)).filter((i): i is number => i !== undefined),
  }];
}
