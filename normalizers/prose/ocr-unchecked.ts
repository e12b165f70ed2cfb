// Figures of the 情况说明 read by OCR that nothing confirms. A table's number read by OCR is checked
// by the identities its table must satisfy; a figure stated in prose is in none of them, and a
// digit misread there (74,868.34 read 14,868.34) looks like any other. Such a figure is confirmed
// only when a table of the document prints it (prose_vs_table holds: the fact is verified); every
// other narrative fact of a page read by OCR is flagged `ocr_prose_unchecked`, and one checks.csv
// row (severity info) counts them for the document.
import type { CheckResult, DocumentRecord } from '../../model/types.js';

export const OCR_PROSE_UNCHECKED = 'ocr_prose_unchecked';

/** Flag the narrative facts of `doc`'s OCR'd pages that no table confirms; the checks.csv row, if any. */
export function flagUncheckedOcrProse(doc: DocumentRecord): CheckResult[] {
  const pages = new Set((doc.ocrPages ?? []).map((p) => p.page));
  if (!pages.size) return [];
  const refs: number[] = [];
  doc.facts.forEach((f, i) => {
    if (f.table_kind !== 'narrative' || f.page === undefined || !pages.has(f.page) || f.verified) return;
    if (['corrected', 'confirmed'].some((x) => f.flags.includes(x))) return;
    if (!f.flags.includes(OCR_PROSE_UNCHECKED)) f.flags.push(OCR_PROSE_UNCHECKED);
    refs.push(i);
  });
  if (!refs.length) return [];
  const shown = refs.slice(0, 5).map((i) => `${doc.facts[i]!.item} ${doc.facts[i]!.value.toFixed()}`);
  return [{
    doc_id: doc.doc_id, table_id: 'narrative', check_id: OCR_PROSE_UNCHECKED, severity: 'info',
    subject: 'figures of the text read by OCR that no table confirms', expected: '', actual: String(refs.length),
    message: `${refs.length} figure(s) stated in the text of pages read by OCR (${shown.join(', ')}${refs.length > shown.length ? ', …' : ''}) are in no identity and no table of the document prints them: a misread digit there cannot be caught, so they are flagged ${OCR_PROSE_UNCHECKED}; compare them with the printed page`,
    factRefs: refs,
  }];
}
