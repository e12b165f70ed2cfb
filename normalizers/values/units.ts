// Units printed with tables (单位：万元 / 金额单位：元) and exact conversion to 元.
import { Decimal } from 'decimal.js';

type MoneyUnit = '元' | '万元' | '亿元' | '千元';

const FACTORS: Record<MoneyUnit, Decimal> = {
  元: new Decimal(1),
  千元: new Decimal(1000),
  万元: new Decimal(10000),
  亿元: new Decimal(100000000),
};

/** Find the money unit in a unit line; tolerates `单位：万 元`, `(单位:万元)`, `金额单位：元`. */
export function findUnit(text: string): MoneyUnit | '' {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /(?:金额)?单位[:：]?(亿元|万元|千元|元)/.exec(t);
  if (m) return m[1] as MoneyUnit;
  return '';
}

function isMoneyUnit(u: string): u is MoneyUnit {
  return u in FACTORS;
}

/** value in `unit` → 元, exactly; null when the unit is not money. */
export function toYuan(value: Decimal, unit: string): Decimal | null {
  if (!isMoneyUnit(unit)) return null;
  return value.times(FACTORS[unit]);
}

/** The unit most tables of a document print (the default for a table whose unit line is lost). */
export function mostCommonUnit(units: string[]): string {
  const counts = new Map<string, number>();
  for (const u of units) if (u) counts.set(u, (counts.get(u) ?? 0) + 1);
  let best = '';
  let n = 0;
  for (const [u, c] of counts) if (c > n) { best = u; n = c; }
  return best;
}
