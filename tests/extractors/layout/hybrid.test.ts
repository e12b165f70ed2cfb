// Ruled columns, unruled rows: real pages with the horizontal rules of their body taken away (as in
// tables that rule only their columns). The ruled strategy must split the body band by the text.
import { describe, expect, it } from 'vitest';
import type { PageContent } from '../../../model/types.js';
import { layoutPage } from '../../../extractors/layout/index.js';
import { grids, pageContent, rowStarting } from '../pdf/corpus.js';

async function withoutBodyRows(name: string, page: number, y0: number, y1: number): Promise<PageContent> {
  const pc = await pageContent(name, page);
  return { ...pc, rulings: pc.rulings.filter((r) => !(r.y0 === r.y1 && r.y0 > y0 && r.y0 < y1)) };
}

describe('column-ruled tables', () => {
  it('guojia-xinfangju p8: every body row comes back with its numbers', async () => {
    const [g] = grids(layoutPage(await withoutBodyRows('guojia-xinfangju-2024-dept-final.pdf', 8, 170, 500)));
    expect(g!.method).toBe('ruled');
    expect(g!.notes?.[0]).toMatch(/rows split by text/);
    expect(g!.rows).toHaveLength(28);
    expect(rowStarting(g!, '2014003')).toEqual(['2014003', '机关服务', '839.13', '229.19', '', '', '', '', '609.94']);
    expect(rowStarting(g!, '2014002')).toEqual(['2014002', '一般行政管理事务', '33.00', '33.00', '', '', '', '', '']);
    expect(g!.rows[0]![2]).toMatchObject({ text: '本年收入合计', rowSpan: 2 });
  });

  it('sh-putuo p10: split columns on the name line stay with the code line', async () => {
    const [g] = grids(layoutPage(await withoutBodyRows('sh-putuo-caizhengju-2024-dept-final.pdf', 10, 240, 600)));
    expect(rowStarting(g!, '201', '06', '01')!.slice(3, 7)).toEqual(['行政运行', '1,511.89', '1,503.52', '8.37']);
    expect(rowStarting(g!, '208', '05', '05')!.slice(3, 6)).toEqual(['机关事业单位基本养老保险缴费支出', '160.75', '160.75']);
    const total = g!.rows.find((r) => r[3]?.text === '合计')!;
    expect(total.map((c) => c.text).slice(0, 7)).toEqual(['类', '款', '项', '合计', '2,940.05', '2,336.91', '603.14']);
  });

  it('sh-putuo p16 06表: side-by-side blocks, names above their numbers, codes on two baselines', async () => {
    const [g] = grids(layoutPage(await withoutBodyRows('sh-putuo-caizhengju-2024-dept-final.pdf', 16, 220, 900)));
    expect(rowStarting(g!, '301', '01')).toEqual(['301', '01', '基本工资', '262.33', '302', '01', '办公费', '21.21']);
    expect(rowStarting(g!, '301', '03')).toEqual(['301', '03', '奖金', '', '302', '03', '咨询费', '']);
    expect(rowStarting(g!, '301', '08')).toEqual(['301', '08', '机关事业单位基本养老保险缴费', '160.75', '302', '06', '电费', '']);
  });
});
