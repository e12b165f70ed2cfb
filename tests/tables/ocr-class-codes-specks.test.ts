// A 收入预算总表 whose 类 | 款 | 项 header row OCR did not read (上海普陀 万里街道 2024 budget p. 11,
// the dev photocopy-hi-200 condition of the OCR grid bench: tesseract took the 类 款 项 line into the
// word 功能分类科目编码 above it and returned that word alone). The three code columns then carry only
// the spanning header, and the first of them is told to be the 类 part by its cells, 类 codes only.
// Off a photocopy two cells of that column are not clean codes: a toner speck read as a comma after
// the digits (208,) and a cell read as letters (as); on a continuation page a repeated header row
// puts the word 类 in the column (dev photocopy-md-200, 烟台市医疗保障局 2026 预算 p. 8). Read as one
// whole code column, every row took its 类 code alone (2010507 专项普查活动 as 201).
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

const HEAD = [
  ['项目', '', '', '', '收入预算', '收入预算', '收入预算', '收入预算', '收入预算'],
  ['功能分类科目编码', '', '', '功能分类科目名称', '合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入'],
];
/** rows of p. 11 as read (cell texts); `stray`: the first column's two cells as the photocopy gave them */
function table(stray: boolean) {
  const rows = [
    ...HEAD,
    ['201', '', '', '一般公共服务支出', '2,932,700', '2,932,700', '0', '0', '0'],
    ['201', '05', '', '统计信息事务', '257,700', '257,700', '0', '0', '0'],
    ['201', '05', '07', '专项普查活动', '257,700', '257,700', '0', '0', '0'],
    ['201', '29', '', '群众团体事务', '426,000', '426,000', '0', '0', '0'],
    ['201', '29', '02', '一般行政管理事务', '426,000', '426,000', '0', '0', '0'],
    ['204', '', '', '公共安全支出', '1,633,000', '1,633,000', '0', '0', '0'],
    ['204', '06', '', '司法', '300,000', '300,000', '0', '0', '0'],
    ['204', '06', '07', '公共法律服务', '300,000', '300,000', '0', '0', '0'],
    [stray ? 'as' : '204', '99', '', '其他公共安全支出', '1,333,000', '1,333,000', '0', '0', '0'],
    ['204', '99', '99', '其他公共安全支出', '1,333,000', '1,333,000', '0', '0', '0'],
    ['205', '', '', '教育支出', '250,000', '250,000', '0', '0', '0'],
    ['205', '99', '', '其他教育支出', '250,000', '250,000', '0', '0', '0'],
    ['205', '99', '99', '其他教育支出', '250,000', '250,000', '0', '0', '0'],
    ['206', '', '', '科学技术支出', '100,000', '100,000', '0', '0', '0'],
    ['206', '07', '', '科学技术普及', '100,000', '100,000', '0', '0', '0'],
    ['206', '07', '02', '科普活动', '100,000', '100,000', '0', '0', '0'],
    ['207', '', '', '文化旅游体育与传媒支出', '200,000', '200,000', '0', '0', '0'],
    ['207', '03', '', '体育', '200,000', '200,000', '0', '0', '0'],
    ['207', '03', '08', '群众体育', '200,000', '200,000', '0', '0', '0'],
    [stray ? '208,' : '208', '', '', '社会保障和就业支出', '19,604,064', '19,604,064', '0', '0', '0'],
    ['208', '05', '', '行政事业单位养老支出', '7,234,970', '7,234,970', '0', '0', '0'],
  ];
  return understandRows(rows, { kind: 'budget_income', tableId: 't002', title: '2024年部门收入预算总表', unit: '元', page: 3 });
}

describe('a split code column whose 类 | 款 | 项 header row OCR lost, with a speck and an unread cell', () => {
  it('is still three code parts: the same codes as from clean cells', () => {
    const clean = table(false);
    const stray = table(true);
    expect(clean.columns.slice(0, 3).map((c) => c.role)).toEqual(['code_part', 'code_part', 'code_part']);
    expect(stray.columns.slice(0, 3).map((c) => c.role)).toEqual(['code_part', 'code_part', 'code_part']);
    expect(stray.rows.map((r) => r.code)).toEqual(expect.arrayContaining(['201', '20105', '2010507', '20406', '2040607', '2049999', '208']));
  });

  it('a repeated header row’s 类 word in the column does not count against it', () => {
    const rows = [
      ['科目编码', '科目编码', '', '科目名称', '合计'],
      ['', '款', '', '', ''],
      ['', '', '', '合计', '16,375.67'],
      ['205', '', '', '教育支出', '4.70'],
      ['', '08', '', '进修及培训', '4.70'],
      ['', '', '03', '培训支出', '4.70'],
      ['类', '款', '项', '', ''],
      ['208', '', '', '社会保障和就业支出', '327.92'],
      ['', '05', '', '行政事业单位养老支出', '257.92'],
      ['', '', '01', '行政单位离退休', '13.27'],
    ];
    const t = understandRows(rows, { kind: 'budget_income', tableId: 't002', title: '2026年部门收入预算总表', page: 3 });
    expect(t.columns.slice(0, 3).map((c) => c.role)).toEqual(['code_part', 'code_part', 'code_part']);
  });

  it('is not taken for a 类 column when a cell holds other digits (an amount, a longer code)', () => {
    const rows = [
      ['功能分类科目编码', '', '功能分类科目名称', '合计'],
      ['201', '', '一般公共服务支出', '2,932,700'],
      ['201', '05', '统计信息事务', '257,700'],
      ['20105', '07', '专项普查活动', '257,700'],
      ['204', '', '公共安全支出', '1,633,000'],
    ];
    const t = understandRows(rows, { kind: 'budget_income', tableId: 't002', title: '2024年部门收入预算总表', page: 3 });
    expect(t.columns[0]!.role).toBe('code');
  });
});
