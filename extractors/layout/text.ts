// Small text helpers shared by the layout strategies: joining fragments, recognising numbers.
import type { Box, Token } from '../../model/types.js';

const ASCII_WORD = /[A-Za-z0-9%.)\]]/;
const ASCII_WORD_START = /[A-Za-z0-9(\[]/;

/** Separator between two fragments of one cell or line: none between CJK pieces (a wrapped
 *  name is one word), a space between Latin words or numbers. */
export function separator(left: string, right: string): string {
  const a = left.slice(-1);
  const b = right.slice(0, 1);
  return ASCII_WORD.test(a) && ASCII_WORD_START.test(b) ? ' ' : '';
}

export function joinTexts(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    out = out ? out + separator(out, p) + p : p;
  }
  return out;
}

/** An amount as printed in these tables: 1,234.56 / -3.00 / 12% / (3.5); also a bare 0 or dash. */
const AMOUNT = /^[-−–]?[(（]?[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?[)）]?%?$/;

export function isNumeric(text: string): boolean {
  return AMOUNT.test(text);
}

/** A figure as printed in a table cell of any language: an amount, or one with a currency sign
 *  or a footnote mark (\$1,234, 12.5*). Two figures side by side are two cells even when the gap
 *  between them is narrow. */
const FIGURE = /^[-−–+]?[(（]?[$€£¥]?[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?[)）]?%?[*†‡]?$/;

export function isFigure(text: string): boolean {
  return FIGURE.test(text);
}

/** A number with a decimal part or thousands separators: certainly a value, never a code. */
export function isAmount(text: string): boolean {
  return AMOUNT.test(text) && /[.,%]/.test(text);
}

export function cx(b: Box): number {
  return (b.x0 + b.x1) / 2;
}

export function cy(b: Box): number {
  return (b.y0 + b.y1) / 2;
}

export function union(a: Box | undefined, b: Box): Box {
  if (!a) return { ...b };
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

export function boxOf(tokens: readonly Token[]): Box | undefined {
  let b: Box | undefined;
  for (const t of tokens) b = union(b, t.box);
  return b;
}
