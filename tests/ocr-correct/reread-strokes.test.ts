// A chain of copies that lost a 4 alike, set right by its glyphs (normalizers/ocr-correct/reread.ts
// with the extractor's `strokes` readings: extractors/ocr/stroke-remnants.ts, tested on a real
// 1-bit scan in tests/extractors/ocr/stroke-remnants.test.ts). On a 1-bit scan 201 = 20101 =
// 2010101, printed 450.06 in both columns, all read 150.06: the copies hold, only the sums above
// them fail, and their lower cells are in no failing sum, so they are only looked at.
import { describe, expect, it } from 'vitest';
import { rereadFailingSums, rereadTargets } from '../../normalizers/ocr-correct/reread.js';
import { OCR_REPAIRED } from '../../normalizers/ocr-correct/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { CellRereader } from '../../model/stages.js';
import type { DocumentRecord } from '../../model/types.js';
import { fact, type Row, scanned } from './helpers.js';

const tax = loadTaxonomy();
const LIMITS = { maxCells: 120, maxChanges: 8, maxCombinations: 20_000, maxLook: 400 };
const sums = (doc: DocumentRecord) => doc.checks.filter((c) => c.severity !== 'info' && ['hierarchy_sum', 'column_sum'].includes(c.check_id));

const PRINTED: Row[] = [
  ['', '合计', '1,000.06', '1,000.06', '0.00'],
  ['201', '一般公共服务支出', '450.06', '450.06', '0.00'],
  ['20101', '人大事务', '450.06', '450.06', '0.00'],
  ['2010101', '行政运行', '450.06', '450.06', '0.00'],
  ['202', '外交支出', '550.00', '550.00', '0.00'],
  ['20201', '外交管理', '550.00', '550.00', '0.00'],
  ['2020101', '行政运行', '550.00', '550.00', '0.00'],
];

/** PRINTED as a 1-bit scan read it: the 201 chain's 4s read 1; `more` rows replaced */
function read(more: Record<number, Row> = {}): Row[] {
  return PRINTED.map((r, i) => more[i] ?? (i >= 1 && i <= 3 ? [r[0], r[1], '150.06', '150.06', '0.00'] : r));
}


/** a CellRereader whose glyphs show the 4 of every 150.06 and 130.06 (a 5 too) asked for; it
 *  records which cells were asked for, and which only looked at */
function glyphs(doc: DocumentRecord, asked: string[], looked: string[]): CellRereader {
  return async (cells) => ({
    cells: cells.map((c) => {
      const f = doc.facts.find((x) => x.box && x.box.x0 === c.box.x0 && x.box.y0 === c.box.y0)!;
      (c.lookOnly ? looked : asked).push(`${f.code}/${f.measure}`);
      const text = c.printed === '150.06' || c.printed === '130.06' ? '450.06' : undefined;
      return { readings: text ? [{ how: 'strokes', text }] : [] };
    }),
    problems: [],
  });
}

describe('a chain of copies that lost a 4 alike', () => {
  it('is looked at down the chain and set right together, though no failing sum holds its lower cells', async () => {
    // 201's basic also lost its 5's upright (130.06): its row and its 款 fail as well as the 合计
    const doc = scanned(read({ 1: ['201', '一般公共服务支出', '150.06', '130.06', '0.00'] }), tax);
    expect(sums(doc).length).toBeGreaterThan(0);
    const asked: string[] = [], looked: string[] = [];
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, glyphs(doc, asked, looked), LIMITS);
    // the cells down the chain are in no failing sum: looked at, not read again
    expect(looked).toEqual(expect.arrayContaining(['2010101/expenditure_total', '2010101/basic']));
    expect(asked).not.toContain('2010101/basic');
    for (const code of ['201', '20101', '2010101']) {
      for (const m of ['expenditure_total', 'basic']) {
        expect(fact(doc, code, m).value.toFixed(2)).toBe('450.06');
        expect(fact(doc, code, m).flags).toContain(OCR_REPAIRED);
      }
    }
    expect(sums(doc)).toEqual([]);
    expect(doc.checks.find((c) => c.check_id === OCR_REPAIRED && c.subject.startsWith('2010101'))?.message).toMatch(/\(strokes\)/);
  });

  it('is set right while the 合计 above it still fails on another 类, which comes closer and stays flagged', async () => {
    // 202's basic misread too (530.00), with no reading: the 合计's basic sum still fails
    const doc = scanned(read({ 1: ['201', '一般公共服务支出', '150.06', '130.06', '0.00'], 4: ['202', '外交支出', '550.00', '530.00', '0.00'], 5: ['20201', '外交管理', '550.00', '530.00', '0.00'], 6: ['2020101', '行政运行', '550.00', '530.00', '0.00'] }), tax);
    const asked: string[] = [], looked: string[] = [];
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, glyphs(doc, asked, looked), LIMITS);
    for (const code of ['201', '20101', '2010101']) expect(fact(doc, code, 'basic').value.toFixed(2)).toBe('450.06');
    // the 202 chain kept its reading, and the sums that fail on it are still reported
    expect(fact(doc, '202', 'basic').value.toFixed(2)).toBe('530.00');
    expect(sums(doc).map((c) => c.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/^202: expenditure_total = basic/), expect.stringMatching(/^合计 = Σ 类 \[basic\]/)]));
  });

  it('is not looked at without maxLook, and then stays as read', async () => {
    const doc = scanned(read({ 1: ['201', '一般公共服务支出', '150.06', '130.06', '0.00'] }), tax);
    expect(rereadTargets(doc, 120, 0, 0).requests.some((r) => r.lookOnly)).toBe(false);
    const asked: string[] = [], looked: string[] = [];
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, glyphs(doc, asked, looked), { ...LIMITS, maxLook: 0 });
    expect(looked).toEqual([]);
    expect(fact(doc, '2010101', 'basic').value.toFixed(2)).toBe('150.06');
  });
});
