// A 1-bit scan's 一般公共预算财政拨款支出决算表 (上海市普陀区财政局 2024, the dev grid's fax45-200 scan;
// rows as OCR read them): 合计 read `台计` and printed at the foot of the table, its 合计 and 基本支出
// 0.01 off the sums of the 类 rows (the 万元 rounding the documents admit), and a 款 part whose 5
// read `s` (0s for 05). The 合计 row is the table's total all the same (ocr-total-label.ts: equal
// within the identity's tolerance), and the 款 part is 05 (understand.ts lookalikeDigits).
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, OCR_CODE_UNREAD } from '../../normalizers/facts/index.js';
import { lookalikeDigits } from '../../normalizers/tables/understand.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const HEAD = [
  ['科目编码', '', '', '科目名称', '合计', '基本支出', '项目支出'],
  ['类', '款', '项', '', '', '', ''],
];
const ROWS = [
  ['201', '', '', '一毅公共服务支出', '2,106.66', '1,503.52', '603.14'],
  ['', '06', '', '财政事刍', '2,106.66', '1,503.52', '603.14'],
  ['', '', '01', '行政设行', '1,511.89', '1,503.52', '8.37'],
  ['', '', '02', '一毅行政管理率务', '10.00', '', '10.00'],
  ['', '', '07', '信息化建设', '135.25', '', '135.25'],
  ['', '', '08', '财政委托业务支出', '449.52', '', '449.52'],
  ['208', '', '', '社会保障和就业支出', '326.72', '326.72', ''],
  ['', '05', '', '衍政事业单位养考支出', '326.72', '326.72', ''],
  ['', '0s', '01', '行政单位离退休', '84.65', '84.65', ''],
  ['', '05', '05', '枫关事业单位基本养老保险激费支出', '160.75', '160.75', ''],
  ['', '05', '06', '视关事业革令职东年金激费支出', '80.38', '80.38', ''],
  ['', '0s', '99', '其他行政事业单位养老支出', '0.94', '0.94', ''],
  ['210', '', '', '卫生隆康支出', '60.99', '60.99', ''],
  ['', '11', '', '行政事业十位医疗', '60.99', '60.99', ''],
  ['', '', '01', '行政单位医疗', '60.99', '60.99', ''],
  ['221', '', '', '住房保障支出', '445.69', '445.69', ''],
  ['', '02', '', '生劝改革支出', '445.69', '445.69', ''],
  ['', '', '01', '住房公积金', '187.19', '187.19', ''],
  ['', '', '03', '购房补贴', '258.50', '258.50', ''],
  ['', '', '', '台计', '2,940.05', '2,336.91', '603.14'],
];

const facts = (rows: string[][]) =>
  factsOfTable(understandRows([...HEAD, ...rows], { kind: 'general_budget_expenditure', tableId: 't003', page: 6 }), { doc_id: 'd', fiscal_year: '2024', defaultUnit: '万元', taxonomy: tax });

describe('a 1-bit scan\'s 一般公共预算支出表', () => {
  it('takes the 合计 row whose values are the 类 sums within the rounding the identity admits', () => {
    const total = facts(ROWS).filter((f) => !f.code && f.row === ROWS.length + HEAD.length - 1);
    expect(total.map((f) => f.measure).sort()).toEqual(['basic', 'project', 'total']);
    for (const f of total) {
      expect(f.item).toBe('合计');
      expect(f.flags).not.toContain(OCR_CODE_UNREAD);
    }
  });

  it('but not one 1.00 off (no rounding)', () => {
    const off = ROWS.map((r) => (r[3] === '台计' ? [...r.slice(0, 4), '2,941.05', '2,337.91', r[6]!] : r));
    for (const f of facts(off).filter((x) => !x.code && x.row === ROWS.length + HEAD.length - 1)) expect(f.item).toBe('台计');
  });

  it('reads a 款 part 0s as 05, flagged', () => {
    const fs = facts(ROWS);
    const codes = fs.filter((f) => f.measure === 'total').map((f) => f.code);
    expect(codes).toContain('2080501');
    expect(codes).toContain('2080599');
    expect(codes).not.toContain('20801');
    expect(fs.find((f) => f.code === '2080501')!.flags).toContain('ocr_code_repaired');
    expect(lookalikeDigits('0s')).toBe('05');
    expect(lookalikeDigits('ss')).toBeUndefined();
    expect(lookalikeDigits('项')).toBeUndefined();
  });
});
