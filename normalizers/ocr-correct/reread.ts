// Cells of failing sums read again, chosen by the sums. In a table read by OCR, a faint print can
// misread several digits of one sum (4.70 → 1.70 twice in a column): no single cell then pins the
// failing identities (index.ts) and they stay unrepaired. The values of the failing in-table sums
// (column_sum, hierarchy_sum, side_sum, …) are read again from the page image under other
// treatments (the extractor's CellRereader: extractors/ocr/reread-cells.ts), and a combination of
// those readings is taken only when it makes failing identities hold without breaking any that
// held: per cluster of failing sums, the combination that makes the most of them hold with the
// fewest cells changed, when it is the only one; then every identity in the document is checked
// again (no new failure, none left on a changed cell). OCR confidence plays no part. A cell taken
// carries `ocr_repaired` and an `ocr_repaired` row in checks.csv keeps its first reading. Where the
// sums still fail, the glyphs' readings of a whole table are set at once (stroke-sweep.ts).
import { Decimal } from 'decimal.js';
import type { CellRereader, CellRereadRequest } from '../../model/stages.js';
import type { CheckResult, DocumentRecord, Fact } from '../../model/types.js';
import { identityChecks, runChecks } from '../checks/index.js';
import { maxDp, tableDecimals } from '../checks/compare.js';
import { checkedFacts } from '../checks/select.js';
import { OCR_DECIMALS_LOST } from '../facts/index.js';
import { strokeLost } from '../facts/ocr-code-strokes.js';
import type { IdentityStats } from '../checks/verify.js';
import { tolerance } from '../checks/tolerance.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { off } from './copies.js';
import { sweepStrokes } from './stroke-sweep.js';
import { clusters, findOcrRepairs, keepValue, keyOf, OCR_REPAIRED, PINNING, printedText, repairChecks, setValue, settled, VALUE_CHECKS, type OcrRepair } from './index.js';

/** bounds of the search (extractors/ocr/settings.ts rereadSums) */
interface RereadLimits {
  /** cells read again per document */
  maxCells: number;
  /** cells changed together in one cluster */
  maxChanges: number;
  /** combinations tried per cluster */
  maxCombinations: number;
  /** a cell flagged ocr_decimals_lost is read on a box this many times its height wider to the right */
  lostDecimalsEm?: number;
  /** cells tied to those by sums that hold, looked at for 4s read 1 and 5s read 3 (not read again) */
  maxLook?: number;
  /** the `strokes` readings of a table's cells set at once where the search leaves sums failing (stroke-sweep.ts) */
  sweepStrokes?: boolean;
}

/** a reading as the table prints amounts: digits, thousands separators, a decimal point */
const AMOUNT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

function failingSums(doc: DocumentRecord, ocrTables: Set<string>, stats?: IdentityStats): CheckResult[] {
  return identityChecks(doc, stats).filter((c) => c.severity !== 'info' && PINNING.has(c.check_id) && ocrTables.has(c.table_id) && (c.factRefs?.length ?? 0) >= 2 && !c.subject.includes('printed several times'));
}

/** The cells to read again: the values of the failing in-table sums of OCR'd tables that have a
 *  box on a page (those in most failing sums first, then in fact order), at most `maxCells`; the
 *  box of one read without its column's decimals reaches `lostDecimalsEm` times its height further
 *  right (amounts are right-aligned: the decimals lost lie right of the digits read). Then, only to
 *  be looked at (their glyphs: a 4 read 1, a 5 read 3), at most `maxLook` cells that print a 1 or
 *  a 3 and are tied to those by sums that hold (a chain of copies that lost a 4 alike: 210 = 21011 = 2101101, all
 *  read 197.53 for 497.53, fails only in the 合计 above it). */
export function rereadTargets(doc: DocumentRecord, maxCells: number, lostDecimalsEm = 0, maxLook = 0): { facts: number[]; requests: CellRereadRequest[] } {
  const ocrTables = new Set(doc.tables.filter((t) => t.method === 'ocr').map((t) => t.table_id));
  if (!ocrTables.size || maxCells <= 0) return { facts: [], requests: [] };
  const count = new Map<number, number>();
  const stats: IdentityStats = { evaluated: 0, heldSums: [] };
  const failing = failingSums(doc, ocrTables, stats);
  for (const c of failing) for (const r of c.factRefs!) count.set(r, (count.get(r) ?? 0) + 1);
  const usable = (i: number): boolean => {
    const f = doc.facts[i];
    return !!f && f.page !== undefined && !!f.box && !settled(f) && ocrTables.has(f.table_id);
  };
  const facts = [...count.keys()]
    .filter(usable)
    .sort((a, b) => count.get(b)! - count.get(a)! || a - b)
    .slice(0, maxCells)
    .sort((a, b) => a - b);
  const boxOf = (f: Fact): CellRereadRequest['box'] => (f.flags.includes(OCR_DECIMALS_LOST) && lostDecimalsEm > 0 ? { ...f.box!, x1: f.box!.x1 + lostDecimalsEm * (f.box!.y1 - f.box!.y0) } : f.box!);
  const requests: CellRereadRequest[] = facts.map((i) => ({ page: doc.facts[i]!.page!, box: boxOf(doc.facts[i]!), printed: printedText(doc, doc.facts[i]!) }));
  if (maxLook > 0) {
    const read = new Set(facts);
    const look = tiedCells(facts, (stats.heldSums ?? []).filter((h) => PINNING.has(h.check_id)).map((h) => h.factRefs))
      .filter((i) => !read.has(i) && usable(i) && /[13]/.test(printedText(doc, doc.facts[i]!)))
      .slice(0, maxLook);
    for (const i of look) {
      facts.push(i);
      requests.push({ page: doc.facts[i]!.page!, box: doc.facts[i]!.box!, printed: printedText(doc, doc.facts[i]!), lookOnly: true });
    }
  }
  return { facts, requests };
}

/** The cells reached from `start` through `sums` (each a list of cells that add up), in order. */
function tiedCells(start: readonly number[], sums: readonly number[][]): number[] {
  const bySum = new Map<number, number[][]>();
  for (const refs of sums) {
    for (const r of refs) {
      const mine = bySum.get(r);
      if (mine) mine.push(refs);
      else bySum.set(r, [refs]);
    }
  }
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length) {
    const c = queue.pop()!;
    for (const refs of bySum.get(c) ?? []) for (const r of refs) if (!seen.has(r)) { seen.add(r); queue.push(r); }
  }
  return [...seen].sort((a, b) => a - b);
}

/** The distinct values a cell's readings give, other than its value, as the cell prints amounts
 *  (its decimals; a cell read without its column's decimals, `columnDp`, as the column prints
 *  them), with the treatments that read each. */
function alternatives(f: Fact, readings: { how: string; text: string }[], columnDp = 0): { value: Decimal; text: string; how: string[] }[] {
  const out = new Map<string, { value: Decimal; text: string; how: string[] }>();
  const dp = f.scale ?? 0;
  const most = f.flags.includes(OCR_DECIMALS_LOST) ? Math.max(dp, columnDp) : dp;
  for (const r of readings) {
    const t = r.text.replace(/[,，]/g, ',');
    if (!AMOUNT.test(t)) continue;
    const value = new Decimal(t.replace(/,/g, ''));
    // the cell's decimals, or fewer where a trailing 0 was not read (4.7 for 4.70); never more
    // (but those of its column where it was read without them)
    const decimals = t.split('.')[1]?.length ?? 0;
    if (decimals > most || (decimals < dp && decimals === 0 && dp > 0) || value.eq(f.value) || value.isNeg() !== f.value.isNeg()) continue;
    const k = value.toFixed(Math.max(dp, decimals));
    // a reading that is the cell's with 4s read as 1s saw less ink than the first: a threshold or a
    // thin print loses a 4's cross-stroke, it never draws one on a 1 (4.70 read again 1.70)
    if (strokeLost(k.replace('.', ''), f.value.toFixed(Math.max(dp, decimals)).replace('.', ''), ['4'])) continue;
    const o = out.get(k);
    if (o) o.how.push(r.how);
    else out.set(k, { value, text: k, how: [r.how] });
  }
  return [...out.values()];
}

/** A set of readings: its cells and values, the sums it makes hold (`checks`), those it touches
 *  (`touched`: with the failing ones it only brings closer), how many failing sums it makes hold,
 *  and whether it leaves none of its sums failing (`complete`). */
interface Choice { cells: number[]; values: Decimal[]; checks: Set<number>; touched: Set<number>; fixed: number; complete: boolean }

/** The sets of readings that make every failing sum of their cells hold (each sum of a changed cell
 *  that failed must hold; one that held is checked later, by verification): from each reading, the
 *  sums it leaves failing are closed by changing one more of their cells, depth first, up to
 *  maxChanges cells and maxCombinations steps. A set that makes two failing sums hold or more may
 *  leave others of its sums failing when it brings each closer: such a set is only considered
 *  where no complete one (every sum it touches holds) touches its sums. Of sets that touch a common
 *  sum (rivals) only the one that makes strictly the most sums hold is returned (none on a tie),
 *  with the sums it makes hold. */
function choose(doc: DocumentRecord, cluster: CheckResult[], heldSums: readonly { check_id: string; factRefs: number[] }[], alts: Map<number, Decimal[]>, tableDp: Map<string, number>, limits: RereadLimits): Choice[] {
  // the failing sums (0 .. cluster.length-1), then the sums that hold on the same cells
  // the sums that hold on a cell the set may change (of the cluster, or with a reading of its own:
  // a copy down a chain whose cells were only looked at)
  const mayChange = new Set([...cluster.flatMap((c) => c.factRefs!), ...alts.keys()]);
  const sums = [...cluster.map((c) => c.factRefs!), ...heldSums.filter((h) => PINNING.has(h.check_id) && h.factRefs.some((r) => mayChange.has(r))).map((h) => h.factRefs)];
  const value = new Map<number, Decimal>();
  const get = (i: number): Decimal => value.get(i) ?? doc.facts[i]!.value;
  const holds = (refs: number[]): boolean => {
    const parts = refs.slice(1);
    const sum = parts.reduce((a, i) => a.plus(get(i)), new Decimal(0));
    const nonZero = parts.filter((i) => !get(i).isZero()).length;
    const tol = tolerance(nonZero, maxDp(refs.map((i) => doc.facts[i]!), tableDp));
    return get(refs[0]!).minus(sum).abs().lte(tol);
  };
  const checksOf = new Map<number, number[]>();
  sums.forEach((refs, k) => {
    for (const r of refs) checksOf.set(r, [...(checksOf.get(r) ?? []), k]);
  });
  const found = new Map<string, Choice>();
  let steps = 0;
  const gap = (refs: number[]): Decimal => refs.slice(1).reduce((a, i) => a.minus(get(i)), get(refs[0]!)).abs();
  const gapBefore = cluster.map((c) => gap(c.factRefs!));
  // a failing sum whose gap the set narrows (a 合计 over several misread 类, one set right)
  const closer = (k: number): boolean => k < cluster.length && gap(sums[k]!).lt(gapBefore[k]!);
  const dfs = (chosen: number[]): void => {
    if (++steps > limits.maxCombinations) return;
    const touched = [...new Set(chosen.flatMap((c) => checksOf.get(c) ?? []))].sort((a, b) => a - b);
    const failing = touched.filter((k) => !holds(sums[k]!));
    const open = failing.find((k) => !closer(k)) ?? failing[0];
    // a set is taken when every sum it touches holds, or, when it makes two failing sums hold at
    // least, every other comes closer
    const fixed = touched.filter((k) => k < cluster.length && holds(sums[k]!)).length;
    if (open === undefined || (fixed >= 2 && failing.every(closer))) {
      const order = [...chosen].sort((a, b) => a - b);
      const key = order.map((c) => `${c}=${get(c).toFixed()}`).join(',');
      if (fixed && !found.has(key)) found.set(key, { cells: order, values: order.map((c) => get(c)), checks: new Set(touched.filter((k) => holds(sums[k]!))), touched: new Set(touched), fixed, complete: open === undefined });
      if (open === undefined) return;
    }
    if (chosen.length >= limits.maxChanges) return;
    for (const cell of sums[open]!) {
      if (value.has(cell) || !alts.has(cell)) continue;
      for (const v of alts.get(cell)!) {
        value.set(cell, v);
        chosen.push(cell);
        dfs(chosen);
        chosen.pop();
        value.delete(cell);
      }
    }
  };
  for (const cell of [...new Set(cluster.flatMap((c) => c.factRefs!))].sort((a, b) => a - b)) {
    for (const v of alts.get(cell) ?? []) {
      value.set(cell, v);
      dfs([cell]);
      value.delete(cell);
    }
  }
  if (steps > limits.maxCombinations) return [];
  // of rival sets (touching a common sum), the one that makes the most sums hold, when it is the only
  // one; a set that leaves sums failing only where no complete set touches its sums
  const best = (xs: Choice[]): Choice[] => xs.filter((a) => !xs.some((b) => b !== a && b.fixed >= a.fixed && [...a.touched].some((k) => b.touched.has(k))));
  const complete = [...found.values()].filter((c) => c.complete);
  const byComplete = new Set(complete.flatMap((c) => [...c.touched]));
  const partial = [...found.values()].filter((c) => !c.complete && ![...c.touched].some((k) => byComplete.has(k)));
  return [...best(complete), ...best(partial)];
}

/** Read the cells of the failing sums again (`reread`, the extractor's) and take the readings the
 *  sums choose; the checks are run again when any is taken, the `ocr_repaired` rows of `checks`
 *  kept. Returns the checks and a line for the messages (undefined: nothing read). A failed
 *  re-read costs only its readings. */
export async function rereadFailingSums(doc: DocumentRecord, taxonomy: Taxonomy, checks: CheckResult[], reread: CellRereader, limits: RereadLimits, signal?: AbortSignal): Promise<CheckResult[]> {
  const { facts, requests } = rereadTargets(doc, limits.maxCells, limits.lostDecimalsEm, limits.maxLook);
  if (!facts.length) return checks;
  let got: Awaited<ReturnType<CellRereader>>;
  try {
    got = await reread(requests, signal);
  } catch (e) {
    doc.messages.push({ stage: 'ocr-correct', severity: 'warning', text: `cells of failing sums could not be read again: ${String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200)}` });
    return checks;
  }
  for (const p of got.problems.slice(0, 5)) doc.messages.push({ stage: 'ocr-correct', severity: 'warning', text: `reading cells of failing sums again: ${p}` });
  const alts = new Map<number, Decimal[]>();
  const how = new Map<string, string[]>();
  const tableDp = tableDecimals(checkedFacts(doc.facts).filter((f) => f.unit !== '%'));
  facts.forEach((i, k) => {
    const a = alternatives(doc.facts[i]!, got.cells[k]?.readings ?? [], tableDp.get(doc.facts[i]!.table_id));
    if (!a.length) return;
    alts.set(i, a.map((x) => x.value));
    for (const x of a) how.set(`${i}|${x.value.toFixed()}`, x.how);
  });
  const repairs = takeReadings(doc, alts, how, limits);
  // chains that lost their 4s alike, more cells than the search changes together
  const swept = limits.sweepStrokes ? sweepStrokes(doc, alts, how) : [];
  if (swept.length) repairs.push(...swept, ...takeReadings(doc, alts, how, limits));
  if (!repairs.length) {
    doc.messages.push({ stage: 'ocr-correct', severity: 'info', text: `${facts.length} cell(s) of failing sums read again: no reading made them hold` });
    return checks;
  }
  // a reading taken can leave a misreading alone in its sums that was not before (197.33 read again
  // 197.53 under a 197.53 that lost a 4 alike): the identities pin again, as correctOcr does
  const pinned = findOcrRepairs(doc);
  for (const f of doc.facts) f.flags = f.flags.filter((x) => !VALUE_CHECKS.has(x));
  const rerun = runChecks(doc, taxonomy);
  doc.messages.push({ stage: 'ocr-correct', severity: 'info', text: `${facts.length} cell(s) of failing sums read again, ${repairs.length} taken where the sums then hold: ${repairs.slice(0, 5).map((r) => `${r.printed}→${r.corrected}`).join(', ')}${repairs.length > 5 ? ', …' : ''}${pinned.length ? `; then ${pinned.length} more pinned by the identities` : ''}` });
  return [...rerun, ...checks.filter((c) => c.check_id === OCR_REPAIRED), ...repairChecks(doc, [...repairs, ...pinned])];
}

/** Whether a reading taken alone for `cell` is told by sums that hold with it: one summing two or more
 *  other amounts, or two copies (a sum over one other amount: a parent over its only child, a
 *  total over its only part) of two other cells not read again with it. One copy alone is no
 *  witness: it holds with either cell's reading (980.85 read again 980.83 to match its copy's
 *  misread 980,83). */
function witnessed(d: DocumentRecord, cell: number, on: Set<number>, heldSums: readonly { check_id: string; factRefs: number[] }[]): boolean {
  const others = heldSums.filter((h) => PINNING.has(h.check_id) && h.factRefs.includes(cell)).map((h) => h.factRefs.filter((r) => r !== cell && !d.facts[r]!.value.isZero()));
  if (others.some((o) => o.length >= 2)) return true;
  return new Set(others.filter((o) => o.length === 1 && !on.has(o[0]!)).map((o) => o[0]!)).size >= 2;
}

/** The readings the sums choose, cluster by cluster, each verified against every identity of the
 *  document and set on the facts (flag ocr_repaired); `h`: the treatments behind each reading. */
function takeReadings(d: DocumentRecord, a: Map<number, Decimal[]>, h: Map<string, string[]>, limits: RereadLimits): OcrRepair[] {
  const ocrTables = new Set(d.tables.filter((t) => t.method === 'ocr').map((t) => t.table_id));
  const tableDp = tableDecimals(checkedFacts(d.facts).filter((f) => f.unit !== '%'));
  const out: OcrRepair[] = [];
  const done = new Set<string>();
  for (let round = 0; round < 100; round++) {
    const stats: IdentityStats = { evaluated: 0, heldSums: [] };
    const before = identityChecks(d, stats).filter((c) => c.severity !== 'info');
    const beforeKeys = new Set(before.map(keyOf));
    const beforeGap = new Map(before.map((c) => [keyOf(c), off(c)]));
    const failing = before.filter((c) => PINNING.has(c.check_id) && ocrTables.has(c.table_id) && (c.factRefs?.length ?? 0) >= 2 && !c.subject.includes('printed several times'));
    let applied = false;
    next: for (const cluster of clusters(failing)) {
      for (const ch of choose(d, cluster, stats.heldSums!, a, tableDp, limits)) {
        const id = ch.cells.map((c, k) => `${c}=${ch.values[k]!.toFixed()}`).join(',');
        if (done.has(id)) continue;
        done.add(id);
        const restore = ch.cells.map((c) => keepValue(d.facts[c]!));
        const printed = ch.cells.map((c) => printedText(d, d.facts[c]!));
        ch.cells.forEach((c, k) => setValue(d.facts[c]!, ch.values[k]!, d.facts[c]!.scale === undefined ? undefined : Math.max(d.facts[c]!.scale!, ch.values[k]!.decimalPlaces())));
        const held: IdentityStats = { evaluated: 0, heldSums: [] };
        const after = identityChecks(d, held).filter((c) => c.severity !== 'info');
        const on = new Set(ch.cells);
        // a sum still failing on a changed cell must have failed before and come closer, and the
        // set must make two failing sums hold at least (a chain of copies set right under a 合计
        // whose other 类 are misread too)
        const closer = (c: CheckResult): boolean => {
          const was = beforeGap.get(keyOf(c)), now = off(c);
          return ch.fixed >= 2 && !!was && !!now && now.lt(was);
        };
        const ok = after.length < before.length && after.every((c) => beforeKeys.has(keyOf(c)) && (!(c.factRefs ?? []).some((r) => on.has(r)) || closer(c))) && (ch.cells.length > 1 || witnessed(d, ch.cells[0]!, on, held.heldSums!));
        if (!ok) {
          for (const undo of restore) undo();
          continue;
        }
        ch.cells.forEach((c, k) => {
          const f = d.facts[c]!;
          if (!f.flags.includes(OCR_REPAIRED)) f.flags.push(OCR_REPAIRED);
          out.push({
            fact: c, table_id: f.table_id, printed: printed[k]!, corrected: f.value.toFixed(f.scale ?? 0),
            confusion: `read again on the page image (${(h.get(`${c}|${ch.values[k]!.toFixed()}`) ?? []).join(', ')})`,
            identities: [...ch.checks].filter((x) => x < cluster.length).map((x) => cluster[x]!.subject),
            how: 'reread',
          });
          a.delete(c);
        });
        applied = true;
        break next; // the checks changed: cluster again
      }
    }
    if (!applied) break;
  }
  return out;
}
