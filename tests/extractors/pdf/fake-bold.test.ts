// Fake bold: a producer that draws each header word several times over itself (xa-商务局-2022
// 部门综合预算: 收收收收收收入入入入入入, 数量数量数量数量数量数量). The text layer is read once per
// spot (dedupeItems, TEXT_LAYER_SETTINGS.dedupeTolerance); the page's numbers stay as they were.
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../extractors/pdf/matrix.js';
import { openPdf } from '../../../extractors/pdf/load.js';
import { extractPdfPages } from '../../../extractors/pdf/extract.js';
import { layoutPage } from '../../../extractors/layout/index.js';
import { dedupeItems, itemsToTokens, TEXT_LAYER_SETTINGS, type RawTextItem } from '../../../extractors/pdf/text.js';
import { processDocument } from '../../../pipeline/process-document.js';
import { fixture } from '../../fixture.js';

// pages 36 (表1 收支总表) and 58 (表12 政府采购预算表) of corpus-budgets/xa-商务局-2022-dept-budget.pdf
const FILE = fixture('pdf', 'xa-商务局-2022-dept-budget.p36+58.pdf');
const bytes = (): Uint8Array => new Uint8Array(readFileSync(FILE));

const UPRIGHT: Matrix = [1, 0, 0, -1, 0, 842];
const item = (str: string, x: number, y: number, fontName = 'f1', size = 10): RawTextItem => ({ str, transform: [size, 0, 0, size, x, y], width: size * str.length, fontName });
const REPEATED = /(.{1,4})\1\1/u;

describe('dedupeItems', () => {
  it('reads a run drawn again over itself once, keeping the first drawing', () => {
    const items = [item('支', 100, 500), item('出', 140, 500), item('支', 100.01, 500), item('出', 140, 500.3), item('支', 100, 500)];
    expect(dedupeItems(items).map((i) => i.str)).toEqual(['支', '出']);
    expect(dedupeItems(items)[0]).toBe(items[0]);
  });

  it('keeps the same value printed in two cells, other fonts and sizes, and anything beyond the tolerance', () => {
    const tol = TEXT_LAYER_SETTINGS.dedupeTolerance;
    const items = [
      item('0.00', 300, 400),
      item('0.00', 360, 400), // the next cell
      item('0.00', 300, 388), // the next row
      item('0.00', 300 + tol * 1.5, 400), // just beyond the tolerance
      item('0.00', 300, 400, 'f2'), // another font
      item('0.00', 300, 400, 'f1', 12), // another size
    ];
    expect(dedupeItems(items)).toHaveLength(items.length);
    expect(dedupeItems([item('0.00', 300, 400), item('0.00', 300 + tol * 0.9, 400)])).toHaveLength(1);
    expect(dedupeItems([item('0.00', 300, 400), item('0.00', 300 + tol * 0.9, 400)], { ...TEXT_LAYER_SETTINGS, dedupeTolerance: 0 })).toHaveLength(2);
  });
});

describe('fake bold on a real page (xa-商务局-2022 pp. 36, 58)', () => {
  it('the pdf.js text layer holds the header words several times over', async () => {
    const doc = await openPdf(bytes(), { skipImages: true });
    try {
      const page = await doc.getPage(1);
      const tc = await page.getTextContent();
      const items = tc.items.filter((i): i is typeof i & RawTextItem => 'str' in i) as unknown as RawTextItem[];
      const raw = itemsToTokens(items, UPRIGHT, {}, () => undefined);
      const once = itemsToTokens(dedupeItems(items), UPRIGHT, {}, () => undefined);
      expect(raw.filter((t) => t.text === '支').length).toBeGreaterThanOrEqual(6);
      expect(once.filter((t) => t.text === '支')).toHaveLength(1);
      // no number is dropped or moved: every figure of the page is drawn once
      const figures = (toks: typeof raw) => toks.filter((t) => /^[\d,.-]+$/.test(t.text)).map((t) => `${t.text}@${t.box.x0.toFixed(1)},${t.box.y0.toFixed(1)}`);
      expect(figures(once)).toEqual(figures(raw));
      expect(figures(once).length).toBeGreaterThan(90);
    } finally {
      await doc.destroy();
    }
  });

  it('the header reads 收入 / 支出 over 项目 / 预算数, once', async () => {
    const { pages } = await extractPdfPages(bytes(), { only: [1] });
    const grid = layoutPage(pages[0]!).flatMap((b) => (b.kind === 'grid' ? [b.grid] : []))[0]!;
    const head = grid.rows.slice(0, 2).map((r) => r.map((c) => c.text).filter((t) => t !== ''));
    expect(head).toEqual([
      ['序号', '收入', '支出'],
      ['项目', '预算数', '支出功能分科目（按大类）', '预算数', '部门预算支出经济科目（按大类）', '预算数', '政府预算支出经济分类科目（按大类）', '预算数'],
    ]);
  });

  it('through the pipeline: 支出 / 预算数 and 数量 / 预算金额, the same numbers as before', async () => {
    const doc = await processDocument(FILE, bytes());
    expect(doc.facts.filter((f) => REPEATED.test(f.measure_label))).toEqual([]);
    const of = (page: number, label: string) => doc.facts.filter((f) => f.page === page && f.measure_label === label);
    const sum = (fs: { value: Decimal }[]) => fs.reduce((s, f) => s.plus(f.value), new Decimal(0)).toFixed(2);
    // counts and sums as read before the fix (then under the doubled labels)
    expect([of(1, '收入 / 预算数').length, sum(of(1, '收入 / 预算数'))]).toEqual([12, '2093728601.60']);
    expect([of(1, '支出 / 预算数').length, sum(of(1, '支出 / 预算数'))]).toEqual([58, '4068700070.40']);
    expect([of(2, '数量').length, sum(of(2, '数量'))]).toEqual([22, '128075.00']);
    expect([of(2, '预算金额').length, sum(of(2, '预算金额'))]).toEqual([22, '73056400.00']);
    expect(of(1, '收入 / 预算数').find((f) => f.item === '一、部门预算')?.value.toFixed(2)).toBe('581242867.20');
  });
});
