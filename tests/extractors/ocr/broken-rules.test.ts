// Rules of a 1-bit scan broken by its threshold (OcrSettings.brokenRules; broken-rules.ts, applied
// by recognize.ts to 1-bit pages only). The crop is real: 700 × 330 px of a 200 dpi table page of the
// dev grid's fax45-200 condition (1 bit, threshold 45 %, turned 0.25°), made with
//   node tests/fixtures/scans/make-scan-grid.mjs /tmp/fx-grid --set dev --conditions fax45-200
//   convert /tmp/fx-grid/dev/fax45-200/pages/guojia-xinfangju-2024-dept-final-p07.tif \
//     -crop 700x330+1150+230 +repage -type bilevel -depth 1 guojia-xinfangju-p07-fax45-rules-crop.png
// It holds eight row rules across two column rules; where a row rule crosses from one pixel row to
// the next the threshold dropped it, so each comes out in pieces, and the pieces between the column
// rules touch no column rule and were dropped as strokes: the rows above and below them ran together.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinBrokenRules } from '../../../extractors/ocr/broken-rules.js';
import { decodePng } from '../../../extractors/ocr/image.js';
import { binarize, findRules, isBilevel, otsu, tableRules, thickenInk, type PixelRule } from '../../../extractors/ocr/prep.js';
import { DEFAULT_OCR_SETTINGS, resolveOcrSettings } from '../../../extractors/ocr/settings.js';
import { fixture } from '../../fixture.js';

const s = DEFAULT_OCR_SETTINGS;
const crop = decodePng(new Uint8Array(readFileSync(fixture('scans/guojia-xinfangju-p07-fax45-rules-crop.png'))));
const dpi = 200;
const tol = Math.round(dpi / s.rules.touchPerInch);
const inked = thickenInk(crop, s.image.bilevelThickenPx);
const found = findRules(binarize(inked, otsu(inked, s.binarize)), inked.width, inked.height, { dpi }, s.rules);

/** The horizontal table rules that cover x = `x` (a column of the crop between the two column rules). */
const rowRulesAt = (rules: PixelRule[], x: number): PixelRule[] => rules.filter((r) => r.horizontal && r.a <= x && r.b >= x);

describe('rules of a 1-bit scan broken by its threshold', () => {
  it('are found in pieces: the pieces between the column rules are lost as strokes', () => {
    expect(isBilevel(crop, s.image.bilevelShare)).toBe(true);
    const kept = tableRules(found, tol);
    // two column rules (x ≈ 31 and 582), eight row rules; at x = 250, between the column rules,
    // only the three rules that happen to be unbroken there are kept
    expect(kept.filter((r) => !r.horizontal).map((r) => Math.round(r.pos / 10) * 10)).toEqual(expect.arrayContaining([30, 580]));
    expect(rowRulesAt(kept, 250).length).toBeLessThanOrEqual(3);
  });

  it('are joined into whole row rules, so that every row keeps its rule', () => {
    const joined = tableRules(joinBrokenRules(found, dpi, s.brokenRules), tol);
    const across = rowRulesAt(joined, 250);
    expect(across.length).toBeGreaterThanOrEqual(7);
    // one rule per row line, the rows ~37 px apart
    const ys = across.map((r) => r.pos).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThan(30);
    // the joined rules reach across both column rules
    expect(across.filter((r) => r.a <= 31 && r.b >= 582).length).toBeGreaterThanOrEqual(5);
    // off: nothing joined
    const off = resolveOcrSettings({ brokenRules: { maxGapPerInch: 1000 } });
    expect(rowRulesAt(tableRules(joinBrokenRules(found, dpi, off.brokenRules), tol), 250).length).toBe(rowRulesAt(tableRules(found, tol), 250).length);
  });

  it('are not joined over a gap as wide as a cell, nor across rows', () => {
    const rule = (a: number, b: number, pos: number, horizontal = true): PixelRule => ({ horizontal, pos, a, b, thickness: 2 });
    // a rule that stops at a merged cell 150 px wide and goes on after it stays two rules
    expect(joinBrokenRules([rule(0, 400, 100), rule(550, 900, 100)], dpi, s.brokenRules)).toHaveLength(2);
    // a short gap between long pieces is bridged; the order of the pieces does not matter
    const j = joinBrokenRules([rule(230, 450, 101), rule(0, 200, 100), rule(480, 700, 100)], dpi, s.brokenRules);
    expect(j).toHaveLength(1);
    expect(j[0]).toMatchObject({ a: 0, b: 700 });
    // pieces of two rows (37 px apart), and a horizontal and a vertical piece, stay apart
    expect(joinBrokenRules([rule(0, 200, 100), rule(220, 420, 137)], dpi, s.brokenRules)).toHaveLength(2);
    expect(joinBrokenRules([rule(0, 200, 100), rule(220, 420, 100, false)], dpi, s.brokenRules)).toHaveLength(2);
  });
});
