// Cells of failing sums read again, chosen by the sums (normalizers/ocr-correct/reread.ts), on
// constructed records: the readings stand for what the extractor's treatments gave (a faint 7 read
// as 2 on the page, a misreading neither a pin nor a chain of copies undoes, right when thickened:
// see tests/extractors/ocr/reread-cells.test.ts for the reading of a real crop).
import { describe, expect, it } from 'vitest';
import { rereadFailingSums, rereadTargets } from '../../normalizers/ocr-correct/reread.js';
import { OCR_REPAIRED } from '../../normalizers/ocr-correct/index.js';
import { runChecks } from '../../normalizers/checks/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { CellRereader } from '../../model/stages.js';
import type { DocumentRecord } from '../../model/types.js';
import { OCR_DECIMALS_LOST } from '../../normalizers/facts/index.js';
import { fact, makeDoc, misread, type Row, scanned } from './helpers.js';

const tax = loadTaxonomy();
const LIMITS = { maxCells: 120, maxChanges: 4, maxCombinations: 20_000 };
const errors = (doc: DocumentRecord) => doc.checks.filter((c) => c.severity !== 'info' && ['hierarchy_sum', 'column_sum'].includes(c.check_id));


/** a CellRereader giving, for the cell of (code, measure), the readings listed (others: none) */
function reader(doc: DocumentRecord, readings: Record<string, { how: string; text: string }[]>, asked: string[] = []): CellRereader {
  return async (cells) => ({
    cells: cells.map((c) => {
      const f = doc.facts.find((x) => x.box && x.box.x0 === c.box.x0 && x.box.y0 === c.box.y0)!;
      asked.push(`${f.code}/${f.measure}`);
      return { readings: readings[`${f.code}/${f.measure}`] ?? [] };
    }),
    problems: [],
  });
}

describe('cells of failing sums read again, chosen by the sums', () => {
  it('two cells of one sum misread (7 → 2, no confusion a pin or a chain of copies takes): no single cell pins them; their second readings make every sum hold', async () => {
    const doc = scanned(misread(2, 1, '200.06', misread(3, 1, '200.06')), tax); // 20101 and 2010101 basic 700.06
    expect(fact(doc, '20101', 'basic').flags).not.toContain(OCR_REPAIRED); // the one-cell repair could not
    const before = errors(doc).length;
    expect(before).toBeGreaterThan(1);
    const asked: string[] = [];
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, reader(doc, {
      '20101/basic': [{ how: 'thick', text: '700.06' }, { how: 'grey', text: '200.06' }],
      '2010101/basic': [{ how: 'dark', text: '10.06' }, { how: 'thick', text: '700.06' }],
      // a neighbour's stray reading, in no sum that fails once the two are right: not taken
      '201/basic': [{ how: 'grey', text: '1,000.66' }],
    }, asked), LIMITS);
    // only the cells of failing sums were asked for
    expect(asked).toContain('20101/basic');
    expect(asked).not.toContain('2010201/basic');
    for (const code of ['20101', '2010101']) {
      const f = fact(doc, code, 'basic');
      expect(f.value.toFixed(2)).toBe('700.06');
      expect(f.flags).toContain(OCR_REPAIRED);
    }
    expect(fact(doc, '201', 'basic').value.toFixed(2)).toBe('1000.06');
    expect(errors(doc)).toEqual([]);
    // the first reading is kept in checks.csv
    const rows = doc.checks.filter((c) => c.check_id === OCR_REPAIRED);
    expect(rows.map((c) => [c.actual, c.expected])).toEqual([['200.06', '700.06'], ['200.06', '700.06']]);
    expect(rows[0]!.message).toMatch(/read again on the page image \(thick\)/);
  });

  it('a row whose total and part were both misread: their readings taken together', async () => {
    const doc = scanned(misread(3, 0, '200.06', misread(3, 1, '200.06')), tax); // 2010101 total and basic
    const failing = errors(doc).length;
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, reader(doc, {
      '2010101/expenditure_total': [{ how: 'thick', text: '700.06' }],
      '2010101/basic': [{ how: 'grey', text: '700.06' }],
    }), LIMITS);
    expect(fact(doc, '2010101', 'expenditure_total').value.toFixed(2)).toBe('700.06');
    expect(fact(doc, '2010101', 'basic').value.toFixed(2)).toBe('700.06');
    expect(errors(doc).length).toBeLessThan(failing);
    expect(errors(doc)).toEqual([]);
  });

  it('readings that make no failing sum hold are not taken', async () => {
    const doc = scanned(misread(2, 1, '200.06', misread(3, 1, '200.06')), tax);
    const failing = errors(doc).length;
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, reader(doc, {
      '20101/basic': [{ how: 'thick', text: '900.06' }],
      '2010101/basic': [{ how: 'thick', text: '100.0' }, { how: 'grey', text: '1,700.06' }],
    }), LIMITS);
    expect(errors(doc).length).toBe(failing);
    expect(doc.facts.some((f) => f.flags.includes(OCR_REPAIRED))).toBe(false);
    expect(doc.messages.at(-1)!.text).toMatch(/no reading made them hold/);
  });

  it('a re-read that fails costs its readings only', async () => {
    const doc = scanned(misread(2, 1, '200.06', misread(3, 1, '200.06')), tax);
    const checks = doc.checks;
    const out = await rereadFailingSums(doc, tax, checks, async () => {
      throw new Error('tesseract failed: image too large');
    }, LIMITS);
    expect(out).toBe(checks);
    expect(doc.messages.at(-1)!.text).toMatch(/could not be read again: tesseract failed/);
    expect(fact(doc, '20101', 'basic').value.toFixed(2)).toBe('200.06');
  });

  it('a cell read without its column\'s decimals takes a reading with them, printed with them', async () => {
    // 2010101 [基本] read 700 (the .06 after the gap lost) and 20101 [基本] 200.06: two cells of the
    // 201 column, no confusion for either
    const doc = scanned(misread(2, 1, '200.06', misread(3, 1, '700')), tax);
    const f = fact(doc, '2010101', 'basic');
    f.flags.push(OCR_DECIMALS_LOST);
    const box = { ...f.box! };
    const asked: { x1: number }[] = [];
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, async (cells) => {
      asked.push(...cells.filter((c) => c.box.y0 === box.y0 && c.box.x0 === box.x0).map((c) => c.box));
      return reader(doc, { '20101/basic': [{ how: 'thick', text: '700.06' }], '2010101/basic': [{ how: 'grey', text: '700.06' }, { how: 'dark', text: '700' }] })(cells.map((c) => (c.box.y0 === box.y0 && c.box.x0 === box.x0 ? { ...c, box } : c)));
    }, { ...LIMITS, lostDecimalsEm: 2.5 });
    // its box reached 2.5 times its height further right
    expect(asked).toHaveLength(1);
    expect(asked[0]!.x1).toBe(box.x1 + 2.5 * (box.y1 - box.y0));
    expect(f.value.toFixed()).toBe('700.06');
    expect(f.scale).toBe(2);
    expect(doc.checks.find((c) => c.check_id === OCR_REPAIRED && c.actual === '700')!.expected).toBe('700.06');
    expect(errors(doc)).toEqual([]);
  });

  it('a second reading that sees a 4 as 1 where the first saw the 4 is not taken, though the sums would then hold', async () => {
    // a 1-bit scan lost the cross-stroke of the 4s of the 项目支出 column (134.50 → 131.50, its sums
    // alike: they hold among themselves) and of the 合计 of 201 (1,234.56 → 1,231.56); the 合计 of
    // 20101 and 2010102 were read right, and read again under a darker threshold lose their 4s too:
    // with those readings every sum would hold, two cells wrong (国家信访局 2024 支出决算表 on the dev
    // fax45-200 scan: 4.70 read again as 1.70)
    const lost: [number, number, string][] = [[0, 0, '1,231.56'], [1, 0, '1,231.56'], [0, 2, '231.50'], [1, 2, '231.50'], [2, 2, '131.50'], [4, 2, '131.50']];
    const doc = makeDoc(lost.reduce<Row[]>((r, [i, c, t]) => misread(i, c, t, r), misread(0, 0, '1,231.56')));
    for (const f of doc.facts) f.box = { x0: f.col * 100, y0: f.row * 20, x1: f.col * 100 + 60, y1: f.row * 20 + 10 };
    doc.checks = runChecks(doc, tax);
    const before = errors(doc).length;
    expect(before).toBeGreaterThan(0);
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, reader(doc, {
      '20101/expenditure_total': [{ how: 'dark', text: '831.56' }],
      '2010102/expenditure_total': [{ how: 'dark', text: '131.50' }],
    }), LIMITS);
    expect(fact(doc, '20101', 'expenditure_total').value.toFixed(2)).toBe('834.56');
    expect(fact(doc, '2010102', 'expenditure_total').value.toFixed(2)).toBe('134.50');
    expect(doc.facts.some((f) => f.flags.includes(OCR_REPAIRED))).toBe(false);
    expect(errors(doc).length).toBe(before);
  });

  it('asks for at most maxCells cells, those in most failing sums first', () => {
    const doc = scanned(misread(2, 1, '200.06', misread(3, 1, '200.06')), tax);
    const all = rereadTargets(doc, 120).facts;
    const two = rereadTargets(doc, 2).facts;
    expect(all.length).toBeGreaterThan(2);
    expect(two).toHaveLength(2);
    expect(two.every((i) => all.includes(i))).toBe(true);
    expect(rereadTargets(doc, 0).facts).toEqual([]);
  });
});
