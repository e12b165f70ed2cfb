// A 决算 table scanned as a 1-bit page at a low threshold (国家信访局 2024 收入决算表 and
// 一般公共预算财政拨款支出决算表, 佛山 2019 一般公共预算财政拨款支出决算表: the dev fax45-200 condition of the OCR grid bench; the cells below
// are their first rows as read). The threshold took the thin horizontal strokes: 栏次 came back
// 佐次 / 性次, its column numbers 1 》 3 1 3 6 7 (2 and 5 lost, 4 read 1), and every header word
// was misread (不年收入仑计 for 本年收入合计), so no column was named, and the digits the sums
// need were misread too (19,512.91 for 19,572.91). The 栏次 row still numbers the amount columns:
// the numbers read stand where their count puts them. Column n takes the n-th measure of the
// kind's standard layout (table-kinds.json column_layouts), flagged ocr_measure_inferred, and the
// row itself is no data (normalizers/tables/ocr-column-numbers.ts, ocr-measures.ts).
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';
import { ocrColumnNumbers } from '../../normalizers/tables/ocr-column-numbers.js';
import { factsOfTable, OCR_MEASURE_INFERRED } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { RawGrid } from '../../model/types.js';

const tax = loadTaxonomy();
const MERGED = '陈尽单佣B《谅收入【其他收入缴收入';
const INCOME_HEADER = ['科目代以', '科日46', '不年收入仑计', '一财政拨范收入', '一【:纪补助收入', '军东收入', MERGED, MERGED, MERGED];
const INCOME_ROWS = [
  ['合计', '合计', '20,451.35', '19,512.91', '', '', '', '', '878.44'],
  ['201', '航公共服务支出', '16,770.89', '15,892.15', '', '', '', '', '878.11'],
  ['20140', '信设予劝', '16,770.89', '13,892.15', '', '', '', '', '878,'],
  ['201-1003', '机关服劝', '839.13', '229.19', '', '', '', '', '609.94'],
  ['203', '教育支画', '140.61', '110.61', '', '', '', '', ''],
  ['2050803', '培训支师', '1-10.', '110.61', '', '', '', '', ''],
];
const NUMBERS = ['佐次', '佐次', '1', '》', '3', '1', '3', '6', '7'];

function table(rows: string[][], kind: string, method: RawGrid['method'] = 'ocr') {
  const t = understandRows(rows, { kind, tableId: 't002', page: 3 }, method);
  return { t, facts: factsOfTable(t, { doc_id: 'd', fiscal_year: '2024', defaultUnit: '万元', taxonomy: tax }) };
}

describe('an OCR\'d 栏次 row whose word and numbers a 1-bit scan misread', () => {
  it('is found by where its numbers stand, and not where they do not', () => {
    expect(ocrColumnNumbers([INCOME_HEADER, NUMBERS, INCOME_ROWS[0]!], 0, 1)).toEqual({ row: 1, offset: 1 });
    // three columns: 1 and 3 read (0 for 2), beside 性次
    expect(ocrColumnNumbers([['性次', '性次', '1', '0', '3'], ['', '仕让', '1668.11', '716.39', '921.75']], 0, 0)).toEqual({ row: 0, offset: 1 });
    // numbers that do not count where they stand; two without a 次 word; a label of data
    expect(ocrColumnNumbers([['佐次', '佐次', '1', '5', '2', '7', '3', '6', '4']], 0, 0)).toBeUndefined();
    expect(ocrColumnNumbers([['', '', '1', '', '3']], 0, 0)).toBeUndefined();
    expect(ocrColumnNumbers([['', '公务用车购置', '1', '2', '3']], 0, 0)).toBeUndefined();
    // a two-sided 总表's 栏次 row (佛山 2019 收入支出决算总表 as read): no data, and it names nothing
    expect(ocrColumnNumbers([['+次', '', '1', 'f次', '', '2'], ['航公具颂算财政拨款收入', '1', '1668.11', '般公其服务支出', '27', '0.00']], 0, 0)).toEqual({ row: 0 });
    // below the first amount row it is not looked for
    expect(ocrColumnNumbers([INCOME_ROWS[0]!, NUMBERS], 0, 0)).toBeUndefined();
  });

  it('names the amount columns by the kind\'s layout, flagged, and gives no facts of its own', () => {
    const { t, facts } = table([INCOME_HEADER, NUMBERS, ...INCOME_ROWS], 'income');
    expect(t.columns.filter((c) => c.role === 'measure').map((c) => c.measure)).toEqual([
      'income_total', 'fiscal_appropriation', 'superior_subsidy', 'business_income', 'operating_income', 'affiliated_remittance', 'other_income',
    ]);
    const f = facts.find((x) => x.code === '201' && x.measure === 'other_income')!;
    expect(f.value.toFixed(2)).toBe('878.11');
    expect(f.flags).toContain(OCR_MEASURE_INFERRED);
    expect(facts.filter((x) => x.item.includes('次'))).toEqual([]);
  });

  it('names nothing without the row: the sums fail on the misread digits', () => {
    const { facts } = table([INCOME_HEADER, ...INCOME_ROWS], 'income');
    expect(facts.filter((x) => x.measure)).toEqual([]);
  });

  it('names nothing when a column named by its words sits elsewhere than the layout puts it', () => {
    const header = [...INCOME_HEADER];
    header[3] = '事业收入';
    const { t } = table([header, NUMBERS, ...INCOME_ROWS], 'income');
    expect(t.columns.filter((c) => c.role === 'measure' && c.measure_evidence === 'layout')).toEqual([]);
  });

  it('keeps a code column left of the numbered columns a code column', () => {
    // 国家信访局 一般公共预算财政拨款支出决算表: codes read broken or run together (201-1001 for
    // 2014001) count as numbers, and the code column as an amount but for the 栏次 row
    const rows = [
      ['科目代以', 'FHI叶称', '小计', '堤本支巾', '一项目支出'],
      ['一栏次合计', '一栏次合计', '1', '2', '3'],
      ['一栏次合计', '一栏次合计', '13,733.80', '10,24.37', '3,499.42'],
      ['201【航公其服务支安', '201【航公其服务支安', '9,816.82', '13', '3,319.39'],
      ['20110', '信诱冠务', '9,816.82', ',527. 13', '3,319.39'],
      ['201-100120110022011003', '行政运行', '5747.63', '5,757.63', ''],
      ['201-100120110022011003', '毅行政符玖半务', '1.70', '', '山伟'],
      ['201-100120110022011003', '机关服劝', '229.19', '229.19', ''],
      ['201-1001201-1089205', '信访业艾', '066.84', '', '2,066.81'],
      ['201-1001201-1089205', '其他信设事务支宣', '788.16', '510.61', '1,207.85'],
      ['201-1001201-1089205', '教育文画', '180.03', '', '180.03'],
      ['205082050803', '进修及培训', '180.03', '', '180.03'],
      ['205082050803', '垮训支出', '180.03', '', '180.03'],
      ['208', '社会保队和就业支宁', '2,228,57', ')28 57', ''],
      ['20805', '行政事业单位关考支宇', '2,228,57', '228', ''],
      ['2080501', '行政单位离退体', '1,028.48', '1,028.18', ''],
      ['2080503', '离退体人员管理机构', '211', '211.31', ''],
      ['20805052080506', '机关冠业单位基本养老保险缴费支击', '659.05', '639.05', ''],
      ['20805052080506', '机关事业单位晓业平金缴费支申', '329.63', '329,33', ''],
      ['210210112101101', 'h健座支出', '197.53', '197.33', ''],
      ['210210112101101', 'fret(单仪医疗', '197.53', '197.53', ''],
      ['210210112101101', 're', '197.53', '197.33', ''],
      ['221', '代房保', '980.85', '980,83', ''],
      ['22102', '作房改鞍', 'K040.85', '480,85', ''],
      ['2210201', '作房公积企', '6.32', '586', ''],
      ['2210202', '提朱补贴', '63.52', '63.52', ''],
      ['2210203', 'LER', '331.00', '331.00', ''],
    ];
    // (a cell merged over rows or columns is read once, at its first row and column)
    for (let i = rows.length - 1; i > 0; i--) if (rows[i]![0] === rows[i - 1]![0]) rows[i]![0] = '';
    for (const r of rows) if (r[1] === r[0]) r[1] = '';
    const { t } = table(rows, 'general_budget_expenditure');
    expect(t.columns.map((c) => c.role)).toEqual(['code', 'name', 'measure', 'measure', 'measure']);
    expect(t.columns.slice(2).map((c) => c.measure)).toEqual(['total', 'basic', 'project']);
    expect(t.columns.slice(2).map((c) => c.measure_evidence)).toEqual(['kind', 'layout', 'kind']);
    // without the row: an amount column of codes, and the kind's total (小计) not beside it
    const without = table(rows.filter((_, i) => i !== 1), 'general_budget_expenditure').t;
    expect(without.columns[0]!.role).toBe('measure');
  });

  it('is left alone in a text layer', () => {
    const { facts } = table([INCOME_HEADER, NUMBERS, ...INCOME_ROWS], 'income', 'ruled');
    expect(facts.filter((x) => x.flags.includes(OCR_MEASURE_INFERRED))).toEqual([]);
  });
});
