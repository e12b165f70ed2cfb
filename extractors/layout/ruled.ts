// The ruled strategy: cells from the intersections of ruling lines; a missing interior rule makes a
// merged cell. A band between two rules that holds several rows of amounts (tables that rule only
// their columns, or only some rows) is split into rows by the text (rows.ts).
import type { RawGrid, Token } from '../../model/types.js';
import { buildGrid, slot, type Lattice } from './grid.js';
import { groupLines } from './lines.js';
import type { HLine, RuledRegion, VLine } from './regions.js';
import { clusterRows } from './rows.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from './settings.js';
import { splitFiguresAtRules } from './split-at-rules.js';
import { cx, cy, isAmount, isNumeric } from './text.js';

function clusterPositions(values: number[], snap: number): number[] {
  values.sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const v of values) {
    if (v - last > snap && n > 0) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** For each boundary position, the intervals the rules at that position cover (sorted, merged). */
function coverage<T>(bounds: number[], lines: T[], pos: (l: T) => number, span: (l: T) => [number, number], tol: number): [number, number][][] {
  const out: [number, number][][] = bounds.map(() => []);
  for (const l of lines) {
    const p = pos(l);
    const i = slot(bounds, p);
    for (const k of [i, i + 1]) {
      if (k < bounds.length && Math.abs(bounds[k]! - p) <= tol) out[k]!.push(span(l));
    }
  }
  for (const list of out) list.sort((a, b) => a[0] - b[0]);
  return out;
}

function covered(list: [number, number][] | undefined, a: number, b: number, share: number): boolean {
  if (!list || b <= a) return false;
  let got = 0;
  for (const [p, q] of list) {
    const lo = Math.max(p, a);
    const hi = Math.min(q, b);
    if (hi > lo) got += hi - lo;
  }
  return got >= (b - a) * share;
}

/** The elementary cells (`row,column` of the lattice) that hold a figure and nothing else: no
 *  CJK, and a token that is a number once the marks a speck left at its ends are taken off
 *  (“257,700, 0). */
function numberCells(tokens: readonly Token[], xs: number[], ys: number[]): Set<string> {
  const number = new Set<string>();
  const other = new Set<string>();
  for (const t of tokens) {
    const k = `${slot(ys, cy(t.box))},${slot(xs, cx(t.box))}`;
    if (/[\u3400-\u9fff]/.test(t.text)) other.add(k);
    else if (isNumeric(t.text.replace(/^[^\d(（\-−]+|[^\d)）%]+$/g, ''))) number.add(k);
  }
  for (const k of other) number.delete(k);
  return number;
}

export function ruledGrid(region: RuledRegion, given: readonly Token[], page: number, settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): RawGrid | undefined {
  // figures pdf.js joined across a rule of the region are cut there first
  const tokens = splitFiguresAtRules(given, region.v, settings.lines.touchingGap);
  const s = settings.ruled;
  const snap = settings.regions.snap;
  const xs = clusterPositions([...region.v.map((l) => l.x), region.box.x0, region.box.x1], snap);
  const ys0 = clusterPositions([...region.h.map((l) => l.y), region.box.y0, region.box.y1], snap);
  if (xs.length < 2 || ys0.length < 2) return undefined;
  const vCov = coverage(xs, region.v, (l: VLine) => l.x, (l) => [l.y0, l.y1], snap + s.edgeSnapSlack);
  const hCov = coverage(ys0, region.h, (l: HLine) => l.y, (l) => [l.x0, l.x1], snap + s.edgeSnapSlack);

  const colOf = (t: Token): number => slot(xs, cx(t.box));
  // split bands that hold several rows of amounts
  const byBand = new Map<number, Token[]>();
  for (const t of tokens) {
    const r = slot(ys0, cy(t.box));
    let list = byBand.get(r);
    if (!list) byBand.set(r, (list = []));
    list.push(t);
  }
  const virtual: number[] = [];
  for (const list of byBand.values()) {
    const lines = groupLines(list, settings);
    // several rows share this band only if some column gets amounts from two different lines; a
    // ruled row whose columns sit on different baselines is still one row
    // (and that column holds numbers, not prose that mentions 100%)
    const all = new Map<number, number>();
    const numeric = new Map<number, number>();
    for (const t of list) {
      const c = colOf(t);
      all.set(c, (all.get(c) ?? 0) + 1);
      if (isNumeric(t.text)) numeric.set(c, (numeric.get(c) ?? 0) + 1);
    }
    const numberColumn = (c: number): boolean => (numeric.get(c) ?? 0) >= (all.get(c) ?? 0) * s.numberColumnShare;
    const seen = new Set<number>();
    let stacked = false;
    for (const l of lines) {
      const mine = new Set(l.tokens.filter((t) => isAmount(t.text)).map(colOf).filter(numberColumn));
      for (const c of mine) {
        if (seen.has(c)) stacked = true;
        seen.add(c);
      }
      if (stacked) break;
    }
    if (!stacked) continue;
    const rows = clusterRows(lines, colOf, settings);
    for (let k = 1; k < rows.length; k++) {
      const above = Math.max(...rows[k - 1]!.map((l) => l.box.y1));
      const below = Math.min(...rows[k]!.map((l) => l.box.y0));
      virtual.push(above <= below ? (above + below) / 2 : (cy(rows[k - 1]!.at(-1)!.box) + cy(rows[k]![0]!.box)) / 2);
    }
  }
  const ys = virtual.length ? [...ys0, ...virtual].sort((a, b) => a - b) : ys0;
  const isVirtual = new Set(virtual);
  const numbers = numberCells(tokens, xs, ys);
  const lat: Lattice = {
    xs,
    ys,
    vEdge: (r, c) => covered(vCov[c], ys[r]!, ys[r + 1]!, s.edgeCover),
    hEdge: (r, c) => {
      const y = ys[r]!;
      if (isVirtual.has(y)) return true;
      // two numbers one above the other are two cells: a rule lost there (a photocopy's speckle and
      // grey broke it) merges no cells, as a merged cell prints one figure
      if (numbers.has(`${r - 1},${c}`) && numbers.has(`${r},${c}`)) return true;
      const k = ys0.indexOf(y);
      return covered(hCov[k], xs[c]!, xs[c + 1]!, s.edgeCover);
    },
  };
  const grid = buildGrid(lat, tokens, page, 'ruled', undefined, settings);
  if (virtual.length) grid.notes = [`rows split by text in ${virtual.length} place(s) where no rule separates them`];
  return grid;
}
