// One page's tokens and rulings -> blocks in reading order. Ruled regions first (each token goes
// to the smallest region holding its centre); the remaining text is split into lines, runs of
// tabular lines become unruled grids, and everything else becomes line blocks.
import type { Block, Box, PageContent, RawGrid, Token } from '../../model/types.js';
import { groupLines, lineText, segments, type Line } from './lines.js';
import { peelTitleRows } from './peel.js';
import { findRuleBands, findRuledRegions, type RuleBand, type RuledRegion } from './regions.js';
import { ruledGrid } from './ruled.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from './settings.js';
import { boxOf, cx, cy } from './text.js';
import { cellSegments, findUnruledRuns, unruledGrid } from './unruled.js';

interface Placed {
  y: number;
  x: number;
  block: Block;
}

function inside(b: Box, x: number, y: number, pad: number): boolean {
  return x >= b.x0 - pad && x <= b.x1 + pad && y >= b.y0 - pad && y <= b.y1 + pad;
}

/** Worth a grid: two rows with two filled cells somewhere, or (ruled) one header row of three or
 *  more cells: an empty table printed with its header only. A ruled box around a paragraph is not. */
function isGrid(g: RawGrid | undefined, s: LayoutSettings): g is RawGrid {
  if (!g || g.rows.length === 0) return false;
  const filled = g.rows.map((r) => r.filter((c) => c.text).length);
  if (g.rows.length === 1) return g.method === 'ruled' && (filled[0] ?? 0) >= s.page.headerOnlyCells;
  return Math.max(...filled) >= s.page.minFilledCells;
}

/** a cell holding running text: four words or more, or a CJK clause of twenty characters */
function wordy(text: string, s: LayoutSettings): boolean {
  return (text.match(/[A-Za-z]{2,}/g)?.length ?? 0) >= s.page.proseWords || (text.length >= s.page.proseClauseChars && /[，。；]/.test(text) && /[\u4e00-\u9fff]/.test(text));
}

/** Columns of running text set side by side (a two- or three-column page, a text box beside a
 *  paragraph) break into segments at the column gutter and mention numbers: an "unruled table"
 *  whose cells are mostly lines of prose, in two columns or more, is not a table. */
function isProse(g: RawGrid, s: LayoutSettings): boolean {
  let filled = 0;
  let prose = 0;
  const proseCols = new Set<number>();
  for (const row of g.rows) {
    row.forEach((c, k) => {
      if (c.mergedFrom || !c.text) return;
      filled++;
      if (wordy(c.text, s)) {
        prose++;
        proseCols.add(k);
      }
    });
  }
  return proseCols.size >= s.page.proseColumns && prose >= filled * s.page.proseShare;
}

/** An open-sided region (one column divider) whose columns are set with white space besides: lines
 *  that break into several cells on one side of the divider. Such a table is read from its text. */
function unruledColumns(region: RuledRegion, tokens: readonly Token[], s: LayoutSettings): boolean {
  if (region.v.length !== 1) return false;
  const x = region.v[0]!.x;
  let split = 0;
  for (const l of groupLines(tokens, s)) {
    for (const side of [l.tokens.filter((t) => cx(t.box) < x), l.tokens.filter((t) => cx(t.box) >= x)]) {
      if (side.length > 1 && cellSegments({ ...l, tokens: side }, s).length >= 2) split++;
    }
  }
  return split >= s.page.openSidedSplitLines;
}

/** A band's rules, top to bottom, cut where the text between two of them is no part of a table:
 *  stacked tables of one width share an extent, and between them sit a caption, notes or prose
 *  (lines of one cell each). Empty slabs (double rules) and header slabs (lines of several cells)
 *  stay. */
function splitBand(band: RuleBand, tokens: readonly Token[], s: LayoutSettings): Box[] {
  const inset = s.page.bandInset;
  const out: Box[] = [];
  let top = band.h[0]!.y;
  for (let k = 1; k < band.h.length; k++) {
    const y0 = band.h[k - 1]!.y;
    const y1 = band.h[k]!.y;
    const slab = tokens.filter((t) => inside({ x0: band.box.x0, x1: band.box.x1, y0: y0 + inset, y1: y1 - inset }, cx(t.box), cy(t.box), 0));
    if (slab.length === 0) continue;
    const lines = groupLines(slab, s);
    const cells = lines.some((l) => cellSegments(l, s).length >= 2);
    if (cells && !lines.some((l) => wordy(lineText(l.tokens, true, s), s) && cellSegments(l, s).length === 1 && l.box.x1 - l.box.x0 > (band.box.x1 - band.box.x0) * s.page.bandProseWidth)) continue;
    if (y0 > top) out.push({ x0: band.box.x0, x1: band.box.x1, y0: top, y1: y0 });
    top = y1;
  }
  const bottom = band.h.at(-1)!.y;
  if (bottom > top) out.push({ x0: band.box.x0, x1: band.box.x1, y0: top, y1: bottom });
  return out;
}

export function layoutPage(pc: PageContent, settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Block[] {
  const s = settings;
  const placed: Placed[] = [];
  const regions = findRuledRegions(pc.rulings, s);
  const owned = new Map<number, Token[]>();
  let free: Token[] = [];
  for (const t of pc.tokens) {
    const x = cx(t.box);
    const y = cy(t.box);
    let best = -1;
    let bestArea = Infinity;
    regions.forEach((r, i) => {
      if (!inside(r.box, x, y, s.page.regionPad)) return;
      const area = (r.box.x1 - r.box.x0) * (r.box.y1 - r.box.y0);
      if (area < bestArea) {
        best = i;
        bestArea = area;
      }
    });
    if (best < 0) free.push(t);
    else {
      let list = owned.get(best);
      if (!list) owned.set(best, (list = []));
      list.push(t);
    }
  }
  regions.forEach((region, i) => {
    const toks = owned.get(i) ?? [];
    const raw = toks.length && !unruledColumns(region, toks, s) ? ruledGrid(region, toks, pc.page, s) : undefined;
    if (!isGrid(raw, s)) {
      free = free.concat(toks);
      return;
    }
    const { lines: titles, grid } = peelTitleRows(raw);
    titles.forEach((t, k) => {
      const block: Block = { kind: 'line', text: t.text, page: pc.page };
      if (t.heading) block.heading = true;
      placed.push({ y: region.box.y0, x: region.box.x0 - 1 + k * 1e-3, block });
    });
    placed.push({ y: region.box.y0, x: region.box.x0, block: { kind: 'grid', grid, page: pc.page } });
  });

  // tables ruled with horizontal lines only: every line between the top and the bottom rule is
  // one table (section labels and header lines without figures would otherwise cut it up)
  for (const b of findRuleBands(pc.rulings, regions, s).flatMap((band) => splitBand(band, free, s))) {
    const mine = free.filter((t) => inside({ x0: b.x0, x1: b.x1, y0: b.y0 + s.page.bandInset, y1: b.y1 - s.page.bandInset }, cx(t.box), cy(t.box), 0));
    if (mine.length === 0) continue;
    const bandLines = groupLines(mine, s);
    if (findUnruledRuns(bandLines, s).length === 0) continue;
    const grid = unruledGrid(bandLines, pc.page, s);
    if (!isGrid(grid, s) || isProse(grid, s)) continue;
    const taken = new Set(mine);
    free = free.filter((t) => !taken.has(t));
    grid.notes = [...(grid.notes ?? []), 'ruled with horizontal lines only: columns from the text'];
    const box = boxOf(mine)!;
    placed.push({ y: box.y0, x: box.x0, block: { kind: 'grid', grid, page: pc.page } });
  }

  const lines = groupLines(free, s);
  const used = new Set<Line>();
  for (const [a, b] of findUnruledRuns(lines, s)) {
    // the header lines just above the run (several segments, no amounts yet) belong to it
    let start = a;
    while (start > 0 && cellSegments(lines[start - 1]!, s).length >= 2 && lines[start]!.box.y0 - lines[start - 1]!.box.y1 < lines[start]!.size * s.page.headerReach) {
      if (used.has(lines[start - 1]!)) break;
      start--;
    }
    const all = lines.slice(start, b + 1).filter((l) => !used.has(l));
    const grid = unruledGrid(all, pc.page, s);
    if (!isGrid(grid, s) || isProse(grid, s)) continue;
    for (const l of all) used.add(l);
    const box = boxOf(all.flatMap((l) => l.tokens))!;
    placed.push({ y: box.y0, x: box.x0, block: { kind: 'grid', grid, page: pc.page } });
  }
  const sizes = pc.tokens.map((t) => t.fontSize).sort((a, b) => a - b);
  const bodySize = sizes[sizes.length >> 1] ?? s.lines.fallbackFontSize;
  for (const l of lines) {
    if (used.has(l)) continue;
    // a label ending in a colon keeps its value (部门：      江苏省…) however wide the gap
    const segs: Token[][] = [];
    for (const seg of segments(l, s.page.lineBreakGap)) {
      const prev = segs.at(-1);
      if (prev && /[:：]$/.test(prev.at(-1)!.text)) prev.push(...seg);
      else segs.push(seg);
    }
    for (const seg of segs) {
      const text = lineText(seg, true, s);
      if (!text) continue;
      const block: Block = { kind: 'line', text, page: pc.page, parts: seg.map((t) => (t.charX ? { text: t.text, box: t.box, charX: t.charX } : { text: t.text, box: t.box })) };
      const box = boxOf(seg)!;
      if (seg[0]!.fontSize >= bodySize * s.page.headingSize || seg.every((t) => t.bold)) block.heading = true;
      placed.push({ y: box.y0, x: box.x0, block });
    }
  }
  placed.sort((p, q) => p.y - q.y || p.x - q.x);
  // side by side: a line block whose top is within a line's height of the previous one and to its
  // left stays in x order; the sort above already does that for equal tops
  return placed.map((p) => p.block);
}

export function layoutPages(pages: readonly PageContent[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Block[] {
  const out: Block[] = [];
  for (const pc of pages) if (!pc.needsOcr) out.push(...layoutPage(pc, settings));
  return out;
}
