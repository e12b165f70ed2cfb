// Column headers understood by meaning, then by structure (normalizers/tables/measures.ts,
// header-words.ts, classify.ts), on grids shaped as real budget tables print them.
import { describe, expect, it } from 'vitest';
import type { ColumnSpec, GridCell } from '../../model/types.js';
import { assignMeasures } from '../../normalizers/tables/measures.js';
import { headerLevels, normaliseLevel, roleOf } from '../../normalizers/tables/header-words.js';
import { kindById } from '../../normalizers/tables/kinds.js';
import { classifyTable } from '../../normalizers/tables/classify.js';
import type { TableCandidate } from '../../normalizers/tables/locate.js';

const measureCols = (headers: string[]): ColumnSpec[] => headers.map((header, i) => ({ index: i + 2, role: 'measure', header, block: 0, section: '' }));

function measures(kindId: string, headers: string[], data: string[][] = [], fiscalYear = '2026'): (string | undefined)[] {
  const specs = measureCols(headers);
  assignMeasures(specs, { kind: kindById(kindId), fiscalYear, data: data.map((r) => ['', '', ...r]) });
  return specs.map((s) => s.measure);
}

describe('header words', () => {
  it('drop the unit in brackets, a leading year and 其中：, keeping the year apart', () => {
    expect(normaliseLevel('预算数（单位：万元）')).toMatchObject({ text: '预算数' });
    expect(normaliseLevel('2025年预算数')).toMatchObject({ text: '预算数', year: 2025 });
    expect(normaliseLevel('其中：2026年政府采购项目中预留给中小企业的项目资金规模').text).toBe('政府采购项目中预留给中小企业的项目资金规模');
    expect(normaliseLevel('2021年')).toMatchObject({ text: '', year: 2021 });
    expect(headerLevels('上年 / 合计').map((l) => roleOf(l.text))).toEqual(['prior_year', 'total']);
  });

  it('name totals, values and changes by their role', () => {
    for (const w of ['合计', '小计', '总计', '支出总计', '收入总计', '“三公”经费合计']) expect(roleOf(normaliseLevel(w).text)).toBe('total');
    for (const w of ['预算数', '金额', '项目金额', '预算金额（万元）']) expect(roleOf(normaliseLevel(w).text)).toBe('value');
    expect(roleOf('增减变化金额')).toBe('change_vs_prior_year');
    expect(roleOf('数量')).toBe('quantity');
    expect(roleOf('工资福利支出')).toBe('');
  });
});

describe('measure ids of a table kind', () => {
  it('take 支出总计 and 预算数（万元） as the kind total, and a lone 预算数 as the amount', () => {
    expect(measures('budget_general_expenditure', ['支出总计', '基本支出', '项目支出'])).toEqual(['total', 'basic', 'project']);
    expect(measures('budget_expenditure', ['支出总计', '基本支出', '项目支出'])).toEqual(['expenditure_total', 'basic', 'project']);
    expect(measures('budget_general_basic_expenditure', ['基本支出 / 总计', '基本支出 / 人员经费', '基本支出 / 公用经费'])).toEqual(['amount', 'personnel', 'public']);
    expect(measures('budget_purchase_services', ['预算数（万元）'])).toEqual(['amount']);
  });

  it('read a subtotal under its group as the group (本年收入 / 小计, 公务用车… / 小计)', () => {
    expect(measures('budget_income', ['合计', '本年收入 / 小计', '本年收入 / 一般公共预算', '上年结余、结转'])).toEqual(['income_total', 'income_current_year', 'general_budget', 'carryover']);
    expect(measures('budget_three_public', ['合计', '公务用车购置及运行维护费 / 小计', '公务用车购置及运行维护费 / 公务用车购置费'])).toEqual(['total', 'vehicles', 'vehicle_purchase']);
  });

  it('give a column of an earlier year the prior-year id', () => {
    expect(measures('budget_general_expenditure', ['2025年预算数', '2026年预算数 / 总计', '2026年预算数 / 基本支出 / 小计', '2026年预算数 / 项目支出'])).toEqual(['prior_year', 'total', 'basic', 'project']);
    // the document's year is not known: the table's latest year is the current one
    expect(measures('budget_general_expenditure', ['2025年预算数', '2026年预算数'], [], '')).toEqual(['prior_year', 'total']);
  });

  it('tell apart columns of one measure by the source of funds or the period over them', () => {
    expect(measures('budget_three_public', ['总计 / 一般公共预算', '总计 / 政府性基金预算', '因公出国(境)费 / 一般公共预算', '因公出国(境)费 / 政府性基金预算'])).toEqual([
      'total.general_budget',
      'total.government_fund',
      'overseas_travel.general_budget',
      'overseas_travel.government_fund',
    ]);
    expect(measures('budget_three_public', ['上年 / 会议费', '当年 / 会议费', '增减变化情况 / 会议费'])).toEqual(['meetings.prior_year', 'meetings', 'meetings.change_vs_prior_year']);
  });

  it('name sources of funds the kind does not list, and changes by what changed and in what unit', () => {
    expect(measures('budget_general_basic_expenditure', ['合计', '财政拨款 / 小计', '财政拨款 / 一般公共预算', '单位资金'])).toEqual(['amount', 'amount.fiscal_appropriation', 'general_budget', 'unit_funds']);
    expect(
      measures('budget_general_expenditure', [
        '2025年执行数 / 执行数',
        '2026年预算数 / 年初预算数 / 小计',
        '2026年预算数 / 扣除中央基建投资后预算数',
        '2026年预算数比2025年执行数 / 增减额',
        '2026年预算数比2025年执行数 / 增减(%)',
        '2026年预算数比2025年执行数（扣除中央基建投资） / 增减额',
      ]),
    ).toEqual(['prior_year', 'total', 'total_excl_construction', 'change_vs_prior_year', 'change_rate_vs_prior_year', 'total_excl_construction.change_vs_prior_year']);
  });

  it('take an unnamed column that sums the columns right of it as the total (structure, not words)', () => {
    const data = [
      ['300.00', '100.00', '200.00'],
      ['30.50', '10.25', '20.25'],
    ];
    expect(measures('budget_general_expenditure', ['支出计', '基本支出', '项目支出'], data)).toEqual(['total', 'basic', 'project']);
    // the same header over numbers that do not add up stays unknown
    const off = [
      ['300.00', '100.00', '150.00'],
      ['30.50', '10.25', '20.25'],
    ];
    expect(measures('budget_general_expenditure', ['支出计', '基本支出', '项目支出'], off)).toEqual(['', 'basic', 'project']);
  });

  it('leave two columns that would write one key and cannot be told apart without an id, marked', () => {
    const specs = measureCols(['基本支出 / 甲', '基本支出 / 乙']);
    assignMeasures(specs, { kind: kindById('budget_general_expenditure'), fiscalYear: '2026', data: [] });
    expect(specs.map((s) => s.measure)).toEqual(['', '']);
    expect(specs.every((s) => s.measure_conflict)).toBe(true);
  });
});

function candidate(title: string, rows: string[][]): TableCandidate {
  const grid = { rows: rows.map((r) => r.map((text) => ({ text }) as GridCell)), method: 'ruled' } as unknown as TableCandidate['grid'];
  return { title, table_no: '', unit: '万元', notes: [], grid } as unknown as TableCandidate;
}

describe('table kinds from several signals', () => {
  const head = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
  const econRows = [['301', '工资福利支出', '10.00', '10.00', ''], ['30101', '基本工资', '6.00', '6.00', ''], ['302', '商品和服务支出', '4.00', '2.00', '2.00']];
  const funcRows = [['201', '一般公共服务支出', '10.00', '8.00', '2.00'], ['20101', '人大事务', '10.00', '8.00', '2.00'], ['2010101', '行政运行', '10.00', '8.00', '2.00']];

  it('files economic rows under a function title in the economic variant', () => {
    const c = classifyTable(candidate('一般公共预算支出表', [head, ...econRows]), 'budget');
    expect(c.kind?.id).toBe('budget_general_expenditure_econ');
    expect(c.evidence).toMatch(/codes:econ 3\/3/);
  });

  it('keeps function rows under the function kind', () => {
    const c = classifyTable(candidate('一般公共预算支出表', [head, ...funcRows]), 'budget');
    expect(c.kind?.id).toBe('budget_general_expenditure');
    expect(c.flags).toEqual([]);
  });

  it('never files rows of one code system under a kind of another: unknown, flagged', () => {
    const c = classifyTable(candidate('财政拨款收支总表', [['项目', '金额'], ...econRows.map((r) => [r[0]!, r[2]!])]), 'budget');
    expect(c.kind).toBeUndefined();
    expect(c.flags).toContain('kind_code_conflict');
  });
});
