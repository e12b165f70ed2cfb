// A page whose paper is grey (a photocopy, a yellowed or under-exposed scan) brought to a white
// background before anything is read: the paper's level, the page's median grey (most of a page is
// paper), is stretched to white and every darker level in proportion. On a grey background
// tesseract misreads thin strokes (金额 as 金频, decimal points as commas) and the speck and rule
// thresholds shift with the background.
import type { GreyImage } from './image.js';
import { DEFAULT_OCR_SETTINGS, type BackgroundSettings } from './settings.js';

/** The median grey of `img` (every `step`th pixel): its paper's level, most of a page being paper. */
export function medianLevel(img: GreyImage, step: number): number {
  const hist = new Float64Array(256);
  const d = img.data;
  let n = 0;
  for (let i = 0; i < d.length; i += step, n++) hist[d[i]!]!++;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc * 2 >= n) return v;
  }
  return 255;
}

/** `img` with its paper brought to white (a new image), or `img` itself when its paper is already
 *  white enough (median at least `belowLevel`) or too dark to be paper (below `minLevel`). */
export function whitenBackground(img: GreyImage, s: BackgroundSettings = DEFAULT_OCR_SETTINGS.background): GreyImage {
  const paper = medianLevel(img, s.sampleStep);
  if (paper >= s.belowLevel || paper < s.minLevel) return img;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.min(255, Math.round((v * 255) / paper));
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[img.data[i]!]!;
  return { width: img.width, height: img.height, data: out };
}
