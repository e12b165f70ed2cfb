// The unruled strategy: tables set with white space only. A table region is a run of lines that
// break into several segments at wide gaps; columns come from the gutters between the body lines'
// segments (right-aligned numbers overlap at their right edge, so a column's values form one
// interval); rows come from clustering lines around the lines that carry amounts.
import type { RawGrid, Token } from '../../model/types.js';
import { buildGrid, slot, type Lattice } from './grid.js';
import { LEADER, segments, type Line } from './lines.js';
import { clusterRows } from './rows.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from './settings.js';
import { cx, isAmount, isNumeric } from './text.js';

/** A line's cells: segments at gaps wider than `unruled.cellGap`, or between two figures (right-
 *  aligned numbers in adjacent columns) at narrower ones (`unruled.figureGap`). */
export function cellSegments(l: Line, settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Token[][] {
  return segments(l, settings.unruled.cellGap, settings.unruled.figureGap);
}

export interface UnruledTable {
  lines: Line[];
  grid: RawGrid;
}

function tabular(l: Line, settings: LayoutSettings): boolean {
  const segs = cellSegments(l, settings);
  return segs.length >= settings.unruled.tabularCells || (segs.length >= 2 && l.tokens.some((t) => isNumeric(t.text)));
}

/** Find runs of tabular lines among free lines (top to bottom); returns index ranges. */
export function findUnruledRuns(lines: readonly Line[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): [number, number][] {
  const s = settings.unruled;
  const tab = lines.map((l) => tabular(l, settings));
  const runs: [number, number][] = [];
  let i = 0;
  while (i < lines.length) {
    if (!tab[i]) {
      i++;
      continue;
    }
    let j = i;
    // extend over up to three untabular lines (wrapped names, labels) to the next tabular line
    for (;;) {
      let k = 1;
      let found = -1;
      for (; k <= s.bridgeLines && j + k < lines.length; k++) {
        if (!close(lines[j + k - 1]!, lines[j + k]!, k === 1 && tab[j + k] ? s.bridgeGapTabular : s.bridgeGap)) break;
        if (tab[j + k]) {
          found = j + k;
          break;
        }
      }
      if (found < 0) break;
      j = found;
    }
    // a wrapped name's last fragment may close the run
    const after = lines[j + 1];
    if (after && !tab[j + 1] && cellSegments(after, settings).length === 1 && after.box.y0 - lines[j]!.box.y1 < after.size * s.tailGap) {
      // only when it sits inside the table's width and is not a note starting at its left edge
      const left = Math.min(...lines.slice(i, j + 1).map((l) => l.box.x0));
      const right = Math.max(...lines.slice(i, j + 1).map((l) => l.box.x1));
      if (after.box.x0 > left + after.size * s.tailIndent && after.box.x1 - after.box.x0 < (right - left) * s.tailWidth) j++;
    }
    // a table needs two lines of amounts set apart from other cells, or three lines of three or
    // more cells (a header-only table); justified prose with a wide gap is neither
    const run = lines.slice(i, j + 1);
    const amountLines = run.filter((l) => cellSegments(l, settings).length >= 2 && l.tokens.some((t) => isAmount(t.text))).length;
    const wideLines = run.filter((l) => cellSegments(l, settings).length >= s.tabularCells).length;
    if (amountLines >= s.minAmountLines || wideLines >= s.minWideLines) runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

function close(a: Line, b: Line, factor: number): boolean {
  return b.box.y0 - a.box.y1 <= Math.max(a.size, b.size) * factor;
}

export function unruledGrid(lines: readonly Line[], page: number, settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): RawGrid | undefined {
  const s = settings.unruled;
  if (lines.length === 0) return undefined;
  // the body starts at the first line of amounts (header lines print years and column numbers);
  // a table of counts only starts at its first line with a number
  let firstBody = lines.findIndex((l) => l.tokens.some((t) => isAmount(t.text)));
  if (firstBody < 0) firstBody = lines.findIndex((l) => l.tokens.some((t) => isNumeric(t.text)));
  const head = firstBody < 0 ? [] : lines.slice(0, firstBody);
  const body = firstBody < 0 ? [...lines] : lines.slice(firstBody);
  // columns: merged x-intervals of the body lines' segments, then header segments that fall in no
  // body column (a column empty in every body row)
  const intervals: [number, number][] = [];
  // single-segment lines (a wrapped name's tail, a note) say nothing about the gutters
  // the narrowest gap that separates two cells on one line: intervals are never merged across a
  // gap that wide (a typewriter table puts one space between its columns)
  let minGap = Infinity;
  for (const l of body) {
    const segs = cellSegments(l, settings);
    if (segs.length < 2) continue;
    for (let k = 0; k < segs.length; k++) {
      intervals.push([segs[k]![0]!.box.x0, segs[k]!.at(-1)!.box.x1]);
      if (k > 0) minGap = Math.min(minGap, segs[k]![0]!.box.x0 - segs[k - 1]!.at(-1)!.box.x1);
    }
  }
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const tol = sizes[sizes.length >> 1] ?? settings.lines.fallbackFontSize;
  const mergeTol = Math.min(tol * s.columnJoin, minGap * s.gutterShare);
  const cols = mergeIntervals(intervals, mergeTol);
  for (const l of head) {
    for (const t of l.tokens) {
      const a = t.box.x0;
      const b = t.box.x1;
      const hit = cols.filter(([p, q]) => q > a && p < b);
      if (hit.length === 0) cols.push([a, b]);
      else if (hit.length === 1) {
        // a header wider than its column's values (a centred 栏次 number) widens the column
        const col = hit[0]!;
        const lo = Math.min(col[0], a);
        const hi = Math.max(col[1], b);
        // but never into a neighbour (科目编码 over 类/款/项 is a spanning header)
        if (!cols.some((o) => o !== col && o[1] + tol > lo && o[0] - tol < hi)) {
          col[0] = lo;
          col[1] = hi;
        }
      }
    }
  }
  cols.sort((p, q) => p[0] - q[0]);
  const merged = mergeIntervals(cols, mergeTol);
  if (merged.length < 2) return undefined;
  const xs = [merged[0]![0] - 1];
  for (let k = 1; k < merged.length; k++) xs.push((merged[k - 1]![1] + merged[k]![0]) / 2);
  xs.push(merged.at(-1)![1] + 1);
  const colOf = (t: Token): number => slot(xs, cx(t.box));

  // rows: header lines one row each (a wrapped header line joins the one above), body by clustering
  const rows: Line[][] = [];
  for (const l of head) {
    const last = rows.at(-1);
    const prev = last?.at(-1);
    if (last && prev && l.box.y0 - prev.box.y1 < l.size * s.headerWrapGap && !spans(prev, xs, s.spanTrim) && !spans(l, xs, s.spanTrim)) last.push(l);
    else rows.push([l]);
  }
  const headRows = rows.length;
  rows.push(...clusterRows(body, colOf, settings));
  const rowOf = new Map<Token, number>();
  rows.forEach((g, r) => g.forEach((l) => l.tokens.forEach((t) => rowOf.set(t, r))));
  // a token that runs across a column boundary spans those columns (words set close together in
  // narrow header cells are separate tokens and stay in their own columns)
  const spanning = rows.map((g, r) => {
    const cut = new Set<number>();
    if (r >= headRows) return cut; // a long name running past its gutter in the body is no span
    for (const l of g) {
      for (const t of l.tokens) {
        const pad = t.fontSize * s.spanTrim;
        const c0 = slot(xs, t.box.x0 + pad);
        const c1 = slot(xs, t.box.x1 - pad);
        for (let c = c0 + 1; c <= c1; c++) cut.add(c);
      }
    }
    return cut;
  });
  const ys: number[] = [];
  rows.forEach((g) => ys.push(Math.max(ys.at(-1) ?? -Infinity, Math.min(...g.map((l) => l.box.y0)))));
  ys.push(Math.max(...lines.map((l) => l.box.y1)));
  const lat: Lattice = {
    xs,
    ys,
    vEdge: (r, c) => !spanning[r]!.has(c),
    hEdge: () => true,
  };
  // dot leaders (Proportion......  800) lead the eye to the next column: they are no content
  const tokens: Token[] = [];
  const home = new Map<Token, Token>();
  for (const t of lines.flatMap((l) => l.tokens)) {
    const text = t.text.replace(LEADER, '');
    if (!text) continue;
    const k = text === t.text ? t : { ...t, text };
    home.set(k, t);
    tokens.push(k);
  }
  return buildGrid(
    lat,
    tokens,
    page,
    'unruled',
    (k) => {
      const t = home.get(k) ?? k;
      return [rowOf.get(t) ?? 0, colOf(t)];
    },
    settings,
  );
}

function spans(l: Line, xs: number[], trim: number): boolean {
  return l.tokens.some((t) => slot(xs, t.box.x0 + t.fontSize * trim) !== slot(xs, t.box.x1 - t.fontSize * trim));
}

function mergeIntervals(list: [number, number][], tol = 0): [number, number][] {
  const sorted = [...list].sort((p, q) => p[0] - q[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a < last[1] + tol) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
