// No single OCR call sinks a page, no page sinks a document: crop stacks kept within what tesseract
// takes (a re-read at 300 dpi stacked 642 × 33 697 px; tesseract answered `Image too large` and its
// worker `SyntaxError: Unexpected end of JSON input`, and the whole document was lost), a failed
// call costs its cells their second reading only, a page that fails or runs out of time is
// reported and the others are kept; a 300 dpi image is reduced to the resolution recognition is
// tuned for, evenly.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readStacked, stackCrops, type CropBox } from '../../../extractors/ocr/crop-stack.js';
import { encodePgm, scale, type GreyImage } from '../../../extractors/ocr/image.js';
import { ocrPdfPagesDetailed } from '../../../extractors/ocr/pdf.js';
import { OcrAbortedError, OcrJobError, TESSERACT_MAX_SIDE, TesseractPool, type OcrRunner, type RawResult } from '../../../extractors/ocr/pool.js';
import { DEFAULT_OCR_SETTINGS } from '../../../extractors/ocr/settings.js';
import type { OcrPage, OcrPool } from '../../../extractors/ocr/types.js';
import { fixture } from '../../fixture.js';

const crops = DEFAULT_OCR_SETTINGS.crops;

/** a white page with a dark 40 × 20 px mark at each crop */
function page(n: number): { img: GreyImage; boxes: CropBox[] } {
  const img: GreyImage = { width: 400, height: 60 * n, data: new Uint8Array(400 * 60 * n).fill(255) };
  const boxes: CropBox[] = [];
  for (let k = 0; k < n; k++) {
    boxes.push({ x: 100, y: 60 * k + 5, w: 200, h: 50 });
    for (let y = 60 * k + 20; y < 60 * k + 40; y++) img.data.fill(0, y * 400 + 180, y * 400 + 220);
  }
  return { img, boxes };
}

/** a runner that reads one word on each mark of a strip, and fails (as tesseract.js does on an
 *  image it refuses) on strips taller than `failAbove` */
function fakeRunner(failAbove = Infinity): OcrRunner & { sizes: [number, number][] } {
  const sizes: [number, number][] = [];
  return {
    sizes,
    run(img) {
      sizes.push([img.width, img.height]);
      if (img.height > failAbove) return Promise.reject(new OcrJobError('tesseract failed: SyntaxError: Unexpected end of JSON input'));
      const words: RawResult['words'] = [];
      for (let y = 0; y < img.height; y++) {
        const row = img.data.subarray(y * img.width, (y + 1) * img.width);
        if (row.some((v) => v < 128) && !img.data.subarray((y - 1) * img.width, y * img.width).some((v) => v < 128)) {
          words.push({ text: `w${words.length}`, confidence: 90, bbox: { x0: 10, y0: y, x1: 50, y1: y + 10 }, line: words.length });
        }
      }
      return Promise.resolve({ words, lines: words.map(() => ({ bbox: { x0: 0, y0: 0, x1: 0, y1: 0 }, words: 1 })), confidence: 90, ms: 0 });
    },
  };
}

describe('crop stacks within what tesseract takes', () => {
  it('splits a long stack into strips no taller than crops.maxStripHeightPx, every crop in one strip', () => {
    const { img, boxes } = page(300);
    const s = { ...crops, maxStripHeightPx: 2000 };
    const { stacks, unstacked } = stackCrops(img, boxes, 300, s, 1.5);
    expect(unstacked).toEqual([]);
    expect(stacks.length).toBeGreaterThan(10);
    for (const st of stacks) expect(st.strip.height).toBeLessThanOrEqual(2000);
    expect(stacks.flatMap((st) => st.crops)).toEqual(boxes.map((_, k) => k));
    // with the default limit a stack can never pass what tesseract takes
    for (const st of stackCrops(img, boxes, 300, crops, 1.5).stacks) expect(st.strip.height).toBeLessThanOrEqual(TESSERACT_MAX_SIDE);
  });

  it('reads every crop of a split stack and maps each word back to its crop', async () => {
    const { img, boxes } = page(120);
    const ocr = fakeRunner();
    const r = await readStacked(ocr, img, boxes, 300, { ...crops, maxStripHeightPx: 3000 }, 1.5, { psm: '6' }, 'reread-text');
    expect(ocr.sizes.length).toBeGreaterThan(1);
    expect(r.problem).toBeUndefined();
    expect(r.words.map((w) => w.crop)).toEqual(boxes.map((_, k) => k));
    // lines stay unique across strips; page boxes fall in their crop
    expect(new Set(r.words.map((w) => w.line)).size).toBe(120);
    for (const w of r.words) expect(w.box.y0).toBeGreaterThanOrEqual(boxes[w.crop]!.y);
  });

  it('a strip tesseract cannot read costs its crops their reading, not the page', async () => {
    const { img, boxes } = page(60);
    // the strips of the first crops are read; a strip made too tall on purpose fails
    const ocr = fakeRunner(2500);
    const r = await readStacked(ocr, img, boxes, 300, { ...crops, maxStripHeightPx: 2400 }, 1.5, { psm: '6' }, 'reread-numbers');
    expect(r.problem).toBeUndefined();
    const failing = fakeRunner(2500);
    const r2 = await readStacked(failing, img, boxes, 300, { ...crops, maxStripHeightPx: 5000 }, 1.5, { psm: '6' }, 'reread-numbers');
    const failedStrips = failing.sizes.filter(([, h]) => h > 2500).length;
    expect(failedStrips).toBeGreaterThan(0);
    expect(r2.problem?.step).toBe('reread-numbers');
    expect(r2.problem?.error).toMatch(/Unexpected end of JSON input/);
    expect(r2.problem!.boxes.length + new Set(r2.words.map((w) => w.crop)).size).toBe(60);
    expect(r2.words.length).toBeGreaterThan(0);
  });

  it('the page’s time running out is not swallowed', async () => {
    const { img, boxes } = page(5);
    const ocr: OcrRunner = { run: () => Promise.reject(new OcrAbortedError()) };
    await expect(readStacked(ocr, img, boxes, 200, crops, 1, {}, 'gap-fill')).rejects.toBeInstanceOf(OcrAbortedError);
  });
});

describe('tesseract and an image too large for it (the size a 300 dpi re-read stacked)', () => {
  const pool = new TesseractPool({ workers: 1 });
  afterAll(() => pool.close());
  const tall: GreyImage = { width: 642, height: 33_697, data: new Uint8Array(642 * 33_697).fill(255) };

  it('is refused before it is sent, and the failure of a call sent anyway is one OcrJobError; the pool reads on', async () => {
    await expect(pool.runner().run(tall, { psm: '6' })).rejects.toThrow(/image too large for tesseract: 642 × 33697/);
    const err = await pool.run(encodePgm(tall), { psm: '6', dpi: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OcrJobError);
    expect((err as Error).message).toMatch(/Unexpected end of JSON input/);
    // the worker that failed is replaced; the next job reads
    const started = pool.workersStarted;
    const png = readFileSync(fixture('scans/putuo-p08-200dpi-skew.png'));
    const r = await pool.run(new Uint8Array(png), { psm: '11', dpi: 200 });
    expect(r.words.filter((w) => /\d/.test(w.text)).length).toBeGreaterThan(50);
    expect(pool.workersStarted).toBe(started + 1);
  }, 120_000);
});

describe('pages of a scanned PDF: one that fails or runs out of time is reported, the others kept', () => {
  const scan = new Uint8Array(readFileSync(fixture('scans/yt-yibaoju-2026-p07-p09-200dpi-scan.pdf')));
  const blank = (dpi: number): OcrPage => ({ width: 1654, height: 2339, dpi, words: [{ text: '合计', box: { x0: 100, y0: 100, x1: 160, y1: 130 }, confidence: 95, line: 0 }], rules: [], rotation: 0, skew: 0, confidence: 95, timings: { prep: 0, orientation: 0, ocr: 0 } });

  it('a page OCR cannot read is `unreadable`, the rest is read', async () => {
    let n = 0;
    const pool: OcrPool = {
      size: 1,
      close: () => Promise.resolve(),
      runner: () => ({ run: () => Promise.reject(new OcrJobError('not used')) }),
      recognize: (_img, o) => (++n === 2 ? Promise.reject(new OcrJobError('tesseract failed: SyntaxError: Unexpected end of JSON input')) : Promise.resolve(blank(o?.dpi ?? 200))),
    };
    const r = await ocrPdfPagesDetailed(scan, [1, 2, 3], { pool });
    expect(r.pages.map((p) => p.content.page)).toEqual([1, 3]);
    expect(r.issues).toEqual([expect.objectContaining({ page: 2, kind: 'unreadable', step: 'page' })]);
  });

  it('when the time runs out, the pages read are kept and the others are `time` issues', async () => {
    const controller = new AbortController();
    let n = 0;
    const pool: OcrPool = {
      size: 1,
      close: () => Promise.resolve(),
      runner: () => ({ run: () => Promise.reject(new OcrJobError('not used')) }),
      recognize: (_img, o) => {
        if (++n === 1) return Promise.resolve(blank(o?.dpi ?? 200));
        // the second page is still being read when the time runs out
        setTimeout(() => controller.abort(), 10);
        return new Promise((_, reject) => o?.signal?.addEventListener('abort', () => reject(new OcrAbortedError())));
      },
    };
    const r = await ocrPdfPagesDetailed(scan, [1, 2, 3], { pool, signal: controller.signal });
    expect(r.pages.map((p) => p.content.page)).toEqual([1]);
    expect(r.issues.map((i) => [i.page, i.kind])).toEqual([[2, 'time'], [3, 'time']]);
  });
});

describe('resolution', () => {
  it('a 300 dpi image is reduced to 200 dpi by area: a 2 px rule stays one even line', () => {
    const img: GreyImage = { width: 300, height: 30, data: new Uint8Array(300 * 30).fill(255) };
    for (let x = 0; x < 300; x++) img.data[10 * 300 + x] = img.data[11 * 300 + x] = 0;
    const out = scale(img, 2 / 3);
    expect(out.width).toBe(200);
    const rows = [6, 7, 8].map((y) => new Set(out.data.subarray(y * 200, (y + 1) * 200)));
    // every column of the reduced rule has the same greys (whole-pixel boxes alternate 1 and 2 px)
    for (const r of rows) expect(r.size).toBe(1);
    expect([...rows[0]!][0]! + [...rows[1]!][0]! + [...rows[2]!][0]!).toBeLessThan(3 * 255);
  });
});
