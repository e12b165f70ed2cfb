// The unruled strategy on real pages with their rulings taken away: the same text must still come
// out in the right rows and columns (this is also what the OCR path will feed the layout stage).
import { describe, expect, it } from 'vitest';
import type { PageContent } from '../../../model/types.js';
import { layoutPage } from '../../../extractors/layout/index.js';
import { grids, pageContent, rowStarting } from '../pdf/corpus.js';

async function withoutRules(name: string, page: number): Promise<PageContent> {
  return { ...(await pageContent(name, page)), rulings: [] };
}

describe('unruled tables', () => {
  it('guojia-xinfangju p8 without rules: codes, names and all seven columns line up', async () => {
    const [g] = grids(layoutPage(await withoutRules('guojia-xinfangju-2024-dept-final.pdf', 8)));
    expect(g!.method).toBe('unruled');
    const row = (code: string): string[] | undefined => rowStarting(g!, code);
    // 科目代码 | 科目名称 | 本年收入合计 | 财政拨款收入 | 上级补助 | 事业 | 经营 | 附属单位上缴 | 其他收入
    expect(row('2014003')).toEqual(['2014003', '机关服务', '839.13', '229.19', '', '', '', '', '609.94']);
    expect(row('2014002')).toEqual(['2014002', '一般行政管理事务', '33.00', '33.00', '', '', '', '', '']);
    expect(row('201')).toEqual(['201', '一般公共服务支出', '16,770.89', '15,892.45', '', '', '', '', '878.44']);
    expect(row('2080505')!.slice(0, 3)).toEqual(['2080505', '机关事业单位基本养老保险缴费支出', '414.34']);
  });

  it('sh-putuo p10 without rules: numbers printed on the name line above join the code line', async () => {
    const [g] = grids(layoutPage(await withoutRules('sh-putuo-caizhengju-2024-dept-final.pdf', 10)));
    expect(g!.method).toBe('unruled');
    expect(rowStarting(g!, '201', '06', '01')!.slice(3, 7)).toEqual(['行政运行', '1,511.89', '1,503.52', '8.37']);
    expect(rowStarting(g!, '201', '', '')!.slice(3, 7)).toEqual(['一般公共服务支出', '2,106.66', '1,503.52', '603.14']);
    const total = g!.rows.find((r) => r[3]?.text === '合计')!;
    expect(total.map((c) => c.text).slice(4, 7)).toEqual(['2,940.05', '2,336.91', '603.14']);
  });

  it('sh-putuo p10 without rules: a wrapped name is joined and keeps its numbers', async () => {
    const [g] = grids(layoutPage(await withoutRules('sh-putuo-caizhengju-2024-dept-final.pdf', 10)));
    expect(rowStarting(g!, '208', '05', '05')!.slice(3, 6)).toEqual(['机关事业单位基本养老保险缴费支出', '160.75', '160.75']);
    expect(rowStarting(g!, '208', '05', '06')!.slice(3, 6)).toEqual(['机关事业单位职业年金缴费支出', '80.38', '80.38']);
  });

  it('sh-putuo p16 without rules: side-by-side blocks, code-only rows set on two baselines', async () => {
    const [g] = grids(layoutPage(await withoutRules('sh-putuo-caizhengju-2024-dept-final.pdf', 16)));
    expect(rowStarting(g!, '301', '02')).toEqual(['301', '02', '津贴补贴', '1,238.58', '302', '02', '印刷费', '7.61']);
    expect(rowStarting(g!, '301', '03')).toEqual(['301', '03', '奖金', '', '302', '03', '咨询费', '']);
    expect(rowStarting(g!, '301', '12')).toEqual(['301', '12', '其他社会保障缴费', '1.61', '302', '11', '差旅费', '1.20']);
  });

  it('does not take justified prose for a table', async () => {
    const blocks = layoutPage(await pageContent('js-jianchayuan-2017-dept-budget.pdf', 19));
    expect(grids(blocks)).toHaveLength(0);
    expect(blocks.some((b) => b.kind === 'line' && b.text.includes('省检察院本年收入预算合计17996.68万元'))).toBe(true);
  });
});
