import { describe, it, expect } from 'vitest';
import { splitTarget, actualValue } from '../../normalizers/performance/target.js';
import { isGarbled, isPlaceholder, cleanText } from '../../normalizers/performance/text.js';
import { levelOf, parentOf } from '../../normalizers/performance/vocabulary.js';

describe('performance helpers', () => {
  it('splits printed targets', () => {
    expect(splitTarget('≥2800 件')).toEqual({ operator: '≥', value: '2800', unit: '件' });
    expect(splitTarget('=100%')).toEqual({ operator: '=', value: '100', unit: '%' });
    expect(splitTarget('≤28.5万元')).toEqual({ operator: '≤', value: '28.5', unit: '万元' });
    expect(splitTarget('有效提升')).toEqual({ operator: '', value: '有效提升', unit: '' });
    expect(splitTarget('')).toEqual({ operator: '', value: '', unit: '' });
  });
  it('normalises actual values only in the target unit', () => {
    expect(actualValue('65.22 万元', '万元')).toBe('65.22');
    expect(actualValue('100%', '%')).toBe('100');
    expect(actualValue('100%', '台')).toBe('100%');
    expect(actualValue('3400', '件')).toBe('3400');
  });
  it('tells garbled OCR from printed text', () => {
    for (const g of ['ž', '์ ปี', 'ETTIL M. AV', 'M. ZE bb', 'l.']) expect(isGarbled(g)).toBe(true);
    for (const ok of ['E 点通活跃用户', 'DIP', '12345 平台诉求群众满意率', '≥90%', '—', '“三公”经费']) expect(isGarbled(ok)).toBe(false);
  });
  it('knows placeholders and vocabulary', () => {
    expect(isPlaceholder('指标 2:')).toBe(true);
    expect(isPlaceholder('指标 1: 指标 2:')).toBe(true);
    expect(isPlaceholder('指标 1: 保障率')).toBe(false);
    expect(levelOf('满意 度 指标', false)).toBe('level1');
    expect(levelOf('服务对象满意 度指标', false)).toBe('level2');
    expect(levelOf('成本指标', false)).toBe('level2');
    expect(levelOf('成本指标', true)).toBe('level1');
    expect(parentOf('社会效益 指标', false)).toBe('效益指标');
    expect(parentOf('经济成本指标', true)).toBe('成本指标');
    expect(cleanText('12345 平台诉求 群众满意率')).toBe('12345平台诉求群众满意率');
  });
});
