// One page's tokens and rulings -> blocks in reading order. Ruled regions first (each token goes
// to the smallest region holding its centre); the remaining text is split into lines, runs of
// tabular lines become unruled grids, and everything else becomes line blocks.
import type { Block, Box, PageContent, RawGrid, Token } from '../../pipeline/types.js';
import { groupLines, lineText, segments, type Line } from './lines.js';
import { peelTitleRows } from './peel.js';
import { findRuledRegions } from './regions.js';
import { ruledGrid } from './ruled.js';
import { boxOf, cx, cy } from './text.js';
import { findUnruledRuns, unruledGrid } from './unruled.js';

/** a gap this many font sizes wide splits a free line into separate line blocks */
const LINE_GAP = 4;

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
function isGrid(g: RawGrid | undefined): g is RawGrid {
  if (!g || g.rows.length === 0) return false;
  const filled = g.rows.map((r) => r.filter((c) => c.text).length);
  if (g.rows.length === 1) return g.method === 'ruled' && (filled[0] ?? 0) >= 3;
  return Math.max(...filled) >= 2;
}

export function layoutPage(pc: PageContent): Block[] {
  const placed: Placed[] = [];
  const regions = findRuledRegions(pc.rulings);
  const owned = new Map<number, Token[]>();
  let free: Token[] = [];
  for (const t of pc.tokens) {
    const x = cx(t.box);
    const y = cy(t.box);
    let best = -1;
    let bestArea = Infinity;
    regions.forEach((r, i) => {
      if (!inside(r.box, x, y, 1)) return;
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
    const raw = toks.length ? ruledGrid(region, toks, pc.page) : undefined;
    if (!isGrid(raw)) {
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

  const lines = groupLines(free);
  const used = new Set<Line>();
  for (const [a, b] of findUnruledRuns(lines)) {
    // the header lines just above the run (several segments, no amounts yet) belong to it
    let start = a;
    while (start > 0 && segments(lines[start - 1]!, 1.5).length >= 2 && lines[start]!.box.y0 - lines[start - 1]!.box.y1 < lines[start]!.size * 2.5) {
      if (used.has(lines[start - 1]!)) break;
      start--;
    }
    const all = lines.slice(start, b + 1).filter((l) => !used.has(l));
    const grid = unruledGrid(all, pc.page);
    if (!isGrid(grid)) continue;
    for (const l of all) used.add(l);
    const box = boxOf(all.flatMap((l) => l.tokens))!;
    placed.push({ y: box.y0, x: box.x0, block: { kind: 'grid', grid, page: pc.page } });
  }
  const sizes = pc.tokens.map((t) => t.fontSize).sort((a, b) => a - b);
  const bodySize = sizes[sizes.length >> 1] ?? 10;
  for (const l of lines) {
    if (used.has(l)) continue;
    // a label ending in a colon keeps its value (部门：      江苏省…) however wide the gap
    const segs: Token[][] = [];
    for (const seg of segments(l, LINE_GAP)) {
      const prev = segs.at(-1);
      if (prev && /[:：]$/.test(prev.at(-1)!.text)) prev.push(...seg);
      else segs.push(seg);
    }
    for (const seg of segs) {
      const text = lineText(seg);
      if (!text) continue;
      const block: Block = { kind: 'line', text, page: pc.page };
      const box = boxOf(seg)!;
      if (seg[0]!.fontSize >= bodySize * 1.25 || seg.every((t) => t.bold)) block.heading = true;
      placed.push({ y: box.y0, x: box.x0, block });
    }
  }
  placed.sort((p, q) => p.y - q.y || p.x - q.x);
  // side by side: a line block whose top is within a line's height of the previous one and to its
  // left stays in x order; the sort above already does that for equal tops
  return placed.map((p) => p.block);
}

export function layoutPages(pages: readonly PageContent[]): Block[] {
  const out: Block[] = [];
  for (const pc of pages) if (!pc.needsOcr) out.push(...layoutPage(pc));
  return out;
}
