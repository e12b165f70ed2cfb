// A minus sign that is a speck. On a photocopy a toner speck left of a number is read as a minus
// (60.87 read -60.87, 1,668.14 read -1,668.14); confusion.ts never changes a sign, so no pin takes
// such a cell, and a 合计 over a 类 that both took a speck fails with two wrong cells, which no
// single-cell repair can set. Here the cells of the OCR'd tables that were read with a minus and
// are in a failing in-table sum are set to their value without the sign, all of them at once and
// else one at a time, and kept only when verified like a pin: fewer checks fail, nothing new fails,
// no failing check is left on a cell set, and every cell set is in at least two sums that hold
// with it (its row and its column: two identities agree that the printed figure has no sign).
// A printed negative amount that its sums hold with is never in a failing one, so it is never tried.
// Flagged `ocr_repaired`; checks.csv says `a speck read as a minus sign`.
import type { DocumentRecord } from '../../model/types.js';
import { identityChecks } from '../checks/index.js';
import type { IdentityStats } from '../checks/verify.js';
import { keepValue, keyOf, OCR_REPAIRED, PINNING, printedText, setValue, settled, type OcrRepair } from './index.js';

export const SPECK_MINUS = 'a speck read as a minus sign';

const MINUS = /^\s*[-−–—]\s*\d/;

/** The cells read with a minus sign that the failing identities take their sign from (see the
 *  head of this file), set to their value without it and verified; undefined when none qualify.
 *  `tried`: the sets of cells tried before. */
export function speckMinus(doc: DocumentRecord, ocrTables: Set<string>, tableDp: Map<string, number>, tried: Set<string>): OcrRepair[] | undefined {
  const before = identityChecks(doc).filter((c) => c.severity !== 'info');
  const failing = before.filter((c) => PINNING.has(c.check_id) && ocrTables.has(c.table_id) && (c.factRefs?.length ?? 0) >= 2 && !c.subject.includes('printed several times'));
  const fixed = (r: number): boolean => settled(doc.facts[r]!);
  const cells = [...new Set(failing.flatMap((c) => c.factRefs!))]
    .filter((r) => {
      const f = doc.facts[r]!;
      return f.value.isNeg() && !f.value.isZero() && ocrTables.has(f.table_id) && !fixed(r) && MINUS.test(printedText(doc, f));
    })
    .sort((a, b) => a - b);
  if (!cells.length) return undefined;
  const beforeKeys = new Set(before.map(keyOf));
  const sets = cells.length > 1 ? [cells, ...cells.map((c) => [c])] : [cells];
  for (const set of sets) {
    const id = `sign:${set.join(',')}`;
    if (tried.has(id)) continue;
    tried.add(id);
    const undo = set.map((r) => keepValue(doc.facts[r]!));
    const printed = set.map((r) => printedText(doc, doc.facts[r]!));
    for (const r of set) {
      const f = doc.facts[r]!;
      setValue(f, f.value.neg(), f.scale);
    }
    const stats: IdentityStats = { evaluated: 0, heldSums: [] };
    const after = identityChecks(doc, stats).filter((c) => c.severity !== 'info');
    const on = new Set(set);
    const holding = (r: number): number => stats.heldSums!.filter((h) => PINNING.has(h.check_id) && h.factRefs.includes(r)).length;
    const ok = after.length < before.length && after.every((c) => beforeKeys.has(keyOf(c)) && !(c.factRefs ?? []).some((r) => on.has(r))) && set.every((r) => holding(r) >= 2);
    if (!ok) {
      for (const u of undo) u();
      continue;
    }
    return set.map((r, i) => {
      const f = doc.facts[r]!;
      f.flags.push(OCR_REPAIRED);
      const dp = tableDp.get(f.table_id) ?? 0;
      return { fact: r, table_id: f.table_id, printed: printed[i]!, corrected: f.scale !== undefined ? f.value.toFixed(f.scale) : f.value.toFixed(dp), confusion: SPECK_MINUS, identities: [...new Set(failing.filter((c) => c.factRefs!.includes(r)).map((c) => c.subject))], how: 'sign' as const };
    });
  }
  return undefined;
}
