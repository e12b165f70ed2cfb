// What a threshold leaves of a digit whose thin strokes it lost. A 1-bit scan or a thin print loses
// a 4's thin diagonal and most of its crossbar, and the stem that is left reads 1 (497.53 read
// 197.53); it loses a 5's thin upright, and the bar left above a 3-like bowl reads 3 (497.53 read
// 197.33). What is left tells them apart:
//  - a 4 read 1: ink left of the stem at the crossbar's height, a speck on its own (the crossbar's
//    thick end) or a stub on the stem; a 1 has ink left of its stem only at the top (its flag) and
//    at the foot (its serif), where a comma or a point sits too;
//  - a 5 read 3: a low bar alone at the top of the glyph, from its left edge, with nothing joining
//    it to the bowl below; a 3's top is an arc whose thin top, when the threshold cuts it, leaves a
//    short upright end at the left, not a bar.
// The glyphs are matched to the digits read (a digit broken into pieces side by side takes several).
// This module only looks: which reading a cell takes is decided by the sums
// (normalizers/ocr-correct/reread.ts).
import type { Box } from '../../model/types.js';
import { forEachBlob, type Blob } from './blobs.js';
import type { GreyImage } from './image.js';
import { DEFAULT_OCR_SETTINGS, type StrokeRemnantSettings } from './settings.js';

interface Glyph extends Blob {
  /** blobs of the glyph (a digit broken at the threshold is several) */
  parts: Blob[];
}

/** The ink of `img` (grey ≤ `threshold`) inside `b`: a 0/1 mask and its blobs, in image pixels. */
function inkIn(img: GreyImage, threshold: number, b: Box): { mask: Uint8Array; x0: number; y0: number; w: number; h: number; blobs: Blob[] } {
  const x0 = Math.max(0, Math.floor(b.x0)), y0 = Math.max(0, Math.floor(b.y0));
  const x1 = Math.min(img.width - 1, Math.ceil(b.x1)), y1 = Math.min(img.height - 1, Math.ceil(b.y1));
  const w = Math.max(0, x1 - x0 + 1), h = Math.max(0, y1 - y0 + 1);
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) mask[y * w + x] = img.data[(y0 + y) * img.width + x0 + x]! <= threshold ? 1 : 0;
  const blobs: Blob[] = [];
  forEachBlob(mask, w, h, (q) => blobs.push({ ...q }));
  return { mask, x0, y0, w, h, blobs };
}

/** Blobs joined by their columns (transitively): each group is one glyph or one mark. */
function columnGroups(blobs: readonly Blob[]): Glyph[] {
  const sorted = [...blobs].sort((a, b) => a.x0 - b.x0);
  const out: Glyph[] = [];
  for (const q of sorted) {
    const last = out[out.length - 1];
    if (last && q.x0 <= last.x1) {
      last.parts.push(q);
      last.x1 = Math.max(last.x1, q.x1);
      last.y0 = Math.min(last.y0, q.y0);
      last.y1 = Math.max(last.y1, q.y1);
    } else out.push({ ...q, parts: [q] });
  }
  return out;
}

/** A digit read where the glyph shows another that lost strokes: its position in the text, and the digit. */
export interface StrokeRemnant { at: number; digit: '4' | '5' }

/** The digits of `text` (a number as read: digits, separators) whose glyph in `box` (pixels of
 *  `img`, the number's word; the ink is looked at `s.sideEm` of its height further left) shows
 *  what a threshold leaves of a 4 read 1 (ink left of the stem between `s.bandTop` and
 *  `s.bandBottom` of the digits' height: a mark of its own no further than `s.reachEm` of that
 *  height, or a stub `s.stubPx` wider than the stem's edge) or of a 5 read 3 (a bar alone at the
 *  top: at most `s.barHeight` of the glyph's height high, at least `s.barWidth` of its width wide
 *  from its left edge, a row clear of the rest). Empty when the glyphs
 *  cannot be matched to the digits. */
export function strokeRemnants(img: GreyImage, threshold: number, box: Box, text: string, s: StrokeRemnantSettings = DEFAULT_OCR_SETTINGS.strokeRemnants): StrokeRemnant[] {
  const digits = [...text].map((c, i) => ({ c, i })).filter((d) => /\d/.test(d.c));
  if (!digits.some((d) => d.c === '1' || d.c === '3')) return [];
  const hBox = box.y1 - box.y0;
  if (hBox < s.minHeightPx) return [];
  const ink = inkIn(img, threshold, { x0: box.x0 - s.sideEm * hBox, y0: box.y0 - s.lineMargin * hBox, x1: box.x1, y1: box.y1 + s.lineMargin * hBox });
  if (!ink.blobs.length) return [];
  const groups = columnGroups(ink.blobs);
  const tall = Math.max(...groups.map((g) => g.y1 - g.y0 + 1));
  if (tall < s.minHeightPx) return [];
  const isDigit = (g: Glyph): boolean => g.y1 - g.y0 + 1 >= tall * s.digitHeight;
  // the word box may leave out the digits' own marks at its left: only the glyphs from the first
  // one inside the box count
  const pieces = groups.filter((g) => isDigit(g) && g.x1 + ink.x0 >= box.x0);
  const glyphs = alignDigits(pieces, digits.map((d) => d.c), tall, s);
  if (!glyphs) return [];
  const out: StrokeRemnant[] = [];
  glyphs.forEach((g, k) => {
    if (!g) return;
    const prev = glyphs.slice(0, k).reverse().find((x) => x !== undefined);
    if (digits[k]!.c === '1' && lostCrossbar(ink, groups.filter((m) => !isDigit(m)), g, prev ? prev.x1 : -1, s)) out.push({ at: digits[k]!.i, digit: '4' });
    if (digits[k]!.c === '3' && lostUpright(g, s)) out.push({ at: digits[k]!.i, digit: '5' });
  });
  return out;
}

type Ink = ReturnType<typeof inkIn>;

/** Whether the stem `g` (read 1) has ink left of it at a 4's crossbar height: one of `marks` (groups
 *  too low to be digits) wholly left of it and right of the digit before (`prevRight`), or a stub
 *  on its left edge. */
function lostCrossbar(ink: Ink, marks: readonly Glyph[], g: Glyph, prevRight: number, s: StrokeRemnantSettings): boolean {
  const h = g.y1 - g.y0 + 1;
  const top = g.y0 + s.bandTop * h, bottom = g.y0 + s.bandBottom * h;
  const mark = marks.some((m) => m.x1 < g.x0 && m.x0 > prevRight && g.x0 - m.x1 <= s.reachEm * h
    && (m.y0 + m.y1) / 2 >= top && (m.y0 + m.y1) / 2 <= bottom && m.y1 - m.y0 + 1 <= s.markHeight * h);
  if (mark) return true;
  // the glyph's left edge, row by row, reaches further left in the band than along the stem
  const lefts: number[] = [];
  for (let y = g.y0; y <= g.y1; y++) {
    let left = -1;
    for (let x = g.x0; x <= g.x1; x++) if (ink.mask[y * ink.w + x]) { left = x; break; }
    lefts.push(left);
  }
  const stem = lefts.filter((l, j) => l >= 0 && j >= s.stemFrom * h && j <= s.stemTo * h).sort((a, b) => a - b);
  const edge = stem.length ? stem[Math.floor(stem.length / 2)]! : g.x0;
  for (let y = Math.ceil(top); y <= Math.floor(bottom); y++) {
    const l = lefts[y - g.y0];
    if (l !== undefined && l >= 0 && edge - l >= Math.max(s.stubPx, s.stubEm * h)) return true;
  }
  return false;
}

/** Whether the glyph `g` (read 3) is topped by a bar alone: the only blob reaching its top rows,
 *  low and wide from its left edge, with a clear row between it and the rest of the glyph. */
function lostUpright(g: Glyph, s: StrokeRemnantSettings): boolean {
  const h = g.y1 - g.y0 + 1, w = g.x1 - g.x0 + 1;
  const tops = g.parts.filter((p) => p.y0 <= g.y0 + s.barHeight * h * 0.5);
  if (tops.length !== 1) return false;
  const bar = tops[0]!;
  if (bar.y1 - bar.y0 + 1 > s.barHeight * h || bar.x1 - bar.x0 + 1 < s.barWidth * w || bar.x0 - g.x0 > (1 - s.barWidth) * w) return false;
  return !g.parts.some((p) => p !== bar && p.y0 <= bar.y1 + 1);
}

/** The digit-high groups of ink matched to the digits read, left to right: a digit broken at the
 *  threshold into pieces side by side (a 9 or a 3 cut at its thin joins) takes several, and two
 *  digits run together (99 joined by the blur) can take one together. Each digit takes one to three
 *  neighbouring groups; the match keeps the groups of a digit close together and its width near
 *  what the digit needs (`s.digitWidth` of the digits' height `tall`, a 1 `s.oneWidth`). Undefined
 *  when a digit cannot be matched near enough (`s.maxMisfit`); a digit that shares its group is
 *  undefined in the result (its glyph cannot be told apart). */
function alignDigits(pieces: readonly Glyph[], digits: readonly string[], tall: number, s: StrokeRemnantSettings): (Glyph | undefined)[] | undefined {
  const n = digits.length, m = pieces.length;
  if (!n || m * 2 < n || m > n * 3) return undefined;
  const wide = tall * s.digitWidth;
  const want = (d: string): number => tall * (d === '1' ? s.oneWidth : s.digitWidth);
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  // how cell (i, j) was reached: the groups before the digit's, and whether two digits took one group
  const from: { k: number; two: boolean }[][] = Array.from({ length: n + 1 }, () => new Array<{ k: number; two: boolean }>(m + 1));
  cost[0]![0] = 0;
  const widthOf = (span: readonly Glyph[]): number => span[span.length - 1]!.x1 - span[0]!.x0 + 1;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      for (let k = Math.max(0, j - 3); k < j; k++) {
        const before = cost[i - 1]![k]!;
        if (!Number.isFinite(before)) continue;
        const span = pieces.slice(k, j);
        let gaps = 0;
        for (let q = 1; q < span.length; q++) gaps += Math.max(0, span[q]!.x0 - span[q - 1]!.x1 - 1);
        const misfit = Math.abs(widthOf(span) - want(digits[i - 1]!)) / wide + (2 * gaps) / wide;
        if (misfit <= s.maxMisfit && before + misfit < cost[i]![j]!) {
          cost[i]![j] = before + misfit;
          from[i]![j] = { k, two: false };
        }
      }
      // two digits in one group: neither a 1 (a 1 run into a digit is not judged, and would let
      // the match slip by one), the group as wide as two
      if (i >= 2 && digits[i - 2] !== '1' && digits[i - 1] !== '1' && Number.isFinite(cost[i - 2]![j - 1]!)) {
        const misfit = Math.abs(widthOf([pieces[j - 1]!]) - want(digits[i - 2]!) - want(digits[i - 1]!)) / wide;
        if (misfit <= s.maxMisfit && cost[i - 2]![j - 1]! + misfit < cost[i]![j]!) {
          cost[i]![j] = cost[i - 2]![j - 1]! + misfit;
          from[i]![j] = { k: j - 1, two: true };
        }
      }
    }
  }
  if (!Number.isFinite(cost[n]![m]!)) return undefined;
  const out: (Glyph | undefined)[] = [];
  for (let i = n, j = m; i > 0;) {
    const { k, two } = from[i]![j]!;
    if (two) {
      out.unshift(undefined, undefined);
      i -= 2;
    } else {
      const span = pieces.slice(k, j);
      out.unshift({ x0: span[0]!.x0, x1: span[span.length - 1]!.x1, y0: Math.min(...span.map((g) => g.y0)), y1: Math.max(...span.map((g) => g.y1)), parts: span.flatMap((g) => g.parts) });
      i -= 1;
    }
    j = k;
  }
  return out;
}
