// A 部门预算 支出总表 never tuned on (长春市信访局 2026) as OCR read the unseen bench's photocopy-200
// scan of it (tests/bench/ocr-unseen.ts, BENCH_UNSEEN_SOURCE=../shared/corpus; cells as read): the
// preparer's line split over three cells with its first words misread (预符单位长菊市 | 信访局 |
// 单位万元), 小计 read 少计, 基本支出 read 菊沛文出, 经营 read 经菊. The text layer of the page names
// 合计 expenditure_total, 当年预算 / 小计 expenditure_total.current_year and 上年结转结余 / 小计
// carryover. Before:
// - the preparer's line was a level of every column's header (信访局 / 合计 …), so no path pattern
//   of the kind matched (header.ts isPreambleRow);
// - 当年预算 / 菊沛文出 and 当年预算 / 事业单位经菊支出 took this year's amount from the 当年预算 above
//   their unread words, which is the kind's total: 合计, the two and 少计 then shared one id, and
//   none of them kept it (measures.ts: a level of its own that names nothing gives an OCR'd column
//   no generic measure from above);
// - 少计 named nothing, though it sums its group (ocr-measures.ts currentPartBySum).
import { describe, expect, it } from 'vitest';
import { isPreambleRow } from '../../normalizers/tables/header.js';
import { understandRows } from './ocr-rows.js';

const PREPARER = ['预符单位长菊市', '信访局', '', '', '', '', '', '', '', '', '单位万元'];
const HEAD = [
  ['Hams', '功能分类科日名称', '合计', '当年预算', '', '', '', '上年结转结余', '', '', ''],
  ['', '', '', '少计', '菊沛文出', '项目支出', '事业单位经菊支出', '小计', '基本支出', '项目支出', '事业单位经菊支出'],
];
const ROWS = [
  ['总计', '总计', '1682.76', '1682.76', '1208.2', '474.56', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['201', '一般公共服务支出', '1378.41', '1378.41', '903.85', '474.56', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['20140', '信访事务', '1378.41', '1378.41', '903.85', '474.56', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['2014001', '行政运行', '903.85', '903.85', '903.85', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['2014099', '其他信访事务支出', '474.56', '474.56', '0.00', '474.56', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['208', '社会保障和就业支出', '115.73', '115.73', '115.73', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
];
const place = { kind: 'budget_expenditure', tableId: 't003', fiscalYear: '2026' };
const measures = (rows: string[][], method: 'ocr' | 'ruled' = 'ocr'): string[] => understandRows(rows, place, method).columns.map((c) => c.measure ?? '');

describe('an OCR\'d 支出总表 whose own header words were misread', () => {
  it('takes the preparer\'s line split over cells for the title block', () => {
    expect(isPreambleRow(PREPARER)).toBe(true);
    // a header row that opens with a unit's words is no preamble
    expect(isPreambleRow(['单位名称', '合计', '基本支出', '项目支出'])).toBe(false);
    expect(isPreambleRow(HEAD[0]!)).toBe(false);
  });

  it('names the columns whose words were read as the text layer does, and leaves the others unnamed', () => {
    const m = measures([PREPARER, ...HEAD, ...ROWS]);
    expect(m.slice(2)).toEqual(['expenditure_total', 'expenditure_total.current_year', '', 'project', '', 'carryover', 'basic.carryover', 'project.carryover', '']);
  });

  it('names 少计 by its sum only: a column that does not sum its group stays unnamed', () => {
    const broken = ROWS.map((r) => [...r.slice(0, 3), '9' + r[3]!, ...r.slice(4)]);
    expect(measures([...HEAD, ...broken])[3]).toBe('');
  });
});
