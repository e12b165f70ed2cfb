// printed_total: the generic identities of a table's own structure, where no rule of the kind
// names its rows or columns (knowledge/checks.json `printed_totals`):
//  - rows: a row labelled as a total (合计, 总计, 本年收入合计 …) equals the sum of the rows it
//    closes, taken at the top level of the list numbering (一、 over 1、 over (1); a printed code's
//    length likewise): the rows printed since the previous total, or, when the total is printed
//    first, the rows below it up to the next total. A total after a total adds the earlier one
//    (收入总计 = 本年收入合计 + 上年结转). Rows that are themselves parts of another row (其中…, 小计)
//    are never parts. Below the top level, a numbered row equals the sum of the rows of the next
//    numbering level printed under it (一、财政拨款 = 1、一般公共预算 + 2、政府性基金).
//  - columns: within a row, a column headed `<group> / 小计` (or 合计) equals the sum of the
//    other columns under the same group (本年收入 / 小计 = 本年收入 / 一般公共预算 + …), 其中
//    columns left out.
// These identities are inferred from the layout, not declared: one that holds with the parts
// verification asks for verifies its members; one that fails is not reported (the structure was
// only a guess), unless the table's kind is listed in `must_hold`.
import type { CheckResult, Fact } from '../../model/types.js';
import { compareSum, type CompareOptions } from './compare.js';
import { checkKnowledge } from './knowledge.js';
import { groupBy, label } from './select.js';
import { parseTree } from './tree.js';
import { numberingStyle } from '../values/labels.js';

export interface PrintedTotals {
  /** a row label (numbering stripped) that closes a list: 合计, 总计, 本年收入合计 … */
  total_item: string;
  /** rows never taken as parts: subtotals and 其中 rows (over the label as printed) */
  not_part_item: string;
  /** the last level of a column header that is its group's subtotal */
  subtotal_column: string;
  /** column header levels never taken as parts (其中 …) */
  not_part_column: string;
  /** kinds whose printed totals must hold: a failure is reported */
  must_hold?: string[];
  /** kinds left out (their structure is checked by a declared identity that would disagree) */
  exclude_kinds?: string[];
  /** kinds the other checks leave out whose printed totals are read all the same (`unknown`: a
   *  grid no kind names still adds up or not); their money amounts only */
  include_kinds?: string[];
}

/** The numbering level of a row label as printed: 一、 < （一） < 1、 < (1) < ①; a code by its
 *  length; '' when unnumbered. */
export function numberingLevel(f: Fact): string {
  if (f.code && /^\d+$/.test(f.code)) return `code${f.code.length}`;
  return numberingStyle(f.item);
}

const ORDER = ['cn', 'cn_paren', 'arabic', 'arabic_paren', 'circled'];

function rules(): PrintedTotals | undefined {
  return checkKnowledge().printed_totals;
}

export function printedTotalChecks(facts: Fact[], o: CompareOptions): CheckResult[] {
  const r = rules();
  if (!r) return [];
  const reTotal = new RegExp(r.total_item);
  const reNotPart = new RegExp(r.not_part_item);
  const mustHold = new Set(r.must_hold ?? []);
  const excluded = new Set(r.exclude_kinds ?? []);
  const out: CheckResult[] = [];
  const sum = (total: Fact, parts: Fact[], subject: string): void => {
    if (parts.length === 0) return;
    const res = compareSum(total, parts, 'printed_total', subject, o);
    if (mustHold.has(total.table_kind)) out.push(...res);
  };
  const mine = facts.filter((f) => !excluded.has(f.table_kind));
  // rows: per table, section and column
  for (const group of groupBy(mine, (f) => `${f.table_id}|${f.section}|${f.measure}|${f.col}`).values()) {
    if (group.length < 3) continue;
    const rows = [...group].sort((a, b) => a.row - b.row);
    // one fact per row (a row printed twice is not a list)
    if (new Set(rows.map((f) => f.row)).size !== rows.length) continue;
    const isTotal = (f: Fact) => !f.code && reTotal.test(label(f));
    const isPart = (f: Fact) => !isTotal(f) && !reNotPart.test(f.item.normalize('NFKC'));
    // the top level of a run of rows: the level of its first part
    const topLevel = (run: Fact[]) => run.filter(isPart).map(numberingLevel)[0];
    const top = (run: Fact[]) => {
      const lv = topLevel(run);
      return lv === undefined ? [] : run.filter((f) => isPart(f) && numberingLevel(f) === lv);
    };
    let start = 0;
    let prevTotal: Fact | undefined;
    for (let i = 0; i < rows.length; i++) {
      const f = rows[i]!;
      if (!isTotal(f)) continue;
      const before = rows.slice(start, i);
      if (before.length === 0 && !prevTotal) {
        // the total printed first: the rows below it, up to the next total
        let j = i + 1;
        while (j < rows.length && !isTotal(rows[j]!)) j++;
        sum(f, top(rows.slice(i + 1, j)), `${label(f)} = Σ the rows below it`);
      } else {
        const parts = [...(prevTotal ? [prevTotal] : []), ...top(before)];
        sum(f, parts, `${label(f)} = Σ the rows above it`);
      }
      prevTotal = f;
      start = i + 1;
    }
    // below the top level: a numbered row over the rows of the next level printed under it
    for (let i = 0; i < rows.length; i++) {
      const p = rows[i]!;
      const lv = numberingLevel(p);
      if (!isPart(p) || !ORDER.includes(lv)) continue;
      const children: Fact[] = [];
      let childLevel: string | undefined;
      for (let j = i + 1; j < rows.length; j++) {
        const c = rows[j]!;
        const cl = numberingLevel(c);
        if (isTotal(c)) break;
        if (!isPart(c)) continue;
        if (cl === lv || (ORDER.includes(cl) && ORDER.indexOf(cl) < ORDER.indexOf(lv)) || cl === '') break;
        childLevel ??= cl;
        if (cl === childLevel) children.push(c);
      }
      if (children.length >= 2) sum(p, children, `${label(p)} = Σ the rows numbered under it`);
    }
  }
  // lists without numbering (projects under units under the department, purchases under items):
  // the nesting read from the amounts themselves (tree.ts); only a parse in which every parent
  // and the total row add up is taken
  for (const group of groupBy(mine, (f) => `${f.table_id}|${f.section}|${f.measure}|${f.col}`).values()) {
    const rows = [...group].sort((a, b) => a.row - b.row);
    if (rows.length < 4 || new Set(rows.map((f) => f.row)).size !== rows.length) continue;
    const isTotal = (f: Fact) => !f.code && reTotal.test(label(f));
    // zero rows are left out: their place in the nesting is not pinned by any amount, so no parse
    // vouches for them
    const body = (fs: Fact[]) => fs.filter((f) => !f.value.isZero() && !reNotPart.test(f.item.normalize('NFKC')));
    // each total over the rows it closes: those since the previous total or, printed first, those
    // below it up to the next total
    let start = 0;
    for (let i = 0; i < rows.length; i++) {
      const t = rows[i]!;
      if (!isTotal(t)) continue;
      let seg = rows.slice(start, i);
      if (seg.length === 0 && start === 0) {
        let j = i + 1;
        while (j < rows.length && !isTotal(rows[j]!)) j++;
        seg = rows.slice(i + 1, j);
      }
      start = i + 1;
      if (seg.length < 3) continue;
      const ids = parseTree(t, body(seg), o.tableDp?.get(t.table_id) ?? 2);
      for (const [parent, children] of ids ?? []) sum(parent, children, `${label(parent)} = Σ the rows it heads (nesting read from the amounts)`);
    }
  }
  // codes resolved from the printed names (hierarchy.ts takes the printed ones): a parent equals
  // the sum of its children
  for (const group of groupBy(mine.filter((f) => /^\d{3,7}$/.test(f.code)), (f) => `${f.table_id}|${f.section}|${f.measure}|${f.col}`).values()) {
    if (!group.some((f) => f.code_source === 'resolved')) continue;
    const byCode = groupBy(group, (f) => f.code);
    for (const [code, fs] of byCode) {
      if (fs.length !== 1) continue;
      const children = [...byCode.entries()].filter(([c]) => c.length === code.length + 2 && c.startsWith(code)).map(([, cs]) => cs);
      if (children.length < 2 || children.some((cs) => cs.length !== 1)) continue;
      sum(fs[0]!, children.map((cs) => cs[0]!), `${code} = Σ children (codes resolved from the names)`);
    }
  }
  // columns: <group> / 小计 = Σ the other columns of the group, within one row
  const reSub = new RegExp(r.subtotal_column);
  const reNotCol = new RegExp(r.not_part_column);
  for (const row of groupBy(mine, (f) => `${f.table_id}|${f.section}|${f.row}`).values()) {
    const levels = (f: Fact) => f.measure_label.split(' / ').map((s) => s.replace(/\s+/g, ''));
    for (const sub of row.filter((f) => { const l = levels(f); return l.length >= 2 && reSub.test(l[l.length - 1]!); })) {
      const prefix = levels(sub).slice(0, -1).join(' / ');
      const depth = levels(sub).length;
      const parts = row.filter((f) => {
        if (f === sub) return false;
        const l = levels(f);
        return l.length === depth && l.slice(0, -1).join(' / ') === prefix && !reSub.test(l[l.length - 1]!) && !reNotCol.test(l[l.length - 1]!);
      });
      // the group's columns deeper down (购置费 under 公务用车 / …) leave the sum incomplete
      if (row.some((f) => levels(f).length > depth && levels(f).slice(0, depth - 1).join(' / ') === prefix)) continue;
      if (parts.length >= 2) sum(sub, parts, `${sub.measure_label} = Σ the columns of its group`);
    }
  }
  return out;
}
