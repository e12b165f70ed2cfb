import { describe, expect, it } from 'vitest';
import type { Token } from '../../../model/types.js';
import { repairNumberText, repairTokens, repairGrid } from '../../../extractors/ocr/repair.js';

const tok = (text: string, x0: number, x1: number, confidence = 90): Token => ({ text, box: { x0, y0: 100, x1, y1: 110 }, fontSize: 10, confidence });

describe('OCR number repair', () => {
  it('cleans number tokens and says what it did', () => {
    expect(repairNumberText('3583.34|')).toEqual({ text: '3583.34', rules: ['rule-glyph'] });
    expect(repairNumberText('|2,112.86')?.text).toBe('2,112.86');
    expect(repairNumberText('1O5.00')).toEqual({ text: '105.00', rules: ['letter-digit'] });
    expect(repairNumberText('l23.45')?.text).toBe('123.45');
    expect(repairNumberText('2776. 77')).toEqual({ text: '2776.77', rules: ['split-decimal'] });
    expect(repairNumberText('2,946。25')?.text).toBe('2,946.25');
    expect(repairNumberText('2.946.25')?.text).toBe('2,946.25');
    // a comma for the decimal point after thousands groups (a photocopy's blurred point)
    expect(repairNumberText('2,228,57')).toEqual({ text: '2,228.57', rules: ['separator'] });
    expect(repairNumberText('12,345,678')).toBeUndefined();
    // a semicolon for the thousands comma (深圳市交通运输局 2026's 收支总表 on the unseen photocopy-200
    // scan: 购房补贴 2,069.90 read 2;069.90), not before a group of other than three digits
    expect(repairNumberText('2;069.90')).toEqual({ text: '2,069.90', rules: ['separator'] });
    expect(repairNumberText('24;24,855.55')).toBeUndefined();
  });

  it('leaves good numbers, codes and text alone', () => {
    for (const t of ['2,946.25', '0.00', '2010601', '201 06', '行政运行', 'Oil', '12%']) expect(repairNumberText(t)).toBeUndefined();
  });

  it('joins a decimal split over two words, not across a rule', () => {
    const { tokens, repairs } = repairTokens([tok('2776.', 10, 30, 80), tok('77', 31.5, 40, 95), tok('一般', 60, 80)]);
    expect(tokens.map((t) => t.text)).toEqual(['2776.77', '一般']);
    expect(tokens[0]!.confidence).toBe(80);
    expect(repairs).toEqual([expect.objectContaining({ before: '2776. 77', after: '2776.77', rules: ['split-decimal'] })]);
    const walled = repairTokens([tok('2776.', 10, 30), tok('77', 31.5, 40)], { walls: [31] });
    expect(walled.tokens.map((t) => t.text)).toEqual(['2776.', '77']);
  });

  // a dev photocopy scan of a 2019 决算 收支总表 read a 0.00 among toner specks as `0,` and `Q0`
  it('joins a comma read for the point to decimals with a letter read for a 0', () => {
    const { tokens, repairs } = repairTokens([tok('0,', 10, 20, 86), tok('Q0', 21, 30, 78)]);
    expect(tokens.map((t) => t.text)).toEqual(['0.00']);
    expect(repairs.map((r) => r.rules)).toEqual([['split-decimal'], ['letter-digit', 'separator']]);
    // not three digits after a comma (a thousands group), nor letters alone, nor across a rule
    expect(repairTokens([tok('12,', 10, 20), tok('Q00', 21, 30)]).tokens).toHaveLength(2);
    // two digits alone after a comma may be a thousands group cut short (a whole-yuan 156,211,123)
    expect(repairTokens([tok('156,211,', 10, 20), tok('12', 21, 30)]).tokens).toHaveLength(2);
    expect(repairTokens([tok('0,', 10, 20), tok('00', 21, 30)]).tokens).toHaveLength(2);
    expect(repairTokens([tok('0,', 10, 20), tok('QO', 21, 30)]).tokens.map((t) => t.text)).toEqual(['0,', 'QO']);
    expect(repairTokens([tok('0,', 10, 20), tok('Q0', 21, 30)], { walls: [20.5] }).tokens.map((t) => t.text)).toEqual(['0,', 'Q0']);
  });

  it('repairs grid cells the same way', () => {
    const { grid, repairs } = repairGrid({ method: 'ocr', rows: [[{ text: '201' }, { text: '449.52|', confidence: 70 }]] });
    expect(grid.rows[0]!.map((c) => c.text)).toEqual(['201', '449.52']);
    expect(repairs[0]).toMatchObject({ before: '449.52|', after: '449.52', confidence: 70 });
  });
});
