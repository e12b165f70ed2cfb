// Lookups by code: year-aware names, provisional codes, shapes, COFOG, code-name checks.
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();

describe('systemOf and shapes', () => {
  it('classifies by shape', () => {
    expect(tax.systemOf('2101501')).toBe('function');
    expect(tax.systemOf('30101')).toBe('econ_dept');
    expect(tax.systemOf('50101')).toBe('econ_gov');
    expect(tax.systemOf('101')).toBe('income');
    expect(tax.systemOf('3010101')).toBeUndefined();
    expect(tax.systemOf('2101')).toBeUndefined();
    expect(tax.systemOf('合计')).toBeUndefined();
  });
  it('loadTaxonomy is cached', () => expect(loadTaxonomy()).toBe(tax));
});

describe('year-aware names', () => {
  it('210: 医疗卫生与计划生育支出 until 2018, 卫生健康支出 from 2019', () => {
    expect(tax.lookup('210', '2018')?.name).toBe('医疗卫生与计划生育支出');
    expect(tax.lookup('210', '2016')?.name).toBe('医疗卫生与计划生育支出');
    expect(tax.lookup('210', '2022')?.name).toBe('卫生健康支出');
    expect(tax.lookup('210', '2030')?.name).toBe('卫生健康支出');
    expect(tax.lookup('210')?.name).toBe('卫生健康支出');
    expect(tax.lookup('210', '2022')?.years).toContain('2022');
    expect(tax.lookup('210')?.history?.map((h) => h.name)).toEqual(['医疗卫生与计划生育支出', '卫生健康支出']);
  });
  it('20805: 行政事业单位离退休 in 2017-2019 prints, 行政事业单位养老支出 later', () => {
    expect(tax.lookup('20805', '2017')?.name).toBe('行政事业单位离退休');
    expect(tax.lookup('20805', '2022')?.name).toBe('行政事业单位养老支出');
  });
  it('econ 30307: 医疗费 (2017) then 医疗费补助', () => {
    expect(tax.lookup('30307', '2017')?.name).toBe('医疗费');
    expect(tax.lookup('30307', '2023')?.name).toBe('医疗费补助');
  });
  it('entries carry level, parent, system and sources', () => {
    const e = tax.lookup('2101501', '2022');
    expect(e).toMatchObject({ code: '2101501', name: '行政运行', level: '项', parent: '21015', system: 'function', cofog: '07' });
    expect(e?.provisional).toBeUndefined();
    expect(e?.sources.some((s) => s.startsWith('seeds/000_2eb6b8bca2f0722e.txt#L'))).toBe(true);
    expect(tax.lookup('30101')).toMatchObject({ level: '款', parent: '301', system: 'econ_dept', name: '基本工资' });
    expect(tax.lookup('301')).toMatchObject({ level: '类', parent: '' });
  });
});

describe('provisional entries for unseen, well-formed codes', () => {
  it('99 → 其他{parent}支出, built recursively through unseen parents', () => {
    const k = tax.lookup('21099');
    expect(k?.provisional).toBeUndefined(); // 21099 其他卫生健康支出 is observed
    const e = tax.lookup('2081999');
    expect(e).toMatchObject({ code: '2081999', level: '项', parent: '20819', provisional: true });
    expect(tax.lookup('2160599')).toMatchObject({ provisional: true, parent: '21605' });
  });
  it('conventional 项 suffixes under agency-type 款', () => {
    expect(tax.lookup('2101550')?.provisional).toBeUndefined();
    expect(tax.lookup('2013803')).toMatchObject({ name: '机关服务', provisional: true, parent: '20138', level: '项' });
    expect(tax.lookup('2012901')).toMatchObject({ name: '行政运行', provisional: true });
    expect(tax.lookup('2013850')).toMatchObject({ name: '事业运行', provisional: true });
    expect(tax.lookup('2101599')?.name).toBe('其他医疗保障管理事务支出');
    expect(tax.lookup('2080799')).toMatchObject({ name: '其他就业补助支出', provisional: true });
    expect(tax.lookup('2101199')?.provisional).toBeUndefined();
  });
  it('topic-numbered 款 do not get the 01/02/03 names', () => {
    expect(tax.lookup('2101104')).toMatchObject({ provisional: true, name: '未收录科目2101104', parent: '21011' });
  });
  it('economic 99 codes follow their class name', () => {
    expect(tax.lookup('31399')).toMatchObject({ name: '其他对社会保障基金补助', provisional: true });
  });
  it('malformed codes are undefined', () => {
    expect(tax.lookup('2100017')).toBeUndefined();
    expect(tax.lookup('999')).toBeUndefined();
    expect(tax.lookup('2501')).toBeUndefined();
    expect(tax.lookup('250')).toBeUndefined();
  });
});

describe('checkName', () => {
  it('accepts canonical names, printed variants, old names and OCR noise', () => {
    expect(tax.checkName('2101501', '行政运行', '2022')).toEqual({ ok: true, canonical: '行政运行' });
    expect(tax.checkName('210', '卫生健康', '2023').ok).toBe(true);
    expect(tax.checkName('210', '卫 生 健 康 支 出').ok).toBe(true);
    expect(tax.checkName('210', '医疗卫生与计划生育支出', '2018')).toEqual({ ok: true, canonical: '医疗卫生与计划生育支出' });
    expect(tax.checkName('2101599', '其他医疗保障管理事务', '2023').ok).toBe(true);
    expect(tax.checkName('30213', '维修(护)费').ok).toBe(true);
    expect(tax.checkName('2101506', '医疗保障经办事物').ok).toBe(true);
  });
  it('flags a name that belongs to another code', () => {
    expect(tax.checkName('20805', '行政单位离退休', '2023')).toEqual({
      ok: false,
      canonical: '行政事业单位养老支出',
      reason: 'code_name_mismatch',
    });
    expect(tax.checkName('2101501', '事业运行').reason).toBe('code_name_mismatch');
  });
  it('flags unknown codes', () => {
    expect(tax.checkName('2101104', '随便').reason).toBe('unknown_code');
    expect(tax.checkName('12345678', '随便').reason).toBe('unknown_code');
  });
});

describe('COFOG', () => {
  it('maps function codes by their 类', () => {
    expect(tax.cofog('210')).toBe('07');
    expect(tax.cofog('2080501')).toBe('10');
    expect(tax.cofog('20101')).toBe('01');
    expect(tax.cofog('232')).toBe('01');
    expect(tax.cofog('30101')).toBe('');
  });
  it('every function 类 in the data has a division', () => {
    const s = tax.stats();
    expect(s.cofogClasses).toBe(s.systems.function.类);
  });
});

describe('stats', () => {
  it('counts per system, level and year', () => {
    const s = tax.stats();
    expect(s.systems.function.类).toBe(30);
    expect(s.systems.function.项).toBeGreaterThan(200);
    expect(s.systems.econ_dept.款).toBeGreaterThan(90);
    expect(s.years['2022']).toBeGreaterThan(100);
    expect(Object.keys(s.sources)).toContain('seeds/000_2eb6b8bca2f0722e.txt');
    expect(s.total).toBe(s.systems.function.total + s.systems.econ_dept.total + s.systems.econ_gov.total + s.systems.income.total);
  });
});
