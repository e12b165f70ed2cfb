// Hostile inputs refused before their memory is spent, each with a one-line reason naming the
// limit (issue 17): a zip bomb and a sheet of too many rows (from the zip before SheetJS parses),
// an image over the pixel limit (never decoded), a page too large to render, an HTML page over the
// byte limit; and the time limit in this thread (--workers 0), where nothing stops a stage from
// outside. The inputs are made here at small sizes with the limits lowered to match
// (tests/bench/hostile-inputs.ts; npm run bench -- hostile runs the sizes). Private addresses:
// tests/corpus/fetch.test.ts; folders, missing inputs, encodings: tests/pipeline/hostile-inputs.test.ts.
import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { processDocument } from '../../pipeline/process-document.js';
import { ingest } from '../../pipeline/ingest.js';
import { renderDpiFor } from '../../extractors/ocr/pdf.js';
import type { ExtractSettingsOverrides } from '../../extractors/settings.js';
import { DEFAULT_OCR_SETTINGS, resolveOcrSettings } from '../../extractors/ocr/settings.js';
import { bigHtml, pdfLargePage, pdfWithImage, xlsxRows, xlsxZipBomb } from '../bench/hostile-inputs.js';
import { tmp } from '../runner/helpers.js';

const read = (name: string, bytes: Uint8Array, settings?: ExtractSettingsOverrides, timeoutMs = 60_000) =>
  processDocument(name, bytes, { timeoutMs, ...(settings ? { settings } : {}) });

describe('spreadsheets: sized from the zip before they are parsed', () => {
  it('a zip bomb is refused at once from its directory, without inflating it', async () => {
    const bomb = await xlsxZipBomb(64 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200_000);
    const t0 = performance.now();
    const byRatio = await read('bomb.xlsx', bomb);
    expect(byRatio.status).toBe('failed');
    expect(byRatio.error).toMatch(/^the workbook part xl\/worksheets\/sheet1\.xml inflates \d+ times .* over the limit of 200 \(limits\.spreadsheet\.maxCompressionRatio; a zip bomb\?\): not read/);
    const bySize = await read('bomb.xlsx', bomb, { limits: { spreadsheet: { maxUncompressedMb: 32 } } });
    expect(bySize.error).toMatch(/^the workbook inflates to 64 MB \(\d+× its 0\.\d MB\), over the limit of 32 MB \(limits\.spreadsheet\.maxUncompressedMb\): not read/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('a directory that understates its sizes is caught as the parts inflate', async () => {
    const bomb = await xlsxZipBomb(24 * 1024 * 1024);
    // the sheet's entry in the central directory claims 1000 bytes
    const at = bomb.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
    expect(bomb.readUInt32LE(at)).toBe(0x02014b50);
    bomb.writeUInt32LE(1000, at + 24);
    const doc = await read('liar.xlsx', bomb, { limits: { spreadsheet: { maxUncompressedMb: 8 } } });
    expect(doc.error).toMatch(/^the workbook inflates to more than its directory says, over the limit of 8 MB .*part xl\/worksheets\/sheet1\.xml/);
  });

  it('a sheet over the row limit is refused before SheetJS parses it; one under it is read', async () => {
    const book = await xlsxRows(1500);
    const over = await read('rows.xlsx', book, { limits: { spreadsheet: { maxRows: 1000 } } });
    expect(over.status).toBe('failed');
    expect(over.error).toBe('the sheet xl/worksheets/sheet1.xml has 1500 rows, over the limit of 1000 (limits.spreadsheet.maxRows): not read; split the sheet or raise the limit');
    const under = await read('rows.xlsx', book, { limits: { spreadsheet: { maxRows: 1500 } } });
    expect(under.status).not.toBe('failed');
    expect(under.tables.length).toBeGreaterThan(0);
  });
});

describe('page images: pixels capped before they are allocated', () => {
  it('an embedded image over the pixel limit is never decoded: the page is not read, with the reason', async () => {
    const pdf = await pdfWithImage(3000, 3000);
    const doc = await read('image.pdf', pdf, { ocr: { pixels: { maxImageMegapixels: 4 } } });
    expect(doc.status).toBe('failed');
    expect(doc.error).toBe('no page could be read by OCR: the page image could not be decoded: its image of 3000 × 3000 pixels (9 megapixels) is over the limit of 4 megapixels (ocr.pixels.maxImageMegapixels): not decoded; re-scan at a lower resolution or raise the setting');
  });

  it('beside pages that were read, the page of that image is reported and the document is partial', async () => {
    const doc = await read('image.pdf', await pdfWithImage(3000, 3000, { textPage: true }), { ocr: { pixels: { maxImageMegapixels: 4 } } });
    expect(doc.status).toBe('partial');
    expect(doc.error).toBe('1 of 2 page(s) OCR could not read (2; see checks.csv ocr_page_unread); the other pages are kept');
    const unread = doc.checks.filter((c) => c.check_id === 'ocr_page_unread');
    expect(unread.map((c) => c.subject)).toEqual(['page 2']);
    expect(doc.messages.map((m) => m.text).join('\n')).toMatch(/page 2 OCR: could not be read: the page image could not be decoded: its image of 3000 × 3000 pixels \(9 megapixels\) is over the limit of 4 megapixels/);
  });

  it('a page too large to render within the limit is refused before its canvas is made', async () => {
    const doc = await read('page.pdf', pdfLargePage(5000), { ocr: { pixels: { maxPageMegapixels: 1 } } });
    expect(doc.status).toBe('failed');
    expect(doc.error).toMatch(/^no page could be read by OCR: .*the page is 5000 × 5000 pt: rendered within the limit of 1 megapixels \(ocr\.pixels\.maxPageMegapixels\) it would be 14 dpi, below 70 dpi; not read$/);
  });

  it('a large page is rendered at the resolution that fits the limit', () => {
    expect(renderDpiFor(595, 842, 200)).toBe(200); // A4: as asked
    const d = renderDpiFor(5000, 5000, 200);
    expect(Math.round(d)).toBe(79);
    expect(((5000 * d) / 72) ** 2).toBeLessThanOrEqual(DEFAULT_OCR_SETTINGS.pixels.maxPageMegapixels * 1e6 + 1);
    expect(() => renderDpiFor(14_400, 14_400, 200)).toThrow(/below 70 dpi; not read/);
    expect(renderDpiFor(14_400, 14_400, 200, resolveOcrSettings({ pixels: { minPageDpi: 10 } }))).toBeLessThan(30);
  });
});

describe('HTML: a byte limit', () => {
  it('a page over the limit is refused with its size and the limit', async () => {
    const doc = await read('big.html', bigHtml(3 * 1024 * 1024), { limits: { html: { maxMb: 1 } } });
    expect(doc.status).toBe('failed');
    expect(doc.error).toBe('the page is 3.0 MB, over the limit of 1 MB for HTML (limits.html.maxMb): not read; save the tables of the page apart or raise the limit');
  });
});

describe('the time limit in this thread (--workers 0)', () => {
  it('a document whose reading runs past the limit fails with the reason, and is not stored as a result', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'rows.xlsx'), await xlsxRows(2000));
    // reading a workbook (inflating, parsing 2,000 rows: synchronous, nothing can interrupt it) takes
    // more than a millisecond anywhere
    const slow = await ingest([join(dir, 'in')], { workers: 0, timeoutMs: 1, out: join(dir, 'out'), state: join(dir, 'state.sqlite') });
    expect(slow.documents[0]).toMatchObject({ status: 'failed' });
    expect(slow.documents[0]!.error).toMatch(/^gave up after \d+ s: \d+ s per document \(time limit\)/);
    expect(slow.run.incremental.not_stored).toBe(1);
    const inTime = await ingest([join(dir, 'in')], { workers: 0, timeoutMs: 120_000 });
    expect(inTime.documents[0]!.status).not.toBe('failed');
    expect(Number(inTime.documents[0]!.n_facts)).toBeGreaterThan(2000);
  }, 120_000);
});
