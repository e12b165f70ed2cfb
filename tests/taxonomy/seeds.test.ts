// Coverage on the seed disclosures: every printed code, every 总表 类 name, every prose chain.
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { cellCodedRows, resolveChain, seed, tsvCodedRows } from './helpers.js';

const tax = loadTaxonomy();

describe('codes printed in the seeds’ coded tables', () => {
  const cases: [string, string, ReturnType<typeof tsvCodedRows>][] = [
    ['000', '2022', tsvCodedRows(seed('000'))],
    ['001', '2023', cellCodedRows(seed('001'))],
  ];
  for (const [id, year, rows] of cases) {
    it(`seed ${id}: every code is known (not provisional) and its printed name checks out`, () => {
      expect(rows.length).toBeGreaterThan(id === '000' ? 100 : 90);
      const bad = rows.filter((r) => {
        const e = tax.lookup(r.code, year);
        return !e || e.provisional || !tax.checkName(r.code, r.name, year).ok;
      });
      expect(bad).toEqual([]);
    });
    it(`seed ${id}: every function code resolves back from its printed name under its parent`, () => {
      const fn = rows.filter((r) => tax.systemOf(r.code) === 'function');
      expect(fn.length).toBeGreaterThan(20);
      for (const r of fn) {
        const e = tax.lookup(r.code, year);
        const res = tax.resolveName(r.name, { system: 'function', level: e?.level, ...(e?.parent ? { parent: e.parent } : {}), year });
        expect(res?.code, `${r.code} ${r.name} (line ${r.line})`).toBe(r.code);
      }
    });
  }
});

describe('seed 000 公开01表: 类 names printed with numbering only', () => {
  const lines = seed('000');
  const start = lines.findIndex((l) => l.includes('公开 01 表'));
  const end = lines.findIndex((l, i) => i > start && l.includes('公开02表'));
  const names = lines
    .slice(start, end)
    .flatMap((l) => l.split('\t'))
    .filter((c) => /^[一二三四五六七八九十]+、.+支出$/.test(c.trim()));
  const expected = [
    '201', '202', '203', '204', '205', '206', '207', '208', '210', '211', '212', '213', '214',
    '215', '216', '217', '219', '220', '221', '222', '223', '224', '229', '231', '232', '234',
  ];
  it('lists the 26 classes', () => {
    expect(names).toHaveLength(26);
    expect(names[0]).toBe('一、一般公共服务支出');
    expect(names[25]).toBe('二十六、抗疫特别国债安排的支出');
  });
  it('each resolves to its code exactly, with the 类 numbering as the only hint', () => {
    expect(names.map((n) => tax.resolveName(n, { year: '2022' })?.code)).toEqual(expected);
    for (const n of names) expect(tax.resolveName(n, { system: 'function', level: '类' })?.method).toMatch(/exact|alias/);
  });
  it('names printed there are the 2022 names', () => {
    names.forEach((n, i) => expect(tax.checkName(expected[i] ?? '', n, '2022').ok, n).toBe(true));
  });
});

describe('seed 004 prose chains (lines 137-165)', () => {
  const lines = seed('004').slice(136, 165);
  const chains = lines.filter((l) => l.includes('（类）'));
  const expected = [
    '2080501', '2080505', '2080506', '2101101', '2101102', '2101103', '2101301',
    '2101399', '2101501', '2101504', '2101506', '2101550', '2101599', '2210201',
  ];
  it('has the 14 chains', () => expect(chains).toHaveLength(14));
  it('each resolves level by level to the right 项', () => {
    expect(chains.map((c) => resolveChain(tax, c, '2023'))).toEqual(expected);
  });
  it('abbreviated 类 names (卫生健康（类）) resolve as aliases', () => {
    const r = tax.resolveName('卫生健康（类）', { system: 'function' });
    expect(r?.code).toBe('210');
    expect(r?.method).toBe('alias');
  });
});

describe('seed 001 prose chains and 名词解释 chains', () => {
  const chains = seed('001').filter((l) => /（类）.+（款）.+（项）/.test(l));
  it('all resolve', () => {
    expect(chains.length).toBeGreaterThanOrEqual(30);
    const unresolved = chains.filter((c) => !resolveChain(tax, c, '2023'));
    expect(unresolved).toEqual([]);
  });
  it('spot checks', () => {
    expect(resolveChain(tax, '社会保障和就业支出（类）抚恤（款）伤残抚恤（项）', '2023')).toBe('2080802');
    expect(resolveChain(tax, '其他支出（类）其他支出（款）其他支出（项）', '2023')).toBe('2299999');
    expect(resolveChain(tax, '一般公共服务（类）财政事务（款）行政运行（项）', '2023')).toBe('2010601');
  });
});

describe('seed 004 名词解释 definitions', () => {
  it('codes defined there are known under the defined name (except the misprint for 20805)', () => {
    const defs = seed('004')
      .map((l) => /^([\u4e00-\u9fff]+)（(\d{5}|\d{7})）/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => !!m);
    expect(defs.length).toBeGreaterThanOrEqual(15);
    const mismatches = defs.filter((m) => !tax.checkName(m[2] ?? '', m[1] ?? '', '2023').ok).map((m) => `${m[2]} ${m[1]}`);
    expect(mismatches).toEqual(['20805 行政单位离退休']);
  });
});
