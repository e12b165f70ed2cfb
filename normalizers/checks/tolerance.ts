// How far an identity may miss and still hold: the documents admit rounding (尾数误差) when
// amounts are converted between 元 and 万元, half a unit of the last printed decimal per addend.
// The rule: tolerance(n, dp) = max(10^-dp, 0.5 * 10^-dp * (n + 1)), n = the non-zero addends (a
// printed 0.00 carries no rounding), dp = the most decimals the table prints (decimal.js reads
// 14.00 as 14, so the table's precision is used, not the cell's). At 2 decimals: 0.01 for one
// addend, 0.015 for two, 0.025 for four: the 0.01-0.02 万元 the documents differ by.
import { Decimal } from 'decimal.js';

/** Tolerance for a sum of `n` printed addends with at most `dp` decimals (at least one unit of
 *  the last place, because the total itself is rounded too). */
export function tolerance(n: number, dp: number): Decimal {
  const unit = new Decimal(10).pow(-Math.max(dp, 0));
  return Decimal.max(unit, unit.times(0.5).times(n + 1));
}
