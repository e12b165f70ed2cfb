// The 部门预算 identities (issue 13, "right or flagged"), on real corpus pages (tests/fixtures/pdf):
// a fact in a held identity is verified; one number altered makes a declared identity fail (the
// fact is flagged and not verified) and an inferred one (printed_total) stop verifying without a
// report. Also the alternatives of standard-tables.json (output/health.ts).
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../normalizers/checks/index.js';
import { numberingLevel } from '../../normalizers/checks/printed-totals.js';
import { parseTree } from '../../normalizers/checks/tree.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { standardMissing } from '../../output/health.js';
import type { DocumentRecord, Fact } from '../../model/types.js';
import { fixture } from '../fixture.js';
import { record } from './helpers.js';

const tax = loadTaxonomy();

/** A copy (facts and their flags, checks cleared) with the one fact matching `pick` set to `value`. */
function copy(doc: DocumentRecord, pick: (f: Fact) => boolean = () => false, value = '0'): DocumentRecord {
  let n = 0;
  const facts = doc.facts.map((f) => ({ ...f, verified: undefined, flags: f.flags.filter((x) => !x.startsWith('hierarchy') && !x.endsWith('_sum') && !['cross_table_total', 'balance', 'printed_total', 'prose_vs_table'].includes(x)), ...(pick(f) ? (n++, { value: new Decimal(value) }) : {}) }));
  expect(n).toBeLessThanOrEqual(1);
  return { ...doc, facts, checks: [] };
}
const checked = (doc: DocumentRecord): DocumentRecord => {
  doc.checks = runChecks(doc, tax);
  return doc;
};

let cq: DocumentRecord; // 重庆 人民政府办公厅 2026: 一般公共预算支出表, “三公”经费预算表 (items as columns)
let xa: DocumentRecord; // 西安 交通运输局 2022: 政府采购, “三公”经费、会议费、培训费 (合计 includes 会议费 and 培训费)
let wl: DocumentRecord; // 上海 普陀 万里街道 2024: 收支总表, 收入总表 (by source), 支出总表 …
let xs: DocumentRecord; // 西安 商务局 2022: 收支总表 with numbered income lines
beforeAll(async () => {
  [cq, xa, wl, xs] = await Promise.all([
    record(fixture('pdf', 'cq-人民政府办公厅-2026-dept-budget.p15+20.pdf')),
    record(fixture('pdf', 'xa-交通运输局-2022-dept-budget.p66-67+78.pdf')),
    record(fixture('pdf', 'sh-putuo-wanlijiedao-2024-dept-budget.pdf')),
    record(fixture('pdf', 'xa-商务局-2022-dept-budget.p36+58.pdf')),
  ]);
}, 120_000);

const find = (d: DocumentRecord, p: (f: Fact) => boolean): Fact => {
  const hits = d.facts.filter(p);
  expect(hits.length).toBe(1);
  return hits[0]!;
};

describe('“三公” budget: items printed as column headers', () => {
  const total = (f: Fact) => f.table_kind === 'budget_three_public' && f.item === '合计' && f.measure === 'amount';
  const overseas = (f: Fact) => f.table_kind === 'budget_three_public' && /^因公出国/.test(f.item) && f.measure === 'amount';
  it('合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费 holds: all three and the total are verified', () => {
    const d = checked(copy(cq));
    expect(find(d, total).value.toFixed(2)).toBe('394.49');
    expect(find(d, total).verified).toBe(true);
    expect(find(d, overseas).verified).toBe(true);
    expect(d.checks.filter((c) => c.check_id === 'three_public_sum')).toEqual([]);
  });
  it('an altered 因公出国（境）费 fails the identity: flagged, not verified', () => {
    const d = checked(copy(cq, (f) => overseas(f), '194.49'));
    const f = find(d, overseas);
    expect(f.flags).toContain('three_public_sum');
    expect(f.verified).toBeUndefined();
    expect(d.checks.some((c) => c.check_id === 'three_public_sum' && c.subject.startsWith('07_total'))).toBe(true);
  });
});

describe('“三公”经费、会议费、培训费: 合计 = “三公”经费 小计 + 会议费 + 培训费', () => {
  const at = (item: RegExp, measure = 'amount') => (f: Fact) => f.table_kind === 'budget_three_public' && item.test(f.item) && f.measure === measure && f.flags.includes('item_from_header');
  it('holds: the 合计, the three expenses, 会议费 and 培训费 are verified', () => {
    const d = checked(copy(xa));
    expect(find(d, at(/^合计$/)).value.toFixed(2)).toBe('472.89');
    for (const re of [/^合计$/, /^会议费$/, /^培训费$/, /^公务接待费$/]) expect(find(d, at(re)).verified).toBe(true);
    expect(d.checks.filter((c) => c.check_id === 'three_public_sum')).toEqual([]);
  });
  it('an altered 会议费 fails it', () => {
    const m = find(xa, at(/^会议费$/));
    const d = checked(copy(xa, (f) => f.table_id === m.table_id && f.row === m.row && f.col === m.col, m.value.plus(50).toFixed()));
    const f = find(d, at(/^会议费$/));
    expect(f.flags).toContain('three_public_sum');
    expect(f.verified).toBeUndefined();
  });
});

describe('收入总表 by source of funds (row identity)', () => {
  const inc = (d: DocumentRecord) => d.facts.filter((f) => f.table_kind === 'budget_income');
  it('合计 = the sources, row by row: verified', () => {
    const d = checked(copy(wl));
    const facts = inc(d);
    expect(facts.length).toBeGreaterThan(100);
    expect(facts.every((f) => f.verified || f.value.isZero())).toBe(true);
    expect(d.checks.filter((c) => c.check_id === 'column_sum' && c.table_id === facts[0]!.table_id)).toEqual([]);
  });
  it('an altered 一般公共预算 cell fails its row: flagged, not verified', () => {
    const target = inc(wl).find((f) => f.measure === 'fiscal_appropriation' && !f.value.isZero() && f.code.length === 7)!;
    const d = checked(copy(wl, (f) => f.table_id === target.table_id && f.row === target.row && f.measure === 'fiscal_appropriation', target.value.plus(10).toFixed()));
    const f = inc(d).find((x) => x.row === target.row && x.measure === 'fiscal_appropriation')!;
    expect(f.flags).toContain('column_sum');
    expect(f.verified).toBeUndefined();
  });
});

describe('printed totals (inferred from the layout: verify only)', () => {
  const summaryInc = (d: DocumentRecord) => d.facts.filter((f) => f.table_kind === 'budget_income_expenditure_summary' && f.section === 'income');
  it('the 收支总表 income side: 一、部门预算 = 1、 … 6、, 1、财政拨款 = (1) … (3); 其中 lines are no parts', () => {
    const d = checked(copy(xs));
    const at = (item: string) => summaryInc(d).find((f) => f.item === item)!;
    expect(at('一、部门预算').verified).toBe(true);
    expect(at('1、财政拨款').verified).toBe(true);
    expect(at('(1)一般公共预算拨款').verified).toBe(true);
    expect(at('3、事业收入').verified).toBe(true);
    expect(at('其中：专项资金列入部门预算的项目').verified).toBeUndefined();
  });
  it('an altered numbered line stops verifying (never reported: the structure is inferred)', () => {
    const line = summaryInc(xs).find((f) => f.item === '(1)一般公共预算拨款')!;
    const d = checked(copy(xs, (f) => f.table_id === line.table_id && f.row === line.row && f.col === line.col, line.value.plus(1000).toFixed()));
    const f = summaryInc(d).find((x) => x.row === line.row && x.col === line.col)!;
    expect(f.verified).toBeUndefined();
    expect(d.checks.some((c) => c.check_id === 'printed_total')).toBe(false);
  });
  it('numbering levels: 一、 over （一） over 1、 over (1); a code by its length', () => {
    const f = (item: string, code = '') => ({ item, code }) as Fact;
    expect(['一、财政拨款', '（一）一般公共预算', '1、事业收入', '(1)工资福利支出', '其中：(2)x', '上年结转'].map((s) => numberingLevel(f(s)))).toEqual(['cn', 'cn_paren', 'arabic', 'arabic_paren', 'arabic_paren', '']);
    expect(numberingLevel(f('教育支出', '205'))).toBe('code3');
  });
  it('a list nested without numbering is read from its amounts only when the whole parse adds up', () => {
    const f = (item: string, v: string) => ({ item, value: new Decimal(v) }) as Fact;
    const total = f('合计', '30.5');
    // unit A 20.5 (projects 10 + 10.5, the second with its only item 10.5), unit B 10
    const rows = [f('A', '20.5'), f('p1', '10'), f('p2', '10.5'), f('i', '10.5'), f('B', '10')];
    const ids = parseTree(total, rows, 2)!;
    expect(ids.map(([h, k]) => `${h.item}=${k.map((x) => x.item).join('+')}`)).toEqual(['p2=i', 'A=p1+p2', '合计=A+B']);
    // a row that breaks the sum anywhere: nothing is taken
    expect(parseTree(total, [f('A', '20.5'), f('p1', '10'), f('p2', '10.4'), f('B', '10')], 2)).toBeUndefined();
  });
  it('neighbours that merely cost the same are not paired: the parse that adds up everywhere is found', () => {
    const f = (item: string, v: string) => ({ item, value: new Decimal(v) }) as Fact;
    // a group of two studies at 20.00 each, then a project printed with its only item: folding
    // the equal neighbours first (a1 under a2's twin) breaks the list
    const rows = [f('A', '40'), f('a1', '20'), f('a2', '20'), f('B', '30'), f('b1', '30')];
    const ids = parseTree(f('合计', '70'), rows, 2)!;
    expect(ids.map(([h, k]) => `${h.item}=${k.map((x) => x.item).join('+')}`).sort()).toEqual(['A=a1+a2', 'B=b1', '合计=A+B']);
    // a 类 / 款 / 项 tree by name (the 款 抚恤 with its only 项 死亡抚恤 beside a 款 with four 项),
    // and four rows at the same cost under C2: the one tree that adds up everywhere is found
    const tree = [f('C1', '2117.89'), f('K1', '2114.39'), f('x1', '156.10'), f('x2', '234.71'), f('x3', '1218.11'), f('x4', '505.47'), f('K2', '3.50'), f('y1', '3.50'),
      f('C2', '60'), f('s1', '30'), f('s2', '30'), f('s3', '30'), f('t1', '30')];
    const got = parseTree(f('合计', '2177.89'), tree, 2)!;
    expect(got).toBeDefined();
    const heads = new Map(got.map(([h, k]) => [h.item, k.map((x) => x.item).join('+')]));
    expect(heads.get('合计')).toBe('C1+C2');
    expect(heads.get('C1')).toBe('K1+K2');
    expect(heads.get('K2')).toBe('y1');
    // C2 60 over four rows at 30: several trees add up (s1 + s2 with a chain under s2, or two
    // pairs); whichever is taken, every head is the sum of what it heads and nothing is left over
    for (const [h, k] of got) expect(k.reduce((a, x) => a.plus(x.value), new Decimal(0)).minus(h.value).abs().lte(0.01)).toBe(true);
    expect(got.flatMap(([, k]) => k).length).toBe(tree.length);
  });
});

describe('standard tables found in another standard form (standard-tables.json alternatives)', () => {
  it('a 行政经费及“三公”经费预算表 stands for the “三公”经费预算表; an econ 一般公共预算支出表 for the 基本支出表', () => {
    const have = new Set(['budget_income_expenditure_summary', 'budget_income', 'budget_expenditure', 'budget_fiscal_appropriation_summary', 'budget_general_expenditure']);
    expect(standardMissing('budget', have)).toEqual(['budget_general_basic_expenditure', 'budget_three_public']);
    expect(standardMissing('budget', new Set([...have, 'budget_admin_three_public', 'budget_general_expenditure_econ']))).toEqual([]);
    // alternatives are per document kind: a 决算 is not excused by a budget table
    expect(standardMissing('final_accounts', new Set(['budget_three_public']))).toContain('three_public_expenses');
  });
});

describe('收支总表: 本年支出合计 = Σ 类 (side_sum b01_expenditure_side)', () => {
  let yt: DocumentRecord; // 烟台 医疗保障局 2026: 收支总表 with five 类 on the expenditure side
  beforeAll(async () => {
    yt = await record(fixture('pdf', 'yt-yibaoju-2026-dept-budget.p1+7-10.pdf'));
  }, 60_000);
  const edu = (f: Fact) => f.table_kind === 'budget_income_expenditure_summary' && f.section === 'expenditure' && f.code === '205' && f.measure === 'amount';
  const b01 = (d: DocumentRecord) => d.checks.filter((c) => c.check_id === 'side_sum' && c.subject.startsWith('b01_expenditure_side'));
  it('holds on the printed numbers: the 类 and the total are verified', () => {
    const d = checked(copy(yt));
    expect(find(d, edu).value.toFixed(2)).toBe('4.70');
    expect(find(d, edu).verified).toBe(true);
    expect(b01(d)).toEqual([]);
  });
  it('a 类 misread as OCR does (4.70 → 1.70) fails it: flagged, not verified', () => {
    const d = checked(copy(yt, edu, '1.70'));
    expect(b01(d).length).toBe(1);
    expect(b01(d)[0]!.message).toMatch(/本年支出合计/);
    expect(find(d, edu).flags).toContain('side_sum');
    expect(find(d, edu).verified).toBeUndefined();
  });
  it('runs alike on a total printed 支出合计, 当年支出小计 or 合计 (no 本年), as other issuers print it', () => {
    const total = (f: Fact) => f.table_kind === 'budget_income_expenditure_summary' && f.section === 'expenditure' && f.item === '本年支出合计' && f.measure === 'amount';
    for (const printed of ['支出合计', '当年支出小计', '合计']) {
      const relabel = (d: DocumentRecord) => {
        for (const f of d.facts) if (total(f)) f.item = printed;
        return d;
      };
      expect(b01(checked(relabel(copy(yt))))).toEqual([]);
      expect(find(checked(relabel(copy(yt))), edu).verified).toBe(true);
      const d = checked(relabel(copy(yt, edu, '1.70')));
      expect(b01(d).length).toBe(1);
      expect(find(d, edu).flags).toContain('side_sum');
    }
    // a 总计 is the side's grand total (with its 结转 rows), no sum of the 类
    const d = copy(yt, edu, '1.70');
    for (const f of d.facts) if (total(f)) f.item = '支出总计';
    expect(b01(checked(d))).toEqual([]);
  });
  it('sums the 类 printed below the total where the side prints its 合计 on its first row', () => {
    const atTop = (d: DocumentRecord): DocumentRecord => {
      const t = find(d, (f) => f.table_kind === 'budget_income_expenditure_summary' && f.section === 'expenditure' && f.item === '本年支出合计' && f.measure === 'amount');
      t.item = '合计';
      t.row = Math.min(...d.facts.filter((f) => f.table_id === t.table_id).map((f) => f.row)) - 1;
      return d;
    };
    expect(b01(checked(atTop(copy(yt))))).toEqual([]);
    const d = checked(atTop(copy(yt, edu, '1.70')));
    expect(b01(d).length).toBe(1);
    expect(find(d, edu).flags).toContain('side_sum');
  });
  it('takes 本年支出合计 where the side prints a 支出合计 too (a 总表 that adds its 结转 rows there)', () => {
    const d = copy(yt, edu, '1.70');
    const t = find(d, (f) => f.table_kind === 'budget_income_expenditure_summary' && f.section === 'expenditure' && f.item === '本年支出合计' && f.measure === 'amount');
    d.facts.push({ ...t, item: '支出合计', row: t.row + 2, value: t.value.plus(100) });
    const failed = b01(checked(d));
    expect(failed.length).toBe(1);
    expect(failed[0]!.message).toMatch(/本年支出合计/);
    expect(find(d, edu).flags).toContain('side_sum');
  });
  it('is not run when a 类 code repeats (a name-only row resolved to its 类): the sum would count it twice', () => {
    const d = copy(yt);
    const dup = { ...find(d, edu), row: find(d, edu).row + 0.5 };
    d.facts.push(dup);
    expect(b01(checked(d))).toEqual([]);
  });
});

describe('收支总表: 财政拨款收入 = Σ its funds printed below it (side_sum b01_fiscal_income)', () => {
  // 万里街道's 收支总表 prints no 本年收入合计: 一、财政拨款收入 over 1.一般公共预算资金 2.政府性基金
  // 3.国有资本经营预算, then 二、事业收入 …, 收入总计. A photocopy scan read 1.一般公共预算资金
  // 156,211,123 as 155,211,123 (a 6 as 5), and nothing else sums that row
  const fund = (f: Fact) => f.table_kind === 'budget_income_expenditure_summary' && f.section === 'income' && /一般公共预算资金$/.test(f.item) && f.measure === 'amount';
  const fiscal = (d: DocumentRecord) => d.checks.filter((c) => c.check_id === 'side_sum' && c.subject.startsWith('b01_fiscal_income'));
  it('holds on the printed numbers', () => {
    const d = checked(copy(wl));
    expect(find(d, fund).value.toFixed()).toBe('156211123');
    expect(fiscal(d)).toEqual([]);
    expect(find(d, fund).flags).not.toContain('side_sum');
  });
  it('the fund misread as OCR did (156,211,123 → 155,211,123) fails it: flagged, not verified', () => {
    const d = checked(copy(wl, fund, '155211123'));
    expect(fiscal(d).length).toBe(1);
    expect(fiscal(d)[0]!.message).toMatch(/财政拨款收入/);
    expect(find(d, fund).flags).toContain('side_sum');
    expect(find(d, fund).verified).toBeUndefined();
  });
});

describe('财政拨款收支总表: 本年支出合计 = Σ 类 in each amount column (side_sum b04_expenditure_side)', () => {
  // 万里街道's 财政拨款收支总表 lists nine 类 in its 合计 and 一般公共预算 columns over a 支出总计 (no
  // 结转下年 row): printed as 本年支出合计, as most 部门预算 print it, the 类 add up to it
  const b04 = (d: DocumentRecord) => d.checks.filter((c) => c.check_id === 'side_sum' && c.subject.startsWith('b04_expenditure_side'));
  const fiscal = (f: Fact) => f.table_kind === 'budget_fiscal_appropriation_summary' && f.section === 'expenditure';
  const housing = (f: Fact) => fiscal(f) && f.code === '221' && f.measure === 'general_budget';
  const printed = (label: string) => (d: DocumentRecord): DocumentRecord => {
    for (const f of d.facts) if (fiscal(f) && f.item === '支出总计') f.item = label;
    return d;
  };
  it('holds on the printed numbers, in both columns', () => {
    const d = checked(printed('本年支出合计')(copy(wl)));
    expect(b04(d)).toEqual([]);
    expect(find(d, housing).verified).toBe(true);
  });
  it('a 类 misread (8,882,399 → 8,882,899) fails it in its column: flagged', () => {
    for (const label of ['本年支出合计', '支出合计', '合计']) {
      const d = checked(printed(label)(copy(wl, housing, '8882899')));
      expect(b04(d).map((c) => c.subject)).toEqual([expect.stringMatching(/general_budget/)]);
      expect(find(d, housing).flags).toContain('side_sum');
    }
  });
  it('is not run on a 支出总计, which adds the 结转 rows where the side prints them', () => {
    expect(b04(checked(copy(wl, housing, '8882899')))).toEqual([]);
  });
});
