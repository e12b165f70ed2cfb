// Photocopy-look scans (the photocopy conditions of tests/bench/ocr-grid.ts): a grey paper and toner
// specks scattered over the page. The paper is brought to white before reading (background.ts,
// OcrSettings.background) and isolated specks are painted out (despeckle.ts, OcrSettings.despeckle),
// while decimal points, commas and 、 beside their characters stay. The page is a real 200 dpi
// grey scan; the photocopy is made from it here: paper at 86% white and seeded 3 px specks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whitenBackground } from '../../../extractors/ocr/background.js';
import { despeckle } from '../../../extractors/ocr/despeckle.js';
import { decodePng, type GreyImage } from '../../../extractors/ocr/image.js';
import { DEFAULT_OCR_SETTINGS } from '../../../extractors/ocr/settings.js';
import { fixture } from '../../fixture.js';

const page = decodePng(new Uint8Array(readFileSync(fixture('scans/putuo-p08-200dpi-skew.png'))));
const copy = (img: GreyImage): GreyImage => ({ width: img.width, height: img.height, data: img.data.slice() });
const inkAt = (img: GreyImage, x: number, y: number): boolean => img.data[y * img.width + x]! < 128;

/** the page darkened to `white` of its level, with 3 × 3 specks at seeded positions at least
 *  `clear` pixels from any ink (returned) */
function photocopy(img: GreyImage, white: number, n: number, clear: number): { img: GreyImage; specks: [number, number][] } {
  const { width: w, height: h } = img;
  const out = { width: w, height: h, data: img.data.map((v) => Math.round(v * white)) };
  let seed = 12345;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  // ink counted over rectangles (an integral image)
  const W = w + 1;
  const sum = new Int32Array(W * (h + 1));
  for (let y = 0; y < h; y++) for (let x = 0, row = 0; x < w; x++) sum[(y + 1) * W + x + 1] = sum[y * W + x + 1]! + (row += inkAt(img, x, y) ? 1 : 0);
  const inkNear = (x: number, y: number): number => sum[(y + clear + 1) * W + x + clear + 1]! - sum[(y - clear) * W + x + clear + 1]! - sum[(y + clear + 1) * W + x - clear]! + sum[(y - clear) * W + x - clear]!;
  const specks: [number, number][] = [];
  for (let tries = 0; specks.length < n && tries < n * 200; tries++) {
    const x = clear + rand(w - 2 * clear - 1);
    const y = clear + rand(h - 2 * clear - 1);
    if (inkNear(x, y) || specks.some(([a, b]) => Math.abs(a - x) <= clear && Math.abs(b - y) <= clear)) continue;
    specks.push([x, y]);
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) out.data[(y + dy) * w + x + dx] = 30;
  }
  return { img: out, specks };
}

describe('photocopy-look scans', () => {
  it('have their grey paper brought to white, the ink kept dark; a white page is left as it is', () => {
    const { img } = photocopy(page, 0.86, 0, 20);
    const white = whitenBackground(img);
    const median = (g: GreyImage): number => {
      const hist = new Array<number>(256).fill(0);
      for (const v of g.data) hist[v]!++;
      let acc = 0;
      for (let v = 0; v < 256; v++) if ((acc += hist[v]!) * 2 >= g.data.length) return v;
      return 255;
    };
    expect(median(img)).toBeLessThan(DEFAULT_OCR_SETTINGS.background.belowLevel);
    expect(median(white)).toBe(255);
    // ink (dark on the page as scanned) stays dark
    let ink = 0;
    let kept = 0;
    for (let i = 0; i < page.data.length; i++) {
      if (page.data[i]! >= 80) continue;
      ink++;
      if (white.data[i]! < 100) kept++;
    }
    expect(ink).toBeGreaterThan(1000);
    expect(kept).toBe(ink);
    expect(whitenBackground(page)).toBe(page);
  });

  it('have isolated specks painted out, and nothing else of a clean page', () => {
    const clean = copy(page);
    expect(despeckle(clean, 200)).toBe(0);
    expect(clean.data.every((v, i) => v === page.data[i])).toBe(true);

    const { img, specks } = photocopy(page, 0.86, 150, 20);
    expect(specks.length).toBe(150);
    const white = whitenBackground(img);
    const before = copy(white);
    expect(despeckle(white, 200)).toBe(specks.length);
    for (const [x, y] of specks) expect(inkAt(white, x, y)).toBe(false);
    // only the specks (and their pixel of halo) changed
    let changed = 0;
    for (let i = 0; i < white.data.length; i++) if (white.data[i] !== before.data[i]) changed++;
    expect(changed).toBeLessThanOrEqual(specks.length * 25);
  });

  it('keep a dot beside characters on its line (a decimal point, 、) and remove one with room around it', () => {
    // paper 255; two 12 × 12 characters 8 px apart with a 3 × 3 dot between them at the baseline,
    // and the same dot alone 30 px below
    const w = 80;
    const h = 80;
    const img: GreyImage = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
    const box = (x0: number, y0: number, x1: number, y1: number): void => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) img.data[y * w + x] = 20;
    };
    box(10, 10, 21, 21);
    box(30, 10, 41, 21);
    box(24, 19, 26, 21);
    box(24, 50, 26, 52);
    expect(despeckle(img, 200)).toBe(1);
    expect(inkAt(img, 25, 20)).toBe(true);
    expect(inkAt(img, 25, 51)).toBe(false);
  });
});
