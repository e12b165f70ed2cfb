// Cells set from the copies they must equal. A copy identity is an in-table sum with two non-zero
// cells: a parent printed over its only child, a total over its only part (221 = 22102 = 2210201,
// 合计 = 基本支出 with no 项目支出). Such identities hold with a misreading too (the same print
// misread alike), so no one of them pins a cell (index.ts). But cells joined by copy identities
// print one figure, and when one of them is also in a sum of two or more other non-zero amounts
// that holds (the anchor: 合计 = Σ 类 with 221 in it), that figure is known: a cell of the chain
// read otherwise takes it when its reading is a plausible misreading of it: an OCR confusion
// (confusion.ts), a digit that lost strokes (a thin print's 4 read as 1: 1.70 for 4.70), or the
// decimals lost (172 for 172.12, a cell flagged ocr_decimals_lost). All anchors of the chain must agree,
// every other cell of it must read the figure or be such a misreading, and the cells are set
// together, verified like a pin: nothing new fails, fewer checks fail, and a failing sum a cell
// stays in is no further off than before. Flagged `ocr_repaired`; checks.csv says `copied`.
// A cell whose reading another table witnesses (index.ts readingWitnessed) keeps it: the chain is left to
// the identities, which flag it.
import { Decimal } from 'decimal.js';
import type { CheckResult, DocumentRecord } from '../../model/types.js';
import { identityChecks } from '../checks/index.js';
import type { IdentityStats } from '../checks/verify.js';
import { OCR_DECIMALS_EXTRA, OCR_DECIMALS_LOST } from '../facts/index.js';
import { strokeLost } from '../facts/ocr-code-strokes.js';
import { ocrConfusion } from './confusion.js';
import { keepValue, keyOf, OCR_REPAIRED, PINNING, printedText, setValue, settled, readingWitnessed, type OcrRepair } from './index.js';

/** `read` (as printed) is `value` (as the table prints it) with one 4 whose cross-stroke a thin
 *  print lost read as 1 (1.70 for 4.70; 7 → 1 is a confusion of confusion.ts already), the point
 *  where it was */
export function strokeLostAmount(read: string, value: string): boolean {
  const a = read.replace(/[,\s]/g, '');
  const b = value.replace(/[,\s]/g, '');
  if (a.indexOf('.') !== b.indexOf('.') || !/^\d+(\.\d+)?$/.test(a) || !/^\d+(\.\d+)?$/.test(b)) return false;
  return strokeLost(a.replace('.', ''), b.replace('.', ''), ['4'], 1);
}

/** how far a check's two sides are apart (undefined: not two amounts) */
export const off = (c: CheckResult): Decimal | undefined => {
  try {
    return new Decimal(c.expected).minus(new Decimal(c.actual)).abs();
  } catch {
    return undefined;
  }
};

/** Cells joined into chains by pairs of them (copy identities): `join` two cells' chains, `find`
 *  a cell's chain by its root (the lowest cell joined in it), `joined` the cells joined under a
 *  root so far (a root is none of them). */
export function cellChains(): { find: (i: number) => number; join: (a: number, b: number) => void; joined: () => number[] } {
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    const p = parent.get(i) ?? i;
    if (p === i) return i;
    const r = find(p);
    parent.set(i, r);
    return r;
  };
  const join = (x: number, y: number): void => {
    const [a, b] = [find(x), find(y)];
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  };
  return { find, join, joined: () => [...parent.keys()] };
}

/** Whether a check is a pinning identity over two or more distinct cells, all in OCR'd tables. */
export function ocrSum(doc: DocumentRecord, ocrTables: Set<string>): (c: { check_id: string; factRefs?: number[] }) => boolean {
  return (c) => PINNING.has(c.check_id) && (c.factRefs?.length ?? 0) >= 2 && new Set(c.factRefs).size === c.factRefs!.length && c.factRefs!.every((r) => ocrTables.has(doc.facts[r]!.table_id));
}

/** One chain of copies set to the figure its anchors give (see the head of this file), verified;
 *  the repairs, or undefined when no chain qualifies. `tried`: chains (cells=value) tried before. */
export function copyConsensus(doc: DocumentRecord, ocrTables: Set<string>, tableDp: Map<string, number>, tried: Set<string>): OcrRepair[] | undefined {
  const stats: IdentityStats = { evaluated: 0, heldSums: [] };
  const before = identityChecks(doc, stats).filter((c) => c.severity !== 'info');
  const inTable = ocrSum(doc, ocrTables);
  const failing = before.filter((c) => inTable(c) && !c.subject.includes('printed several times'));
  if (!failing.length) return undefined;
  const held = stats.heldSums!.filter(inTable);
  const nonZero = (r: number): boolean => !doc.facts[r]!.value.isZero();
  const doubt = (r: number): boolean => doc.facts[r]!.flags.includes(OCR_DECIMALS_LOST) || doc.facts[r]!.flags.includes(OCR_DECIMALS_EXTRA);
  const fixed = (r: number): boolean => settled(doc.facts[r]!);
  // copy identities (failing and held): two non-zero cells, the total one of them
  const copies: { refs: number[]; subject?: string }[] = [];
  for (const c of failing) if (nonZero(c.factRefs![0]!) && c.factRefs!.filter(nonZero).length === 2) copies.push({ refs: c.factRefs!.filter(nonZero), subject: c.subject });
  for (const h of held) if (nonZero(h.factRefs[0]!) && h.factRefs.filter(nonZero).length === 2) copies.push({ refs: h.factRefs.filter(nonZero) });
  if (!copies.some((c) => c.subject)) return undefined;
  // chains: cells joined by copy identities
  const { find, join } = cellChains();
  for (const { refs } of copies) join(refs[0]!, refs[1]!);
  const chains = new Map<number, number[]>();
  for (const r of new Set(copies.flatMap((c) => c.refs))) chains.set(find(r), [...(chains.get(find(r)) ?? []), r]);
  const beforeKeys = new Map(before.map((c) => [keyOf(c), c]));
  for (const root of [...chains.keys()].sort((a, b) => a - b)) {
    const cells = chains.get(root)!.sort((a, b) => a - b);
    const subjects = copies.filter((c) => c.subject && c.refs.some((r) => cells.includes(r))).map((c) => c.subject!);
    if (!subjects.length) continue; // every copy of the chain holds
    // anchors: cells of the chain in a held sum of two or more other non-zero amounts, none in doubt
    const anchors = cells.filter((r) => !doubt(r) && held.some((h) => h.factRefs.includes(r) && h.factRefs.filter((q) => q !== r && nonZero(q)).length >= 2 && !h.factRefs.some(doubt)));
    const values = [...new Set(anchors.map((r) => doc.facts[r]!.value.toFixed()))];
    if (values.length !== 1) continue;
    const v = new Decimal(values[0]!);
    const dp = tableDp.get(doc.facts[anchors[0]!]!.table_id) ?? doc.facts[anchors[0]!]!.scale ?? 0;
    const printed = v.toFixed(Math.max(dp, v.decimalPlaces()));
    const targets: { cell: number; printed: string; confusion: string }[] = [];
    let consistent = true;
    for (const r of cells) {
      const f = doc.facts[r]!;
      if (f.value.eq(v)) continue;
      if (readingWitnessed(doc, f)) {
        consistent = false;
        break;
      }
      const read = printedText(doc, f);
      const lost = f.flags.includes(OCR_DECIMALS_LOST) && (f.scale ?? 0) < v.decimalPlaces() && v.toDecimalPlaces(f.scale ?? 0, Decimal.ROUND_DOWN).eq(f.value);
      const confusion = fixed(r) ? undefined : lost ? 'decimals lost' : (ocrConfusion(read, printed) ?? (strokeLostAmount(read, printed) ? 'a 4 read as 1' : undefined));
      if (!confusion) {
        consistent = false;
        break;
      }
      targets.push({ cell: r, printed: read, confusion });
    }
    if (!consistent || !targets.length) continue;
    const id = targets.map((t) => `${t.cell}=${v.toFixed()}`).join(',');
    if (tried.has(id)) continue;
    tried.add(id);
    const undo = targets.map((t) => keepValue(doc.facts[t.cell]!));
    for (const t of targets) {
      const f = doc.facts[t.cell]!;
      setValue(f, v, f.scale !== undefined ? Math.max(f.scale, v.decimalPlaces(), dp) : undefined);
    }
    const after = identityChecks(doc).filter((c) => c.severity !== 'info');
    const on = new Set(targets.map((t) => t.cell));
    const ok = after.length < before.length && after.every((c) => {
      const b = beforeKeys.get(keyOf(c));
      if (!b) return false;
      if (!(c.factRefs ?? []).some((r) => on.has(r))) return true;
      // a failing sum a cell stays in (another cell of it misread) is no further off than before
      const [x, y] = [off(c), off(b)];
      return !!x && !!y && x.lte(y);
    });
    if (!ok) {
      for (const u of undo) u();
      continue;
    }
    const anchor = doc.facts[anchors[0]!]!;
    return targets.map((t) => {
      const f = doc.facts[t.cell]!;
      f.flags.push(OCR_REPAIRED);
      return {
        fact: t.cell, table_id: f.table_id, printed: t.printed, corrected: f.value.toFixed(f.scale ?? dp), confusion: t.confusion,
        identities: subjects, how: 'copied' as const, anchor: `${anchor.code || anchor.item} [${anchor.measure}]`,
      };
    });
  }
  return undefined;
}
