// Crop stacking for the re-read strategies: cell crops (optionally with long blank runs squeezed
// out, optionally enlarged) stacked with white space between them into one strip, so one
// tesseract call reads them all; the strip's words map back to their crop and to page pixels.
import type { Box } from '../../model/types.js';
import { crop, scale, type GreyImage } from './image.js';
import type { CropSettings } from './settings.js';

export interface Stack {
  strip: GreyImage;
  /** the crop a word of the strip reading belongs to (by its centre), or -1 */
  crop(b: Box): number;
  /** a box of the strip reading in page pixels */
  toPage(k: number, b: Box): Box;
}

export interface CropBox { x: number; y: number; w: number; h: number; squeeze?: number }

/** A crop with every run of blank columns wider than `over` pixels cut to `max` (a header word
 *  printed letter-spaced, `栏    次`, reads as one word), and for each kept column its source x. */
function squeezed(img: GreyImage, c: CropBox, max: number, s: CropSettings, over = max * s.squeezeOver): { piece: GreyImage; xs: number[] } {
  const piece = crop(img, c.x, c.y, c.w, c.h);
  const ink: boolean[] = [];
  for (let x = 0; x < piece.width; x++) {
    let dark = 0;
    for (let y = 0; y < piece.height; y++) if (piece.data[y * piece.width + x]! < s.squeezeInkLevel) dark++;
    ink.push(dark >= 1);
  }
  const keep: number[] = [];
  let run: number[] = [];
  const first = ink.indexOf(true);
  for (let x = 0; x < piece.width; x++) {
    if (ink[x]) {
      // a blank run between ink wider than `over` keeps `max` columns (its middle); the margins
      // stay as they are
      keep.push(...(first >= 0 && x > first && run.length > over ? run.slice((run.length - max) >> 1, ((run.length - max) >> 1) + max) : run), x);
      run = [];
    } else run.push(x);
  }
  keep.push(...run);
  const out = new Uint8Array(keep.length * piece.height);
  for (let y = 0; y < piece.height; y++) for (let i = 0; i < keep.length; i++) out[y * keep.length + i] = piece.data[y * piece.width + keep[i]!]!;
  return { piece: { width: keep.length, height: piece.height, data: out }, xs: keep.map((x) => x + Math.max(0, Math.floor(c.x))) };
}

/** Cell crops, enlarged `f` times (tesseract reads small print better larger), stacked with white
 *  space between them into one strip, so one tesseract call reads them all. A crop with `squeeze`
 *  has its long blank runs cut to that many pixels first. */
export function stackCrops(img: GreyImage, crops: readonly CropBox[], dpi: number, s: CropSettings, f = 1): Stack {
  const gap = Math.round((dpi * f) / s.stripGapPerInch);
  const xmaps: (number[] | undefined)[] = [];
  const parts = crops.map((c) => {
    let piece: GreyImage;
    if (c.squeeze !== undefined) {
      const sq = squeezed(img, c, c.squeeze, s);
      piece = sq.piece;
      xmaps.push(sq.xs);
    } else {
      piece = crop(img, c.x, c.y, c.w, c.h);
      xmaps.push(undefined);
    }
    return f === 1 ? piece : scale(piece, f);
  });
  const W = Math.max(...parts.map((c) => c.width)) + gap * 2;
  const H = parts.reduce((s, c) => s + c.height + gap, gap);
  const data = new Uint8Array(W * H).fill(255);
  const at: number[] = [];
  let y = gap;
  for (const c of parts) {
    at.push(y);
    for (let r = 0; r < c.height; r++) data.set(c.data.subarray(r * c.width, (r + 1) * c.width), (y + r) * W + gap);
    y += c.height + gap;
  }
  return {
    strip: { width: W, height: H, data },
    crop: (b) => {
      const cy = (b.y0 + b.y1) / 2;
      return at.findIndex((a, i) => cy >= a - gap / 2 && cy < a + parts[i]!.height + gap / 2);
    },
    toPage: (k, b) => {
      const c = crops[k]!;
      const part = parts[k]!;
      const xs = xmaps[k];
      const ky = c.h / part.height;
      const mapX = (sx: number): number => {
        if (!xs) return c.x + (sx - gap) * (c.w / part.width);
        const i = Math.round((sx - gap) / f);
        return xs[Math.max(0, Math.min(xs.length - 1, i))]!;
      };
      return { x0: mapX(b.x0), y0: c.y + (b.y0 - at[k]!) * ky, x1: mapX(b.x1), y1: c.y + (b.y1 - at[k]!) * ky };
    },
  };
}
