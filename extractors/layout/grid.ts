// From a lattice of elementary cells (column and row boundaries, which interior edges are drawn)
// and tokens to a RawGrid: merged areas become one origin cell with spans, covered cells point back
// with mergedFrom; rows and columns that hold nothing and take part in no merge are dropped.
import type { Box, GridCell, GridMethod, RawGrid, Token } from '../../model/types.js';
import { cellText } from './lines.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from './settings.js';
import { boxOf, cx, cy } from './text.js';

export interface Lattice {
  xs: number[]; // column boundaries, ascending (nc + 1)
  ys: number[]; // row boundaries, ascending (nr + 1)
  /** whether the vertical edge left of column c (1 <= c < nc) is drawn in row r */
  vEdge: (r: number, c: number) => boolean;
  /** whether the horizontal edge above row r (1 <= r < nr) is drawn in column c */
  hEdge: (r: number, c: number) => boolean;
}

/** index i with bounds[i] <= v < bounds[i+1], clamped to the lattice */
export function slot(bounds: readonly number[], v: number): number {
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function buildGrid(
  lat: Lattice,
  tokens: readonly Token[],
  page: number,
  method: GridMethod,
  place?: (t: Token) => [number, number],
  settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS,
): RawGrid {
  const minSize = settings.ruled.minCellSize;
  const nc = lat.xs.length - 1;
  const nr = lat.ys.length - 1;
  const id = (r: number, c: number): number => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const join = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c > 0 && !lat.vEdge(r, c)) join(id(r, c - 1), id(r, c));
      if (r > 0 && !lat.hEdge(r, c)) join(id(r - 1, c), id(r, c));
    }
  }
  // each group's bounding rectangle; a non-rectangular group is not merged at all
  const rect = new Map<number, [number, number, number, number]>();
  const count = new Map<number, number>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const g = find(id(r, c));
      const b = rect.get(g);
      if (!b) rect.set(g, [r, c, r, c]);
      else {
        b[0] = Math.min(b[0], r);
        b[1] = Math.min(b[1], c);
        b[2] = Math.max(b[2], r);
        b[3] = Math.max(b[3], c);
      }
      count.set(g, (count.get(g) ?? 0) + 1);
    }
  }
  const originOf = new Int32Array(nr * nc);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const g = find(id(r, c));
      const b = rect.get(g)!;
      const area = (b[2] - b[0] + 1) * (b[3] - b[1] + 1);
      originOf[id(r, c)] = area === count.get(g) ? id(b[0], b[1]) : id(r, c);
    }
  }
  const span = (o: number): [number, number, number, number] => {
    const r = Math.floor(o / nc);
    const c = o % nc;
    let r1 = r;
    let c1 = c;
    while (r1 + 1 < nr && originOf[id(r1 + 1, c)] === o) r1++;
    while (c1 + 1 < nc && originOf[id(r, c1 + 1)] === o) c1++;
    return [r, c, r1, c1];
  };
  const cellTokens = new Map<number, Token[]>();
  for (const t of tokens) {
    const [r, c] = place ? place(t) : [slot(lat.ys, cy(t.box)), slot(lat.xs, cx(t.box))];
    const o = originOf[id(r, c)]!;
    let list = cellTokens.get(o);
    if (!list) cellTokens.set(o, (list = []));
    list.push(t);
  }
  // keep every row and column of printable size (an empty column still lines up with the page
  // before it) and the slivers where some cell with text has its origin; slivers come from double
  // rules and rules that miss each other by a point or two
  const keepRow = lat.ys.slice(0, -1).map((y, r) => lat.ys[r + 1]! - y >= minSize);
  const keepCol = lat.xs.slice(0, -1).map((x, c) => lat.xs[c + 1]! - x >= minSize);
  for (const o of cellTokens.keys()) {
    keepRow[Math.floor(o / nc)] = true;
    keepCol[o % nc] = true;
  }
  const rowMap: number[] = [];
  const colMap: number[] = [];
  let k = 0;
  for (let r = 0; r < nr; r++) rowMap.push(keepRow[r] ? k++ : -1);
  k = 0;
  for (let c = 0; c < nc; c++) colMap.push(keepCol[c] ? k++ : -1);
  const rows: GridCell[][] = [];
  for (let r = 0; r < nr; r++) {
    if (rowMap[r]! < 0) continue;
    const row: GridCell[] = [];
    for (let c = 0; c < nc; c++) {
      if (colMap[c]! < 0) continue;
      const o = originOf[id(r, c)]!;
      const [r0, c0, r1, c1] = span(o);
      let or = r0;
      let oc = c0;
      // the origin may sit in a dropped row/column: the first kept one stands in for it
      while (or < r1 && rowMap[or]! < 0) or++;
      while (oc < c1 && colMap[oc]! < 0) oc++;
      if (r === or && c === oc) {
        const toks = cellTokens.get(o) ?? [];
        const box: Box = { x0: lat.xs[c0]!, y0: lat.ys[r0]!, x1: lat.xs[c1 + 1]!, y1: lat.ys[r1 + 1]! };
        const cell: GridCell = { text: cellText(toks, settings), page, box };
        const textBox = boxOf(toks);
        if (textBox) cell.textBox = textBox;
        let rs = 0;
        for (let q = r0; q <= r1; q++) if (rowMap[q]! >= 0) rs++;
        let cs = 0;
        for (let q = c0; q <= c1; q++) if (colMap[q]! >= 0) cs++;
        if (rs > 1) cell.rowSpan = rs;
        if (cs > 1) cell.colSpan = cs;
        if (toks.length && toks.every((t) => t.bold)) cell.bold = true;
        row.push(cell);
      } else {
        row.push({ text: '', page, mergedFrom: [rowMap[or]!, colMap[oc]!] });
      }
    }
    rows.push(row);
  }
  return { rows, method, page_first: page, page_last: page, rowPages: rows.map(() => page) };
}
