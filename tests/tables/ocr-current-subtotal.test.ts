// A 部门预算 支出总表 as OCR read a grey JPEG scan of it (the development set of tests/bench/
// ocr-unseen.ts, q80-200; rows as read): its 部门 and unit line (预算单位长春市信访局 … 单位万元, the
// colons lost) taken into the grid, and 合计 read 台计. The text layer of the same page gives 合计
// → expenditure_total, 当年预算 / 小计 → expenditure_total.current_year and 上年结转结余 / 小计 →
// carryover. Before: the 部门/unit line was a level of every column's header (so no path pattern of
// the kind matched), and the 小计 under 当年预算 was taken for the subtotal of an unread group and
// lost its measure to the column 台计 whose sum named it the total (normalizers/tables/header.ts
// isPreambleRow, ocr-measures.ts currentPart).
import { describe, expect, it } from 'vitest';
import { isPreambleRow } from '../../normalizers/tables/header.js';
import { understandRows } from './ocr-rows.js';

const UNIT_LINE = ['预算单位长春市信访局', '', '', '', '', '', '', '', '', '', '单位万元'];
const HEAD = [
  ['科目编码', '功能分类科目名称', '台计', '当年预算', '', '', '', '上年结转结余', '', '', ''],
  ['', '', '', '小计', '基本支出', '项目支出', '事业单位经营支出', '小计', '基本支出', '项目支出', '事业单位经曾支出'],
];
const ROWS = [
  ['总计', '', '1682.76', '1682.76', '1208.2', '474.56', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['201', '一般公共服务支出', '1378.41', '1378.41', '903.85', '474.56', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['20140', '信访事务', '1378.41', '1378.41', '903.85', '474.56', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['2014001', '行政运行', '903.85', '903.85', '903.85', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['2014099', '其他信访事务支出', '474.56', '474.56', '0.00', '474.56', '0.00', '0.00', '0.00', '0.00', '0.00'],
];
const measures = (head: string[][]) => understandRows([...head, ...ROWS], { kind: 'budget_expenditure', tableId: 't003', fiscalYear: '2026' }).columns.map((c) => c.measure ?? '');

describe('an OCR\'d 支出总表 with its 部门/unit line in the grid and 合计 misread', () => {
  it('takes the 部门/unit line for the title block, not a level of the header', () => {
    expect(isPreambleRow(UNIT_LINE)).toBe(true);
    expect(isPreambleRow(['预算单位：长春市信访局', '', '单位：万元'])).toBe(true);
    // a header row of column words is no preamble
    expect(isPreambleRow(['单位代码', '单位名称', '单位资金'])).toBe(false);
    expect(isPreambleRow(HEAD[0]!)).toBe(false);
  });

  it('names the columns as the text layer does', () => {
    const m = measures([UNIT_LINE, ...HEAD]);
    expect(m.slice(2, 10)).toEqual(['expenditure_total', 'expenditure_total.current_year', 'basic', 'project', 'operating_expenditure', 'carryover', 'basic.carryover', 'project.carryover']);
  });

  it('keeps the current year\'s 小计 beside a 合计 read as printed', () => {
    const read = [['科目编码', '功能分类科目名称', '合计', ...HEAD[0]!.slice(3)], HEAD[1]!];
    expect(measures(read).slice(2, 4)).toEqual(['expenditure_total', 'expenditure_total.current_year']);
  });
});
