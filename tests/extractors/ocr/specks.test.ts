// Toner specks next to numbers and labels (photocopy-look scans, the photocopy conditions of
// tests/bench/ocr-grid.ts). The crop is a real cell of a dev photocopy-200 scan (yt-yibaoju 2026
// p07, the 本年收入合计 row: `16, 375. 67` with specks scattered left of it, in pairs and threes),
// made with:
//   convert yt-yibaoju-2026-dept-budget-p07.jpg -crop 420x64+500+1622 +repage -colorspace Gray \
//     -depth 8 -define png:color-type=0 scans/yt-yibaoju-p07-photocopy-specks.png
// Its vertical rules stand at x 30 and 344; the number's ink lies in x 224–338.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whitenBackground } from '../../../extractors/ocr/background.js';
import { despeckle } from '../../../extractors/ocr/despeckle.js';
import { inkDigits } from '../../../extractors/ocr/digit-ink.js';
import { decodePng, type GreyImage } from '../../../extractors/ocr/image.js';
import { otsu } from '../../../extractors/ocr/prep.js';
import { trimSpeckGlyphs } from '../../../extractors/ocr/speck-glyphs.js';
import { ocrToContent } from '../../../extractors/ocr/page.js';
import type { OcrPage } from '../../../extractors/ocr/types.js';
import { fixture } from '../../fixture.js';

const cell = whitenBackground(decodePng(new Uint8Array(readFileSync(fixture('scans/yt-yibaoju-p07-photocopy-specks.png')))));
const threshold = otsu(cell);
const inkIn = (img: GreyImage, x0: number, y0: number, x1: number, y1: number): number => {
  let n = 0;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (img.data[y * img.width + x]! <= threshold) n++;
  return n;
};
/** the number as first read (its words' box) */
const number = { x0: 218, y0: 12, x1: 338, y1: 52 };

describe('toner specks beside a number', () => {
  it('are painted out even in clusters, the number left whole', () => {
    const img = { width: cell.width, height: cell.height, data: cell.data.slice() };
    // specks between the rule's neighbourhood and the number, several within a character's width of another
    const before = inkIn(img, 55, 12, 212, 52);
    expect(before).toBeGreaterThan(40);
    expect(despeckle(img, 200)).toBeGreaterThanOrEqual(7);
    expect(inkIn(img, 55, 12, 212, 52)).toBe(0);
    expect(inkIn(img, number.x0, number.y0, number.x1, number.y1)).toBe(inkIn(cell, number.x0, number.y0, number.x1, number.y1));
  });

  it('hold no digit: a second reading that takes one for a digit finds more digits than the ink holds', () => {
    // the specks left in: 16,375.67 is seven digits of ink, with or without the specks' stretch of the line
    expect(inkDigits(cell, threshold, number, [number])).toBe(7);
    const withSpecks = inkDigits(cell, threshold, { x0: 40, y0: 12, x1: 338, y1: 52 }, [number])!;
    expect(withSpecks).toBe(7);
    // 516,375.67 (a speck read as a 5) is refused, 16,375.67 is not
    expect(withSpecks).toBeLessThan('516375.67'.replace(/\D/g, '').length);
    expect(withSpecks).toBeGreaterThanOrEqual('16375.67'.replace(/\D/g, '').length);
  });
});

describe('toner specks glued to a CJK word', () => {
  it('are taken off its ends (readings of dev photocopy-200 scans)', () => {
    expect(trimSpeckGlyphs('合计.“')).toBe('合计');
    expect(trimSpeckGlyphs('.栏次')).toBe('栏次');
    expect(trimSpeckGlyphs('九、住房保障支出.')).toBe('九、住房保障支出');
    expect(trimSpeckGlyphs('“本笃支出合计')).toBe('本笃支出合计');
    expect(trimSpeckGlyphs('合计:')).toBe('合计');
  });

  it('take a full stop off a word of one or two characters, which no sentence is (项。 of a 类 款 项 header row, dev photocopy-200 上海市普陀区财政局 收入决算表)', () => {
    expect(trimSpeckGlyphs('项。')).toBe('项');
    expect(trimSpeckGlyphs('合计。')).toBe('合计');
    // a sentence's full stop stays
    expect(trimSpeckGlyphs('无此项支出。')).toBe('无此项支出。');
    expect(trimSpeckGlyphs('。')).toBe('。');
  });

  it('take a speck off after a list comma and between two characters of a label (readings of dev photocopy scans)', () => {
    // photocopy-200 上海市普陀区财政局 收入支出决算总表: the row's label, its list number kept
    expect(trimSpeckGlyphs('八、.社会保障和就业支出')).toBe('八、社会保障和就业支出');
    // photocopy-hi-200 / -md-200: a speck between two characters, read as a point, a backslash, a bar
    // or a lone corner bracket
    expect(trimSpeckGlyphs('支.出总计')).toBe('支出总计');
    expect(trimSpeckGlyphs('行政事业单位离退.休')).toBe('行政事业单位离退休');
    expect(trimSpeckGlyphs('支出.总「计')).toBe('支出总计');
    expect(trimSpeckGlyphs('机关事业单位基本养老保险「缴费支出')).toBe('机关事业单位基本养老保险缴费支出');
    expect(trimSpeckGlyphs('合计\\')).toBe('合计');
    expect(trimSpeckGlyphs('合计|')).toBe('合计');
    expect(trimSpeckGlyphs('总计「')).toBe('总计');
    expect(trimSpeckGlyphs('四、:')).toBe('四、');
  });

  it('leave list numbers, paired brackets, colons and a line of prose alone', () => {
    expect(trimSpeckGlyphs('二.政府性基金预算财政拨款收入')).toBe('二.政府性基金预算财政拨款收入');
    expect(trimSpeckGlyphs('「三公」经费')).toBe('「三公」经费');
    expect(trimSpeckGlyphs('单位:万元')).toBe('单位:万元');
    // a point in a sentence may be a misread 。: a line longer than a label keeps it
    expect(trimSpeckGlyphs('完成了全年的目标任务.下一步将继续加强预算绩效管理工作')).toBe('完成了全年的目标任务.下一步将继续加强预算绩效管理工作');
  });

  it('leave numbers, quoted text and marks inside a word alone', () => {
    expect(trimSpeckGlyphs('16,375.67')).toBe('16,375.67');
    expect(trimSpeckGlyphs('0.01')).toBe('0.01');
    expect(trimSpeckGlyphs('“三公”经费支出')).toBe('“三公”经费支出');
    expect(trimSpeckGlyphs('一、财政拨款收入')).toBe('一、财政拨款收入');
    expect(trimSpeckGlyphs('1.工资福利支出')).toBe('1.工资福利支出');
    expect(trimSpeckGlyphs('.')).toBe('.');
    expect(trimSpeckGlyphs('其中：')).toBe('其中：');
  });
});

describe('a backslash or a corner bracket read alone beside a label', () => {
  // dev photocopy-md-200 (烟台市医疗保障局 2026 预算 收入总表, the 合计 row; 收入支出总表's 总计): what an
  // erased rule left at the cell's corner, read as a word of its own on the label's line and joined
  // to it (合计\\, 总计「); the words and boxes as the first pass gave them, in pixels at 200 dpi
  const page = (mark: string): OcrPage => ({
    width: 1600, height: 400, dpi: 200, rules: [], rotation: 0, skew: 0, confidence: 90, timings: { prep: 0, orientation: 0, ocr: 0 },
    words: [
      { text: '合计', box: { x0: 300, y0: 200, x1: 362, y1: 231 }, confidence: 93, line: 4 },
      { text: mark, box: { x0: 366, y0: 198, x1: 372, y1: 232 }, confidence: 41, line: 4 },
    ],
  });
  it('is no glyph: the label is read without it', () => {
    for (const mark of ['\\', '「']) expect(ocrToContent(page(mark), 1).content.tokens.map((t) => t.text)).toEqual(['合计']);
  });
});

