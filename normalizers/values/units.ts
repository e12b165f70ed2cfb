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

/** A fact whose table prints no unit, in a document none of whose tables prints one: its unit is
 *  万元 (the unit most of these disclosures print), assumed. */
export const UNIT_ASSUMED = 'unit_assumed';
/** A fact whose table prints no unit, in a document whose tables print more than one (元 and 万元):
 *  the unit most of them print is taken, and could be the other. */
export const UNIT_INFERRED = 'unit_inferred';

/** The flag for the money facts of a table that prints no unit, given the units the document's
 *  tables print: none where they print one unit only (the table takes it). */
export function unitDoubt(units: string[]): string {
  const printed = new Set(units.filter((u) => isMoneyUnit(u)));
  return printed.size === 0 ? UNIT_ASSUMED : printed.size > 1 ? UNIT_INFERRED : '';
}
