// Text items -> tokens: the geometry, checked on hand-made items whose answer is known.
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../extractors/pdf/matrix.js';
import { dominantDirection, itemsToTokens, type RawTextItem } from '../../../extractors/pdf/text.js';

// pdf.js's viewport for an upright A4 page: flip y so the origin is top-left
const UPRIGHT: Matrix = [1, 0, 0, -1, 0, 842];
const styles = { f1: { ascent: 0.8, descent: -0.2 } };
const noFonts = (): undefined => undefined;

describe('itemsToTokens', () => {
  it('places an item in top-left page space from its transform, ascent and descent', () => {
    const items: RawTextItem[] = [{ str: '收入决算表', transform: [16, 0, 0, 16, 100, 700], width: 80, fontName: 'f1' }];
    const [t] = itemsToTokens(items, UPRIGHT, styles, noFonts);
    expect(t!.text).toBe('收入决算表');
    expect(t!.fontSize).toBe(16);
    expect(t!.box.x0).toBeCloseTo(100);
    expect(t!.box.x1).toBeCloseTo(180);
    expect(t!.box.y0).toBeCloseTo(842 - 700 - 0.8 * 16);
    expect(t!.box.y1).toBeCloseTo(842 - 700 + 0.2 * 16);
  });

  it('splits an item holding several cells at white space and drops blank items', () => {
    const items: RawTextItem[] = [
      { str: '2,946.25    2,940.05', transform: [12, 0, 0, 12, 300, 500], width: 120, fontName: 'f1' },
      { str: '   ', transform: [12, 0, 0, 12, 420, 500], width: 400, fontName: 'f1' },
      { str: '', transform: [12, 0, 0, 12, 420, 500], width: 0, fontName: 'f1' },
    ];
    const toks = itemsToTokens(items, UPRIGHT, styles, noFonts);
    expect(toks.map((t) => t.text)).toEqual(['2,946.25', '2,940.05']);
    // 20 half-width characters share 120 points: 6 points each
    expect(toks[0]!.box.x0).toBeCloseTo(300);
    expect(toks[0]!.box.x1).toBeCloseTo(300 + 8 * 6);
    expect(toks[1]!.box.x0).toBeCloseTo(300 + 12 * 6);
    expect(toks[1]!.box.x1).toBeCloseTo(420);
  });

  it('marks bold from the font and strips the subset prefix', () => {
    const items: RawTextItem[] = [{ str: '合计', transform: [10, 0, 0, 10, 50, 50], width: 20, fontName: 'f1' }];
    const [t] = itemsToTokens(items, UPRIGHT, styles, () => ({ name: 'ABCDEF+SimHei-Bold' }));
    expect(t!.bold).toBe(true);
    expect(t!.fontName).toBe('SimHei-Bold');
  });

  it('gives text drawn sideways a tall box and reports the turn', () => {
    // text running up the page (rotated 90° counter-clockwise in PDF space)
    const items: RawTextItem[] = [{ str: '支出决算表', transform: [0, 12, -12, 0, 300, 100], width: 60, fontName: 'f1' }];
    const [t] = itemsToTokens(items, UPRIGHT, styles, noFonts);
    expect(t!.box.y1 - t!.box.y0).toBeCloseTo(60);
    expect(t!.box.x1 - t!.box.x0).toBeCloseTo(12);
    expect(dominantDirection(items, UPRIGHT)).toBe(270);
    expect(dominantDirection([{ ...items[0]!, transform: [12, 0, 0, 12, 0, 0] }], UPRIGHT)).toBe(0);
  });
});
