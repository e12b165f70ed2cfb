import { describe, it, expect, beforeAll } from 'vitest';
import { loadForms, ind, byProject, type ParsedForm } from './load.js';

// 盘锦市医疗保障局 2023 决算: one cell per line, 部门（单位）整体绩效自评表 and 预算项目(政策)绩效自评表
// with the two-level target header 年度目标值 / 运算符号 · 内容 · 度量单位; the extractor cuts each
// project form into fragments at the wrapped header cells (全年/完成值, 运算/符号, 度量/单位).
let forms: ParsedForm[];
beforeAll(async () => { forms = await loadForms('001_527840cd4be78074.txt', '盘锦市医疗保障局'); });

describe('seed 001 绩效自评表', () => {
  it('finds 7 department-wide and 17 project forms, each stitched into one', () => {
    expect(forms.length).toBe(24);
    expect(forms.filter((f) => f.form.form_kind === 'department').length).toBe(7);
    expect(forms.filter((f) => f.form.form_kind === 'project').length).toBe(17);
    expect(forms.every((f) => f.form.year === '2023')).toBe(true);
    expect(forms.every((f) => f.indicators.length > 0)).toBe(true);
    expect(forms.reduce((n, f) => n + f.indicators.length, 0)).toBe(288);
  });

  it('department form: totals it prints, nothing invented', () => {
    const d = forms[0]!;
    expect(d.form.title).toBe('部门(单位)整体绩效自评表');
    expect(d.form.project).toBe('142011盘锦市医疗保障局-211100000');
    expect(d.form.budget_initial).toBe('270.1');
    expect([d.form.budget_full_year, d.form.executed, d.form.execution_rate, d.form.grade]).toEqual(['', '', '', '']);
    expect(d.form.total_score).toBe('100');
    expect(d.form.issuer).toBe('盘锦市医疗保障局');
    expect(d.form.flags).toContain('issuer_from_document');
    expect(d.indicators.length).toBe(21);
    expect(ind(d, '重点工作办结率')).toMatchObject({ level1: '履职效能', level2: '重点工作履行情况', target_operator: '=', target: '100', target_unit: '%', actual: '100', weight: '3.5', score: '3.5' });
    // merged 一级 / 二级 filled down
    expect(ind(d, '工作完成及时率')).toMatchObject({ level1: '履职效能', level2: '整体工作完成情况', weight: '3.3' });
    expect(ind(d, '预算调整率')).toMatchObject({ target_operator: '<=', target: '5', target_unit: '%' });
    expect(ind(d, '预决算公开情况')).toMatchObject({ level1: '管理效率', level2: '预算监督管理', target_operator: '', target: '全部公开', target_unit: '', actual: '全部或基本达成预期指标100%-80%（含）' });
    expect(ind(d, '“三公”经费变动率')).toMatchObject({ level1: '运行成本', level2: '成本控制成效', target_operator: '<=', target: '0' });
    expect(ind(d, '规范医疗保险制度改革')).toMatchObject({ level1: '可持续性', level2: '体制机制改革', weight: '5', score: '5' });
  });

  it('project form 城乡居民基本医疗保险补助: stitched header, 运算符号 / 内容 / 度量单位', () => {
    const p = byProject(forms, '城乡居民基本医疗保险补助');
    expect(p.form.issuer).toBe('盘锦市医疗保障局');
    expect(p.form.implementing_unit).toBe('盘锦市医疗保障局');
    expect([p.form.budget_full_year, p.form.executed, p.form.execution_rate, p.form.funds_score, p.form.total_score])
      .toEqual(['8376.38', '8376.38', '100', '10', '99.87']);
    expect(p.form.budget_initial).toBe('');
    expect(p.indicators.length).toBe(7);
    expect(ind(p, '各级财政实际补助标准')).toMatchObject({ level1: '产出指标', level2: '数量指标', target_operator: '>=', target: '640', target_unit: '元/人/年', actual: '640', weight: '12.5', score: '12.5' });
    expect(ind(p, '重复参保人数降低率').level2).toBe('数量指标');
    expect(ind(p, '实行按病种（组）按人头付费等支付方式改革')).toMatchObject({ level2: '质量指标', target_operator: '', target: '实施', target_unit: '' });
    const c = ind(p, '以户籍人口数为基数计算基本医保综合参保率');
    expect(c).toMatchObject({ level1: '效益指标', level2: '社会效益指标', target: '52', actual: '51.4', weight: '13.3', score: '13.167' });
    expect(c.deviation_reason).toMatch(/^原因类型:其他；其他:一是2023年施行以税务为征缴主体/);
    // the 改进措施 cell spilled onto its own line is kept with its row
    expect(c.deviation_reason).toMatch(/改进措施:其他:一方面加大参保扩面宣传力度/);
    expect(ind(p, '参保对象满意度')).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', target: '99', actual: '100' });
  });

  it('other project forms', () => {
    const g = byProject(forms, '市直公务员医疗补助费');
    expect([g.form.budget_full_year, g.form.executed, g.form.total_score]).toEqual(['6866.56', '6866.56', '90']);
    expect(g.indicators.length).toBe(6);
    expect(ind(g, '公务员享受医疗保险待遇人数')).toMatchObject({ target_operator: '>=', target: '5200', target_unit: '人数', actual: '22557', weight: '12.5', score: '7.5' });
    expect(ind(g, '行政事业单位公务员新增参保人数')).toMatchObject({ level1: '产出指标', level2: '数量指标', target_operator: '>', target: '100', actual: '535' });
    expect(ind(g, '发放到位率').level2).toBe('质量指标');
    expect(ind(g, '公务员医疗补助有所提高')).toMatchObject({ level1: '效益指标', level2: '社会效益指标', target: '有所提高', weight: '20' });
    const j = byProject(forms, '城乡医疗救助');
    expect([j.form.budget_full_year, j.form.executed, j.form.execution_rate, j.form.funds_score, j.form.total_score]).toEqual(['250', '0', '0.0', '0', '59']);
    expect(ind(j, '医疗救助帮扶人次')).toMatchObject({ target: '42000', target_unit: '人次', actual: '49033' });
    expect(byProject(forms, '律师费').indicators.length).toBe(11);
  });
});
