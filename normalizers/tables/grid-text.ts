// Cell-level predicates shared by header detection and table understanding.
import { parseNumber } from '../values/numbers.js';
import { cleanLabel } from '../values/labels.js';

/** A classification code as printed: 3, 5 or 7 digits (类/款/项), spaces removed. */
const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;
/** One part of a split 类/款/项 code: 3 digits for 类, 2 for 款 and 项. */
export const CODE_PART_RE = /^\d{2,3}$/;

/** A code printed inside the row label: `[2010999]其他海关事务支出`, `【201】一般公共服务支出`. */
const BRACKETED_CODE = /^[\[【［]\s*(\d{3}(?:\d{2}){0,2})\s*[\]】］]\s*(.*)$/s;

/** The code and the name of a label that prints its code in brackets before the name. */
export function bracketedCode(text: string): { code: string; label: string } | null {
  const m = BRACKETED_CODE.exec(text.trim());
  return m ? { code: m[1]!, label: cleanLabel(m[2]!) } : null;
}

export function isCode(text: string): boolean {
  return CODE_RE.test(cleanLabel(text));
}

export function isNumberCell(text: string): boolean {
  return parseNumber(text) !== null;
}

export function isBlank(text: string): boolean {
  return cleanLabel(text) === '';
}

/** Header remnants printed in the code column of a total row: `类 款 项`, `栏次`. */
export function isCodeHeaderRemnant(text: string): boolean {
  return /^(类款项|类|款|项|栏次|行次|编码)$/.test(cleanLabel(text));
}

/** what some templates print over the label columns of the 栏次 row: `**`, `*` */
const COLUMN_NO_MARK = /^\*+$/;

/** A 栏次 row: 栏次 printed, or column numbers 1, 2, 3 … across the measure columns. */
export function isColumnNumberRow(cells: string[]): boolean {
  const t = cells.map(cleanLabel);
  if (t.some((c) => c === '栏次' || c === '行次' || COLUMN_NO_MARK.test(c))) {
    const rest = t.filter((c) => c !== '' && !isCodeHeaderRemnant(c) && !COLUMN_NO_MARK.test(c) && !/^(项目|科目名称)$/.test(c));
    if (rest.every((c) => /^\d{1,2}$/.test(c) || /^[甲乙丙丁]$/.test(c))) return true;
  }
  const nums = t.filter((c) => c !== '');
  if (nums.length < 2 || !nums.every((c) => /^\d{1,2}$/.test(c))) return false;
  const ints = nums.map(Number);
  return ints.every((v, i) => i === 0 || v === ints[i - 1]! + 1);
}
