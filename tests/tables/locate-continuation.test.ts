// When a grid on the next page continues the table before it. A repeated title continues a table
// read from a text layer only when it is the same title (white space and punctuation aside); the
// OCR tolerance (a misread character in seven) is for OCR'd pages. A form printed again with the
// same fixed rows over another project starts a new table even under the very same title.
import { describe, expect, it } from 'vitest';
import { locateTables } from '../../normalizers/tables/locate.js';
import type { Block, GridMethod, RawGrid } from '../../model/types.js';

const cells = (...t: string[]) => t.map((text) => ({ text }));

/** one page of a 项目绩效自评表 as xa-weijianwei prints them: title, year line, the form */
function formPage(page: number, title: string, project: string, method: GridMethod, rows?: string[][]): Block[] {
  const grid: RawGrid = {
    method,
    page_first: page,
    page_last: page,
    rows: (rows ?? [
      ['项目名称', project, ''],
      ['主管部门', '西安市卫生健康委员会', '实施单位'],
      ['项目资金（万元）', '年初预算数', '全年预算数（A）'],
      ['年度资金总额', '352.74', '352.74'],
    ]).map((r) => cells(...r)),
  };
  return [
    { kind: 'line', text: title, page, heading: true },
    { kind: 'line', text: '（2022年度）', page },
    { kind: 'grid', grid, page },
  ];
}

const pages = (cands: ReturnType<typeof locateTables>) => cands.map((c) => [c.grid.page_first, c.grid.page_last ?? c.grid.page_first]);

describe('continuation across pages', () => {
  const A = '西安市级采供血业务经费（非政府采购部分）项目绩效自评表';
  const B = '西安市级采供血业务经费（政府采购部分）项目绩效自评表';

  it('text layer: a nearly identical title is another table', () => {
    const cands = locateTables([...formPage(61, A, '采供血业务经费（非政府采购部分）项目', 'ruled'), ...formPage(62, B, '采供血业务经费（政府采购部分）项目', 'ruled')]);
    expect(pages(cands)).toEqual([[61, 61], [62, 62]]);
    expect(cands.map((c) => c.title)).toEqual([A, B]);
  });

  it('text layer: the same title over white space and punctuation continues the table', () => {
    const rest = [['绩效指标', '一级指标', '二级指标'], ['', '产出指标', '数量指标']];
    const cands = locateTables([...formPage(61, A, 'x', 'ruled'), ...formPage(62, A.replace('（', '(').replace('）', ') '), 'x', 'ruled', rest)]);
    expect(pages(cands)).toEqual([[61, 62]]);
  });

  it('OCR: a title misread by a character still continues the table', () => {
    const rest = [['绩效指标', '一级指标', '二级指标'], ['', '产出指标', '数量指标']];
    const misread = A.replace('采购', '釆购');
    const cands = locateTables([...formPage(61, A, 'x', 'ocr'), ...formPage(62, misread, 'x', 'ocr', rest)]);
    expect(pages(cands)).toEqual([[61, 62]]);
  });

  it('OCR: a repeated line whose character was read as Latin letters (部门 read 部|IB) still continues the table', () => {
    // as a dev level-hi-200 scan read a 部门 line over a table continued on the next page
    const rest = [['绩效指标', '一级指标', '二级指标'], ['', '产出指标', '数量指标']];
    const page = (n: number, unitLine: string, rows?: string[][]): Block[] => {
      const [title, , grid] = formPage(n, A, 'x', 'ocr', rows);
      return [title!, { kind: 'line', text: unitLine, page: n }, grid!];
    };
    const cands = locateTables([...page(61, '部|IB西安市卫生健康委员会'), ...page(62, '部门：西安市卫生健康委员会', rest)]);
    expect(pages(cands)).toEqual([[61, 62]]);
    // a line that says something else is another table
    const other = locateTables([...page(61, '部|IB西安市卫生健康委员会'), ...page(62, '部门：西安市财政局', rest)]);
    expect(pages(other)).toEqual([[61, 61], [62, 62]]);
  });

  it('text layer: the same title over a form that starts over (another 项目名称, the same fixed rows) is another table', () => {
    const T = '西安市级2022年中职免学费补助项目绩效自评表';
    const cands = locateTables([...formPage(70, T, '中职免学费补助（市级资金）', 'ruled'), ...formPage(71, T, '中职免学费补助（中央资金）', 'ruled')]);
    expect(pages(cands)).toEqual([[70, 70], [71, 71]]);
  });

  it('text layer: a continuation that repeats the first rows as they were is still one table', () => {
    const T = '2022年部门综合预算收支总表';
    const head = [['项目', '预算数', '支出'], ['一、部门预算', '581242867.20', '']];
    const more = [['项目', '预算数', '支出'], ['(2)政府性基金拨款', '0.00', '']];
    const cands = locateTables([...formPage(36, T, '', 'ruled', head), ...formPage(37, T, '', 'ruled', more)]);
    expect(pages(cands)).toEqual([[36, 37]]);
    expect(cands[0]!.grid.rows.map((r) => r[0]!.text)).toEqual(['项目', '一、部门预算', '(2)政府性基金拨款']);
  });
  it('OCR: a page number between dashes read as 一X一 says nothing; the table continues', () => {
    // a scanned 一般公共预算支出情况表 over two pages (the grid condition q70-200 of
    // tests/bench/ocr-grid.ts), its lines as tesseract read them: the page number —8— as 一讨一,
    // the 部门 line with 烟 misread as 点
    const header = [['科目编码', '', '', '科目名称', '合计'], ['类', '款', '项', '', '']];
    const grid = (page: number, rows: string[][]): Block => ({ kind: 'grid', page, grid: { method: 'ocr', page_first: page, page_last: page, rows: [...header, ...rows].map((r) => cells(...r)) } });
    const line = (page: number, text: string): Block => ({ kind: 'line', text, page });
    const cands = locateTables([
      line(6, '公开表5'), line(6, '一般公共预算支出情况表'), line(6, '部门(单位) 烟台市医疗保障局'), line(6, '单位万元'),
      grid(6, [['', '', '', '合计', '15,375.67'], ['210', '', '', '卫生健康支出', '14,870.93']]),
      line(6, '一讨一'),
      line(7, '公开表5'), line(7, '一般公共预算支出情况表'), line(7, '单位万元'), line(7, '部门(单位) 点台市医疗保障局'),
      grid(7, [['', '13', '', '医疗救助', '4,285.00'], ['', '', '01', '城乡医疗救助', '4,285.00']]),
      line(7, '一荣一'),
    ]);
    expect(pages(cands)).toEqual([[6, 7]]);
    expect(cands[0]!.grid.rows.map((r) => r[3]!.text).slice(2)).toEqual(['合计', '卫生健康支出', '医疗救助', '城乡医疗救助']);
  });
  it('OCR: a page number read as a few letters and marks with = (=H, yy=o) says nothing; the table continues', () => {
    // the same table under the grid conditions blur-lo-200 and q45-200: the page number at the
    // top of page 7 read as =H (page 4 of 收入总体情况表 as yy=o); 13 | 01 then lost their 类 210
    const header = [['科目编码', '', '', '科目名称', '合计'], ['类', '款', '项', '', '']];
    const grid = (page: number, rows: string[][]): Block => ({ kind: 'grid', page, grid: { method: 'ocr', page_first: page, page_last: page, rows: [...header, ...rows].map((r) => cells(...r)) } });
    const line = (page: number, text: string): Block => ({ kind: 'line', text, page });
    const read = (mark: string) => locateTables([
      line(6, 'iy'), line(6, '公开表5'), line(6, '一般公共预算支出情况表'), line(6, '单位万元'), line(6, '部门(单位 烟台市医疗保障局'),
      grid(6, [['', '', '', '合计', '15,375.67'], ['210', '', '', '卫生健康支出', '14,870.93']]),
      line(7, mark), line(7, '公开表5'), line(7, '一般公共预算支出情况表'), line(7, '部门(单位) 烟台市医疗保障局'), line(7, '单位万元'),
      grid(7, [['', '13', '', '医疗救助', '4,285.00'], ['', '', '01', '城乡医疗救助', '4,285.00']]),
    ]);
    expect(pages(read('=H'))).toEqual([[6, 7]]);
    expect(pages(read('yy=o'))).toEqual([[6, 7]]);
    // a line that says something (a note, a heading) is not a page number: a table of its own
    expect(pages(read('说明'))).toEqual([[6, 6], [7, 7]]);
  });
  it('OCR: a short line under the grid on its own page (the page number blurred past reading) says nothing; the table continues', () => {
    // blur-md-200 of the grid: page 6's number —8— read as Seyke, So Maas, <明江 or 认李
    const header = [['科目编码', '', '', '科目名称', '合计'], ['类', '款', '项', '', '']];
    const grid = (page: number, rows: string[][]): Block => ({ kind: 'grid', page, grid: { method: 'ocr', page_first: page, page_last: page, rows: [...header, ...rows].map((r) => cells(...r)) } });
    const line = (page: number, text: string): Block => ({ kind: 'line', text, page });
    const read = (page: number, mark: string) => locateTables([
      line(6, '公开表5'), line(6, '一般公共预算支出情况表'), line(6, '单位万元'),
      grid(6, [['', '', '', '合计', '15,375.67'], ['210', '', '', '卫生健康支出', '14,870.93']]),
      line(page, mark), line(7, '公开表5'), line(7, '一般公共预算支出情况表'), line(7, '单位万元'),
      grid(7, [['', '13', '', '医疗救助', '4,285.00'], ['', '', '01', '城乡医疗救助', '4,285.00']]),
    ]);
    for (const mark of ['Seyke', 'So Maas', '<明江', '认李']) expect(pages(read(6, mark)), mark).toEqual([[6, 7]]);
    // on the new page, above its title, the same words are something that page prints: not furniture
    expect(pages(read(7, '认李'))).toEqual([[6, 6], [7, 7]]);
    // a longer line under the grid (a note) is not a page number
    expect(pages(read(6, '注：本表金额单位为万元，含上年结转'))).toEqual([[6, 6], [7, 7]]);
  });
  it('OCR: a repeated header row garbled past matching, above one that matches, is dropped with it', () => {
    // 收入总体情况表 pages 4 and 5 under the grid condition q45-200, as tesseract read their header
    // rows: page 5's first row has 4 of 12 words as on page 4; kept, its second row (…政府性基金预算收入…)
    // made that empty column a label column and the 国有资本经营 amounts unlabelled
    const h1 = (x: string[]) => ['科目编码', '', '', '科目名称', '合计', '财政拨款收入', '', '', '', ...x];
    const page4 = [h1(['炳赖志仁答', 'Cit', 'TEESE', '其他收入', '上级补助收', '附属菊佳上', '偷用菊刑敦上年结转', '']),
      ['类', '款', '', '', '', '小计', '一般公共预入', '政府性基金预算收入', '国有资本经营预算收入', '', '', '', '', '', '', '', ''],
      ['', '', '03', '公务员医疗补助', '12.28', '12.28', '12.28', '', '', '', '', '', '', '', '', '', '']];
    const page5 = [h1(['管理资金收入', '事业收入bid', 'WAGE', '北他收入', '工级打助收', 'BEIGE', '健周菊剧数', '上年结转']),
      ['类', '款', '项', '', '', '小计', '一般公共预算收入', '政府性基金预算收入', '国有资本经营预算收入', '', '', '', '', '', '', '', ''],
      ['', '', '08', '离休干部医药费补助支出', '1,000.00', '1,000.00', '', '', '1,000.00', '', '', '', '', '', '', '', '']];
    const grid = (page: number, rows: string[][]): Block => ({ kind: 'grid', page, grid: { method: 'ocr', page_first: page, page_last: page, rows: rows.map((r) => cells(...r)) } });
    const cands = locateTables([{ kind: 'line', text: '收入总体情况表', page: 4 }, grid(4, page4), { kind: 'line', text: '单位万元', page: 5 }, grid(5, page5)]);
    expect(pages(cands)).toEqual([[4, 5]]);
    expect(cands[0]!.grid.rows.map((r) => r[3]!.text)).toEqual(['科目名称', '', '公务员医疗补助', '离休干部医药费补助支出']);
  });
});

// The 一般公共预算支出情况表 of a 部门预算 over two pages, as OCR read the dev grid's photocopy-200 scan
// of it (tests/bench/ocr-grid.ts; grey paper, toner specks): the 公开表5 line above each title read
// `BES` and `公开袋5`, the 部门 line with two characters misread. The second page's first row of
// amounts prints the 款 13 alone under an empty 类 cell: it carries 210 from the rows above, so it
// continues the table whatever the title block around it reads.
describe('OCR: a continuation told by its code parts', () => {
  const grid = (page: number, rows: string[][]): Block => ({ kind: 'grid', page, grid: { method: 'ocr', page_first: page, page_last: page, rows: rows.map((r) => cells(...r)) } });
  const head = [['科目编码', '', '', '科目名称', '合计', '基本支出', '', '', '项目支出'], ['类', '款', '项', '', '', '小计', '人员支出', '日常公用支出', '']];
  const page6 = [
    ...head,
    ['', '', '', '合if', '15,375.67', '2,200.67', '27035.20', '165.48', '13,175.00'],
    ['205', '', '', '教育支出', '4.70', '4.70', '', '4.70', ''],
    ['', '08', '', '进修及培训', '4.70', '4.70', '', '4.70', ''],
    ['', '', '03', '塘训支出', '4.70', '4.70', '', '4.70', ''],
    ['210', '', '', '卫生健康支出', '14,870.93', '1,765.93', '1,605.16', '160.78', '13,105.00'],
    ['', '.12', '', '财政对基本医疗保险基金的补助', '8000.00', '', '', '', '8,600.00'],
    ['', '', '02', '财政对城乡居民基本医疗保险基金的补助', '8,000.00', '', '', '', '8,000.00'],
  ];
  const page7 = (first: string[]) => [
    ['料目编码', '', '', '科目名称', '合计', '基本支出', '', '', '项目支出'],
    ['', '类款', '项', '', '', '小计', '人员支出', '日常公用支出', ''],
    first,
    ['', '', '', '城乡医疗教助', '4,285.00', '', '', '', '4285.00'],
    ['221', '', '', '住房保障支出', '172.12', '172.12', '172.12', '', ''],
  ];
  const pageOf = (title7: string, first: string[]): Block[] => [
    { kind: 'line', text: 'BES', page: 6, heading: true },
    { kind: 'line', text: '一般公共预算支出情况表', page: 6, heading: true },
    { kind: 'line', text: '单位万元', page: 6, heading: true },
    { kind: 'line', text: '部门(单位) 烟台市医疗保障局', page: 6 },
    grid(6, page6),
    { kind: 'line', text: '厂', page: 6 },
    { kind: 'line', text: '公开袋5', page: 7 },
    { kind: 'line', text: title7, page: 7, heading: true },
    { kind: 'line', text: '部门(单位》 烟台市医疗候障局', page: 7 },
    { kind: 'line', text: '单位万元', page: 7, heading: true },
    grid(7, page7(first)),
  ];
  const kuan = ['', '13', '', '医疗救助', '4,285.00', '', '', '', '1,285.00'];

  it('a first row of amounts that prints a 款 alone continues the table, its header rows dropped', () => {
    const cands = locateTables(pageOf('一般公共预算支出情况表', kuan));
    expect(pages(cands)).toEqual([[6, 7]]);
    expect(cands[0]!.grid.rows.slice(page6.length).map((r) => r[3]!.text)).toEqual(['医疗救助', '城乡医疗教助', '住房保障支出']);
  });

  it('a first row that prints its 类, or a title of another table, starts a new table', () => {
    expect(pages(locateTables(pageOf('一般公共预算支出情况表', ['221', '', '', '住房保障支出', '172.12', '172.12', '172.12', '', ''])))).toEqual([[6, 6], [7, 7]]);
    expect(pages(locateTables(pageOf('政府性基金预算支出情况表', kuan)))).toEqual([[6, 6], [7, 7]]);
  });
});

describe('OCR: a page holding only the table\'s 合计 row', () => {
  // as the dev photocopy-hi-200 scan of 上海 普陀区 万里街道 2024's 部门收入预算总表 read its last page:
  // the 合计 row alone, its label over the code columns, a space read for a comma (156,211 123)
  const income = (page: number, rows: string[][]): Block[] => [{ kind: 'grid', page, grid: { method: 'ocr', page_first: page, page_last: page, rows: rows.map((r) => cells(...r)) } }];
  const first = income(6, [
    ['功能分类科目编码', '', '', '功能分类科目名称', '合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入'],
    ['类', '款', '项', '', '', '', '', '', ''],
    ['221', '03', '99', '其他城乡社区住宅支出', '2,177,200', '2,177,200', '0', '0', '0'],
  ]);
  it('continues the table', () => {
    const cands = locateTables([{ kind: 'line', text: '2024年部门收入预算总表', page: 6, heading: true }, ...first, ...income(7, [['合计', '156,211 123', '156,211,123', '0', '0', '0']])]);
    expect(pages(cands)).toEqual([[6, 7]]);
  });
  it('a row of words or of numbers no amount reads begins a table of its own', () => {
    const cands = locateTables([{ kind: 'line', text: '2024年部门收入预算总表', page: 6, heading: true }, ...first, ...income(7, [['合计', '156,21 123', '156,211,123', '0', '0', '0']])]);
    expect(pages(cands)).toEqual([[6, 6], [7, 7]]);
  });
});
