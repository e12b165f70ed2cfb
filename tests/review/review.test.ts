// The review page, opened in a real browser (headless Chromium): it loads from disk and shows the
// altered cell of seed 001's 公开05表 highlighted; a PDF source's page is embedded as an image.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReview, reviewCli } from '../../output/review/cli.js';
import { hasPdftoppm, pdfPages } from '../../output/review/pages.js';
import { runs } from '../diff/fixture.js';
import { dumpDom, hasChromium, screenshot } from './browser.js';
import { cutPdf } from '../extractors/pdf/corpus.js';
import { skipWithout } from '../system-tools.js';

// 公开04表 is p. 12 of the original; the fixture is cut to a few pages, so it is the fixture's page PAGE
const CUT = cutPdf('sh-putuo-caizhengju-2024-dept-final.pdf');
const PDF = CUT.file;
const PAGE = CUT.page(12);

describe('review page', () => {
  it('reviewCli writes one self-contained file; usage errors exit 2', async () => {
    const r = await runs();
    const out = join(r.root, 'review.html');
    expect(await reviewCli([r.newOut, '--out', out])).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toMatch(/<td class="flagged" data-flags="[^"]*hierarchy_sum[^"]*"[^>]*>1,558\.25<\/td>/);
    expect(await reviewCli([])).toBe(2);
    expect(await reviewCli([join(r.root, 'nope')])).toBe(2);
  });

  it.skipIf(skipWithout(hasChromium, 'chromium', 'chromium', 'the review page in a browser'))('loads in headless Chromium and shows the flagged cell', async () => {
    const r = await runs();
    const out = join(r.root, 'review-browser.html');
    expect(await reviewCli([r.newOut, '--out', out])).toBe(0);
    const dom = dumpDom(out);
    expect(dom).toContain('公开05表');
    const cell = /<td class="flagged" data-flags="([^"]*)" title="([^"]*)">1,558\.25<\/td>/.exec(dom);
    expect(cell, 'the altered 05表 cell is highlighted').not.toBeNull();
    expect(cell![1]).toMatch(/hierarchy_sum/);
    expect(cell![2]).toMatch(/1558\.25/);
    const png = screenshot(out, join(r.root, 'review.png'));
    expect(statSync(png).size).toBeGreaterThan(10_000);
  });

  it.skipIf(skipWithout(hasPdftoppm(), 'pdftoppm', 'poppler-utils', 'the review page image of a PDF page'))('embeds the source page of a PDF table as a PNG beside its grid', async () => {
    const img = pdfPages(PDF, process.cwd(), 40).page(PAGE);
    expect(img).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(img!.slice(22, 40), 'base64').subarray(1, 4).toString()).toBe('PNG');
    const html = renderReview([{
      row: { doc_id: 'x', source: PDF, format: 'pdf-text', status: 'ok' },
      checks: [],
      tables: [{ row: { table_id: 't004', table_no: '公开04表', title: '财政拨款收入支出决算总表', table_kind: 'fiscal_appropriation_summary', page_first: String(PAGE), n_facts: '1' }, grid: [['项目', '决算数'], ['本年收入合计', '2,940.05']], facts: [{ item: '本年收入合计', value: '2940.05', flags: 'grand_total' }], checks: [{ check_id: 'grand_total', severity: 'error', message: 'test' }] }],
    }], 'pdf review', { images: true });
    expect(html).toContain(`<img alt="page ${PAGE}" src="data:image/png;base64,`);
    expect(html).toMatch(/<td class="flagged"[^>]*>2,940\.05<\/td>/);
  });
});
