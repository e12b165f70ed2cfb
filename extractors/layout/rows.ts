// Logical rows from physical lines where no rule separates them. Lines that carry amounts are
// anchors; every other line (a wrapped name's continuation, a summary label printed under its
// numbers, a name printed over its numbers) joins the neighbouring anchor whose cells it fills:
// the one with nothing in its columns, else the nearer one.
import type { Token } from '../../model/types.js';
import type { Line } from './lines.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from './settings.js';
import { cy, isAmount, isNumeric } from './text.js';

export type ColumnOf = (t: Token) => number;

function centre(l: Line): number {
  return cy(l.box);
}

/** Group lines (top to bottom) into logical rows. */
export function clusterRows(lines: readonly Line[], colOf: ColumnOf, settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Line[][] {
  const s = settings.rows;
  if (lines.length <= 1) return lines.map((l) => [l]);
  let anchorIdx = lines.map((l, i) => (l.tokens.some((t) => isAmount(t.text)) ? i : -1)).filter((i) => i >= 0);
  if (anchorIdx.length === 0) {
    anchorIdx = lines.map((l, i) => (l.tokens.some((t) => isNumeric(t.text)) ? i : -1)).filter((i) => i >= 0);
  }
  if (anchorIdx.length === 0) return lines.map((l) => [l]);
  // two amount lines closer than a line height, with amounts in different columns, are one row
  // set on two baselines (totals on the code line, the split columns on the name line)
  const joinedTo = new Map<number, number>();
  for (let k = 1; k < anchorIdx.length; k++) {
    const p = anchorIdx[k - 1]!;
    const q = anchorIdx[k]!;
    const root = joinedTo.get(p) ?? p;
    const lp = lines[p]!;
    const lq = lines[q]!;
    if (centre(lq) - centre(lp) >= Math.min(lp.size, lq.size) * s.baselineJoin) continue;
    const cp = new Set(lp.tokens.filter((t) => isAmount(t.text)).map(colOf));
    if (lq.tokens.some((t) => isAmount(t.text) && cp.has(colOf(t)))) continue;
    joinedTo.set(q, root);
  }
  const groups = new Map<number, Line[]>();
  const cols = new Map<number, Set<number>>();
  for (const i of anchorIdx) {
    const root = joinedTo.get(i);
    if (root !== undefined) {
      groups.get(root)!.push(lines[i]!);
      for (const t of lines[i]!.tokens) cols.get(root)!.add(colOf(t));
      continue;
    }
    groups.set(i, [lines[i]!]);
    cols.set(i, new Set(lines[i]!.tokens.map(colOf)));
  }
  const pitch = medianPitch(anchorIdx.map((i) => centre(lines[i]!)), lines[0]!.size, s.defaultPitch);
  const reach = Math.max(pitch * s.pitchReach, lines[0]!.size * s.minReach);
  const singles: Line[][] = [];
  let a = -1; // index into anchorIdx of the last anchor above
  for (let i = 0; i < lines.length; i++) {
    if (a + 1 < anchorIdx.length && anchorIdx[a + 1] === i) {
      a++;
      continue;
    }
    const line = lines[i]!;
    const above = a >= 0 ? anchorIdx[a]! : -1;
    const below = a + 1 < anchorIdx.length ? anchorIdx[a + 1]! : -1;
    const y = centre(line);
    const da = above >= 0 ? y - centre(lines[above]!) : Infinity;
    const db = below >= 0 ? centre(lines[below]!) - y : Infinity;
    const mine = new Set(line.tokens.map(colOf));
    const fills = (k: number): boolean => {
      const c = cols.get(joinedTo.get(k) ?? k)!;
      for (const m of mine) if (c.has(m)) return false;
      return true;
    };
    let pick = -1;
    // a line with its own code is a row of its own when the neighbour already has that column
    const coded = line.tokens.some((t) => isNumeric(t.text));
    const okA = da <= reach && !(coded && !fills(above));
    const okB = db <= reach && !(coded && !fills(below));
    if (okA && okB) {
      const fa = fills(above);
      const fb = fills(below);
      if (fa && !fb) pick = above;
      else if (fb && !fa) pick = below;
      else pick = db < da * s.preferBelow ? below : above;
    } else if (okA) pick = above;
    else if (okB) pick = below;
    if (pick >= 0) {
      pick = joinedTo.get(pick) ?? pick;
      groups.get(pick)!.push(line);
      for (const m of mine) cols.get(pick)!.add(m);
    } else singles.push([line]);
  }
  // rows without amounts printed on two close baselines (codes on one, names on the other)
  singles.sort((p, q) => centre(p[0]!) - centre(q[0]!));
  const merged: Line[][] = [];
  for (const g of singles) {
    const prev = merged.at(-1);
    const a = prev?.at(-1);
    const b = g[0]!;
    if (prev && a && centre(b) - centre(a) < Math.min(a.size, b.size) * s.baselineJoin) {
      const used = new Set(prev.flatMap((l) => l.tokens.map(colOf)));
      if (!b.tokens.some((t) => used.has(colOf(t)))) {
        prev.push(b);
        continue;
      }
    }
    merged.push(g);
  }
  const out = [...groups.values(), ...merged];
  for (const g of out) g.sort((p, q) => centre(p) - centre(q));
  return out.sort((p, q) => centre(p[0]!) - centre(q[0]!));
}

function medianPitch(centres: number[], size: number, defaultPitch: number): number {
  const d: number[] = [];
  for (let i = 1; i < centres.length; i++) d.push(centres[i]! - centres[i - 1]!);
  if (d.length === 0) return size * defaultPitch;
  d.sort((p, q) => p - q);
  return d[d.length >> 1]!;
}
