// The ruled strategy on real corpus pages; expected cells read off `pdftotext -layout` and the
// rendered pages.
import { describe, expect, it } from 'vitest';
import { extractPdfPages } from '../../../extractors/pdf/extract.js';
import { layoutPage } from '../../../extractors/layout/index.js';
import { corpusBytes, cutPdf, grids, pageBlocks, rowStarting, texts } from '../pdf/corpus.js';

const PUTUO = 'sh-putuo-caizhengju-2024-dept-final.pdf';

describe('ruled tables', () => {
  it('sh-putuo p8 收入决算表: 类/款/项 in three columns, numbers in their columns', async () => {
    const blocks = await pageBlocks(PUTUO, 8);
    const lines = blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : []));
    expect(lines).toEqual(['收入决算表', '单位：万元']);
    const [g] = grids(blocks);
    expect(g!.method).toBe('ruled');
    // 类 款 项 | 科目名称 | 本年收入合计 | 财政拨款收入 | 上级补助收入 | 事业收入 | 经营收入 | 附属单位上缴收入 | 其他收入
    expect(rowStarting(g!, '201', '06', '01')).toEqual(['201', '06', '01', '行政运行', '1,511.90', '1,511.89', '', '', '', '', '0.01']);
    expect(rowStarting(g!, '201', '06', '02')).toEqual(['201', '06', '02', '一般行政管理事务', '16.19', '10.00', '', '', '', '', '6.19']);
    expect(rowStarting(g!, '201', '', '')).toEqual(['201', '', '', '一般公共服务支出', '2,112.86', '2,106.66', '', '', '', '', '6.20']);
    expect(rowStarting(g!, '208', '05', '99')![3]).toBe('其他行政事业单位养老支出');
    // every row has the same width
    expect(new Set(g!.rows.map((r) => r.length))).toEqual(new Set([11]));
  });

  it('joins a wrapped name inside its cell without spaces', async () => {
    const [g] = grids(await pageBlocks(PUTUO, 8));
    expect(rowStarting(g!, '208', '05', '05')).toEqual(['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', '', '', '', '', '']);
    expect(rowStarting(g!, '208', '05', '06')![3]).toBe('机关事业单位职业年金缴费支出');
  });

  it('keeps multi-level headers as rows with spans', async () => {
    const [g] = grids(await pageBlocks(PUTUO, 8));
    const top = g!.rows[0]!;
    expect(top[0]).toMatchObject({ text: '项目', colSpan: 4 });
    expect(top[1]!.mergedFrom).toEqual([0, 0]);
    expect(top[4]).toMatchObject({ text: '本年收入合计', rowSpan: 3 });
    expect(top[9]!.text).toBe('附属单位上缴收入');
    expect(g!.rows[1]![0]).toMatchObject({ text: '支出功能分类', colSpan: 3 });
    expect(g!.rows[2]![0]).toMatchObject({ text: '科目编码', colSpan: 3 });
    expect(texts(g!.rows[3]!).slice(0, 3)).toEqual(['类', '款', '项']);
    expect(g!.rows[1]![3]!.text).toBe('科目名称');
  });

  it('sh-putuo p10 支出决算表: 基本支出 / 项目支出 printed on the name line stay in the row', async () => {
    const [g] = grids(await pageBlocks(PUTUO, 10));
    const total = g!.rows.find((r) => r[3]?.text === '合计')!;
    expect(texts(total).slice(4, 7)).toEqual(['2,940.05', '2,336.91', '603.14']);
    expect(rowStarting(g!, '201', '06', '01')!.slice(3, 7)).toEqual(['行政运行', '1,511.89', '1,503.52', '8.37']);
    expect(rowStarting(g!, '201', '06', '07')!.slice(3, 7)).toEqual(['信息化建设', '135.25', '', '135.25']);
    // no row of numbers without a label
    expect(g!.rows.filter((r) => r[3]?.text === '' && !r[3]?.mergedFrom && /\d/.test(r[4]?.text ?? ''))).toHaveLength(0);
  });

  it('sh-putuo p12: summary numbers printed above their labels land on the label row', async () => {
    const [g] = grids(await pageBlocks(PUTUO, 12));
    expect(rowStarting(g!, '一、一般公共预算财政拨款')).toEqual(['一、一般公共预算财政拨款', '2,940.05', '一、一般公共服务支出', '2,106.66', '2,106.66', '', '']);
    expect(g!.rows[0]).toMatchObject([{ text: '收入', colSpan: 2 }, { mergedFrom: [0, 0] }, { text: '支出', colSpan: 5 }, {}, {}, {}, {}]);
  });

  it('sh-putuo p16 06表: two blocks side by side in one grid row', async () => {
    const [g] = grids(await pageBlocks(PUTUO, 16));
    expect(rowStarting(g!, '301', '02')).toEqual(['301', '02', '津贴补贴', '1,238.58', '302', '02', '印刷费', '7.61']);
    expect(rowStarting(g!, '301', '')).toEqual(['301', '', '工资福利支出', '2,082.85', '302', '', '商品和服务支出', '171.07']);
    expect(rowStarting(g!, '301', '12')).toEqual(['301', '12', '其他社会保障缴费', '1.61', '302', '11', '差旅费', '1.20']);
  });

  it('guojia-xinfangju p8: the 其他收入 column numbers land on their rows', async () => {
    const blocks = await pageBlocks('guojia-xinfangju-2024-dept-final.pdf', 8);
    const lines = blocks.flatMap((b) => (b.kind === 'line' ? [b.text] : []));
    expect(lines.slice(0, 4)).toEqual(['收入决算表', '公开02表', '部门：国家信访局', '金额单位：万元']);
    expect(lines).toContain('注：本表反映部门本年度取得的各项收入情况。');
    const [g] = grids(blocks);
    const other = (code: string): string | undefined => g!.rows.find((r) => r[0]?.text === code)?.[8]?.text;
    expect(g!.rows[0]![8]!.text).toBe('其他收入');
    expect(other('201')).toBe('878.44');
    expect(other('20140')).toBe('878.44');
    expect(other('2014001')).toBe('268.50');
    expect(other('2014002')).toBe('');
    expect(other('2014003')).toBe('609.94');
    expect(other('2014004')).toBe('');
    expect(rowStarting(g!, '2014003')!.slice(0, 4)).toEqual(['2014003', '机关服务', '839.13', '229.19']);
    const total = g!.rows.find((r) => r[0]?.text === '合计')!;
    expect(total[0]!.colSpan).toBe(2);
    expect(texts(total).slice(2)).toEqual(['20,451.35', '19,572.91', '', '', '', '', '878.44']);
  });

  it('fs-guidaojiaotongju pp5-7: a table over three pages gives one grid per page, each with its header', async () => {
    const f = 'fs-guidaojiaotongju-2019-dept-final.pdf';
    const pages = await Promise.all([5, 6, 7].map((p) => pageBlocks(f, p)));
    const gs = pages.map((b) => grids(b));
    expect(gs.map((g) => g.length)).toEqual([1, 1, 1]);
    for (const [g] of gs) {
      expect(texts(g!.rows[0]!)).toEqual(['收入', '', '', '支出', '', '']);
      expect(texts(g!.rows[1]!)).toEqual(['项目', '行次', '决算数', '项目', '行次', '决算数']);
      expect(texts(g!.rows[2]!)).toEqual(['栏次', '', '1', '栏次', '', '2']);
    }
    // two-sided 收支 table: both sides in one row
    expect(rowStarting(gs[0]![0]!, '一、一般公共预算财政拨款收入')).toEqual(['一、一般公共预算财政拨款收入', '1', '1668.14', '一、一般公共服务支出', '27', '0.00']);
    expect(rowStarting(gs[1]![0]!, '本年收入合计')).toEqual(['本年收入合计', '23', '1668.14', '本年支出合计', '49', '1668.14']);
    expect(rowStarting(gs[2]![0]!, '总计')).toEqual(['总计', '26', '1668.14', '总计', '52', '1668.14']);
    expect(gs.flat().every((g) => g.rowPages!.length === g.rows.length)).toBe(true);
    // page numbers as the fixture (cut to pp. 5–23) has them: p. 6 is its p. 2
    expect(gs[1]![0]!.page_first).toBe(cutPdf(f).page(6));
    // the title is repeated above each continuation page's grid
    for (const b of pages) expect(b.some((x) => x.kind === 'line' && x.text === '收入支出决算总表')).toBe(true);
  });

  it('yt-yibaoju p8: non-embedded fonts, 类/款/项 columns, two header levels', async () => {
    const [g] = grids(await pageBlocks('yt-yibaoju-2026-dept-budget.pdf', 8));
    expect(g!.rows[0]![0]).toMatchObject({ text: '科目编码', colSpan: 3 });
    expect(g!.rows[0]![5]).toMatchObject({ text: '财政拨款收入', colSpan: 4 });
    expect(texts(g!.rows[1]!).slice(0, 9)).toEqual(['类', '款', '项', '', '', '小计', '一般公共预算收入', '政府性基金预算收入', '国有资本经营预算收入']);
    expect(texts(g!.rows.find((r) => r[2]?.text === '05')!).slice(0, 7)).toEqual(['', '', '05', '机关事业单位基本养老保险缴费支出', '201.42', '201.42', '201.42']);
  });

  it('fs-guidaojiaotongju pp5-23: every page of the multi-page tables gives one grid with its header', async () => {
    const f = 'fs-guidaojiaotongju-2019-dept-final.pdf';
    const cut = cutPdf(f);
    const { pages } = await extractPdfPages(corpusBytes(f), { only: Array.from({ length: 19 }, (_, i) => cut.page(i + 5)) });
    expect(pages).toHaveLength(19);
    const firstRows = pages.map((pc) => {
      const gs = grids(layoutPage(pc));
      expect(gs, `page ${pc.page}`).toHaveLength(1);
      return gs[0]!.rows[0]!.map((c) => c.text).filter((t) => t)[0];
    });
    // each continuation page repeats its table's header (收入/支出, 项目, 人员经费, 预算数)
    expect(firstRows.every((t) => ['收入', '项目', '人员经费', '预算数'].includes(t!))).toBe(true);
  });
});

