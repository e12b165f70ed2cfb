// Cell text helpers for performance forms: cleaning, garbled-OCR detection, placeholders.
import { cleanLabel } from '../values/labels.js';
import { parseNumber } from '../values/numbers.js';

/** Cell text cleaned for output: markup removed, white space inside CJK text removed, runs of
 *  white space between Latin words kept as one space. */
export function cleanText(s: string): string {
  return s
    .replace(/<\/?b>/gi, '')
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '')
    .replace(/(?<=\d) (?=[%‰])/g, '')
    .trim();
}

/** Key for vocabulary matching: no white space, NFKC, no trailing colon. */
export function vocabKey(s: string): string {
  return cleanLabel(s).normalize('NFKC').replace(/[:：]+$/, '');
}

/** Characters a Chinese budget form legitimately prints. */
const ALLOWED_CHAR =
  /[\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\u0020-\u007e\u00a0\u00b0\u00b1\u00b7\u00d7\u00f7\u2010-\u205e\u2100-\u23ff\u2460-\u27bf\u3200-\u33ff\ufe30-\ufe4f]/u;

/**
 * True when a cell's text is OCR junk rather than something printed: characters outside the scripts a
 * Chinese form uses (`ž`, Thai `์ ปี`), or Latin letters with no CJK at all that are not a short
 * acronym (`ETTIL M. AV`, `M. ZE bb`, `l.`).
 */
export function isGarbled(s: string): boolean {
  const t = s.trim();
  if (!t) return false;
  for (const ch of t) if (!ALLOWED_CHAR.test(ch)) return true;
  if (/[\u4e00-\u9fff]/.test(t)) return false;
  if (!/[A-Za-z]/.test(t)) return false;
  return !/^[A-Z]{2,6}$/.test(t.replace(/\s+/g, ''));
}

/** Template placeholders printed where no indicator was filled in: `指标 2:`, `指标 1: 指标 2:`, `.....`. */
export function isPlaceholder(s: string): boolean {
  const k = vocabKey(s);
  if (k === '') return false;
  return /^(指标[:：]?\d+[:：]?)+$/.test(k) || /^[.。…·]{2,}$/.test(k);
}

/** `指标 1: 工作人员数量` → `工作人员数量` (the template's numbering label removed). */
export function stripIndicatorLabel(s: string): string {
  return s.replace(/^\s*指标\s*[:：]?\s*\d+\s*[:：]\s*/, '');
}

/** A number cell as a plain decimal string, or null when it is not a single number. */
export function plainNumber(raw: string): string | null {
  const p = parseNumber(raw);
  return p && !p.dash ? p.clean : null;
}

export function isNumberCell(raw: string): boolean {
  return parseNumber(raw) !== null;
}

/** Looks like a printed target or value (`≥2800 件`, `=100%`, `12 次`, `100 比率`), not a label. */
export function isValueLike(raw: string): boolean {
  const t = cleanLabel(raw).normalize('NFKC');
  if (t === '') return false;
  if (/^(≥|≤|>=|<=|>|<|=|≧|≦)/.test(t)) return true;
  if (isNumberCell(t)) return true;
  return /^\d[\d,]*(\.\d+)?[%‰]?[\u4e00-\u9fffA-Za-z/.㎡]{0,5}$/.test(t);
}

export function isCheckMark(s: string): boolean {
  return /^[√✓✔☑]$/.test(s.trim());
}
