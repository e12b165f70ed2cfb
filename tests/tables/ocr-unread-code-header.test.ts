// A 收入预算总表 scanned at 150 dpi (上海普陀 万里街道 2024 budget, the q80-150 condition of the OCR grid
// bench): OCR read the header words over the first two code columns (项目 / 功能分类科目编码 / 类, 款)
// and nothing over the third, nor 项目 over the name column (the table's header as written). The
// third column holds code parts (07, 02), so it is the 项 part of the code, not a measure: read as
// a measure it started a second block at the name column, whose top header word 收入预算 then put
// every row in a section `income` the table does not have, and the 项 codes were lost.
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

/** the header and the first rows of p. 3; `read`: the header over the 项 and name columns read
 *  (as at 200 dpi), `lost` as at 150 dpi, `misread`: 项 read as `I` (a 1-bit scan, the fax
 *  condition) */
function table(header: 'read' | 'lost' | 'misread') {
  const [a, b, c] = header === 'read' ? ['项目', '功能分类科目编码', '项'] : header === 'misread' ? ['项目', '功能分类科目编码', 'I'] : ['', '', ''];
  const rows = [
    ['项目', '项目', a, a, '收入预算', '收入预算', '收入预算', '收入预算', '收入预算'],
    ['功能分类科目编码', '功能分类科目编码', b, '功能分类科目名称', '合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入'],
    ['类', '款', c, '', '', '', '', '', ''],
    ['201', '', '', '一般公共服务支出', '2,932,700', '2,932,700', '0', '0', '0'],
    ['', '05', '', '统计信息事务', '257,700', '257,700', '0', '0', '0'],
    ['', '', '07', '专项普查活动', '257,700', '257,700', '0', '0', '0'],
    ['', '29', '', '群众团体事务', '426,000', '426,000', '0', '0', '0'],
    ['', '', '02', '一般行政管理事务', '426,000', '426,000', '0', '0', '0'],
  ];
  return understandRows(rows, { kind: 'budget_income', tableId: 't002', title: '2024年部门收入预算总表', unit: '元', page: 3 });
}

describe('a code column whose 项 header OCR did not read', () => {
  it('is still the 项 part of the code: no section, the same codes as with the header read', () => {
    const read = table('read');
    for (const other of [table('lost'), table('misread')]) {
      expect(new Set(read.rows.map((r) => r.section))).toEqual(new Set(['']));
      expect(new Set(other.rows.map((r) => r.section))).toEqual(new Set(['']));
      expect(other.rows.map((r) => r.code)).toEqual(read.rows.map((r) => r.code));
      expect(other.rows.map((r) => r.code)).toEqual(expect.arrayContaining(['2010507', '2012902']));
    }
  });
});
