// A 支出总表 of a 2026 部门预算 never tuned on, as OCR read a photocopy-like scan of it (长春市信访局,
// the OCR bench's unseen documents of ../shared/corpus, photocopy-200; the header's words as read,
// the rows of 2014001 行政运行): its 当年预算 / 基本支出 column was lost with a rule, so the only
// 基本支出 left was the one under 上年结转结余, and it was named `basic`, this year's: 0.00 stood
// for 行政运行's 903.85 basic expenditure, silently. Two columns of one measure are told apart by the
// group above them (basic, basic.carryover); a lone column under 上年结转 is the carry-over's part
// too (normalizers/tables/measures.ts separateDuplicates), read by OCR or from a text layer.
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

const H0 = ['科目编码', '科目名称', '合计', '当年预算', '', '', '上年结转结余', '', '', ''];
const H1 = ['', '', '', '少计', '项目支出', '事业单位经菊支出', '小计', '基本支出', '项目支出', '事业单位经菊支出'];
const ROWS = [
  ['2014001', '行政运行', '903.85', '903.85', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['2014002', '一般行政管理事务', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
];
const measures = (rows: string[][], method: 'ocr' | 'ruled' = 'ocr') => understandRows(rows, { kind: 'budget_expenditure', tableId: 't003', title: '支出总表', page: 4 }, method).columns.filter((c) => c.role === 'measure').map((c) => c.measure ?? '');

describe('a lone column under 上年结转结余', () => {
  it('is the carry-over\'s part, not this year\'s', () => {
    const m = measures([H0, H1, ...ROWS]);
    expect(m[5]).toBe('basic.carryover');
    expect(m).not.toContain('basic');
    expect(m[6]).toBe('project.carryover');
    expect(measures([H0, H1, ...ROWS], 'ruled')[5]).toBe('basic.carryover');
  });

  it('beside its 当年 twin, both are named as before', () => {
    const h0 = [...H0.slice(0, 4), '', ...H0.slice(4)];
    const h1 = [...H1.slice(0, 4), '基本支出', ...H1.slice(4)];
    const rows = ROWS.map((r) => [...r.slice(0, 4), r[3]!, ...r.slice(4)]);
    const m = measures([h0, h1, ...rows]);
    expect(m[2]).toBe('basic');
    expect(m[6]).toBe('basic.carryover');
  });
});
