// The nesting of a list printed without numbering or indentation that survives extraction
// (项目支出表: the department, its units, their project groups, the projects, their items), read
// from the amounts: bottom-up, a row followed by two or more consecutive rows that add up to it
// exactly heads them (one row of the same amount too: a project printed with its only item); the rows it heads are folded into it, and the scan repeats until nothing
// folds. The parse is taken only when the rows left at the top add up to the printed total: a row
// folded under the wrong head leaves the top-level sum short, so a coincidence anywhere makes the
// whole parse fail, and then nothing is taken. Zero rows are not given to the parse (their place
// is pinned by no amount).
import { Decimal } from 'decimal.js';
import type { Fact } from '../../model/types.js';

/** [head, rows it heads] for every fold and [total, top-level rows] last, or undefined when the
 *  rows do not add up to the total. `dp`: the decimals the table prints. Two scans are tried, from
 *  the last row up (the deepest rows fold first) and from the first row down; the first whose
 *  parse adds up is taken. */
export function parseTree(total: Fact, rows: Fact[], dp: number): [Fact, Fact[]][] | undefined {
  return parse(total, rows, dp, true) ?? parse(total, rows, dp, false);
}

function parse(total: Fact, rows: Fact[], dp: number, fromEnd: boolean): [Fact, Fact[]][] | undefined {
  const unit = new Decimal(10).pow(-Math.max(0, dp));
  const near = (a: Decimal, b: Decimal) => a.minus(b).abs().lte(unit);
  const list = [...rows];
  const out: [Fact, Fact[]][] = [];
  /** the shortest run after `i` that reaches its amount (a zero head is never folded: zeros add up
   *  to it whatever they are), or -1 */
  const runEnd = (i: number): number => {
    const head = list[i]!;
    if (head.value.isZero()) return -1;
    let acc = new Decimal(0);
    for (let j = i + 1; j < list.length; j++) {
      acc = acc.plus(list[j]!.value);
      if (near(acc, head.value)) return j;
      if (acc.abs().gt(head.value.abs().plus(unit)) && list.slice(i + 1, j + 1).every((f) => !f.value.isNegative())) return -1;
    }
    return -1;
  };
  for (let pass = 0; pass < 8; pass++) {
    let folded = false;
    // a fold removes rows after the head only: the indices still to visit are not disturbed
    const fold = (i: number): void => {
      const end = runEnd(i);
      if (end < 0) return;
      out.push([list[i]!, list.slice(i + 1, end + 1)]);
      list.splice(i + 1, end - i);
      folded = true;
    };
    if (fromEnd) for (let i = list.length - 1; i >= 0; i--) fold(i);
    else for (let i = 0; i < list.length; i++) fold(i);
    if (!folded) break;
  }
  if (list.length < 1) return undefined;
  const top = list.reduce((a, f) => a.plus(f.value), new Decimal(0));
  if (!near(top, total.value)) return undefined;
  out.push([total, list]);
  return out;
}
