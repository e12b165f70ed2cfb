// The HTML extractor tells tables apart by structure: layout tables (page frames whose cells hold
// the article, navigation, prose) are read as containers in document order; small tables of
// labels (部门：… | 单位：万元) and title rows inside a data table are text bound to the next data
// table; a table printed in pieces is one table; a Chinese page labelled ISO-8859-1 is read by its bytes.
import { describe, it, expect } from 'vitest';
import type { Block, RawGrid } from '../../../model/types.js';
import { extractHtml } from '../../../extractors/html/index.js';
import { isLayoutTable } from '../../../extractors/html/blocks.js';
import { decodeHtml } from '../../../extractors/html/decode.js';
import { parseHtml, type DomNode } from '../../../extractors/html/dom.js';
import { processDocument } from '../../../pipeline/process-document.js';

const enc = (s: string) => new TextEncoder().encode(s);
const shape = (bs: Block[]): string[] => bs.map((b) => (b.kind === 'line' ? b.text : `GRID ${b.grid.rows.length}x${b.grid.rows[0]!.length}`));
const grids = (bs: Block[]): RawGrid[] => bs.flatMap((b) => (b.kind === 'grid' ? [b.grid] : []));
const texts = (g: RawGrid) => g.rows.map((r) => r.map((c) => c.text));

/** GBK bytes (from Node's own GBK decoder) */
function gbk(s: string): Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  return new Uint8Array([...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

/** the first <table> of a fragment */
function firstTable(html: string): DomNode {
  const find = (n: DomNode): DomNode | undefined => {
    for (const c of n.children ?? []) {
      if (c.name === 'table') return c;
      const t = find(c);
      if (t) return t;
    }
    return undefined;
  };
  return find(parseHtml(html))!;
}

const DATA = (rows: number) => `<table border=1><tr><td>项目</td><td>预算数</td></tr>${Array.from({ length: rows }, (_, i) => `<tr><td>科目${i}</td><td>${i + 1}.00</td></tr>`).join('')}</table>`;

describe('layout tables by structure', () => {
  it('a cell holding a data table, two tables, site navigation or an article of prose makes a layout table', () => {
    // a frame with many cells of its own around a data table smaller than itself
    const menu = Array.from({ length: 10 }, (_, i) => `<td>栏目${i}</td>`).join('');
    expect(isLayoutTable(firstTable(`<table><tr>${menu}</tr><tr><td colspan=10>${DATA(2)}</td></tr></table>`))).toBe(true);
    expect(isLayoutTable(firstTable(`<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td><table><tr><td>x</td></tr></table><table><tr><td>y</td></tr></table></td><td>d</td><td>e</td></tr></table>`))).toBe(true);
    expect(isLayoutTable(firstTable(`<table><tr><td><ul><li><a href=#>首页</a></li><li><a href=#>政务公开</a></li></ul></td><td>正文</td></tr></table>`))).toBe(true);
    const prose = '根据预算公开的有关规定，现将本部门预算公开如下。'.repeat(5);
    expect(isLayoutTable(firstTable(`<table><tr><td><p>${prose}</p><p>${prose}</p><p>${prose}</p></td></tr></table>`))).toBe(true);
    // a page frame: wide in pixels, a few columns, no amounts
    expect(isLayoutTable(firstTable(`<table width="1000"><tr><td>左栏</td><td>正文</td></tr></table>`))).toBe(true);
  });

  it('a data table with a list, a heading or a small label table in a cell stays a data table', () => {
    expect(isLayoutTable(firstTable(`<table><tr><td>Teal</td><td><ul><li>Pond</li><li>Marsh</li></ul></td></tr><tr><td>a</td><td>b</td></tr></table>`))).toBe(false);
    expect(isLayoutTable(firstTable(`<table><tr><td><h1>A</h1></td><td>B</td></tr><tr><td>1...</td><td>2...</td></tr></table>`))).toBe(false);
    expect(isLayoutTable(firstTable(`<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>Quack</td><td><table><tr><th>Type</th></tr><tr><td>Short</td></tr></table></td><td>c</td></tr></table>`))).toBe(false);
    expect(isLayoutTable(firstTable(`<table width="1000"><tr><td>合计</td><td>1,234.00</td></tr></table>`))).toBe(false);
  });

  it('reads a two-column portal page in document order: the article cell, not the menu, then its tables', () => {
    const page = `<html><body><table width="1000" align="center">
      <tr><td><a href="/">首页</a></td><td><a href="/zwgk">政务公开</a></td><td><a href="/czyjs">财政预决算</a></td></tr>
      <tr><td valign="top"><ul><li><a href="#">部门预算</a></li><li><a href="#">部门决算</a></li></ul></td>
        <td colspan="2" valign="top"><h1>某局2026年部门预算</h1>
          <p>2026年一般公共预算“三公”经费支出表</p>
          <table border="1"><tr><td>合计</td><td>因公出国（境）费</td><td>公务接待费</td></tr><tr><td>3.00</td><td>1.00</td><td>2.00</td></tr></table>
        </td></tr>
      <tr><td colspan="3">主办单位：某局</td></tr></table></body></html>`;
    expect(shape(extractHtml(enc(page)).blocks)).toEqual(['某局2026年部门预算', '2026年一般公共预算“三公”经费支出表', 'GRID 2x3', '主办单位：某局']);
  });
});

describe('title, number and unit bound to the data table', () => {
  it('a one-row table of labels before a data table is text: the title above it stays with the data table', async () => {
    const page = `<html><head><meta charset="utf-8"></head><body><h2>某局2026年部门预算公开</h2>
      <p>2026年一般公共预算支出表</p>
      <table width="100%"><tr><td>编制部门：某局</td><td>公开05表</td><td>单位：万元</td></tr></table>
      <table border="1"><tr><td>科目编码</td><td>科目名称</td><td>合计</td><td>基本支出</td><td>项目支出</td></tr>
        <tr><td>201</td><td>一般公共服务支出</td><td>10.00</td><td>6.00</td><td>4.00</td></tr>
        <tr><td>20103</td><td>政府办公厅（室）及相关机构事务</td><td>10.00</td><td>6.00</td><td>4.00</td></tr></table>
      <p>2026年一般公共预算基本支出表</p>
      <table width="100%"><tr><td>编制部门：某局</td><td>单位：万元</td></tr></table>
      <table border="1"><tr><td>科目编码</td><td>科目名称</td><td>合计</td></tr><tr><td>301</td><td>工资福利支出</td><td>6.00</td></tr><tr><td>30101</td><td>基本工资</td><td>6.00</td></tr></table>
      </body></html>`;
    const blocks = extractHtml(enc(page)).blocks;
    expect(shape(blocks)).toEqual(['某局2026年部门预算公开', '2026年一般公共预算支出表', '编制部门：某局', '公开05表', '单位：万元', 'GRID 3x5', '2026年一般公共预算基本支出表', '编制部门：某局', '单位：万元', 'GRID 3x3']);
    const doc = await processDocument('p.html', enc(page));
    expect(doc.tables.map((t) => [t.table_kind, t.table_no, t.unit])).toEqual([['budget_general_expenditure', '公开05表', '万元'], ['budget_general_basic_expenditure', '', '万元']]);
  });

  it('title, number, 部门 and unit rows at the top of a data table (an Excel web export) are lines before its grid', () => {
    const blocks = extractHtml(enc(`<table x:str>
      <tr><td colspan=3 align=center>2026年部门收支总表</td></tr>
      <tr><td colspan=3 align=right>公开01表</td></tr>
      <tr><td>部门：某局</td><td></td><td>单位：万元</td></tr>
      <tr><td>项目</td><td>预算数</td><td>备注</td></tr>
      <tr><td>一般公共预算拨款收入</td><td x:num="12.5">12.50</td><td></td></tr></table>`)).blocks;
    expect(shape(blocks)).toEqual(['2026年部门收支总表', '公开01表', '部门：某局', '单位：万元', 'GRID 2x3']);
  });

  it('a table printed in pieces (page breaks, 续表) with its header repeated is one table', () => {
    const head = '<tr><td>项目</td><td>预算数</td></tr>';
    const blocks = extractHtml(enc(`<p>2026年一般公共预算支出表</p><table>${head}<tr><td>a</td><td>1.00</td></tr></table>
      <br clear=all style='page-break-before:always'><p>续表</p>
      <table>${head}<tr><td>b</td><td>2.00</td></tr></table><p>2026年一般公共预算基本支出表</p><table>${head}<tr><td>c</td><td>3.00</td></tr></table>`)).blocks;
    expect(shape(blocks)).toEqual(['2026年一般公共预算支出表', 'GRID 3x2', '2026年一般公共预算基本支出表', 'GRID 2x2']);
    expect(texts(grids(blocks)[0]!)).toEqual([['项目', '预算数'], ['a', '1.00'], ['b', '2.00']]);
  });

  it('a code wrapped in a narrow cell (20113<br>01) is one code; menus of links are not content', () => {
    const blocks = extractHtml(enc(`<ul><li><a href=#>首页</a></li><li><a href=#>部门预算</a></li></ul>
      <table><tr><td>科目编码</td><td>金额</td></tr><tr><td>20113<br>01</td><td>5.00</td></tr></table>`)).blocks;
    expect(shape(blocks)).toEqual(['GRID 2x2']);
    expect(texts(grids(blocks)[0]!)[1]).toEqual(['2011301', '5.00']);
  });
});

describe('a Chinese page labelled with a Western charset', () => {
  const page = `<html><head><meta charset="iso-8859-1"><title>部门预算</title></head><body><p>2026年部门收支总表</p>
    <table><tr><td>项目</td><td>预算数</td></tr><tr><td>行政运行</td><td>1.00</td></tr><tr><td>一般行政管理事务</td><td>2.00</td></tr></table></body></html>`;

  it('GBK bytes declared ISO-8859-1 (meta or HTTP) are read as GB18030 with a warning, not as mojibake', () => {
    for (const charset of [undefined, 'iso-8859-1']) {
      const d = decodeHtml(gbk(page), charset);
      expect(d.encoding).toBe('gb18030');
      expect(d.text).toContain('行政运行');
      expect(d.note).toMatch(/declared iso-8859-1 .* Chinese text in gb18030/);
    }
    const r = extractHtml(gbk(page), 'iso-8859-1');
    expect(texts(grids(r.blocks)[0]!)[1]).toEqual(['行政运行', '1.00']);
    expect(r.messages.some((m) => m.severity === 'warning' && /Chinese text in gb18030/.test(m.text))).toBe(true);
  });

  it('UTF-8 bytes declared ISO-8859-1 are read as UTF-8; a Western page stays as declared', () => {
    expect(decodeHtml(enc(page), 'iso-8859-1')).toMatchObject({ encoding: 'utf-8', from: 'sniffed' });
    const western = new Uint8Array([...'<meta charset="iso-8859-1"><p>caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20], [...' na'].map((c) => c.charCodeAt(0)), [0xef, 0x76, 0x65]));
    const d = decodeHtml(western);
    expect(d).toMatchObject({ encoding: 'windows-1252', from: 'meta' });
    expect(d.note).toBeUndefined();
  });

  it('through the pipeline the facts are Chinese and the document carries the warning', async () => {
    const doc = await processDocument('p.html', gbk(page), { charset: 'iso-8859-1' });
    expect(doc.status).toBe('ok');
    expect(doc.facts.map((f) => f.item)).toEqual(['行政运行', '一般行政管理事务']);
    expect(doc.messages.some((m) => m.severity === 'warning' && /iso-8859-1/.test(m.text))).toBe(true);
  });
});
