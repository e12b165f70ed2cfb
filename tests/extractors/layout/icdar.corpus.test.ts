// Classes of layout problem on ICDAR 2013 competition pages (../shared/peer-cases/tabula-java/icdar2013):
// multi-column prose is no table, figures set close together are separate cells, a table ruled
// with horizontal lines only is one table from its top rule to its bottom rule, and an open-sided
// table (row rules and one column divider) is read as ruled. Corpus tier: skipped when the shared
// material is not there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Box, RawGrid } from '../../../model/types.js';
import { extractPdfPages } from '../../../extractors/pdf/extract.js';
import { layoutPage } from '../../../extractors/layout/index.js';
import { grids, rowStarting } from '../pdf/corpus.js';
import { describeCorpus, shared } from '../../corpus-tier.js';

async function page(name: string, n: number): Promise<RawGrid[]> {
  const dir = shared('peer-cases/tabula-java/icdar2013');
  const sub = name.startsWith('eu') ? 'competition-dataset-eu' : 'competition-dataset-us';
  const bytes = new Uint8Array(readFileSync(path.join(dir, sub, `${name}.pdf`)));
  const { pages } = await extractPdfPages(bytes, { only: [n] });
  return grids(layoutPage(pages[0]!));
}

function boxOf(g: RawGrid): Box {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const row of g.rows) for (const c of row) {
    if (!c.box) continue;
    b.x0 = Math.min(b.x0, c.box.x0); b.y0 = Math.min(b.y0, c.box.y0);
    b.x1 = Math.max(b.x1, c.box.x1); b.y1 = Math.max(b.y1, c.box.y1);
  }
  return b;
}

describeCorpus('ICDAR 2013 layout classes', () => {
  it('us-024 p4: two columns of prose that mention 1.2 and 36.9% are no table', async () => {
    expect(await page('us-024', 4)).toHaveLength(0);
  });

  it('us-001 p1: three-column prose around a ruled table leaves only the table', async () => {
    const gs = await page('us-001', 1);
    expect(gs).toHaveLength(1);
    expect(gs[0]!.method).toBe('ruled');
  });

  it('us-018 p2: right-aligned figures half an em apart are separate columns', async () => {
    const [g] = await page('us-018', 2);
    expect(g!.rows[0]![0]!.text).toBe('Region and state');
    expect(g!.rows[0]).toHaveLength(10);
    expect(rowStarting(g!, 'Northeast')).toEqual(['Northeast', '548,290', '548,450', '550,630', '550,980', '554,700', '550,820', '546,620', '551,920', '552,550']);
  });

  it('us-037 p1: horizontal rules only: header, Male and Female sections are one table', async () => {
    const gs = await page('us-037', 1);
    expect(gs).toHaveLength(1);
    const g = gs[0]!;
    const b = boxOf(g);
    // GT region (top-left coordinates) 69,112 - 556,369
    expect(b.y0).toBeLessThan(116);
    expect(b.y1).toBeGreaterThan(365);
    expect(g.rows[0]).toHaveLength(13);
    expect(rowStarting(g, 'Male')).toBeDefined();
    expect(rowStarting(g, 'Female')).toBeDefined();
    expect(rowStarting(g, '(ppm)', 'No.', '(g)', '(%)')).toBeDefined();
    expect(rowStarting(g, '4,000', '27')).toEqual(['4,000', '27', '5.3**', '91', '10', '7.5**', '85', '10.4**', '77', '16.8**', '65', '19.8**', '57']);
  });

  it('us-025 p2: stacked tables of one width with a caption between their rules stay apart', async () => {
    const gs = await page('us-025', 2);
    const boxes = gs.map(boxOf).sort((p, q) => p.y0 - q.y0);
    // GT regions 44,95-557,252 and 45,318-577,525
    expect(boxes.some((b) => b.y0 < 100 && b.y1 > 245 && b.y1 < 300)).toBe(true);
    expect(boxes.some((b) => b.y0 > 300 && b.y0 < 325 && b.y1 > 520)).toBe(true);
  });

  it('eu-014 p2: row rules and one column divider, no frame: a ruled table of two columns', async () => {
    const gs = await page('eu-014', 2);
    expect(gs).toHaveLength(1);
    const g = gs[0]!;
    expect(g.method).toBe('ruled');
    expect(rowStarting(g, 'Indicators', 'Weight of indicator in 2006')).toBeDefined();
    expect(rowStarting(g, 'Employment')).toEqual(['Employment', '40']);
    expect(rowStarting(g, 'Staff development')).toEqual(['Staff development', '6']);
  });
});
