// The site-template generator (tests/bench/web-templates/) on three answer-key documents — a 决算
// with four tables, a 预算 whose 三公 table prints its items across, a 预算 whose 三公 table prints
// years and sources of funds across — in every page and workbook shape, dev and reporting: each
// through the pipeline gives exactly the keyed facts (F1 = 1), each money fact in the unit its
// table is printed in (a page or workbook printing a 万元 table in 元 is keyed in 元).
// `npm run bench -- web-templates` scores all 23 key documents.
import { describe, it, expect } from 'vitest';
import { REPO, fixture } from '../../fixture.js';
import { loadKeyDocs } from '../../bench/web-templates/tables.js';
import { PAGE_SHAPES, renderPage } from '../../bench/web-templates/pages.js';
import { BOOK_SHAPES, renderBook } from '../../bench/web-templates/workbooks.js';
import { scoreGenerated } from '../../bench/web-templates/score.js';
import { inUnit, shiftDecimal, sideBySide } from '../../bench/web-templates/transforms.js';

const DOCS = ['guojia-xinfangju-2024-dept-final', 'cq-商务委员会-2026-dept-budget', 'sz-审计局-2026-dept-budget'];
const docs = loadKeyDocs(fixture('web-templates', 'tables.json')).filter((d) => DOCS.includes(d.source));

describe('the generator reshapes key tables exactly', () => {
  it('scales amounts by powers of ten on strings, never through a float', () => {
    expect(shiftDecimal('1,234.56', 4)).toBe('12,345,600.00');
    expect(shiftDecimal('0.07', 4)).toBe('700.00');
    expect(shiftDecimal('-5.123456', 4)).toBe('-51234.56');
    expect(shiftDecimal('9007199254740.99', 4, false)).toBe('90071992547409900.00');
  });

  it('prints a 万元 table in 元 (codes untouched) and a long 06 table as blocks side by side', () => {
    const cq = docs.find((d) => d.source.startsWith('cq-'))!;
    const t06 = cq.tables.find((t) => t.kind === 'budget_general_basic_expenditure')!;
    const yuan = inUnit(t06, '元');
    expect(yuan.shift).toBe(4);
    expect(yuan.table.unit).toBe('元');
    expect(yuan.table.rows[3]!.slice(0, 3)).toEqual(['301', '工资福利支出', '329,597,900.00']);
    const sides = sideBySide(t06, 2);
    expect(sides.rows[1]).toEqual([...t06.rows[1]!, ...t06.rows[1]!]);
    expect(sides.rows.length - sides.headerRows).toBe(Math.ceil((t06.rows.length - t06.headerRows) / 2));
  });
});

describe('answer-key tables in site templates and workbooks', () => {
  it('the frozen tables cover the three documents', () => {
    expect(docs.map((d) => d.source).sort()).toEqual([...DOCS].sort());
  });
  for (const shape of PAGE_SHAPES) {
    it(`${shape.set} page shape ${shape.name}: fact F1 = 1`, async () => {
      const r = await scoreGenerated(REPO, docs.map((d) => ({ doc: d, ...renderPage(d, shape) })), { perDoc: false });
      expect(r.total.F1, r.total.report).toBe(1);
      expect(r.unitErrors).toBe(0);
      // a Chinese page labelled ISO-8859-1 is read by its bytes, and says so
      if (shape.declare.startsWith('latin1')) for (const d of r.docs) expect(d.warnings.join(' ')).toMatch(/declared iso-8859-1 .* Chinese text in gb18030/);
    }, 60_000);
  }
  for (const shape of BOOK_SHAPES) {
    it(`${shape.set} workbook shape ${shape.name}: fact F1 = 1`, async () => {
      const r = await scoreGenerated(REPO, docs.map((d) => ({ doc: d, ...renderBook(d, shape) })), { perDoc: false });
      expect(r.total.F1, r.total.report).toBe(1);
      expect(r.unitErrors).toBe(0);
    }, 60_000);
  }
});
