// The site-template generator (tests/bench/web-templates/) on three answer-key documents — a 决算
// with four tables, a 预算 whose 三公 table prints its items across, a 预算 whose 三公 table prints
// years and sources of funds across — in every page and workbook shape, dev and reporting: each
// through the pipeline gives exactly the keyed facts (F1 = 1). `npm run bench -- web-templates`
// scores all 23 key documents.
import { describe, it, expect } from 'vitest';
import { REPO, fixture } from '../../fixture.js';
import { loadKeyDocs } from '../../bench/web-templates/tables.js';
import { PAGE_SHAPES, renderPage } from '../../bench/web-templates/pages.js';
import { BOOK_SHAPES, renderBook } from '../../bench/web-templates/workbooks.js';
import { scoreGenerated } from '../../bench/web-templates/score.js';

const DOCS = ['guojia-xinfangju-2024-dept-final', 'cq-商务委员会-2026-dept-budget', 'sz-审计局-2026-dept-budget'];
const docs = loadKeyDocs(fixture('web-templates', 'tables.json')).filter((d) => DOCS.includes(d.source));

describe('answer-key tables in site templates and workbooks', () => {
  it('the frozen tables cover the three documents', () => {
    expect(docs.map((d) => d.source).sort()).toEqual([...DOCS].sort());
  });
  for (const shape of PAGE_SHAPES) {
    it(`${shape.set} page shape ${shape.name}: fact F1 = 1`, async () => {
      const r = await scoreGenerated(REPO, docs.map((d) => ({ doc: d, ...renderPage(d, shape) })), { perDoc: false });
      expect(r.total.F1, r.total.report).toBe(1);
      // a Chinese page labelled ISO-8859-1 is read by its bytes, and says so
      if (shape.declare.startsWith('latin1')) for (const d of r.docs) expect(d.warnings.join(' ')).toMatch(/declared iso-8859-1 .* Chinese text in gb18030/);
    }, 60_000);
  }
  for (const shape of BOOK_SHAPES) {
    it(`${shape.set} workbook shape ${shape.name}: fact F1 = 1`, async () => {
      const r = await scoreGenerated(REPO, docs.map((d) => ({ doc: d, ...renderBook(d, shape) })), { perDoc: false });
      expect(r.total.F1, r.total.report).toBe(1);
    }, 60_000);
  }
});
