// A page of small print (a 支出总表 set in about 5 pt type to fit A4: 北京市审计局 2026 部门预算 预算03表,
// the OCR bench's unseen documents of ../shared/corpus, scanned grey JPEG q80 at 200 dpi; committed:
// a crop of its upper third). Its characters are 11 px tall, so the page reads with a low mean
// confidence and its orientation is probed; the probe band, reduced to 150 dpi, read as nothing
// whichever way it was turned, a quarter turn won on noise, and the page was read sideways: none of
// its 160 amounts came back. The print's size is measured on the first reading (print-size.ts) and
// a page of small print has its probes read enlarged (orientation.ts): it is read upright.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImagePages, type GreyImage } from '../../../extractors/ocr/image.js';
import { printHeight, smallPrintEnlargement } from '../../../extractors/ocr/print-size.js';
import { TesseractPool } from '../../../extractors/ocr/pool.js';
import { recognizeWith } from '../../../extractors/ocr/recognize.js';
import { DEFAULT_OCR_SETTINGS, resolveOcrSettings } from '../../../extractors/ocr/settings.js';
import { fixture } from '../../fixture.js';

const word = (text: string, x0: number, y0: number, w: number, h: number) => ({ text, box: { x0, y0, x1: x0 + w, y1: y0 + h } });

describe('the size of a page\'s print', () => {
  it('is the median height of its squarish CJK words, flat ones and run-together ones left out', () => {
    const words = [...Array.from({ length: 30 }, (_, i) => word('行政运行', 10, i * 20, 44, 11)), word('一', 0, 0, 11, 2), word('合计', 0, 0, 200, 11)];
    expect(printHeight(words, 30, 1.3)).toBe(11);
    expect(printHeight(words.slice(0, 29), 30, 1.3)).toBeUndefined();
  });

  it('falls back on the amounts read, scaled to a CJK character, where few CJK words came back', () => {
    const words = Array.from({ length: 30 }, (_, i) => word('3,138.093600', 10, i * 20, 90, 10));
    expect(printHeight(words, 30, 1.3)).toBeCloseTo(13);
  });

  it('asks for a finer look only when it is small, up to a limit', () => {
    const small = Array.from({ length: 40 }, (_, i) => word('津贴补贴', 10, i * 20, 52, 13));
    const usual = Array.from({ length: 40 }, (_, i) => word('津贴补贴', 10, i * 20, 88, 22));
    const tiny = Array.from({ length: 40 }, (_, i) => word('津贴补贴', 10, i * 20, 24, 6));
    expect(smallPrintEnlargement(small, DEFAULT_OCR_SETTINGS)).toBeCloseTo(24 / 13, 2);
    expect(smallPrintEnlargement(usual, DEFAULT_OCR_SETTINGS)).toBe(1);
    expect(smallPrintEnlargement(tiny, DEFAULT_OCR_SETTINGS)).toBe(2);
    expect(smallPrintEnlargement(small, resolveOcrSettings({ smallPrint: { on: 0 } }))).toBe(1);
  });
});

describe('a scanned page of small print', () => {
  let page: GreyImage;
  let pool: TesseractPool;
  beforeAll(async () => {
    page = (await decodeImagePages(new Uint8Array(readFileSync(fixture('scans/bj-shenjiju-p03-q80-small-print-crop.jpg')))))[0]!;
    pool = new TesseractPool({ workers: 1 });
  });
  afterAll(async () => {
    await pool.close();
  });
  const amounts = (words: { text: string }[]) => words.filter((w) => /\d{6}$/.test(w.text)).length;
  const opts = { gapFill: false, reread: false, dpi: 200 };

  it('is read upright, its amounts with it', async () => {
    const p = await recognizeWith(pool, page, opts);
    expect(p.rotation).toBe(0);
    expect(amounts(p.words)).toBeGreaterThanOrEqual(40);
  }, 120_000);

  it('was read sideways when its probes were reduced like any other page\'s', async () => {
    const p = await recognizeWith(pool, page, { ...opts, settings: resolveOcrSettings({ smallPrint: { on: 0 } }) });
    expect(p.rotation).not.toBe(0);
    expect(amounts(p.words)).toBeLessThan(10);
  }, 120_000);
});
