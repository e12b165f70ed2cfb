// Bent lines straightened before the rules are found: a photocopied page that lay bent on the glass
// (or a wave in the paper) moves each column of the image up or down by a smooth amount, so a
// horizontal rule or a line of text runs in a shallow curve. Deskewing levels the curve's mean
// slope only, and so tilts the vertical rules by what it took away. A bent rule is then too thick
// for a rule (its rows span the bend: prep.ts horizontalRules drops it) or, found in pieces, is
// erased along a straight line only, and what is left of it is read as minus signs and digits.
// The bend is measured on the page's rules: the ink in long runs along the lines (a character's
// strokes are shorter; a page without rules, a cover, is left as it is). The page is cut into
// strips across the lines, each strip's profile of that ink along the lines' direction is matched
// against that of the rest of the page, and the offset that matches best is the strip's
// displacement (every row rule of a table runs across all the strips over the table). Offsets
// between strips are interpolated; the columns (rows) are moved back by whole pixels, so no pixel
// is blurred. A page whose lines are straight (offsets within ocr.bend.minBendPx) is left as it is.
import type { GreyImage } from './image.js';
import { binarize, otsu } from './prep.js';
import { DEFAULT_OCR_SETTINGS, type BendSettings, type BinarizeSettings } from './settings.js';

interface Straightened {
  image: GreyImage;
  /** per column, how far down its content was moved up (px; null: not moved) */
  down: Int32Array | null;
  /** per row, how far right its content was moved left (px; null: not moved) */
  right: Int32Array | null;
}

/** Centred ink profiles of strips `strip` pixels wide across the lines: for `columns`, strips of
 *  columns, each profile counting ink per row (a horizontal line is a peak); else strips of rows,
 *  each counting ink per column. */
function stripProfiles(mask: Uint8Array, w: number, h: number, columns: boolean, strip: number): { profiles: Float64Array[]; ink: number[]; centres: number[] } {
  const across = columns ? w : h;
  const along = columns ? h : w;
  const n = Math.max(1, Math.floor(across / strip));
  const size = across / n;
  const profiles = Array.from({ length: n }, () => new Float64Array(along));
  const ink = new Array<number>(n).fill(0);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (!mask[row + x]) continue;
      const s = Math.min(n - 1, Math.floor((columns ? x : y) / size));
      profiles[s]![columns ? y : x]!++;
      ink[s]!++;
    }
  }
  for (const p of profiles) {
    let m = 0;
    for (let i = 0; i < along; i++) m += p[i]!;
    m /= along;
    for (let i = 0; i < along; i++) p[i]! -= m;
  }
  return { profiles, ink, centres: Array.from({ length: n }, (_, i) => (i + 0.5) * size) };
}

/** The offset t in [-max, max] (sub-pixel) at which `p` shifted back by t best matches `ref`:
 *  p[i] ≈ ref[i - t]. */
function bestOffset(p: Float64Array, ref: Float64Array, max: number): { t: number; fit: number } {
  const n = p.length;
  const score = (t: number): number => {
    let s = 0;
    for (let i = Math.max(0, t), end = Math.min(n, n + t); i < end; i++) s += p[i]! * ref[i - t]!;
    return s;
  };
  let best = 0;
  let bestScore = -Infinity;
  const scores = new Map<number, number>();
  for (let t = -max; t <= max; t++) {
    const v = score(t);
    scores.set(t, v);
    if (v > bestScore) {
      bestScore = v;
      best = t;
    }
  }
  let pp = 0;
  let rr = 0;
  for (let i = 0; i < n; i++) {
    pp += p[i]! * p[i]!;
    rr += ref[i]! * ref[i]!;
  }
  const fit = pp > 0 && rr > 0 ? bestScore / Math.sqrt(pp * rr) : 0;
  if (best === -max || best === max) return { t: best, fit };
  const a = scores.get(best - 1)!;
  const c = scores.get(best + 1)!;
  const den = a - 2 * bestScore + c;
  return { t: den < 0 ? best + (0.5 * (a - c)) / den : best, fit };
}

/** Per pixel across the lines (column for `columns`, else row): how far its content lies displaced
 *  along them, rounded to whole pixels; null when the page's lines are straight (within minBendPx)
 *  or too few strips carry ink to tell. */
function displacement(mask: Uint8Array, w: number, h: number, columns: boolean, dpi: number, s: BendSettings): Int32Array | null {
  const strip = Math.max(8, Math.round(dpi * s.stripInches));
  const max = Math.max(1, Math.round(dpi / s.maxShiftPerInch));
  const { profiles, ink, centres } = stripProfiles(mask, w, h, columns, strip);
  const n = profiles.length;
  const along = columns ? h : w;
  const meanInk = ink.reduce((a, b) => a + b, 0) / n;
  const used = ink.map((v) => v >= meanInk * s.minStripInk);
  if (used.filter(Boolean).length < 3) return null;
  const off = new Float64Array(n);
  const fit = new Float64Array(n);
  for (let round = 0; round < 2; round++) {
    // the reference: the other strips, each moved back by its offset so far
    const total = new Float64Array(along);
    const moved = profiles.map((p, k) => {
      const t = Math.round(off[k]!);
      const q = new Float64Array(along);
      for (let i = 0; i < along; i++) {
        const j = i + t;
        if (j >= 0 && j < along) q[i] = p[j]!;
      }
      return q;
    });
    for (let k = 0; k < n; k++) if (used[k]) for (let i = 0; i < along; i++) total[i]! += moved[k]![i]!;
    for (let k = 0; k < n; k++) {
      if (!used[k]) continue;
      const ref = new Float64Array(along);
      for (let i = 0; i < along; i++) ref[i] = total[i]! - moved[k]![i]!;
      const o = bestOffset(profiles[k]!, ref, max);
      off[k] = o.t;
      fit[k] = o.fit;
    }
    // a strip that matches the rest poorly (no lines across it: a title, a margin) or only at the
    // end of the range says nothing; its offset is interpolated from the others
    for (let k = 0; k < n; k++) if (used[k] && (fit[k]! < s.minFit || Math.abs(off[k]!) >= max)) {
      used[k] = false;
      off[k] = 0;
    }
    if (used.filter(Boolean).length < 3) return null;
  }
  // offsets are relative to the page as a whole: centred on their ink-weighted mean
  let sw = 0;
  let sm = 0;
  for (let k = 0; k < n; k++) if (used[k]) {
    sw += ink[k]!;
    sm += ink[k]! * off[k]!;
  }
  const mean = sm / sw;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < n; k++) if (used[k]) {
    xs.push(centres[k]!);
    ys.push(off[k]! - mean);
  }
  const across = columns ? w : h;
  const out = new Int32Array(across);
  let lo = Infinity;
  let hi = -Infinity;
  for (let x = 0, j = 0; x < across; x++) {
    while (j < xs.length - 1 && xs[j + 1]! < x) j++;
    let v: number;
    if (x <= xs[0]!) v = ys[0]!;
    else if (x >= xs[xs.length - 1]!) v = ys[ys.length - 1]!;
    else v = ys[j]! + ((ys[j + 1]! - ys[j]!) * (x - xs[j]!)) / (xs[j + 1]! - xs[j]!);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
    out[x] = Math.round(v);
  }
  return hi - lo >= s.minBendPx ? out : null;
}

/** The pixels of `mask` in runs at least `min` long along rows (`rows`) or along columns: a rule's
 *  (a character's strokes are shorter), the lines the bend is measured on. */
function longRuns(mask: Uint8Array, w: number, h: number, rows: boolean, min: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  const n = rows ? h : w;
  const m = rows ? w : h;
  const step = rows ? 1 : w;
  for (let i = 0; i < n; i++) {
    const base = rows ? i * w : i;
    let start = -1;
    for (let j = 0; j <= m; j++) {
      const on = j < m && mask[base + j * step];
      if (on && start < 0) start = j;
      else if (!on && start >= 0) {
        if (j - start >= min) for (let k = start; k < j; k++) out[base + k * step] = 1;
        start = -1;
      }
    }
  }
  return out;
}

/** `img` with its bent lines straightened (a new image), or `img` itself when its lines are
 *  straight. Columns are moved up or down (the horizontal lines' bend), then rows left or right
 *  (the vertical lines' tilt or bend), by whole pixels; what comes in from outside is white. */
export function straightenBends(img: GreyImage, dpi: number, s: BendSettings = DEFAULT_OCR_SETTINGS.bend, b: BinarizeSettings = DEFAULT_OCR_SETTINGS.binarize, mask?: Uint8Array): Straightened {
  if (!s.on) return { image: img, down: null, right: null };
  const { width: w, height: h } = img;
  let m = mask ?? binarize(img, otsu(img, b));
  let data = img.data;
  const min = Math.max(2, Math.round(dpi * s.minRunInches));
  const down = displacement(longRuns(m, w, h, true, min), w, h, true, dpi, s);
  if (down) {
    const out = new Uint8Array(w * h).fill(255);
    for (let x = 0; x < w; x++) {
      const t = down[x]!;
      for (let y = Math.max(0, -t), end = Math.min(h, h - t); y < end; y++) out[y * w + x] = data[(y + t) * w + x]!;
    }
    data = out;
    m = binarize({ width: w, height: h, data }, otsu({ width: w, height: h, data }, b));
  }
  const right = displacement(longRuns(m, w, h, false, min), w, h, false, dpi, s);
  if (right) {
    const out = new Uint8Array(w * h).fill(255);
    for (let y = 0; y < h; y++) {
      const t = right[y]!;
      const row = y * w;
      for (let x = Math.max(0, -t), end = Math.min(w, w - t); x < end; x++) out[row + x] = data[row + x + t]!;
    }
    data = out;
  }
  return { image: down || right ? { width: w, height: h, data } : img, down, right };
}
