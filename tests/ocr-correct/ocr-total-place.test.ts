// The 合计 row of a 一般公共预算支出情况表 on a 1-bit scan (医疗保障局 2026 on the dev fax-200 scan of the
// OCR grid bench: the body rows below as read), its label read 仕计. The 类 rows are misread too (4.70 and
// 14,870.93 read 1.70 and 11,870.93: a thin 4 loses its stroke), so no value of it is the sum of the
// 类 rows; its place tells it (normalizers/facts/ocr-total-label.ts): a two-character label one
// character off 合计, printed above every coded row, each value the largest of its column. Flagged
// ocr_name_fuzzy (the identity 合计 = Σ 类, now checked, fails and flags it too).
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, OCR_NAME_FUZZY } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const ROWS = [
  // (the header as the template prints it: its words misread too are another mechanism's)
  ['科目编码 / 类', '科目编码 / 款', '科目编码 / 项', '科目名称', '合计', '基本支出 / 小计', '基本支出 / 人员支出', '基本支出 / 日常公用支出', '项目支出'],
  ['', '', '', '仕计', '15,375.67', '2,200.67', '2,035.20', '165.18', '13,175.00'],
  ['205', '', '', 'fim', '1.70', '1.70', '', 'L70', ''],
  ['', '08', '', '进修友堂调', '1.70', '1.70', '', '1.70', ''],
  ['', '', '03', '培训支出', '1.70', '小1.70', '', '1.70', ''],
  ['208', '', '', '视会保陈和藏业支申', '327.92', '257.92', '267.02', '', '70.00'],
  ['', '03', '', '[Ev L202 34)', '257.92', '257.92', '257.92', '', ''],
  ['', '', '01', '行政单位峡适体', '13.27', '13.27', '13.27', '', ''],
  ['', '', '02', '半业单位禹迹件', '9.22', '9.22', '9.22', '', ''],
  ['', '27', '', '时政对其他社会保除培仅的补屹', '70.00', '', '', '', '70.00'],
  ['', '', '99', '兵仕财政对社会保险坂金的补劲', '70.00', '', '', '', '70.00'],
  ['210', '', '', '【生健康支寇', '11,870.93', '1,765.93', '1,605.16', '160.78', '13,105.00'],
];

function facts(rows: string[][]) {
  const t = understandRows(rows, { kind: 'budget_general_expenditure', tableId: 't003', page: 6 });
  return factsOfTable(t, { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax });
}

describe('a misread 合计 row told by its place', () => {
  it('labels the row above the coded rows, the largest of each column, 合计, flagged', () => {
    const fs = facts(ROWS).filter((f) => f.row === 1);
    expect(fs.length).toBeGreaterThanOrEqual(4);
    for (const f of fs) {
      expect(f.item).toBe('合计');
      expect(f.flags).toContain(OCR_NAME_FUZZY);
    }
  });

  it('leaves it as read when a coded row below is larger in a column', () => {
    const rows = ROWS.map((r) => (r[0] === '210' ? [...r.slice(0, 4), '16,870.93', ...r.slice(5)] : r));
    for (const f of facts(rows).filter((x) => x.row === 1)) expect(f.item).toBe('仕计');
  });
});
