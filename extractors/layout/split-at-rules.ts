// Figures that pdf.js joined across a rule. A producer that draws every glyph on its own leaves
// pdf.js to combine neighbours into items, and it joins glyphs that stand close whatever lies
// between them: in a narrow cell whose amount wraps (174,900 over .64), the last decimal of one
// cell and the first digit of the next come back as one item, `41` (…900.6|4 and 4|101,833.84),
// and the cell's centre rule put both in the next cell (174,900.6 and 4101,833.8). A text-layer
// token of digits and marks that a vertical rule of the region crosses (the rule runs through its
// height, half a glyph or more in from both ends), set glyph to glyph between figure tokens on
// both sides (touching them: the glyphs of such a producer), is cut at the glyph boundary nearest
// the rule, the glyphs taken as equally wide (figures are). A whole amount that merely reaches
// over a rule (1,000.00 printed to the edge of its cell, a gap before and after) is left whole.
// OCR'd words are parted at rules when they are read (extractors/ocr/page.ts).
import type { Token } from '../../model/types.js';
import type { VLine } from './regions.js';

/** a figure's characters: digits and the marks of amounts */
const FIGURE = /^[\d,.\-+%]+$/;

/** `tokens` with every text-layer figure a rule of `v` crosses cut there; `touch`: the gap (em)
 *  within which tokens touch (LineSettings.touchingGap). */
export function splitFiguresAtRules(tokens: readonly Token[], v: readonly VLine[], touch: number): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    // (the neighbours are looked for only where a rule crosses the figure)
    const pieces = t.confidence === undefined && FIGURE.test(t.text) ? cut(t, v) : [t];
    out.push(...(pieces.length > 1 && setInFigures(t, tokens, touch) ? pieces : [t]));
  }
  return out;
}

/** A figure touching `t` on each side, on its line (the glyphs of a producer that draws them one
 *  by one). */
function setInFigures(t: Token, tokens: readonly Token[], touch: number): boolean {
  const gap = t.fontSize * touch;
  const mid = (t.box.y0 + t.box.y1) / 2;
  const onLine = (o: Token) => o !== t && FIGURE.test(o.text) && o.box.y0 <= mid && o.box.y1 >= mid;
  const left = tokens.some((o) => onLine(o) && o.box.x0 < t.box.x0 && o.box.x1 >= t.box.x0 - gap);
  const right = tokens.some((o) => onLine(o) && o.box.x1 > t.box.x1 && o.box.x0 <= t.box.x1 + gap);
  return left && right;
}

function cut(t: Token, v: readonly VLine[]): Token[] {
  const n = t.text.length;
  if (n < 2) return [t];
  const w = (t.box.x1 - t.box.x0) / n;
  const mid = (t.box.y0 + t.box.y1) / 2;
  for (const l of v) {
    if (l.y0 > mid || l.y1 < mid) continue;
    const k = Math.round((l.x - t.box.x0) / w);
    if (k < 1 || k > n - 1) continue;
    const at = t.box.x0 + k * w;
    const left: Token = { ...t, text: t.text.slice(0, k), box: { ...t.box, x1: at } };
    const right: Token = { ...t, text: t.text.slice(k), box: { ...t.box, x0: at } };
    delete left.charX;
    delete right.charX;
    return [left, ...cut(right, v)];
  }
  return [t];
}
