// Rules bent by a photocopy (the dev grid's photocopy-hi-200 scan, tests/bench/ocr-grid.ts; the grid
// bends a photocopy's page with a wave of 2.1 px over 2000 px, make-scan-grid.mjs). The image is real:
// 2100 × 110 px of 国家信访局 2024 决算 p. 7 (收入支出决算总表) as the page pipeline prepared it for
// reading up to the rules (paper whitened, levelled: recognize.ts), at x 110, y 490, saved as JPEG
// (quality 50). It holds three row rules across the table. Levelled by their mean slope, they still
// run in a curve 4 px deep: the rule finder (prep.ts findRules) takes each in two or three pieces up
// to 7 px thick, none across the table, and erasing those leaves the rest of the rule to be read as
// minus signs and digits. Straightened (bend.ts), each rule is one line across the table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { straightenBends } from '../../../extractors/ocr/bend.js';
import { joinBrokenRules } from '../../../extractors/ocr/broken-rules.js';
import { decodeJpeg } from '../../../extractors/ocr/image.js';
import { binarize, findRules, otsu, type PixelRule } from '../../../extractors/ocr/prep.js';
import { DEFAULT_OCR_SETTINGS as S } from '../../../extractors/ocr/settings.js';
import type { GreyImage } from '../../../extractors/ocr/image.js';
import { fixture } from '../../fixture.js';

const img = await decodeJpeg(new Uint8Array(readFileSync(fixture('scans/guojia-p07-photocopy-hi-bent-rules-prepared.jpg'))));
const OFF = { ...S.bend, on: 0 };
// (opt-in: ocr.bend.on is 0 by default)
const ON = { ...S.bend, on: 1 };

/** the horizontal rules found in `im` that run across the table (95% of its width) */
function across(im: GreyImage): PixelRule[] {
  const found = findRules(binarize(im, otsu(im, S.binarize)), im.width, im.height, { dpi: 200 }, S.rules);
  return found.filter((r) => r.horizontal && r.b - r.a >= 0.95 * im.width);
}

describe('a photocopy’s bent rules', () => {
  it('are each found as one thin line across the table once straightened', () => {
    const r = straightenBends(img, 200, ON, S.binarize);
    expect(r.image).not.toBe(img);
    // the columns were moved by the bend: a few pixels, up and down
    const d = Array.from(r.down!);
    expect(Math.max(...d) - Math.min(...d)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...d.map(Math.abs))).toBeLessThanOrEqual(6);
    const rules = across(r.image);
    expect(rules.map((x) => Math.round(x.pos / 10))).toEqual([2, 6, 10]);
    for (const x of rules) expect(x.thickness).toBeLessThanOrEqual(5);
  });

  it('are found in pieces, none across the table, as the page was levelled', () => {
    expect(straightenBends(img, 200, OFF, S.binarize).image).toBe(img);
    expect(across(img)).toEqual([]);
  });

  it('come as pieces a pixel off each other where the columns were moved, joined into one rule each', () => {
    const straight = straightenBends(img, 200, ON, S.binarize).image;
    const found = findRules(binarize(straight, otsu(straight, S.binarize)), straight.width, straight.height, { dpi: 200 }, S.rules).filter((r) => r.horizontal);
    // slivers beside the three rules, each its own piece
    expect(found.length).toBeGreaterThan(3);
    const joined = joinBrokenRules(found, 200, S.brokenRules, true).sort((p, q) => p.pos - q.pos);
    expect(joined.map((r) => Math.round(r.pos / 10))).toEqual([2, 6, 10]);
    for (const r of joined) {
      expect(r.b - r.a).toBeGreaterThanOrEqual(0.95 * straight.width);
      expect(r.thickness).toBeLessThanOrEqual(5);
    }
  });

  it('once straight, are left as they are', () => {
    const once = straightenBends(img, 200, ON, S.binarize).image;
    const again = straightenBends(once, 200, ON, S.binarize);
    expect(again.image).toBe(once);
    expect(again.down).toBeNull();
    expect(again.right).toBeNull();
  });
});
