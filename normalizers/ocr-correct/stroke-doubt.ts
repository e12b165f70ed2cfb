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
// (its flag speaks of its value), nor one a reviewer corrected or confirmed.
import type { CheckResult, DocumentRecord } from '../../model/types.js';
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
  doc.facts.forEach((f, i) => {
    if (!ocrTables.has(f.table_id) || f.amount_yuan === null || f.unit === '%' || f.value.isZero() || f.verified) return;
    if (['corrected', 'confirmed', OCR_REPAIRED, OCR_STROKE_DOUBT].some((x) => f.flags.includes(x))) return;
    if (!printedText(doc, f).includes('1')) return;
    f.flags.push(OCR_STROKE_DOUBT);
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
    message: `this scan loses the thin strokes of its 4s (${repaired.size} figure(s) corrected from a 1 to a 4${gaps ? `, ${gaps} failing sum(s) off by a lost 4` : ''}): ${doubted.length} other amount(s) read with a 1 that no identity verifies (${shown.join(', ')}${doubted.length > shown.length ? ', …' : ''}) may hold a 4 where the 1 is, and are flagged ${OCR_STROKE_DOUBT}; compare them with the printed page`,
    factRefs: doubted,
  }];
}
