import { describe, it, expect } from 'vitest';
import { collectDefinitions, nameResolverFromDefinitions } from '../../normalizers/prose/index.js';
import { seedLines, SEED_000, SEED_001, SEED_004 } from './seeds.js';

const EXPECTED_004: [string, string][] = [
  ['208', '社会保障和就业'],
  ['20805', '行政单位离退休'], // sic: the seed prints the 项 name for the 款 code
  ['2080501', '行政单位离退休'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['2080506', '机关事业单位职业年金缴费支出'],
  ['210', '卫生健康支出'],
  ['21011', '行政事业单位医疗'],
  ['2101101', '行政单位医疗'],
  ['2101102', '事业单位医疗'],
  ['2101103', '公务员医疗补助'],
  ['21013', '医疗救助'],
  ['2101301', '城乡医疗救助'],
  ['2101399', '其他医疗救助支出'],
  ['21015', '医疗保障管理事务'],
  ['2101501', '行政运行'],
  ['2101502', '一般行政管理事务'],
  ['2101503', '机关服务'],
  ['2101504', '信息化建设'],
  ['2101505', '医疗保障政策管理'],
  ['2101506', '医疗保障经办事务'],
  ['2101550', '事业运行'],
  ['2101599', '其他医疗保障管理事务'],
  ['221', '住房保障支出'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
];

describe('collectDefinitions, seed 004 名词解释', () => {
  const defs = collectDefinitions(seedLines(SEED_004), 'doc004', '2023');

  it('finds every coded definition, in order, with code and name', () => {
    expect(defs.map((d) => [d.code, d.name])).toEqual(EXPECTED_004);
    expect(defs.every((d) => d.doc_id === 'doc004' && d.fiscal_year === '2023')).toBe(true);
  });

  it('keeps the definition text, with or without colon, and the comma form of line 260', () => {
    const by = (code: string) => defs.find((d) => d.code === code)!.definition;
    expect(by('208')).toBe('反映政府在社会保障与就业方面的支出。');
    expect(by('20805')).toBe('反映用于行政事业单位养老方面的支出。');
    expect(by('21015')).toBe('反映医疗保障管理方面的支出。');
    expect(by('2210201')).toBe('指反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。');
  });

  it('continues a definition over the blank line of a wrapped line, and stops at the next one', () => {
    const by = (code: string) => defs.find((d) => d.code === code)!.definition;
    expect(by('2101301')).toBe('反映财政用于城乡困难群众医疗救助的支出。');
    expect(by('2101599')).toBe('反映上述项目以外的其他用于医疗保障管理事务方面的支出。');
    // the last one does not swallow 12. 基本支出：…
    expect(by('2210201')).not.toContain('基本支出');
  });

  it('feeds a name resolver (a name defined with two codes resolves to none)', () => {
    const r = nameResolverFromDefinitions(defs);
    expect(r('卫生健康支出')).toBe('210');
    expect(r('社会保障和就业支出')).toBe('208');
    expect(r('行政单位离退休')).toBeUndefined();
    expect(r('行政运行')).toBe('2101501');
  });
});

describe('collectDefinitions, other seeds and variants', () => {
  it('seed 000 第四部分 名词解释 has no coded definitions (its codes are in prose figures, not definitions)', () => {
    expect(collectDefinitions(seedLines(SEED_000), 'd', '2022')).toEqual([]);
  });

  it('seed 001: chains without codes are not code definitions', () => {
    expect(collectDefinitions(seedLines(SEED_001), 'd', '2023')).toEqual([]);
  });

  it('half-width parens, no colon, continuation without blank lines, page numbers', () => {
    const lines = [
      { text: '第三部分 名词解释', page: 9 },
      { text: '1. 一般公共服务支出(201)：反映政府提供一般公共服务的支出。', page: 9 },
      { text: '人大事务（20101）反映各级人民代表大会的', page: 9 },
      { text: '支出。', page: 10 },
      { text: '行政运行(2010101):反映行政单位的基本支出。', page: 10 },
      { text: '2. 基本支出：指为保障机构正常运转的支出。', page: 10 },
      { text: '第四部分 附件', page: 11 },
      { text: '行政运行（2101501）230.48 万元', page: 11 },
    ];
    const defs = collectDefinitions(lines, 'x', '2024');
    expect(defs).toEqual([
      { doc_id: 'x', code: '201', name: '一般公共服务支出', definition: '反映政府提供一般公共服务的支出。', fiscal_year: '2024', page: 9 },
      { doc_id: 'x', code: '20101', name: '人大事务', definition: '反映各级人民代表大会的支出。', fiscal_year: '2024', page: 9 },
      { doc_id: 'x', code: '2010101', name: '行政运行', definition: '反映行政单位的基本支出。', fiscal_year: '2024', page: 10 },
    ]);
  });

  it('outside a 名词解释 part only text that reads like a definition counts', () => {
    const defs = collectDefinitions(
      [{ text: '行政运行（2101501）：反映行政单位的基本支出。' }, { text: '事业运行（2101550）：11.91 万元' }, { text: '城乡医疗救助（2101301）支出增加' }],
      'x',
      '2023',
    );
    expect(defs.map((d) => d.code)).toEqual(['2101501']);
  });
});
