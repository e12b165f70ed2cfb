// A table continued over scanned pages, end to end through OCR (committed: 烟台市医疗保障局 2026 预算
// pp. 7–9 as tests/fixtures/scans/make-scan-pdfs.sh makes them — 200 dpi grey, turned, noise,
// JPEG — joined with `img2pdf --imgsize 200dpi`): p. 7 is 公开表1 收支总体情况表, pp. 8–9 公开表2
// 收入总体情况表, whose second page prints the title block and the two header rows again. OCR reads
// the repeated header words differently on each page (婷敏管入 / Ma管A for 专户管理资金收入), the
// 部门 line with other brackets, and the page number —8— as Latin junk; the continuation must still be
// found, its header rows dropped, and its 项 rows (03 公务员医疗补助) take the 类/款 printed on the
// page before. On p. 7 OCR drops the 、 of 四、教育支出; the 类 is still resolved and the 、 written back.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDocument } from '../../pipeline/process-document.js';
import { closeSharedPool } from '../../extractors/ocr/index.js';
import type { DocumentRecord, Fact } from '../../model/types.js';
import { fixture as fixturePath } from '../fixture.js';

const fixture = fixturePath('scans/yt-yibaoju-2026-p07-p09-200dpi-scan.pdf');

let doc: DocumentRecord;
beforeAll(async () => {
  doc = await processDocument(fixture, new Uint8Array(readFileSync(fixture)));
}, 180_000);
afterAll(async () => {
  await closeSharedPool();
});

const value = (facts: Fact[], code: string, measure: string): string | undefined =>
  facts.find((f) => f.code === code && f.measure === measure)?.value.toString();

describe('a scanned table continued on the next page', () => {
  it('is one table over both pages, read by OCR', () => {
    const income = doc.tables.filter((t) => t.table_kind === 'budget_income');
    expect(income).toHaveLength(1);
    expect(income[0]!.method).toBe('ocr');
    expect([income[0]!.page_first, income[0]!.page_last]).toEqual([2, 3]);
  });

  it('drops the header rows printed again, however OCR read them', () => {
    const t = doc.tables.find((x) => x.table_kind === 'budget_income')!;
    const items = t.rows.map((r) => r.item);
    expect(items.filter((i) => /科目名称|科目编码|小计/.test(i))).toEqual([]);
    expect(t.rows.filter((r) => r.flags.includes('unlabelled_value'))).toEqual([]);
  });

  it('gives the second page\'s 项 rows the 类 and 款 of the page before', () => {
    const facts = doc.facts.filter((f) => f.table_kind === 'budget_income');
    // p. 9 prints only `03` and `01` in the 项 column; 210 11 and 210 13 are on p. 8 / above them
    expect(value(facts, '2101103', 'income_total')).toBe('12.28');
    expect(value(facts, '2101301', 'general_budget')).toBe('4285');
    expect(value(facts, '2210201', 'income_total')).toBe('172.12');
    // the 国有资本经营预算收入 column stays with its rows on both pages
    expect(value(facts, '223', 'state_capital')).toBe('1000');
    expect(facts.filter((f) => f.code === '' && f.item === '' )).toEqual([]);
  });

  it('resolves a 总表 expenditure 类 whose 、 OCR lost, and writes the 、 back', () => {
    const edu = doc.facts.find((f) => f.table_kind === 'budget_income_expenditure_summary' && f.section === 'expenditure' && f.code === '205');
    expect(edu?.item).toBe('四、教育支出');
    expect(edu?.code_source).toBe('resolved');
    expect(edu?.value.toString()).toBe('4.7');
  });
});
