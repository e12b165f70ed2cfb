// Header rows as OCR leaves them on scanned tables (佛山市轨道交通局 2019 决算): the 栏次 row of a
// two-sided 收入支出决算总表 with one side's 栏次 misread and a column number lost, and a 收入决算表
// continued on the next page whose 合计 row comes again under the repeated header (OCR read the
// repeated 栏次 row otherwise, so the page merge keeps the rows after it).
import { describe, expect, it } from 'vitest';
import { isColumnNumberLine, isDataRow } from '../../normalizers/tables/header.js';
import { understandTable } from '../../normalizers/tables/understand.js';
import { kindById } from '../../normalizers/tables/kinds.js';
import type { TableCandidate } from '../../normalizers/tables/locate.js';
import { processDocument } from '../../pipeline/process-document.js';
import type { RawGrid } from '../../model/types.js';
import { corpusBytes, corpusPath } from '../extractors/pdf/corpus.js';

describe('a 栏次 row read by OCR', () => {
  it('is no data row when one side says 栏次 and the numbers are column numbers', () => {
    // pp. 5, 6, 7 of the scan at 200 dpi: the income side's 栏次 read as 卷奶 / 栏款 / SEAN, its `1' lost
    for (const other of ['卷奶', '栏款', 'SEAN']) {
      const row = [other, '', '', '栏次', '', '2'];
      expect(isColumnNumberLine(row)).toBe(true);
      expect(isDataRow(row)).toBe(false);
    }
    // p. 8 at 200 dpi: `1' lost and 4 read as 1 — 栏次 over nothing but column numbers still says it
    expect(isColumnNumberLine(['栏次', '', '', '2', '3', '1', '5', '6', '7'])).toBe(true);
  });

  it('leaves data rows alone', () => {
    expect(isColumnNumberLine(['一、一般公共预算财政拨款收入', '1', '1668.14', '一、一般公共服务支出', '27', '0.00'])).toBe(false);
    expect(isColumnNumberLine(['栏次', '合计', '12', '15'])).toBe(false);
    expect(isColumnNumberLine(['栏次', '', '1668.14'])).toBe(false);
    expect(isDataRow(['', '8', '', '八、社会保障和就业支出', '34', '76.23'])).toBe(true);
  });
});

const NAME = 'fs-guidaojiaotongju-2019-dept-final.pdf';

describe('a 合计 row printed again on a continuation page', () => {
  it('is read once', async () => {
    const doc = await processDocument(corpusPath(NAME), corpusBytes(NAME));
    const grids = doc.blocks.flatMap((b) => (b.kind === 'grid' && b.grid.rows.some((r) => r.some((c) => c.text === '本年收入合计')) && b.grid.rows.some((r) => r.some((c) => c.text === '合计')) ? [b.grid] : []));
    // the text layer of pp. 8–9 (收入决算表; the fixture is cut to pp. 5–23): the second page repeats 2 header rows, 栏次 and 合计
    const [p8, p9] = grids.filter((g) => g.rows[0]!.length === 9);
    expect(p8 && p9).toBeTruthy();
    const at = p9!.rows.findIndex((r) => r.some((c) => c.text === '合计'));
    const kept = p9!.rows.slice(at).map((r) => r.map(({ mergedFrom: _m, ...c }) => c));
    const grid: RawGrid = { ...p8!, rows: [...p8!.rows, ...kept], rowPages: [...p8!.rows.map(() => 8), ...kept.map(() => 9)], page_last: 9 };
    const cand: TableCandidate = { grid, title: '收入决算表', table_no: '表2', unit: '万元', before: [], notes: [], page: 8 };
    const t = understandTable(cand, kindById('income'), 't002');
    expect(t.rows.filter((r) => r.item === '合计')).toHaveLength(1);
    expect(t.rows.map((r) => r.code)).toEqual(expect.arrayContaining(['208', '214', '221', '2210201']));
  });
});
