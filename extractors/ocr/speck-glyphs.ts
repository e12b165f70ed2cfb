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
const SPECK = `.,:;'"“”‘’\`\\\\|`;
const LEAD = new RegExp(`^[${SPECK}]+(?=[\\u3400-\\u9fff\\uf900-\\ufaff])`);
// (after a list comma too: 四、: of 四、:科学技术支出 read as two words)
const TRAIL = new RegExp(`(?<=[\\u3400-\\u9fff\\uf900-\\ufaff、])[${SPECK}]+$`);

/** a speck right after a list comma (八、.社会保障和就业支出): 、 numbers a list item, and the item's
 *  text follows it; no ASCII mark does */
const AFTER_LIST_COMMA = new RegExp(`(?<=、)[${SPECK}]+(?=[\\u3400-\\u9fff\\uf900-\\ufaff])`, 'g');

/** a speck inside a label, between two CJK characters (支.出总计, 行政事业单位离退.休), read as a point,
 *  a quote or a stroke: no ASCII point is printed between two Chinese characters (a comma or a colon
 *  may be a misread ，or ：, and is left alone); a point after a numeral is a list number (二.), kept */
const INNER = /(?<=[\u3400-\u9fff\uf900-\ufaff])(?<![一二三四五六七八九十])[.'`\\|]+(?=[\u3400-\u9fff\uf900-\ufaff])/g;
/** inner specks are taken out of words this long at most: a table's label, not a line of prose (where
 *  a point may be a misread 。) */
const INNER_MAX = 20;
/** a corner bracket with no partner against a CJK character (总「计, 总计「): a rule's end or a speck */
const LONE_BRACKET = /(?<=[\u3400-\u9fff\uf900-\ufaff])[「」]|[「」](?=[\u3400-\u9fff\uf900-\ufaff])/g;

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
  let t = quoted ? text : text.replace(LEAD, '').replace(TRAIL, '').replace(AFTER_LIST_COMMA, '');
  if (t.length <= INNER_MAX) {
    t = t.replace(INNER, '');
    if (/[「」]/.test(t) && !(t.includes('「') && t.includes('」'))) t = t.replace(LONE_BRACKET, '');
  }
  return t || text;
}
