// A nearly blank grainy page (denoise.ts, OcrSettings.noise.sparseMinLevel / sparseInkShare): its
// grain is below the level that marks a page noisy, but tesseract thresholds the page as a whole,
// and on a page that is nearly all paper its threshold falls within the grain: a whole page of this
// kind (one 合计 row) took 227 CPU s and came back as 1,770 words at confidence 32. The crop is the
// top left of that page, the dev grid's noise-md-200 condition (a real page of an answer-key
// document, 200 dpi grey JPEG), cut with
//   convert /tmp/fx-grid/dev/noise-md-200/pages/sh-putuo-wanlijiedao-2024-dept-budget-p15.jpg -crop 1000x1400+0+0 +repage -quality 90 wanlijiedao-p15-noise-blank-crop.jpg
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanNoisyPaper, noiseLevel } from '../../../extractors/ocr/denoise.js';
import { decodeImagePages, type GreyImage } from '../../../extractors/ocr/image.js';
import { createOcrPool, type OcrPool } from '../../../extractors/ocr/index.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from '../../../extractors/ocr/settings.js';
import { fixture } from '../../fixture.js';

const S = DEFAULT_OCR_SETTINGS;
const off: OcrSettings = { ...S, noise: { ...S.noise, sparseInkShare: 0 } };
let page: GreyImage;
let pool: OcrPool;
beforeAll(async () => {
  page = (await decodeImagePages(new Uint8Array(readFileSync(fixture('scans/wanlijiedao-p15-noise-blank-crop.jpg')))))[0]!;
  pool = await createOcrPool({ workers: 1 });
});
afterAll(async () => {
  await pool.close();
});

describe('a nearly blank grainy page', () => {
  it('is cleaned from a lower grain level than a page with ink', () => {
    const level = noiseLevel(page, S.noise.sampleStep);
    expect(level).toBeLessThan(S.noise.minLevel);
    expect(level).toBeGreaterThanOrEqual(S.noise.sparseMinLevel);
    const out = cleanNoisyPaper(page, 200, S.noise);
    expect(out).not.toBe(page);
    // the blank lower half: grain before, white paper after
    const half = page.width * (page.height >> 1);
    const grain = (g: GreyImage): number => g.data.subarray(half).filter((v) => v !== 255).length;
    expect(grain(page)).toBeGreaterThan(100_000);
    expect(grain(out)).toBe(0);
    // switched off, or with more ink than the share, the page is left as it is
    expect(cleanNoisyPaper(page, 200, off.noise)).toBe(page);
    expect(cleanNoisyPaper(page, 200, { ...S.noise, sparseInkShare: 0.001 })).toBe(page);
    expect(cleanNoisyPaper(page, 200, { ...S.noise, sparseMinLevel: level + 1 })).toBe(page);
  });

  it('reads its one label, not its grain', async () => {
    const p = await pool.recognize(page, { dpi: 200, settings: S, rotate: 0 });
    const words = p.words.map((w) => w.text);
    // (a CJK label comes back one character a word)
    expect(words.join('')).toBe('合计');
  }, 60_000);
});
