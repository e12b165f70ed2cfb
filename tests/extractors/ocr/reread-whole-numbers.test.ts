// A column of whole numbers whose leading group the page reading dropped (rereadNumbers.wholeNumbers):
// on the dev grid's photocopy-md-200 scan of a 收入预算表 (tests/bench/ocr-grid.ts) PSM 11 read
// 4,212,300 as `212,` `300` or `212,300` in both amount columns, and the layout joined the pieces
// into 212300: the re-read's reading `4,212,300` was refused for want of a decimal point. The crop
// is real, cut from the page as recognize.ts deskews it (by 0.48°):
//   page: /tmp/fx-grid/dev/photocopy-md-200/pages/sh-putuo-wanlijiedao-2024-dept-budget-p13.jpg,
//   deskewed, 560 × 215 px at (1000, 475), written grey JPEG quality 90
// and prepared as recognize.ts prepares a page; the words are the page reading's, moved onto it.
import { describe, expect, it } from 'vitest';
import { rereadAccepted, rereadNumbers, withFirstSign } from '../../../extractors/ocr/reread-numbers.js';
import { DEFAULT_OCR_SETTINGS as S, resolveOcrSettings } from '../../../extractors/ocr/settings.js';
import type { OcrWord } from '../../../extractors/ocr/types.js';
import { cropReader, wordsOnCrop } from './photocopy-crop.js';

const CROP = new URL('../../fixtures/scans/wanlijiedao-p13-photocopy-md-leading-group-crop.jpg', import.meta.url);
const AT = { x: 1000, y: 475 };
/** the page reading's words, page pixels (deskewed) */
const PAGE_WORDS: [string, number, number, number, number][] = [
  ['212,', 1141, 501, 1195, 527],
  ['300', 1206, 497, 1253, 538],
  ['212,300', 1368, 500, 1480, 535],
  ['212,', 1141, 568, 1195, 595],
  ['300', 1206, 568, 1253, 592],
  ['212,', 1367, 560, 1422, 595],
  ['300', 1433, 557, 1480, 592],
  ['44,', 1157, 636, 1195, 666],
  ['400', 1206, 635, 1253, 659],
  ['44,', 1384, 635, 1423, 662],
  ['400', 1433, 635, 1480, 668],
];
const words = wordsOnCrop(PAGE_WORDS, AT);

const crop = cropReader(CROP);

/** the cells' texts, each line's words joined with a space as the layout sees them, top to bottom
 *  and left to right */
function cells(ws: readonly OcrWord[]): string[] {
  const lines: OcrWord[][] = [];
  for (const w of [...ws].sort((a, b) => a.box.y0 - b.box.y0)) {
    const l = lines.find((q) => Math.abs(q[0]!.box.y0 - w.box.y0) < 15);
    if (l) l.push(w);
    else lines.push([w]);
  }
  const mid = 1290 - AT.x;
  return lines.flatMap((l) => [l.filter((w) => w.box.x1 < mid), l.filter((w) => w.box.x0 >= mid)].map((c) => c.sort((a, b) => a.box.x0 - b.box.x0).map((w) => w.text).join(' ')));
}

describe('whole numbers whose leading group the page reading dropped', () => {
  it('lie in columns between vertical rules', () => {
    expect(crop.rules.filter((r) => !r.horizontal).length).toBeGreaterThanOrEqual(2);
  });

  it('come back whole from the re-read', async () => {
    const out = await rereadNumbers(crop.pool.runner(), crop.img, crop.rules, words, 200, S);
    // the four cells of 4,212,300; 44,400 read whole with nothing beside it stays as it was
    expect(cells(out.words)).toEqual(['4,212,300', '4,212,300', '4,212,300', '4,212,300', '44, 400', '44, 400']);
    expect(out.words.filter((w) => w.text === '4,212,300').map((w) => w.reread).sort()).toEqual(['212, 300', '212, 300', '212, 300', '212,300']);
  }, 60_000);

  it('take in the leading group the page reading read apart with a speck, and only that', async () => {
    // the first cell's `4,` read as a word of its own with a speck (`‘4,`: no number as printed),
    // as dev photocopy-200 read `‘1,` `106, 000` for 1,106,000
    const apart = (t: string): OcrWord[] => [{ text: t, box: { x0: 1101 - AT.x, y0: 501 - AT.y, x1: 1130 - AT.x, y1: 530 - AT.y }, confidence: 59, line: 99 }, ...words];
    const out = await rereadNumbers(crop.pool.runner(), crop.img, crop.rules, apart('‘4,'), 200, S);
    expect(cells(out.words)).toEqual(['4,212,300', '4,212,300', '4,212,300', '4,212,300', '44, 400', '44, 400']);
    // a word there whose digits are not what the reading adds is another word: the reading is refused
    const other = await rereadNumbers(crop.pool.runner(), crop.img, crop.rules, apart('‘7,'), 200, S);
    expect(cells(other.words)[0]).toBe('‘7, 212, 300');
  }, 60_000);

  it('keep their first reading with the mechanism off', async () => {
    const out = await rereadNumbers(crop.pool.runner(), crop.img, crop.rules, words, 200, resolveOcrSettings({ rereadNumbers: { wholeNumbers: 0 } }));
    expect(cells(out.words)).toEqual(['212, 300', '212,300', '212, 300', '212, 300', '44, 400', '44, 400']);
  }, 60_000);

  it('are taken only as whole numbers with their separators that keep every digit first read', () => {
    expect(rereadAccepted('212, 300', '4,212,300', S, true)).toBe(true);
    expect(rereadAccepted('212,300', '4,212,300', S, true)).toBe(true);
    // not in a column that prints decimals, not without separators, not changing a digit, not
    // adding nothing
    expect(rereadAccepted('212, 300', '4,212,300', S, false)).toBe(false);
    expect(rereadAccepted('212, 300', '4212300', S, true)).toBe(false);
    expect(rereadAccepted('212, 300', '4,213,300', S, true)).toBe(false);
    expect(rereadAccepted('4,212,300', '4,212,300', S, true)).toBe(false);
    expect(rereadAccepted('212, 300', '4,212,300', resolveOcrSettings({ rereadNumbers: { wholeNumbers: 0 } }), true)).toBe(false);
  });

  it('keep the sign of their first reading: a minus the strip adds is a speck', () => {
    // (the page's strip read the fourth cell, a speck left of its 4, as `-4,212,300`)
    expect(withFirstSign('212, 300', '-4,212,300')).toBe('4,212,300');
    expect(withFirstSign('-212, 300', '-4,212,300')).toBe('-4,212,300');
    expect(withFirstSign('770 89', '16,770.89')).toBe('16,770.89');
  });
});
