// How far an identity may miss and still hold: the documents admit rounding (尾数误差) when
// amounts are converted between 元 and 万元, half a unit of the last printed decimal per addend.
import { Decimal } from 'decimal.js';

export function decimalsOf(raw: Decimal): number {
  return raw.decimalPlaces();
}

/** Tolerance for a sum of `n` printed addends with at most `dp` decimals (at least one unit of
 *  the last place, because the total itself is rounded too). */
export function tolerance(n: number, dp: number): Decimal {
  const unit = new Decimal(10).pow(-Math.max(dp, 0));
  return Decimal.max(unit, unit.times(0.5).times(n + 1));
}
