// Pages scanned coarser than ocr.resolution.minDpi (a 150 dpi scan) are enlarged to the resolution
// recognition is tuned for (200 dpi) before they are read, bicubic (recognize.ts, enlargeBicubic):
// the small print of a 150 dpi page enlarged bilinear blurs into its counters (4.70 read as 1.70,
// 合计 as 司计; the q80-150 condition of tests/bench/ocr-grid.ts). A real 200 dpi grey scan reduced
// to 150 dpi and enlarged back must come closer to the original bicubic than bilinear, with edges as
// steep, and no grey out of range.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePng, enlargeBicubic, scale, type GreyImage } from '../../../extractors/ocr/image.js';
import { DEFAULT_OCR_SETTINGS } from '../../../extractors/ocr/settings.js';
import { fixture } from '../../fixture.js';

const page = decodePng(new Uint8Array(readFileSync(fixture('scans/putuo-p08-200dpi-skew.png'))));
const f = 200 / 150;

/** mean absolute difference over the pixels both images have */
function meanDiff(a: GreyImage, b: GreyImage): number {
  const w = Math.min(a.width, b.width), h = Math.min(a.height, b.height);
  let s = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) s += Math.abs(a.data[y * a.width + x]! - b.data[y * b.width + x]!);
  return s / (w * h);
}

/** mean of the largest step between horizontal neighbours on each row (how steep the edges are) */
function edgeSteepness(img: GreyImage): number {
  let s = 0;
  for (let y = 0; y < img.height; y++) {
    let m = 0;
    for (let x = 1; x < img.width; x++) m = Math.max(m, Math.abs(img.data[y * img.width + x]! - img.data[y * img.width + x - 1]!));
    s += m;
  }
  return s / img.height;
}

describe('a 150 dpi page enlarged to 200 dpi', () => {
  const small = scale(page, 150 / 200);
  const bicubic = enlargeBicubic(small, f);
  const bilinear = scale(small, f);

  it('is enlarged, as the settings ask, to the size the 200 dpi scan has', () => {
    expect(DEFAULT_OCR_SETTINGS.resolution.minDpi).toBeGreaterThan(150);
    expect(Math.abs(bicubic.width - page.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(bicubic.height - page.height)).toBeLessThanOrEqual(1);
    expect(bicubic.data.length).toBe(bicubic.width * bicubic.height);
  });

  it('comes closer to the 200 dpi scan bicubic than bilinear, with steeper edges', () => {
    const dCubic = meanDiff(bicubic, page);
    const dLinear = meanDiff(bilinear, page);
    expect(dCubic).toBeLessThan(dLinear);
    expect(edgeSteepness(bicubic)).toBeGreaterThan(edgeSteepness(bilinear));
  });

  it('leaves a flat image flat (weights sum to one, no ringing on paper)', () => {
    const flat: GreyImage = { width: 40, height: 30, data: new Uint8Array(40 * 30).fill(237) };
    const out = enlargeBicubic(flat, f);
    expect(new Set(out.data)).toEqual(new Set([237]));
  });
});
