import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../model/stages.js';
import { extractPdfPages, pdfExtractor } from '../../../extractors/pdf/index.js';
import { corpusBytes, corpusPath, cutPdf, pageContent } from './corpus.js';

const ctx = { source: 'test' };

/** A one-page PDF with a Standard security handler whose user password is not empty. */
function encryptedPdf(): Uint8Array {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  const id = '11'.repeat(16);
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('pdf extractor: bad input', () => {
  it('rejects a zero-byte file', async () => {
    await expect(pdfExtractor.extract(new Uint8Array(0), ctx)).rejects.toThrow(InputError);
    await expect(pdfExtractor.extract(new Uint8Array(0), ctx)).rejects.toThrow(/empty file/);
  });

  it('rejects a non-PDF', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><body>404</body></html>');
    await expect(pdfExtractor.extract(html, ctx)).rejects.toThrow(/not a PDF/);
  });

  it('rejects a truncated PDF with a one-line message', async () => {
    const full = readFileSync(corpusPath('sh-putuo-shehuigongzuobu-2024-dept-final.pdf'));
    for (const share of [0.01, 0.5, 0.95]) {
      const cut = new Uint8Array(full.subarray(0, Math.floor(full.length * share)));
      const err = await pdfExtractor.extract(cut, ctx).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).toMatch(/truncated or corrupt PDF/);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('rejects a PDF that needs a user password', async () => {
    await expect(pdfExtractor.extract(encryptedPdf(), ctx)).rejects.toThrow(/encrypted PDF \(password required\)/);
  });

  it('rejects a header followed by garbage', async () => {
    const junk = new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(4000));
    await expect(pdfExtractor.extract(junk, ctx)).rejects.toThrow(InputError);
  });
});

describe('pdf extractor: text layer', () => {
  it('yields Chinese text from non-embedded CJK fonts (Yantai) via the cMaps', async () => {
    const pc = await pageContent('yt-yibaoju-2026-dept-budget.pdf', 7);
    const all = pc.tokens.map((t) => t.text).join('');
    expect(all).toContain('收支总体情况表');
    expect(all).toContain('16,375.67');
    expect(pc.needsOcr).toBeFalsy();
  });

  it('gives top-left boxes, font sizes and no whitespace tokens', async () => {
    const pc = await pageContent('sh-putuo-caizhengju-2024-dept-final.pdf', 8);
    expect(pc.width).toBeCloseTo(842, 0);
    expect(pc.height).toBeCloseTo(595, 0);
    const title = pc.tokens.find((t) => t.text === '收入决算表')!;
    const total = pc.tokens.find((t) => t.text === '2,946.25')!;
    expect(title.fontSize).toBeCloseTo(16, 1);
    expect(title.box.y0).toBeLessThan(total.box.y0); // title above the table: y grows downwards
    expect(title.box.y0).toBeGreaterThan(80);
    expect(title.box.y1).toBeLessThan(110);
    expect(pc.tokens.every((t) => /\S/.test(t.text) && !/\s/.test(t.text))).toBe(true);
  });

  it('marks bold fonts and gives the real font name', async () => {
    const pc = await pageContent('fz-yibaoju-2026-dept-budget.pdf', 4);
    const heading = pc.tokens.find((t) => t.text === '一、部门主要职责')!;
    expect(heading.bold).toBe(true);
    expect(heading.fontName).toBe('SimSun,Bold');
    expect(pc.tokens.filter((t) => !t.bold).length).toBeGreaterThan(10);
  });

  it('does not send a blank page (an empty frame, no text, no image) to OCR', async () => {
    const pc = await pageContent('sh-putuo-caizhengju-2024-dept-final.pdf', 14);
    expect(pc.tokens).toHaveLength(0);
    expect(pc.needsOcr).toBeFalsy();
    const scan = await pageContent('xa-yibaoju-2022-dept-budget.pdf', 16);
    expect(scan.needsOcr).toBe(true);
  });

  it('reads ruling lines (stroked lines) and thin filled rectangles', async () => {
    const stroked = await pageContent('sh-putuo-caizhengju-2024-dept-final.pdf', 8);
    expect(stroked.rulings.length).toBeGreaterThan(100);
    expect(stroked.rulings.every((r) => r.x0 === r.x1 || r.y0 === r.y1)).toBe(true);
    // gz-weijianwei draws its rules as thin filled (mitred) polygons
    const filled = await pageContent('gz-weijianwei-2026-dept-budget.pdf', 10);
    expect(filled.rulings.length).toBeGreaterThan(20);
  });

  it('turns rotated pages upright', async () => {
    // js-rendachangweihui-2019 tables are landscape pages with /Rotate
    const pc = await pageContent('js-rendachangweihui-2019-dept-budget-tables.pdf', 2);
    expect(pc.rotation).not.toBe(0);
    expect(pc.width).toBeGreaterThan(pc.height);
    const wide = pc.tokens.filter((t) => t.text.length >= 3);
    expect(wide.filter((t) => t.box.x1 - t.box.x0 > t.box.y1 - t.box.y0).length).toBeGreaterThan(wide.length * 0.9);
  });

  it('marks image-only PDFs as pdf-scanned with every page needing OCR (OCR switched off)', async () => {
    // the fixture keeps pp. 1–2 of the 8 image-only pages
    const r = await pdfExtractor.extract(corpusBytes('bj-zhengshuju-2026-dept-budget-narrative-IMAGEONLY.pdf'), { ...ctx, ocr: false });
    expect(r.format).toBe('pdf-scanned');
    expect(r.pages).toBe(2);
    expect(r.needsOcrPages).toEqual([1, 2]);
    expect(r.blocks).toEqual([]);
  });

  it('extracts a whole text PDF into titles and grids', async () => {
    const r = await pdfExtractor.extract(corpusBytes('sh-putuo-shehuigongzuobu-2024-dept-final.pdf'), ctx);
    expect(r.format).toBe('pdf-text');
    expect(r.pages).toBe(24);
    const gridsFound = r.blocks.filter((b) => b.kind === 'grid').length;
    expect(gridsFound).toBeGreaterThanOrEqual(9);
    const lines = r.blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : []));
    expect(lines).toContain('收入支出决算总表');
  });

  it('can read selected pages only', async () => {
    // the fixture is pp. 5–23 of the 31 pages: pp. 6–7 of the original are its pp. 2–3
    const cut = cutPdf('fs-guidaojiaotongju-2019-dept-final.pdf');
    const { pages, numPages } = await extractPdfPages(corpusBytes(cut.name), { only: [cut.page(6), cut.page(7)] });
    expect(numPages).toBe(19);
    expect(pages.map((p) => p.page)).toEqual([2, 3]);
  });
});
