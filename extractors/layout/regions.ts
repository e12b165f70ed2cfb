// Ruling lines -> ruled table regions. Collinear pieces are merged (Excel draws one segment per
// cell edge), then horizontal and vertical lines that touch form connected components; a component
// with at least two lines each way is a ruled region.
import type { Box, Ruling } from '../../model/types.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings, type RegionSettings } from './settings.js';

export interface HLine {
  y: number;
  x0: number;
  x1: number;
}
export interface VLine {
  x: number;
  y0: number;
  y1: number;
}

export interface RuledRegion {
  box: Box;
  h: HLine[];
  v: VLine[];
}

function mergeAxis<T>(
  items: { pos: number; a: number; b: number }[],
  make: (pos: number, a: number, b: number) => T,
  s: RegionSettings,
): T[] {
  items.sort((p, q) => p.pos - q.pos || p.a - q.a);
  const out: T[] = [];
  // group by position, then merge overlapping intervals inside each group
  let i = 0;
  while (i < items.length) {
    let j = i + 1;
    while (j < items.length && items[j]!.pos - items[j - 1]!.pos <= s.collinear) j++;
    const group = items.slice(i, j).sort((p, q) => p.a - q.a);
    const pos = group.reduce((s, g) => s + g.pos, 0) / group.length;
    let a = group[0]!.a;
    let b = group[0]!.b;
    for (let k = 1; k < group.length; k++) {
      const g = group[k]!;
      if (g.a <= b + s.pieceGap) b = Math.max(b, g.b);
      else {
        out.push(make(pos, a, b));
        a = g.a;
        b = g.b;
      }
    }
    out.push(make(pos, a, b));
    i = j;
  }
  return out;
}

export function mergeRulings(rulings: readonly Ruling[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): { h: HLine[]; v: VLine[] } {
  const s = settings.regions;
  const hs: { pos: number; a: number; b: number }[] = [];
  const vs: { pos: number; a: number; b: number }[] = [];
  for (const r of rulings) {
    const dx = Math.abs(r.x1 - r.x0);
    const dy = Math.abs(r.y1 - r.y0);
    if (dx >= dy) {
      if (dx >= s.minRulingLength) hs.push({ pos: (r.y0 + r.y1) / 2, a: Math.min(r.x0, r.x1), b: Math.max(r.x0, r.x1) });
    } else if (dy >= s.minRulingLength) vs.push({ pos: (r.x0 + r.x1) / 2, a: Math.min(r.y0, r.y1), b: Math.max(r.y0, r.y1) });
  }
  return {
    h: mergeAxis(hs, (y, x0, x1) => ({ y, x0, x1 }), s),
    v: mergeAxis(vs, (x, y0, y1) => ({ x, y0, y1 }), s),
  };
}

export function findRuledRegions(rulings: readonly Ruling[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): RuledRegion[] {
  const s = settings.regions;
  const touch = s.touch;
  const { h, v } = mergeRulings(rulings, settings);
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // sweep: verticals sorted by x, so each horizontal only scans the verticals within its span
  const vOrder = v.map((_, i) => i).sort((a, b) => v[a]!.x - v[b]!.x);
  const vx = vOrder.map((i) => v[i]!.x);
  for (let hi = 0; hi < h.length; hi++) {
    const hl = h[hi]!;
    let lo = 0;
    let hiIdx = vx.length;
    while (lo < hiIdx) {
      const mid = (lo + hiIdx) >> 1;
      if (vx[mid]! < hl.x0 - touch) lo = mid + 1;
      else hiIdx = mid;
    }
    for (let k = lo; k < vx.length && vx[k]! <= hl.x1 + touch; k++) {
      const vi = vOrder[k]!;
      const vl = v[vi]!;
      if (hl.y >= vl.y0 - touch && hl.y <= vl.y1 + touch) {
        const a = find(hi);
        const b = find(h.length + vi);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const groups = new Map<number, { h: HLine[]; v: VLine[] }>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    if (i < h.length) g.h.push(h[i]!);
    else g.v.push(v[i - h.length]!);
  }
  const regions: RuledRegion[] = [];
  for (const g of groups.values()) {
    // open-sided tables rule their rows and one column divider only (no outer frame): the ends of
    // the horizontal rules stand for the missing sides
    if (g.h.length < 2 || g.v.length < 1) continue;
    if (g.v.length === 1 && g.h.length < s.openSidedRules) continue;
    const box: Box = {
      x0: Math.min(...g.h.map((l) => l.x0), ...g.v.map((l) => l.x)),
      x1: Math.max(...g.h.map((l) => l.x1), ...g.v.map((l) => l.x)),
      y0: Math.min(...g.v.map((l) => l.y0), ...g.h.map((l) => l.y)),
      y1: Math.max(...g.v.map((l) => l.y1), ...g.h.map((l) => l.y)),
    };
    if (box.x1 - box.x0 < s.minRegionWidth || box.y1 - box.y0 < s.minRegionHeight) continue;
    regions.push({ box, h: g.h, v: g.v });
  }
  return regions.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}

/** A table ruled with horizontal lines only (booktabs: a rule above the header, one under it, one
 *  below the body; or a rule under every row): the rules of one extent, top to bottom. */
export interface RuleBand {
  box: Box;
  h: HLine[];
}

/** Horizontal rules outside every ruled region, grouped by extent: two or more parallel rules of
 *  (nearly) the same left and right ends bound a band. Rules printed as text separators (one under
 *  a heading, a footnote rule) stand alone and form none. */
export function findRuleBands(rulings: readonly Ruling[], regions: readonly RuledRegion[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): RuleBand[] {
  const s = settings.regions;
  // a rule broken at the column gutters (one piece per column) is one rule here
  const h: HLine[] = [];
  for (const l of [...mergeRulings(rulings, settings).h].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const last = h.at(-1);
    if (last && Math.abs(l.y - last.y) <= s.snap && l.x0 <= last.x1 + s.bandGutter) last.x1 = Math.max(last.x1, l.x1);
    else h.push({ ...l });
  }
  const loose = h
    .filter((l) => l.x1 - l.x0 >= s.minBandRule)
    .filter((l) => !regions.some((r) => l.y >= r.box.y0 - s.touch && l.y <= r.box.y1 + s.touch && l.x0 < r.box.x1 && l.x1 > r.box.x0))
    .sort((a, b) => a.y - b.y);
  const used = new Set<HLine>();
  const bands: RuleBand[] = [];
  for (const top of loose) {
    if (used.has(top)) continue;
    const len = top.x1 - top.x0;
    const tol = Math.max(s.minExtentTolerance, len * s.sameExtent);
    const group = [top];
    for (const l of loose) {
      if (l === top || used.has(l) || l.y <= group.at(-1)!.y + s.snap) continue;
      if (l.y - top.y > s.maxBandHeight) break;
      if (Math.abs(l.x0 - top.x0) <= tol && Math.abs(l.x1 - top.x1) <= tol) group.push(l);
    }
    if (group.length < 2) continue;
    for (const l of group) used.add(l);
    const box: Box = { x0: Math.min(...group.map((l) => l.x0)), x1: Math.max(...group.map((l) => l.x1)), y0: top.y, y1: group.at(-1)!.y };
    if (box.y1 - box.y0 < s.minRegionHeight) continue;
    bands.push({ box, h: group });
  }
  return bands;
}
