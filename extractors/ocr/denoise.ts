// The paper of a noisy scan cleaned before anything is read: grain over the whole page (a scanner's
// sensor noise at a high gain, a dirty drum) makes tesseract's sparse-text pass (PSM 11) look at
// every grain as a candidate character, and a page that reads in 2-3 CPU seconds clean takes minutes,
// long past the page's time limit, and reads the grain as dots, commas and strokes. A page is noisy
// when the median of its pixels' absolute 3×3 Laplacian (the grain's high-frequency energy: paper is
// most of a page, and clean paper is flat) reaches a level; such a page is smoothed (a 1-2-1 blur
// each way, which keeps a 1-pixel stroke where a 3×3 median would erase it), its ink found on the
// smoothed image (Otsu), and everything farther than a pixel or two from ink painted white, so the
// grain between the characters and in empty cells is gone and the characters keep their shape.
// A nearly blank page (its ink a small share of it) is cleaned from a lower level: tesseract
// thresholds a page as a whole, and on a page that is nearly all paper its threshold falls within
// the paper's grain, which is then read (one 合计 row on grainy paper: 227 CPU s, 1,770 words).
import { blur121, type GreyImage } from './image.js';
import { otsu } from './prep.js';
import { DEFAULT_OCR_SETTINGS, type BinarizeSettings, type NoiseSettings } from './settings.js';

/** The page's grain: the median absolute 3×3 Laplacian (kernel 1 -2 1 / -2 4 -2 / 1 -2 1) over every
 *  `step`th row and column (grey levels; 0 on a clean scan, where paper and ink are flat). */
export function noiseLevel(img: GreyImage, step: number = DEFAULT_OCR_SETTINGS.noise.sampleStep): number {
  const { width: w, height: h, data: d } = img;
  const hist = new Uint32Array(2041);
  let n = 0;
  for (let y = 1; y < h - 1; y += step) {
    for (let x = 1; x < w - 1; x += step) {
      const i = y * w + x;
      const l = d[i - w - 1]! - 2 * d[i - w]! + d[i - w + 1]! - 2 * d[i - 1]! + 4 * d[i]! - 2 * d[i + 1]! + d[i + w - 1]! - 2 * d[i + w]! + d[i + w + 1]!;
      hist[l < 0 ? -l : l]!++;
      n++;
    }
  }
  let acc = 0;
  for (let v = 0; v < hist.length; v++) {
    acc += hist[v]!;
    if (acc * 2 >= n) return v;
  }
  return 0;
}

/** `mask` grown by `r` pixels each way (a (2r+1)² square), as a new mask. */
function grow(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  if (r <= 0) return mask;
  const across = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    // distance since the last ink pixel, left to right and right to left
    let last = -Infinity;
    for (let x = 0; x < w; x++) {
      if (mask[row + x]) last = x;
      if (x - last <= r) across[row + x] = 1;
    }
    last = Infinity;
    for (let x = w - 1; x >= 0; x--) {
      if (mask[row + x]) last = x;
      if (last - x <= r) across[row + x] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < w; x++) {
    let last = -Infinity;
    for (let y = 0; y < h; y++) {
      if (across[y * w + x]) last = y;
      if (y - last <= r) out[y * w + x] = 1;
    }
    last = Infinity;
    for (let y = h - 1; y >= 0; y--) {
      if (across[y * w + x]) last = y;
      if (last - y <= r) out[y * w + x] = 1;
    }
  }
  return out;
}

/** `img` with its grain cleaned (a new image) when its noiseLevel reaches `s.minLevel`, or
 *  `s.sparseMinLevel` on a nearly blank page (its smoothed image's ink under `s.sparseInkShare` of
 *  its pixels: tesseract's own threshold of such a page falls within the grain), else `img` itself:
 *  smoothed, and every pixel farther than dpi / keepPerInch pixels from the smoothed image's ink
 *  (Otsu) painted white. */
export function cleanNoisyPaper(img: GreyImage, dpi: number, s: NoiseSettings = DEFAULT_OCR_SETTINGS.noise, b: BinarizeSettings = DEFAULT_OCR_SETTINGS.binarize): GreyImage {
  if (!s.minLevel) return img;
  const level = noiseLevel(img, s.sampleStep);
  const sparseOnly = level < s.minLevel;
  if (sparseOnly && !(s.sparseInkShare > 0 && level >= s.sparseMinLevel)) return img;
  const { width: w, height: h } = img;
  const sm = blur121(img);
  const t = otsu(sm, b);
  const ink = new Uint8Array(w * h);
  let inked = 0;
  for (let i = 0; i < ink.length; i++) inked += ink[i] = sm.data[i]! <= t ? 1 : 0;
  if (sparseOnly && inked >= s.sparseInkShare * ink.length) return img;
  const keep = grow(ink, w, h, Math.max(1, Math.round(dpi / s.keepPerInch)));
  const out = img.data.slice();
  for (let i = 0; i < out.length; i++) if (!keep[i]) out[i] = 255;
  return { width: w, height: h, data: out };
}
