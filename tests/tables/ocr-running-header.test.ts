// A table continued on the next page of a photocopied scan, under a running page header OCR read
// differently on every page (无锡市人力资源和社会保障局 2026 部门预算 pp. 16–19, the unseen
// photocopy-200 condition of the OCR bench: tests/fixtures/scans/wx-renshe-photocopy-200-p02-p05-
// ocr-blocks.json holds the text lines and grids the OCR stage handed on, cells' text only). The
// running header over the 支出总表's first page was misread wholly (ENIARIRSUN Or sik), so the one
// over its second page (…社会保陈局2026年度部门预符公开) matched nothing printed before the table,
// and the second page was a table of its own, of unknown kind. A running header is told by the
// top lines of the other pages (normalizers/tables/running-lines.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locateTables } from '../../normalizers/tables/locate.js';
import { runningLines } from '../../normalizers/tables/running-lines.js';
import { understandTable } from '../../normalizers/tables/understand.js';
import { classifyTable } from '../../normalizers/tables/classify.js';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { Block } from '../../model/types.js';
import { fixture } from '../fixture.js';

const blocks = JSON.parse(readFileSync(fixture('scans/wx-renshe-photocopy-200-p02-p05-ocr-blocks.json'), 'utf8')) as Block[];
const tax = loadTaxonomy();
const spans = (from: Block[]) => locateTables(from).map((c) => [c.title, c.grid.page_first, c.grid.page_last]);
/** the blocks with the line at the top of `page` given another text */
const retop = (page: number, text: string): Block[] => {
  let done = false;
  return blocks.map((b) => {
    if (done || b.kind !== 'line' || b.page !== page) return b;
    done = true;
    return { ...b, text };
  });
};

describe('a running page header over a continued table', () => {
  it('is told by the top lines of other pages, and the continued page joins its table', () => {
    expect(spans(blocks)).toEqual([
      ['收支总表', 2, 2],
      ['收入总表', 3, 3],
      ['支出总表', 4, 5],
    ]);
    const cand = locateTables(blocks)[2]!;
    const kind = classifyTable(cand, 'budget').kind;
    expect(kind?.id).toBe('budget_expenditure');
    const t = understandTable(cand, kind, 't003', { fiscalYear: '2026' });
    const facts = factsOfTable(t, { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax });
    // rows of the second page (p. 5) are the 支出总表's, with its measures
    const row = (code: string) => Object.fromEntries(facts.filter((f) => f.code === code).map((f) => [f.measure, f.value.toString()]));
    expect(row('2080506')).toEqual({ expenditure_total: '962.08', basic: '962.08' });
    expect(row('2210201')).toMatchObject({ expenditure_total: '1834.32', basic: '1834.32' });
    expect(facts.filter((f) => f.page === 5).length).toBeGreaterThan(40);
  });

  it('is no running header when no other page reads it alike: the page stays a table of its own', () => {
    // p. 2's top line is the only other reading close enough to p. 5's (p. 3's misreads four of 24)
    expect(spans(retop(2, '部门预算公开目录说明'))).toEqual([
      ['收支总表', 2, 2],
      ['收入总表', 3, 3],
      ['支出总表', 4, 4],
      ['', 5, 5],
    ]);
  });

  it('never takes a title, a table number or a short line for one', () => {
    const top = (page: number, text: string): Block => ({ kind: 'line', text, page });
    const may = (t: string) => !t.includes('表');
    const found = runningLines([top(1, '无锡市人力资源和社会保障局2026年度部门预算公开'), top(2, '无锡市人力资源和社会保陈局2026年度部门预符公开'), top(3, '一般公共预算支出表'), top(4, '一般公共预算支出表'), top(5, '部门预算公开'), top(6, '部门预算公开')], true, may);
    expect([...found]).toEqual(['无锡市人力资源和社会保障局2026年度部门预算公开', '无锡市人力资源和社会保陈局2026年度部门预符公开']);
    // lines under a page's first grid are not at its top
    const under: Block[] = [{ kind: 'grid', page: 7, grid: { method: 'ocr', rows: [] } }, top(7, '无锡市人力资源和社会保障局2026年度部门预算公开')];
    expect([...runningLines([top(1, '无锡市人力资源和社会保障局2026年度部门预算公开'), ...under], true, may)]).toEqual([]);
  });
});
