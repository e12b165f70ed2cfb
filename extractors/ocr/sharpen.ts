// A blurred scan (out of focus, a soft lens, a copy of a copy) sharpened before reading: its strokes
// spread into grey ramps, thin strokes never reach black, and tesseract drops a list number's 、 or
// reads 类 as 夫. How sharp a page is: at its edges (pixels where the grey changes steeply), the
// 4-neighbour Laplacian's size against the gradient's; a ramp spread over more pixels has a smaller
// second derivative for the same slope. A page below a level is unsharp-masked: the image plus
// `amount` times its difference from a 1-2-1 blur of it.
import { blur121, type GreyImage } from './image.js';
import { DEFAULT_OCR_SETTINGS, type SharpenSettings } from './settings.js';

/** The page's sharpness: over the pixels whose gradient (|gx| + |gy|, central differences) is at
 *  least `s.minEdge`, the sum of the 4-neighbour Laplacian's size over the sum of the gradient
 *  (ratio; 1 on an image with no such edge). */
export function edgeSharpness(img: GreyImage, s: SharpenSettings = DEFAULT_OCR_SETTINGS.sharpen): number {
  const { width: w, height: h, data: d } = img;
  let g = 0;
  let l = 0;
  for (let y = 1; y < h - 1; y += s.sampleStep) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const grad = Math.abs(d[i + 1]! - d[i - 1]!) + Math.abs(d[i + w]! - d[i - w]!);
      if (grad < s.minEdge) continue;
      g += grad;
      l += Math.abs(4 * d[i]! - d[i - 1]! - d[i + 1]! - d[i - w]! - d[i + w]!);
    }
  }
  return g ? l / g : 1;
}

/** The share of `s.amount` a page of this sharpness is masked with: all of it at `s.full` or below,
 *  none at `s.below` or above, linear between. */
export function sharpenShare(sharpness: number, s: SharpenSettings = DEFAULT_OCR_SETTINGS.sharpen): number {
  if (!s.below || sharpness >= s.below) return 0;
  if (sharpness <= s.full || s.full >= s.below) return 1;
  return (s.below - sharpness) / (s.below - s.full);
}

/** `img` unsharp-masked (a new image) when its edgeSharpness is below `s.below` (sharpenShare of
 *  `s.amount`), else `img` itself. */
export function sharpenBlurred(img: GreyImage, s: SharpenSettings = DEFAULT_OCR_SETTINGS.sharpen): GreyImage {
  if (!s.below) return img;
  const amount = s.amount * sharpenShare(edgeSharpness(img, s), s);
  if (amount <= 0) return img;
  const b = blur121(img).data;
  const d = img.data;
  const out = new Uint8Array(d.length);
  for (let i = 0; i < out.length; i++) {
    const v = Math.round(d[i]! + amount * (d[i]! - b[i]!));
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return { width: img.width, height: img.height, data: out };
}
