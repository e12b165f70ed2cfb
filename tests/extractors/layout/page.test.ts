// Page-level layout: several tables on a page, titles inside a table frame, rotated pages, cell text.
import { describe, expect, it } from 'vitest';
import { grids, pageBlocks, rowStarting } from '../pdf/corpus.js';

describe('page layout', () => {
  it('js-gaoyuan p13: four tables on one page, their titles and units as lines between them', async () => {
    const blocks = await pageBlocks('js-gaoyuan-2017-dept-budget.pdf', 13);
    expect(blocks.map((b) => b.kind)).toEqual(['grid', 'line', 'line', 'grid', 'line', 'line', 'grid', 'line', 'line', 'grid']);
    const lines = blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : []));
    expect(lines[0]).toMatch(/^三、201 ?7年度江苏省高级人民法院部门支出预算总表$/);
    expect(lines[1]).toBe('单位：万元');
    const gs = grids(blocks);
    expect(gs[1]!.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['合计', '基本支出', '项目支出', '单位预留机动经费', '结转下年资金'],
      ['28,849.38', '17,123.19', '11,543.27', '182.92', ''],
    ]);
    expect(rowStarting(gs[2]!, '收入合计')).toEqual(['收入合计', '28,849.38', '支出合计', '28,849.38']);
    expect(rowStarting(gs[3]!, '2040501')).toEqual(['2040501', '行政运行', '11,786.92']);
    // the continuation grid at the top keeps its empty amount column, so it lines up with p12's
    expect(gs[0]!.rows[0]!.length).toBe(3);
  });

  it('cc-xinfangju p10: title and unit printed inside the table frame become lines', async () => {
    const blocks = await pageBlocks('cc-xinfangju-2026-dept-budget.pdf', 10);
    const lines = blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : []));
    expect(lines.slice(0, 3)).toEqual(['本年一般公共预算支出表（预算表5）', '预算单位：长春市信访局', '单位：万元']);
    const [g] = grids(blocks);
    expect(g!.rows[0]![0]).toMatchObject({ text: '科目编码', rowSpan: 3 });
    expect(g!.rows[1]![0]!.mergedFrom).toEqual([0, 0]);
    // a number wrapped in its narrow cell (1682.7 / 6) is one number again
    const total = g!.rows.find((r) => r[0]?.text === '总计：')!;
    expect(total.map((c) => c.text).slice(2, 8)).toEqual(['1682.76', '1682.76', '1208.20', '997.20', '211.00', '474.56']);
  });

  it('js-rendachangweihui-2019 p2: a rotated page reads upright, label and value kept on one line', async () => {
    const blocks = await pageBlocks('js-rendachangweihui-2019-dept-budget-tables.pdf', 2);
    const lines = blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : []));
    expect(lines).toEqual(['收入预算总表', '公开表二', '部门： 江苏省人大常委会办公厅', '单位：万元']);
    const [g] = grids(blocks);
    expect(rowStarting(g!, '收入总计')).toEqual(['收入总计', '', '18,330.37']);
    expect(g!.rows[2]![0]).toMatchObject({ text: '一般公共预算资金', rowSpan: 3 });
  });

  it('nd-zhengfubangongshi: a performance form keeps merged label cells and wrapped text', async () => {
    const [g] = grids(await pageBlocks('nd-zhengfubangongshi-2024-dept-selfeval.pdf', 1));
    const cell = (r: number, c: number): string => g!.rows[r]![c]!.text;
    expect(g!.rows.some((r) => r[0]?.text === '绩效指标' && (r[0]?.rowSpan ?? 1) > 10)).toBe(true);
    const row = g!.rows.find((r) => r.some((c) => c.text === '基本经费投入成本'))!;
    expect(row.map((c) => c.text).filter((t) => t)).toEqual([
      '成本指标',
      '经济成本指标',
      '基本经费投入成本',
      '≤3843.67万元',
      '4262.96',
      '4',
      '0',
      '年中追加预算经费，实际支出超过年初预算安排。',
    ]);
    expect(cell(g!.rows.length - 1, 0)).toBe('评价等级');
  });

  it('xa-yibaoju p42: an empty table printed with its header only is still a grid', async () => {
    const [g] = grids(await pageBlocks('xa-yibaoju-2022-dept-budget.pdf', 42));
    // the header and the three empty ruled rows under it
    expect(g!.rows).toHaveLength(4);
    expect(g!.rows.slice(1).every((r) => r.every((c) => c.text === ''))).toBe(true);
    expect(g!.rows[0]!.map((c) => c.text).slice(0, 5)).toEqual(['预算单位代码', '预算单位名称', '预算项目名称', '金额', '功能分类科目代码']);
  });
});
