// One key, one figure: a table printed again for each unit of the department carries the unit
// (row_group), and a table that prints a code once per code of a second classification carries the
// second code (secondary_code), so (table, section, row_group, code, secondary_code, measure) names
// one printed figure; a label printed twice in one section carries each print's heading (row_group).
// Pages cut from ../shared/corpus-budgets (see tests/fixtures/README.md).
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, Fact } from '../../model/types.js';
import { processDocument } from '../../pipeline/process-document.js';
import { fixture, fixtureBytes } from '../fixture.js';

async function read(name: string): Promise<DocumentRecord> {
  return processDocument(fixture('pdf', name), fixtureBytes('pdf', name));
}

const key = (f: Fact): string => [f.table_id, f.section, f.row_group ?? '', f.code, f.secondary_code ?? '', f.item, f.measure].join('|');
const duplicates = (facts: Fact[]): string[] => {
  const n = new Map<string, number>();
  for (const f of facts) n.set(key(f), (n.get(key(f)) ?? 0) + 1);
  return [...n].filter(([, c]) => c > 1).map(([k]) => k);
};

describe('a 支出总表 printed per unit (the department, then each unit with its own 类/款/项)', () => {
  let doc: DocumentRecord;
  beforeAll(async () => {
    doc = await read('sz-建筑工务署-2026-dept-budget.p20-28.pdf');
  });

  it('gives every row of a unit block the unit, and leaves the department row without one', () => {
    const t = doc.facts.filter((f) => f.table_kind === 'budget_expenditure' && f.measure === 'expenditure_total');
    expect(t.length).toBeGreaterThan(60);
    const units = [...new Set(t.map((f) => f.row_group ?? ''))];
    expect(units).toEqual(['', '深圳市建筑工务署（本级）', '深圳市建筑工务署文体和水务工程管理中心', '深圳市建筑工务署工程管理中心', '深圳市建筑工务署工程设计管理中心']);
    expect(t.filter((f) => !f.row_group).map((f) => [f.item, f.value.toFixed(2)])).toEqual([['深圳市建筑工务署', '33934.54']]);
    // 205 教育支出 once per unit, each with its own amount
    expect(t.filter((f) => f.code === '205').map((f) => [f.row_group, f.value.toFixed(2)])).toEqual([
      ['深圳市建筑工务署（本级）', '13.36'], ['深圳市建筑工务署文体和水务工程管理中心', '7.59'], ['深圳市建筑工务署工程管理中心', '7.05'],
    ]);
  });

  it('writes no key twice, and each unit tree adds up on its own', () => {
    expect(duplicates(doc.facts.filter((f) => f.code))).toEqual([]);
    expect(doc.checks.filter((c) => c.check_id === 'hierarchy_sum')).toEqual([]);
    const unit = doc.facts.filter((f) => f.table_kind === 'budget_expenditure' && f.row_group === '深圳市建筑工务署工程管理中心' && f.measure === 'expenditure_total');
    expect(unit.find((f) => f.code === '208')?.verified).toBe(true);
  });

  it('leaves a table printed once without groups', () => {
    const others = doc.facts.filter((f) => f.table_kind !== 'budget_expenditure' && f.table_kind !== 'narrative' && f.code);
    for (const t of new Set(others.map((f) => f.table_id))) {
      const fs = others.filter((f) => f.table_id === t);
      if (new Set(fs.map((f) => `${f.code}|${f.measure}`)).size === fs.length) expect(fs.every((f) => !f.row_group)).toBe(true);
    }
  });
});

describe('a 部门经济科目 table that prints each code once per 政府经济科目', () => {
  let doc: DocumentRecord;
  beforeAll(async () => {
    doc = await read('xa-司法局-2026-dept-budget.p36-37.pdf');
  });

  it('keeps the second code beside the first: one fact per pair', () => {
    const total = doc.facts.filter((f) => f.code === '30101' && f.measure === 'total');
    expect(total.map((f) => [f.secondary_code, f.value.toFixed(2)])).toEqual([['50101', '22098333.60'], ['50501', '874679.40']]);
    expect(duplicates(doc.facts.filter((f) => f.code))).toEqual([]);
  });

  it('adds a code printed on consecutive rows as one child: 301 = Σ 301xx holds', () => {
    expect(doc.checks.filter((c) => c.check_id === 'hierarchy_sum' && c.subject.startsWith('301 '))).toEqual([]);
    expect(doc.facts.find((f) => f.code === '301' && f.measure === 'total')?.verified).toBe(true);
  });
});

describe('a label printed twice in one section (a 总表 listing 工资福利支出 under two headings)', () => {
  const row = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const page = (dash: string) => `<html><head><meta charset="utf-8"></head><body><p>2026年部门收支总表</p><p>单位：万元</p>
<table border=1>${row('收入', '', '支出', '')}${row('项目', '预算数', '项目', '预算数')}
${row('一、一般公共预算拨款收入', '30.00', '1、人员经费和公用经费支出', '10.00')}
${row('', '', '(1)工资福利支出', '8.00')}${row('', '', '(2)商品和服务支出', '2.00')}
${row('', '', '2、专项业务经费支出', '20.00')}${row('', '', '(1)工资福利支出', dash)}${row('', '', '(2)商品和服务支出', '20.00')}
${row('本年收入合计', '30.00', '本年支出合计', '30.00')}</table></body></html>`;
  const keyed = async (dash: string): Promise<Fact[]> => (await processDocument('zongbiao.html', new TextEncoder().encode(page(dash)))).facts.filter((f) => /工资福利|商品和服务/.test(f.item));

  it('gives each print its heading as row_group, so no key is written twice', async () => {
    const facts = await keyed('');
    expect(facts.map((f) => [f.row_group, f.item, f.value.toFixed(2)])).toEqual([
      ['1、人员经费和公用经费支出', '(1)工资福利支出', '8.00'],
      ['1、人员经费和公用经费支出', '(2)商品和服务支出', '2.00'],
      ['2、专项业务经费支出', '(2)商品和服务支出', '20.00'],
    ]);
    expect(duplicates(facts)).toEqual([]);
  });

  it('keeps the keys when a dash fills the empty cell: the zero gets its own print\'s key', async () => {
    const before = new Map((await keyed('')).map((f) => [key(f), f.value.toFixed(2)]));
    const after = await keyed('-');
    expect(duplicates(after)).toEqual([]);
    for (const [k, v] of before) expect(after.find((f) => key(f) === k)?.value.toFixed(2)).toBe(v);
    expect(after.filter((f) => !before.has(key(f))).map((f) => [f.row_group, f.value.toFixed()])).toEqual([['2、专项业务经费支出', '0']]);
  });
});
