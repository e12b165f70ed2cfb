import { describe, it, expect } from 'vitest';
import { extractProseFacts, proseKnowledge, type ProseFact } from '../../normalizers/prose/index.js';
import { seedLines, SEED_000, SEED_001, SEED_004 } from './seeds.js';

const none = { resolveChain: () => undefined };
const facts000 = extractProseFacts(seedLines(SEED_000), none);
const facts001 = extractProseFacts(seedLines(SEED_001), none);
const facts004 = extractProseFacts(seedLines(SEED_004), none);

/** [item, measure, value, unit] of the facts printed on a seed line (1-based, as in the dump). */
const onLine = (facts: ProseFact[], line: number) => facts.filter((f) => f.line === line - 1).map((f) => [f.item, f.measure, f.value, f.unit]);

describe('document-level statements, seed 000 (漳州 2022)', () => {
  it('收入总计 / 支出总计 with 各增加 … 增长 applying to both (line 438)', () => {
    expect(onLine(facts000, 438)).toEqual([
      ['收入总计', 'income_grand_total', '8182.50', '万元'],
      ['支出总计', 'expenditure_grand_total', '8182.50', '万元'],
      ['收入总计', 'change_vs_prior_year', '913.80', '万元'],
      ['支出总计', 'change_vs_prior_year', '913.80', '万元'],
      ['收入总计', 'change_rate_vs_prior_year', '12.57', '%'],
      ['支出总计', 'change_rate_vs_prior_year', '12.57', '%'],
    ]);
  });

  it('财政拨款收入总计 makes the 支出总计 of the same sentence the 财政拨款 one (line 469)', () => {
    const f = facts000.filter((x) => x.line === 468);
    expect(f.map((x) => [x.item, x.measure, x.value, x.subject])).toEqual([
      ['财政拨款收入总计', 'fiscal_appropriation_income_grand_total', '8036.55', 'fiscal_appropriation_income_grand_total'],
      ['支出总计', 'fiscal_appropriation_expenditure_grand_total', '8036.55', 'fiscal_appropriation_expenditure_grand_total'],
      ['财政拨款收入总计', 'change_vs_prior_year', '915.69', 'fiscal_appropriation_income_grand_total'],
      ['支出总计', 'change_vs_prior_year', '915.69', 'fiscal_appropriation_expenditure_grand_total'],
      ['财政拨款收入总计', 'change_rate_vs_prior_year', '12.86', 'fiscal_appropriation_income_grand_total'],
      ['支出总计', 'change_rate_vs_prior_year', '12.86', 'fiscal_appropriation_expenditure_grand_total'],
    ]);
  });

  it('the bare 收入 7942.09 (line 442) is not claimed as any total, its list items are', () => {
    expect(onLine(facts000, 442)).toEqual([]);
    expect(onLine(facts000, 444)).toEqual([['一般公共预算财政拨款收入', 'general_budget_appropriation', '7820.09', '万元']]);
    expect(onLine(facts000, 451)).toEqual([['其他收入', 'other_income', '122.00', '万元']]);
  });

  it('基本支出 其中，人员支出 / 公用支出 (line 457)', () => {
    const f = facts000.filter((x) => x.line === 456);
    expect(f.map((x) => [x.names, x.measure, x.value])).toEqual([
      [['基本支出'], 'basic', '6326.44'],
      [['基本支出', '人员支出'], 'personnel', '5914.33'],
      [['基本支出', '公用支出'], 'public', '412.11'],
    ]);
  });

  it('“三公”经费 16.61 万元, 完成全年预算的 90.86%, 较上年增加 1.27 万元, 增长 8.28% (line 533)', () => {
    expect(onLine(facts000, 533)).toEqual([
      ['一般公共预算拨款“三公”经费支出', 'three_public_total', '16.61', '万元'],
      ['一般公共预算拨款“三公”经费支出', 'budget_completion_rate', '90.86', '%'],
      ['一般公共预算拨款“三公”经费支出', 'change_vs_prior_year', '1.27', '万元'],
      ['一般公共预算拨款“三公”经费支出', 'change_rate_vs_prior_year', '8.28', '%'],
    ]);
  });

  it('公务接待费 4.03 万元 and 公务用车运行费 12.58 万元', () => {
    expect(onLine(facts000, 545)[0]).toEqual(['公务接待费支出', 'three_public_reception', '4.03', '万元']);
    expect(onLine(facts000, 545)[1]).toEqual(['公务接待费支出', 'budget_completion_rate', '70.70', '%']);
    expect(onLine(facts000, 543)[0]).toEqual(['公务用车运行费支出', 'three_public_vehicle_operation', '12.58', '万元']);
  });

  it('机关运行经费 307.56 万元, 比上年决算数减少 10.74% (a rate, negative)', () => {
    expect(onLine(facts000, 561)).toEqual([
      ['机关运行经费支出', 'office_operating_expenses', '307.56', '万元'],
      ['机关运行经费支出', 'change_rate_vs_prior_year', '-10.74', '%'],
    ]);
  });

  it('政府采购 with 其中 children and shares', () => {
    const f = facts000.filter((x) => x.line === 564);
    expect(f.map((x) => [x.names.join('>'), x.measure, x.value])).toEqual([
      ['政府采购支出总额', 'procurement_total', '93.56'],
      ['政府采购支出总额>政府采购货物支出', 'procurement_goods', '43.56'],
      ['政府采购支出总额>政府采购工程支出', 'procurement_works', '0.00'],
      ['政府采购支出总额>政府采购服务支出', 'procurement_services', '50.00'],
      ['授予中小企业合同金额', 'procurement_sme', '43.56'],
      ['授予中小企业合同金额', 'share_of_total', '46.56'],
      ['授予中小企业合同金额>授予小微企业合同金额', 'procurement_small_micro', '43.56'],
      ['授予中小企业合同金额>授予小微企业合同金额', 'share_of_total', '100.00'],
    ]);
    // 货物采购授予中小企业合同金额占货物支出金额的100.00%: no known subject → nothing
    expect(f.filter((x) => x.value === '100.00')).toHaveLength(1);
  });

  it('the 875,668.30 万元 of the 绩效 paragraph has no known label', () => {
    expect(facts000.some((f) => f.value === '875668.30' || f.value === '1642.00')).toBe(false);
  });
});

describe('document-level statements, seed 001 (盘锦 2023)', () => {
  it('（一）收入总计3106.33万元 and 财政拨款收入 with its share of 收入总计', () => {
    expect(onLine(facts001, 39)).toEqual([['收入总计', 'income_grand_total', '3106.33', '万元']]);
    const f = facts001.filter((x) => x.line === 39);
    expect(f.map((x) => [x.names.join('>'), x.measure, x.measure_label, x.value, x.unit])).toEqual([
      ['财政拨款收入', 'fiscal_appropriation', '财政拨款收入', '3106.33', '万元'],
      ['财政拨款收入', 'share_of_total', '占收入总计的', '100.00', '%'],
      ['财政拨款收入>一般公共预算财政拨款收入', 'general_budget_appropriation', '一般公共预算财政拨款收入', '3106.33', '万元'],
      ['财政拨款收入>政府性基金预算财政拨款收入', 'government_fund_appropriation', '政府性基金预算财政拨款收入', '0.00', '万元'],
      ['财政拨款收入>国有资本经营预算财政拨款收入', 'state_capital_appropriation', '国有资本经营预算财政拨款收入', '0.00', '万元'],
    ]);
  });

  it('今年收入总计减少45.15万元，降低1.43% (line 48)', () => {
    expect(onLine(facts001, 48)).toEqual([
      ['收入总计', 'change_vs_prior_year', '-45.15', '万元'],
      ['收入总计', 'change_rate_vs_prior_year', '-1.43', '%'],
    ]);
  });

  it('支出总计 and 基本支出 75.00% of it; the bare 今年支出减少 (line 55) is skipped', () => {
    expect(onLine(facts001, 49)).toEqual([['支出总计', 'expenditure_grand_total', '3106.33', '万元']]);
    expect(onLine(facts001, 50)).toEqual([
      ['基本支出', 'basic', '2329.86', '万元'],
      ['基本支出', 'share_of_total', '75.00', '%'],
    ]);
    expect(onLine(facts001, 55)).toEqual([]);
  });

  it('财政拨款支出 其中 基本支出 / 项目支出 become the 财政拨款 ones; 完成年初预算的 per subject (line 60)', () => {
    const f = facts001.filter((x) => x.line === 59);
    expect(f.map((x) => [x.names.join('>'), x.measure, x.value])).toEqual([
      ['财政拨款支出', 'fiscal_appropriation_expenditure', '3106.33'],
      ['财政拨款支出>基本支出', 'fiscal_appropriation_basic', '2329.86'],
      ['财政拨款支出>项目支出', 'fiscal_appropriation_project', '776.47'],
      ['财政拨款支出', 'change_vs_prior_year', '-45.10'],
      ['财政拨款支出', 'change_rate_vs_prior_year', '-1.43'],
      ['财政拨款支出', 'budget_completion_rate', '124.58'],
      ['财政拨款支出>基本支出', 'budget_completion_rate', '105.18'],
      ['财政拨款支出>项目支出', 'budget_completion_rate', '279.11'],
    ]);
  });

  it('“三公”经费 7.39 万元; 比上年减少 in the next sentence still belongs to it (line 89)', () => {
    expect(onLine(facts001, 89)).toEqual([
      ['财政拨款安排的“三公”经费支出', 'three_public_total', '7.39', '万元'],
      ['财政拨款安排的“三公”经费支出', 'budget_completion_rate', '52.79', '%'],
      ['财政拨款安排的“三公”经费支出', 'change_vs_prior_year', '-1.50', '万元'],
      ['财政拨款安排的“三公”经费支出', 'change_rate_vs_prior_year', '-16.87', '%'],
    ]);
    expect(facts001.filter((x) => x.line === 89).map((x) => [x.names.join('>'), x.value])).toEqual([
      ['财政拨款安排的“三公”经费支出>因公出国（境）费', '0.00'],
      ['财政拨款安排的“三公”经费支出>公务接待费', '0.00'],
      ['财政拨款安排的“三公”经费支出>公务用车购置及运行维护费', '7.39'],
    ]);
  });

  it('机关运行经费 26.13 万元; its 具体包括 breakdown is not read as 三公 figures (line 99)', () => {
    expect(onLine(facts001, 99)).toEqual([
      ['机关运行经费支出', 'office_operating_expenses', '26.13', '万元'],
      ['机关运行经费支出', 'change_vs_prior_year', '-5.18', '万元'],
      ['机关运行经费支出', 'change_rate_vs_prior_year', '-16.54', '%'],
    ]);
  });

  it('政府采购支出总额 514.93 万元 (line 101)', () => {
    expect(onLine(facts001, 101).slice(0, 4)).toEqual([
      ['政府采购支出总额', 'procurement_total', '514.93', '万元'],
      ['政府采购货物支出', 'procurement_goods', '139.50', '万元'],
      ['政府采购工程支出', 'procurement_works', '0.00', '万元'],
      ['政府采购服务支出', 'procurement_services', '375.43', '万元'],
    ]);
  });

  it('nothing from the 国有资产 / 绩效 paragraphs (房屋价值, 涉及资金)', () => {
    expect(facts001.filter((f) => f.line >= 102 && f.line < 121)).toEqual([]);
  });
});

describe('document-level statements, seed 004 (攀枝花东区 2023)', () => {
  it('支出总计为 849.74; the bare 收入 849.73 is not a total; changes by label (line 93)', () => {
    expect(onLine(facts004, 93)).toEqual([
      ['支出总计', 'expenditure_grand_total', '849.74', '万元'],
      ['收入总计', 'change_vs_prior_year', '-536.42', '万元'],
      ['收入总计', 'change_rate_vs_prior_year', '-38.7', '%'],
      ['支出总计', 'change_vs_prior_year', '-536.41', '万元'],
      ['支出总计', 'change_rate_vs_prior_year', '-38.7', '%'],
    ]);
  });

  it('under 四、财政拨款收入支出决算总体情况说明 the totals are the 财政拨款 ones; the misprint 支总计 is skipped (line 114)', () => {
    expect(onLine(facts004, 114)).toEqual([
      ['支出总计', 'fiscal_appropriation_expenditure_grand_total', '849.74', '万元'],
      ['收入总计', 'change_vs_prior_year', '-536.42', '万元'],
      ['收入总计', 'change_rate_vs_prior_year', '-38.7', '%'],
    ]);
    expect(facts004.filter((f) => f.line === 113).map((f) => f.subject)).toEqual([
      'fiscal_appropriation_expenditure_grand_total',
      'fiscal_appropriation_income_grand_total',
      'fiscal_appropriation_income_grand_total',
    ]);
  });

  it('本年收入合计 其中 … 占 X% (line 100)', () => {
    const f = facts004.filter((x) => x.line === 99);
    expect(f).toHaveLength(17);
    expect(f.slice(0, 3).map((x) => [x.names.join('>'), x.measure, x.measure_label, x.value, x.unit])).toEqual([
      ['本年收入合计', 'income_total', '本年收入合计', '849.73', '万元'],
      ['本年收入合计>一般公共预算财政拨款收入', 'general_budget_appropriation', '一般公共预算财政拨款收入', '849.73', '万元'],
      ['本年收入合计>一般公共预算财政拨款收入', 'share_of_total', '占', '100', '%'],
    ]);
  });

  it('本年支出合计, 基本支出 355.12 占 41.79%, 项目支出 494.62 占 58.21% (line 107)', () => {
    expect(onLine(facts004, 107).slice(0, 5)).toEqual([
      ['本年支出合计', 'expenditure_total', '849.74', '万元'],
      ['基本支出', 'basic', '355.12', '万元'],
      ['基本支出', 'share_of_total', '41.79', '%'],
      ['项目支出', 'project', '494.62', '万元'],
      ['项目支出', 'share_of_total', '58.21', '%'],
    ]);
  });

  it('“三公”经费 0.12 万元, 完成预算 100%, 较上年度减少 0.24 万元, 下降 66.67% (line 182)', () => {
    expect(onLine(facts004, 182)).toEqual([
      ['“三公”经费财政拨款支出决算', 'three_public_total', '0.12', '万元'],
      ['“三公”经费财政拨款支出决算', 'budget_completion_rate', '100', '%'],
      ['“三公”经费财政拨款支出决算', 'change_vs_prior_year', '-0.24', '万元'],
      ['“三公”经费财政拨款支出决算', 'change_rate_vs_prior_year', '-66.67', '%'],
    ]);
  });

  it('公务接待费支出 0.12 万元 (line 198); 国内公务接待 / 外事接待 details are not statements', () => {
    expect(onLine(facts004, 198)[0]).toEqual(['公务接待费支出', 'three_public_reception', '0.12', '万元']);
    expect(onLine(facts004, 200)).toEqual([]);
  });

  it('机关运行经费 after the department name; 政府采购支出总额 0 万元', () => {
    expect(onLine(facts004, 216)).toEqual([['机关运行经费支出', 'office_operating_expenses', '21.35', '万元']]);
    expect(onLine(facts004, 220)[0]).toEqual(['政府采购支出总额', 'procurement_total', '0', '万元']);
  });

  it('resolveName gives codes to 类 names printed alone (line 129)', () => {
    const withNames = extractProseFacts(seedLines(SEED_004), {
      resolveChain: () => undefined,
      resolveName: (n) => ({ 社会保障和就业支出: '208', 卫生健康支出: '210', 住房保障支出: '221', 基本支出: '301' } as Record<string, string>)[n],
    });
    const f = withNames.filter((x) => x.line === 128 && x.code !== '');
    expect(f.map((x) => [x.item, x.code, x.code_source, x.measure, x.value, x.unit])).toEqual([
      ['社会保障和就业支出', '208', 'resolved', 'expenditure_final', '57.78', '万元'],
      ['社会保障和就业支出', '208', 'resolved', 'share_of_total', '6.8', '%'],
      ['卫生健康支出', '210', 'resolved', 'expenditure_final', '766.6', '万元'],
      ['卫生健康支出', '210', 'resolved', 'share_of_total', '90.22', '%'],
      ['住房保障支出', '221', 'resolved', 'expenditure_final', '25.36', '万元'],
      ['住房保障支出', '221', 'resolved', 'share_of_total', '2.98', '%'],
    ]);
    // without resolveName those figures have no subject
    expect(facts004.filter((x) => x.line === 128).map((x) => x.item)).toEqual(['一般公共预算财政拨款支出']);
  });

  it('nothing from the 附件 (绩效评价报告) part', () => {
    expect(facts004.every((f) => f.line < 239)).toBe(true);
    const all = extractProseFacts(seedLines(SEED_004), { ...none, scope: 'all' });
    expect(all.some((f) => f.line > 239)).toBe(true);
  });
});

describe('statements.json', () => {
  it('every label belongs to exactly one statement and every statement has a group', () => {
    const k = proseKnowledge();
    const seen = new Map<string, string>();
    for (const s of k.statements) {
      expect(s.group, s.id).toBeTruthy();
      for (const l of s.labels) {
        expect(seen.get(l), l).toBeUndefined();
        seen.set(l, s.id);
      }
    }
    expect(seen.size).toBeGreaterThan(60);
  });
});
