// A photocopied page whose horizontal rules were lost in one column: the dev grid's
// photocopy-hi-200 scan (tests/bench/ocr-grid.ts) of 万里街道 2024 一般公共预算支出功能分类预算表
// (page 22 of the document), its tokens and rules as the page reading gave them
// (tests/fixtures/scans/wanlijiedao-p22-photocopy-hi-ocr.json: ocrPdfPagesDetailed's PageContent,
// coordinates rounded to 0.1 pt). The grey and speckle broke the row rules under the 项目支出
// column (they end at x 728 there), so that column's cells of several rows were one merged cell,
// its figures run together (`“257,700426,000426,000`) and copied to each row it spanned. Two
// figures one above the other are two cells (ruled.ts numberCells): a merged cell prints one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../../extractors/layout/index.js';
import type { PageContent, RawGrid } from '../../../model/types.js';
import { fixture } from '../../fixture.js';

const page = JSON.parse(readFileSync(fixture('scans/wanlijiedao-p22-photocopy-hi-ocr.json'), 'utf8')) as PageContent;

function grid(): RawGrid {
  const g = layoutPage(page).flatMap((b) => (b.kind === 'grid' ? [b.grid] : []));
  return g.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
}

describe('a ruled table whose row rules were lost in one column', () => {
  it('keeps each row\'s figure in its own cell', () => {
    const g = grid();
    const row = (name: string): string[] => g.rows.find((r) => r.some((c) => c.text === name))!.map((c) => c.text);
    const last = (name: string): string => row(name).at(-1)!;
    // 统计信息事务, 专项普查活动, 群众团体事务: 257,700, 257,700, 426,000 printed in 项目支出
    expect(last('统计信息事务').replace(/\D/g, '')).toMatch(/^25\d700$/);
    expect(last('专项普查活动').replace(/\D/g, '')).toBe('257700');
    expect(last('组织事务').replace(/\D/g, '')).toBe('888700');
    // no cell of the column spans rows
    const spans = g.rows.map((r) => r.at(-1)!).filter((c) => (c.rowSpan ?? 1) > 1 && /\d{3}/.test(c.text));
    expect(spans).toEqual([]);
  });
});
