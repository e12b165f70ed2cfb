// Lone zeros in cells whose row rules a photocopy's wave bent (the dev grid's photocopy-hi-200 scan,
// tests/bench/ocr-grid.ts, 万里街道 2024 部门收入预算总表, 其他收入 column): the rule finder took the
// straight left part of each row rule and erased it; the bent right part stays, a line two or three
// pixels high along the cell's top edge, which the gap fill took for ink of the cell's characters:
// the crop spread over the cell's width and height, specks and all, and read `fw`, `E`, `TE`, so
// the zeros were lost and the column's cells of several rows merged. A line no higher than a speck
// along the cell's top or bottom edge is no glyph (gap-fill.ts glyphBox). The image is real: 260 ×
// 150 px of that page as the page pipeline prepared it for reading (paper whitened, rules found and
// erased, specks painted out; recognize.ts), at x 1940, y 810 of page 11 as read; the cell is the
// one the gap fill cropped there (the rules' lattice less its padding), the ink level the page's
// (its Otsu threshold, 190).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glyphBox } from '../../../extractors/ocr/gap-fill.js';
import { decodePng } from '../../../extractors/ocr/image.js';
import { DEFAULT_OCR_SETTINGS as S } from '../../../extractors/ocr/settings.js';
import { fixture } from '../../fixture.js';

const img = decodePng(new Uint8Array(readFileSync(fixture('scans/wanlijiedao-p11-photocopy-hi-rule-remnant-prepared.png'))));
const CELL = { x0: 20, y0: 15, x1: 239, y1: 75 };
const INK_LEVEL = 190;
// as gapFill sizes them at 200 dpi
const MAX_DOT = Math.max(1, Math.round(200 / S.despeckle.maxDotPerInch));
const MARGIN = Math.round(200 / S.gapFill.marginPerInch);

describe('gap fill of a cell along whose edge a bent rule left a line', () => {
  it('crops the cell to its 0, the line along its top edge left out', () => {
    const box = glyphBox(img, CELL, INK_LEVEL, MAX_DOT, MARGIN, () => {})!;
    // the 0: about 14 px wide, 23 px high, right in its cell
    expect(box.x1 - box.x0).toBeLessThan(20);
    expect(box.y1 - box.y0).toBeLessThan(30);
    expect(box.x0).toBeGreaterThan(180);
    expect(box.y0).toBeGreaterThan(CELL.y0 + 5);
  });
});
