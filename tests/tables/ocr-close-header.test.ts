// A 支出总表 of a 部门预算 never tuned on, as OCR read a 1-bit scan of it (广州市商务局 2026 p. 4, the
// unseen fax-200 condition of the OCR bench; header and first rows as read). The scan misread
// digits in most rows (4 read 1, 3 read 5), so no column sum held on two thirds of them, and the
// columns whose header words came back a character off (基本文出) kept no measure: their facts were
// lost. A header one edit from a measure word of four characters or more, that word only among
// the kind's, names its measure when the identity 合计 = 基本支出 + 项目支出 + … will test it on the
// rows, its total named (normalizers/tables/ocr-measures.ts fuzzyClose), and a first amount column
// under 司计 is that total (misreadTotal); flagged as inferred.
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

const HEAD = ['科目编码', '科日史称', '合计', '基本文出', '项日支山', '事东单俘经菊支出', '对附居单仿补助支出', 'k缴上级支出'];
const ROWS = [
  ['', '合计', '121393.52', '16,310.74', '103,082,H(', '0.00', '0.00', '0.00'],
  ['201', '航公具服务支出', '38,167.63', '9,176.12', '28,991.51', '0.00', '0.00', '0.00'],
  ['20111', '纪枢盎察事艾', '7.40', '0.00', '7.10', '0.00', '0.00', '0.00'],
  ['2011105', '派非派出机枭', '7.10', '0.00', '7.1iC', '0.00', '0.00', '0.00'],
  ['20113', '康贸事务', '38,160.23', '9,176.12', '28,981.11', '0.00', '0.00', '0.00'],
  ['2011301', '行政迟行', '7,630,', '7,630.36', '0.0¢', '0.00', '0.00', '0.00'],
  ['2011302', '航行政笛理事务', '3,O86.', '0.00', '3086.62', '0.00', '0.00', '0.00'],
  ['2011308', '拐商引资', '1,011.', '0.00', '1,041.91', '0.00', '0.00', '0.00'],
  ['206', '科学技术支函', '1,738.93', '0.040', '1,738.91', '0.00', '0.00', '0.00'],
];
const table = (head = HEAD) => understandRows([head, ...ROWS], { kind: 'budget_expenditure', tableId: 't003', title: '支出总表', page: 4 });
const measures = (t: ReturnType<typeof table>) => t.columns.filter((c) => c.role === 'measure').map((c) => c.measure ?? '');

describe('a measure header OCR read one character off, on a scan whose digits break every sum', () => {
  it('names the measure of the one word it is an edit from, beside the named total', () => {
    const t = table();
    expect(measures(t)).toEqual(['expenditure_total', 'basic', '', '', '', 'remit_superior']);
    const basic = t.columns.find((c) => c.measure === 'basic')!;
    expect(basic.measure_evidence).toBe('fuzzy');
  });

  it('takes a first amount column under 司计 (合计 with its first character misread) for the total', () => {
    const t = table(['科目编码', '科日史称', '司计', ...HEAD.slice(3)]);
    expect(measures(t)).toEqual(['expenditure_total', 'basic', '', '', '', 'remit_superior']);
    expect(t.columns.find((c) => c.measure === 'expenditure_total')!.measure_evidence).toBe('fuzzy');
  });

  it('leaves it unnamed where no identity would test it: the header of the total misread too', () => {
    expect(measures(table(['科目编码', '科日史称', '司讨', ...HEAD.slice(3)]))).toEqual(['', '', '', '', '', '']);
    // a 小计 under a group is no table total
    expect(measures(table(['科目编码', '科日史称', '本年 / 司计', ...HEAD.slice(3)]))[0]).toBe('');
  });

  it('leaves unnamed a header two edits from every word (项日支山), or one as close to two words', () => {
    // 项目支出 read 项日支山: two edits of four, too far without a sum
    expect(measures(table())[2]).toBe('');
  });
});
