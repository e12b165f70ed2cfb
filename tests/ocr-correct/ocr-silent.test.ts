// Wrong facts that OCR readings of the grid bench (tests/bench/ocr-grid.ts) left without a flag,
// replayed on the real text-layer tables of the same documents: the grid is marked as read by OCR
// and the damage put into it. Each must come out right or flagged.
// - a total's label misread by one character (支出总订 for 支出总计, 收入怪计 for 收入总计);
// - a list number 一、 read as dashes (--、财政拨款收入), and a label after a dash misread beyond
//   matching (-般公兰顶算资企 for 1.一般公共预算资金), or with Latin letters and digits among its
//   words (E载么共弦算砂政抵1敷收> for 一般公共预算财政拨款收入);
// - the last row of a coded table carried over to a page of its own, its code lost and its name
//   misread (离休十部医药费补助支出);
// - two headers read as one (政府性基金国有资本经quan over the numbers of 国有资本经营预算收入);
// - decimals lost in a column whose other numbers print two: one of the two (160.7), the last digit
//   read as % (160.7%), or the point of a number on a page whose piece of the table holds too few
//   numbers to tell (1000).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { processDocument } from '../../pipeline/process-document.js';
import { factsOfTable, flagLostDecimalsAcrossPages, OCR_CODE_UNREAD, OCR_DECIMALS_LOST, OCR_HEADER_MERGED, OCR_MARKS_STRIPPED, OCR_NAME_FUZZY } from '../../normalizers/facts/index.js';
import { locateTables } from '../../normalizers/tables/locate.js';
import { amountAfterMarks, understandTable } from '../../normalizers/tables/understand.js';
import { classifyTitle } from '../../normalizers/tables/kinds.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord, Fact, GridCell, Table } from '../../model/types.js';
import { corpusPath } from '../extractors/pdf/corpus.js';

const tax = loadTaxonomy();
const docs = new Map<string, Promise<DocumentRecord>>();

/** `kind`'s table of the corpus file `name` as read from its text layer, its grid damaged by
 *  `damage` and marked as read by `method` */
async function tableOf(name: string, kind: string, damage: (rows: GridCell[][]) => GridCell[][], method: 'ocr' | 'ruled' = 'ocr', id = 't001'): Promise<{ table: Table; facts: Fact[] }> {
  if (!docs.has(name)) docs.set(name, processDocument(corpusPath(name), new Uint8Array(readFileSync(corpusPath(name)))));
  const doc = await docs.get(name)!;
  const cand = locateTables(doc.blocks).find((c) => classifyTitle(c.title, c.table_no, doc.doc_kind)?.id === kind)!;
  const grid = { ...cand.grid, method, rows: damage(cand.grid.rows.map((r) => r.map((c) => ({ ...c })))) };
  const table = understandTable({ ...cand, grid }, classifyTitle(cand.title, cand.table_no, doc.doc_kind), id);
  return { table, facts: factsOfTable(table, { doc_id: doc.doc_id, fiscal_year: doc.fiscal_year || '2026', defaultUnit: '元', taxonomy: tax }) };
}

/** every cell printing `from` reads `to` */
const misread = (...pairs: [string, string][]) => (rows: GridCell[][]) => {
  for (const r of rows) for (const c of r) for (const [from, to] of pairs) if (c.text === from) c.text = to;
  return rows;
};
const YT = 'yt-yibaoju-2026-dept-budget.pdf';
const PUTUO = 'sh-putuo-wanlijiedao-2024-dept-budget.pdf';
const SUMMARY = 'budget_income_expenditure_summary';
const labelled = (facts: Fact[], item: string) => facts.filter((f) => f.item === item);

describe('total labels misread on a two-sided 总表', () => {
  it('支出总订 and 收入怪计 are in doubt; the labels as printed are not', async () => {
    const { facts } = await tableOf(YT, SUMMARY, misread(['支出总计', '支出总订'], ['收入总计', '收入怪计']));
    for (const item of ['支出总订', '收入怪计']) {
      const hit = labelled(facts, item);
      expect(hit.map((f) => f.value.toFixed(2))).toEqual(['16375.67']);
      expect(hit[0]!.flags).toContain(OCR_NAME_FUZZY);
    }
    for (const item of ['本年收入合计', '本年支出合计']) expect(labelled(facts, item)[0]!.flags).toEqual([]);
    // a text layer prints what it prints
    const ruled = await tableOf(YT, SUMMARY, misread(['支出总计', '支出总订']), 'ruled');
    expect(labelled(ruled.facts, '支出总订')[0]!.flags).toEqual([]);
  }, 60_000);

  it('--、财政拨款收入 is 一、财政拨款收入 (no doubt: the words are the standard label); -般公兰顶算资企 is in doubt', async () => {
    const { facts } = await tableOf(PUTUO, SUMMARY, misread(['一、财政拨款收入', '--、财政拨款收入'], ['1.一般公共预算资金', '-般公兰顶算资企']));
    const fiscal = labelled(facts, '一、财政拨款收入');
    expect(fiscal.map((f) => f.value.toFixed(0))).toEqual(['156211123']);
    expect(fiscal[0]!.flags).toEqual([]);
    // (the row under 财政拨款收入 whose value is its sum takes the fund's words: ocr-fund-parts.ts)
    const garbled = labelled(facts, '一般公共预算资金');
    expect(garbled.map((f) => f.value.toFixed(0))).toEqual(['156211123']);
    expect(garbled[0]!.flags).toContain(OCR_NAME_FUZZY);
    // printed as 收入总计, read as printed: nothing to doubt
    expect(labelled(facts, '收入总计')[0]!.flags).toEqual([]);
  }, 120_000);

  it('Latin letters, odd marks or a digit among a 总表 label\'s words are misread strokes; a coded table\'s names are left to their codes', async () => {
    const { facts } = await tableOf(PUTUO, SUMMARY, misread(['1.一般公共预算资金', 'E般公共预算砂政抵1敷收>'], ['收入总计', '收入总计A']));
    // (E般公共预算砂政抵1敷收>, under 财政拨款收入 and its sum, takes a fund's words: ocr-fund-parts.ts;
    // 收入总计A the side's word: both keep the doubt)
    const rows = facts.filter((f) => f.section === 'income' && f.item !== '一、财政拨款收入');
    expect(rows.length).toBe(2);
    for (const f of rows) expect(f.flags).toContain(OCR_NAME_FUZZY);
    const ruled = await tableOf(PUTUO, SUMMARY, misread(['1.一般公共预算资金', 'E般公共预算砂政抵1敷收>']), 'ruled');
    expect(labelled(ruled.facts, 'E般公共预算砂政抵1敷收>')[0]!.flags).toEqual([]);
  }, 60_000);
});

describe('labels of several rows run together on a two-sided 总表', () => {
  // (dev photocopy-hi-200: four income rows read as one label, the rules between them lost, with
  // one of their values)
  const RUN = '一般公共预算收入政府性基金预算收入国有资本经营预算收入';
  it('a label holding a side\'s word twice is in doubt; a text layer is left as read', async () => {
    const { facts } = await tableOf(YT, SUMMARY, misread(['一般公共预算收入', RUN]));
    const hit = labelled(facts, RUN);
    expect(hit.map((f) => f.value.toFixed(2))).toEqual(['15375.67']);
    expect(hit[0]!.flags).toContain(OCR_NAME_FUZZY);
    // the rows read one by one keep their labels, in no doubt
    expect(labelled(facts, '国有资本经营预算收入')[0]!.flags).toEqual([]);
    const ruled = await tableOf(YT, SUMMARY, misread(['一般公共预算收入', RUN]), 'ruled');
    expect(labelled(ruled.facts, RUN)[0]!.flags).toEqual([]);
  }, 60_000);
});

describe('a code with a speck read against it', () => {
  // (dev photocopy-hi-200: the 类 code 201 read `201©`, its row left without a code)
  const GUOJIA = 'guojia-xinfangju-2024-dept-final.pdf';
  it('is the code off a scan; a text layer prints what it prints', async () => {
    const { facts } = await tableOf(GUOJIA, 'income', misread(['201', '201©'], ['2014001', '°2014001']));
    expect(facts.filter((f) => f.code === '201' && f.measure === 'income_total').map((f) => f.value.toFixed(2))).toEqual(['16770.89']);
    expect(facts.filter((f) => f.code === '2014001' && f.measure === 'fiscal_appropriation').map((f) => f.value.toFixed(2))).toEqual(['5732.26']);
    expect(facts.filter((f) => /©|°/.test(f.item))).toEqual([]);
    const ruled = await tableOf(GUOJIA, 'income', misread(['201', '201©']), 'ruled');
    expect(ruled.facts.filter((f) => f.code === '201')).toEqual([]);
  }, 60_000);
});

describe('a code part with a speck read against it', () => {
  // (dev photocopy-hi-200: the 类 part 221 read `221%`, its row left without a code and labelled
  // `221%住房保障支出`; photocopy-b: a 项 part read `05°`; here 208 and 05, in the 类 | 款 | 项 columns)
  const CAIZHENGJU = 'sh-putuo-caizhengju-2024-dept-final.pdf';
  it('is the part off a scan; a text layer prints what it prints', async () => {
    const { facts } = await tableOf(CAIZHENGJU, 'income', misread(['208', '208%'], ['05', '05°']));
    expect(facts.filter((f) => f.code === '208' && f.measure === 'income_total').map((f) => f.value.toFixed(2))).toEqual(['326.72']);
    expect(facts.filter((f) => f.code === '2080505' && f.measure === 'income_total').map((f) => f.value.toFixed(2))).toEqual(['160.75']);
    expect(facts.filter((f) => /%|°/.test(f.item) || f.flags.includes(OCR_CODE_UNREAD))).toEqual([]);
    const ruled = await tableOf(CAIZHENGJU, 'income', misread(['208', '208%']), 'ruled');
    expect(ruled.facts.filter((f) => f.code === '208')).toEqual([]);
  }, 60_000);
});

describe('an amount read with marks left of its digits', () => {
  // (dev photocopy-b-200: 1,202.92 read `Sd1,202.92`, photocopy-md 60.87 read `60. 87-`: no fact at
  // all; 4,608,515 read `口608,515` lost its leading group)
  it('gives the amount right of the marks, flagged ocr_marks_stripped; a text layer prints what it prints', async () => {
    const { facts } = await tableOf(PUTUO, 'budget_income', misread(['4,608,515', '口608,515'], ['7,234,970', 'Sd7,234,970'], ['2,302,815', '2,302,815-']));
    const at = (code: string) => facts.filter((f) => f.code === code && f.measure === 'income_total');
    expect(at('20805').map((f) => [f.value.toFixed(), f.flags.includes(OCR_MARKS_STRIPPED)])).toEqual([['7234970', true]]);
    expect(at('2080506').map((f) => [f.value.toFixed(), f.flags.includes(OCR_MARKS_STRIPPED)])).toEqual([['2302815', true]]);
    // marks before a full leading group: a group lost, no amount
    expect(at('2080505')).toEqual([]);
    // the other cells as read, unflagged
    expect(facts.filter((f) => f.flags.includes(OCR_MARKS_STRIPPED)).length).toBe(4);
    const ruled = await tableOf(PUTUO, 'budget_income', misread(['7,234,970', 'Sd7,234,970']), 'ruled');
    expect(ruled.facts.filter((f) => f.code === '20805' && f.measure === 'income_total')).toEqual([]);
  }, 60_000);

  it('takes none where the marks end in a separator or hold a label, or the rest is no amount', () => {
    expect(amountAfterMarks('Sd1,202.92')).toEqual({ raw: '1,202.92', marks: 'Sd' });
    expect(amountAfterMarks('小8 515')).toEqual({ raw: '8 515', marks: '小' });
    expect(amountAfterMarks('&-0.00')).toEqual({ raw: '-0.00', marks: '&' });
    expect(amountAfterMarks('60. 87-')).toEqual({ raw: '60. 87', marks: '-' });
    expect(amountAfterMarks('60.87')).toBeUndefined();
    for (const t of ['H,000.00', '口608,515', 'L 106,000', 'x123.45', '合计1,234.00', '口5', 'x000.00', 'R20,00', 'Ab12', '一般公共', '12.5']) expect(amountAfterMarks(t)).toBeUndefined();
  });
});

describe('a coded table\'s row carried over to a page of its own', () => {
  const CODES = [0, 1, 2];
  const NAME = 3;
  /** the header rows and the table's last coded row: a page that carries one row over */
  const lastRowAlone = (rows: GridCell[][]) => {
    return [...rows.slice(0, 2), rows.find((r) => r[NAME]?.text === '离休干部医药费补助支出')!];
  };

  it('its code lost and its name misread: ocr_code_unread, its numbers as read', async () => {
    const { facts } = await tableOf(YT, 'budget_income', (rows) => {
      const piece = lastRowAlone(rows);
      for (const i of CODES) piece[2]![i]!.text = '';
      piece[2]![NAME]!.text = '离休十部医药费补助支出';
      return piece;
    });
    expect(facts.map((f) => `${f.measure}=${f.value.toFixed(2)}`).sort()).toEqual(['fiscal_appropriation=1000.00', 'income_total=1000.00', 'state_capital=1000.00']);
    for (const f of facts) expect(f.flags).toContain(OCR_CODE_UNREAD);
  }, 60_000);

  it('a text layer is left as read', async () => {
    const { facts } = await tableOf(YT, 'budget_income', (rows) => {
      const piece = lastRowAlone(rows);
      for (const i of CODES) piece[2]![i]!.text = '';
      return piece;
    }, 'ruled');
    expect(facts.length).toBe(3);
    expect(facts.flatMap((f) => f.flags)).not.toContain(OCR_CODE_UNREAD);
  }, 60_000);
});

describe('two headers read as one', () => {
  /** 政府性基金预算收入 | 国有资本经营预算收入 read as one header over one column of numbers */
  const merged = (rows: GridCell[][]) => {
    const gov = rows[1]!.findIndex((c) => c.text === '政府性基金预算收入');
    const cap = rows[1]!.findIndex((c) => c.text === '国有资本经营预算收入');
    rows[1]![gov]!.text = '政府性基金国有资本经quan';
    for (const r of rows) {
      if (r !== rows[1] && r[cap]!.text !== '') r[gov]!.text = r[cap]!.text;
      r[cap]!.text = '';
    }
    return rows;
  };

  it('the numbers under 政府性基金国有资本经quan are in doubt; the columns named once are not', async () => {
    const { facts } = await tableOf(YT, 'budget_income', merged);
    const under = facts.filter((f) => f.flags.includes(OCR_HEADER_MERGED));
    expect(under.map((f) => `${f.code || f.item} ${f.value.toFixed(2)}`)).toEqual(['合计 1000.00', '223 1000.00', '22301 1000.00', '2230108 1000.00']);
    expect(facts.filter((f) => f.measure === 'general_budget' && f.flags.includes(OCR_HEADER_MERGED))).toEqual([]);
    // a text layer prints what it prints
    const ruled = await tableOf(YT, 'budget_income', merged, 'ruled');
    expect(ruled.facts.filter((f) => f.flags.includes(OCR_HEADER_MERGED))).toEqual([]);
  }, 60_000);
});

describe('decimals lost', () => {
  it('160.7 (one of two decimals lost) in a column of x.xx is flagged', async () => {
    const { facts } = await tableOf(YT, 'budget_income', misread(['420.75', '420.7']));
    const hit = facts.filter((f) => f.code === '2101501');
    expect(hit.map((f) => f.value.toString())).toEqual(['420.7', '420.7', '420.7']);
    for (const f of hit) expect(f.flags).toContain(OCR_DECIMALS_LOST);
    expect(facts.filter((f) => f.code === '2101502').flatMap((f) => f.flags)).not.toContain(OCR_DECIMALS_LOST);
  }, 60_000);

  it('160.7% (the last digit read as %) in a column of x.xx is flagged', async () => {
    const { facts } = await tableOf(YT, 'budget_income', (rows) => {
      rows.find((r) => r[3]?.text === '行政运行')![4]!.text = '420.7%';
      return rows;
    });
    const hit = facts.filter((f) => f.code === '2101501' && f.measure === 'income_total');
    expect(hit.map((f) => `${f.value.toString()}${f.unit}`)).toEqual(['420.7%']);
    expect(hit[0]!.flags).toContain(OCR_DECIMALS_LOST);
  }, 60_000);

  it('a zero read 0.0 or 0.0% (0.01 that lost its last digit), or 0 among zeros printed 0.00, is flagged', async () => {
    // (dev photocopy-md-200: the 合计 of 其他收入, 0.01, read 0.0: the column's sum of 0.01 is within
    // its rounding, so no identity fails)
    const FS = 'fs-guidaojiaotongju-2019-dept-final.pdf';
    const { facts } = await tableOf(FS, 'income', misread(['0.01', '0.0']));
    const read = facts.filter((f) => f.measure === 'other_income' && f.value.isZero());
    // 合计, 214, 21401 and 2140101 print 0.01 in 其他收入
    const lost = read.filter((f) => f.flags.includes(OCR_DECIMALS_LOST));
    expect(lost.map((f) => f.code || f.item).sort()).toEqual(['214', '21401', '2140101', '合计']);
    expect(lost.every((f) => f.scale === 1)).toBe(true);
    // the zeros printed 0.00 are in no doubt
    expect(read.filter((f) => f.scale === 2).flatMap((f) => f.flags)).not.toContain(OCR_DECIMALS_LOST);
    // its last digit read as a % (dev photocopy-md-200 read the 合计's 0.01 `0.0%`)
    const pct = await tableOf(FS, 'income', misread(['0.01', '0.0%']));
    const read2 = pct.facts.filter((f) => f.measure === 'other_income' && f.value.isZero() && f.unit === '%');
    expect(read2.map((f) => f.code || f.item).sort()).toEqual(['214', '21401', '2140101', '合计']);
    for (const f of read2) expect(f.flags).toContain(OCR_DECIMALS_LOST);
    // one zero of a column read 0 where the others print 0.00
    const one = await tableOf(FS, 'income', (rows) => {
      const cell = rows.flat().find((c) => c.text === '0.00')!;
      cell.text = '0';
      return rows;
    });
    const bare = one.facts.filter((f) => f.value.isZero() && f.scale === 0);
    expect(bare.length).toBe(1);
    expect(bare[0]!.flags).toContain(OCR_DECIMALS_LOST);
    // a text layer prints what it prints
    const ruled = await tableOf(FS, 'income', misread(['0.01', '0.0']), 'ruled');
    expect(ruled.facts.flatMap((f) => f.flags)).not.toContain(OCR_DECIMALS_LOST);
  }, 60_000);

  it('1000 on the page carrying a table\'s last rows: told by the column over both pages', async () => {
    const FIRST = 2; // header rows
    const split = (rows: GridCell[][]) => rows.findIndex((r) => r[0]?.text === '223');
    const first = await tableOf(YT, 'budget_income', (rows) => rows.slice(0, split(rows)), 'ocr', 't001');
    const second = await tableOf(YT, 'budget_income', (rows) => {
      const piece = [...rows.slice(0, FIRST), ...rows.slice(split(rows))];
      // the 项 row's total read without its point
      const row = piece.find((r) => r[3]?.text === '离休干部医药费补助支出')!;
      row[4]!.text = '1000';
      return piece;
    }, 'ocr', 't002');
    const lost = (facts: Fact[]) => facts.filter((f) => f.flags.includes(OCR_DECIMALS_LOST)).map((f) => `${f.code} ${f.measure} ${f.value.toString()}`);
    // the page alone: three numbers in the column, two with decimals: not enough to tell
    expect(lost(second.facts)).toEqual([]);
    flagLostDecimalsAcrossPages([first.table, second.table], [...first.facts, ...second.facts]);
    expect(lost(second.facts)).toEqual(['2230108 income_total 1000']);
    expect(lost(first.facts)).toEqual([]);
  }, 60_000);
});
