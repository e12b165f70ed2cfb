// Crop stacking for the re-read strategies: cell crops (optionally with long blank runs squeezed
// out, optionally enlarged) stacked with white space between them into strips, so one tesseract
// call reads many; the strips' words map back to their crop and to page pixels. A strip is at most
// crops.maxStripHeightPx tall (tesseract refuses a side over 32767 px: a page of 400 number cells at
// 300 dpi stacks 34 000 px), so a long list of crops makes several strips; a strip whose reading
// fails costs its crops only (they keep their first reading and are reported), never the page.
import type { Box } from '../../model/types.js';
import { crop, scale, type GreyImage } from './image.js';
import { OcrAbortedError, TESSERACT_MAX_SIDE, type OcrRunner, type RawJobOptions } from './pool.js';
import type { CropSettings } from './settings.js';
import type { OcrProblem, OcrStep } from './types.js';

interface Stack {
  strip: GreyImage;
  /** the crops it holds (indices into the list stacked) */
  crops: number[];
  /** the crop a word of the strip reading belongs to (by its centre; an index into the list
   *  stacked), or -1 */
  crop(b: Box): number;
  /** a box of the strip reading (of crop k, an index into the list stacked) in page pixels */
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
 *  space between them into strips of at most `s.maxStripHeightPx` (and TESSERACT_MAX_SIDE) pixels,
 *  so one tesseract call reads many. A crop with `squeeze` has its long blank runs cut to that many
 *  pixels first. A crop that fits no strip (wider or taller than tesseract takes) is in none:
 *  `unstacked` lists it. */
export function stackCrops(img: GreyImage, crops: readonly CropBox[], dpi: number, s: CropSettings, f = 1): { stacks: Stack[]; unstacked: number[] } {
  const gap = Math.round((dpi * f) / s.stripGapPerInch);
  const maxH = Math.min(s.maxStripHeightPx, TESSERACT_MAX_SIDE);
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
  // crops in their order, a new strip where the next would pass the height limit
  const groups: number[][] = [];
  const unstacked: number[] = [];
  let height = 0;
  parts.forEach((p, k) => {
    if (p.width + gap * 2 > TESSERACT_MAX_SIDE || p.height + gap * 2 > maxH) {
      unstacked.push(k);
      return;
    }
    const g = groups[groups.length - 1];
    if (g && height + p.height + gap <= maxH) {
      g.push(k);
      height += p.height + gap;
    } else {
      groups.push([k]);
      height = gap + p.height + gap;
    }
  });
  const stacks = groups.map((ks): Stack => {
    const W = Math.max(...ks.map((k) => parts[k]!.width)) + gap * 2;
    const H = ks.reduce((sum, k) => sum + parts[k]!.height + gap, gap);
    const data = new Uint8Array(W * H).fill(255);
    const at = new Map<number, number>();
    let y = gap;
    for (const k of ks) {
      const c = parts[k]!;
      at.set(k, y);
      for (let r = 0; r < c.height; r++) data.set(c.data.subarray(r * c.width, (r + 1) * c.width), (y + r) * W + gap);
      y += c.height + gap;
    }
    return {
      strip: { width: W, height: H, data },
      crops: ks,
      crop: (b) => {
        const cy = (b.y0 + b.y1) / 2;
        return ks.find((k) => cy >= at.get(k)! - gap / 2 && cy < at.get(k)! + parts[k]!.height + gap / 2) ?? -1;
      },
      toPage: (k, b) => {
        const c = crops[k]!;
        const part = parts[k]!;
        const xs = xmaps[k];
        const ky = c.h / part.height;
        const top = at.get(k)!;
        const mapX = (sx: number): number => {
          if (!xs) return c.x + (sx - gap) * (c.w / part.width);
          const i = Math.round((sx - gap) / f);
          return xs[Math.max(0, Math.min(xs.length - 1, i))]!;
        };
        return { x0: mapX(b.x0), y0: c.y + (b.y0 - top) * ky, x1: mapX(b.x1), y1: c.y + (b.y1 - top) * ky };
      },
    };
  });
  return { stacks, unstacked };
}

/** A word of a stacked reading: the crop it belongs to, its box in the strip (`strip`; compare
 *  only within one crop) and on the page (`box`, page pixels), its tesseract line (unique across
 *  the strips). */
interface StackedWord {
  crop: number;
  text: string;
  confidence: number;
  line: number;
  strip: Box;
  box: Box;
}

/** The crops read: stacked (stackCrops), each strip read by one tesseract job (`job`), the words
 *  mapped back to their crops. A strip whose job fails leaves its crops unread, and the crops no
 *  strip could take are unread too: `problem` names the step, their boxes (page pixels) and the
 *  error; the other strips' words are kept. Only the page's time running out (OcrAbortedError) is
 *  thrown. */
export async function readStacked(
  ocr: OcrRunner,
  img: GreyImage,
  crops: readonly CropBox[],
  dpi: number,
  s: CropSettings,
  f: number,
  job: RawJobOptions,
  step: OcrStep,
): Promise<{ words: StackedWord[]; problem?: OcrProblem }> {
  const { stacks, unstacked } = stackCrops(img, crops, dpi, s, f);
  const words: StackedWord[] = [];
  const unread = [...unstacked];
  const errors: string[] = unstacked.length ? [`${unstacked.length} crop(s) larger than tesseract takes`] : [];
  let lines = 0;
  for (const st of stacks) {
    let res;
    try {
      res = await ocr.run(st.strip, job);
    } catch (e) {
      if (e instanceof OcrAbortedError) throw e;
      unread.push(...st.crops);
      errors.push(String((e as Error)?.message ?? e).split('\n')[0]!);
      continue;
    }
    for (const w of res.words) {
      const text = w.text.trim();
      if (!text) continue;
      const k = st.crop(w.bbox);
      if (k < 0) continue;
      words.push({ crop: k, text, confidence: w.confidence, line: lines + w.line, strip: w.bbox, box: st.toPage(k, w.bbox) });
    }
    lines += res.lines.length;
  }
  if (!unread.length) return { words };
  unread.sort((a, b) => a - b);
  const boxes = unread.map((k) => {
    const c = crops[k]!;
    return { x0: c.x, y0: c.y, x1: c.x + c.w, y1: c.y + c.h };
  });
  return { words, problem: { step, boxes, error: [...new Set(errors)].join('; ') } };
}
