// How many digits the ink of a stretch of a number line can hold: its connected blobs of ink
// counted by size. A digit is a blob about as tall as the digits of the number first read there;
// a decimal point, a comma or a toner speck is much smaller and holds none; digits the blur
// joined into one blob count by the blob's width (a digit is about half as wide as it is tall). A second reading of a number cell that finds more
// digits than the ink can hold read a speck (or a smudge) as a digit (516,375.67 for 16,375.67:
// a speck left of the number taken for a 5). A thin print's digit can break at the ink threshold
// into pieces each lower than a digit (the diagonal of a 2 gone: its top arc, its stem, its foot):
// small pieces whose columns overlap are one glyph, counted by the height and width they span
// together when they span a glyph's width (the ends of a 3's arcs cut off its stroke are not; a
// group that overlaps a digit's columns is part of that digit).
import type { Box } from '../../model/types.js';
import { forEachBlob, type Blob } from './blobs.js';
import type { GreyImage } from './image.js';
import { DEFAULT_OCR_SETTINGS, type DigitInkSettings } from './settings.js';

/** The connected blobs (8-neighbour) of ink (grey ≤ `threshold`) of `img` inside `b` (clamped). */
function blobsIn(img: GreyImage, threshold: number, b: Box): Blob[] {
  const X0 = Math.max(0, Math.floor(b.x0)), Y0 = Math.max(0, Math.floor(b.y0));
  const X1 = Math.min(img.width - 1, Math.ceil(b.x1)), Y1 = Math.min(img.height - 1, Math.ceil(b.y1));
  const w = X1 - X0 + 1, h = Y1 - Y0 + 1;
  if (w <= 0 || h <= 0) return [];
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) ink[y * w + x] = img.data[(Y0 + y) * img.width + X0 + x]! <= threshold ? 1 : 0;
  const out: Blob[] = [];
  forEachBlob(ink, w, h, (q) => out.push({ x0: q.x0 + X0, y0: q.y0 + Y0, x1: q.x1 + X0, y1: q.y1 + Y0 }));
  return out;
}

/** The digits the ink in `span` can hold, judged against the digits of `ref` (the boxes of the number
 *  as first read, on the same line): a blob at least `s.heightShare` of the tallest blob in `ref`
 *  is as many digits as its width holds at `s.digitWidth` of that height each (one at least), and
 *  so are lower pieces joined by their columns that span that height and `s.brokenMinWidth` of it
 *  in width, clear of such a blob (a digit broken at the threshold). Undefined when `ref` holds no
 *  blob to measure a digit by. */
export function inkDigits(img: GreyImage, threshold: number, span: Box, ref: readonly Box[], s: DigitInkSettings = DEFAULT_OCR_SETTINGS.digitInk): number | undefined {
  const blobs = blobsIn(img, threshold, span);
  const centreIn = (q: Blob, r: Box): boolean => (q.x0 + q.x1) / 2 >= r.x0 && (q.x0 + q.x1) / 2 <= r.x1 && (q.y0 + q.y1) / 2 >= r.y0 && (q.y0 + q.y1) / 2 <= r.y1;
  const tall = Math.max(0, ...blobs.filter((q) => ref.some((r) => centreIn(q, r))).map((q) => q.y1 - q.y0 + 1));
  if (tall < s.minHeightPx) return undefined;
  const isTall = (q: Blob): boolean => q.y1 - q.y0 + 1 >= tall * s.heightShare;
  const digits = blobs.filter(isTall);
  const across = (a: Blob, b: Blob): boolean => a.x0 <= b.x1 && b.x0 <= a.x1;
  // the small pieces, left to right, joined where their columns overlap; a group over a digit's columns is part of it
  const groups: Blob[] = [];
  for (const q of blobs.filter((b) => !isTall(b)).sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0)) {
    const g = groups[groups.length - 1];
    if (g && q.x0 <= g.x1) groups[groups.length - 1] = { x0: g.x0, y0: Math.min(g.y0, q.y0), x1: Math.max(g.x1, q.x1), y1: Math.max(g.y1, q.y1) };
    else groups.push({ ...q });
  }
  const broken = groups.filter((g) => isTall(g) && g.x1 - g.x0 + 1 >= tall * s.brokenMinWidth && !digits.some((d) => across(d, g)));
  return [...digits, ...broken].reduce((n, q) => n + Math.max(1, Math.round((q.x1 - q.x0 + 1) / (tall * s.digitWidth))), 0);
}
