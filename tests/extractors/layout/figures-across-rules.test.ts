// Figures pdf.js joined across a rule (extractors/layout/split-at-rules.ts), on the text layer of a
// 2026 部门预算 page (tests/fixtures/layout/cq-shangwuwei-2026-p09-text-layer.json, see its $comment):
// the producer draws every glyph on its own, and in the 合计 row, whose amounts wrap in their narrow
// cells (174,900 over .64), pdf.js joined the last decimal of a cell with the first digit of the
// next into one item (41, 44). The cells read 174,900.6 | 4101,833.8 | 441,534.73: two identities
// failed and the 政府性基金 total was ten times too large.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../extractors/layout/page.js';
import { findRuledRegions } from '../../../extractors/layout/regions.js';
import { splitFiguresAtRules } from '../../../extractors/layout/split-at-rules.js';
import type { PageContent, Token } from '../../../model/types.js';
import { fixture } from '../../fixture.js';

const page = JSON.parse(readFileSync(fixture('layout/cq-shangwuwei-2026-p09-text-layer.json'), 'utf8')) as PageContent;
const totalRow = (pc: PageContent) => {
  const grid = layoutPage(pc).find((b) => b.kind === 'grid');
  if (grid?.kind !== 'grid') throw new Error('no grid');
  return grid.grid.rows.find((r) => r[0]?.text === '合计')!.map((c) => c.text);
};

describe('a figure whose glyphs pdf.js joined across a rule', () => {
  it('is cut at the rule: each cell keeps its own digits', () => {
    expect(totalRow(page).slice(2, 7)).toEqual(['174,900.64', '101,833.84', '41,534.73', '', '22,070.82']);
  });

  it('is cut only where it is set glyph to glyph among figures: a whole amount reaching over a rule is left whole', () => {
    const region = findRuledRegions(page.rulings)[0]!;
    const joined = page.tokens.find((t) => t.text === '41')!;
    const cut = splitFiguresAtRules(page.tokens, region.v, 0.12);
    expect(cut.filter((t) => t.box.y0 === joined.box.y0 && (t.text === '4' || t.text === '1') && Math.abs(t.box.x0 - joined.box.x0) < 10).length).toBe(2);
    // the same figure set apart (a gap before and after it, as a producer that draws words prints it)
    const alone: Token = { ...joined, text: '1,000.00', box: { ...joined.box, x0: joined.box.x0 - 30, x1: joined.box.x1 } };
    const apart = splitFiguresAtRules([alone], region.v, 0.12);
    expect(apart.map((t) => t.text)).toEqual(['1,000.00']);
  });
});
