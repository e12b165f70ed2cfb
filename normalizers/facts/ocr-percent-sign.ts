// The % sign of a rate read as a digit 7 (100.00% read 100.007, 95.68% read 95.687: small print,
// the sign's ring and slash run together into a 7). A rate column (执行率, 增减(%): the facts' unit
// is %) whose numbers print two decimals gains a third decimal, a 7, on each such number. One
// number so could be a rate printed with three decimals; a column where every rate read with a
// third decimal reads a 7 there is not: a column printed with three decimals ends in every digit.
// So, in one column of an OCR'd table: when at least `MIN` of its non-zero rates read three
// decimals ending in 7, and none reads three decimals ending otherwise, nor more than three (its
// other rates read two: the sign read as printed, on another page or row), those numbers drop the
// 7 (the value as printed, two decimals) and carry `flag`.
import { Decimal } from 'decimal.js';
import type { Fact } from '../../model/types.js';

/** the fewest rates of a column that read so (one alone could be printed so) */
const MIN = 2;

/** whether `f` reads three decimals, the last a 7 */
function endsInSeven(f: Fact): boolean {
  return f.scale === 3 && f.value.abs().toFixed(3).endsWith('7');
}

/** Drops the 7 read for the % sign from the rates of each column (`col`) of one OCR'd table's
 *  `facts` where every rate read with a third decimal reads a 7 there (two at least); each fact
 *  changed carries `flag`. */
export function percentSignsRead(facts: Fact[], flag: string): void {
  const byCol = new Map<number, Fact[]>();
  for (const f of facts) {
    if (f.unit !== '%' || f.value.isZero()) continue;
    byCol.set(f.col, [...(byCol.get(f.col) ?? []), f]);
  }
  for (const col of byCol.values()) {
    const seven = col.filter(endsInSeven);
    if (seven.length < MIN || col.some((f) => (f.scale ?? 0) > 3 || (f.scale === 3 && !endsInSeven(f)))) continue;
    for (const f of seven) {
      const printed = f.value.toFixed(3);
      f.value = new Decimal(printed.slice(0, -1));
      f.scale = 2;
      if (!f.flags.includes(flag)) f.flags = [...f.flags, flag];
    }
  }
}
