// Image preparation on raw grey buffers: Otsu binarization, skew measurement (projection
// profiles), text axis (upright vs turned a quarter), and ruling lines (long thin runs of dark
// pixels) found and erased so that OCR reads the cell text without the rules glued to it.
import type { Ruling } from '../../model/types.js';
import type { GreyImage } from './image.js';
import { DEFAULT_OCR_SETTINGS, type BinarizeSettings, type RuleSettings, type SidewaysSettings, type SkewSettings } from './settings.js';

export function otsu(img: GreyImage, s: BinarizeSettings = DEFAULT_OCR_SETTINGS.binarize): number {
  // (integer counts: the same sums as a float histogram, counted faster)
  const hist = new Uint32Array(256);
  const d = img.data;
  const step = d.length > s.sampleAbove ? s.sampleStep : 1;
  for (let i = 0, n = d.length; i < n; i += step) hist[d[i]!]!++;
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v]!;
    sum += v * hist[v]!;
  }
  let wB = 0;
  let sB = 0;
  let best = 0;
  let t = 128;
  for (let v = 0; v < 256; v++) {
    wB += hist[v]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sB += v * hist[v]!;
    const mB = sB / wB;
    const mF = (sum - sB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      t = v;
    }
  }
  // a near-blank page: keep the threshold sane
  return Math.min(Math.max(t, s.minThreshold), s.maxThreshold);
}

/** A 1-bit scan (fax, a scanner's black-and-white mode): at least `share` of the pixels pure
 *  black or white (every 7th pixel looked at). */
export function isBilevel(img: GreyImage, share: number): boolean {
  const d = img.data;
  let n = 0;
  let pure = 0;
  for (let i = 0; i < d.length; i += 7) {
    n++;
    if (d[i] === 0 || d[i] === 255) pure++;
  }
  return n > 0 && pure >= share * n;
}

/** The ink (dark pixels) grown by `px` pixels, a 4-neighbour dilation each: a pixel takes the
 *  darkest of itself and its four neighbours. For 1-bit scans, whose threshold thinned the strokes. */
export function thickenInk(img: GreyImage, px: number): GreyImage {
  const { width: w, height: h } = img;
  let src = img.data;
  for (let k = 0; k < px; k++) {
    const out = new Uint8Array(src.length);
    for (let y = 0; y < h; y++) {
      const row = y * w;
      for (let x = 0; x < w; x++) {
        const i = row + x;
        let v = src[i]!;
        if (x > 0 && src[i - 1]! < v) v = src[i - 1]!;
        if (x + 1 < w && src[i + 1]! < v) v = src[i + 1]!;
        if (y > 0 && src[i - w]! < v) v = src[i - w]!;
        if (y + 1 < h && src[i + w]! < v) v = src[i + w]!;
        out[i] = v;
      }
    }
    src = out;
  }
  return { width: w, height: h, data: src };
}

/** 1 = ink */
export function binarize(img: GreyImage, threshold = otsu(img)): Uint8Array {
  const d = img.data;
  const n = d.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = d[i]! <= threshold ? 1 : 0;
  return out;
}

// --- skew and text axis ----------------------------------------------------------------------------

/** Sampled ink coordinates (at most `max`), long rules left out when `skipRuns` is given. */
function inkPoints(mask: Uint8Array, w: number, h: number, max: number): { xs: Float32Array; ys: Float32Array } {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i]!;
  const keep = Math.max(1, Math.ceil(count / max));
  const xs = new Float32Array(Math.ceil(count / keep));
  const ys = new Float32Array(xs.length);
  let k = 0;
  let n = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (mask[row + x] && k++ % keep === 0) {
        xs[n] = x;
        ys[n++] = y;
      }
    }
  }
  return { xs, ys };
}

/** Peakiness of the projection of points onto the axis perpendicular to direction `deg` off the
 *  x axis (horizontal = false) or the y axis (vertical = true): sum of squared bin counts, scaled
 *  so that a uniform spread scores 1. Text lines and rules make it large. */
function profileScore(xs: Float32Array, ys: Float32Array, len: number, deg: number, vertical: boolean, bin: number): number {
  const t = Math.tan((deg * Math.PI) / 180);
  const nb = Math.ceil(len / bin) + 64;
  const hist = new Int32Array(nb);
  const off = 32;
  for (let i = 0, n = xs.length; i < n; i++) {
    const p = vertical ? xs[i]! - ys[i]! * t : ys[i]! - xs[i]! * t;
    const b = Math.floor(p / bin) + off;
    if (b >= 0 && b < nb) hist[b]!++;
  }
  let s = 0;
  for (let b = 0; b < nb; b++) s += hist[b]! * hist[b]!;
  const n = xs.length;
  return n ? (s * (len / bin)) / (n * n) : 0;
}

export interface SkewResult {
  /** degrees; rotate the image by minus this to level it (positive = lines fall to the right) */
  angle: number;
  score: number;
}

function searchAngle(xs: Float32Array, ys: Float32Array, len: number, vertical: boolean, range: number, bin: number, s: SkewSettings): SkewResult {
  let best: SkewResult = { angle: 0, score: -1 };
  const scan = (from: number, to: number, step: number): void => {
    for (let a = from; a <= to + 1e-9; a += step) {
      const s = profileScore(xs, ys, len, a, vertical, bin);
      if (s > best.score) best = { angle: a, score: s };
    }
  };
  scan(-range, range, s.coarseStep);
  const c = best.angle;
  scan(c - s.coarseStep, c + s.coarseStep, s.midStep);
  const c2 = best.angle;
  scan(c2 - s.midStep, c2 + s.midStep, s.fineStep);
  return { angle: Math.round(best.angle * 100) / 100, score: best.score };
}

export interface Orientation {
  /** the text runs down the page (the page is turned a quarter): 90 or 270 still to decide */
  sideways: boolean;
  /** skew of the text lines in the image as it is (degrees) */
  angle: number;
  horizontal: number;
  vertical: number;
}

/** Length of ink runs at least `long` pixels after smearing gaps up to `gap` (RLSA), along rows
 *  (or along columns with `columns`). Text written left to right smears into long horizontal runs;
 *  across the lines, line spacing breaks the runs. */
function smearedLength(mask: Uint8Array, w: number, h: number, gap: number, long: number, columns: boolean): number {
  const n = columns ? w : h;
  const m = columns ? h : w;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = -1;
    let last = -1;
    for (let j = 0; j <= m; j++) {
      const on = j < m && mask[columns ? j * w + i : i * w + j];
      if (on) {
        if (s < 0) s = j;
        else if (j - last > gap + 1) {
          if (last + 1 - s >= long) total += last + 1 - s;
          s = j;
        }
        last = j;
      }
    }
    if (s >= 0 && last + 1 - s >= long) total += last + 1 - s;
  }
  return total;
}

/** Which way the text lines run, and their skew. Long rules are removed first (they would smear
 *  both ways); what is left is mostly text. */
export function measureOrientation(mask: Uint8Array, w: number, h: number, dpi: number, s: SidewaysSettings = DEFAULT_OCR_SETTINGS.sideways): Orientation {
  const noRules = mask.slice();
  const px = dpi / 72;
  eraseLongRuns(noRules, w, h, Math.max(s.minEraseRunPx, Math.round(px * s.eraseRunPt)));
  const gap = Math.max(s.minSmearGapPx, Math.round(px * s.smearGapPt));
  const long = Math.round(px * s.longRunPt);
  const horizontal = smearedLength(noRules, w, h, gap, long, false);
  const vertical = smearedLength(noRules, w, h, gap, long, true);
  const sideways = vertical > horizontal * s.ratio && vertical > 0;
  return { sideways, angle: 0, horizontal, vertical };
}

/** Skew of an upright image, from ink including rules (rules are the best skew signal). */
export function measureSkew(mask: Uint8Array, w: number, h: number, dpi: number, s: SkewSettings = DEFAULT_OCR_SETTINGS.skew): number {
  const { xs, ys } = inkPoints(mask, w, h, s.maxPoints);
  return searchAngle(xs, ys, h + w * s.profileSlack, false, s.range, Math.max(1, Math.round(dpi / s.binPerInch)), s).angle;
}

/** Clear horizontal and vertical runs of ink at least `minRun` long (in place). */
function eraseLongRuns(mask: Uint8Array, w: number, h: number, minRun: number): void {
  const clear: number[] = [];
  for (let y = 0; y < h; y++) {
    let s = -1;
    for (let x = 0; x <= w; x++) {
      const on = x < w && mask[y * w + x];
      if (on && s < 0) s = x;
      else if (!on && s >= 0) {
        if (x - s >= minRun) clear.push(y * w + s, x - s, 1);
        s = -1;
      }
    }
  }
  for (let x = 0; x < w; x++) {
    let s = -1;
    for (let y = 0; y <= h; y++) {
      const on = y < h && mask[y * w + x];
      if (on && s < 0) s = y;
      else if (!on && s >= 0) {
        if (y - s >= minRun) clear.push(s * w + x, y - s, w);
        s = -1;
      }
    }
  }
  for (let i = 0; i < clear.length; i += 3) {
    for (let k = 0, p = clear[i]!; k < clear[i + 1]!; k++, p += clear[i + 2]!) mask[p] = 0;
  }
}

// --- ruling lines ----------------------------------------------------------------------------------

/** A rule found in the image, pixel space. */
export interface PixelRule {
  horizontal: boolean;
  /** centre of the line across its direction */
  pos: number;
  a: number;
  b: number;
  thickness: number;
}

interface Seg {
  a: number;
  b: number;
  first: number;
  last: number;
  sum: number;
  n: number;
}

/** Horizontal rules in a mask (rows of width w): runs at least `minLen` long, tolerating gaps of
 *  `gap` pixels, stacked into lines at most `maxThick` thick: the rows a line spans, or (a line
 *  that runs on a slant or a wave across rows: a photocopy's, a page not quite level) its mean
 *  thickness along its length, its rows then spanning at most `maxThick` plus its length times the
 *  tangent of rules.maxTiltDeg. A rule's `thickness` is the rows it spans (what erasing must cover). */
function horizontalRules(mask: Uint8Array, w: number, h: number, minLen: number, gap: number, maxThick: number, s: RuleSettings): PixelRule[] {
  const drift = Math.tan((s.maxTiltDeg * Math.PI) / 180);
  const out: PixelRule[] = [];
  let open: Seg[] = [];
  for (let y = 0; y <= h; y++) {
    const runs: [number, number][] = [];
    if (y < h) {
      const row = y * w;
      let s = -1;
      let lastOn = -1;
      for (let x = 0; x < w; x++) {
        if (mask[row + x]) {
          if (s < 0) s = x;
          else if (x - lastOn > gap + 1) {
            if (lastOn + 1 - s >= minLen) runs.push([s, lastOn + 1]);
            s = x;
          }
          lastOn = x;
        }
      }
      if (s >= 0 && lastOn + 1 - s >= minLen) runs.push([s, lastOn + 1]);
    }
    const next: Seg[] = [];
    const used = new Set<Seg>();
    for (const [a, b] of runs) {
      let hit: Seg | undefined;
      for (const sg of open) {
        if (used.has(sg)) continue;
        const ov = Math.min(b, sg.b) - Math.max(a, sg.a);
        if (ov > Math.min(b - a, sg.b - sg.a) * s.runOverlap) {
          hit = sg;
          break;
        }
      }
      if (hit) {
        used.add(hit);
        hit.a = Math.min(hit.a, a);
        hit.b = Math.max(hit.b, b);
        hit.last = y;
        hit.sum += y * (b - a);
        hit.n += b - a;
        next.push(hit);
      } else next.push({ a, b, first: y, last: y, sum: y * (b - a), n: b - a });
    }
    for (const sg of open) {
      if (used.has(sg)) continue;
      // a line may skip a row (a faint scan); keep it open one more row
      if (y - sg.last <= s.skipRows && y < h) {
        next.push(sg);
        continue;
      }
      const thick = sg.last - sg.first + 1;
      const slanted = sg.n / Math.max(1, sg.b - sg.a) <= maxThick && thick <= maxThick + (sg.b - sg.a) * drift;
      if (thick <= maxThick || slanted) out.push({ horizontal: true, pos: sg.sum / sg.n, a: sg.a, b: sg.b, thickness: thick });
    }
    open = next;
  }
  return out;
}

function transpose(mask: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) out[x * h + y] = mask[row + x]!;
  }
  return out;
}

export interface RuleOptions {
  dpi: number;
  /** shortest rule, in points (default RuleSettings.minLengthPt, 20) */
  minLengthPt?: number;
}

/** Ruling lines of a (levelled) binary image. */
export function findRules(mask: Uint8Array, w: number, h: number, opts: RuleOptions, s: RuleSettings = DEFAULT_OCR_SETTINGS.rules): PixelRule[] {
  const px = opts.dpi / 72;
  const minLen = Math.round((opts.minLengthPt ?? s.minLengthPt) * px);
  const gap = Math.max(1, Math.round(px * s.gapPt));
  const maxThick = Math.max(s.minMaxThicknessPx, Math.round(px * s.maxThicknessPt));
  const hs = horizontalRules(mask, w, h, minLen, gap, maxThick, s);
  const vs = horizontalRules(transpose(mask, w, h), h, w, minLen, gap, maxThick, s).map((r) => ({ ...r, horizontal: false }));
  return [...hs, ...vs];
}

/** Keep the rules that take part in a table: each must touch a rule of the other direction
 *  (a lone underline or a character stroke that happens to be long does not). */
export function tableRules(rules: PixelRule[], tol: number): PixelRule[] {
  const hs = rules.filter((r) => r.horizontal);
  const vs = rules.filter((r) => !r.horizontal);
  const touches = (p: PixelRule, q: PixelRule): boolean => q.pos >= p.a - tol && q.pos <= p.b + tol && p.pos >= q.a - tol && p.pos <= q.b + tol;
  return rules.filter((r) => (r.horizontal ? vs : hs).some((o) => touches(r, o)));
}

/** Paint the rules white in a grey image (in place), a pixel wider than measured each side. */
export function eraseRules(img: GreyImage, rules: readonly PixelRule[], s: RuleSettings = DEFAULT_OCR_SETTINGS.rules): void {
  const { width: w, height: h, data } = img;
  for (const r of rules) {
    const half = r.thickness / 2 + s.eraseMargin;
    const p0 = Math.max(0, Math.floor(r.pos - half));
    const p1 = Math.min((r.horizontal ? h : w) - 1, Math.ceil(r.pos + half));
    const a = Math.max(0, r.a - s.eraseOverhang);
    const b = Math.min((r.horizontal ? w : h) - 1, r.b + s.eraseOverhang);
    for (let p = p0; p <= p1; p++) {
      if (r.horizontal) data.fill(255, p * w + a, p * w + b + 1);
      else for (let q = a; q <= b; q++) data[q * w + p] = 255;
    }
  }
}

/** Pixel rules -> page-space rulings (points). */
export function toRulings(rules: readonly PixelRule[], ptPerPx: number, s: RuleSettings = DEFAULT_OCR_SETTINGS.rules): Ruling[] {
  return rules.map((r) => {
    const pos = r.pos * ptPerPx;
    const width = Math.max(s.minRulingWidthPt, r.thickness * ptPerPx);
    return r.horizontal
      ? { x0: r.a * ptPerPx, y0: pos, x1: r.b * ptPerPx, y1: pos, width }
      : { x0: pos, y0: r.a * ptPerPx, x1: pos, y1: r.b * ptPerPx, width };
  });
}

