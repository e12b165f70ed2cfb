// Grouping tokens into physical text lines (tokens sharing a baseline band), and a line into
// segments separated by wide gaps.
import type { Box, Token } from '../../model/types.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from './settings.js';
import { boxOf, cy, isFigure, separator } from './text.js';

export interface Line {
  tokens: Token[]; // left to right
  box: Box;
  /** typical font size on the line */
  size: number;
}

/** Group tokens into lines: a token joins the line whose vertical band holds its centre. Tokens
 *  are visited top to bottom, so this is one sort plus a linear sweep over the open lines. */
export function groupLines(tokens: readonly Token[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Line[] {
  const s = settings.lines;
  const sorted = [...tokens].sort((a, b) => cy(a.box) - cy(b.box) || a.box.x0 - b.box.x0);
  const lines: { tokens: Token[]; y0: number; y1: number; c: number }[] = [];
  for (const t of sorted) {
    const c = cy(t.box);
    const h = t.box.y1 - t.box.y0;
    let target: (typeof lines)[number] | undefined;
    // only the last few lines can still be open: tokens arrive in centre order
    for (let k = lines.length - 1; k >= 0 && k >= lines.length - s.openLines; k--) {
      const l = lines[k]!;
      const lh = l.y1 - l.y0;
      const overlap = Math.min(l.y1, t.box.y1) - Math.max(l.y0, t.box.y0);
      if (Math.abs(c - l.c) <= Math.min(lh, h) * s.centreTolerance || overlap >= Math.min(lh, h) * s.overlapShare) {
        target = l;
        break;
      }
    }
    if (target) {
      target.tokens.push(t);
      target.y0 = Math.min(target.y0, t.box.y0);
      target.y1 = Math.max(target.y1, t.box.y1);
    } else {
      lines.push({ tokens: [t], y0: t.box.y0, y1: t.box.y1, c });
    }
  }
  return lines.map((l) => {
    const toks = l.tokens.sort((a, b) => a.box.x0 - b.box.x0);
    const sizes = toks.map((t) => t.fontSize).sort((a, b) => a - b);
    return { tokens: toks, box: boxOf(toks)!, size: sizes[sizes.length >> 1] ?? s.fallbackFontSize };
  });
}

/** Text of tokens on one line: CJK fragments glued, Latin words and numbers spaced. */
export function lineText(tokens: readonly Token[], spaceWideGaps = true, settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): string {
  const s = settings.lines;
  let out = '';
  let prev: Token | undefined;
  for (const t of tokens) {
    if (!out) out = t.text;
    else {
      const gap = prev ? t.box.x0 - prev.box.x1 : 0;
      // touching pieces are one word (a number set in two runs: 115|43.27, 201|7年度)
      const touching = gap < t.fontSize * s.touchingGap;
      const sep = touching ? '' : separator(out, t.text) || (spaceWideGaps && gap > t.fontSize * s.spaceGap ? ' ' : '');
      out += sep + t.text;
    }
    prev = t;
  }
  return out;
}

/** three or more leader dots ending a token */
export const LEADER = /[.…·]{3,}$/;

/** Split a line at gaps wider than `gapFactor` font sizes; between two figures (numbers set in
 *  adjacent columns) already at gaps wider than `figureGap` font sizes. */
export function segments(line: Line, gapFactor: number, figureGap = gapFactor): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  let prev: Token | undefined;
  for (const t of line.tokens) {
    const gap = t.box.x0 - (prev?.box.x1 ?? 0);
    const em = Math.max(prev?.fontSize ?? 0, t.fontSize);
    // (in cell mode a dot leader closes its cell: the value follows in the next column)
    const cellMode = figureGap < gapFactor;
    if (prev && (gap > em * gapFactor || (cellMode && ((gap > em * figureGap && isFigure(prev.text) && isFigure(t.text)) || LEADER.test(prev.text))))) {
      out.push(cur);
      cur = [];
    }
    cur.push(t);
    prev = t;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Text of the tokens of one cell: lines top to bottom, fragments joined without spaces between
 *  CJK pieces. */
export function cellText(tokens: readonly Token[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): string {
  if (tokens.length === 0) return '';
  if (tokens.length === 1) return tokens[0]!.text;
  // lines are wrapped text: a number broken over two lines (1682.7 / 6 in a narrow cell) is one
  // number again; other fragments join as on a line
  let out = '';
  for (const l of groupLines(tokens, settings)) {
    const t = lineText(l.tokens, false, settings);
    if (!out) out = t;
    else if (/[\d.,]$/.test(out) && /^[\d.,]/.test(t)) out += t;
    else out += separator(out, t) + t;
  }
  return out;
}
