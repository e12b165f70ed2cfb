// The number re-read takes without a second reading a cell read in pieces split at its separators
// (`13, 733. 80`) when the pieces join into an amount as its column prints it, with no ink beside
// them in the column and no more digits in their ink than read (rereadNumbers.joinPieces); a cell
// whose join could be short of a digit (`066. 84`: the `2,` of 2,066.84 dropped, its ink beside the
// words) is read again. On a real crop of a prepared dev q70-200 page (one amount column, rules
// erased), with the rules and the first pass's words as recognize.ts found them; the runner records
// the crops it is asked to read instead of running tesseract.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImagePages, type GreyImage } from '../../../extractors/ocr/image.js';
import type { OcrRunner, RawResult } from '../../../extractors/ocr/pool.js';
import type { PixelRule } from '../../../extractors/ocr/prep.js';
import { rereadNumbers } from '../../../extractors/ocr/reread-numbers.js';
import { DEFAULT_OCR_SETTINGS, resolveOcrSettings } from '../../../extractors/ocr/settings.js';
import type { OcrWord } from '../../../extractors/ocr/types.js';

const CROP = new URL('../../fixtures/scans/guojia-p11-q70-split-amounts-prepared.png', import.meta.url);
const READ = new URL('../../fixtures/scans/guojia-p11-q70-split-amounts-ocr.json', import.meta.url);

let img: GreyImage;
let rules: PixelRule[];
let words: OcrWord[];
beforeAll(async () => {
  img = (await decodeImagePages(new Uint8Array(readFileSync(CROP))))[0]!;
  ({ rules, words } = JSON.parse(readFileSync(READ, 'utf8')) as { rules: PixelRule[]; words: OcrWord[] });
});

/** a runner that reads nothing and counts the crops of each strip (one crop: one line of the column) */
function counting(): { runner: OcrRunner; crops: number[] } {
  const crops: number[] = [];
  return {
    crops,
    runner: {
      run: (image): Promise<RawResult> => {
        crops.push(image.height);
        return Promise.resolve({ words: [], lines: [], confidence: 0, ms: 0 });
      },
    },
  };
}

const on = resolveOcrSettings({ rereadNumbers: { joinPieces: 1 } });
const off = resolveOcrSettings({ rereadNumbers: { joinPieces: 0 } });

describe('number cells read in pieces that join into an amount as printed', () => {
  it('joins them without reading them again, and reads again the others', async () => {
    const r = counting();
    const out = await rereadNumbers(r.runner, img, rules, words, 200, on);
    const texts = out.words.map((w) => w.text);
    // 13, 733. 80 and 229. 19: joined, the first reading kept as what was read
    expect(texts).toContain('13,733.80');
    expect(texts).toContain('229.19');
    expect(out.words.find((w) => w.text === '13,733.80')?.reread).toBe('13, 733. 80');
    // 066. 84 (a leading zero, the 2, dropped) and the pieces with no separator between them
    // (9 846. 82) are left for the second reading
    expect(texts).toContain('066.');
    expect(r.crops).toHaveLength(1);
    const all = counting();
    const kept = await rereadNumbers(all.runner, img, rules, words, 200, off);
    expect(kept.words.map((w) => w.text)).not.toContain('13,733.80');
    // without it, every cell of the column is in the strip: two lines taller
    expect(all.crops).toHaveLength(1);
    expect(all.crops[0]!).toBeGreaterThan(r.crops[0]!);
  });

  it('reads again pieces whose ink holds a digit more than they were read with', async () => {
    // 13,733.80 given without its 1 (3, 733. 80 joins into 3,733.80, an amount as printed): the
    // ink of the words' box holds one more digit
    const cut = words.map((w) => (w.text === '13,' ? { ...w, text: '3,' } : w));
    const r = counting();
    const out = await rereadNumbers(r.runner, img, rules, cut, 200, on);
    expect(out.words.map((w) => w.text)).not.toContain('3,733.80');
    expect(out.words.map((w) => w.text)).toContain('3,');
    expect(out.words.map((w) => w.text)).toContain('229.19');
  });

  it('reads again pieces with ink beside them in the column', async () => {
    // 2,066.84 read `166. 84` (joins into 166.84, an amount as printed): the dropped `2,` is ink
    // beside the words
    const beside = words.map((w) => (w.text === '066.' ? { ...w, text: '166.' } : w));
    const out = await rereadNumbers(counting().runner, img, rules, beside, 200, on);
    expect(out.words.map((w) => w.text)).not.toContain('166.84');
    expect(out.words.map((w) => w.text)).toContain('13,733.80');
  });

  it('is on by default', () => {
    expect(DEFAULT_OCR_SETTINGS.rereadNumbers.joinPieces).toBe(1);
  });
});
