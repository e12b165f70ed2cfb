// Identity-pinned OCR repair. In a table read by OCR, a digit misread (394.92 → 304.92), a lost
// decimal point (33.00 → 3300) or a lost digit breaks every identity the cell is in: its row
// (column_sum: total = Σ parts) and its column (hierarchy_sum: parent = Σ children, 合计 = Σ 类;
// also the other in-table sums: side_sum, grand_total, class_sum, three_public_sum). When the
// failing identities of one cluster have exactly one cell in common, exactly one value near the one
// that makes all of them hold is a plausible OCR misreading of the printed text (confusion.ts),
// and setting it makes those identities hold without breaking any other, the cell is corrected:
// the fact takes the value, keeps its printed text in the `ocr_repaired` row of checks.csv
// (severity info: printed → corrected, the identities that pinned it) and carries the flag
// `ocr_repaired`. Anything less certain is left as read, for the failing checks to flag.
// (A thin print's 4 that lost its cross-stroke and read 1 is such a misreading too: 4.70 read 1.70.)
// A cell no pin takes (its cluster holds other misreadings, or its reading is no plausible
// confusion) is inferred from its failing identities (inferOne) when
// two of them whose every other cell is in an identity that holds share no cell but it, one of
// them summing two or more other amounts (not a copy of one), require the very same value, and
// every other identity it is in holds with that value within its rounding: the message says
// `inferred from identities`. A chain of copies (a parent over its only
// child) whose figure a held sum gives takes it in its misread cells (copies.ts): `copied`. A
// 4 a 1-bit scan thinned to a 1, in a cell and the copies read alike, told by one failing sum
// (strokes.ts: a threshold never draws a 4, so the side that reads low lost it). A
// minus sign read from a speck is dropped where the sums agree it is not printed (sign.ts).
// Never applied to tables with a text layer
// (method other than 'ocr').
import { Decimal } from 'decimal.js';
import type { CheckResult, DocumentRecord, Fact } from '../../model/types.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { identityChecks, runChecks } from '../checks/index.js';
import type { IdentityStats } from '../checks/verify.js';
import { OCR_DECIMALS_EXTRA, OCR_DECIMALS_LOST } from '../facts/index.js';
import { maxDp, rowName, tableDecimals, tableName } from '../checks/compare.js';
import { checkedFacts } from '../checks/select.js';
import { tolerance } from '../checks/tolerance.js';
import { toYuan } from '../values/units.js';
import { ocrConfusion } from './confusion.js';
import { copyConsensus, strokeLostAmount } from './copies.js';
import { strokeLoss } from './strokes.js';
import { speckMinus } from './sign.js';

export { ocrConfusion, CONFUSABLE } from './confusion.js';

export const OCR_REPAIRED = 'ocr_repaired';

/** A fact whose value a reviewer corrected or confirmed, or an OCR repair already set: no repair
 *  changes it again. */
export const settled = (f: Fact): boolean => f.flags.includes('corrected') || f.flags.includes('confirmed') || f.flags.includes(OCR_REPAIRED);

/** identities of the form total = Σ parts inside one table (compareSum: factRefs[0] is the total) */
export const PINNING = new Set(['hierarchy_sum', 'column_sum', 'side_sum', 'grand_total', 'class_sum', 'three_public_sum']);
/** every check id whose outcome depends on values (the flags a rerun must recompute) */
export const VALUE_CHECKS = new Set([...PINNING, 'balance', 'cross_table_total', 'prose_vs_table']);

export interface OcrRepair {
  /** index into doc.facts */
  fact: number;
  table_id: string;
  printed: string;
  corrected: string;
  /** what OCR did: 'digit misread 9→0', 'decimal point dropped', 'digit lost', … */
  confusion: string;
  /** subjects of the failing identities that pinned the cell */
  identities: string[];
  /** 'reread': the value is a second reading of the cell on the page image (reread.ts), not a
   *  misreading undone (confusion.ts); 'copied': the figure of the copies it must equal (copies.ts);
   *  'sign': a minus sign read from a speck dropped (sign.ts); 'strokes': the 4s and 5s its glyphs
   *  show, set with every such cell of its table (stroke-sweep.ts) */
  how?: 'reread' | 'inferred' | 'copied' | 'sign' | 'strokes';
  /** 'copied': the cell of the chain whose held sum gives the figure */
  anchor?: string;
}

export const keyOf = (c: CheckResult): string => `${c.table_id}|${c.check_id}|${c.subject}`;

/** The cell text as printed (the row's raw value), else the value as read. */
export function printedText(doc: DocumentRecord, f: Fact): string {
  const t = doc.tables.find((x) => x.table_id === f.table_id);
  for (const r of t?.rows ?? []) {
    if (r.rowIndex !== f.row) continue;
    const v = r.values.find((x) => x.col === f.col);
    if (v) return v.raw.trim();
  }
  return f.scale !== undefined ? f.value.toFixed(f.scale) : f.value.toFixed();
}

/** A function that puts back the fact's value, scale and amount in yuan as they are now (a trial
 *  setValue undone). */
export function keepValue(f: Fact): () => void {
  const { value, scale, amount_yuan } = f;
  return () => {
    f.value = value;
    if (scale === undefined) delete f.scale;
    else f.scale = scale;
    f.amount_yuan = amount_yuan;
  };
}

export function setValue(f: Fact, value: Decimal, scale: number | undefined): void {
  f.value = value;
  if (scale === undefined) delete f.scale;
  else f.scale = scale;
  f.amount_yuan = f.amount_yuan === null ? null : toYuan(value, f.unit);
}

/** clusters of failing checks that share a fact (union-find over the checks) */
export function clusters(failing: CheckResult[]): CheckResult[][] {
  const parent = failing.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<number, number>();
  failing.forEach((c, i) => {
    for (const r of c.factRefs ?? []) {
      const j = owner.get(r);
      if (j === undefined) owner.set(r, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, CheckResult[]>();
  failing.forEach((c, i) => {
    const k = find(i);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  });
  return [...groups.values()];
}

interface Candidate { cell: number; value: Decimal; confusion: string; printed: string; checks: CheckResult[] }

/** What OCR did to turn `corrected` into `printed`: a confusion (confusion.ts), or a thin print's
 *  4 that lost its cross-stroke and read 1 (copies.ts strokeLostAmount). */
const misreading = (printed: string, corrected: string): string | undefined =>
  ocrConfusion(printed, corrected) ?? (strokeLostAmount(printed, corrected) ? 'a 4 read as 1' : undefined);

/** Whether another table of the document prints fact `f`'s figure for its code in its section (a
 *  coded row: a name alone says too little): a reading two tables agree on is no misreading, and is
 *  neither pinned nor copied over (a photocopy's 20499 read 1,333,000 in the 支出预算表 and in the
 *  收入预算表, its copies 333,000 having lost their `1,`: the identities flag them instead). */
export function readingWitnessed(doc: DocumentRecord, f: Fact): boolean {
  if (!f.code || f.value.isZero()) return false;
  return doc.facts.some((g) => g.table_id !== f.table_id && g.code === f.code && g.section === f.section && g.value.eq(f.value));
}

/** The one correction a cluster pins down, if any (not yet verified against the other checks). */
function pin(doc: DocumentRecord, cluster: CheckResult[], tableDp: Map<string, number>): Candidate | undefined {
  if (cluster.length < 2) return undefined;
  let common = new Set(cluster[0]!.factRefs);
  for (const c of cluster.slice(1)) common = new Set((c.factRefs ?? []).filter((r) => common.has(r)));
  if (common.size !== 1) return undefined;
  const cell = [...common][0]!;
  const f = doc.facts[cell];
  // a reviewer's value (corrections.csv: corrected / confirmed) is not repaired
  if (!f || f.flags.includes(OCR_REPAIRED) || f.flags.includes('corrected') || f.flags.includes('confirmed')) return undefined;
  if (readingWitnessed(doc, f)) return undefined;
  const dp = tableDp.get(f.table_id) ?? f.scale ?? 0;
  // the values that make each identity hold within its tolerance: their intersection
  let lo = new Decimal(-Infinity);
  let hi = new Decimal(Infinity);
  const exact: Decimal[] = [];
  for (const c of cluster) {
    const refs = c.factRefs!;
    const total = doc.facts[refs[0]!]!;
    const parts = refs.slice(1).map((r) => doc.facts[r]!);
    const sumParts = parts.reduce((a, p) => a.plus(p.value), new Decimal(0));
    const v = refs[0] === cell ? sumParts : total.value.minus(sumParts.minus(f.value));
    // printed zeros widen no tolerance; the cell, once corrected, is not zero
    const nonZero = parts.filter((p) => !p.value.isZero() || (p === f && refs[0] !== cell)).length;
    const tol = tolerance(nonZero, maxDp([total, ...parts], tableDp));
    exact.push(v);
    lo = Decimal.max(lo, v.minus(tol));
    hi = Decimal.min(hi, v.plus(tol));
  }
  if (lo.gt(hi)) return undefined; // no one value satisfies every failing identity
  const printed = printedText(doc, f);
  // a value as it would be printed: with the cell's own decimals when it has enough, else the table's
  const fmt = (v: Decimal): string => v.toFixed(v.decimalPlaces() <= (f.scale ?? 0) ? (f.scale ?? 0) : dp);
  // every identity holds exactly with one value: that value, when OCR could have misread it
  const v0 = exact[0]!;
  if (exact.every((v) => v.eq(v0)) && v0.decimalPlaces() <= dp && !v0.eq(f.value)) {
    const confusion = misreading(printed, fmt(v0));
    if (confusion) return { cell, value: v0, confusion, printed, checks: cluster };
  }
  // else (the document rounds): the values within every tolerance that OCR could have misread,
  // fewest changes first; only a single best one is taken
  const unit = new Decimal(10).pow(-dp);
  const first = lo.div(unit).ceil();
  const last = hi.div(unit).floor();
  if (last.minus(first).gt(40)) return undefined;
  const found: { value: Decimal; confusion: string; cost: number }[] = [];
  for (let k = first; k.lte(last); k = k.plus(1)) {
    const value = k.times(unit);
    if (value.eq(f.value)) continue;
    const confusion = misreading(printed, fmt(value));
    if (confusion) found.push({ value, confusion, cost: confusion.startsWith('digits ') ? 2 : 1 });
  }
  const best = Math.min(...found.map((x) => x.cost));
  const top = found.filter((x) => x.cost === best);
  if (top.length !== 1) return undefined; // none, or several plausible readings
  return { cell, value: top[0]!.value, confusion: top[0]!.confusion, printed, checks: cluster };
}

/** Find and apply the corrections the failing identities pin down in the document's OCR'd
 *  tables. Changes doc.facts (value, scale, amount_yuan, flag `ocr_repaired`); the checks are
 *  not rerun here (correctOcr does that). */
export function findOcrRepairs(doc: DocumentRecord): OcrRepair[] {
  const ocrTables = new Set(doc.tables.filter((t) => t.method === 'ocr').map((t) => t.table_id));
  const repairs: OcrRepair[] = [];
  if (ocrTables.size === 0) return repairs;
  const tableDp = tableDecimals(checkedFacts(doc.facts).filter((f) => f.unit !== '%'));
  const tried = new Set<string>();
  for (let round = 0; round < 200; round++) {
    const before = identityChecks(doc).filter((c) => c.severity !== 'info');
    const failing = before.filter((c) => PINNING.has(c.check_id) && ocrTables.has(c.table_id) && (c.factRefs?.length ?? 0) >= 2 && !c.subject.includes('printed several times'));
    const beforeKeys = new Set(before.map(keyOf));
    let applied = false;
    for (const cluster of clusters(failing)) {
      const cand = pin(doc, cluster, tableDp);
      if (!cand) continue;
      const f = doc.facts[cand.cell]!;
      const id = `${cand.cell}|${cand.value.toFixed()}`;
      if (tried.has(id) || !ocrTables.has(f.table_id)) continue;
      tried.add(id);
      // verify: with the value set, no failing check involves the cell and nothing new fails
      const restore = keepValue(f);
      const dp = tableDp.get(f.table_id) ?? 0;
      setValue(f, cand.value, f.scale !== undefined ? (cand.value.decimalPlaces() <= f.scale ? f.scale : dp) : undefined);
      const after = identityChecks(doc).filter((c) => c.severity !== 'info');
      const ok = after.every((c) => beforeKeys.has(keyOf(c)) && !(c.factRefs ?? []).includes(cand.cell)) && after.length < before.length;
      if (!ok) {
        restore();
        continue;
      }
      f.flags.push(OCR_REPAIRED);
      repairs.push({ fact: cand.cell, table_id: f.table_id, printed: cand.printed, corrected: f.scale !== undefined ? f.value.toFixed(f.scale) : f.value.toFixed(dp), confusion: cand.confusion, identities: cand.checks.map((c) => c.subject) });
      applied = true;
      break; // the checks changed: cluster again
    }
    if (!applied) {
      // a minus sign read from a speck (sign.ts): no confusion changes a sign
      const unsigned = speckMinus(doc, ocrTables, tableDp, tried);
      if (unsigned) {
        repairs.push(...unsigned);
        continue;
      }
      const inferred = inferOne(doc, ocrTables, tableDp, tried);
      if (inferred) {
        repairs.push(inferred);
        continue;
      }
      const copied = copyConsensus(doc, ocrTables, tableDp, tried) ?? strokeLoss(doc, ocrTables, tableDp, tried);
      if (!copied) break;
      repairs.push(...copied);
    }
  }
  return repairs;
}

/** One cell inferred from its failing identities (see the head of this file), verified like a
 *  pinned one (nothing new fails, nothing failing left on it) and set; undefined when none. */
function inferOne(doc: DocumentRecord, ocrTables: Set<string>, tableDp: Map<string, number>, tried: Set<string>): OcrRepair | undefined {
  const stats: IdentityStats = { evaluated: 0, heldSums: [] };
  const before = identityChecks(doc, stats).filter((c) => c.severity !== 'info');
  const beforeKeys = new Set(before.map(keyOf));
  const failing = before.filter((c) => PINNING.has(c.check_id) && ocrTables.has(c.table_id) && (c.factRefs?.length ?? 0) >= 2 && !c.subject.includes('printed several times'));
  // (a cell whose decimals OCR lost or added is no witness, whatever holds with it)
  const doubt = (r: number): boolean => doc.facts[r]!.flags.includes(OCR_DECIMALS_LOST) || doc.facts[r]!.flags.includes(OCR_DECIMALS_EXTRA);
  const held = new Set(stats.heldSums!.filter((h) => PINNING.has(h.check_id)).flatMap((h) => h.factRefs).filter((r) => !doubt(r)));
  const of = new Map<number, CheckResult[]>();
  for (const c of failing) for (const r of new Set(c.factRefs!)) of.set(r, [...(of.get(r) ?? []), c]);
  for (const cell of [...of.keys()].sort((a, b) => a - b)) {
    const f = doc.facts[cell]!;
    const checks = of.get(cell)!;
    if (checks.length < 2 || !ocrTables.has(f.table_id) || f.flags.includes(OCR_REPAIRED) || f.flags.includes('corrected') || f.flags.includes('confirmed') || readingWitnessed(doc, f)) continue;
    // the cell and the other cells appear once in each
    const others = checks.map((c) => c.factRefs!.filter((r) => r !== cell));
    if (others.some((o) => new Set(o).size !== o.length) || checks.some((c) => c.factRefs!.filter((r) => r === cell).length !== 1)) continue;
    // the witnesses: identities whose every other cell is in an identity that holds; one of them
    // sums two or more amounts besides the cell, and another shares no cell with it but this one.
    // A copy (a parent over its only child, a total over its only part) holds with a misreading
    // too, the same printed text misread the same way (172.12 read 172 in a whole chain of 类, 款
    // and 项 rows and columns: only the one 172.12 read right breaks them), so it never suffices
    const want = checks.map((c) => {
      const refs = c.factRefs!;
      const parts = refs.slice(1).filter((r) => r !== cell).reduce((a, r) => a.plus(doc.facts[r]!.value), new Decimal(0));
      return refs[0] === cell ? parts : doc.facts[refs[0]!]!.value.minus(parts);
    });
    const sure = others.map((_, i) => i).filter((i) => others[i]!.every((r) => held.has(r)));
    const sums = sure.filter((i) => others[i]!.filter((r) => !doc.facts[r]!.value.isZero()).length >= 2);
    // the value two such witnesses require alike; the other identities need only hold with it, within
    // their rounding (a parent over rounded children: 1623.68 − 420.75 asks 1202.93 of the 1202.92
    // that basic = personnel + public and total = basic both ask); one asking more is left to be
    // inferred again once the cells it holds are put right
    const agreed = new Set(sums.flatMap((a) => sure.filter((b) => b !== a && !others[a]!.some((r) => others[b]!.includes(r)) && want[a]!.eq(want[b]!)).map(() => want[a]!.toFixed())));
    if (agreed.size !== 1) continue;
    const v = new Decimal([...agreed][0]!);
    const dp = tableDp.get(f.table_id) ?? f.scale ?? 0;
    if (v.eq(f.value) || v.isNeg() || v.decimalPlaces() > dp) continue;
    // (each identity within its own rounding: its non-zero addends besides the cell, and the cell)
    const near = want.every((w, i) => w.minus(v).abs().lte(tolerance(others[i]!.filter((r) => !doc.facts[r]!.value.isZero()).length + 1, dp)));
    if (!near) continue;
    const id = `${cell}|${v.toFixed()}`;
    if (tried.has(id)) continue;
    tried.add(id);
    const restore = keepValue(f);
    const printed = printedText(doc, f);
    setValue(f, v, f.scale !== undefined ? Math.max(f.scale, v.decimalPlaces()) : undefined);
    const after = identityChecks(doc).filter((c) => c.severity !== 'info');
    if (after.length < before.length && after.every((c) => beforeKeys.has(keyOf(c)) && !(c.factRefs ?? []).includes(cell))) {
      f.flags.push(OCR_REPAIRED);
      return { fact: cell, table_id: f.table_id, printed, corrected: f.scale !== undefined ? f.value.toFixed(f.scale) : f.value.toFixed(dp), confusion: 'inferred from identities', identities: checks.map((c) => c.subject), how: 'inferred' };
    }
    restore();
  }
  return undefined;
}

/** checks.csv rows (severity info) for the corrections made. */
export function repairChecks(doc: DocumentRecord, repairs: OcrRepair[]): CheckResult[] {
  const names = new Map(doc.tables.map((t) => [t.table_id, t.table_no || t.title]));
  return repairs.map((r) => {
    const f = doc.facts[r.fact]!;
    return {
      doc_id: doc.doc_id,
      table_id: r.table_id,
      check_id: OCR_REPAIRED,
      severity: 'info',
      subject: `${rowName(f)} [${f.measure || f.measure_label}${f.section ? ', ' + f.section : ''}]`,
      expected: r.corrected,
      actual: r.printed,
      message: r.how === 'copied'
        ? `${tableName(f, names)}: ${rowName(f)}${f.measure_label ? ' (' + f.measure_label + ')' : ''} read by OCR as ${r.printed}, copied as ${r.corrected} (${r.confusion}): the cells it must equal (${r.identities.join('; ')}) print one figure, which ${r.anchor} gives in a sum of other amounts that holds; with it nothing else breaks; compare with the printed page`
        : r.how === 'inferred'
        ? `${tableName(f, names)}: ${rowName(f)}${f.measure_label ? ' (' + f.measure_label + ')' : ''} read by OCR as ${r.printed}, inferred from identities as ${r.corrected}: the failing identities it is in (${r.identities.join('; ')}) all require that value, and two of them whose other cells are each in an identity that holds share no other cell, one summing two or more other amounts; with it nothing else breaks; compare with the printed page`
        : r.how === 'sign'
        ? `${tableName(f, names)}: ${rowName(f)}${f.measure_label ? ' (' + f.measure_label + ')' : ''} read by OCR as ${r.printed}, corrected to ${r.corrected} (${r.confusion}): without the sign the failing identities it is in (${r.identities.join('; ')}) hold, at least two of them on this cell, and no other breaks; compare with the printed page`
        : r.how === 'strokes'
        ? `${tableName(f, names)}: ${rowName(f)}${f.measure_label ? ' (' + f.measure_label + ')' : ''} read by OCR as ${r.printed}, taken as ${r.corrected} (${r.confusion}): with them the failing identities (${r.identities.join('; ')}) hold, none that held breaks, and a sum still failing on these cells is closer than before; compare with the printed page`
        : r.how === 'reread'
        ? `${tableName(f, names)}: ${rowName(f)}${f.measure_label ? ' (' + f.measure_label + ')' : ''} read by OCR as ${r.printed}, ${r.confusion} as ${r.corrected}: with it the failing identities (${r.identities.join('; ')}) hold and no other breaks, the only such reading; compare with the printed page`
        : `${tableName(f, names)}: ${rowName(f)}${f.measure_label ? ' (' + f.measure_label + ')' : ''} read by OCR as ${r.printed}, corrected to ${r.corrected} (${r.confusion}): the only cell in every failing identity (${r.identities.join('; ')}) and the only plausible reading that makes them all hold; compare with the printed page`,
      factRefs: [r.fact],
    };
  });
}

/** After runChecks: correct what the identities pin down in OCR'd tables, then run the checks
 *  again (value flags recomputed) and add one info row per correction. Returns the checks. */
export function correctOcr(doc: DocumentRecord, taxonomy: Taxonomy, checks: CheckResult[]): CheckResult[] {
  const repairs = findOcrRepairs(doc);
  if (repairs.length === 0) return checks;
  for (const f of doc.facts) f.flags = f.flags.filter((x) => !VALUE_CHECKS.has(x));
  const rerun = runChecks(doc, taxonomy);
  doc.messages.push({ stage: 'ocr-correct', severity: 'info', text: `${repairs.length} OCR cell(s) corrected where the failing identities pinned them: ${repairs.slice(0, 5).map((r) => `${r.printed}→${r.corrected}`).join(', ')}${repairs.length > 5 ? ', …' : ''}` });
  return [...rerun, ...repairChecks(doc, repairs)];
}
