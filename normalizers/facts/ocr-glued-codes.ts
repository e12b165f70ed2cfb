// A code read into its row's label: the rule between an OCR'd table's code and name columns lost,
// the two cells read as one (`20i一般公共服动支出`, `E2080501行政单位离退佛`: a speck or a stroke of
// the lost rule read as a mark before it, a 1 read as the letter it looks like). The label's leading
// token is taken for the row's code when, its marks and lookalike letters put right, it is a code
// the classification knows, and the name after it is that code's (exactly, by alias or as a close
// garble: Taxonomy.checkName) or the code sits under the 类 or 款 printed above (a name too garbled
// to say). Anything else is left as read: a unit's code (six digits), a year, an item number.
import type { Taxonomy } from '../taxonomy/index.js';
import { LOOKALIKE_DIGITS } from '../tables/understand.js';

/** letters and marks a scan reads for a digit of a code: those of a code part's, and a lone i or |
 *  for a 1 (the rule's stroke beside it) */
const LOOKALIKE: Readonly<Record<string, string>> = { ...LOOKALIKE_DIGITS, i: '1', '|': '1' };

/** one mark before the token (a speck, a stroke of the lost rule: E, ©, 、), the token (a 类, 款 or
 *  项 code's length, digits and LOOKALIKE's keys), then the name, which starts with a Chinese
 *  character */
const GLUED = /^([^\d\s\u3400-\u9fff]?)\s?([\dilIoOsSB|]{3}|[\dilIoOsSB|]{5}|[\dilIoOsSB|]{7})\s?([\u3400-\u9fff].*)$/su;

interface GluedCode {
  code: string;
  item: string;
  /** a mark was dropped or a letter read as its digit */
  repaired: boolean;
}

/** The code `label` starts with (see the module comment), with the name after it; `context` holds
 *  the 类 and 款 in force above the row. */
export function gluedCode(label: string, context: readonly string[], taxonomy: Taxonomy, year: string): GluedCode | undefined {
  const m = GLUED.exec(label.trim());
  if (!m) return undefined;
  const [, mark, token, rest] = m;
  const letters = [...token!].filter((c) => !/\d/.test(c)).length;
  // at most one letter, among two digits at least
  if (letters > 1) return undefined;
  const code = [...token!].map((c) => LOOKALIKE[c] ?? c).join('');
  const e = taxonomy.lookup(code, year);
  if (!e || e.provisional || !taxonomy.systemOf(code)) return undefined;
  const item = rest!.trim();
  const named = taxonomy.checkName(code, item, year).ok;
  const placed = code.length > 3 && context.includes(code.slice(0, -2));
  if (!named && !placed) return undefined;
  return { code, item, repaired: !!mark || letters > 0 };
}
