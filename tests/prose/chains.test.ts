import { describe, it, expect } from 'vitest';
import {
  extractProseFacts,
  collectDefinitions,
  chainResolverFromDefinitions,
  nameResolverFromDefinitions,
  type ProseFact,
} from '../../normalizers/prose/index.js';
import { seedLines, SEED_000, SEED_001, SEED_004 } from './seeds.js';

const lines004 = seedLines(SEED_004);
// the stub taxonomy: the codes the seed's own 名词解释 defines
const defs004 = collectDefinitions(lines004, '004', '2023');
const resolveChain = chainResolverFromDefinitions(defs004);
const facts004 = extractProseFacts(lines004, { resolveChain, resolveName: nameResolverFromDefinitions(defs004) });

const chainFacts = (facts: ProseFact[]) => facts.filter((f) => f.names.length === 3);

// [seed line (1-based) of the number, 类, 款, 项, code, 支出决算, 完成预算 label, rate]
const EXPECTED_004: [number, string, string, string, string, string, string, string][] = [
  [137, '社会保障和就业支出', '行政事业单位养老支出', '行政单位离退休', '2080501', '1.73', '完成预算', '100'],
  [139, '社会保障和就业支出', '行政事业单位养老支出', '机关事业单位基本养老保险缴费支出', '2080505', '38.28', '完成预算', '100'],
  [141, '社会保障和就业支出', '行政事业单位养老支出', '机关事业单位职业年金缴费支出', '2080506', '17.77', '完成预算', '100'],
  [143, '卫生健康支出', '行政事业单位医疗', '行政单位医疗', '2101101', '22.2', '完成预算', '100'],
  [145, '卫生健康支出', '行政事业单位医疗', '事业单位医疗', '2101102', '0.93', '完成预算', '100'],
  [147, '卫生健康支出', '行政事业单位医疗', '公务员医疗补助', '2101103', '6.46', '完成预算', '100'],
  [149, '卫生健康支出', '医疗救助', '城乡医疗救助', '2101301', '82', '完成预算', '100'],
  [151, '卫生健康支出', '医疗救助', '其他医疗救助支出', '2101399', '65', '完成预算', '100'],
  [155, '卫生健康支出', '医疗保障管理事务', '行政运行', '2101501', '230.48', '完成预算', '100'],
  [157, '卫生健康支出', '医疗保障管理事务', '信息化建设', '2101504', '0.9', '完成预算', '100'],
  [159, '卫生健康', '医疗保障管理事务', '医疗保障经办事务', '2101506', '10.22', '完成预算', '100'],
  [161, '卫生健康', '医疗保障管理事务', '事业运行', '2101550', '11.91', '完成调整预算', '100'],
  [163, '卫生健康', '医疗保障管理事务', '其他医疗保障管理事务支出', '2101599', '336.50', '完成预算', '100'],
  [165, '住房保障支出', '住房改革支出', '住房公积金', '2210201', '25.36', '完成预算', '100'],
];

describe('per-项 chains of seed 004', () => {
  const chains = chainFacts(facts004);

  it('finds exactly the 14 chains, two facts each, in print order', () => {
    expect(chains).toHaveLength(28);
    expect(chains.filter((f) => f.measure === 'expenditure_final').map((f) => f.item)).toEqual(EXPECTED_004.map((e) => e[3]));
  });

  for (const [line, lei, kuan, xiang, code, amount, rateLabel, rate] of EXPECTED_004) {
    it(`${xiang} (${code})`, () => {
      const mine = chains.filter((f) => f.item === xiang && f.names[1] === kuan);
      expect(mine).toHaveLength(2);
      const [exp, done] = mine as [ProseFact, ProseFact];
      expect(exp).toMatchObject({
        item: xiang,
        names: [lei, kuan, xiang],
        code,
        code_source: 'resolved',
        measure: 'expenditure_final',
        measure_label: '支出决算为',
        value: amount,
        unit: '万元',
        line: line - 1,
        flags: [],
      });
      expect(done).toMatchObject({ measure: 'budget_completion_rate', measure_label: rateLabel, value: rate, unit: '%', code, line: line - 1 });
      expect(exp.sentence).toContain(`${xiang}（项）`);
    });
  }

  it('joins item 9, whose figures are printed on the next line', () => {
    const f = chains.find((x) => x.item === '行政运行' && x.measure === 'expenditure_final')!;
    expect(f.sentence).toBe('9.卫生健康支出（类）医疗保障管理事务（款）行政运行（项）：支出决算为230.48万元，完成预算100%');
    expect(f.line).toBe(154); // the number is on dump line 155, the chain on 153
  });

  it('hands resolveChain the parts with their levels', () => {
    const seen: string[] = [];
    extractProseFacts(lines004, {
      resolveChain: (parts) => {
        seen.push(parts.map((p) => `${p.name}/${p.level}`).join(' '));
        return undefined;
      },
    });
    expect(seen).toHaveLength(14);
    expect(seen[0]).toBe('社会保障和就业支出/类 行政事业单位养老支出/款 行政单位离退休/项');
    expect(seen[10]).toBe('卫生健康/类 医疗保障管理事务/款 医疗保障经办事务/项');
  });

  it('flags chains the taxonomy cannot resolve and leaves the code empty', () => {
    const partial = extractProseFacts(lines004, {
      resolveChain: (parts) => (parts[0]!.name === '住房保障支出' ? undefined : resolveChain(parts)),
    });
    const housing = chainFacts(partial).filter((f) => f.names[0] === '住房保障支出');
    expect(housing).toHaveLength(2);
    for (const f of housing) {
      expect(f.code).toBe('');
      expect(f.flags).toEqual(['code_unresolved']);
      expect(f.code_source).toBeUndefined();
    }
    const others = chainFacts(partial).filter((f) => f.names[0] !== '住房保障支出');
    expect(others).toHaveLength(26);
    expect(others.every((f) => f.code !== '' && f.flags.length === 0)).toBe(true);
  });

  it('the self-built resolver refuses a chain that contradicts a defined 类', () => {
    expect(resolveChain([{ name: '住房保障支出', level: '类' }, { name: '医疗救助', level: '款' }, { name: '城乡医疗救助', level: '项' }])).toBeUndefined();
    expect(resolveChain([{ name: '卫生健康', level: '类' }, { name: '医疗救助', level: '款' }, { name: '城乡医疗救助', level: '项' }])).toBe('2101301');
  });
});

describe('chains in other seeds and variants', () => {
  it('seed 001: the amount follows the chain directly; 完成年初预算的 rates; 年初预算为零 is not a number', () => {
    const facts = extractProseFacts(seedLines(SEED_001), { resolveChain: () => undefined });
    const chains = chainFacts(facts);
    const amounts = chains.filter((f) => f.measure === 'expenditure_final');
    expect(amounts.map((f) => f.value)).toEqual([
      '1.17', '5.36', '229.84', '19.57', '4.28', '10.72', '4.58', '8.35', '74.26', '4.80', '210.92', '16.63', '192.30', '1585.25', '558.60', '170.76', '8.95',
    ]);
    expect(amounts.every((f) => f.measure_label === '' && f.unit === '万元' && f.flags[0] === 'code_unresolved')).toBe(true);
    const first = chains.filter((f) => f.item === '行政单位离退休');
    expect(first.map((f) => [f.measure, f.measure_label, f.value])).toEqual([
      ['expenditure_final', '', '1.17'],
      ['budget_completion_rate', '完成年初预算的', '100'],
    ]);
    // 职业年金 (line 67) says 年初预算为零: only the amount
    expect(chains.filter((f) => f.item === '机关事业单位职业年金缴费支出').map((f) => f.measure)).toEqual(['expenditure_final']);
    expect(chains.filter((f) => f.measure === 'budget_completion_rate')).toHaveLength(12);
    // the chains of its 名词解释 carry no numbers and are outside the 情况说明
    expect(chains.every((f) => f.line < 121)).toBe(true);
  });

  it('seed 000: 2101501-行政运行支出 1091.68 万元 with printed code, change and rate', () => {
    const facts = extractProseFacts(seedLines(SEED_000), { resolveChain: () => undefined });
    const xz = facts.filter((f) => f.code === '2101501');
    expect(xz.map((f) => [f.item, f.measure, f.value, f.unit, f.code_source])).toEqual([
      ['行政运行支出', 'expenditure_final', '1091.68', '万元', 'printed'],
      ['行政运行支出', 'change_vs_prior_year', '117.91', '万元', 'printed'],
      ['行政运行支出', 'change_rate_vs_prior_year', '12.11', '%', 'printed'],
    ]);
    const coded = facts.filter((f) => f.code_source === 'printed' && f.measure === 'expenditure_final');
    expect(coded.map((f) => f.code)).toEqual([
      '2012999', '2019999', '2080109', '2080501', '2080502', '2080505', '2101101', '2101102', '2101103', '2101501', '2101506', '2101550', '2101599', '2210201', '2210203', '2101505',
    ]);
    // `较上年` on one line, `决算数减少 146.33 万元，下降 97.40%` on the next
    const other = facts.filter((f) => f.code === '2019999');
    expect(other.map((f) => [f.measure, f.value, f.line + 1])).toEqual([
      ['expenditure_final', '3.90', 477],
      ['change_vs_prior_year', '-146.33', 479],
      ['change_rate_vs_prior_year', '-97.40', 479],
    ]);
    // 净增加 without a rate
    expect(facts.filter((f) => f.code === '2012999').map((f) => [f.measure, f.measure_label, f.value])).toEqual([
      ['expenditure_final', '', '2.08'],
      ['change_vs_prior_year', '较上年决算数净增加', '2.08'],
    ]);
  });

  it('takes every labelled amount of a chain: 年初预算为 / 调整预算为 / 支出决算为, 比上年增加/减少, 增长/下降', () => {
    const lines = [
      { text: '第二部分 2024年度部门决算情况说明', page: 3 },
      { text: '1. 卫生健康支出（类）医疗保障管理事务（款）行政运行（项）：年初预算为 1,200.50 万元，调整预算为 1 300.00 万元，', page: 3 },
      { text: '支出决算为 １２９８．３ 万元，完成调整预算 99.87%，比上年减少 12.5 万元，下降 0.95%。', page: 4 },
      { text: '2. 卫生健康支出(类)医疗保障管理事务(款)事业运行(项)：支出决算为2776. 77万元，比上年增加3.2万元，增长1.5%。', page: 4 },
    ];
    const facts = extractProseFacts(lines, { resolveChain: (p) => (p[2]?.name === '行政运行' ? '2101501' : undefined) });
    expect(facts.map((f) => [f.item, f.measure, f.measure_label, f.value, f.unit, f.line, f.page, f.code])).toEqual([
      ['行政运行', 'budget_initial', '年初预算为', '1200.50', '万元', 1, 3, '2101501'],
      ['行政运行', 'budget_adjusted', '调整预算为', '1300.00', '万元', 1, 3, '2101501'],
      ['行政运行', 'expenditure_final', '支出决算为', '1298.3', '万元', 2, 4, '2101501'],
      ['行政运行', 'budget_completion_rate', '完成调整预算', '99.87', '%', 2, 4, '2101501'],
      ['行政运行', 'change_vs_prior_year', '比上年减少', '-12.5', '万元', 2, 4, '2101501'],
      ['行政运行', 'change_rate_vs_prior_year', '下降', '-0.95', '%', 2, 4, '2101501'],
      ['事业运行', 'expenditure_final', '支出决算为', '2776.77', '万元', 3, 4, ''],
      ['事业运行', 'change_vs_prior_year', '比上年增加', '3.2', '万元', 3, 4, ''],
      ['事业运行', 'change_rate_vs_prior_year', '增长', '1.5', '%', 3, 4, ''],
    ]);
    expect(facts.slice(6).every((f) => f.flags.includes('code_unresolved'))).toBe(true);
  });

  it('keeps the printed unit (元, 亿元) and never reads a number without one', () => {
    const lines = [
      { text: '（1）卫生健康支出（类）医疗救助（款）城乡医疗救助（项）：支出决算为 820000 元，比上年减少 417.56，下降 32.95%。' },
      { text: '（2）卫生健康支出（类）医疗救助（款）其他医疗救助支出（项）：支出决算为 0.65 亿元。' },
    ];
    const facts = extractProseFacts(lines, { resolveChain: () => '2101301', scope: 'all' });
    expect(facts.map((f) => [f.item, f.measure, f.value, f.unit])).toEqual([
      ['城乡医疗救助', 'expenditure_final', '820000', '元'],
      ['城乡医疗救助', 'change_rate_vs_prior_year', '-32.95', '%'],
      ['其他医疗救助支出', 'expenditure_final', '0.65', '亿元'],
    ]);
  });
});
