// A 收入预算总表 scanned as a 1-bit page at a low threshold (上海普陀 万里街道 2024 budget, the dev
// fax45-200 condition of the OCR grid bench; header and rows as read): 事业收入 came back 农业收入 and
// 事业单位经营收入 谅东单俘纲营收入, two columns of zeros left without a measure (134 facts lost).
// The kind's standard layout (table-kinds.json budget_income `column_layouts`: 合计, 财政拨款收入,
// 事业收入, 事业单位经营收入, 其他收入) names them by their position, because the named columns sit
// where it puts them and 合计 = the sum of the others holds on the rows.
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

const HEAD = ['项F', '项F', '项F', '项F', '收入顶算', '收入顶算', '收入顶算', '收入顶算', '收入顶算'];
const ROWS = [
  ['201', '', '', '般公共服务支申', '2,932,700', '2,932,700', '0', '0', '0'],
  ['201', '05', '', '统计信思事务', '257,700', '257,700', '0', '0', '0'],
  ['201', '05', '07', '专顶智代活动', '257,700', '257,700', '0', '0', '0'],
  ['201', '29', '', '群众十体事夙', '426,000', '426,000', '0', '0', '0'],
  ['201', '29', '02', '般行政答理事艾', '126,000', '126,000', '0', '0', '0'],
  ['201', '32', '', '组织事务', '888,700', '888,700', '0', '0', '0'],
];
function table(sum: string[], rows = ROWS) {
  const head = [HEAD, ['功能分类科日编码', '功能分类科日编码', '功能分类科日编码', '功能分类科日叶称', ...sum], ['类', '款', '顺', '', '', '', '', '', '']];
  return understandRows([...head, ...rows], { kind: 'budget_income', tableId: 't002', title: '2024年部门收入预算总表', unit: '元', page: 3 });
}
const measures = (t: ReturnType<typeof table>): string[] => t.columns.filter((c) => c.role === 'measure').map((c) => c.measure ?? '');

describe('a 收入预算总表 whose 事业收入 words OCR misread', () => {
  it('names the unread columns from the standard layout, as with the header read', () => {
    const read = table(['合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入']);
    const misread = table(['司计', '财政拨款收入', '农业收入', '谅东单俘纲营收入', '其他收入']);
    expect(measures(read)).toEqual(['income_total', 'fiscal_appropriation', 'business_income', 'operating_income', 'other_income']);
    expect(measures(misread)).toEqual(measures(read));
    expect(misread.columns.filter((c) => c.measure_evidence === 'layout').map((c) => c.measure)).toEqual(expect.arrayContaining(['business_income', 'operating_income']));
  });

  it('leaves them unnamed when 合计 is not the sum of the others on the rows', () => {
    const broken = ROWS.map((r) => [...r.slice(0, 5), r[5] === '0' ? r[5] : '1,000', ...r.slice(6)]);
    const misread = table(['司计', '财政拨款收入', '农业收入', '谅东单俘纲营收入', '其他收入'], broken);
    expect(measures(misread).filter((m) => m === 'business_income' || m === 'operating_income')).toEqual([]);
  });
});
