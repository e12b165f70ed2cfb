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
// off than before, or off by far more (FAR_OFF times) than the cells moved: a sum a row or a part
// is missing from (a table cut by a page) says nothing of the reading. When no one cell closes a
// sum, the one combination of cells (two to MAX_COMBINED: parts that read low, the total with
// them), each with one 1 read back as 4, that closes it is taken together, verified alike. So too
// a figure two OCR'd tables print (a cross-table identity that fails), or a 总表's two sides that
// must balance (收入总计 = 支出总计), read with a 4 in one and a 1 in the other, and nothing else
// apart: the 1 is the 4 thinned, the cell and its copies read alike take the figure with the 4.
// Flagged ocr_repaired; checks.csv says `a 4 read as 1`.
import { Decimal } from 'decimal.js';
import type { CheckResult, DocumentRecord } from '../../model/types.js';
import { identityChecks } from '../checks/index.js';
import type { IdentityStats } from '../checks/verify.js';
import { maxDp } from '../checks/compare.js';
import { tolerance } from '../checks/tolerance.js';
import { cellChains, off, ocrSum, strokeLostAmount } from './copies.js';
import { keepValue, keyOf, OCR_REPAIRED, printedText, setValue, settled, type OcrRepair } from './index.js';

/** a failing sum off by this many times what a reading moved its cells is no witness against it */
const FAR_OFF = 10;
/** at most this many parts of one sum lost a 4 each (a combination), among at most MAX_CANDIDATES
 *  parts with a 1 that could */
const MAX_COMBINED = 4;
const MAX_CANDIDATES = 16;

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

/** A cell's readings with one of its 1s read back as a 4, above its value by at most `upTo`. */
function singleFours(doc: DocumentRecord, cell: number, upTo: Decimal): { read: string; values: Decimal[] } | undefined {
  const f = doc.facts[cell]!;
  const read = printedText(doc, f);
  const t = read.replace(/[,\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const values = [...t].flatMap((ch, i) => (ch === '1' ? [new Decimal(t.slice(0, i) + '4' + t.slice(i + 1))] : [])).filter((v) => v.gt(f.value) && v.minus(f.value).lte(upTo));
  const uniq = values.filter((v, i) => values.findIndex((w) => w.eq(v)) === i);
  return uniq.length ? { read, values: uniq } : undefined;
}

/** The one combination of two to MAX_COMBINED cells of a failing sum (`total` = Σ `parts`, off by
 *  `gap` = total − Σ parts), each with one of its 1s read back as a 4, that closes it within `tol`:
 *  a part that lost a 4 reads low and so does the total (a 合计 1668.11 over 716.39 + 921.75:
 *  1668.14 and 746.39). Undefined when none or several do, or when more than MAX_CANDIDATES parts
 *  could take part. */
function fourCombination(doc: DocumentRecord, total: number | undefined, parts: readonly number[], gap: Decimal, tol: Decimal): { cell: number; value: Decimal; read: string }[] | undefined {
  type Pick = { cell: number; value: Decimal; read: string };
  // the total's choices: as read, or one of its readings (it raises what the parts must make up)
  const top = total === undefined ? undefined : singleFours(doc, total, new Decimal(Infinity));
  const tops: (Pick | undefined)[] = [undefined, ...(top?.values ?? []).map((v) => ({ cell: total!, value: v, read: top!.read }))];
  const out: Pick[][] = [];
  for (const t of tops) {
    const need = gap.plus(t ? t.value.minus(doc.facts[t.cell]!.value) : 0);
    if (need.lte(tol)) continue;
    const options: { cell: number; read: string; values: Decimal[] }[] = [];
    for (const r of parts) {
      const o = singleFours(doc, r, need.plus(tol));
      if (o) options.push({ cell: r, ...o });
    }
    if (options.length > MAX_CANDIDATES) return undefined;
    const walk = (i: number, sum: Decimal, acc: Pick[]): void => {
      if (out.length > 1 || sum.gt(need.plus(tol))) return;
      if (i === options.length) {
        if (acc.length + (t ? 1 : 0) >= 2 && acc.length >= 1 && sum.minus(need).abs().lte(tol)) out.push(t ? [t, ...acc] : [...acc]);
        return;
      }
      walk(i + 1, sum, acc);
      if (acc.length + (t ? 1 : 0) >= MAX_COMBINED) return;
      const o = options[i]!;
      const f = doc.facts[o.cell]!;
      for (const v of o.values) walk(i + 1, sum.plus(v.minus(f.value)), [...acc, { cell: o.cell, value: v, read: o.read }]);
    };
    walk(0, new Decimal(0), []);
    if (out.length > 1) return undefined;
  }
  return out.length === 1 ? out[0] : undefined;
}

/** One cell (with its copies) whose lost 4 a failing sum tells (see the head of this file), set
 *  and verified; the repairs, or undefined. `tried`: cells=value tried before. */
export function strokeLoss(doc: DocumentRecord, ocrTables: Set<string>, tableDp: Map<string, number>, tried: Set<string>): OcrRepair[] | undefined {
  const stats: IdentityStats = { evaluated: 0, heldSums: [] };
  const before = identityChecks(doc, stats).filter((c) => c.severity !== 'info');
  const inTable = ocrSum(doc, ocrTables);
  const failing = before.filter((c) => inTable(c) && !c.subject.includes('printed several times'));
  // two OCR'd tables that print one figure and read it apart (本年支出合计 and the 支出表's 合计)
  // (and a 总表's two sides that must balance: 收入总计 = 支出总计, 1668.11 against 1668.14)
  const pair = (c: CheckResult): boolean => (c.check_id === 'cross_table_total' || c.check_id === 'balance') && c.factRefs?.length === 2 && c.factRefs[0] !== c.factRefs[1] && c.factRefs.every((r) => ocrTables.has(doc.facts[r]!.table_id));
  const apart = before.filter(pair);
  if (!failing.length && !apart.length) return undefined;
  const nonZero = (r: number): boolean => !doc.facts[r]!.value.isZero();
  const fixed = (r: number): boolean => settled(doc.facts[r]!);
  const reviewed = (r: number): boolean => ['corrected', 'confirmed'].some((x) => doc.facts[r]!.flags.includes(x));
  // copy chains: cells joined by held copy identities (two non-zero cells, the total one of them)
  const { find, join, joined } = cellChains();
  // (and a cross-table copy: the same figure in two OCR'd tables, 本年支出合计 and the 支出表's 合计)
  const crossCopy = (h: { check_id: string; factRefs: number[] }): boolean => h.check_id === 'cross_table_total' && h.factRefs.length === 2 && h.factRefs.every((r) => ocrTables.has(doc.facts[r]!.table_id));
  for (const h of stats.heldSums!.filter((x) => inTable(x) || crossCopy(x))) {
    const refs = h.factRefs.filter(nonZero);
    if (refs.length !== 2 || !nonZero(h.factRefs[0]!)) continue;
    join(refs[0]!, refs[1]!);
  }
  const chainOf = (r: number): number[] => {
    const root = find(r);
    const text = printedText(doc, doc.facts[r]!);
    // (a copy an earlier repair set to this very figure, its other misreading undone, is one too)
    // (the root too: it is none of the cells joined under it)
    return [...new Set([r, root, ...joined().filter((q) => find(q) === root)])].filter((q) => q === r || ((printedText(doc, doc.facts[q]!) === text || doc.facts[q]!.flags.includes(OCR_REPAIRED)) && doc.facts[q]!.value.eq(doc.facts[r]!.value)));
  };
  const beforeKeys = new Map(before.map((c) => [keyOf(c), c]));
  // each failing sum's one reading, with its copies
  // (`unit`: the readings of one multi-cell combination, taken together or not at all)
  const found: { cells: number[]; value: Decimal; read: string; subject: string; unit?: number }[] = [];
  let units = 0;
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
    if (hits.length === 0) {
      // no one cell lost it: several that each lost one 4 (1.70, 2066.81 and 1217.85 under a
      // 3319.39 read right: 4.70, 2066.84, 1247.85), the one combination that closes the sum
      const open = (r: number): boolean => !fixed(r) && nonZero(r);
      const combo = fourCombination(doc, open(refs[0]!) ? refs[0]! : undefined, parts.filter(open), gap, tol);
      if (combo) {
        units++;
        for (const { cell, value, read } of combo) found.push({ cells: chainOf(cell).filter((q) => !reviewed(q)), value, read, subject: c.subject, unit: units });
      }
      continue;
    }
    if (hits.length !== 1) continue;
    const { cell, value, read } = hits[0]!;
    found.push({ cells: chainOf(cell).filter((q) => !reviewed(q)), value, read, subject: c.subject });
  }
  // a copy in another table that reads the figure with a 4 where this one reads 1: the 4 is printed
  for (const c of apart) {
    const [a, b] = c.factRefs as [number, number];
    const [ta, tb] = [printedText(doc, doc.facts[a]!), printedText(doc, doc.facts[b]!)];
    const [low, high, read] = strokeLostAmount(tb, ta) ? [b, a, tb] : strokeLostAmount(ta, tb) ? [a, b, ta] : [];
    if (low === undefined || high === undefined || fixed(low)) continue;
    found.push({ cells: chainOf(low).filter((q) => !reviewed(q)), value: doc.facts[high]!.value, read: read!, subject: c.subject });
  }
  // all of them together first (two cells off by a lost 4 each break a sum that holds between
  // them: 合计 = Σ 类 with 合计 and a 类 both read low), then each alone
  const clash = new Set<number>();
  const want = new Map<number, string>();
  for (const x of found) for (const q of x.cells) {
    if (want.has(q) && want.get(q) !== x.value.toFixed()) clash.add(q);
    want.set(q, x.value.toFixed());
  }
  // (a combination with a cell in a clash is left out whole)
  const torn = new Set(found.filter((x) => x.unit && x.cells.some((q) => clash.has(q))).map((x) => x.unit));
  const together = found.filter((x) => !x.cells.some((q) => clash.has(q)) && !torn.has(x.unit));
  const alone = [...found.filter((x) => !x.unit).map((x) => [x]), ...[...new Set(found.map((x) => x.unit).filter((u) => u))].map((u) => found.filter((x) => x.unit === u))];
  const trials = [...(together.length > 1 ? [together] : []), ...alone];
  for (const trial of trials) {
    const sets = new Map<number, (typeof found)[number]>();
    for (const x of trial) for (const q of x.cells) sets.set(q, x);
    const id = [...sets.entries()].map(([q, x]) => `${q}=${x.value.toFixed()}`).sort().join(',');
    if (tried.has(id)) continue;
    tried.add(id);
    const undo = [...sets.keys()].map((q) => keepValue(doc.facts[q]!));
    const moved = new Map([...sets].map(([q, x]) => [q, x.value.minus(doc.facts[q]!.value).abs()]));
    for (const [q, x] of sets) {
      const f = doc.facts[q]!;
      setValue(f, x.value, f.scale !== undefined ? Math.max(f.scale, x.value.decimalPlaces()) : undefined);
    }
    const after = identityChecks(doc).filter((x) => x.severity !== 'info');
    const ok = after.length < before.length && after.every((x) => {
      const b = beforeKeys.get(keyOf(x));
      if (!b) return false;
      if (!(x.factRefs ?? []).some((r) => sets.has(r))) return true;
      // a failing sum a cell stays in (another cell of it misread) comes nearer, or fails by far
      // more than the cells moved (FAR_OFF times: a row or a part missing from it, whatever this
      // reading)
      const [p, q] = [off(x), off(b)];
      const most = Decimal.max(0, ...(x.factRefs ?? []).map((r) => moved.get(r) ?? 0));
      return !!p && !!q && (p.lt(q) || q.gte(most.times(FAR_OFF)));
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
