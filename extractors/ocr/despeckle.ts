// Toner specks removed before reading: a photocopy or a dusty scanner glass leaves small dark dots
// scattered over the page, which tesseract reads as decimal points, commas or quote marks, or as
// a stroke that joins two lines of text. A speck is a blob of ink no bigger than a dot and with no
// other ink near it, above and below or farther along the line; a decimal point or a list comma
// (、) sits beside its digits or characters on the line, so it is kept. Specks fall in clusters (two or
// three within a character's width): the ink that counts as a neighbour is that of blobs bigger
// than a speck, so a speck beside another speck goes too. The blobs are painted white in the grey image (in place).
import { forEachBlob } from './blobs.js';
import type { GreyImage } from './image.js';
import { binarize, otsu } from './prep.js';
import { DEFAULT_OCR_SETTINGS, type BinarizeSettings, type DespeckleSettings } from './settings.js';

/** Paint white, in `img`, the isolated specks of ink: connected blobs (8-neighbour) at most
 *  `maxDotPerInch` on each side with no ink of a bigger blob within `clearPerInch` below their box,
 *  `clearAbovePerInch` above it (a 、 sits at the foot of its line) and `clearAlongPerInch` left
 *  and right (other specks nearby do not count).
 *  Returns how many were removed. */
export function despeckle(img: GreyImage, dpi: number, s: DespeckleSettings = DEFAULT_OCR_SETTINGS.despeckle, b: BinarizeSettings = DEFAULT_OCR_SETTINGS.binarize): number {
  if (!s.on) return 0;
  const { width: w, height: h, data } = img;
  const mask = binarize(img, otsu(img, b));
  const maxSide = Math.max(1, Math.round(dpi / s.maxDotPerInch));
  const clear = Math.max(1, Math.round(dpi / s.clearPerInch));
  const above = Math.max(clear, Math.round(dpi / s.clearAbovePerInch));
  const clearX = Math.max(clear, Math.round(dpi / s.clearAlongPerInch));
  // the blobs no bigger than a speck: their box, and their pixels taken out of the ink that counts
  // as a neighbour
  const small: [number, number, number, number][] = [];
  const big = mask.slice();
  forEachBlob(mask, w, h, ({ x0, y0, x1, y1 }, pixels) => {
    if (x1 - x0 + 1 > maxSide || y1 - y0 + 1 > maxSide) return;
    small.push([x0, y0, x1, y1]);
    for (const p of pixels) big[p] = 0;
  }, maxSide * maxSide + 1);
  // a bigger blob's ink in the box (clamped to the image), looked for directly: most small blobs
  // sit by text and find it in a row or two; a lone speck's box is a few hundred pixels (cheaper
  // than an integral image of the page, which a page of text needs no more)
  const inkIn = (x0: number, y0: number, x1: number, y1: number): boolean => {
    const a = Math.max(0, x0), c = Math.min(w - 1, x1), d = Math.min(h - 1, y1);
    for (let y = Math.max(0, y0); y <= d; y++) {
      for (let i = y * w + a, end = y * w + c; i <= end; i++) if (big[i]) return true;
    }
    return false;
  };
  let removed = 0;
  for (const [x0, y0, x1, y1] of small) {
    if (inkIn(x0 - clearX, y0 - above, x1 + clearX, y1 + clear)) continue;
    // a pixel of halo (the scan's blur) goes with it
    for (let y = Math.max(0, y0 - s.haloPx); y <= Math.min(h - 1, y1 + s.haloPx); y++) {
      data.fill(255, y * w + Math.max(0, x0 - s.haloPx), y * w + Math.min(w - 1, x1 + s.haloPx) + 1);
    }
    removed++;
  }
  return removed;
}
