// Name resolution: normalisation, variants, parent context, ambiguity, fuzzy matching.
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, normalizeName } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const code = (name: string, opts?: Parameters<typeof tax.resolveName>[1]) => tax.resolveName(name, opts)?.code;

describe('normalizeName', () => {
  it('strips numbering, white space, level marks, full-width forms', () => {
    expect(normalizeName('八、社会保障和就业支出')).toBe('社会保障和就业支出');
    expect(normalizeName('（二）卫生健康（类）')).toBe('卫生健康');
    expect(normalizeName('3. 行政 运行（项）')).toBe('行政运行');
    expect(normalizeName('<b>住房保障支出</b>')).toBe('住房保障支出');
    expect(normalizeName('维修（护）费')).toBe('维修(护)费');
    expect(normalizeName('（1）其他支出')).toBe('其他支出');
    expect(normalizeName('一般公共服务支出')).toBe('一般公共服务支出');
  });
});

describe('resolveName', () => {
  it('exact names and 类 variants with and without 支出', () => {
    expect(tax.resolveName('卫生健康支出')).toMatchObject({ code: '210', method: 'exact', score: 1 });
    expect(tax.resolveName('卫生健康')).toMatchObject({ code: '210', method: 'alias' });
    expect(code('社会保障和就业')).toBe('208');
    expect(code('一般公共服务')).toBe('201');
    expect(code('八、社会保障和就业支出')).toBe('208');
    expect(code('住房保障支出（类）')).toBe('221');
  });
  it('historical names resolve to their code', () => {
    expect(code('医疗卫生与计划生育支出')).toBe('210');
    expect(code('文化体育与传媒支出')).toBe('207');
    expect(tax.resolveName('医疗卫生与计划生育支出', { year: '2018' })?.entry.name).toBe('医疗卫生与计划生育支出');
  });
  it('does not guess when ambiguous', () => {
    expect(tax.resolveName('行政运行')).toBeUndefined();
    expect(tax.resolveName('住房公积金')).toBeUndefined();
    expect(tax.resolveName('其他支出')).toBeUndefined();
    expect(tax.resolveName('其他一般公共服务支出')).toBeUndefined(); // 20199 and 2019999
  });
  it('parent, level and system context narrow', () => {
    expect(code('行政运行', { parent: '21015' })).toBe('2101501');
    expect(code('行政运行', { parent: '20406' })).toBe('2040601');
    expect(code('住房公积金', { system: 'function' })).toBe('2210201');
    // 30311 was printed 住房公积金 in 2017 and 代缴社会保险费 later: the year decides
    expect(code('住房公积金', { system: 'econ_dept' })).toBeUndefined();
    expect(code('住房公积金', { system: 'econ_dept', year: '2022' })).toBe('30113');
    expect(code('住房公积金', { system: 'econ_gov' })).toBe('50103');
    expect(code('其他支出', { system: 'function', level: '类' })).toBe('229');
    expect(code('其他一般公共服务支出', { level: '款' })).toBe('20199');
    expect(code('事业运行', { parent: '21015', level: '项' })).toBe('2101550');
    expect(tax.resolveName('行政运行', { parent: '21011' })).toBeUndefined();
  });
  it('fuzzy matching for OCR-garbled names, only when clearly unique', () => {
    const r = tax.resolveName('医疗保障经办事物', { system: 'function' });
    expect(r).toMatchObject({ code: '2101506', method: 'fuzzy' });
    expect(r?.score).toBeGreaterThanOrEqual(0.75);
    expect(code('机关事业单位基本养老保险缴费支岀', { system: 'function' })).toBe('2080505');
    expect(tax.resolveName('行政运营')).toBeUndefined(); // too short, too many neighbours
    expect(tax.resolveName('完全无关的名称文字')).toBeUndefined();
  });
  it('returns undefined for empty input', () => {
    expect(tax.resolveName('')).toBeUndefined();
    expect(tax.resolveName('一、')).toBeUndefined();
  });
});

describe('residual names', () => {
  it('never resolves 其他X支出 to X by fuzzy matching (huzhou-weijianwei 2026 收支总表 prints 其他科学技术支出)', () => {
    const t = loadTaxonomy();
    expect(t.resolveName('其他科学技术支出', { system: 'function', level: '类', year: '2026' })).toBeUndefined();
    expect(t.resolveName('其他卫生健康支出', { system: 'function', level: '类', year: '2026' })).toBeUndefined();
    expect(t.resolveName('二十三、其他支出', { system: 'function', level: '类', year: '2022' })?.code).toBe('229');
    expect(t.resolveName('科学技术支出', { system: 'function', level: '类', year: '2026' })?.code).toBe('206');
  });
});
