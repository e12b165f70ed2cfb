// A 收入总体情况表 of a 部门预算 as OCR read the dev grid's photocopy-200 scan of it (烟台 医疗保障局
// 2026, tests/bench/ocr-grid.ts; header and rows as read, its first rows and its 223 row): the 一般公共预算 header under 财政拨款收入
// came back 一恩仁共预A, so its column had no measure and every fact in it was lost. The kind's
// identity 财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营 (checks.json) names it: the other
// two parts are named, and 小计 = the run of the three holds on the rows.
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

const pad = (r: string[]) => [...r, ...Array<string>(17 - r.length).fill('')];
const HEAD = ['科目编码', '', '', '科日名称', '合计', '财政拨款收入', '', '', '', 'WR a', '事业收入(个告教育收费)', '沥', '其他收入', '上级外助收', '附屋皎伟上', '余基款结余非财政', '上年结转'];
const ROWS = [
  ['', '', '', '合合计', '16,375.67', '16,375.67', '15,375.67', '', '},000.0Q,'],
  ['205', '', '', '教育支出', '4.70', '4.70', '4.70'],
  ['', '08', '', '进修及培训', '1.70', '4.70', '4.70'],
  ['', '', '03', '塘训支出', '4.70', '1.70', '4.70'],
  ['208', '', '', '社会保障和就业支出', '327.92', '327.92', '327.92'],
  ['', '05', '', '行政事业单位养老支出', '257.92', '257.92', '257.92'],
  ['', '', '01', '行政单位离退休', '13.27', '13.27', '13.27'],
  ['', '', '02', '事业单位离退体', '9.22', '9.22', '9.22'],
  ['', '', '05', '机关事业单位基本养老保险缴费支', '201.42', '201.12', '201.42'],
  ['', '', '06', '机关事业单位职业年金缴费', '34.00', '34.00', '34.00'],
  // the table's last rows, on its third page
  ['223', '', '', '国有资本经营预算支出', '1,000.00', '1,000.00', '', '', '1,000.00'],
];
function table(general: string, rows = ROWS) {
  const sub = ['类', '款', '项', '', '', '小计', general, '政府性基金预算收入', '国有资本经营预算收入'];
  return understandRows([HEAD, pad(sub), ...rows.map(pad)], { kind: 'budget_income', tableId: 't002', title: '收入总体情况表', page: 3 });
}
const column = (t: ReturnType<typeof table>, c: number) => t.columns.find((s) => s.index === c)!;

describe('a part of an identity whose header OCR misread', () => {
  it('is named by the one part no other column names, when the total is the sum of the run', () => {
    expect(column(table('一般公共预算收入'), 6).measure).toBe('general_budget');
    const misread = table('一恩仁共预A');
    expect(column(misread, 5).measure).toBe('fiscal_appropriation');
    expect(column(misread, 6).measure).toBe('general_budget');
    expect(column(misread, 6).measure_evidence).toBe('sum');
  });

  it('stays unnamed when the total is not the sum of the run on the rows', () => {
    const broken = ROWS.map((r, i) => (i === 0 || r[0] === '223' ? r : [...r.slice(0, 6), '1,000.00', ...r.slice(7)]));
    expect(column(table('一恩仁共预A', broken), 6).measure ?? '').toBe('');
  });
});
