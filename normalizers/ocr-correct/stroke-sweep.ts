// The 4s (and 5s) a scan thinned, set right table by table. A 1-bit or thin print loses the
// cross-stroke of every 4 alike, in every copy of a figure: 205 = 20508 = 2050803, three columns
// each, all read 1.70 for 4.70, and 210's chain read 11870.93 for 14870.93. Every copy identity of
// such chains holds; only the sums over several chains fail (合计 = Σ 类), and setting them right
// takes dozens of cells at once, far more than the search of reread.ts changes together. The
// glyphs tell them (extractors/ocr/stroke-remnants.ts: the `strokes` reading of a cell, its 1s
// and 3s that show what a threshold leaves of a 4 or a 5). So, where the cells' own readings leave
// sums failing, every cell of a table whose glyphs show such remnants is given its `strokes`
// reading at once, and the set is taken only as the identities allow:
// - a cell whose reading breaks a sum that held leaves the set (with it the cells that then break
//   one: a chain's cells go or stay together), as does one in a failing sum its reading takes
//   further off, unless that sum is a copy (two non-zero cells) whose other cell reads the new
//   figure with its 4s as 1s and its 5s as 3s: that copy joins the set with the figure (the glyphs
//   of some copies show too little; their sums tell); and every group of cells (joined by sums that
//   hold with their readings) that makes no failing sum hold leaves: a reading the sums do not ask
//   for is not taken;
// - what is left is taken when it makes two failing sums hold at least, fewer checks fail, nothing
//   new fails, and a failing sum left on a changed cell is closer than before.
// Each cell taken carries `ocr_repaired` and an `ocr_repaired` row in checks.csv (how `strokes`).
import type { Decimal } from 'decimal.js';
import type { CheckResult, DocumentRecord } from '../../model/types.js';
import { identityChecks } from '../checks/index.js';
import type { IdentityStats } from '../checks/verify.js';
import { cellChains, off } from './copies.js';
import { keepValue, keyOf, OCR_REPAIRED, PINNING, printedText, setValue, settled, type OcrRepair } from './index.js';

/** rounds of dropping the cells that break a sum (and joining the copies that read thinned alike), before a table's set is given up */
const MAX_ROUNDS = 24;

/** how many characters `a` and `b` (as printed, separators aside) differ in; -1: not alike in shape */
function changedDigits(a: string, b: string): number {
  const x = a.replace(/[,\s]/g, ''), y = b.replace(/[,\s]/g, '');
  if (x.length !== y.length || x.indexOf('.') !== y.indexOf('.')) return -1;
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) n++;
  return n;
}

/** Per cell, the `strokes` reading that changes the most digits (every remnant at once). */
function strokeReadings(d: DocumentRecord, alts: Map<number, Decimal[]>, how: Map<string, string[]>): Map<number, Decimal> {
  const out = new Map<number, Decimal>();
  for (const [cell, values] of alts) {
    const f = d.facts[cell]!;
    if (settled(f)) continue;
    const printed = printedText(d, f);
    let best: { v: Decimal; n: number } | undefined;
    for (const v of values) {
      if (!(how.get(`${cell}|${v.toFixed()}`) ?? []).includes('strokes')) continue;
      const n = changedDigits(printed, v.toFixed(f.scale ?? 0));
      if (n > 0 && (!best || n > best.n)) best = { v, n };
    }
    if (best) out.set(cell, best.v);
  }
  return out;
}

/** Whether `read` (as printed) is `value` (as the table prints it) with some of its 4s read 1 and
 *  its 5s read 3, and nothing else changed: the strokes a thin print loses. */
function thinned(read: string, value: string): boolean {
  const x = read.replace(/[,\s]/g, ''), y = value.replace(/[,\s]/g, '');
  if (x.length !== y.length || x === y) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && !((x[i] === '1' && y[i] === '4') || (x[i] === '3' && y[i] === '5'))) return false;
  return true;
}

/** Set the `strokes` readings (`alts`, `how`: reread.ts) of the cells of each OCR'd table with
 *  failing sums, as the head of this file says; returns the repairs (the cells taken leave `alts`). */
export function sweepStrokes(d: DocumentRecord, alts: Map<number, Decimal[]>, how: Map<string, string[]>): OcrRepair[] {
  const ocrTables = new Set(d.tables.filter((t) => t.method === 'ocr').map((t) => t.table_id));
  const readings = strokeReadings(d, alts, how);
  const out: OcrRepair[] = [];
  for (const table of [...new Set([...readings.keys()].map((c) => d.facts[c]!.table_id))].sort()) {
    if (!ocrTables.has(table)) continue;
    const before = identityChecks(d).filter((c) => c.severity !== 'info');
    const beforeGap = new Map(before.map((c) => [keyOf(c), off(c)]));
    const failingBefore = new Set(before.filter((c) => PINNING.has(c.check_id)).map(keyOf));
    if (!before.some((c) => c.table_id === table && failingBefore.has(keyOf(c)))) continue;
    // the cells set and their values: the glyphs' readings, and the copies that read them thinned alike
    const value = new Map([...readings].filter(([c]) => d.facts[c]!.table_id === table));
    const dropped = new Set<number>();
    for (let round = 0; round < MAX_ROUNDS && value.size; round++) {
      const set = [...value.keys()].sort((a, b) => a - b);
      const on = new Set(set);
      const restore = set.map((c) => keepValue(d.facts[c]!));
      const printed = set.map((c) => printedText(d, d.facts[c]!));
      for (const c of set) setValue(d.facts[c]!, value.get(c)!, d.facts[c]!.scale === undefined ? undefined : Math.max(d.facts[c]!.scale!, value.get(c)!.decimalPlaces()));
      const stats: IdentityStats = { evaluated: 0, heldSums: [] };
      const after = identityChecks(d, stats).filter((c) => c.severity !== 'info');
      const mine = (c: { factRefs?: number[] }): number[] => (c.factRefs ?? []).filter((r) => on.has(r));
      // sums broken or taken further off: a copy of a cell set (a sum over two non-zero cells)
      // that reads its new figure thinned alike joins the set; otherwise the cells set in it leave
      const further = (c: CheckResult): boolean => {
        const was = beforeGap.get(keyOf(c)), now = off(c);
        return !was || !now || !now.lt(was);
      };
      const bad = after.filter((c) => mine(c).length && (!beforeGap.has(keyOf(c)) || further(c)));
      const copyOf = (c: CheckResult): number | undefined => {
        const cells = [...new Set(c.factRefs ?? [])].filter((r) => !d.facts[r]!.value.isZero());
        const other = cells.find((r) => !on.has(r));
        return cells.length === 2 && mine(c).length === 1 && other !== undefined && !dropped.has(other) && !settled(d.facts[other]!) ? other : undefined;
      };
      const thinnedCopy = (c: CheckResult): boolean => {
        const other = copyOf(c);
        if (other === undefined) return false;
        const f = d.facts[other]!;
        return thinned(printedText(d, f), d.facts[mine(c)[0]!]!.value.toFixed(f.scale ?? 0));
      };
      const drop = new Set(bad.filter((c) => !thinnedCopy(c)).flatMap(mine));
      const join = new Map<number, Decimal>();
      for (const c of bad) if (thinnedCopy(c) && !drop.has(mine(c)[0]!)) join.set(copyOf(c)!, d.facts[mine(c)[0]!]!.value);
      // groups of cells joined by the sums that hold: each must make a failing sum hold
      const afterKeys = new Set(after.map(keyOf));
      const fixedSums = before.filter((c) => failingBefore.has(keyOf(c)) && !afterKeys.has(keyOf(c)));
      if (!drop.size && !join.size) {
        const chains = cellChains();
        for (const h of stats.heldSums!) {
          const refs = mine(h);
          for (const r of refs.slice(1)) chains.join(refs[0]!, r);
        }
        const asked = new Set(fixedSums.flatMap(mine).map(chains.find));
        for (const c of set) if (!asked.has(chains.find(c))) drop.add(c);
      }
      if (!drop.size && !join.size) {
        const ok = fixedSums.length >= 2 && after.length < before.length && after.every((c) => beforeGap.has(keyOf(c)));
        if (!ok) {
          for (const undo of restore) undo();
          break;
        }
        set.forEach((c, k) => {
          const f = d.facts[c]!;
          f.flags.push(OCR_REPAIRED);
          out.push({
            fact: c, table_id: f.table_id, printed: printed[k]!, corrected: f.value.toFixed(f.scale ?? 0),
            confusion: readings.has(c)
              ? 'its glyphs show the strokes a thin print lost (1 for 4, 3 for 5), set with every such cell of the table'
              : 'the figure of a copy whose glyphs show the strokes a thin print lost, read thinned alike',
            identities: fixedSums.filter((s) => mine(s).length).map((s) => s.subject),
            how: 'strokes',
          });
          alts.delete(c);
        });
        break;
      }
      for (const undo of restore) undo();
      for (const c of drop) {
        value.delete(c);
        dropped.add(c);
      }
      for (const [c, v] of join) value.set(c, v);
    }
  }
  return out;
}
