// A scan that thins 4s to 1s does it everywhere, and the identities cannot always tell. A 1-bit
// (fax-like) or thin print's threshold takes a 4's diagonal and cross-stroke away and leaves its
// stem, which reads 1 (4.70 read 1.70). Where that happens, the cells that copy the figure (a
// parent over its only child, a total over its only part) lose the 4 alike, so their copy
// identities hold and pin nothing; a cell in no identity is not checked at all. strokes.ts repairs
// the 4s a failing sum tells; the rest look like any other reading. So the document's own repairs
// are the evidence: when at least MIN_EVIDENCE figures of its OCR'd tables were corrected from a 1
// to a 4 (checks.csv `ocr_repaired` rows whose printed → corrected is one 4 read as 1; a cell and
// its copies set alike are one figure), failing in-table sums off by exactly what one or two such
// 4s make (3 or 6 times a power of ten) counted with them, the scan is known to lose 4s, and every
// other non-zero amount of its OCR'd tables that reads a 1 and that no exact identity verifies is
// flagged `ocr_stroke_doubt`: its 1 may be a 4.
// One warning row in checks.csv says so for the document. The value is left as read; a fact
// verified by an identity that holds exactly (verify.ts) is not doubted, nor one repaired already
// (its flag speaks of its value), nor one a reviewer corrected or confirmed. But a sum is blind to
// a 4 lost alike in its total and in one of its parts (9,483.72 = 9,000.00 + 483.72 holds read
// 9,183.72 = 9,000.00 + 183.72): a verified amount whose every verifying sum has, on the other
// side of it (the total for a part, a part for the total), an amount reading a 1 in the same
// place as one of its 1s is doubted too, and no longer verified.
import type { CheckResult, DocumentRecord } from '../../model/types.js';
import { identityChecks } from '../checks/index.js';
import type { IdentityStats } from '../checks/verify.js';
import { off, strokeLostAmount } from './copies.js';
import { OCR_REPAIRED, PINNING, printedText } from './index.js';

export const OCR_STROKE_DOUBT = 'ocr_stroke_doubt';

/** figures corrected from a 1 to a 4 (or failing sums off by a lost 4) before a document's scan is
 *  taken to lose 4s: one such repair may be a chance confusion; two are the scan */
const MIN_EVIDENCE = 2;

/** a failing sum whose two sides are apart by 3 or 6 × 10^k: what one or two 4s read as 1s in
 *  the same place make */
function offByLostFours(c: CheckResult): boolean {
  const gap = off(c);
  if (!gap || gap.isZero()) return false;
  const digits = gap.toFixed().replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return digits === '3' || digits === '6';
}

/** the places (powers of ten: 0 the units, -1 the tenths) at which an amount as printed reads a 1 */
function onesAt(printed: string): Set<number> {
  const m = /^-?(\d+)(?:\.(\d+))?$/.exec(printed.replace(/[,\s]/g, ''));
  const out = new Set<number>();
  if (!m) return out;
  const whole = m[1]!;
  const decimals = m[2] ?? '';
  for (let i = 0; i < whole.length; i++) if (whole[i] === '1') out.add(whole.length - 1 - i);
  for (let i = 0; i < decimals.length; i++) if (decimals[i] === '1') out.add(-1 - i);
  return out;
}

/** The facts verified only by sums blind to one of their 1s (see the module comment): their
 *  indices, among the facts of `ocrTables`. */
function blindlyVerified(doc: DocumentRecord, ocrTables: Set<string>): Set<number> {
  const stats: IdentityStats = { evaluated: 0, heldSums: [], verified: new Set() };
  identityChecks(doc, stats);
  const nonZero = (i: number): boolean => !doc.facts[i]!.value.isZero();
  // (any sum that held, a table's printed total of its rows too; it verifies with two non-zero
  // parts or more: verify.ts min_nonzero_parts_ocr)
  const sums = stats.heldSums!.filter((h) => h.factRefs.slice(1).filter(nonZero).length >= 2);
  const ones = new Map<number, Set<number>>();
  const onesOf = (i: number): Set<number> => {
    let o = ones.get(i);
    if (!o) ones.set(i, (o = onesAt(printedText(doc, doc.facts[i]!))));
    return o;
  };
  const out = new Set<number>();
  doc.facts.forEach((f, i) => {
    if (!f.verified || !ocrTables.has(f.table_id) || f.value.isZero()) return;
    const mine = sums.filter((h) => h.factRefs.includes(i));
    // (verified by something else than a sum: an equality with a figure read apart)
    if (!mine.length || !stats.verified!.has(i)) return;
    if ([...onesOf(i)].some((k) => mine.every((h) => (h.factRefs[0] === i ? h.factRefs.slice(1) : [h.factRefs[0]!]).some((j) => j !== i && onesOf(j).has(k))))) out.add(i);
  });
  return out;
}

/** The facts of `doc`'s OCR'd tables doubted for a 4 read as 1 (flag added), and the checks.csv
 *  row that says why; `checks` are the document's checks after the OCR repairs. */
export function strokeDoubt(doc: DocumentRecord, checks: CheckResult[]): CheckResult[] {
  const ocrTables = new Set(doc.tables.filter((t) => t.method === 'ocr').map((t) => t.table_id));
  if (!ocrTables.size) return [];
  // (one figure repaired in a cell and its copies alike is one 4 lost)
  const repaired = new Set<string>();
  for (const c of checks) {
    if (c.check_id === OCR_REPAIRED && ocrTables.has(c.table_id) && strokeLostAmount(c.actual, c.expected)) repaired.add(`${c.actual}→${c.expected}`);
  }
  const gaps = checks.filter((c) => c.severity !== 'info' && ocrTables.has(c.table_id) && PINNING.has(c.check_id) && offByLostFours(c)).length;
  const evidence = repaired.size + gaps;
  if (evidence < MIN_EVIDENCE) return [];
  const doubted: number[] = [];
  const blind = blindlyVerified(doc, ocrTables);
  doc.facts.forEach((f, i) => {
    if (!ocrTables.has(f.table_id) || f.amount_yuan === null || f.unit === '%' || f.value.isZero() || (f.verified && !blind.has(i))) return;
    if (['corrected', 'confirmed', OCR_REPAIRED, OCR_STROKE_DOUBT].some((x) => f.flags.includes(x))) return;
    if (!printedText(doc, f).includes('1')) return;
    f.flags.push(OCR_STROKE_DOUBT);
    f.verified = false;
    doubted.push(i);
  });
  if (!doubted.length) return [];
  const shown = doubted.slice(0, 5).map((i) => printedText(doc, doc.facts[i]!));
  return [{
    doc_id: doc.doc_id,
    table_id: '',
    check_id: OCR_STROKE_DOUBT,
    severity: 'warning',
    subject: 'a 4 read as 1 (thin strokes lost in the scan)',
    expected: '',
    actual: String(doubted.length),
    message: `this scan loses the thin strokes of its 4s (${repaired.size} figure(s) corrected from a 1 to a 4${gaps ? `, ${gaps} failing sum(s) off by a lost 4` : ''}): ${doubted.length} other amount(s) read with a 1 that no identity verifies, or only sums blind to a 4 lost alike in a total and a part (${shown.join(', ')}${doubted.length > shown.length ? ', …' : ''}) may hold a 4 where the 1 is, and are flagged ${OCR_STROKE_DOUBT}; compare them with the printed page`,
    factRefs: doubted,
  }];
}
