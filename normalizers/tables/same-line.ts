// Two readings of one printed line: equal on a text layer (white space and punctuation aside), or,
// OCR'd, alike but for about a misread character in seven.
import { similarity } from '../taxonomy/text.js';

/** OCR misreads about one character or mark in seven of these small lines: two OCR'd readings at
 *  least this similar are the same printed line */
const OCR_SAME_LINE = 6 / 7;

/** an OCR'd line of Chinese text: a run of Latin letters in it is one misread character (部门 read
 *  部|IB), so it counts as one character, not as one per letter */
const ocrChars = (t: string): string => (/[\u3400-\u9fff]/.test(t) ? t.replace(/[A-Za-z]+/g, '?') : t);

/** A line's text without white space, punctuation and symbols: what two readings compare. */
export const lineWords = (t: string): string => t.replace(/[\s\p{P}\p{S}]/gu, '');

/** the same printed line, read twice: equal but for white space and punctuation; OCR'd text
 *  (`ocr`) may also differ by a misread character or mark in every seven (部门(单位》 for
 *  部门(单位)), a run of Latin letters in Chinese text counting as one. A text layer reads a
 *  repeated line exactly, so there two lines that differ by a word (…（非政府采购部分）项目… /
 *  …（政府采购部分）项目…) are two lines. */
export function sameLine(a: string, b: string, ocr: boolean): boolean {
  if (a === b) return true;
  const x = lineWords(a);
  const y = lineWords(b);
  if (!ocr || x.length < 4 || y.length < 4) return x === y && x !== '';
  return similarity(ocrChars(x), ocrChars(y)) >= OCR_SAME_LINE;
}
