// Header words of narrow cells side by side, as the first pass reads a clean scan of a budget never
// tuned on (tests/fixtures/ocr/header-wall-words.json, see its $comment): tesseract reads the words
// of neighbouring cells as one line, and a character's box takes in a pixel or two of the rule
// between the cells (预 of 一般公共预 ends at 799 px, the rule before 政府性基 stands at 797 px).
// The words were joined across the rule into one token, 一般公共预政府性基, the next column's header
// read 金预算 alone, and the two columns lost their measures (extractors/ocr/page.ts wordsToTokens:
// a rule within a quarter of a line height of the gap parts the words, `ocr.words.wallSlackEm`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ocrToContent } from '../../../extractors/ocr/page.js';
import { DEFAULT_OCR_SETTINGS } from '../../../extractors/ocr/settings.js';
import type { PixelRule } from '../../../extractors/ocr/prep.js';
import type { OcrPage, OcrWord } from '../../../extractors/ocr/types.js';
import { fixture } from '../../fixture.js';

const read = JSON.parse(readFileSync(fixture('ocr/header-wall-words.json'), 'utf8')) as { dpi: number; width: number; height: number; rules: PixelRule[]; words: OcrWord[] };
const page = (rules = read.rules): OcrPage => ({ width: read.width, height: read.height, dpi: read.dpi, rules, rotation: 0, skew: 0, confidence: 90, timings: { prep: 0, orientation: 0, ocr: 0 }, words: read.words });
const tokens = (p: OcrPage, settings = DEFAULT_OCR_SETTINGS): string[] => ocrToContent(p, 3, p.dpi, settings).content.tokens.map((t) => t.text);
const tight = { ...DEFAULT_OCR_SETTINGS, words: { ...DEFAULT_OCR_SETTINGS.words, wallSlackEm: 0 } };

describe('header words of neighbouring cells on one tesseract line', () => {
  it('are parted by the rule between them though a character box reaches over it', () => {
    const t = tokens(page());
    expect(t).toEqual(expect.arrayContaining(['一般公共预', '政府性基', '事业单位', '上级补']));
    expect(t.some((x) => x.includes('预政') || x.includes('位上级'))).toBe(false);
    // as before: joined where the box took in the rule's pixels
    expect(tokens(page(), tight)).toEqual(expect.arrayContaining(['一般公共预政府性基', '事业单位上级补']));
  });

  it('are joined where no rule stands between them', () => {
    // the words of one cell stay one token
    expect(tokens(page())).toEqual(expect.arrayContaining(['财政专户管', '部门名称', '国有资']));
    // without the rules, nothing parts the two cells' words
    expect(tokens(page([]))).toContain('事业单位上级补位');
  });
});
