// A 4 that a 1-bit scan's threshold thinned to its stem reads 1 (497.53 read 197.53, 4212300 read
// 1212300), and the cells that copy it (a parent over its only child, a total over its only part)
// lose it alike, so their copy identities hold and pin nothing (index.ts, copies.ts). The loss
// goes one way only: a threshold takes ink away, it never draws a 4's cross-stroke, so a read 4 is
// printed and a read 1 may be a 4. A failing in-table sum (total = Σ parts) then says where: when
// the parts sum to less than the total, a part lost a 4; when to more, the total did. The cell
// is taken when it is the only one on that side of the sum that, with one or two of its 1s read
// back as 4s, makes the sum hold (within its rounding tolerance), and that reading is the only
// such one of the cell; the cells of its copy chain (held copy identities, in the table or across
// OCR'd tables) that read the same text take the value with it. The readings every failing sum so
// tells are tried together first (two cells that lost a 4 each break a sum that held between
// them), then one by one. Verified like every repair: fewer checks fail, nothing new fails
// (a cross-table copy read right would object), and a failing sum a cell stays in is no further
// off than before. So too a figure two OCR'd tables print (a cross-table identity that fails) read
// with a 4 in one and a 1 in the other, and nothing else apart: the 1 is the 4 thinned, the cell
// and its copies read alike take the figure with the 4. Flagged ocr_repaired; checks.csv says
// `a 4 read as 1`.
import { Decimal } from 'decimal.js';
import type { CheckResult, DocumentRecord } from '../../model/types.js';
import { identityChecks } from '../checks/index.js';
import type { IdentityStats } from '../checks/verify.js';
import { maxDp } from '../checks/compare.js';
import { tolerance } from '../checks/tolerance.js';
import { off, ocrSum, strokeLostAmount } from './copies.js';
import { keepValue, keyOf, OCR_REPAIRED, printedText, setValue, type OcrRepair } from './index.js';

/** the values `read` (a printed amount) stands for with one or two of its 1s read back as 4s */
function fourReadings(read: string): string[] {
  const t = read.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return [];
  const ones = [...t].map((c, i) => (c === '1' ? i : -1)).filter((i) => i >= 0);
  const out: string[] = [];
  const put = (idx: number[]): void => {
    const a = [...t];
    for (const i of idx) a[i] = '4';
    out.push(a.join(''));
  };
  for (let x = 0; x < ones.length; x++) {
    put([ones[x]!]);
    for (let y = x + 1; y < ones.length; y++) put([ones[x]!, ones[y]!]);
  }
  return out;
}

/** One cell (with its copies) whose lost 4 a failing sum tells (see the head of this file), set
 *  and verified; the repairs, or undefined. `tried`: cells=value tried before. */
export function strokeLoss(doc: DocumentRecord, ocrTables: Set<string>, tableDp: Map<string, number>, tried: Set<string>): OcrRepair[] | undefined {
  const stats: IdentityStats = { evaluated: 0, heldSums: [] };
  const before = identityChecks(doc, stats).filter((c) => c.severity !== 'info');
  const inTable = ocrSum(doc, ocrTables);
  const failing = before.filter((c) => inTable(c) && !c.subject.includes('printed several times'));
  // two OCR'd tables that print one figure and read it apart (本年支出合计 and the 支出表's 合计)
  const pair = (c: CheckResult): boolean => c.check_id === 'cross_table_total' && c.factRefs?.length === 2 && c.factRefs[0] !== c.factRefs[1] && c.factRefs.every((r) => ocrTables.has(doc.facts[r]!.table_id));
  const apart = before.filter(pair);
  if (!failing.length && !apart.length) return undefined;
  const nonZero = (r: number): boolean => !doc.facts[r]!.value.isZero();
  const fixed = (r: number): boolean => ['corrected', 'confirmed', OCR_REPAIRED].some((x) => doc.facts[r]!.flags.includes(x));
  // copy chains: cells joined by held copy identities (two non-zero cells, the total one of them)
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    const p = parent.get(i) ?? i;
    if (p === i) return i;
    const r = find(p);
    parent.set(i, r);
    return r;
  };
  // (and a cross-table copy: the same figure in two OCR'd tables, 本年支出合计 and the 支出表's 合计)
  const crossCopy = (h: { check_id: string; factRefs: number[] }): boolean => h.check_id === 'cross_table_total' && h.factRefs.length === 2 && h.factRefs.every((r) => ocrTables.has(doc.facts[r]!.table_id));
  for (const h of stats.heldSums!.filter((x) => inTable(x) || crossCopy(x))) {
    const refs = h.factRefs.filter(nonZero);
    if (refs.length !== 2 || !nonZero(h.factRefs[0]!)) continue;
    const [a, b] = refs.map(find) as [number, number];
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  const chainOf = (r: number): number[] => {
    const root = find(r);
    const text = printedText(doc, doc.facts[r]!);
    return [...new Set([r, ...[...parent.keys()].filter((q) => find(q) === root)])].filter((q) => q === r || (printedText(doc, doc.facts[q]!) === text && doc.facts[q]!.value.eq(doc.facts[r]!.value)));
  };
  const beforeKeys = new Map(before.map((c) => [keyOf(c), c]));
  // each failing sum's one reading, with its copies
  const found: { cells: number[]; value: Decimal; read: string; subject: string }[] = [];
  for (const c of failing) {
    const refs = c.factRefs!;
    const total = doc.facts[refs[0]!]!;
    const parts = refs.slice(1);
    const gap = total.value.minus(parts.reduce((a, r) => a.plus(doc.facts[r]!.value), new Decimal(0)));
    if (gap.isZero()) continue;
    const tol = tolerance(refs.filter(nonZero).length - 1, maxDp(refs.map((r) => doc.facts[r]!), tableDp));
    // the side that read low: the parts when they sum to less, else the total
    const side = gap.gt(0) ? parts : [refs[0]!];
    const need = gap.abs();
    const hits: { cell: number; value: Decimal; read: string }[] = [];
    for (const r of side) {
      if (fixed(r) || !nonZero(r)) continue;
      const f = doc.facts[r]!;
      const read = printedText(doc, f);
      const values = fourReadings(read).map((v) => new Decimal(v)).filter((v) => v.minus(f.value).minus(need).abs().lte(tol));
      for (const value of values) hits.push({ cell: r, value, read });
    }
    if (hits.length !== 1) continue;
    const { cell, value, read } = hits[0]!;
    found.push({ cells: chainOf(cell).filter((q) => !fixed(q)), value, read, subject: c.subject });
  }
  // a copy in another table that reads the figure with a 4 where this one reads 1: the 4 is printed
  for (const c of apart) {
    const [a, b] = c.factRefs as [number, number];
    const [ta, tb] = [printedText(doc, doc.facts[a]!), printedText(doc, doc.facts[b]!)];
    const [low, high, read] = strokeLostAmount(tb, ta) ? [b, a, tb] : strokeLostAmount(ta, tb) ? [a, b, ta] : [];
    if (low === undefined || high === undefined || fixed(low)) continue;
    found.push({ cells: chainOf(low).filter((q) => !fixed(q)), value: doc.facts[high]!.value, read: read!, subject: c.subject });
  }
  // all of them together first (two cells off by a lost 4 each break a sum that holds between
  // them: 合计 = Σ 类 with 合计 and a 类 both read low), then each alone
  const clash = new Set<number>();
  const want = new Map<number, string>();
  for (const x of found) for (const q of x.cells) {
    if (want.has(q) && want.get(q) !== x.value.toFixed()) clash.add(q);
    want.set(q, x.value.toFixed());
  }
  const together = found.filter((x) => !x.cells.some((q) => clash.has(q)));
  const trials = [...(together.length > 1 ? [together] : []), ...found.map((x) => [x])];
  for (const trial of trials) {
    const sets = new Map<number, (typeof found)[number]>();
    for (const x of trial) for (const q of x.cells) sets.set(q, x);
    const id = [...sets.entries()].map(([q, x]) => `${q}=${x.value.toFixed()}`).sort().join(',');
    if (tried.has(id)) continue;
    tried.add(id);
    const undo = [...sets.keys()].map((q) => keepValue(doc.facts[q]!));
    for (const [q, x] of sets) {
      const f = doc.facts[q]!;
      setValue(f, x.value, f.scale !== undefined ? Math.max(f.scale, x.value.decimalPlaces()) : undefined);
    }
    const after = identityChecks(doc).filter((x) => x.severity !== 'info');
    const ok = after.length < before.length && after.every((x) => {
      const b = beforeKeys.get(keyOf(x));
      if (!b) return false;
      if (!(x.factRefs ?? []).some((r) => sets.has(r))) return true;
      // a failing sum a cell stays in (another cell of it misread) comes nearer
      const [p, q] = [off(x), off(b)];
      return !!p && !!q && p.lt(q);
    });
    if (!ok) {
      for (const u of undo) u();
      continue;
    }
    return [...sets.entries()].map(([q, x]) => {
      const f = doc.facts[q]!;
      f.flags.push(OCR_REPAIRED);
      return { fact: q, table_id: f.table_id, printed: x.read, corrected: f.value.toFixed(f.scale ?? tableDp.get(f.table_id) ?? 0), confusion: x.cells.length > 1 ? 'a 4 read as 1, its copies alike' : 'a 4 read as 1', identities: [x.subject] };
    });
  }
  return undefined;
}
