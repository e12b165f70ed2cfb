// What OCR did to the scanned key pages of the grid bench (tests/bench/ocr-grid.ts), replayed on
// the real text-layer tables of the same documents: the grid is marked as read by OCR and the
// damage put into it.
// - 烟台 2026 收入总体情况表: the 款 cell of 210 13 医疗救助 not read; the 款 is found by its name,
//   and the 项 row under it, whose 类/款 parts were carried from 21012 above, must follow it
//   (2101301 城乡医疗救助, not 2101201).
// - a 总表's 类 name read with a character lost (一、般公共服务支出): the code comes from a fuzzy
//   match, so the fact says so.
// - header words misread (司计 for 合计, 般公共预够入 for 一般公共预算收入, 顶算数 for 预算数): the
//   columns' measures are inferred from the structure (normalizers/tables/ocr-measures.ts), flagged.
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { readFileSync } from 'node:fs';
import { processDocument } from '../../pipeline/process-document.js';
import { factsOfTable, OCR_CODE_REPAIRED, OCR_CODE_UNREAD, OCR_DECIMALS_LOST, OCR_MEASURE_INFERRED, OCR_NAME_FUZZY } from '../../normalizers/facts/index.js';
import { locateTables } from '../../normalizers/tables/locate.js';
import { understandTable } from '../../normalizers/tables/understand.js';
import { classifyTitle } from '../../normalizers/tables/kinds.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { Fact, GridCell, Table } from '../../model/types.js';
import { corpusPath } from '../extractors/pdf/corpus.js';

const tax = loadTaxonomy();
const YT = corpusPath('yt-yibaoju-2026-dept-budget.pdf'); // cut to its cover and pp. 7–10

let read: ReturnType<typeof processDocument> | undefined;

async function income(damage: (rows: GridCell[][]) => void, method: 'ocr' | 'ruled' = 'ocr', kind = 'budget_income'): Promise<Fact[]> {
  read ??= processDocument(YT, new Uint8Array(readFileSync(YT)));
  const doc = await read;
  const cand = locateTables(doc.blocks).find((c) => classifyTitle(c.title, c.table_no, doc.doc_kind)?.id === kind)!;
  const grid = { ...cand.grid, method, rows: cand.grid.rows.map((r) => r.map((c) => ({ ...c }))) };
  damage(grid.rows);
  const table = understandTable({ ...cand, grid }, classifyTitle(cand.title, cand.table_no, doc.doc_kind), 't002');
  return factsOfTable(table, { doc_id: doc.doc_id, fiscal_year: doc.fiscal_year || '2026', defaultUnit: '元', taxonomy: tax });
}

const KUAN = 1; // 类 | 款 | 项 | 科目名称 | 合计 …
const NAME = 3;
const lostKuanOf = (name: string) => (rows: GridCell[][]) => {
  const r = rows.find((x) => x[NAME]?.text === name)!;
  r[KUAN]!.text = '';
};

describe('a 项 follows its repaired 款', () => {
  it('210 13 医疗救助 not read: the 款 is found by name and its 项 01 is 2101301, flagged', async () => {
    const facts = await income(lostKuanOf('医疗救助'));
    const kuan = facts.filter((f) => f.item === '医疗救助');
    expect(kuan.length).toBeGreaterThan(0);
    expect(kuan.every((f) => f.code === '21013' && f.flags.includes(OCR_CODE_REPAIRED))).toBe(true);
    const xiang = facts.filter((f) => f.item === '城乡医疗救助');
    expect(xiang.length).toBeGreaterThan(0);
    expect(xiang.every((f) => f.code === '2101301' && f.canonical_name === '城乡医疗救助' && f.parent_code === '21013' && f.code_source === 'resolved' && f.flags.includes(OCR_CODE_REPAIRED))).toBe(true);
    // the rows under 21012 above keep their codes, unflagged
    const before = facts.filter((f) => f.item === '财政对城乡居民基本医疗保险基金的补助');
    expect(before.every((f) => f.code === '2101202' && !f.flags.includes(OCR_CODE_REPAIRED))).toBe(true);
  }, 60_000);

  it('a 项 whose name is not the name under the 款 above keeps its code', async () => {
    const facts = await income((rows) => {
      lostKuanOf('医疗救助')(rows);
      rows.find((x) => x[NAME]?.text === '城乡医疗救助')![NAME]!.text = '行政单位医疗';
    });
    // 行政单位医疗 is 2101101, no code under 21013: nothing is guessed
    const moved = facts.filter((f) => f.item === '行政单位医疗' && f.value.eq(4285));
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((f) => f.code === '2101201' && !f.flags.includes(OCR_CODE_REPAIRED))).toBe(true);
  }, 60_000);

  it('a text layer is left as read', async () => {
    const facts = await income(lostKuanOf('医疗救助'), 'ruled');
    expect(facts.filter((f) => f.flags.includes(OCR_CODE_REPAIRED))).toEqual([]);
  }, 60_000);
});

/** a 总表's expenditure side: one name-only row per 类, as OCR read it */
function summary(method: 'ocr' | 'ruled', labels: string[]): Table {
  return {
    table_id: 't001', table_kind: 'income_expenditure_summary', table_no: '', title: '收入支出决算总表', unit: '万元', method,
    header: ['项目', '决算数'], headerRows: 1, notes: [], flags: [],
    columns: [
      { index: 0, role: 'name', header: '项目', block: 0, section: 'expenditure' },
      { index: 1, role: 'measure', header: '决算数', block: 0, section: 'expenditure', measure: 'amount' },
    ],
    grid: { method, rows: [] },
    rows: labels.map((item, i) => ({ rowIndex: i + 1, block: 0, section: 'expenditure', code: '', item, values: [{ col: 1, measure: 'amount', measure_label: '决算数', raw: `${100 + i}.00` }], flags: [] })),
  } as unknown as Table;
}

describe('a 类 name matched only approximately', () => {
  const factsOf = (t: Table) => factsOfTable(t, { doc_id: 'd', fiscal_year: '2024', defaultUnit: '万元', taxonomy: tax });

  it('一、般公共服务支出 read by OCR: 201, written as the 类 name, flagged; exact names are not flagged', () => {
    const facts = factsOf(summary('ocr', ['一、般公共服务支出', '二、教育支出']));
    expect(facts[0]).toMatchObject({ code: '201', item: '一、一般公共服务支出', code_source: 'resolved' });
    expect(facts[0]!.flags).toContain(OCR_NAME_FUZZY);
    expect(facts[0]!.value).toEqual(new Decimal('100.00'));
    expect(facts[1]).toMatchObject({ code: '205', item: '二、教育支出' });
    expect(facts[1]!.flags).not.toContain(OCR_NAME_FUZZY);
  });

  it('a standard label misread beyond repair is in doubt; an unresolved name on the expenditure side is a 类 not read', () => {
    const facts = factsOf(summary('ocr', ['平札结转和结余', '九h生健康支巾', '年末结转和结余', '本年支出合计']));
    // 平札 is two characters from both 年初 and 年末: not put right, flagged
    expect(facts[0]!.item).toBe('平札结转和结余');
    expect(facts[0]!.flags).toContain(OCR_NAME_FUZZY);
    expect(facts[1]!.code).toBe('');
    expect(facts[1]!.flags).toContain(OCR_CODE_UNREAD);
    // standard labels and totals as printed: nothing to doubt
    expect(facts[2]!.flags).toEqual([]);
    expect(facts[3]!.flags).toEqual([]);
    // the text layer prints what it prints
    expect(factsOf(summary('ruled', ['平札结转和结余', '九h生健康支巾'])).flatMap((f) => f.flags)).toEqual([]);
  });

  it('a label read as Latin letters only is in doubt on either side (Bit for 总计, a dev photocopy-200 reading)', () => {
    const t = summary('ocr', ['Bit', '本年收入合计', '一、财政拨款收入']);
    for (const c of t.columns) c.section = 'income';
    for (const r of t.rows) r.section = 'income';
    const facts = factsOf(t);
    expect(facts[0]!.item).toBe('Bit');
    expect(facts[0]!.flags).toContain(OCR_NAME_FUZZY);
    expect(facts[1]!.flags).toEqual([]);
    expect(facts[2]!.flags).toEqual([]);
  });

  it('a text layer keeps the label as printed', () => {
    const facts = factsOf(summary('ruled', ['一、般公共服务支出']));
    expect(facts[0]!.item).toBe('一、般公共服务支出');
    expect(facts[0]!.flags).not.toContain(OCR_NAME_FUZZY);
  });
});

/** every cell printing `from` reads `to` */
const misread = (from: string, to: string) => (rows: GridCell[][]) => {
  for (const r of rows) for (const c of r) if (c.text === from) c.text = to;
};

describe('misread header words: measures from the structure', () => {
  const at = (facts: Fact[], code: string, measure: string) => facts.find((f) => f.code === code && f.measure === measure);

  it('司计 (合计) is the total: it equals 一般公共预算 + 政府性基金 + 国有资本经营 row by row; flagged', async () => {
    const facts = await income(misread('合计', '司计'));
    const total = at(facts, '205', 'income_total')!;
    expect(total.value.toFixed(2)).toBe('4.70');
    expect(total.flags).toContain(OCR_MEASURE_INFERRED);
    expect(at(facts, '223', 'income_total')?.value.toFixed(2)).toBe('1000.00');
    // the columns named by their words are not flagged
    expect(at(facts, '205', 'fiscal_appropriation')?.flags).not.toContain(OCR_MEASURE_INFERRED);
    expect(facts.filter((f) => !f.measure)).toEqual([]);
    // a text layer does not infer past its words: 司计 stays unknown there
    const ruled = await income(misread('合计', '司计'), 'ruled');
    expect(ruled.filter((f) => f.code === '205' && !f.measure).length).toBe(1);
    expect(ruled.filter((f) => f.flags.includes(OCR_MEASURE_INFERRED))).toEqual([]);
  }, 60_000);

  it('般公共预够入 (一般公共预算收入, two characters misread) beside 小计 under 财政拨款收入: the 小计 keeps the group, the part is named by the edit distance and the subtotal sum', async () => {
    const facts = await income(misread('一般公共预算收入', '般公共预够入'));
    expect(at(facts, '223', 'fiscal_appropriation')?.value.toFixed(2)).toBe('1000.00');
    const general = at(facts, '205', 'general_budget')!;
    expect(general.value.toFixed(2)).toBe('4.70');
    expect(general.flags).toContain(OCR_MEASURE_INFERRED);
    expect(facts.filter((f) => !f.measure)).toEqual([]);
  }, 60_000);

  it('a misread word no sum backs stays unknown: 般公共预够入 over numbers that do not add up to the 小计', async () => {
    const facts = await income((rows) => {
      misread('一般公共预算收入', '般公共预够入')(rows);
      // the column read as 9.99 on every row: 小计 = its parts holds nowhere
      for (const r of rows) if (/^[\d,]+\.\d\d$/.test(r[6]?.text ?? '')) r[6]!.text = '9.99';
    });
    const part = facts.filter((f) => f.code === '205' && f.value.toFixed(2) === '9.99');
    expect(part.length).toBe(1);
    expect(part[0]!.measure).toBe('');
    expect(part[0]!.flags).not.toContain(OCR_MEASURE_INFERRED);
  }, 60_000);

  it('a two-sided 总表 whose amount words are misread on both sides: the one amount of each side is the kind\'s amount, flagged', async () => {
    const facts = await income(misread('预算数', '顶算数'), 'ocr', 'budget_income_expenditure_summary');
    expect(facts.length).toBeGreaterThan(10);
    expect(facts.every((f) => f.measure === 'amount' && f.flags.includes(OCR_MEASURE_INFERRED))).toBe(true);
    expect(new Set(facts.map((f) => f.section))).toEqual(new Set(['income', 'expenditure']));
  }, 60_000);
});

describe('decimals OCR lost', () => {
  const factsOf = (t: Table) => factsOfTable(t, { doc_id: 'd', fiscal_year: '2024', defaultUnit: '万元', taxonomy: tax });
  const read = (method: 'ocr' | 'ruled', raws: string[]) => {
    const t = summary(method, ['一、一般公共服务支出', '二、教育支出', '三、社会保障和就业支出', '四、卫生健康支出', '五、住房保障支出']);
    t.rows.forEach((r, i) => (r.values[0]!.raw = raws[i]!));
    return factsOf(t);
  };

  it('2228 in a column of x.xx is flagged; zeros and a text layer are not', () => {
    const facts = read('ocr', ['10685.56', '180.03', '2228', '497.53', '0']);
    expect(facts.filter((f) => f.flags.includes(OCR_DECIMALS_LOST)).map((f) => f.value.toFixed(0))).toEqual(['2228']);
    expect(read('ruled', ['10685.56', '180.03', '2228', '497.53', '0']).filter((f) => f.flags.includes(OCR_DECIMALS_LOST))).toEqual([]);
  });

  it('a column printed in whole numbers is left alone', () => {
    expect(read('ocr', ['10686', '180', '2228', '497.53', '981']).filter((f) => f.flags.includes(OCR_DECIMALS_LOST))).toEqual([]);
  });
});
