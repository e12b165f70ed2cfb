// Figures of the text read by OCR that no table confirms are flagged ocr_prose_unchecked
// (normalizers/prose/ocr-unchecked.ts). On the 社会工作部 2024 决算 PDF (tests/fixtures/pdf), whose
// 情况说明 states 收入支出总计 307.82 (the 01表 总计 confirms it) among other figures no table prints:
// its pages taken as read by OCR, the confirmed figure stays as it is and the others are flagged.
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../normalizers/checks/index.js';
import { flagUncheckedOcrProse, OCR_PROSE_UNCHECKED } from '../../normalizers/prose/ocr-unchecked.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord } from '../../model/types.js';
import { fixture } from '../fixture.js';
import { record } from '../checks/helpers.js';

let doc: DocumentRecord;
beforeAll(async () => {
  doc = await record(fixture('pdf', 'sh-putuo-shehuigongzuobu-2024-dept-final.pdf'));
  doc.checks = runChecks(doc, loadTaxonomy());
});
const narrative = (d: DocumentRecord) => d.facts.filter((f) => f.table_kind === 'narrative');

describe('figures of the text read by OCR', () => {
  it('are flagged where no table confirms them; one a table prints is not; one info row counts them', () => {
    const d: DocumentRecord = { ...doc, facts: doc.facts.map((f) => ({ ...f, flags: [...f.flags] })) };
    const pages = [...new Set(narrative(d).map((f) => f.page!))];
    d.ocrPages = pages.map((page) => ({ page, dpi: 200, imageDpi: 200 }));
    const rows = flagUncheckedOcrProse(d);
    const confirmed = narrative(d).filter((f) => f.verified);
    const others = narrative(d).filter((f) => !f.verified);
    expect(confirmed.map((f) => f.value.toFixed(2))).toContain('307.82');
    expect(others.length).toBeGreaterThan(0);
    for (const f of confirmed) expect(f.flags).not.toContain(OCR_PROSE_UNCHECKED);
    for (const f of others) expect(f.flags).toContain(OCR_PROSE_UNCHECKED);
    expect(rows).toHaveLength(1);
    expect([rows[0]!.check_id, rows[0]!.severity, rows[0]!.actual]).toEqual([OCR_PROSE_UNCHECKED, 'info', String(others.length)]);
    expect(rows[0]!.factRefs!.map((i) => d.facts[i])).toEqual(others);
  });

  it('leave the text of pages read from the text layer alone', () => {
    const d: DocumentRecord = { ...doc, facts: doc.facts.map((f) => ({ ...f, flags: [...f.flags] })) };
    const textPages = new Set(narrative(d).map((f) => f.page!));
    // a page read by OCR that holds no figure of the text: nothing is flagged
    d.ocrPages = [{ page: Math.max(...textPages) + 1, dpi: 200, imageDpi: 200 }];
    expect(flagUncheckedOcrProse(d)).toEqual([]);
    expect(d.facts.filter((f) => f.flags.includes(OCR_PROSE_UNCHECKED))).toEqual([]);
  });
});
