// The five seed disclosures end to end: specific values checked by hand against the seed text,
// table counts per kind, and the accounting identities recomputed here from the facts.
import { describe, it, expect, beforeAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import { ingest, type IngestResult, type FactRow } from '../../index.js';

const samples = fileURLToPath(new URL('../../corpus/samples/', import.meta.url));
let run: IngestResult;
const docOf = (seed: string) => run.documents.find((d) => d.source.includes(seed))!;
const factsOf = (seed: string) => run.facts.filter((f) => f.doc_id === docOf(seed).doc_id);

/** [table_kind, section, code or item, measure, value as printed] */
type Expect = [string, string, string, string, string];

function find(seed: string, [kind, section, key, measure]: Expect): FactRow[] {
  return factsOf(seed).filter((f) => f.table_kind === kind && f.section === section && f.measure === measure && (/^\d+$/.test(key) ? f.code === key : f.item.replace(/^(其中[:：])?([一二三四五六七八九十]+、|\d+[.、]|[(（]\d+[)）])?/, '').replace(/^其中[:：]?[(（]\d+[)）]/, '') === key));
}

function expectFacts(seed: string, list: Expect[]) {
  for (const e of list) {
    const hits = find(seed, e);
    expect(hits.map((h) => h.value), `${seed} ${e.join(' ')}`).toEqual([e[4]]);
  }
}

beforeAll(async () => {
  run = await ingest([samples]);
}, 120_000);

describe('seed 000 (漳州, 2022 决算, markdown + TSV)', () => {
  const S = '000_';
  it('reads the document context', () => {
    const d = docOf(S);
    expect([d.issuer, d.fiscal_year, d.doc_kind, d.format, d.status]).toEqual(['漳州市医疗保障局（汇总）', '2022', 'final_accounts', 'text', 'ok']);
  });
  it('finds each of the nine standard tables once', () => {
    const kinds = run.tables.filter((t) => t.doc_id === docOf(S).doc_id).map((t) => t.table_kind);
    for (const k of ['income_expenditure_summary', 'income', 'expenditure', 'fiscal_appropriation_summary', 'general_budget_expenditure', 'general_budget_basic_expenditure', 'three_public_expenses', 'government_fund', 'state_capital']) {
      expect(kinds.filter((x) => x === k).length, k).toBe(1);
    }
    expect(kinds.filter((k) => k === 'performance_self_evaluation').length).toBe(12);
  });
  it('gives the hand-checked values', () => {
    expectFacts(S, [
      ['income_expenditure_summary', 'income', '一般公共预算财政拨款收入', 'amount', '7820.09'],
      ['income_expenditure_summary', 'income', '其他收入', 'amount', '122.00'],
      ['income_expenditure_summary', 'income', '本年收入合计', 'amount', '7942.09'],
      ['income_expenditure_summary', 'income', '年初结转和结余', 'amount', '240.40'],
      ['income_expenditure_summary', 'income', '总计', 'amount', '8182.50'],
      ['income_expenditure_summary', 'expenditure', '210', 'amount', '6694.26'],
      ['income_expenditure_summary', 'expenditure', '221', 'amount', '646.33'],
      ['income_expenditure_summary', 'expenditure', '208', 'amount', '558.16'],
      ['income_expenditure_summary', 'expenditure', '本年支出合计', 'amount', '7904.72'],
      ['income_expenditure_summary', 'expenditure', '年末结转和结余', 'amount', '277.77'],
      ['income', '', '合计', 'income_total', '7942.09'],
      ['income', '', '合计', 'fiscal_appropriation', '7820.09'],
      ['income', '', '合计', 'other_income', '122.00'],
      ['income', '', '2101506', 'income_total', '4281.16'],
      ['income', '', '2101506', 'fiscal_appropriation', '4159.16'],
      ['income', '', '2101506', 'other_income', '122.00'],
      ['income', '', '2210201', 'income_total', '634.36'],
      ['income', '', '21015', 'income_total', '6406.33'],
      ['expenditure', '', '合计', 'expenditure_total', '7904.72'],
      ['expenditure', '', '合计', 'basic', '6326.44'],
      ['expenditure', '', '合计', 'project', '1578.28'],
      ['expenditure', '', '2101501', 'expenditure_total', '1091.68'],
      ['expenditure', '', '2101501', 'project', '80.00'],
      ['expenditure', '', '2101599', 'project', '642.35'],
      ['expenditure', '', '210', 'basic', '5115.98'],
      ['fiscal_appropriation_summary', 'income', '一般公共预算财政拨款', 'amount', '7820.09'],
      ['fiscal_appropriation_summary', 'expenditure', '210', 'total', '6564.73'],
      ['fiscal_appropriation_summary', 'expenditure', '本年支出合计', 'general_budget', '7775.20'],
      ['fiscal_appropriation_summary', 'expenditure', '年末财政拨款结转和结余', 'total', '261.36'],
      ['fiscal_appropriation_summary', 'expenditure', '总计', 'total', '8036.55'],
      ['general_budget_expenditure', '', '合计', 'total', '7775.20'],
      ['general_budget_expenditure', '', '合计', 'project', '1448.75'],
      ['general_budget_expenditure', '', '2101506', 'basic', '3783.67'],
      ['general_budget_expenditure', '', '2101506', 'project', '294.36'],
      ['general_budget_expenditure', '', '2101599', 'total', '634.82'],
      ['general_budget_basic_expenditure', 'personnel', '30101', 'amount', '1608.21'],
      ['general_budget_basic_expenditure', 'personnel', '30103', 'amount', '1879.30'],
      ['general_budget_basic_expenditure', 'personnel', '303', 'amount', '63.22'],
      ['general_budget_basic_expenditure', 'public', '30239', 'amount', '103.62'],
      ['general_budget_basic_expenditure', 'public', '31002', 'amount', '0.62'],
      ['general_budget_basic_expenditure', 'public', '30231', 'amount', '12.58'],
      ['general_budget_basic_expenditure', 'personnel', '人员经费合计', 'amount', '5914.33'],
      ['general_budget_basic_expenditure', 'public', '公用经费合计', 'amount', '412.11'],
      ['three_public_expenses', '', '合计', 'amount', '16.61'],
      ['three_public_expenses', '', '公务接待费', 'amount', '4.03'],
      ['three_public_expenses', '', '公务用车运行维护费', 'amount', '12.58'],
      ['government_fund', '', '合计', 'carryover_begin', '0.00'],
      ['state_capital', '', '合计', 'total', '0.00'],
    ]);
  });
  it('resolves the 类 names of the 总表 to codes, marked as resolved', () => {
    const f = factsOf(S).find((x) => x.table_kind === 'income_expenditure_summary' && x.item === '二十六、抗疫特别国债安排的支出');
    expect([f?.code, f?.code_source, f?.level]).toEqual(['234', 'resolved', '类']);
  });
  it('flags the 04表 summary rows whose amounts the broken layout lost, instead of guessing', () => {
    const t = run.tables.find((x) => x.doc_id === docOf(S).doc_id && x.table_kind === 'fiscal_appropriation_summary')!;
    expect(t.flags.split(';')).toEqual(expect.arrayContaining(['layout_shifted', 'value_missing']));
    expect(find(S, ['fiscal_appropriation_summary', 'income', '本年收入合计', 'amount', ''])).toEqual([]);
    expect(run.checks.some((c) => c.table_id === t.table_id && c.check_id === 'value_missing')).toBe(true);
  });
  it('converts to 元 exactly and keeps provenance', () => {
    const f = find(S, ['expenditure', '', '2101501', 'expenditure_total', ''])[0]!;
    expect([f.amount_yuan, f.unit, f.code_system, f.canonical_name, f.parent_code]).toEqual(['10916800', '万元', 'function', '行政运行', '21015']);
  });
});

describe('seed 001 (盘锦, 2023 决算, one cell per line)', () => {
  const S = '001_';
  it('reads the document context and the nine tables', () => {
    const d = docOf(S);
    expect([d.issuer, d.fiscal_year, d.doc_kind]).toEqual(['辽宁省盘锦市医疗保障局', '2023', 'final_accounts']);
    const kinds = run.tables.filter((t) => t.doc_id === d.doc_id).map((t) => t.table_kind);
    for (const k of ['income_expenditure_summary', 'income', 'expenditure', 'fiscal_appropriation_summary', 'general_budget_expenditure', 'general_budget_basic_expenditure', 'three_public_expenses', 'government_fund', 'state_capital']) {
      expect(kinds.filter((x) => x === k).length, k).toBe(1);
    }
  });
  it('gives the hand-checked values (thousands separators, blank cells for zero)', () => {
    expectFacts(S, [
      ['income_expenditure_summary', 'income', '一般公共预算财政拨款收入', 'amount', '3106.33'],
      ['income_expenditure_summary', 'expenditure', '210', 'amount', '2651.12'],
      ['income_expenditure_summary', 'expenditure', '208', 'amount', '275.51'],
      ['income_expenditure_summary', 'expenditure', '本年支出合计', 'amount', '3106.33'],
      ['income', '', '合计', 'income_total', '3106.33'],
      ['income', '', '合计', 'fiscal_appropriation', '3106.33'],
      ['income', '', '208', 'income_total', '275.52'],
      ['income', '', '20805', 'fiscal_appropriation', '255.94'],
      ['income', '', '2080501', 'income_total', '1.17'],
      ['income', '', '2080502', 'income_total', '5.36'],
      ['income', '', '2080505', 'fiscal_appropriation', '229.84'],
      ['income', '', '20899', 'income_total', '4.58'],
      ['income', '', '2101501', 'fiscal_appropriation', '210.92'],
      ['income', '', '2299999', 'income_total', '8.95'],
      ['expenditure', '', '合计', 'basic', '2329.86'],
      ['expenditure', '', '合计', 'project', '776.47'],
      ['expenditure', '', '221', 'expenditure_total', '170.76'],
      ['expenditure', '', '210', 'basic', '1883.58'],
      ['expenditure', '', '2101599', 'expenditure_total', '558.60'],
      ['expenditure', '', '2101550', 'basic', '1585.25'],
      ['general_budget_expenditure', '', '210', 'total', '2651.11'],
      ['general_budget_expenditure', '', '210', 'project', '767.53'],
      ['general_budget_expenditure', '', '21015', 'total', '2563.70'],
      ['general_budget_expenditure', '', '21015', 'basic', '1796.17'],
      ['general_budget_expenditure', '', '2101102', 'total', '74.26'],
      ['general_budget_expenditure', '', '2101102', 'project', '0.00'],
      ['general_budget_expenditure', '', '22102', 'total', '170.76'],
      ['general_budget_basic_expenditure', 'personnel', '30107', 'amount', '667.05'],
      ['general_budget_basic_expenditure', 'personnel', '303', 'amount', '13.68'],
      ['general_budget_basic_expenditure', 'public', '30231', 'amount', '7.39'],
      ['general_budget_basic_expenditure', 'public', '30215', 'amount', '0.15'],
      ['general_budget_basic_expenditure', 'personnel', '人员经费合计', 'amount', '2146.63'],
      ['general_budget_basic_expenditure', 'public', '公用经费合计', 'amount', '183.22'],
      ['three_public_expenses', '', '合计', 'budget', '14.00'],
      ['three_public_expenses', '', '合计', 'amount', '7.39'],
      ['three_public_expenses', '', '公务用车运行维护费', 'budget', '14.00'],
    ]);
  });
  it('writes no fact for a blank cell', () => {
    expect(find(S, ['three_public_expenses', '', '因公出国（境）费', 'amount', ''])).toEqual([]);
    expect(find(S, ['general_budget_basic_expenditure', 'personnel', '30303', 'amount', ''])).toEqual([]);
  });
});

describe('identities on the extracted tables (recomputed here: parent = Σ children)', () => {
  for (const S of ['000_', '001_']) {
    for (const kind of ['income', 'expenditure', 'general_budget_expenditure']) {
      it(`${S} ${kind}`, () => {
        const facts = factsOf(S).filter((f) => f.table_kind === kind && f.code);
        const byKey = new Map(facts.map((f) => [`${f.measure}|${f.code}`, new Decimal(f.value)]));
        let compared = 0;
        for (const f of facts) {
          const kids = facts.filter((c) => c.measure === f.measure && c.code.length === f.code.length + 2 && c.code.startsWith(f.code));
          if (!kids.length) continue;
          const sum = kids.reduce((a, c) => a.plus(byKey.get(`${c.measure}|${c.code}`)!), new Decimal(0));
          expect(new Decimal(f.value).minus(sum).abs().lte(0.02), `${kind} ${f.code} ${f.measure}: ${f.value} vs ${sum}`).toBe(true);
          compared++;
        }
        expect(compared).toBeGreaterThan(10);
        // and the pipeline's own checks agree: no hierarchy or column failure on these tables
        const tableIds = new Set(facts.map((f) => f.table_id));
        expect(run.checks.filter((c) => tableIds.has(c.table_id) && c.doc_id === docOf(S).doc_id && (c.check_id === 'hierarchy_sum' || c.check_id === 'column_sum'))).toEqual([]);
      });
    }
  }
});

describe('seeds 002 and 003 (绩效自评表 forms)', () => {
  it('002: every project form with its funds and indicators', () => {
    const d = docOf('002_');
    const forms = run.performance.filter((p) => p.doc_id === d.doc_id);
    expect(forms.length).toBe(23);
    const f = forms.find((p) => p.project === '退役军人辅助性岗位经费')!;
    expect([f.budget_initial, f.budget_full_year, f.executed, f.execution_rate, f.funds_weight, f.funds_score, f.total_score, f.implementing_unit]).toEqual(['5.6', '5.6', '5.18', '92.5', '10', '9.25', '97.75', '大厂回族自治县医疗保障局']);
    const g = forms.find((p) => p.project === '医疗保障服务经费')!;
    expect([g.budget_initial, g.executed, g.execution_rate, g.funds_score, g.total_score]).toEqual(['88', '65.22', '74.11', '7.41', '95.65']);
    const ind = run.indicators.filter((i) => i.form_id === f.form_id);
    expect(ind.length).toBe(7);
    const cost = ind.find((i) => i.level3 === '年发放工资、保险费用')!;
    expect([cost.level1, cost.level2, cost.target_operator, cost.target, cost.target_unit, cost.actual, cost.weight, cost.score]).toEqual(['产出指标', '成本指标', '≤', '5.6', '万元', '5.18', '20', '18.5']);
    const sat = ind.find((i) => i.level3 === '服务对象满意度')!;
    expect([sat.level1, sat.level2, sat.weight, sat.score]).toEqual(['满意度指标', '服务对象满意度指标', '10', '10']);
  });
  it('000: forms with merged cells filled down and the wrapped indicator joined', () => {
    const d = docOf('000_');
    const f = run.performance.find((p) => p.doc_id === d.doc_id && p.project === '办事大厅便民服务专项经费')!;
    expect([f.budget_initial, f.executed, f.execution_rate, f.funds_score, f.total_score, f.grade]).toEqual(['20.00', '19.93', '99.65', '7', '96.98', '优(S≥90)']);
    const ind = run.indicators.filter((i) => i.form_id === f.form_id);
    const wrapped = ind.find((i) => i.level3 === '参保人员在办理医保业务时对便民服务的满意程度');
    expect(wrapped?.weight).toBe('10');
    const quality = ind.find((i) => i.level3 === '办事窗口办结率')!;
    expect([quality.level1, quality.level2, quality.target_operator, quality.target, quality.actual]).toEqual(['产出指标', '质量指标', '≥', '95', '100']);
  });
  it('003: the OCR form comes out with what is readable, garbled cells flagged', () => {
    const d = docOf('003_');
    const forms = run.performance.filter((p) => p.doc_id === d.doc_id);
    expect(forms.length).toBe(1);
    expect(forms[0]!.total_score).toBe('97.62');
    expect(forms[0]!.flags).toContain('ocr_unreadable');
    const ind = run.indicators.filter((i) => i.form_id === forms[0]!.form_id);
    expect(ind.length).toBeGreaterThan(30);
    expect(ind[0]!.level3).toBe('城乡居民基本医疗保险参保人数≥200万人');
  });
});

describe('seed 004 (prose only)', () => {
  it('turns the per-项 sentences into narrative facts with resolved codes', () => {
    const facts = factsOf('004_').filter((f) => f.table_kind === 'narrative');
    const get = (code: string, measure: string) => facts.filter((f) => f.code === code && f.measure === measure).map((f) => f.value);
    expect(get('2080501', 'expenditure_final')).toEqual(['1.73']);
    expect(get('2080505', 'expenditure_final')).toEqual(['38.28']);
    expect(get('2080506', 'expenditure_final')).toEqual(['17.77']);
    expect(get('2101101', 'expenditure_final')).toEqual(['22.2']);
    expect(get('2101102', 'expenditure_final')).toEqual(['0.93']);
    expect(get('2101103', 'expenditure_final')).toEqual(['6.46']);
    expect(get('2101301', 'expenditure_final')).toEqual(['82']);
    expect(get('2101399', 'expenditure_final')).toEqual(['65']);
    expect(get('2101501', 'expenditure_final')).toEqual(['230.48']);
    expect(get('2101504', 'expenditure_final')).toEqual(['0.9']);
    expect(get('2101506', 'expenditure_final')).toEqual(['10.22']);
    expect(get('2101550', 'expenditure_final')).toEqual(['11.91']);
    expect(get('2101599', 'expenditure_final')).toEqual(['336.5']);
    expect(get('2210201', 'expenditure_final')).toEqual(['25.36']);
    expect(get('2101501', 'budget_completion_rate')).toEqual(['100']);
    const f = facts.find((x) => x.code === '2101301' && x.measure === 'expenditure_final')!;
    expect([f.amount_yuan, f.code_source, f.canonical_name]).toEqual(['820000', 'resolved', '城乡医疗救助']);
    const total = facts.find((x) => x.item === '支出总计' && x.measure === 'expenditure_grand_total');
    expect(total?.value).toBe('849.74');
  });
  it('collects the 名词解释 code definitions', () => {
    const defs = run.definitions.filter((d) => d.doc_id === docOf('004_').doc_id);
    expect(defs.length).toBe(25);
    expect(defs.find((d) => d.code === '2101101')?.name).toBe('行政单位医疗');
    expect(defs.find((d) => d.code === '2101504')?.name).toBe('信息化建设');
  });
});
