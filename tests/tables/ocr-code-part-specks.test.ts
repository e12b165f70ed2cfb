// Split 类/款/项 code columns of a 一般公共预算支出情况表 as OCR read the dev grid's photocopy-200 scan
// of it (烟台 医疗保障局 2026, tests/bench/ocr-grid.ts; rows as read): a toner speck beside the 款 12
// came back as a point (.12), and the row lost its code and the rows under it their 款. Codes print
// no points, commas or quote marks: the part is read without them.
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

const ROWS = [
  ['科目编码', '', '', '科目名称', '合计', '基本支出', '', '', '项目支出'],
  ['类', '款', '项', '', '', '小计', '人员支出', '日常公用支出', ''],
  ['210', '', '', '卫生健康支出', '14,870.93', '1,765.93', '1,605.16', '160.78', '13,105.00'],
  ['', '11', '', '行政事业单位医疗', '142. 2', '142.26', '142. 2', '', ''],
  ['', '', '01', '行政单位医疗', '22.41', '22.41', '22.41', '', ''],
  ['', '.12', '', '财政对基本医疗保险基金的补助', '8000.00', '', '', '', '8,600.00'],
  ['', '', '02', '财政对城乡居民基本医疗保险基金的补助', '8,000.00', '', '', '', '8,000.00'],
  ['', '13', '', '医疗救助', '4,285.00', '', '', '', '1,285.00'],
  ['', '', '01.', '城乡医疗救助', '4,285.00', '', '', '', '4,285.00'],
];

describe('code parts with a speck read beside them', () => {
  it('are read without the mark, and the rows under them carry the part', () => {
    const t = understandRows(ROWS, { kind: 'budget_general_expenditure', tableId: 't005', title: '一般公共预算支出情况表', page: 6 });
    expect([...new Set(t.rows.map((r) => r.code))]).toEqual(['210', '21011', '2101101', '21012', '2101202', '21013', '2101301']);
  });
});
