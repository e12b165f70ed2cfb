// The punctuation of running text and the 一 of 一般, as the first pass reads them on scans of
// text-layer budgets never tuned on (tests/fixtures/ocr/text-marks-words.json: the words and boxes
// tesseract.js gave, see its $comment). chi_sim reads a clause's comma and a sentence's full stop
// as words of their own; they used to be dropped with the rule glyphs, and the prose facts,
// which split clauses and sentences on them, then lost most of a 情况说明. A 一 comes back as a
// dash before its 般 and was dropped too, so 一般公共预算 read 般公共预算 and its column took the
// measure of the level above (extractors/ocr/page.ts keptWords, oneStroke).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutOcr } from '../../../extractors/ocr/index.js';
import { ocrToContent } from '../../../extractors/ocr/page.js';
import { DEFAULT_EXTRACT_SETTINGS } from '../../../extractors/settings.js';
import { DEFAULT_OCR_SETTINGS } from '../../../extractors/ocr/settings.js';
import type { OcrPage, OcrWord } from '../../../extractors/ocr/types.js';
import { extractProseFacts } from '../../../normalizers/prose/index.js';
import { fixture } from '../../fixture.js';

interface Line { dpi: number; width: number; height: number; words: OcrWord[] }
const lines = JSON.parse(readFileSync(fixture('ocr/text-marks-words.json'), 'utf8')) as { prose: Line; header: Line };
const page = (l: Line, words = l.words): OcrPage => ({ width: l.width, height: l.height, dpi: l.dpi, rules: [], rotation: 0, skew: 0, confidence: 90, timings: { prep: 0, orientation: 0, ocr: 0 }, words });
const text = (p: OcrPage, settings = DEFAULT_OCR_SETTINGS): string => ocrToContent(p, 1, p.dpi, settings).content.tokens.sort((a, b) => a.box.x0 - b.box.x0).map((t) => t.text).join('');
const off = { ...DEFAULT_OCR_SETTINGS, words: { ...DEFAULT_OCR_SETTINGS.words, textMarkGap: 0, oneStrokeBand: 0 } };

describe('punctuation read as words of its own in a line of prose', () => {
  it('is kept, an ASCII comma written as Chinese prints it', () => {
    const line7 = page(lines.prose, lines.prose.words.filter((w) => w.line === 7));
    expect(text(line7)).toContain('2,781.90万元。其中基本支出9,018.47万元，主要用于');
    // as before: dropped with the rule glyphs
    expect(text(line7, off)).toContain('2,781.90万元其中基本支出9,018.47万元主要用于');
  });

  it('lets the prose facts split the sentences: the 财政拨款 statements are facts again', () => {
    const facts = (settings = DEFAULT_OCR_SETTINGS) => {
      const blocks = layoutOcr([ocrToContent(page(lines.prose), 3, lines.prose.dpi, settings)], DEFAULT_EXTRACT_SETTINGS.layout, settings);
      const prose = blocks.flatMap((b) => (b.kind === 'line' ? [{ text: b.text, page: 3 }] : []));
      return extractProseFacts(prose, { resolveChain: () => undefined, scope: 'all' }).map((f) => `${f.item}|${f.measure}|${f.value}`);
    };
    const want = ['一般公共预算财政拨款收入|general_budget_appropriation|18417.70', '一般公共预算财政拨款支出|change_vs_prior_year|2781.90', '基本支出|general_budget_basic|9018.47', '项目支出|general_budget_project|9399.23'];
    expect(facts()).toEqual(expect.arrayContaining(want));
    // as before: one sentence run on through the paragraph, its subjects lost
    expect(facts(off)).not.toContain(want[0]);
    expect(facts(off)).not.toContain(want[2]);
    expect(facts(off)).not.toContain(want[3]);
  });

  it('is dropped where it stands apart, as a rule\'s remnant does', () => {
    // the same comma with nothing close after it: the end of a cell's text, not a clause
    const words = lines.prose.words.filter((w) => w.line === 7);
    const comma = words.find((w) => w.text === ',')!;
    const alone = words.filter((w) => w.box.x0 <= comma.box.x0);
    expect(text(page(lines.prose, alone)).endsWith('9,018.47万元')).toBe(true);
  });
});

describe('a dash read right before 般', () => {
  it('is the 一 of 一般: the header reads 一般公共预算', () => {
    expect(text(page(lines.header))).toMatch(/^一般公共预/);
    expect(text(page(lines.header), off)).toMatch(/^般公共预/);
  });

  it('is dropped before another character: a rule\'s remnant or a speck (一合许 for 合计)', () => {
    const [dash, next] = lines.header.words;
    const he = { ...next!, text: '合' };
    expect(text(page(lines.header, [dash!, he]))).toBe('合');
  });

  it('is dropped when it lies above the characters, as a rule\'s remnant does', () => {
    const [dash, next] = lines.header.words;
    const h = next!.box.y1 - next!.box.y0;
    const raised = { ...dash!, box: { ...dash!.box, y0: next!.box.y0 - 2, y1: next!.box.y0 + Math.round(h * 0.1) } };
    expect(text(page(lines.header, [raised, ...lines.header.words.slice(1)]))).toMatch(/^般公共预/);
  });
});
