import { describe, expect, it } from 'vitest';
import { rereadAccepted } from '../../../extractors/ocr/reread-numbers.js';
import type { OcrPage } from '../../../extractors/ocr/types.js';
import { ocrToContent } from '../../../extractors/ocr/page.js';

describe('number cells read again on their crop', () => {
  it('takes a reading that only adds what PSM 11 dropped', () => {
    expect(rereadAccepted('770 89', '16,770.89')).toBe(true);
    expect(rereadAccepted('000 76', '6,000.76')).toBe(true);
    expect(rereadAccepted('839', '839.13')).toBe(true);
    expect(rereadAccepted('33 00', '33.00')).toBe(true);
    expect(rereadAccepted('202.92', '1,202.92')).toBe(true);
  });

  it('refuses a reading that changes digits, has no decimals, or says nothing new', () => {
    expect(rereadAccepted('770 89', '16,710.89')).toBe(false); // a 7 gone
    expect(rereadAccepted('201', '201')).toBe(false); // a code: no decimal point
    expect(rereadAccepted('20,451', '20451')).toBe(false);
    expect(rereadAccepted('878.44', '878.44')).toBe(false); // nothing added
    expect(rereadAccepted('12', '1234567.12')).toBe(false); // more than four digits invented
    expect(rereadAccepted('770 89', '16770.8.9')).toBe(false);
  });

  it('records the reread as a repair of the page', () => {
    const page: OcrPage = {
      width: 1000, height: 1000, dpi: 200, rules: [], rotation: 0, skew: 0, confidence: 90,
      timings: { prep: 0, orientation: 0, ocr: 0 },
      words: [{ text: '16,770.89', box: { x0: 100, y0: 100, x1: 200, y1: 120 }, confidence: 92, line: 0, reread: '770 89' }],
    };
    const c = ocrToContent(page, 3);
    expect(c.content.tokens.map((t) => t.text)).toEqual(['16,770.89']);
    expect(c.repairs).toEqual([expect.objectContaining({ before: '770 89', after: '16,770.89', rules: ['reread'], page: 3 })]);
  });
});

describe('header words read again', () => {
  it('records a Latin misreading replaced by CJK like any repair', () => {
    const page: OcrPage = {
      width: 1000, height: 1000, dpi: 200, rules: [], rotation: 0, skew: 0, confidence: 90,
      timings: { prep: 0, orientation: 0, ocr: 0 },
      words: [{ text: '款', box: { x0: 300, y0: 100, x1: 330, y1: 130 }, confidence: 45, line: 0, reread: 'HE' }],
    };
    expect(ocrToContent(page, 1).repairs).toEqual([expect.objectContaining({ before: 'HE', after: '款', rules: ['reread'] })]);
  });
});
