// A 决算 table printed under its number only, 公开02表, whose 开 a 1-bit scan misread (公心02表: the
// 收入决算表 of 国家信访局 2024 on the dev fax50-200 scan of the OCR grid bench, the rows below as read).
// Its title names no kind and its header words (札年收入合计, 财政拨散收入) too few; the number's own
// syntax — 公, one character, two digits, 表 and nothing else — still names it
// (normalizers/tables/classify.ts misreadNumber), the kind flagged ocr_kind_inferred.
import { describe, expect, it } from 'vitest';
import type { GridCell } from '../../model/types.js';
import { classifyTable, misreadNumber, OCR_KIND_INFERRED } from '../../normalizers/tables/classify.js';
import type { TableCandidate } from '../../normalizers/tables/locate.js';

function candidate(title: string, rows: string[][], tableNo = ''): TableCandidate {
  const grid = { rows: rows.map((r) => r.map((text) => ({ text }) as GridCell)), method: 'ocr' } as unknown as TableCandidate['grid'];
  return { title, table_no: tableNo, unit: '万元', before: [], notes: [], grid };
}

const ROWS = [
  ['埋日 / 科日代仪', '埋日 / 科月幼称', '札年收入合计', '财政拨散收入', '1级朱助收', '事非收入', '线菊收入', '附属单位1缴收入', '其他收入'],
  ['仕计', '仕计', '20,451.35', '19,572.91', '', '', '', '', '878.44'],
  ['201【航公共服务支出', '201【航公共服务支出', '16,770.89', '13,892.15', '', '', '', '', '878.1i'],
  ['201-10', '信访事务', '16,770.89', '13,892.15', '', '', '', '', '878.44'],
  ['201-1001', '行收运行', '6,000.76', '3,732.26', '', '', '', '', '268.50'],
  ['2011002', '航行政管理冠务', '33.00', '33.00', '', '', '', '', ''],
  ['201-1003', '机关服务', '839.13', '229.19', '', '', '', '', '609.94'],
  ['2014001', '信访业务', '2,124.72', '2124.72', '', '', '', '', ''],
];

describe('a 公开NN表 number misread in one character', () => {
  it('names the kind it numbers, flagged as inferred', () => {
    expect(misreadNumber(candidate('公心02表', ROWS))).toBe('公开02表');
    const c = classifyTable(candidate('公心02表', ROWS), 'final_accounts');
    expect(c.kind?.id).toBe('income');
    expect(c.flags).toContain(OCR_KIND_INFERRED);
  });

  it('is no number when the title says more, or the digits are not two', () => {
    expect(misreadNumber(candidate('公心02表收入', ROWS))).toBe('');
    expect(misreadNumber(candidate('公心2表', ROWS))).toBe('');
    // a number read right is the table's number already
    expect(misreadNumber(candidate('公心02表', ROWS, '公开02表'))).toBe('');
  });
});
