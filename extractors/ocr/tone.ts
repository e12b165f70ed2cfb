// Thin print darkened before reading: a light stroke (a thin print's digit, its strokes thinned
// further by a scanner's level stretch or by averaging a finer scan down) is grey, not black,
// across its width; the 4's diagonal and bar of a thin face come out at 180-215 grey while its
// stem is at 40-70, and a global threshold (tesseract's Otsu, at about 175 on such a page) keeps
// the stem and drops the rest, so 4.70 is read 1.70 and 4285 1285. A power curve on the grey
// (v → 255·(v/255)^gamma) keeps black black and white white, keeps the order of every two greys,
// and lowers the light greys between: the faint strokes fall below the threshold, while paper
// (whitened first, background.ts) stays above it.
import type { GreyImage } from './image.js';
import { DEFAULT_OCR_SETTINGS, type ToneSettings } from './settings.js';

/** The curve as a lookup table: grey v → round(255·(v/255)^gamma). */
export function toneCurve(gamma: number): Uint8Array {
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.round(255 * (v / 255) ** gamma);
  return lut;
}

/** `img` with its greys put through toneCurve(`s.gamma`) (a new image), or `img` itself when the
 *  gamma is 1 (off). */
export function darkenThinPrint(img: GreyImage, s: ToneSettings = DEFAULT_OCR_SETTINGS.tone): GreyImage {
  if (s.gamma === 1) return img;
  const lut = toneCurve(s.gamma);
  const d = img.data;
  const out = new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = lut[d[i]!]!;
  return { width: img.width, height: img.height, data: out };
}
