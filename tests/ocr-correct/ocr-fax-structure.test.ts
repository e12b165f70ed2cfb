// What a 1-bit (fax-like) scan does to the header words, codes and numbers of the answer-key
// documents' tables (the grid bench's dev fax-200 condition), replayed on the real text-layer
// tables of the same documents: the grid is marked as read by OCR and the damage put into it.
// - 上海普陀 财政局 2024 收入决算表: 事业收入 read 亮业收入, 附属单位上缴收入 位上缴收入, 其他收入 入;
//   the kind's standard column layout (table-kinds.json column_layouts) names them by position when
//   本年收入合计 = the sum of the other six holds on the rows (normalizers/tables/ocr-measures.ts).
// - 烟台 2026 收入总体情况表: 类 | 款 | 项 read 兴 | 欺 | 颅: the column of 类 codes and the 款 / 项
//   columns right of it are still the split code (normalizers/tables/understand.ts).
// - a list number read as marks before a standard label (--航公共预算资金 for 1.一般公共预算资金),
//   and a money cell read with a stray digit and % (160.787% for 160.78): in doubt, flagged.
// - a 款 whose code OCR misread and put right (208035 → 20805) still sums its 项 rows.
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { readFileSync } from 'node:fs';
import { processDocument } from '../../pipeline/process-document.js';
import { factsOfTable, OCR_DECIMALS_EXTRA, OCR_DECIMALS_LOST, OCR_LABEL_UNCHECKED, OCR_MEASURE_INFERRED, OCR_NAME_FUZZY } from '../../normalizers/facts/index.js';
import { locateTables } from '../../normalizers/tables/locate.js';
import { understandTable } from '../../normalizers/tables/understand.js';
import { classifyTitle } from '../../normalizers/tables/kinds.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { identityChecks } from '../../normalizers/checks/index.js';
import type { DocumentRecord, Fact, GridCell, Table } from '../../model/types.js';
import { corpusPath } from '../extractors/pdf/corpus.js';
import { record, SEED_001 } from '../checks/helpers.js';

const tax = loadTaxonomy();
const docs = new Map<string, ReturnType<typeof processDocument>>();

/** The facts of the document's table of `kind`, its grid damaged by `damage` and read as `method`. */
async function tableFacts(name: string, kind: string, damage: (rows: GridCell[][]) => void, method: 'ocr' | 'ruled' = 'ocr', year = '2024'): Promise<Fact[]> {
  const path = corpusPath(name);
  if (!docs.has(path)) docs.set(path, processDocument(path, new Uint8Array(readFileSync(path))));
  const doc = await docs.get(path)!;
  const cand = locateTables(doc.blocks).find((c) => classifyTitle(c.title, c.table_no, doc.doc_kind)?.id === kind)!;
  const grid = { ...cand.grid, method, rows: cand.grid.rows.map((r) => r.map((c) => ({ ...c }))) };
  damage(grid.rows);
  const table = understandTable({ ...cand, grid }, classifyTitle(cand.title, cand.table_no, doc.doc_kind), 't001');
  return factsOfTable(table, { doc_id: doc.doc_id, fiscal_year: doc.fiscal_year || year, defaultUnit: '万元', taxonomy: tax });
}

/** every cell printing one of the keys reads its value */
const misread = (words: Record<string, string>) => (rows: GridCell[][]) => {
  for (const r of rows) for (const c of r) if (words[c.text] !== undefined) c.text = words[c.text]!;
};

const CAIZHENGJU = 'sh-putuo-caizhengju-2024-dept-final.pdf';
const FAX_INCOME = { 事业收入: '亮业收入', 附属单位上缴收入: '位上缴收入', 其他收入: '入' };
const at = (facts: Fact[], code: string, measure: string) => facts.find((f) => f.code === code && f.measure === measure);

describe('misread header words named by the kind\'s standard column layout', () => {
  it('收入决算表 read 亮业收入 | 位上缴收入 | 入: the columns take 事业收入, 附属单位上缴收入, 其他收入 by position, flagged', async () => {
    const facts = await tableFacts(CAIZHENGJU, 'income', misread(FAX_INCOME));
    const other = at(facts, '2010602', 'other_income')!;
    expect(other.value.toFixed(2)).toBe('6.19');
    expect(other.flags).toContain(OCR_MEASURE_INFERRED);
    expect(facts.filter((f) => !f.measure)).toEqual([]);
    // the columns named by their words are not flagged
    expect(at(facts, '2010602', 'income_total')?.flags).not.toContain(OCR_MEASURE_INFERRED);
    expect(at(facts, '2010602', 'fiscal_appropriation')?.flags).not.toContain(OCR_MEASURE_INFERRED);
  }, 60_000);

  it('a text layer does not infer past its words', async () => {
    const facts = await tableFacts(CAIZHENGJU, 'income', misread(FAX_INCOME), 'ruled');
    expect(facts.filter((f) => f.code === '2010602' && !f.measure).length).toBe(1);
    expect(facts.filter((f) => f.flags.includes(OCR_MEASURE_INFERRED))).toEqual([]);
  }, 60_000);

  it('no position is taken when the layout\'s sum does not hold: 入 read as 9.99 on every row stays unknown', async () => {
    const facts = await tableFacts(CAIZHENGJU, 'income', (rows) => {
      misread(FAX_INCOME)(rows);
      const col = rows.findIndex((r) => r.some((c) => c.text === '入'));
      const x = rows[col]!.findIndex((c) => c.text === '入');
      for (const r of rows) if (/^[\d,]+\.\d\d$/.test(r[x]?.text ?? '')) r[x]!.text = '9.99';
    });
    const part = facts.filter((f) => f.code === '2010602' && f.value.toFixed(2) === '9.99');
    expect(part.length).toBe(1);
    expect(part[0]!.measure).toBe('');
    expect(part[0]!.flags).not.toContain(OCR_MEASURE_INFERRED);
  }, 60_000);
});

describe('类 | 款 | 项 words lost', () => {
  it('兴 | 欺 | 颅 over 205 | 08 | 03: still one code 2050803, no amount read from the code columns', async () => {
    const facts = await tableFacts('yt-yibaoju-2026-dept-budget.pdf', 'budget_income', misread({ 类: '兴', 款: '欺', 项: '颅' }), 'ocr', '2026');
    expect(at(facts, '2050803', 'income_total')?.value.toFixed(2)).toBe('4.70');
    expect(at(facts, '2080501', 'income_total')?.value.toFixed(2)).toBe('13.27');
    expect(facts.filter((f) => /欺|颅/.test(f.measure_label))).toEqual([]);
  }, 60_000);
});

/** a 总表's income side: one name-only row per label, as OCR read it */
function summary(labels: string[], raws?: string[]): Table {
  return {
    table_id: 't001', table_kind: 'budget_income_expenditure_summary', table_no: '', title: '收支预算总表', unit: '元', method: 'ocr',
    header: ['项目', '预算数'], headerRows: 1, notes: [], flags: [],
    columns: [
      { index: 0, role: 'name', header: '项目', block: 0, section: 'income' },
      { index: 1, role: 'measure', header: '预算数', block: 0, section: 'income', measure: 'amount' },
    ],
    grid: { method: 'ocr', rows: [] },
    rows: labels.map((item, i) => ({ rowIndex: i + 1, block: 0, section: 'income', code: '', item, values: [{ col: 1, measure: 'amount', measure_label: '预算数', raw: raws?.[i] ?? `${100 + i}.00` }], flags: [] })),
  } as unknown as Table;
}
const factsOf = (t: Table) => factsOfTable(t, { doc_id: 'd', fiscal_year: '2024', defaultUnit: '元', taxonomy: tax });

describe('labels and numbers in doubt', () => {
  it('--航公共预算资金 (1.一般公共预算资金, its list number read as marks) is in doubt; the label as printed is not', () => {
    const facts = factsOf(summary(['--航公共预算资金', '1.一般公共预算资金', '--航天发射']));
    expect(facts[0]!.flags).toContain(OCR_NAME_FUZZY);
    expect(facts[1]!.flags).not.toContain(OCR_NAME_FUZZY);
    // words a 总表's side never prints, marks or not: read by OCR, nothing says they were read
    // right (义、其他收入资金 for 其他收入 on an unseen photocopy)
    expect(facts[2]!.flags).toContain(OCR_LABEL_UNCHECKED);
    expect(factsOf(summary(['航天发射']))[0]!.flags).toContain(OCR_LABEL_UNCHECKED);
    // the same words read from a text layer are as printed
    expect(factsOf({ ...summary(['航天发射']), method: 'text' } as Table)[0]!.flags).not.toContain(OCR_LABEL_UNCHECKED);
  });

  it('a label read right that the vocabulary lacks is in doubt, but not renamed for it (上年结余、结转)', () => {
    // (an unseen budget's 收支总表 at q80-200: the side's sums named the carry-over 上年结转结余 when
    // the flag came first)
    const facts = factsOf(summary(['一、财政拨款', '本年收入合计', '上年结余、结转', '收入总计'], ['100.00', '100.00', '5.00', '105.00']));
    expect(facts.map((f) => f.item)).toEqual(['一、财政拨款', '本年收入合计', '上年结余、结转', '收入总计']);
    expect(facts[2]!.flags).toContain(OCR_LABEL_UNCHECKED);
    expect(facts[2]!.flags).not.toContain(OCR_NAME_FUZZY);
  });

  it('160.787% and 160.787 among numbers of x.xx are flagged; a column of percentages is left alone', () => {
    const labels = ['一般公共预算资金', '政府性基金', '事业收入', '其他收入', '上年结转', '本年收入合计'];
    const facts = factsOf(summary(labels, ['2113.68', '160.787%', '165.18', '160.787', '1623.68', '4223.39']));
    expect(facts.filter((f) => f.flags.includes(OCR_DECIMALS_EXTRA)).map((f) => f.value.toFixed(3))).toEqual(['160.787', '160.787']);
    expect(facts.filter((f) => f.flags.includes(OCR_DECIMALS_LOST))).toEqual([]);
    const rates = factsOf(summary(labels, ['12.50%', '3.125%', '7.25%', '1.00%', '0.50%', '24.375%']));
    expect(rates.filter((f) => f.flags.includes(OCR_DECIMALS_EXTRA))).toEqual([]);
  });
});

describe('a code OCR put right still sums its children', () => {
  it('a 款 whose code was repaired (not printed) catches its 项 read 4 → 1', async () => {
    const doc = await record(SEED_001);
    const gbe = doc.facts.filter((f) => f.table_kind === 'general_budget_expenditure' && f.measure === 'total');
    // a 款 with two 项 at least, one of them not zero
    const kuan = gbe.find((p) => p.code.length === 5 && gbe.filter((c) => c.code.length === 7 && c.code.startsWith(p.code) && !c.value.isZero()).length >= 2)!;
    const child = gbe.find((c) => c.code.length === 7 && c.code.startsWith(kuan.code) && !c.value.isZero())!;
    const mark = (d: DocumentRecord, repaired: boolean): DocumentRecord => ({
      ...d,
      facts: d.facts.map((f) => (f === kuan ? { ...f, code_source: 'resolved' as const, flags: repaired ? ['ocr_code_repaired'] : [] } : f === child ? { ...f, value: f.value.plus(new Decimal(3)), flags: [] } : f)),
    });
    const subject = (d: DocumentRecord) => identityChecks(d).filter((c) => c.check_id === 'hierarchy_sum' && c.subject.startsWith(`${kuan.code} = Σ children`));
    expect(subject(mark(doc, true)).length).toBe(1);
    // a code resolved from a name only (not read and put right) is not summed as printed
    expect(subject(mark(doc, false))).toEqual([]);
  }, 60_000);
});
