// Forms that the text extractor cut into several candidates. The one-cell-per-line dump (seed 001)
// wraps long cells onto lines without the leading tab (`⇥全年` / `完成值`), and the extractor ends the
// grid there, so a form arrives as a titled candidate followed by untitled fragments whose `before`
// lines are the wrapped text. Stitch them back: a wrapped line joins the last cell when the next
// fragment continues the same row, else it is a cell of its own (a spilled 改进措施 cell).
import type { GridCell } from '../../model/types.js';
import type { TableCandidate } from '../tables/locate.js';

const HEADING = /^(第.部分|[一二三四五六七八九十]+、|附件|[(（][一二三四五六七八九十]+[)）])/;

function isFragment(c: TableCandidate): boolean {
  if (c.title !== '') return false;
  if (c.before.length > 3) return false;
  return c.before.every((t) => t.trim().length <= 300 && !HEADING.test(t.trim()));
}

function width(rows: GridCell[][]): number {
  return Math.max(0, ...rows.map((r) => r.length));
}

/** Join a form candidate with the fragments that follow it; returns the stitched candidate and how
 *  many candidates it consumed. */
export function stitchForm(cands: TableCandidate[], start: number, isForm: (c: TableCandidate) => boolean): { cand: TableCandidate; used: number } {
  const first = cands[start]!;
  let used = 1;
  const frags: TableCandidate[] = [];
  while (start + used < cands.length) {
    const c = cands[start + used]!;
    if (isForm(c) || !isFragment(c)) break;
    frags.push(c);
    used++;
  }
  if (!frags.length) return { cand: first, used };
  const rows: GridCell[][] = first.grid.rows.map((r) => r.map((c) => ({ ...c })));
  const w = Math.max(width(rows), ...frags.map((f) => width(f.grid.rows)));
  const notes = [...(first.grid.notes ?? [])];
  for (const f of frags) {
    const last = rows[rows.length - 1] ?? [];
    const next = f.grid.rows[0] ?? [];
    const sameRow = last.length + next.length <= w + 1;
    const wrapped = f.before.filter((t) => t.trim() !== '');
    if (sameRow) {
      const cell = last[last.length - 1];
      if (cell) cell.text = cell.text + wrapped.join('');
      last.push(...next.map((c) => ({ ...c })));
      rows.push(...f.grid.rows.slice(1).map((r) => r.map((c) => ({ ...c }))));
    } else {
      for (const t of wrapped) last.push({ text: t });
      rows.push(...f.grid.rows.map((r) => r.map((c) => ({ ...c }))));
    }
    notes.push(`stitched a fragment after wrapped text ${JSON.stringify(wrapped.join(' ').slice(0, 20))}`);
  }
  const { rowPages: _drop, ...grid } = first.grid;
  const last = frags[frags.length - 1]!;
  const page_last = last.grid.page_last ?? last.page ?? first.grid.page_last;
  return { cand: { ...first, grid: { ...grid, rows, notes, ...(page_last !== undefined ? { page_last } : {}) } }, used };
}
