import { describe, it, expect, beforeAll } from 'vitest';
import { loadForms, ind, byProject, type ParsedForm } from './load.js';

// 大厂回族自治县医疗保障局 2022 项目支出绩效自评表: TSV, merged cells left empty, cells shifted left,
// 指标 1: / 指标 2: placeholders
let forms: ParsedForm[];
beforeAll(async () => { forms = await loadForms('002_7cec67b54d9192d1.txt', '大厂回族自治县医疗保障局'); });

describe('seed 002 项目支出绩效自评表', () => {
  it('finds the 23 forms, not the 绩效自评情况汇总表', () => {
    expect(forms.length).toBe(23);
    expect(forms.every((f) => f.form.title === '项目支出绩效自评表' && f.form.year === '2022')).toBe(true);
    expect(forms.reduce((n, f) => n + f.indicators.length, 0)).toBe(189);
  });

  it('退役军人辅助性岗位经费: funds, total from 总分 | 100 | 97.75, placeholders skipped', () => {
    const f = forms[0]!;
    expect(f.form.project).toBe('退役军人辅助性岗位经费');
    expect(f.form.implementing_unit).toBe('大厂回族自治县医疗保障局');
    expect(f.form.flags).toContain('issuer_from_document'); // 主管部门 printed empty
    expect([f.form.budget_initial, f.form.budget_full_year, f.form.executed, f.form.funds_weight, f.form.execution_rate, f.form.funds_score])
      .toEqual(['5.6', '5.6', '5.18', '10', '92.5', '9.25']);
    expect(f.form.total_score).toBe('97.75');
    expect(f.indicators.length).toBe(7);
    expect(f.indicators.some((i) => /指标/.test(i.level3) || i.level3 === '')).toBe(false);
    expect(ind(f, '工作人员数量')).toMatchObject({ level1: '产出指标', level2: '数量指标', target_operator: '≥', target: '1', target_unit: '人', actual: '=1人', weight: '10', score: '10' });
    // 时效指标 row shifted left by one cell
    expect(ind(f, '工资发放及时性')).toMatchObject({ level1: '产出指标', level2: '时效指标', target_operator: '', target: '12', target_unit: '次', actual: '12', weight: '10' });
    expect(ind(f, '年发放工资、保险费用')).toMatchObject({ level2: '成本指标', target_operator: '≤', target: '5.6', target_unit: '万元', actual: '5.18', weight: '20', score: '18.5' });
    // 可持续影响指标 in the first column, no 一级 printed: 效益指标 by vocabulary
    expect(ind(f, '稳定性')).toMatchObject({ level1: '效益指标', level2: '可持续影响指标', weight: '15' });
    expect(ind(f, '服务对象满意度')).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', target: '95' });
  });

  it('网络设备软件运行保障经费: rows whose cells moved left read by order', () => {
    const f = byProject(forms, '网络设备软件运行保障经费');
    expect(f.indicators.length).toBe(13);
    expect(ind(f, '软件维护')).toMatchObject({ level2: '数量指标', target: '1', target_unit: '项', actual: '1' });
    const s = ind(f, '软件维护成本');
    expect(s).toMatchObject({ level1: '产出指标', level2: '成本指标', target_operator: '≤', target: '4.86', target_unit: '万元', weight: '5', score: '5' });
    expect(s.flags).toContain('layout_shifted');
    expect(ind(f, '故障排除率')).toMatchObject({ target: '100', target_unit: '比率' });
    expect(ind(f, '设备使用年限')).toMatchObject({ level1: '效益指标', level2: '可持续影响指标', target: '1', target_unit: '年' });
    // 经济效益指标 / 生态效益指标 rows without an indicator are not indicators
    expect(f.indicators.some((i) => i.level2 === '经济效益指标' || i.level2 === '生态效益指标')).toBe(false);
  });

  it('other forms', () => {
    const a = byProject(forms, '医疗保障服务经费');
    expect([a.form.executed, a.form.execution_rate, a.form.funds_score, a.form.total_score]).toEqual(['65.22', '74.11', '7.41', '95.65']);
    expect(ind(a, '(医疗保险报销结算)服务人数')).toMatchObject({ target: '17', target_unit: '名', actual: '14', score: '8.24' });
    expect(ind(a, '费用总成本').actual).toBe('65.22'); // `65.22 万元` in the target's unit
    expect(ind(a, '减轻日常医保工作压力')).toMatchObject({ target: '减轻', actual: '减轻', level2: '可持续影响指标' });
    const b = byProject(forms, '实施机关前后院排水管道改造');
    expect(ind(b, '通行率')).toMatchObject({ level1: '效益指标', level2: '可持续影响指标', target: '100', actual: '100', weight: '15' });
    const c = byProject(forms, '更新购置医保监督执法用车');
    expect(c.form.issuer).toBe('大厂回族自治县医疗保障局');
    expect(c.form.flags).not.toContain('issuer_from_document');
    expect([c.form.executed, c.form.execution_rate, c.form.funds_score, c.form.total_score]).toEqual(['11.98', '88', '8.8', '98.8']);
    expect(ind(c, '购置车辆成本')).toMatchObject({ target: '13.6', target_unit: '万元', actual: '11.98' });
    const d = byProject(forms, '关于提前下达2022年中央财政医疗服务与保障能力提升补助资金的通知冀财社(2021)164号');
    expect(ind(d, '提升医保信息化水平')).toMatchObject({ level1: '效益指标', level2: '社会效益指标', target: '有效提升', actual: '100%', weight: '10' });
    expect(ind(d, '设备正常使用年限').actual).toBe('已正常使用1年');
  });
});
