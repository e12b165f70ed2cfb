// What a threshold leaves of a 4 read 1 and of a 5 read 3 (extractors/ocr/stroke-remnants.ts), on
// number words cut from a real 1-bit scan (tests/fixtures/ocr/stroke-remnants-fax.json: the OCR
// grid's dev fax50-200 condition of a keyed 决算): the 1s whose glyph keeps the 4's crossbar and the
// 3s topped by the 5's bar alone are found, true 1s and 3s are not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strokeRemnants } from '../../../extractors/ocr/stroke-remnants.js';
import type { GreyImage } from '../../../extractors/ocr/image.js';
import { cellRereader, keepPage } from '../../../extractors/ocr/reread-cells.js';
import { DEFAULT_OCR_SETTINGS } from '../../../extractors/ocr/settings.js';
import type { OcrPool } from '../../../extractors/ocr/types.js';
import type { Box } from '../../../model/types.js';

interface Word { read: string; printed: string; box: Box; rows: string[] }
const words = (JSON.parse(readFileSync(new URL('../../fixtures/ocr/stroke-remnants-fax.json', import.meta.url), 'utf8')) as { words: Word[] }).words;

function image(rows: readonly string[]): GreyImage {
  const width = rows[0]!.length;
  const data = new Uint8Array(width * rows.length).fill(255);
  rows.forEach((r, y) => { for (let x = 0; x < width; x++) if (r[x] === '#') data[y * width + x] = 0; });
  return { width, height: rows.length, data };
}

/** the 4s OCR read as 1s and the 5s it read as 3s where the page prints them */
const lost = (w: Word): { at: number; digit: string }[] =>
  [...w.read].flatMap((c, j) => ((c === '1' && w.printed[j] === '4') || (c === '3' && w.printed[j] === '5') ? [{ at: j, digit: w.printed[j]! }] : []));

describe('strokeRemnants on a 1-bit scan', () => {
  it('finds the 4s read as 1s and the 5s read as 3s, and leaves the 1s and 3s', () => {
    const got = words.map((w) => ({ read: w.read, at: strokeRemnants(image(w.rows), 128, w.box, w.read) }));
    const want = words.map((w) => ({ read: w.read, at: lost(w) }));
    // never a digit the page does not print: a word is judged right or not at all (its glyphs
    // could not be matched to its digits: 13,892.15 with its 8 and 9 run together and its 2 in two)
    expect(got.filter((g, k) => g.at.length && JSON.stringify(g.at) !== JSON.stringify(want[k]!.at))).toEqual([]);
    const found = got.reduce((n, g) => n + g.at.length, 0);
    const all = want.reduce((n, w) => n + w.at.length, 0);
    expect(found / all).toBeGreaterThanOrEqual(0.9);
    // the fixture holds every kind
    expect(want.filter((w) => w.at.some((r) => r.digit === '4')).length).toBeGreaterThanOrEqual(10);
    expect(want.filter((w) => w.at.some((r) => r.digit === '5')).length).toBeGreaterThanOrEqual(6);
    expect(words.filter((w) => w.read.includes('1') && !lost(w).length).length).toBeGreaterThanOrEqual(15);
    expect(words.filter((w) => w.read.includes('3') && !lost(w).some((r) => r.digit === '5')).length).toBeGreaterThanOrEqual(10);
  });

  it('says nothing of a number without a 1 or a 3, or whose glyphs do not match its digits', () => {
    const w = words.find((x) => x.read === '197.53')!;
    expect(strokeRemnants(image(w.rows), 128, w.box, '897.52')).toEqual([]);
    // one digit more than the ink holds: no match, no judgement
    expect(strokeRemnants(image(w.rows), 128, w.box, '1197.53')).toEqual([]);
  });
});

describe('the strokes reading of a cell only looked at', () => {
  it('gives the number with the digits its glyphs show, without OCR', async () => {
    const w = words.find((x) => x.read === '197.33' && x.printed === '497.53')!;
    const img = image(w.rows);
    const kept = keepPage(1, { width: img.width, height: img.height, dpi: 200, words: [], rules: [], rotation: 0, skew: 0, confidence: 0, timings: { prep: 0, orientation: 0, ocr: 0 }, image: img },
      { width: (img.width * 72) / 200, height: (img.height * 72) / 200, rotation: 0, skew: 0 }, 1);
    const noOcr = { runner: () => { throw new Error('no OCR for a cell only looked at'); } } as unknown as OcrPool;
    const pt = (px: number): number => (px * 72) / 200;
    const box = { x0: pt(w.box.x0), y0: pt(w.box.y0), x1: pt(w.box.x1), y1: pt(w.box.y1) };
    const got = await cellRereader([kept!], noOcr, DEFAULT_OCR_SETTINGS)([{ page: 1, box, printed: w.read, lookOnly: true }]);
    expect(got.problems).toEqual([]);
    // both digits, then each alone: the sums choose
    expect(got.cells[0]!.readings).toEqual([{ how: 'strokes', text: '497.53' }, { how: 'strokes', text: '497.33' }, { how: 'strokes', text: '197.53' }]);
    // off: nothing
    const off = await cellRereader([kept!], noOcr, { ...DEFAULT_OCR_SETTINGS, strokeRemnants: { ...DEFAULT_OCR_SETTINGS.strokeRemnants, on: 0 } })([{ page: 1, box, printed: w.read, lookOnly: true }]);
    expect(off.cells[0]!.readings).toEqual([]);
  });
});
