// Printed targets and actual values: `≥2800 件` → operator `≥`, value `2800`, unit `件`.
import { cleanLabel } from '../values/labels.js';
import { parseNumber } from '../values/numbers.js';
import { cleanText } from './text.js';

interface SplitValue {
  operator: string;
  value: string;
  unit: string;
}

const OPERATOR = /^(≥|≤|>=|<=|≧|≦|>|<|=|不低于|不高于|不少于|不多于|不超过|大于等于|小于等于|大于|小于|等于)/;
const NUMBER_THEN_UNIT = /^(\d[\d,]*(?:\.\d+)?)(.*)$/;

/** Split a printed target. A value that is not a number (`有效提升`, `实施`) is kept as printed. */
export function splitTarget(raw: string): SplitValue {
  let t = cleanLabel(raw).normalize('NFKC');
  if (t === '') return { operator: '', value: '', unit: '' };
  let operator = '';
  const op = OPERATOR.exec(t);
  if (op) {
    operator = op[1]!;
    t = t.slice(operator.length);
  }
  const m = NUMBER_THEN_UNIT.exec(t);
  if (m) {
    const n = parseNumber(m[1]!);
    if (n) return { operator, value: n.clean, unit: m[2]! };
  }
  return { operator, value: t, unit: '' };
}

/** A value cell of the 001 layout (内容 column): a number as a plain decimal, other text as printed. */
export function valueCell(raw: string): string {
  const n = parseNumber(raw);
  if (n && !n.dash) return n.clean;
  return cleanText(raw);
}

/**
 * The actual value: a plain decimal when the cell is a number, or a number in the target's unit
 * (`65.22 万元` with target unit 万元, `100%` with unit %); anything else as printed (`已正常使用1年`,
 * `=1人`, `100%` against a target in 台).
 */
export function actualValue(raw: string, targetUnit: string): string {
  const t = cleanLabel(raw);
  if (t === '') return '';
  const n = parseNumber(t);
  if (n && !n.dash && !t.includes('%')) return n.clean;
  const s = splitTarget(t);
  if (s.operator === '' && /^\d/.test(s.value) && s.unit === targetUnit) return s.value;
  return cleanText(raw);
}
