// Toner specks glued to a word: a speck right before or after a CJK word comes back as part of it,
// read as a point, a comma, a colon or a quote mark (合计.“ for 合计, .栏次 for 栏次, 住房保障支出.
// for 住房保障支出, 合计: for 合计). Chinese text prints no ASCII point, comma, colon or quote mark
// against a CJK character (其中： prints a full-width colon, left alone)
// (its own are 。，、“” set apart and read as such by chi_sim, or kept by this rule only when they
// stand alone), so such marks at either end of a word that holds CJK are taken off. A full stop 。
// ends a sentence, and no sentence is a word of one or two characters: one after such a word (项。
// for the 项 of a 类 款 项 header, 合计。) is a speck too (SHORT_STOP).
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** the marks a speck is read as */
const SPECK = `.,:;'"“”‘’\``;
const LEAD = new RegExp(`^[${SPECK}]+(?=[\\u3400-\\u9fff\\uf900-\\ufaff])`);
const TRAIL = new RegExp(`(?<=[\\u3400-\\u9fff\\uf900-\\ufaff])[${SPECK}]+$`);

/** a full stop after a word of one or two CJK characters */
const SHORT_STOP = /^([\u3400-\u9fff\uf900-\ufaff]{1,2})。$/;

/** `text` without the speck marks at its ends, when they touch a CJK character (a word without CJK is
 *  left as it is: a number keeps its points and commas). */
export function trimSpeckGlyphs(text: string): string {
  if (!CJK.test(text)) return text;
  const stop = SHORT_STOP.exec(text);
  if (stop) return stop[1]!;
  // a pair of quote marks is printed text (“三公”经费)
  const quoted = /[“”"]/.test(text.replace(LEAD, '').replace(TRAIL, '')) || (text.includes('“') && text.includes('”'));
  const t = quoted ? text : text.replace(LEAD, '').replace(TRAIL, '');
  return t || text;
}
