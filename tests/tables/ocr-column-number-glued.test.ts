// A 决算 table photocopied dark (speckled grey paper, the dev photocopy-hi-200 condition of the
// OCR grid bench; the cells below are the rows as read: 佛山 2019 一般公共预算财政拨款支出决算表 and
// 国家信访局 2024 收入决算表). The rule under the 栏次 row was lost in the speckle, so the row's last
// column number was read together with the amount printed under it (3 and 921.75 read `3921`, 7
// and 878.44 read `7578.44`): an amount in it, so ocr-column-numbers.ts does not take it for a
// 栏次 row by its numbers. Read as data it broke the column sums that name the misread headers
// (a for 基本支出, 「颈目支出 for 项目支出, WE入 for 财政拨款收入) and gave facts of its own (item a
// = 2, 「颈目支出 = 3921). By its word (栏次 beside nothing but numbers) it is no data row
// (ocr-column-numbers.ts columnNumberWordRow).
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';
import { columnNumberWordRow } from '../../normalizers/tables/ocr-column-numbers.js';
import { factsOfTable, OCR_MEASURE_INFERRED } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();

const FS = [
  ['项:目', '项:目', '本年支出合计', 'a', '「颈目支出'],
  ['加能办类科目缉码', '科目名称', '本年支出合计', 'a', '「颈目支出'],
  ['栏次', '', '', '2', '3921'],
  ['', '合计', '1668.14', '746.39', ''],
  ['208', '社会保障和就业支出', '76.23', '76.23', '00'],
  ['20805', '行政事业单位离退休', '76.23', '76.23', '00'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '53.45', '-53.45', '0.00'],
  ['2080506', '机关事业单位职业年金缴费支出', '22.78', '22.78', '0.00'],
  ['214', '交通运输支出', '1531701', '609.29', '921.75'],
  ['21401', '公路水路运输', '1531.04', '609.29', '921.75'],
  ['2140101', '行政运行', '609.29', '609.29', '0.00'],
  ['2140102', '一般行政管理事务', '905.60', '0.00', '905.60'],
  ['2140199', '其他公路水路运输支出', '16,15', '0.00', '16.15'],
  ['221', '佳房保障支出', '60.87', '60.87', '0.00'],
  ['22102', '住房改革支出', '60.87', '60.87', '0.00'],
];

const GUOJIA = [
  ['科目代码', '「科目名称', '本年收入合计', 'WE入', '上级补助收入', '招f收入', '经营收入', '附属单位上缴收入', '其他收入'],
  ['栏次', '栏次', '1', '2', '3', '4', '5', '6', '7578.44'],
  ['合计', '', '20,451.35', '19,572.91', '', '', '', '', ''],
  ['201', '一般公共服务支出', '16,770.89', '+15,15,892.45', '', '', '', '', '878.44'],
  ['20140', '信访事务', 'T16,16,770.89', '15,892.45', '', '', '', '', '878.44'],
  ['2014001', '行政运行', '6,000.76', '5,732.26', '', '', '', '', '-268.50'],
  ['2014002', '一般行政管理事务', '33.00', '33.00', '', '', '', '', ''],
  ['2014003', '机关服务', '839.13', '229.19', '', '', '', '', '609.94'],
  ['2014004', '信访业务', '2,124.72', '2,124.72', '', '', '', '', ''],
  ['2014099', '其他信访事务支出', '7773.28', '7,773.28', '', '', '', '', ''],
  ['205', '教育支出', '140.61', '140.61', '', '', '', '', ''],
  ['20508', '进修及培训', '140.61', '140.61', '', '', '', '', ''],
  ['2050803', '培训支出', '140.61', '140.61', '', '', '', '', ''],
  ['208', '社会保障和就业支出', '2,026.32', '2,026.32', '', '', '', '', ''],
  ['20805', '行政事业单位养老支出', '2,026.32', '-2,026.32', '', '', '', '', ''],
  ['2080501', '行政单位离退休「', '1028.48', '-1,028.48', '', '', '', '', ''],
  ['2080503', '离退休人员管理机构', '211.51', '211.51', '', '', '', '', ''],
  ['2080505', '机关事业单位基本养老保险缴费支出', '414.34', '414.34', '', '', '', '', ''],
  ['2080506', '机关事业单位职业年金缴费支出', '371.99', '371.99', '', '', '', '', ''],
  ['210', '卫生健康支出', '497.53', '497.53', '', '', '', '', ''],
  ['21011', '行政事业单位医疗', '497.53', '497.53', '', '', '', '', ''],
  ['2101101', '行政单位医疗', '497.53', '497.53', '', '', '', '', ''],
  ['221', '住房保障支出', '1,016.00', '1,016.00', '', '', '', '', ''],
  ['22102', '住房改荣支出', '1,016.00', '1,016.00', '', '', '', '', ''],
  ['2210201', '住房公积金', '620.00', '620.00', '', '', '', '', ''],
  ['2210202', '提租补贴', '65.00', '65.00', '', '', '', '', ''],
  ['2210203', '购房补贴', '331.00', '331.00', '', '', '', '', ''],
];

function table(rows: string[][], kind: string) {
  const t = understandRows(rows, { kind, tableId: 't003', page: 7 });
  return { t, facts: factsOfTable(t, { doc_id: 'd', fiscal_year: '2019', defaultUnit: '万元', taxonomy: tax }) };
}

describe('an OCR\'d 栏次 row whose last number was read with the amount below it', () => {
  it('is told by its word beside nothing but numbers', () => {
    expect(columnNumberWordRow(FS[2]!)).toBe(true);
    expect(columnNumberWordRow(GUOJIA[1]!)).toBe(true);
    expect(columnNumberWordRow(['.栏次', '', '1', '2'])).toBe(true);
    // a 合计 row run into it, a data row, a code: data
    expect(columnNumberWordRow(['栏次', '合计', '1668.14', '746.39'])).toBe(false);
    expect(columnNumberWordRow(['2140101', '行政运行', '609.29'])).toBe(false);
    expect(columnNumberWordRow(['栏次', '208', '76.23'])).toBe(false);
    expect(columnNumberWordRow(['', '其他支出', '1', '2'])).toBe(false);
  });

  it('counts in no column sum: the misread headers are named by the kind\'s layout, flagged', () => {
    const { t, facts } = table(FS, 'general_budget_expenditure');
    expect(t.columns.filter((c) => c.role === 'measure').map((c) => c.measure)).toEqual(['total', 'basic', 'project']);
    const f = facts.find((x) => x.code === '2140102' && x.measure === 'project')!;
    expect(f.value.toFixed(2)).toBe('905.60');
    expect(f.flags).toContain(OCR_MEASURE_INFERRED);
    // and gives no facts of its own
    expect(facts.filter((x) => ['2', '3921'].includes(x.value.toString()))).toEqual([]);

    const g = table(GUOJIA, 'income');
    expect(g.t.columns.filter((c) => c.role === 'measure').map((c) => c.measure)).toEqual([
      'income_total', 'fiscal_appropriation', 'superior_subsidy', 'business_income', 'operating_income', 'affiliated_remittance', 'other_income',
    ]);
    const h = g.facts.find((x) => x.code === '2014003' && x.measure === 'fiscal_appropriation')!;
    expect(h.value.toFixed(2)).toBe('229.19');
    expect(h.flags).toContain(OCR_MEASURE_INFERRED);
    expect(g.facts.filter((x) => x.value.toString() === '7578.44')).toEqual([]);
  });
});
