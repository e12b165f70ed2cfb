// Cell predicates and header vocabulary the real pages needed.
import { describe, expect, it } from 'vitest';
import { bracketedCode, isColumnNumberRow } from '../../normalizers/tables/grid-text.js';
import { classifyTitle, kindById, measureOf } from '../../normalizers/tables/kinds.js';

describe('table vocabulary', () => {
  it('a 栏次 row marked with asterisks over the label columns (湖州, 长沙)', () => {
    expect(isColumnNumberRow(['**', '**', '1', '2', '3', '4'])).toBe(true);
    expect(isColumnNumberRow(['********', '1', '2', '3'])).toBe(true);
    expect(isColumnNumberRow(['合计', '', '1.00', '2.00'])).toBe(false);
  });

  it('path patterns: 基本支出 / 小计 is basic, not the table total; its parts are personnel / public', () => {
    const k = kindById('budget_general_expenditure');
    expect(measureOf(k, '合计')).toBe('total');
    expect(measureOf(k, '基本支出 / 小计')).toBe('basic');
    expect(measureOf(k, '预算数 / 基本支出 / 小计')).toBe('basic');
    expect(measureOf(k, '基本支出 / 人员支出')).toBe('personnel');
    expect(measureOf(k, '基本支出 / 日常公用支出')).toBe('public');
    expect(measureOf(k, '预算数 / 项目支出 / 扣除基建项目后预算数')).toBe('project_excl_construction');
  });

  it('source-of-funds columns in 支出总表 are not expenditure types', () => {
    const k = kindById('budget_expenditure');
    expect(measureOf(k, '部门预算 / 事业单位经营收入')).toBe('operating_income');
    expect(measureOf(k, '事业单位经营支出')).toBe('operating_expenditure');
  });

  it('a column headed 预算 is the amount (珠海, 广州 收支总体情况表 and the 经济分类 tables)', () => {
    expect(measureOf(kindById('budget_income_expenditure_summary'), '收入 / 预算')).toBe('amount');
    expect(measureOf(kindById('budget_income_expenditure_summary'), '支出 / 预算')).toBe('amount');
    expect(measureOf(kindById('budget_fiscal_appropriation_summary'), '收入 / 预算')).toBe('amount');
    expect(measureOf(kindById('budget_general_basic_expenditure'), '预算')).toBe('amount');
    expect(measureOf(kindById('budget_project_expenditure'), '预算')).toBe('amount');
    expect(measureOf(kindById('budget_purchase_services'), '预算金额')).toBe('amount');
    // not every header with 预算 in it
    expect(measureOf(kindById('budget_income_expenditure_summary'), '支出 / 上年预算执行数')).toBe('');
  });

  it('codes printed in brackets before the name', () => {
    expect(bracketedCode('[2010999]其他海关事务支出')).toEqual({ code: '2010999', label: '其他海关事务支出' });
    expect(bracketedCode(' [201] 一般公共服务支出')).toEqual({ code: '201', label: '一般公共服务支出' });
    expect(bracketedCode('【20113】商贸事务')).toEqual({ code: '20113', label: '商贸事务' });
    expect(bracketedCode('[2024]年度')).toBeNull();
    expect(bracketedCode('一般公共服务支出')).toBeNull();
  });

  it('titles', () => {
    expect(classifyTitle('基本支出总表', '表4', 'budget')?.id).toBe('budget_basic_expenditure_by_source');
    expect(classifyTitle('部门预算项目支出及其他支出预算表', '表12', 'budget')?.id).toBe('budget_project_expenditure_by_source');
    expect(classifyTitle('财政拨款安排的行政经费及“三公”经费预算表', '表8', 'budget')?.id).toBe('budget_admin_three_public');
    expect(classifyTitle('一般公共预算机关运行经费支出预算表', '公开12表', 'budget')?.id).toBe('budget_operating_costs');
    expect(classifyTitle('政府采购支出预算表', '', 'budget')?.id).toBe('budget_procurement');
    expect(classifyTitle('部门综合预算财政拨款上年结转资金支出表', '表11', 'budget')?.id).toBe('budget_carryover_expenditure');
    expect(classifyTitle('部门综合预算专项业务经费支出表', '表10', 'budget')?.id).toBe('budget_project_expenditure');
    expect(classifyTitle('财政拨款“三公”经费及会议费、培训费支出决算表', '', 'final_accounts')?.id).toBe('three_public_expenses');
    expect(classifyTitle('支出预算总表', '', 'budget')?.id).toBe('budget_expenditure');
  });
});
