// Chains of copies that lost their 4s alike, more cells than the re-read's search changes together,
// set right table by table from their glyphs (normalizers/ocr-correct/stroke-sweep.ts, through
// reread.ts with the extractor's `strokes` readings). Printed: 201 = 20101 = 2010101 at 450.06 and
// 202 = 20201 = 2020101 at 420.00, beside 203 at 110.00 and 204 at 13.00 = 11.00 + 2.00; a 1-bit
// scan read every 4 of the first two as 1 (150.06, 120.00): every copy identity holds, only the
// 合计's column sums fail, off by 600, which two of three 类 could make (so the identities alone pin
// nothing), and setting them right takes twelve cells. The glyphs show the 4s of some of the cells
// only; their copies read thinned alike.
import { describe, expect, it } from 'vitest';
import { rereadFailingSums } from '../../normalizers/ocr-correct/reread.js';
import { OCR_REPAIRED } from '../../normalizers/ocr-correct/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { CellRereader } from '../../model/stages.js';
import type { DocumentRecord } from '../../model/types.js';
import { fact, type Row, scanned } from './helpers.js';

const tax = loadTaxonomy();
/** maxChanges 4: the search alone cannot change a chain's six cells together */
const LIMITS = { maxCells: 120, maxChanges: 4, maxCombinations: 20_000, maxLook: 400, sweepStrokes: true };
const sums = (doc: DocumentRecord) => doc.checks.filter((c) => c.severity !== 'info' && ['hierarchy_sum', 'column_sum'].includes(c.check_id));
const CHAINS = { '201': '450.06', '20101': '450.06', '2010101': '450.06', '202': '420.00', '20201': '420.00', '2020101': '420.00' } as const;

/** as a 1-bit scan read the page: the chains' 4s read 1 */
function read(): Row[] {
  return [
    ['', '合计', '993.06', '991.06', '2.00'],
    ['201', '一般公共服务支出', '150.06', '150.06', '0.00'],
    ['20101', '人大事务', '150.06', '150.06', '0.00'],
    ['2010101', '行政运行', '150.06', '150.06', '0.00'],
    ['202', '外交支出', '120.00', '120.00', '0.00'],
    ['20201', '外交管理', '120.00', '120.00', '0.00'],
    ['2020101', '行政运行', '120.00', '120.00', '0.00'],
    ['203', '国防支出', '110.00', '110.00', '0.00'],
    ['20301', '现役部队', '110.00', '110.00', '0.00'],
    ['2030101', '现役部队', '110.00', '110.00', '0.00'],
    ['204', '公共安全支出', '13.00', '11.00', '2.00'],
    ['20401', '武装警察部队', '13.00', '11.00', '2.00'],
  ];
}

/** a CellRereader whose glyphs show a 4 in the cells `shown` (code/measure → the reading) */
function glyphs(doc: DocumentRecord, shown: Record<string, string>): CellRereader {
  return async (cells) => ({
    cells: cells.map((c) => {
      const f = doc.facts.find((x) => x.box && x.box.x0 === c.box.x0 && x.box.y0 === c.box.y0)!;
      const text = shown[`${f.code}/${f.measure}`];
      return { readings: text ? [{ how: 'strokes', text }] : [] };
    }),
    problems: [],
  });
}

/** the glyphs show the 4 of the 类 rows and of one 项 only */
const SHOWN = { '201/expenditure_total': '450.06', '201/basic': '450.06', '202/expenditure_total': '420.00', '202/basic': '420.00', '2010101/basic': '450.06' };

describe('chains of copies that lost their 4s alike', () => {
  it('are set right together from the glyphs of some of their cells, the copies read thinned alike joining', async () => {
    const doc = scanned(read(), tax);
    expect(sums(doc).length).toBeGreaterThan(0);
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, glyphs(doc, SHOWN), LIMITS);
    for (const [code, v] of Object.entries(CHAINS)) {
      for (const m of ['expenditure_total', 'basic']) {
        expect(fact(doc, code, m).value.toFixed(2)).toBe(v);
        expect(fact(doc, code, m).flags).toContain(OCR_REPAIRED);
      }
    }
    expect(sums(doc)).toEqual([]);
    const rows = doc.checks.filter((c) => c.check_id === OCR_REPAIRED);
    expect(rows).toHaveLength(12);
    expect(rows.find((c) => c.subject.startsWith('20101 '))?.message).toMatch(/a copy whose glyphs show the strokes/);
    expect(rows.find((c) => c.subject.startsWith('201 '))?.message).toMatch(/its glyphs show the strokes/);
  });

  it('stay as read without the sweep: the search alone changes too few cells at once', async () => {
    const doc = scanned(read(), tax);
    const failing = sums(doc).map((c) => c.subject).sort();
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, glyphs(doc, SHOWN), { ...LIMITS, sweepStrokes: false });
    expect(fact(doc, '201', 'basic').value.toFixed(2)).toBe('150.06');
    expect(sums(doc).map((c) => c.subject).sort()).toEqual(failing);
  });

  it('leave out a glyph reading that breaks a sum that held, and take the rest', async () => {
    // 204 prints 13.00 = 11.00 + 2.00, read right; its basic's glyph is taken for a 4 (41.00), which
    // would break its row: it stays 11.00, and nothing of its chain follows it
    const doc = scanned(read(), tax);
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, glyphs(doc, { ...SHOWN, '204/basic': '41.00' }), LIMITS);
    expect(fact(doc, '204', 'basic').value.toFixed(2)).toBe('11.00');
    expect(fact(doc, '20401', 'basic').value.toFixed(2)).toBe('11.00');
    expect(fact(doc, '204', 'basic').flags).not.toContain(OCR_REPAIRED);
    for (const [code, v] of Object.entries(CHAINS)) expect(fact(doc, code, 'basic').value.toFixed(2)).toBe(v);
    expect(sums(doc)).toEqual([]);
  });

  it('take nothing when the glyphs\' readings make no failing sum hold', async () => {
    // only 201's glyphs show their 4s: its chain would bring the 合计's sums closer (off by 300, not
    // 600) but make none hold: a reading the sums do not ask for is not taken
    const doc = scanned(read(), tax);
    const failing = sums(doc).map((c) => c.subject).sort();
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, glyphs(doc, { '201/expenditure_total': '450.06', '201/basic': '450.06' }), LIMITS);
    expect(doc.facts.filter((f) => f.flags.includes(OCR_REPAIRED))).toEqual([]);
    expect(sums(doc).map((c) => c.subject).sort()).toEqual(failing);
  });
});
