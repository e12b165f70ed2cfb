import { describe, it, expect, beforeAll } from 'vitest';
import { loadForms, ind, byProject, type ParsedForm } from './load.js';

// 漳州市医疗保障局 2022 决算, 第五部分 附件: 专项资金绩效自评表 forms (TSV dump, merged cells shifted)
let forms: ParsedForm[];
beforeAll(async () => { forms = await loadForms('000_2eb6b8bca2f0722e.txt'); });

describe('seed 000 专项资金绩效自评表', () => {
  it('finds every form (12 专项名称 in the dump) and no 评价指标评分表 of the reports', () => {
    expect(forms.length).toBe(12);
    expect(forms.every((f) => f.form.title === '专项资金绩效自评表')).toBe(true);
    expect(forms.every((f) => f.form.form_kind === 'project' && f.form.year === '2022')).toBe(true);
    expect(forms.map((f) => f.form.project)).toContain('自聘人员工资性支出财政补助');
  });

  it('reads form 1 header and 项目资金', () => {
    const f = forms[0]!.form;
    expect(f.project).toBe('办事大厅便民服务专项经费');
    expect(f.issuer).toBe('漳州市医疗保障局');
    expect(f.implementing_unit).toBe('漳州市医疗保障基金中心');
    expect([f.budget_initial, f.budget_full_year, f.executed, f.funds_weight, f.execution_rate, f.funds_score])
      .toEqual(['20.00', '20.00', '19.93', '10', '99.65', '7']);
    expect(f.total_score).toBe('96.98');
    expect(f.grade).toBe('优(S≥90)');
    expect(f.flags).not.toContain('issuer_from_document');
  });

  it('form 1: targets split, wrapped indicator joined, shifted 二级 restored', () => {
    const f = forms[0]!;
    expect(f.indicators.length).toBe(8);
    const a = ind(f, '办事窗口月均办件量');
    expect([a.level1, a.level2, a.target_operator, a.target, a.target_unit, a.actual, a.weight, a.score])
      .toEqual(['产出指标', '数量指标', '≥', '2800', '件', '3400', '15', '15']);
    // filled down: 质量指标 row prints no 一级
    expect(ind(f, '办事窗口办结率').level1).toBe('产出指标');
    // 成本指标 printed next to 效益指标 by the dump: by vocabulary it is 产出指标's
    const cost = ind(f, '办事大厅专项经费支出成本');
    expect([cost.level1, cost.level2, cost.target, cost.target_unit, cost.actual, cost.score]).toEqual(['产出指标', '成本指标', '20', '万元', '19.93', '4.98']);
    expect(cost.deviation_reason).toMatch(/^年初绩效目标值设定不够客观科学/);
    // `参保人员在办理医` + next row `保业务时对便民服务的满意程度` is one indicator
    const joined = ind(f, '参保人员在办理医保业务时对便民服务的满意程度');
    expect([joined.level1, joined.level2, joined.target, joined.target_unit, joined.actual, joined.weight]).toEqual(['效益指标', '社会效益指标', '90', '%', '95', '10']);
    expect(f.indicators.some((i) => i.level3 === '保业务时对便民服务的满意程度')).toBe(false);
    const econ = ind(f, '参保人员费用支出节约金额');
    expect([econ.level2, econ.target, econ.actual]).toEqual(['经济效益指标', '3', '3']);
    expect(ind(f, '12345平台诉求群众满意率').level2).toBe('服务对象满意度指标');
    expect(f.indicators.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('form 2: wrapped deviation reason joined, 二级 printed in the first column', () => {
    const f = byProject(forms, '困难企业职工、濒破企业人员医保补助');
    expect([f.form.budget_initial, f.form.executed, f.form.execution_rate, f.form.funds_score, f.form.total_score]).toEqual(['12.00', '8.98', '74.83', '5', '91.8']);
    expect(f.form.grade).toBe('优(S≥90)');
    expect(f.indicators.length).toBe(8);
    const a = ind(f, '困难企业享受财政补助人数');
    expect([a.target_operator, a.target, a.target_unit, a.actual, a.score]).toEqual(['≥', '187', '人', '160', '12.83']);
    expect(ind(f, '困难企业财政补助保证率').level2).toBe('数量指标');
    const b = ind(f, '减轻相关参保群体的家庭经济负担总额');
    expect([b.level1, b.level2, b.actual, b.score]).toEqual(['效益指标', '社会效益指标', '8.97', '8.97']);
    expect(b.deviation_reason.endsWith('本年达退休年龄后不再需要专项资金补助')).toBe(true);
    expect(ind(f, '减轻该项目人群缴费的经济负担').target_unit).toBe('元/人.年');
  });

  it('form 3: 产出指标 printed in the 二级 column, rows above it have no 一级', () => {
    const f = byProject(forms, '稽核专项工作经费');
    expect(f.indicators.length).toBe(8);
    for (const n of ['稽核稽查专家库成员人数', '签约零售药店违规处理率', '资金下达及时率', '稽核奖励经费支出成本']) {
      expect(ind(f, n).level1).toBe('产出指标');
    }
    expect(ind(f, '稽核奖励经费支出成本').level2).toBe('成本指标');
    expect(ind(f, '稽核稽查专家库成员人数').actual).toBe('621');
    expect(ind(f, '追回或拒付不合理医疗费用')).toMatchObject({ level1: '效益指标', level2: '经济效益指标', target: '2000', target_unit: '万元', actual: '17100' });
    expect(f.form.total_score).toBe('96.99');
  });

  it('form 4 (E点通) has targets only: no invented actuals or scores', () => {
    const f = byProject(forms, '医疗保障网上申报系统（E点通）服务项目');
    expect(f.indicators.length).toBe(8);
    const a = ind(f, 'E点通活跃用户');
    expect([a.target, a.target_unit, a.actual, a.weight, a.score]).toEqual(['20000', '家', '', '', '']);
    expect(ind(f, 'E点通服务项目成本').target_operator).toBe('≤');
    expect([f.form.total_score, f.form.grade, f.form.funds_score]).toEqual(['', '', '']);
    expect(f.messages.join('\n')).toMatch(/total score/);
  });

  it('other forms: shifted rows, 全年预算 differing from 年初, 成本指标 in the first column', () => {
    const jz = byProject(forms, '城乡医疗救助市级配套资金');
    expect([jz.form.budget_initial, jz.form.budget_full_year, jz.form.executed, jz.form.total_score]).toEqual(['500.00', '464.11', '464.11', '100']);
    expect(jz.indicators.length).toBe(7);
    const zg = byProject(forms, '城镇职工医保超收奖励');
    expect(ind(zg, '职工医保征收工作经费支出成本')).toMatchObject({ level1: '产出指标', level2: '成本指标', target_operator: '=', target: '60', actual: '51.92', weight: '5', score: '4.33' });
    expect(ind(zg, '全市城镇职工医保基金征缴额')).toMatchObject({ level1: '效益指标', level2: '经济效益指标', target: '30', target_unit: '亿元', actual: '38.03' });
    const zj = byProject(forms, '追加稽核专项工作经费');
    expect([zj.form.budget_initial, zj.form.budget_full_year, zj.form.total_score, zj.form.grade]).toEqual(['0.00', '100.00', '100', '优(S≥90)']);
    expect(ind(zj, '稽核奖励经费支出成本')).toMatchObject({ level1: '产出指标', level2: '成本指标', target_operator: '≤', target: '100' });
    const gz = byProject(forms, '医保制度改革、医改政策落实及医保工作能力提升经费');
    expect(gz.form.implementing_unit).toBe('漳州市医疗保障局');
    expect(ind(gz, '项目完成时间')).toMatchObject({ target_operator: '=', target: '12', target_unit: '月', score: '9', deviation_reason: '本年完成' });
    const zp = byProject(forms, '自聘人员工资性支出财政补助');
    expect(ind(zp, '自聘人员工资性支出成本')).toMatchObject({ level1: '产出指标', level2: '成本指标', actual: '282.71', score: '4.71' });
    expect(forms.reduce((n, f) => n + f.indicators.length, 0)).toBe(92);
  });
});
