import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Block, RawGrid } from '../../../model/types.js';
import { extractWorkbook } from '../../../extractors/xlsx/index.js';
import { readWorkbook } from '../../../extractors/xlsx/workbook.js';
import { cellText, plainNumber } from '../../../extractors/xlsx/cell-text.js';
import { detectFormat } from '../../../pipeline/detect.js';
import { ingest } from '../../../index.js';
import { scoreFacts } from '../html/score.js';
import { fixture, fixtureBytes } from '../../fixture.js';

// the official templates are whole copies of the corpus files (tests/fixtures/from-shared.json)
const corpus = (f: string) => fixtureBytes('xlsx', f);
const fxPath = (f: string) => fixture('xlsx', f);
const texts = (g: RawGrid) => g.rows.map((r) => r.map((c) => c.text));

/** sheet name → { lines, grids } */
function bySheet(blocks: Block[]): Map<string, { lines: string[]; grids: RawGrid[] }> {
  const out = new Map<string, { lines: string[]; grids: RawGrid[] }>();
  let cur = { lines: [] as string[], grids: [] as RawGrid[] };
  for (const b of blocks) {
    if (b.kind === 'line' && b.heading) out.set(b.text, (cur = { lines: [], grids: [] }));
    else if (b.kind === 'line') cur.lines.push(b.text);
    else cur.grids.push(b.grid);
  }
  return out;
}

describe('cell text as printed', () => {
  it('formatted text where the format prints decimals or thousands, else a plain decimal', () => {
    expect(cellText({ t: 'n', v: 1234.5, z: '#,##0.00', w: '1,234.50' })).toBe('1,234.50');
    expect(cellText({ t: 'n', v: 0.1 + 0.2, z: 'General', w: '0.3' })).toBe('0.3');
    expect(cellText({ t: 'n', v: 7942.089999999999, z: 'General' })).toBe('7942.09');
    expect(cellText({ t: 'n', v: 2101501, z: 'General', w: '2101501' })).toBe('2101501');
    expect(cellText({ t: 'n', v: 1234, z: '#,##0_ ', w: '1,234 ' })).toBe('1,234');
    expect(cellText({ t: 'n', v: 0.125, z: '0.0%', w: '12.5%' })).toBe('12.5%');
    expect(cellText({ t: 's', v: '事业单位\r\n经营收入' })).toBe('事业单位\n经营收入');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
  });
});

describe('official blank templates (上海市普陀区 2026)', () => {
  for (const [file, fmt, prefix, unit, nSheets] of [
    ['sh-putuo-2026-dept-budget-TEMPLATE.xlsx', 'xlsx', '部门', '编制部门：', 17],
    ['sh-putuo-2026-unit-budget-TEMPLATE.xls', 'xls', '单位', '编制单位：', 16],
  ] as const) {
    it(`${file}: every sheet, titles and header structure`, () => {
      const bytes = corpus(file);
      expect(detectFormat(bytes)).toBe(fmt);
      const r = extractWorkbook(bytes);
      const sheets = bySheet(r.blocks);
      expect(sheets.size).toBe(nSheets);
      expect([...sheets.keys()].slice(0, 2)).toEqual(['封面', '目录']);
      const total = sheets.get(`${prefix}收支总表`)!;
      expect(total.lines).toContain(unit);
      expect(total.lines).toContain('单位：元');
      expect(total.lines.some((l) => /2026年.*财务收支预算总表/.test(l))).toBe(true);
      const g = total.grids[0]!;
      expect(g.method).toBe('xlsx');
      expect(texts(g)[0]!.slice(0, 3)).toEqual(['本年收入', '', '本年支出']);
      expect(g.rows[0]![0]).toMatchObject({ text: '本年收入', colSpan: 2 });
      expect(g.rows[0]![1]).toEqual({ text: '', mergedFrom: [0, 0] });
      expect(texts(g)[1]!.slice(0, 4)).toEqual(['项目', '预算数', '项目', '预算数']);
      // 收入总表: 项目 over 编码(类/款/项) + 名称, 收入预算 over the measures, codes as numbers
      const income = sheets.get(`${prefix}收入总表`)!.grids[0]!;
      expect(texts(income).slice(0, 4)).toEqual([
        ['项目', '', '', '', '收入预算', '', '', '', ''],
        ['功能分类科目编码', '', '', '功能分类科目名称', '合计', '财政拨款收入', '事业收入', '事业单位\n经营收入', '其他收入'],
        ['类', '款', '项', '', '', '', '', '', ''],
        ['205', '', '', '教育支出', '', '', '', '', ''],
      ]);
      expect(income.rows[1]![3]).toMatchObject({ rowSpan: 2 });
      expect(income.rows[2]![3]).toEqual({ text: '', mergedFrom: [1, 3] });
      // prose sheets are lines (名词解释 feeds definitions)
      expect(sheets.get('名词解释')!.grids).toHaveLength(0);
      expect(sheets.get('名词解释')!.lines.some((l) => l.includes('财政拨款收入'))).toBe(true);
    });
  }
  it('both templates through the pipeline: nine budget tables each, classified', async () => {
    const r = await ingest([fxPath('sh-putuo-2026-dept-budget-TEMPLATE.xlsx'), fxPath('sh-putuo-2026-unit-budget-TEMPLATE.xls')]);
    expect(r.documents.map((d) => [d.format, d.status])).toEqual([['xlsx', 'ok'], ['xls', 'ok']]);
    const kinds = ['budget_income_expenditure_summary', 'budget_income', 'budget_expenditure', 'budget_fiscal_appropriation_summary', 'budget_general_expenditure', 'budget_government_fund', 'budget_state_capital', 'budget_general_basic_expenditure', 'budget_three_public'];
    for (const d of r.documents) expect(r.tables.filter((t) => t.doc_id === d.doc_id).map((t) => t.table_kind)).toEqual(kinds);
  });
});

describe('workbook fixture (real 公开02/05表 numbers)', () => {
  const file = fxPath('zz-yibao-2022-final.xlsx');
  it('stores float sums and number formats the way Excel does, and prints them as the table shows', () => {
    const sheets = readWorkbook(new Uint8Array(readFileSync(file)));
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([['封面', false], ['公开02表', false], ['公开05表', false], ['辅助', true]]);
    // the 208 row is a =SUM() of its 款 rows: Excel stores the binary float sum 558.1600000000001
    const row208 = sheets[1]!.cells.find((r) => r[0]?.v === 208)!;
    expect(row208[2]).toMatchObject({ t: 'n', v: 558.1600000000001, z: 'General' });
    const g = extractWorkbook(new Uint8Array(readFileSync(file))).blocks.filter((b) => b.kind === 'grid')[0]!;
    if (g.kind !== 'grid') throw new Error('no grid');
    const t = texts(g.grid);
    expect(t[0]).toEqual(['项目', '', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']);
    expect(g.grid.rows[0]![2]).toMatchObject({ rowSpan: 2 });
    expect(t[2]).toEqual(['合计', '', '7942.09', '7820.09', '0', '0', '0', '0', '122']);
    expect(t.find((r) => r[0] === '208')!.slice(0, 4)).toEqual(['208', '社会保障和就业支出', '558.16', '558.16']);
    expect(t.find((r) => r[0] === '2012999')!.slice(0, 3)).toEqual(['2012999', '其他群众团体事务支出', '2.08']);
  });
  it('through the pipeline: tables classified, hidden sheet and column left out, fact F1 = 1', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fx-xlsx-'));
    try {
      const r = await ingest([file], { out });
      expect(r.documents[0]).toMatchObject({ format: 'xlsx', status: 'ok', fiscal_year: '2022' });
      expect(r.tables.map((t) => `${t.table_kind}:${t.table_no}:${t.unit}:${t.n_cols}`)).toEqual(['income:公开02表:万元:9', 'general_budget_expenditure:公开05表:万元:5']);
      const { f1, report } = scoreFacts(out, fxPath('zz-yibao-2022-final.expected.csv'));
      expect(f1, report).toBe(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
