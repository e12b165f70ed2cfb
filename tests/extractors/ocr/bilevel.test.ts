// 1-bit scans (fax, a scanner's black-and-white mode): the threshold thins and breaks the 1-2 px
// strokes of characters at 200 dpi, and tesseract reads the broken strokes as other characters or
// Latin letters (the fax conditions of tests/bench/ocr-grid.ts). A page image that is pure black and
// white is told from a grey one, and its ink is thickened by a pixel before it is read, at a finer
// resolution if asked (OcrSettings.image.bilevelShare, bilevelThickenPx, bilevelReadDpi; recognize.ts). The page here is a real 200 dpi
// grey scan, and the same page thresholded as a fax machine would.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePng, type GreyImage } from '../../../extractors/ocr/image.js';
import { isBilevel, thickenInk } from '../../../extractors/ocr/prep.js';
import { readingPlan } from '../../../extractors/ocr/recognize.js';
import { DEFAULT_OCR_SETTINGS, resolveOcrSettings } from '../../../extractors/ocr/settings.js';
import { fixture } from '../../fixture.js';

const grey = decodePng(new Uint8Array(readFileSync(fixture('scans/putuo-p08-200dpi-skew.png'))));
const fax: GreyImage = { width: grey.width, height: grey.height, data: grey.data.map((v) => (v < 140 ? 0 : 255)) };
const share = DEFAULT_OCR_SETTINGS.image.bilevelShare;
const ink = (img: GreyImage): number => img.data.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);

describe('1-bit scans', () => {
  it('are told from grey scans of the same page', () => {
    expect(isBilevel(fax, share)).toBe(true);
    expect(isBilevel(grey, share)).toBe(false);
  });

  it('have their ink grown by a pixel: every ink pixel kept, a paper pixel turned only beside ink', () => {
    const thick = thickenInk(fax, DEFAULT_OCR_SETTINGS.image.bilevelThickenPx);
    const { width: w, height: h } = fax;
    expect(ink(thick)).toBeGreaterThan(ink(fax) * 1.3);
    let bad = 0;
    for (let y = 1; y < h - 1; y++) {
      for (let x = 1; x < w - 1; x++) {
        const i = y * w + x;
        const nearInk = fax.data[i] === 0 || fax.data[i - 1] === 0 || fax.data[i + 1] === 0 || fax.data[i - w] === 0 || fax.data[i + w] === 0;
        if ((thick.data[i] === 0) !== nearInk) bad++;
      }
    }
    expect(bad).toBe(0);
    // a grey page is left as it is by the reader (recognize.ts thickens bilevel pages only)
    expect(isBilevel(thickenInk(grey, 1), share)).toBe(false);
  });

  it('are read at the usual resolution, thickened; enlarged first when image.bilevelReadDpi asks it', () => {
    const s = DEFAULT_OCR_SETTINGS;
    const fine = resolveOcrSettings({ image: { bilevelReadDpi: 300 } });
    // a 200 dpi fax: read at 200 dpi, thickened as it is
    expect(readingPlan(fax, 200, s)).toEqual({ dpi: 200, thicken: true });
    // the same page grey: read at 200 dpi as it is, not thickened
    expect(readingPlan(grey, 200, s)).toEqual({ dpi: 200, thicken: false });
    // with bilevelReadDpi 300: the fax enlarged to 300 dpi and thickened there; the grey page not
    expect(readingPlan(fax, 200, fine)).toEqual({ dpi: 300, thicken: true });
    expect(readingPlan(grey, 200, fine)).toEqual({ dpi: 200, thicken: false });
    // a fax already as fine: reduced to the tuned resolution (grey then), not thickened
    expect(readingPlan(fax, 300, fine)).toEqual({ dpi: s.resolution.targetDpi, thicken: false });
    // thickening off: no 1-bit treatment at all
    expect(readingPlan(fax, 200, resolveOcrSettings({ image: { bilevelThickenPx: 0, bilevelReadDpi: 300 } }))).toEqual({ dpi: 200, thicken: false });
  });
});
