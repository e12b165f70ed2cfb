// The nesting of a list printed without numbering or indentation that survives extraction
// (项目支出表: the department, its units, their project groups, the projects, their items; a 总表's
// 类 / 款 / 项 printed by name only), read from the amounts. The list is the preorder of a tree in
// which every row that heads others equals the sum of the rows it heads (one row of the same amount
// too: a project printed with its only item), and the rows at the top add up to the printed total.
// The parse folds greedily first: bottom-up, a row followed by consecutive rows that add up to it
// heads them, and the scan repeats until nothing folds (from the last row up, then from the first
// down; one-row runs taken at once, then only after the longer ones). Greedy folding can pair
// neighbours that merely cost the same (two studies at 30.00 each) and break the list around
// them, so when no greedy order adds up, a search with backtracking looks for a tree. A parse is
// taken only when every head and the total add up: a row put under the wrong head leaves a sum
// short, so a coincidence makes the parse fail, and then nothing is taken. Zero rows are not
// given to the parse (their place is pinned by no amount). Where several trees add up, the
// flattest found first is taken: each of them is consistent with every printed amount.
import { Decimal } from 'decimal.js';
import type { Fact } from '../../model/types.js';

/** How many partial parses the search may try before it gives up on a list (then nothing is
 *  taken): a bound on the time one list may cost. */
const SEARCH_BUDGET = 20_000;

/** [head, rows it heads] for every head and [total, top-level rows] last, or undefined when no
 *  nesting of the rows adds up to the total. `dp`: the decimals the table prints (a sum may miss
 *  by one unit of the last place: the amounts are rounded). */
export function parseTree(total: Fact, rows: Fact[], dp: number): [Fact, Fact[]][] | undefined {
  for (const fromEnd of [true, false]) {
    for (const oneRowFirst of [true, false]) {
      const greedy = foldGreedily(total, rows, dp, fromEnd, oneRowFirst);
      if (greedy) return greedy;
    }
  }
  return search(total, rows, dp);
}

function foldGreedily(total: Fact, rows: Fact[], dp: number, fromEnd: boolean, oneRowFirst: boolean): [Fact, Fact[]][] | undefined {
  const unit = new Decimal(10).pow(-Math.max(0, dp));
  const near = (a: Decimal, b: Decimal) => a.minus(b).abs().lte(unit);
  const list = [...rows];
  const out: [Fact, Fact[]][] = [];
  /** the shortest run after `i` that reaches its amount, if it has at least `minRows` rows (a zero
   *  head is never folded), or -1 */
  const runEnd = (i: number, minRows: number): number => {
    const head = list[i]!;
    if (head.value.isZero()) return -1;
    let acc = new Decimal(0);
    for (let j = i + 1; j < list.length; j++) {
      acc = acc.plus(list[j]!.value);
      if (near(acc, head.value)) return j - i >= minRows ? j : -1;
      if (acc.abs().gt(head.value.abs().plus(unit)) && list.slice(i + 1, j + 1).every((f) => !f.value.isNegative())) return -1;
    }
    return -1;
  };
  // each pass folds at least one run, so the passes are bounded by the rows
  for (let pass = 0; pass < rows.length; pass++) {
    let folded = false;
    // a fold removes rows after the head only: the indices still to visit are not disturbed
    const fold = (i: number, minRows: number): void => {
      const end = runEnd(i, minRows);
      if (end < 0) return;
      out.push([list[i]!, list.slice(i + 1, end + 1)]);
      list.splice(i + 1, end - i);
      folded = true;
    };
    for (const minRows of oneRowFirst ? [1] : [2, 1]) {
      if (fromEnd) for (let i = list.length - 1; i >= 0; i--) fold(i, minRows);
      else for (let i = 0; i < list.length; i++) fold(i, minRows);
      if (folded) break;
    }
    if (!folded) break;
  }
  if (list.length < 1) return undefined;
  const top = list.reduce((a, f) => a.plus(f.value), new Decimal(0));
  if (!near(top, total.value)) return undefined;
  out.push([total, list]);
  return out;
}

function search(total: Fact, rows: Fact[], dp: number): [Fact, Fact[]][] | undefined {
  const unit = new Decimal(10).pow(-Math.max(0, dp));
  const n = rows.length;
  if (n === 0) return undefined;
  const nonNegative = rows.every((f) => !f.value.isNegative()) && !total.value.isNegative();
  let budget = SEARCH_BUDGET;
  // forestEnds(i, target): the ends e such that rows[i..e) parse as a run of subtrees whose roots
  // add up to target; nodeEnds(i): the ends of the subtrees rooted at row i (leaf first)
  const forestMemo = new Map<string, number[]>();
  const nodeMemo = new Map<number, number[]>();
  const nodeEnds = (i: number): number[] => {
    const hit = nodeMemo.get(i);
    if (hit) return hit;
    const head = rows[i]!;
    const ends = [i + 1];
    // a zero head is never a parent: zeros add up to it whatever they are
    if (!head.value.isZero() && i + 1 < n) ends.push(...forestEnds(i + 1, head.value).filter((e) => e > i + 1));
    nodeMemo.set(i, ends);
    return ends;
  };
  const forestEnds = (i: number, target: Decimal): number[] => {
    const key = `${i}|${target.toString()}`;
    const hit = forestMemo.get(key);
    if (hit) return hit;
    forestMemo.set(key, []); // a cycle cannot occur (i only grows); this guards the budget path
    const ends = new Set<number>();
    if (target.abs().lte(unit)) ends.add(i);
    if (i < n && --budget > 0) {
      const rest = target.minus(rows[i]!.value);
      // amounts that are never negative: a run already past its target cannot come back
      if (!(nonNegative && rest.lt(unit.negated()))) {
        for (const e of nodeEnds(i)) for (const f of forestEnds(e, rest)) ends.add(f);
      }
    }
    const out = [...ends].sort((a, b) => a - b);
    forestMemo.set(key, out);
    return out;
  };
  if (!forestEnds(0, total.value).includes(n) || budget <= 0) return undefined;
  // rebuild one tree that ends where it must, leaf first: the roots of rows[i..end) adding up to
  // target, each head recorded with the rows it heads
  const out: [Fact, Fact[]][] = [];
  const buildForest = (i: number, end: number, target: Decimal): Fact[] | undefined => {
    if (i === end) return target.abs().lte(unit) ? [] : undefined;
    const head = rows[i]!;
    const rest = target.minus(head.value);
    for (const e of nodeEnds(i)) {
      if (e > end || !forestEnds(e, rest).includes(end)) continue;
      const mark = out.length;
      if (e > i + 1) {
        const children = buildForest(i + 1, e, head.value);
        if (!children) { out.length = mark; continue; }
        out.push([head, children]);
      }
      const tail = buildForest(e, end, rest);
      if (tail) return [head, ...tail];
      out.length = mark;
    }
    return undefined;
  };
  const top = buildForest(0, n, total.value);
  if (!top) return undefined;
  out.push([total, top]);
  return out;
}
