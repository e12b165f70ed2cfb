// How tesseract is asked to read a page (OcrSettings.engine): engine.invert 0 stops tesseract from
// reading a line it is unsure of a second time inverted, white on black (on by default, tesseract's
// own default tessedit_do_invert: a header band printed white on dark is read only so; off saves
// about 5% of the first pass on pages printed dark on light); engine.cjkFirstPass sends the page's
// first reading to workers of chi_sim alone. On a real crop of a prepared dev fax-200 page (a 收支总表's
// expenditure labels, rules erased).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImagePages, type GreyImage } from '../../../extractors/ocr/image.js';
import { TesseractPool, type OcrRunner, type RawJobOptions } from '../../../extractors/ocr/pool.js';
import { pageRunner, recognizeWith } from '../../../extractors/ocr/recognize.js';
import { DEFAULT_OCR_SETTINGS, resolveOcrSettings, type OcrSettings } from '../../../extractors/ocr/settings.js';

const CROP = new URL('../../fixtures/scans/wanlijiedao-fax-200-labels-crop.png', import.meta.url);

let img: GreyImage;
/** the same crop white on black */
let negative: GreyImage;
let pool: TesseractPool;

beforeAll(async () => {
  img = (await decodeImagePages(new Uint8Array(readFileSync(CROP))))[0]!;
  negative = { width: img.width, height: img.height, data: img.data.map((v) => 255 - v) };
  pool = new TesseractPool({ workers: 1 });
});

afterAll(async () => {
  await pool.close();
});

const engine = (e: Partial<OcrSettings['engine']>): OcrSettings => resolveOcrSettings({ engine: e });

/** a pool whose runners record the jobs they are given */
class Recording extends TesseractPool {
  jobs: RawJobOptions[] = [];
  override runner(signal?: AbortSignal): OcrRunner {
    const base = super.runner(signal);
    return { run: (image, opts = {}) => (this.jobs.push(opts), base.run(image, opts)) };
  }
}

const text = async (runner: OcrRunner, image: GreyImage, opts: RawJobOptions = {}): Promise<string> =>
  (await runner.run(image, { psm: '6', dpi: 200, langs: ['chi_sim'], ...opts })).words.map((w) => w.text).join('');

describe('engine settings', () => {
  it('reads a page’s doubtful lines a second time inverted unless engine.invert is 0', async () => {
    expect(DEFAULT_OCR_SETTINGS.engine.invert).toBe(1);
    const off = pageRunner(pool.runner(), engine({ invert: 0 }));
    const on = pageRunner(pool.runner(), DEFAULT_OCR_SETTINGS);
    // dark on light: the same reading either way
    const plain = await text(off, img);
    expect(plain).toContain('公共安全支出');
    expect(plain).toBe(await text(on, img));
    // white on black: only the inverted second reading finds the labels
    expect(await text(on, negative)).toContain('公共安全支出');
    expect(await text(off, negative)).not.toContain('公共安全支出');
    // a job that says otherwise is left as it is
    expect(await text(off, negative, { invert: true })).toContain('公共安全支出');
  });

  it('sends the first reading to chi_sim alone with cjkFirstPass, to the pool’s languages without', async () => {
    const cjk = new Recording({ workers: 1 });
    const both = new Recording({ workers: 1 });
    try {
      const opts = { rotate: 0 as const, gapFill: false, reread: false, dpi: 200 };
      const a = await recognizeWith(cjk, img, { ...opts, settings: engine({ cjkFirstPass: 1, invert: 0 }) });
      const b = await recognizeWith(both, img, { ...opts, settings: engine({ cjkFirstPass: 0, invert: 0 }) });
      const firstA = cjk.jobs.filter((j) => j.page);
      const firstB = both.jobs.filter((j) => j.page);
      expect(firstA.map((j) => j.langs?.join('+'))).toEqual(['chi_sim']);
      expect(firstB.map((j) => j.langs)).toEqual([undefined]);
      // every job of the page carries the engine's invert
      expect([...cjk.jobs, ...both.jobs].every((j) => j.invert === false)).toBe(true);
      expect(a.words.map((w) => w.text).join('')).toContain('科学技术支出');
      expect(b.words.map((w) => w.text).join('')).toContain('科学技术支出');
    } finally {
      await cjk.close();
      await both.close();
    }
  });
});
