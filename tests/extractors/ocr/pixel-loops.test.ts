// The page-preparation loops written for speed (image.ts rotateSmall, blobs.ts forEachBlob,
// despeckle.ts, prep.ts otsu) give exactly what their plain per-pixel definitions give, on real
// scan crops: a faster loop must never change a pixel that OCR then reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forEachBlob } from '../../../extractors/ocr/blobs.js';
import { despeckle } from '../../../extractors/ocr/despeckle.js';
import { decodePng, rotateSmall, type GreyImage } from '../../../extractors/ocr/image.js';
import { binarize, otsu } from '../../../extractors/ocr/prep.js';
import { DEFAULT_OCR_SETTINGS } from '../../../extractors/ocr/settings.js';
import { fixture } from '../../fixture.js';

const load = (name: string): GreyImage => decodePng(new Uint8Array(readFileSync(fixture(`scans/${name}`))));
const specks = load('yt-yibaoju-p07-photocopy-specks.png');
const blurred = load('putuo-p08-blur-crop.png');

/** bilinear rotation about the centre, every source position computed afresh (Math.floor) */
function rotateReference(img: GreyImage, deg: number): Uint8Array {
  const { width: w, height: h, data } = img;
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const out = new Uint8Array(w * h);
  for (let Y = 0; Y < h; Y++) {
    // the same running sums as the definition's row start and step
    let sx = cx + -(Y - cy) * -sin + -cx * cos;
    let sy = cy + (Y - cy) * cos + -cx * -sin;
    for (let X = 0; X < w; X++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[Y * w + X] = 255;
        continue;
      }
      const p = y0 * w + x0;
      const top = data[p]! + (data[p + 1]! - data[p]!) * (sx - x0);
      const bot = data[p + w]! + (data[p + w + 1]! - data[p + w]!) * (sx - x0);
      out[Y * w + X] = top + (bot - top) * (sy - y0);
    }
  }
  return out;
}

/** 8-neighbour blobs by breadth-first search: box and pixel count, sorted */
function blobsReference(mask: Uint8Array, w: number, h: number): string[] {
  const seen = new Uint8Array(mask.length);
  const out: string[] = [];
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s] || seen[s]) continue;
    const queue = [s];
    seen[s] = 1;
    let x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (let i = 0; i < queue.length; i++) {
      const x = queue[i]! % w;
      const y = Math.floor(queue[i]! / w);
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const q = (y + dy) * w + x + dx;
          if (y + dy >= 0 && y + dy < h && x + dx >= 0 && x + dx < w && mask[q] && !seen[q]) {
            seen[q] = 1;
            queue.push(q);
          }
        }
      }
    }
    out.push(`${x0},${y0},${x1},${y1}:${queue.length}`);
  }
  return out.sort();
}

describe('page-preparation loops', () => {
  it('rotateSmall gives the bilinear rotation pixel for pixel, corners (negative source positions) white', () => {
    for (const deg of [0.37, -0.6, 1.5, -3]) {
      const got = rotateSmall(blurred, deg).data;
      expect(Buffer.from(got).equals(Buffer.from(rotateReference(blurred, deg)))).toBe(true);
    }
    // the corners of a turned image come from outside it
    const turned = rotateSmall(blurred, 3).data;
    expect(turned[0]).toBe(255);
    expect(turned[blurred.width * blurred.height - 1]).toBe(255);
  });

  it('forEachBlob finds the blobs a breadth-first search finds, with all their pixels when asked', () => {
    const mask = binarize(specks, otsu(specks, DEFAULT_OCR_SETTINGS.binarize));
    const got: string[] = [];
    let kept = true;
    forEachBlob(mask, specks.width, specks.height, (b, pixels) => {
      const n = pixels.length;
      got.push(`${b.x0},${b.y0},${b.x1},${b.y1}:${n}`);
      if (pixels.some((p) => !mask[p])) kept = false;
    }, specks.width * specks.height);
    expect(got.length).toBeGreaterThan(10);
    expect(got.sort()).toEqual(blobsReference(mask, specks.width, specks.height));
    expect(kept).toBe(true);
  });

  it('despeckle paints out exactly the small blobs with no bigger blob’s ink in their clearance box', () => {
    const { width: w, height: h } = specks;
    const s = DEFAULT_OCR_SETTINGS.despeckle;
    const dpi = 200;
    const mask = binarize(specks, otsu(specks, DEFAULT_OCR_SETTINGS.binarize));
    const maxSide = Math.round(dpi / s.maxDotPerInch);
    const clear = Math.round(dpi / s.clearPerInch);
    const above = Math.max(clear, Math.round(dpi / s.clearAbovePerInch));
    const along = Math.max(clear, Math.round(dpi / s.clearAlongPerInch));
    const boxes = blobsReference(mask, w, h).map((k) => k.split(/[,:]/).map(Number) as [number, number, number, number, number]);
    const isSmall = ([x0, y0, x1, y1]: number[]): boolean => x1! - x0! < maxSide && y1! - y0! < maxSide;
    // the ink of the bigger blobs, by pixel
    const big = new Uint8Array(w * h);
    forEachBlob(mask, w, h, (b, pixels) => {
      if (!isSmall([b.x0, b.y0, b.x1, b.y1])) for (const p of pixels) big[p] = 1;
    }, w * h);
    const lone = boxes.filter(isSmall).filter(([x0, y0, x1, y1]) => {
      for (let y = Math.max(0, y0 - above); y <= Math.min(h - 1, y1 + clear); y++) {
        for (let x = Math.max(0, x0 - along); x <= Math.min(w - 1, x1 + along); x++) if (big[y * w + x]) return false;
      }
      return true;
    });
    const img = { width: w, height: h, data: specks.data.slice() };
    expect(despeckle(img, dpi)).toBe(lone.length);
    expect(lone.length).toBeGreaterThan(3);
    // every lone speck painted white with its halo, and a bigger blob's ink untouched
    for (const [x0, y0] of lone) expect(img.data[y0 * w + x0]).toBe(255);
    let bigChanged = 0;
    for (let i = 0; i < w * h; i++) if (big[i] && img.data[i] !== specks.data[i]) bigChanged++;
    expect(bigChanged).toBe(0);
  });

  it('otsu counts its histogram as integers: the threshold is the one that best splits the levels', () => {
    const t = otsu(specks, DEFAULT_OCR_SETTINGS.binarize);
    // between-class variance of every threshold, plainly
    const hist = new Array<number>(256).fill(0);
    for (const v of specks.data) hist[v]!++;
    const n = specks.data.length;
    const total = hist.reduce((s, c, v) => s + c * v, 0);
    let best = -1;
    let at = -1;
    for (let v = 0, wB = 0, sB = 0; v < 256; v++) {
      wB += hist[v]!;
      sB += v * hist[v]!;
      if (!wB || wB === n) continue;
      const between = wB * (n - wB) * (sB / wB - (total - sB) / (n - wB)) ** 2;
      if (between > best) { best = between; at = v; }
    }
    const { minThreshold, maxThreshold } = DEFAULT_OCR_SETTINGS.binarize;
    expect(t).toBe(Math.min(Math.max(at, minThreshold), maxThreshold));
  });
});
