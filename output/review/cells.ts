// Which grid cells to highlight: a flagged fact is placed on the grid row that prints its label or
// code and on the cell of that row that prints its value (the CSV output has no cell coordinates).
import { Decimal } from 'decimal.js';
import type { Row } from '../diff/read.js';

interface CellMark { flags: Set<string>; notes: Set<string> }

const squash = (s: string) => s.replace(/\s+/g, '');

function num(s: string): Decimal | undefined {
  const t = squash(s).replace(/,/g, '').replace(/^-$/, '0');
  if (!/^-?\d+(\.\d+)?%?$/.test(t)) return undefined;
  return new Decimal(t.replace(/%$/, ''));
}

/** "r,c" → mark, for the flagged facts of one table (grid row 0 is the header). */
export function markCells(grid: string[][], facts: Row[], checks: Row[]): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  const byId = new Map<string, string[]>();
  for (const c of checks) (byId.get(c.check_id!) ?? byId.set(c.check_id!, []).get(c.check_id!)!).push(c.message ?? '');
  for (const f of facts) {
    const flags = (f.flags ?? '').split(';').filter(Boolean);
    if (!flags.length) continue;
    const item = squash(f.item ?? '');
    const code = f.code ?? '';
    let value: Decimal;
    try { value = new Decimal(f.value ?? ''); } catch { continue; }
    const rows = grid.map((r, i) => [r, i] as const).filter(([r, i]) => i > 0 && r.some((c) => { const s = squash(c); return (item && s === item) || (code && f.code_source === 'printed' && s === code); }));
    for (const [r, i] of rows) {
      const j = r.findIndex((c) => { const v = num(c); return v !== undefined && v.eq(value); });
      if (j < 0) continue;
      const key = `${i},${j}`;
      const m = marks.get(key) ?? { flags: new Set<string>(), notes: new Set<string>() };
      for (const fl of flags) {
        m.flags.add(fl);
        for (const msg of (byId.get(fl) ?? []).slice(0, 2)) m.notes.add(msg);
      }
      marks.set(key, m);
      break;
    }
  }
  return marks;
}
