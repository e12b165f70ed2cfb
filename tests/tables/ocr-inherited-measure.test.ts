// A column whose own header word OCR misread, so that its measure came from the group above it. A
// 部门预算 收入总表 by unit never tuned on (广州市卫生健康委员会 2026, the unseen bench's photocopy-200
// scan, tests/bench/ocr-unseen.ts with BENCH_UNSEEN_SOURCE=../shared/corpus; rows as read) prints
// 财政拨款收入 over 一般公共预算 | 政府性基金预算 | 国有资本经营预算. OCR read the first 般公共预算 (its 一,
// one stroke, taken for a rule's remnant), and the continuation page's header 一航公共预算: neither
// names a measure, so the column took the group's, fiscal_appropriation, from 财政拨款收入 (the text
// layer: general_budget), and its 25 facts stood under another measure. A reading whose measure comes
// only from a level above its own is now put right, like a header naming nothing, by a measure it
// names but for one character that no other column has (understand.ts betterHeaderReadings).
import { describe, expect, it } from 'vitest';
import { understandTable } from '../../normalizers/tables/understand.js';
import { kindById } from '../../normalizers/tables/kinds.js';
import type { RawGrid } from '../../model/types.js';
import { understandRows } from './ocr-rows.js';

const GROUPS = ['单位名称', '合计', '财政拨款收入', '', '', '财政专户拨款收入', '', '其他资金收入', '', '', '上级补助悬入', '附属单位上缴收入', '上年结转结余'];
const PARTS = (first: string): string[] => ['', '', first, '政府性基金预符', '国有资本经营预算', '教育收费', '其他专户收入拨款', '事业收入', '事业单位经营收入', '其他收入', '', '', ''];
const ROWS = [
  ['合计', '3,324,258.76', '324,314.91', '0.00', '0.00', '0.00', '0.00', '2,927,142.92', '0.00', '72,800.92', '0.00', '0.00', '0.00'],
  ['广州市卫生健康委员会', '21,657.71', '21,657.71', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['广州市胸科医院', '92,495.02', '19,190.33', '0.00', '0.00', '0.00', '0.00', '71,766.69', '0.00', '1,538.00', '0.00', '0.00', '0.00'],
  ['广州市第一人民医院', '396,756.55', '25,845.28', '0.00', '0.00', '0.00', '0.00', '367,823.05', '0.00', '3,088.27', '0.00', '0.00', '0.00'],
];
const place = { kind: 'budget_income', tableId: 't002', fiscalYear: '2026' };
const measures = (rows: string[][]): string[] => understandRows(rows, place).columns.map((c) => c.measure ?? '');

describe('an OCR\'d column whose own header word was misread', () => {
  it('takes the measure its words nearly name, not its group\'s', () => {
    const m = measures([GROUPS, PARTS('般公共预算'), ...ROWS]);
    expect(m.slice(1, 5)).toEqual(['income_total', 'general_budget', 'government_fund', 'state_capital']);
  });

  it('does not take a continuation page\'s reading that names the group only', () => {
    // first reading names nothing at all; the repeated header's reading, 一航公共预算, only the group
    const rows = [GROUPS, PARTS('煌伟共顽'), ...ROWS];
    const grid: RawGrid = { method: 'ocr', rows: rows.map((r) => r.map((text) => ({ text }))), repeatedHeaders: [[GROUPS, PARTS('一航公共预算')]] };
    const t = understandTable({ grid, title: '', table_no: '', unit: '万元', before: [], notes: [], page: 4 }, kindById('budget_income'), 't002', { fiscalYear: '2026' });
    expect(t.columns[2]!.measure).toBe('general_budget');
  });

  it('keeps a group\'s measure for a total word under it, and a text layer as printed', () => {
    const sub = measures([GROUPS, ['', '', '小计', ...PARTS('').slice(3)], ...ROWS]);
    expect(sub[2]).toBe('fiscal_appropriation');
    const text = understandRows([GROUPS, PARTS('般公共预算'), ...ROWS], place, 'ruled').columns.map((c) => c.measure ?? '');
    expect(text[2]).toBe('fiscal_appropriation');
  });
});
