// A table title printed over two or three lines (its first lines not ending in 表, its last ending
// in 表 or 表（…）) is one title: the lines join. A line that ends a title itself, a table number, a
// unit or 部门 line, a numbered section heading or a line set unlike the title does not join; and a
// continuation page that prints the wrapped title again continues the table.
import { describe, expect, it } from 'vitest';
import { locateTables } from '../../normalizers/tables/locate.js';
import { processDocument } from '../../pipeline/process-document.js';
import type { Block, RawGrid } from '../../model/types.js';
import { fixture, fixtureBytes } from '../fixture.js';

const cells = (...t: string[]) => t.map((text) => ({ text }));

function grid(page: number, rows: string[][]): Block {
  const g: RawGrid = { method: 'ruled', page_first: page, page_last: page, rows: rows.map((r) => cells(...r)) };
  return { kind: 'grid', grid: g, page };
}

const line = (text: string, page: number, heading = false): Block => (heading ? { kind: 'line', text, page, heading } : { kind: 'line', text, page });

const HEAD = [['序号', '科目编码', '采购项目', '预算金额'], ['1', '2140102', '办公设备', '12.00']];
const MORE = [['序号', '科目编码', '采购项目', '预算金额'], ['2', '2140106', '空调', '3.00']];

/** a page as xa-交通运输局 prints its 表12: number, title over two heading lines, 预算单位, unit */
function page(p: number, titleLines: string[], rows = HEAD, heading = true): Block[] {
  return [line('表12', p), ...titleLines.map((t) => line(t, p, heading)), line('预算单位：西安市交通运输局', p), line('金额单位：万元', p), grid(p, rows)];
}

describe('a title printed over several lines', () => {
  it('joins a first line without 表 to the line that ends the title (表（…）)', () => {
    const cands = locateTables(page(66, ['2022年部门综合预算政府采购（资产配置、购买服务）', '预算表（不含上年结转）']));
    expect(cands.map((c) => c.title)).toEqual(['2022年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）']);
    expect(cands[0]!.table_no).toBe('表12');
    expect(cands[0]!.unit).toBe('万元');
  });

  it('joins a line broken inside the bracket (…分类科 / 目-不含上年结转）)', () => {
    const cands = locateTables(page(24, ['2021年部门综合预算一般公共预算支出明细表（按支出功能分类科', '目-不含上年结转）']));
    expect(cands[0]!.title).toBe('2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）');
  });

  it('joins three lines', () => {
    const cands = locateTables(page(5, ['2022年部门综合预算一般公共预算拨款', '“三公”经费、会议费、培训费', '表（不含上年结转）']));
    expect(cands[0]!.title).toBe('2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）');
  });

  it('a line that ends in 表 is a title of its own: the line under it does not join it', () => {
    // a performance form's title and its year line
    const cands = locateTables([line('西安市级城市公立医院（卫生健康事业发展专项资金）项目绩效自评表', 100, true), line('（2022年度）', 100, true), grid(100, [['项目名称', 'x'], ['主管部门', 'y']])]);
    expect(cands[0]!.title).toBe('西安市级城市公立医院（卫生健康事业发展专项资金）项目绩效自评表');
    // two titles stacked: the report's and the table's
    const two = locateTables([line('2022年部门综合预算公开报表', 3, true), line('部门收支总表', 3, true), grid(3, HEAD)]);
    expect(two[0]!.title).toBe('部门收支总表');
  });

  it('a table number (表七), a unit or 部门 line, a numbered heading or a body line does not join', () => {
    const t = (lines: Block[]) => locateTables([...lines, grid(9, HEAD)])[0]!.title;
    expect(t([line('表七', 9, true), line('2026年政府性基金预算支出情况表', 9, true)])).toBe('2026年政府性基金预算支出情况表');
    expect(t([line('部门：西安市商务局', 9, true), line('2022年部门收支总表', 9, true)])).toBe('2022年部门收支总表');
    expect(t([line('（二）收支预算总体情况', 9, true), line('2022年部门收支总表', 9, true)])).toBe('2022年部门收支总表');
    expect(t([line('本部门2022年收支预算如下', 9), line('2022年部门收支总表', 9, true)])).toBe('2022年部门收支总表');
    expect(t([line('附件2', 9, true), line('中央对地方专项转移支付区域绩效目标表', 9, true)])).toBe('中央对地方专项转移支付区域绩效目标表');
    // a year line in brackets between a section heading and the title
    expect(t([line('(2026年度)', 9, true), line('政策和项目预算绩效目标表', 9, true)])).toBe('政策和项目预算绩效目标表');
    // a lead-in sentence, and body lines above a title that is whole on its line
    expect(t([line('具体资金情况如下表：', 9), line('项目支出情况表', 9)])).toBe('项目支出情况表');
    expect(t([line('升级改造项目', 9), line('信息系统项目支出绩效目标表', 9)])).toBe('信息系统项目支出绩效目标表');
  });

  it('a last line that is no title alone (表, …科目-不含上年结转）) joins the lines above it in any font', () => {
    const t = (lines: Block[]) => locateTables([...lines, grid(9, HEAD)])[0]!.title;
    expect(t([line('“三公”经费、会议费、培训费支出预算', 9), line('表', 9)])).toBe('“三公”经费、会议费、培训费支出预算表');
  });

  it('a continuation page printing the wrapped title again continues the table; another wrapped title does not', () => {
    const T = ['2022年部门综合预算政府采购（资产配置、购买服务）', '预算表（不含上年结转）'];
    const same = locateTables([...page(66, T), ...page(67, T, MORE)]);
    expect(same.map((c) => [c.page, c.grid.page_last])).toEqual([[66, 67]]);
    expect(same[0]!.grid.rows.map((r) => r[0]!.text)).toEqual(['序号', '1', '2']);
    const other = locateTables([...page(66, T), ...page(67, ['2022年部门综合预算政府采购（资产配置、购买服务）', '汇总表（不含上年结转）'], MORE)]);
    expect(other.map((c) => c.title)).toEqual(['2022年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）', '2022年部门综合预算政府采购（资产配置、购买服务）汇总表（不含上年结转）']);
  });
});

describe('real pages: xa-交通运输局 2022 部门综合预算 表12 (pp. 66–67) and 表13 (p. 78), titles over two lines', () => {
  // cut from corpus-budgets (see tests/fixtures/README.md): pp. 66, 67, 78 → pp. 1, 2, 3
  const NAME = 'xa-交通运输局-2022-dept-budget.p66-67+78.pdf';

  it('reads each title whole, so the tables get their kinds; 表12 stays one table over its two pages', async () => {
    const doc = await processDocument(fixture('pdf', NAME), fixtureBytes('pdf', NAME));
    expect(doc.tables.map((t) => [t.page_first, t.page_last, t.title, t.table_kind])).toEqual([
      [1, 2, '2022年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）', 'budget_procurement'],
      [3, 3, '2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）', 'budget_three_public'],
    ]);
  });
});
