// A 部门预算's 收入总表 never tuned on, as OCR read a photocopy-like scan of it (苏州市交通运输局 2026
// p. 3, the unseen photocopy-200 condition of the OCR bench; cells as read): under 本年收入 the
// 小计 came back `Ait`, so no column of the group was under a total word and all of its misread
// parts kept the group's measure; and the parts named one edit away (一般公共预菊, 其俳收入) were
// taken as named already, by the 上年结转结余 group's own 一般公共预算. The table's 本年收入 facts
// had no measure (normalizers/tables/ocr-measures.ts, rules 2 and 3).
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const H1 = ['部门代码', '部门名称', '合计', '本年收入', '', '', '', '', '', '', '', '', '', '上年结转结余', '', '', '', '', ''];
const H2 = ['', '', '', 'Ait', '一般公共预菊', '政庚性基金预算', '国有资本经菅预算', '财政专户理资金', '管事业收八', '争业单位经营收入', '上级补助收入', '附属单位上缴收入', '其俳收入', '小计', '一般公共预算', '政府性基金预算', '国有资本经营预算', '财政专户管理资金', '单位资金'];
const R = (a: string[]) => [...a, ...Array<string>(19 - a.length).fill('')];
const ROWS = [
  R(['Ait', '', '249,977.11', '249,977.11', '242,360.10', '', '', '', '', '', '', '', '7,617.01']),
  R(['123', '苏州市交通远输局', '249,977.11', '249,977.11', '242,360.10', '', '', '', '', '', '', '', '7,617.01']),
  R(['123001', '苏州市穹通运输局', '201,457.56', '201,457.56', '201,457.56']),
  R(['123002', '东州市交通运输综合行政执法支队', '24,274.54', '24,274.54', '21,054.54', '', '', '', '', '', '', '', '3,220.00']),
  R(['£2303', '苏州市港航事业发展中汀', '3,868.38', '3,868.38', '3,868.38']),
  R(['123004', '苏州市公蹿事业发展中心', '15,158:16', '15,158.16', '10,761.15', '', '', '', '', '', '', '', '4,397.01']),
  R(['123005', 'FATRAENLARR a', '3,118.64', '3,118.64', '3,118.64']),
];
const facts = (h2: string[], rows: string[][]) =>
  factsOfTable(understandRows([H1, h2, ...rows], { kind: 'budget_income', tableId: 't002', title: '收入总表', page: 3 }), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy() });

describe('a group’s subtotal whose total word OCR misread', () => {
  it('is the group’s column equal to the sum of its columns right of it; its parts are named then', () => {
    const row = facts(H2, ROWS).filter((f) => f.row === 5);
    expect(row.map((f) => [f.measure, f.value.toFixed(2)])).toEqual([
      ['income_total', '24274.54'],
      ['income_current_year', '24274.54'],
      ['income_current_year.general_budget', '21054.54'],
      ['other_income', '3220.00'],
    ]);
    expect(row.slice(1).every((f) => f.flags.includes('ocr_measure_inferred'))).toBe(true);
  });

  it('names none of them where no column of the group equals the sum of the others', () => {
    // the Ait column misread on most rows
    const rows = ROWS.map((r, i) => (i >= 1 ? [...r.slice(0, 3), '9.99', ...r.slice(4)] : r));
    const row = facts(H2, rows).filter((f) => f.row === 5);
    expect(row.filter((f) => f.measure.startsWith('income_current_year'))).toEqual([]);
  });
});

// Another such 收入总表 (无锡市交通运输局 2026 p. 3, the unseen q80-200 condition; header as read): the
// 上年结转结余 group's 国有资本经营预算 came back 国有资本经萧预算, one edit off; taken as named by the
// 本年收入 group's column, it stayed unnamed, and that column, no longer one of two, lost its group's
// name (state_capital where the text layer gives income_current_year.state_capital).
describe('a misread header of one group, its measure named in another', () => {
  const H = ['单位代码', '单位名称', '合计', '本年收入 / 小计', '本年收入 / 一般公共预算', '本年收入 / 政府性基金预算', '本年收入 / 国有资本经营经预算', '本年收入 / 财政专户管理资金', '本年收入 / 事业收入', '本年收入 / 事业单位经营收入', '本年收入 / 上级补助收入', '本年收入 / 附属单位上缴收入', '本年收入 / 其他收入', '上年结转结余 / 小计', '上年结转结余 / 一般公共预算', '上年结转结余 / 政府性基金预算', '上年结转结余 / 国有资本经萧预算', '上年结转结余 / 财政专户管理资金', '上年结转结余 / 单位资金'];
  const top = H.map((h) => (h.includes(' / ') ? h.split(' / ')[0]! : h));
  const sub = H.map((h) => (h.includes(' / ') ? h.split(' / ')[1]! : ''));
  const row = ['合计', '合计', '984,760.87', '984,760.87', '196,278.67', '143,999.00', '32,640.00', '', '', '', '', '', '611,843.20', '', '', '', '', '', ''];
  const columns = (s: string[]) => understandRows([top, s, row], { kind: 'budget_income', tableId: 't002', title: '收入总表', page: 3 }).columns;

  it('is named in its own group, and both columns get their group’s name', () => {
    const cols = columns(sub);
    expect(cols[6]!.measure).toBe('income_current_year.state_capital');
    expect([cols[16]!.measure, cols[16]!.measure_evidence]).toEqual(['state_capital.carryover', 'fuzzy']);
  });

  it('is not named in a group that names it already', () => {
    const cols = columns(sub.map((s, i) => (i === 7 ? '国有资本经萧预算' : s)));
    expect(cols[7]!.measure ?? '').not.toBe('state_capital');
  });
});
