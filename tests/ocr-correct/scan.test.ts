// End to end on a real scan (committed: 烟台市医疗保障局 2026 预算 p. 15, 公开表5 一般公共预算支出
// 情况表, as make-scan-pdfs.sh makes it: 200 dpi grey, turned 0.3°, noise, JPEG in a PDF): the pipeline runs the OCR correction on its OCR'd table, every correction it made holds
// its identities and names the printed text; a look-alike digit put into one OCR'd cell (3/8, 1/7, 0/8, 5/6,
// 6/8, as tesseract misreads them) is pinned by its row and column identities and set back.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { processDocument } from '../../pipeline/process-document.js';
import { closeSharedPool } from '../../extractors/ocr/index.js';
import { identityChecks, runChecks } from '../../normalizers/checks/index.js';
import { CONFUSABLE, correctOcr, OCR_REPAIRED } from '../../normalizers/ocr-correct/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord } from '../../model/types.js';
import { fixture as fixturePath } from '../fixture.js';

const fixture = fixturePath('scans/yt-yibaoju-2026-p15-200dpi-scan.pdf');

let doc: DocumentRecord;
beforeAll(async () => {
  doc = await processDocument(fixture, new Uint8Array(readFileSync(fixture)));
}, 120_000);
afterAll(async () => {
  await closeSharedPool();
});

describe('OCR correction on a real scan', () => {
  it('the scan is read by OCR into tables and every correction made holds', () => {
    expect(doc.tables.some((t) => t.method === 'ocr')).toBe(true);
    const failing = identityChecks(doc).filter((c) => c.severity !== 'info');
    for (const r of doc.checks.filter((c) => c.check_id === OCR_REPAIRED)) {
      expect(r.severity).toBe('info');
      expect(r.actual).not.toBe(r.expected);
      for (const i of r.factRefs ?? []) {
        expect(doc.facts[i]!.flags).toContain(OCR_REPAIRED);
        expect(failing.some((c) => c.factRefs?.includes(i))).toBe(false);
      }
    }
  });

  it('a look-alike digit in an OCR\'d cell that a row and a column identity check is set back', () => {
    const tax = loadTaxonomy();
    const probe: DocumentRecord = { ...doc, facts: doc.facts.map((f) => ({ ...f, flags: [...f.flags] })) };
    // an unflagged OCR'd cell with a 7 that both a row and a column identity catch when it reads 1
    const candidates = probe.facts
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => probe.tables.find((t) => t.table_id === f.table_id)?.method === 'ocr' && !f.value.isZero());
    const failingCells = new Set(identityChecks(probe).filter((c) => c.severity !== 'info').flatMap((c) => c.factRefs ?? []));
    let chosen: { i: number; printed: string; value: Decimal } | undefined;
    search: for (const { f, i } of candidates) {
      const original = f.value;
      const s = original.toFixed(f.scale ?? 0);
      for (const [a, b] of CONFUSABLE.flatMap(([x, y]) => [[x, y], [y, x]] as const)) {
        if (!s.includes(a)) continue;
        const printed = s.replace(a, b);
        f.value = new Decimal(printed);
        const mine = identityChecks(probe).filter((c) => c.factRefs?.includes(i));
        f.value = original;
        const ids = mine.map((c) => c.check_id);
        // its identities share no cell with those the scan already fails (else they are one
        // cluster and the cell is not the only one in all of them)
        const apart = mine.every((c) => (c.factRefs ?? []).every((r) => !failingCells.has(r)));
        if (apart && ids.includes('column_sum') && ids.includes('hierarchy_sum')) {
          chosen = { i, printed, value: original };
          break search;
        }
      }
    }
    expect(chosen, 'an OCR\'d cell checked by a row and a column identity').toBeDefined();
    const f = probe.facts[chosen!.i]!;
    const row = probe.tables.find((t) => t.table_id === f.table_id)!.rows.find((r) => r.rowIndex === f.row)!;
    probe.tables = probe.tables.map((t) => (t.table_id === f.table_id ? { ...t, rows: t.rows.map((r) => (r === row ? { ...r, values: r.values.map((v) => (v.col === f.col ? { ...v, raw: chosen!.printed } : v)) } : r)) } : t));
    f.value = new Decimal(chosen!.printed);
    probe.checks = runChecks(probe, tax);
    expect(probe.checks.some((c) => c.check_id === 'column_sum' && c.factRefs?.includes(chosen!.i))).toBe(true);
    probe.checks = correctOcr(probe, tax, probe.checks);
    expect(f.value.eq(chosen!.value)).toBe(true);
    expect(f.flags).toContain(OCR_REPAIRED);
    const info = probe.checks.find((c) => c.check_id === OCR_REPAIRED && c.factRefs?.includes(chosen!.i))!;
    expect(info.actual).toBe(chosen!.printed);
    expect(info.message).toContain('digit misread');
    expect(identityChecks(probe).some((c) => c.factRefs?.includes(chosen!.i))).toBe(false);
  });
});
