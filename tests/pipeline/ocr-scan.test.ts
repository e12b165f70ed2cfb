// Scans end to end. (1) A 300 dpi scan of a two-page table (made here from a fixture PDF with
// pdftoppm: each page one grey image, no text layer): read at the 200 dpi recognition is tuned for
// (the messages say so), its cells' re-reads stacked in strips that tesseract takes (a 300 dpi
// re-read once stacked 642 × 33 697 px, tesseract refused it and the document was lost; here the
// strips are kept to 2 000 px so that every re-read of these pages is split), both pages' numbers
// read, nothing reported unread. (2) The same scans give byte-identical datasets with one document
// worker (two tesseract workers) and with two (one tesseract worker each, documents in parallel).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processDocument } from '../../pipeline/process-document.js';
import { ingest } from '../../pipeline/ingest.js';
import { closeSharedPool } from '../../extractors/ocr/index.js';
import { PAGE_UNREAD, REREAD_FAILED } from '../../pipeline/page-issues.js';
import { fixture } from '../fixture.js';
import { hasPdftoppm, scanPdf } from '../scan-pdf.js';
import { skipWithout } from '../system-tools.js';

afterAll(async () => {
  await closeSharedPool();
});

const TABLE = 'xa-交通运输局-2022-dept-budget.p66-67+78.pdf'; // pages 1-2: one 政府采购预算表 over two pages

describe('a 300 dpi scan of a table over two pages', () => {
  it.skipIf(skipWithout(hasPdftoppm(), 'pdftoppm', 'poppler-utils', 'the 300 dpi scan test'))('is read at 200 dpi in strips tesseract takes; both pages read, nothing lost', async () => {
    const scan = scanPdf(fixture('pdf', TABLE), [1, 2], 300);
    const doc = await processDocument('scan-300dpi.pdf', scan, { settings: { ocr: { crops: { maxStripHeightPx: 2000 } } } });
    expect(doc.status, doc.error).toBe('ok');
    expect(doc.format).toBe('pdf-scanned');
    for (const p of [1, 2]) expect(doc.messages.some((m) => m.text.startsWith(`page ${p} OCR: read at 200 dpi (image 300 dpi)`))).toBe(true);
    expect(doc.checks.filter((c) => c.check_id === REREAD_FAILED || c.check_id === PAGE_UNREAD)).toEqual([]);
    // the numbers of both pages, against the text layer of the same pages
    const text = await processDocument(TABLE, new Uint8Array(readFileSync(fixture('pdf', TABLE))));
    const want = text.facts.filter((f) => (f.page ?? 0) <= 2 && !f.value.isZero()).map((f) => f.value.toString());
    const got = new Map<string, number>();
    for (const f of doc.facts) got.set(f.value.toString(), (got.get(f.value.toString()) ?? 0) + 1);
    const found = want.filter((v) => {
      const n = got.get(v) ?? 0;
      if (n) got.set(v, n - 1);
      return n > 0;
    });
    expect(found.length / want.length).toBeGreaterThan(0.75);
    expect(new Set(doc.facts.map((f) => f.page))).toEqual(new Set([1, 2]));
  }, 180_000);
});

describe('deterministic OCR', () => {
  const outs: string[] = [];
  afterAll(() => {
    for (const o of outs) rmSync(o, { recursive: true, force: true });
  });

  it('two scans give byte-identical facts, tables and checks with 1 and with 2 document workers', async () => {
    const inputs = [fixture('scans/yt-yibaoju-2026-p15-200dpi-scan.pdf'), fixture('scans/putuo-p08-200dpi-skew.png')];
    const files: Record<string, string>[] = [];
    for (const workers of [1, 2]) {
      const out = mkdtempSync(join(tmpdir(), `fx-ocr-det-${workers}-`));
      outs.push(out);
      const r = await ingest(inputs, { out, workers });
      expect(r.documents.map((d) => d.status)).toEqual(['ok', 'ok']);
      files.push(Object.fromEntries(['facts.csv', 'tables.csv', 'checks.csv'].map((f) => [f, readFileSync(join(out, f), 'utf8')])));
    }
    expect(files[0]!['facts.csv']!.split('\n').length).toBeGreaterThan(30);
    expect(files[1]).toEqual(files[0]);
  }, 240_000);
});
