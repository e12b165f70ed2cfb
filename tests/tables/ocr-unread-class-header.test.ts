// A 一般公共预算支出功能分类预算表 scanned skewed (上海普陀 万里街道 2024 budget, the skew-200 condition
// of the OCR grid bench): OCR read the 款 and 项 words over the second and third code columns and
// nothing under 功能分类科目编码 over the first, whose cells are 类 codes and, on the total row, the
// 合计 label printed across the code columns. The first column is still the 类 part: read as a
// whole code, every row took its 类 code alone (20105 统计信息事务 as 201).
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

/** the header and the first rows of p. 8; `read`: the 类 word read, `lost`: not read */
function table(header: 'read' | 'lost') {
  const rows = [
    ['项目', '项目', '项目', '项目', '一般公共预算支出', '一般公共预算支出', '一般公共预算支出'],
    ['功能分类科目编码', '功能分类科目编码', '功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
    [header === 'read' ? '类' : '', '款', '项', '', '', '', ''],
    ['合计', '', '', '', '156,211,123', '99,706,020', '56,505,103'],
    ['201', '', '', '一般公共服务支出', '2,932,700', '0', '2,932,700'],
    ['201', '05', '', '统计信息事务', '257,700', '0', '257,700'],
    ['201', '05', '07', '专项普查活动', '257,700', '0', '257,700'],
    ['201', '29', '', '群众团体事务', '426,000', '0', '426,000'],
    ['201', '29', '02', '一般行政管理事务', '426,000', '0', '426,000'],
  ];
  return understandRows(rows, { kind: 'budget_general_expenditure', tableId: 't003', title: '2024年部门一般公共预算支出功能分类预算表', unit: '元', page: 8 });
}

describe('a split code column whose 类 header OCR did not read, over a 合计 row', () => {
  it('is still the 类 part of the code: the same codes as with the header read', () => {
    const read = table('read');
    const lost = table('lost');
    expect(read.rows.map((r) => r.code)).toEqual(expect.arrayContaining(['201', '20105', '2010507', '20129', '2012902']));
    expect(lost.rows.map((r) => r.code)).toEqual(read.rows.map((r) => r.code));
  });
});
