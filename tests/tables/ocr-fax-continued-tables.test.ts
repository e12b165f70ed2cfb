// Two tables continued over 1-bit scanned pages, as OCR read them (烟台市医疗保障局 2026 预算 pp.
// 8–10 收入总体情况表 and pp. 15–16 一般公共预算支出情况表, the dev fax-200 condition of the OCR grid
// bench: tests/fixtures/scans/yt-yibaoju-fax-200-p08-p16-ocr-blocks.json holds the text lines and
// grids the OCR stage handed on, cells' text only). A thin typeface at a 1-bit threshold: OCR read
// the header words differently on every page (科目编仨 / 兴 | 欺 | 颅 for 科目编码 / 类 | 款 | 项 on p.
// 15, 类 | 款 | 项 on p. 16; the 合计 over the total column lost on p. 15; 般公共颈弥 and IN解绢 for
// 一般公共预算收入 and 国有资本经营预算收入), many digits (4 read 1) and some code parts (1 for 11,
// fad] for 221). What these tests hold:
//   - the header rows a continuation page prints again are dropped when their words were misread
//     too far to be matched, told by where their words stand (locate.ts sameHeaderLayout);
//   - a code column whose 类 / 款 / 项 word was misread takes the word a repeated header reads there
//     (understand.ts betterHeaderReadings), so its codes are read;
//   - a measure's misread header takes the repeated reading nearest to the kind's words, and
//     columns still unnamed are named by the sums their parts make (ocr-parts.ts), flagged;
//   - a 款 or 类 part misread is told by the names of the rows under it together (ocr-code-groups.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locateTables } from '../../normalizers/tables/locate.js';
import { understandTable } from '../../normalizers/tables/understand.js';
import { classifyTable } from '../../normalizers/tables/classify.js';
import { factsOfTable, OCR_CODE_REPAIRED, OCR_MEASURE_INFERRED } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { Block } from '../../model/types.js';
import { fixture } from '../fixture.js';
import { repairSplitAmounts } from '../../extractors/ocr/split-amounts.js';

const blocks = JSON.parse(readFileSync(fixture('scans/yt-yibaoju-fax-200-p08-p16-ocr-blocks.json'), 'utf8')) as Block[];
const tax = loadTaxonomy();

function read(from: Block[] = blocks) {
  const cands = locateTables(from);
  return cands.map((cand, i) => {
    const { kind } = classifyTable(cand, 'budget');
    const t = understandTable(cand, kind, `t00${i + 2}`, { fiscalYear: '2026' });
    return { cand, t, facts: factsOfTable(t, { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax }) };
  });
}

const tables = read();
const byKind = (kind: string) => tables.find((x) => x.t.table_kind === kind)!;
const LEVEL_WORDS = /^(类|款|项|兴|欺|颅|粑|散|颂)$/;

describe('a table continued on a 1-bit scanned page', () => {
  it('is one table per title, its repeated header rows dropped however OCR misread them', () => {
    expect(tables.map((x) => [x.t.table_kind, x.t.page_first, x.t.page_last])).toEqual([
      ['budget_income', 3, 5],
      ['budget_general_expenditure', 6, 7],
    ]);
    for (const { cand } of tables) {
      // no data row holds the level words or the 科目编码 word again
      const data = cand.grid.rows.slice(2);
      expect(data.filter((r) => r.some((c) => LEVEL_WORDS.test(c.text) || /^科[目日]编/.test(c.text)))).toEqual([]);
      expect(cand.grid.repeatedHeaders?.length).toBeGreaterThan(0);
    }
  });

  it('reads the codes of columns whose 类 / 款 / 项 words OCR misread on the first page', () => {
    const { t } = byKind('budget_general_expenditure');
    expect(t.columns.slice(0, 3).map((c) => c.role)).toEqual(['code_part', 'code_part', 'code_part']);
    const codes = t.rows.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['205', '20508', '2050803', '208', '210', '21011', '2101102', '21013', '2101301']));
  });

  it('names the columns whose headers OCR misread by their repeated readings and their sums, flagged', () => {
    const spend = byKind('budget_general_expenditure');
    expect(spend.t.columns.filter((c) => c.role === 'measure').map((c) => c.measure)).toEqual(['total', 'basic', 'personnel', 'public', 'project']);
    const income = byKind('budget_income');
    const m = income.t.columns.filter((c) => c.role === 'measure').slice(0, 5).map((c) => c.measure);
    expect(m).toEqual(['income_total', 'fiscal_appropriation', 'general_budget', 'government_fund', 'state_capital']);
    const inferred = (kind: string, measure: string) => byKind(kind).facts.filter((f) => f.measure === measure);
    for (const [kind, measure] of [['budget_income', 'general_budget'], ['budget_income', 'state_capital'], ['budget_general_expenditure', 'personnel'], ['budget_general_expenditure', 'project']] as const) {
      const fs = inferred(kind, measure);
      expect(fs.length).toBeGreaterThan(0);
      expect(fs.every((f) => f.flags.includes(OCR_MEASURE_INFERRED))).toBe(true);
    }
    // the values as read stay with their rows: 2101202's 8,000.00 is 一般公共预算 income
    expect(income.facts.find((f) => f.code === '2101202' && f.measure === 'income_total')?.value.toString()).toBe('8000');
    expect(inferred('budget_income', 'state_capital').map((f) => f.value.toString())).toContain('1000');
  });

  it('names them so too when more cells read as numbers and a sum misses by one misread digit', () => {
    // the cells as the OCR stage's amount repair leaves them (201,12 → 201.12, 9.22E → 9.22): the
    // rows they are on now count, and some miss their sum by one digit a 1-bit scan misread
    // (合计 201.12 over 人员支出 200.12), which says nothing of the columns' layout
    const repaired = structuredClone(blocks);
    const notes = repaired.flatMap((b) => (b.kind === 'grid' ? repairSplitAmounts(b.grid) : []));
    expect(notes.some((n) => n.includes('"201,12" read as 201.12'))).toBe(true);
    const spend = read(repaired).find((x) => x.t.table_kind === 'budget_general_expenditure')!;
    expect(spend.t.columns.filter((c) => c.role === 'measure').map((c) => c.measure)).toEqual(['total', 'basic', 'personnel', 'public', 'project']);
    const row = spend.facts.filter((f) => f.item.startsWith('(枝关事东单'));
    expect(row.map((f) => [f.measure, f.value.toString()])).toEqual(expect.arrayContaining([['personnel', '200.12']]));
  });

  it('tells a 款 read with a digit lost, and a 类 read as junk, by the names of the rows under them', () => {
    const { facts } = byKind('budget_income');
    const codeOf = (item: string) => facts.find((f) => f.item === item)?.code;
    // 款 11 read `1`: 21001 for 行政事业单位医疗 and its 项 rows
    expect(codeOf('艺政事业单伯匹疙')).toBe('21011');
    expect(codeOf('行政单俘医疗')).toBe('2101101');
    expect(codeOf('其他行政农业单位疗爻')).toBe('2101199');
    // 类 221 read `2`: the 款 and 项 rows under it had carried the 类 above (21002 | 2100201)
    expect(codeOf('作所收荣支出')).toBe('22102');
    expect(codeOf('佐房公积金')).toBe('2210201');
    for (const item of ['艺政事业单伯匹疙', '作所收荣支出', '佐房公积金']) {
      expect(facts.filter((f) => f.item === item).every((f) => f.flags.includes(OCR_CODE_REPAIRED) && f.code_source === 'resolved')).toBe(true);
    }
    // codes whose names the rows print are left alone (21013 医疗救助, 21015 read with its 项 30 for 50)
    expect(codeOf('医打救助')).toBe('21013');
    expect(codeOf('伟疫保除铃玑事务')).toBe('21015');
  });
});
