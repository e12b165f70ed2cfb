import { describe, it, expect, beforeAll } from 'vitest';
import { loadForms, ind, type ParsedForm } from './load.js';

// 江门市医疗保障局 2023 部门整体支出绩效自评指标评分表: OCR'd, garbled cells
let forms: ParsedForm[];
beforeAll(async () => { forms = await loadForms('003_915f6bc0cb6e7bd7.txt', '江门市医疗保障局'); });

describe('seed 003 OCR 指标评分表', () => {
  it('is one department form, flagged as partly unreadable', () => {
    expect(forms.length).toBe(1);
    const f = forms[0]!.form;
    expect(f.form_kind).toBe('department');
    expect(f.title).toBe('部门整体支出绩效自评指标评分表(无专项资金)');
    expect(f.year).toBe('2023');
    expect(f.total_score).toBe('97.62');
    expect(f.flags).toContain('ocr_unreadable');
    // 单位名称 prints `ž`: not guessed
    expect(f.project).toBe('');
    expect(forms[0]!.messages.some((m) => m.includes('"ž"'))).toBe(true);
    expect(f.issuer).toBe('江门市医疗保障局');
  });

  it('reads the scored 三级指标 where the OCR put them', () => {
    const p = forms[0]!;
    expect(ind(p, '产出指标完成情况')).toMatchObject({ level1: '履职效能', level2: '整体效能', weight: '20', score: '10.02' });
    expect(ind(p, '部门预算资金支出率')).toMatchObject({ weight: '10', score: '10' });
    expect(ind(p, '新增项目事前绩效评估')).toMatchObject({ level1: '管理效率', level2: '预算编制', weight: '2', score: '2' });
    // label printed after junk `- 3 | - 3`: the junk is reported, the numbers next to the label kept
    expect(ind(p, '预决算公开合规性')).toMatchObject({ weight: '2', score: '2' });
    expect(p.messages.some((m) => m.includes('"- 3"'))).toBe(true);
    expect(ind(p, '合同备案时效性')).toMatchObject({ level2: '采购管理', weight: '1', score: '0' });
    expect(ind(p, '"三公"经费控制情况')).toMatchObject({ level1: '管理效率', level2: '运行成本', weight: '1', score: '1' });
    expect(p.indicators.filter((i) => !i.flags.includes('target_item')).length).toBe(26);
  });

  it('takes the 指标N lines as target items, splitting printed targets', () => {
    const p = forms[0]!;
    const items = p.indicators.filter((i) => i.flags.includes('target_item'));
    expect(items.length).toBe(37);
    expect(ind(p, '城乡居民基本医疗保险参保人数≥200万人')).toMatchObject({ target_operator: '≥', target: '200', target_unit: '万人', weight: '', score: '' });
    expect(ind(p, '基金滚存结余可支配月数(月)不低于3个')).toMatchObject({ target_operator: '不低于', target: '3', target_unit: '个' });
    expect(ind(p, '普遍开展门诊统筹')).toMatchObject({ target: '', target_operator: '' });
  });

  it('flags garbled cells instead of guessing', () => {
    const p = forms[0]!;
    const nameless = p.indicators.filter((i) => i.level3 === '');
    expect(nameless.length).toBe(1);
    expect(nameless[0]!.flags).toContain('ocr_unreadable');
    expect(nameless[0]).toMatchObject({ weight: '0.5', score: '0.5' });
    // `ETTIL M. AV` and `日性从平 | 30` (a 一级 that breaks the 100 total) are not 一级 names
    expect(p.indicators.some((i) => i.level1 === 'ETTILM.AV' || i.level1 === '日性从平')).toBe(false);
    expect(p.messages.some((m) => m.includes('ETTIL M. AV'))).toBe(true);
    expect(p.messages.some((m) => m.includes('日性从平'))).toBe(true);
    expect(new Set(p.indicators.map((i) => i.level1))).toEqual(new Set(['履职效能', '管理效率']));
  });
});
