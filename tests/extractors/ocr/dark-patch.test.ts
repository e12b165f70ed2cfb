// A page with no patch printed dark is read without tesseract's inverted second reading of its
// doubtful lines (engine.invertByInk, dark-patch.ts): only print white on dark needs it. On real
// crops: a prepared dev fax-200 page's labels (dark on light), the same crop white on black (a band
// printed dark), and a dev q70-200 cover's large bold title (its strokes fill half a square at most).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasDarkPatch } from '../../../extractors/ocr/dark-patch.js';
import { decodeImagePages, type GreyImage } from '../../../extractors/ocr/image.js';
import { TesseractPool, type OcrRunner, type RawJobOptions } from '../../../extractors/ocr/pool.js';
import { recognizeWith } from '../../../extractors/ocr/recognize.js';
import { DEFAULT_OCR_SETTINGS, resolveOcrSettings } from '../../../extractors/ocr/settings.js';

const LABELS = new URL('../../fixtures/scans/wanlijiedao-fax-200-labels-crop.png', import.meta.url);
const COVER = new URL('../../fixtures/scans/guojia-p01-q70-cover-title-crop.jpg', import.meta.url);

let labels: GreyImage;
let negative: GreyImage;
let cover: GreyImage;

/** a pool whose runners record the jobs they are given */
class Recording extends TesseractPool {
  jobs: RawJobOptions[] = [];
  override runner(signal?: AbortSignal): OcrRunner {
    const base = super.runner(signal);
    return { run: (image, opts = {}) => (this.jobs.push(opts), base.run(image, opts)) };
  }
}
let pool: Recording;

beforeAll(async () => {
  labels = (await decodeImagePages(new Uint8Array(readFileSync(LABELS))))[0]!;
  negative = { width: labels.width, height: labels.height, data: labels.data.map((v) => 255 - v) };
  cover = (await decodeImagePages(new Uint8Array(readFileSync(COVER))))[0]!;
  pool = new Recording({ workers: 1 });
});

afterAll(async () => {
  await pool.close();
});

const opts = { rotate: 0 as const, gapFill: false, reread: false, dpi: 200 };

describe('a page with no patch printed dark', () => {
  it('tells print white on dark from dark on light, a large bold title included', () => {
    const e = DEFAULT_OCR_SETTINGS.engine;
    expect(hasDarkPatch(labels, 200, e)).toBe(false);
    expect(hasDarkPatch(cover, 200, e)).toBe(false);
    expect(hasDarkPatch(negative, 200, e)).toBe(true);
  });

  it('is read without the inverted second reading; a page with a dark patch with it', async () => {
    pool.jobs = [];
    const plain = await recognizeWith(pool, labels, opts);
    expect(pool.jobs.map((j) => j.invert)).toEqual([false]);
    expect(plain.words.map((w) => w.text).join('')).toContain('教育支出');
    pool.jobs = [];
    const dark = await recognizeWith(pool, negative, opts);
    expect(pool.jobs.map((j) => j.invert)).toEqual([true]);
    expect(dark.words.map((w) => w.text).join('')).toContain('支出');
    // engine.invertByInk 0: every page keeps it
    pool.jobs = [];
    await recognizeWith(pool, labels, { ...opts, settings: resolveOcrSettings({ engine: { invertByInk: 0 } }) });
    expect(pool.jobs.map((j) => j.invert)).toEqual([true]);
  });

  it('is left to a page that needed cleaning (a grey paper whitened): it keeps the inverted reading', async () => {
    // the labels on a grey paper (a photocopy's): whitened before reading, so not a plain page
    const grey: GreyImage = { ...labels, data: labels.data.map((v) => Math.round(v * 0.85)) };
    pool.jobs = [];
    await recognizeWith(pool, grey, opts);
    expect(pool.jobs.map((j) => j.invert)).toEqual([true]);
  });

  it('is on by default, with invert', () => {
    expect(DEFAULT_OCR_SETTINGS.engine.invertByInk).toBe(1);
    expect(DEFAULT_OCR_SETTINGS.engine.invert).toBe(1);
  });
});
