// Whether a page image holds a patch printed dark (a header band or a box printed white on dark):
// tesseract reads a line it is unsure of again inverted only for such print (tessedit_do_invert),
// and on a page with none that second reading of every doubtful line is spent for nothing
// (engine.invertByInk).
import type { GreyImage } from './image.js';
import type { OcrRunner } from './pool.js';
import type { EngineSettings } from './settings.js';

/** Some square of the page, engine.darkPatchPerInch to an inch on a side, has at least
 *  engine.darkPatchShare of its pixels darker than engine.darkLevel (every second pixel of every
 *  second row looked at). Text, even bold, and rules leave most of such a square paper; a band
 *  printed dark fills it. */
export function hasDarkPatch(img: GreyImage, dpi: number, s: EngineSettings): boolean {
  const { width: w, height: h, data } = img;
  const side = Math.max(2, Math.round(dpi / s.darkPatchPerInch));
  const cols = Math.ceil(w / side);
  const dark = new Uint32Array(cols);
  const seen = new Uint32Array(cols);
  const level = s.darkLevel;
  for (let top = 0; top < h; top += side) {
    dark.fill(0);
    seen.fill(0);
    const bottom = Math.min(h, top + side);
    for (let y = top; y < bottom; y += 2) {
      const row = y * w;
      for (let c = 0; c < cols; c++) {
        const end = row + Math.min(w, (c + 1) * side);
        let n = 0;
        let d = 0;
        for (let i = row + c * side; i < end; i += 2, n++) if (data[i]! < level) d++;
        seen[c]! += n;
        dark[c]! += d;
      }
    }
    for (let c = 0; c < cols; c++) if (seen[c]! > 0 && dark[c]! >= s.darkPatchShare * seen[c]!) return true;
  }
  return false;
}

/** `ocr` with tesseract's inverted second reading off on every job that does not set it. */
export function withoutInvert(ocr: OcrRunner): OcrRunner {
  return { run: (image, o = {}) => ocr.run(image, o.invert === undefined ? { ...o, invert: false } : o) };
}
