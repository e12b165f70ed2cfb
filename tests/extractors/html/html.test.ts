import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Block, GridCell, RawGrid } from '../../../model/types.js';
import { extractHtml } from '../../../extractors/html/index.js';
import { decodeHtml } from '../../../extractors/html/decode.js';
import { benchPage } from '../../bench/html-page.js';
import { detectFormat } from '../../../pipeline/detect.js';
import { fixture as fixturePath, fixtureBytes } from '../../fixture.js';

const enc = (s: string) => new TextEncoder().encode(s);
const gbk = (s: string) => {
  // GBK bytes of a string, from Node's own GBK decoder
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  return new Uint8Array([...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
};
const grids = (bs: Block[]): RawGrid[] => bs.flatMap((b) => (b.kind === 'grid' ? [b.grid] : []));
const lines = (bs: Block[]): string[] => bs.flatMap((b) => (b.kind === 'line' ? [b.text] : []));
const texts = (g: RawGrid) => g.rows.map((r) => r.map((c) => c.text));
const fixture = (f: string) => fixtureBytes('html', f);

describe('html charset', () => {
  const page = (meta: string) => `<html><head>${meta}</head><body><p>收入支出决算总表</p></body></html>`;
  it('reads a GBK page declared by <meta http-equiv> (gb2312 label, GBK-only characters)', () => {
    const d = decodeHtml(gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').replace('总表', '总表（镕）')));
    expect(d.from).toBe('meta');
    expect(d.text).toContain('收入支出决算总表（镕）');
  });
  it('reads <meta charset=gbk> and prefers the BOM, then the caller charset, over the meta', () => {
    expect(decodeHtml(gbk(page('<meta charset="GBK">'))).text).toContain('收入支出决算总表');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(page('<meta charset="gbk">'))]);
    expect(decodeHtml(bom)).toMatchObject({ encoding: 'utf-8', from: 'bom' });
    expect(decodeHtml(gbk(page('<meta charset="utf-8">')), 'gb18030')).toMatchObject({ from: 'option' });
    expect(decodeHtml(gbk(page('<meta charset="utf-8">')), 'gb18030').text).toContain('收入支出决算总表');
  });
  it('sniffs UTF-8 or GB18030 when nothing is declared, and survives a wrong declaration', () => {
    expect(decodeHtml(enc(page(''))).encoding).toBe('utf-8');
    expect(decodeHtml(gbk(page(''))).text).toContain('收入支出决算总表');
    const wrong = decodeHtml(gbk(page('<meta charset="utf-8">')));
    expect(wrong.text).toContain('收入支出决算总表');
    expect(wrong.note).toMatch(/not valid utf-8/);
  });
  it('the caller charset reaches the extractor through its context', async () => {
    const { htmlExtractor } = await import('../../../extractors/html/index.js');
    const r = await htmlExtractor.extract(gbk('<table><tr><td>项目</td><td>决算数</td></tr></table>'), { source: 'x', charset: 'gbk' } as never);
    expect(texts(grids(r.blocks)[0]!)).toEqual([['项目', '决算数']]);
  });
  it('detectFormat says html for GBK pages without a doctype, and for a BOM page with a long head', () => {
    expect(detectFormat(fixture('zz-yibao-2022-final-gbk.html'))).toBe('html');
    const longHead = `<style>${'x'.repeat(9000)}</style>`;
    expect(detectFormat(gbk(`<head><meta charset=gbk>${longHead}</head><body><table><tr><td>收入</td></tr></table></body>`))).toBe('html');
    expect(detectFormat(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(`<!DOCTYPE html><html><head>${longHead}</head></html>`)]))).toBe('html');
  });
});

describe('html tables → dense grids', () => {
  it('expands rowspan and colspan: origin keeps text and span, covered cells are empty with mergedFrom', () => {
    const r = extractHtml(enc(`<table>
      <tr><th colspan="2">项目</th><th rowspan="2">本年收入合计</th><th colspan="2">其中</th></tr>
      <tr><th>科目编码</th><th>科目名称</th><th>财政拨款收入</th><th>其他收入</th></tr>
      <tr><td rowspan="2">201</td><td>一般公共服务支出</td><td>5.98</td><td>5.98</td><td>0.00</td></tr>
      <tr><td>群众团体事务</td><td>2.08</td><td>2.08</td><td>0.00</td></tr>
    </table>`));
    const g = grids(r.blocks)[0]!;
    expect(g.method).toBe('html');
    expect(texts(g)).toEqual([
      ['项目', '', '本年收入合计', '其中', ''],
      ['科目编码', '科目名称', '', '财政拨款收入', '其他收入'],
      ['201', '一般公共服务支出', '5.98', '5.98', '0.00'],
      ['', '群众团体事务', '2.08', '2.08', '0.00'],
    ]);
    const c = (r: number, k: number): GridCell => g.rows[r]![k]!;
    expect(c(0, 0)).toMatchObject({ text: '项目', colSpan: 2 });
    expect(c(0, 1)).toEqual({ text: '', mergedFrom: [0, 0] });
    expect(c(0, 2)).toMatchObject({ rowSpan: 2 });
    expect(c(1, 2)).toEqual({ text: '', mergedFrom: [0, 2] });
    expect(c(3, 0)).toEqual({ text: '', mergedFrom: [2, 0] });
  });
  it('pads ragged rows, cuts spans at the table end, reads rowspan=0, <thead> first and <tfoot> last', () => {
    const g = grids(extractHtml(enc(`<table><tfoot><tr><td>总计</td><td>9</td><td>9</td></tr></tfoot>
      <tbody><tr><td rowspan="0">a</td><td>1</td><td rowspan="9">x</td></tr><tr><td>2</td></tr></tbody>
      <thead><tr><td>项目</td><td>金额</td><td>备注</td></tr></thead></table>`)).blocks)[0]!;
    expect(texts(g)).toEqual([['项目', '金额', '备注'], ['a', '1', 'x'], ['', '2', ''], ['总计', '9', '9']]);
    expect(g.rows[1]![0]).toMatchObject({ rowSpan: 2 });
    expect(g.rows[1]![2]).toMatchObject({ rowSpan: 2 });
  });
  it('emits the data table inside a layout table, with the text around it as lines in order', () => {
    const r = extractHtml(enc(`<body><div>首页 &gt; 财政预决算</div>
      <table width="100%"><tr><td align=center><b>收入支出决算总表</b></td></tr>
      <tr><td>公开01表</td><td>单位：万元</td></tr>
      <tr><td colspan=2><table border=1><tr><td>项目</td><td>决算数</td></tr><tr><td>合计</td><td>1.00</td></tr></table></td></tr>
      <tr><td>注：本表反映部门本年度的总收支。</td></tr></table><p>end</p></body>`));
    expect(r.blocks.map((b) => (b.kind === 'line' ? b.text : 'GRID'))).toEqual(['首页 > 财政预决算', '收入支出决算总表', '公开01表', '单位：万元', 'GRID', '注：本表反映部门本年度的总收支。', 'end']);
    expect(texts(grids(r.blocks)[0]!)).toEqual([['项目', '决算数'], ['合计', '1.00']]);
  });
  it('a one-column table is a text box (lines), headings are marked, captions are lines', () => {
    const r = extractHtml(enc('<h3>部门决算</h3><table><tr><td>收入决算表</td></tr><tr><td></td></tr></table><table><caption>公开02表</caption><tr><td>a</td><td>1</td></tr></table>'));
    expect(r.blocks[0]).toEqual({ kind: 'line', text: '部门决算', heading: true });
    expect(lines(r.blocks)).toEqual(['部门决算', '收入决算表', '公开02表']);
    expect(grids(r.blocks)).toHaveLength(1);
  });
  it('handles Word markup: mso styles, <o:p>, &nbsp;, <br> in cells, <span> fragments, spacer rows, hidden text', () => {
    const r = extractHtml(enc(`<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
      <p class=MsoNormal align=center><b><span style='font-size:18.0pt'>一般公共预算财政拨款支出决算表</span></b><span lang=EN-US><o:p></o:p></span></p>
      <p class=MsoNormal align=right><span>公开</span><span lang=EN-US>05</span><span>表</span></p>
      <table class=MsoNormalTable border=1>
       <tr style='mso-yfti-irow:0'><td colspan=2><p class=MsoNormal><span>项</span><span style='mso-spacerun:yes'>&nbsp; </span><span>目</span></p></td>
        <td><p class=MsoNormal>本年<br>支出</p></td></tr>
       <tr><td><p class=MsoNormal><b><span lang=EN-US>201</span></b></p></td><td><p class=MsoNormal><b><span>一般公共</span><span>服务支出</span></b><span style='display:none'>隐藏</span></p></td>
        <td><p class=MsoNormal align=right><b><span lang=EN-US>5.98<o:p></o:p></span></b></p></td></tr>
       <tr><td><p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p></td><td></td><td></td></tr>
       <![if !supportMisalignedColumns]><tr height=0><td width=91 style='border:none'></td><td width=200 style='border:none'></td><td width=80 style='border:none'></td></tr><![endif]>
      </table></body></html>`));
    expect(lines(r.blocks)).toEqual(['一般公共预算财政拨款支出决算表', '公开05表']);
    const g = grids(r.blocks)[0]!;
    expect(texts(g)).toEqual([['项 目', '', '本年\n支出'], ['201', '一般公共服务支出', '5.98']]);
    expect(g.rows[1]!.every((c) => c.bold)).toBe(true);
  });
  it('drops the phantom columns Word exports for misaligned cell boundaries', () => {
    const g = grids(extractHtml(enc(`<table>
      <tr><td colspan=2>项目</td><td colspan=2>决算数</td></tr>
      <tr><td colspan=2>合计</td><td colspan=2>1.00</td></tr></table>`)).blocks)[0]!;
    expect(texts(g)).toEqual([['项目', '决算数'], ['合计', '1.00']]);
    expect(g.rows[0]![0]!.colSpan).toBeUndefined();
  });
  it('skips scripts, styles and the head', () => {
    const r = extractHtml(enc('<html><head><title>T</title><script>document.write("<table><tr><td>x</td><td>y</td></tr></table>")</script></head><body><p>正文</p></body></html>'));
    expect(r.blocks).toEqual([{ kind: 'line', text: '正文' }]);
  });
  it('reads the bench page: 20 tables of 32 rows × 9 columns', () => {
    const gs = grids(extractHtml(benchPage()).blocks);
    expect(gs).toHaveLength(20);
    expect(gs.every((g) => g.rows.length === 32 && g.rows.every((r) => r.length === 9))).toBe(true);
  });
});

// Docling's HTML cases (docling-project/docling tests/data/html, MIT; copied into
// tests/fixtures/docling-html): the cell texts of the tables it reads as plain tables, compared
// with its expected Markdown (its formatting marks, list markers and link targets removed; white
// space ignored; spanned positions repeat the origin's text there).
describe('docling HTML cases', () => {
  const docling = (f: string) => fixturePath('docling-html', f);
  const norm = (s: string) =>
    s.normalize('NFKC').replace(/<!--.*?-->/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|~~|\*/g, '')
      .replace(/(^|\s)(#+|-|\d+\.)\s/g, '$1').replace(/[\u2010\u2011]/g, '-').replace(/[“”]/g, '"').replace(/\s+/g, '');
  const mdTables = (md: string): string[][][] => {
    const out: string[][][] = [];
    let cur: string[][] | null = null;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) { cur = null; continue; }
      const cells = line.slice(1, -1).split(' | ').map((c) => c.trim());
      if (cells.every((c) => /^-+$/.test(c))) continue;
      if (!cur) out.push((cur = []));
      cur.push(cells.map(norm));
    }
    return out;
  };
  const filled = (g: RawGrid) => g.rows.map((r) => r.map((c) => norm(c.mergedFrom ? g.rows[c.mergedFrom[0]]![c.mergedFrom[1]]!.text : c.text)));
  for (const name of ['table_01', 'table_02', 'table_03', 'table_04', 'table_with_heading_01', 'table_with_heading_02', 'html_rich_table_cells']) {
    it(name, () => {
      const r = extractHtml(new Uint8Array(readFileSync(docling(`sources/${name}.html`))));
      const expected = mdTables(readFileSync(docling(`groundtruth/${name}.html.md`), 'utf8'));
      const got = grids(r.blocks).map(filled);
      expect(got).toHaveLength(expected.length);
      expected.forEach((t, i) => {
        const g = got[i]!;
        expect(g.map((row) => row.length)).toEqual(t.map((row) => row.length));
        // an image cell: docling prints the alt text, this extractor reads text only
        t.forEach((row, ri) => row.forEach((cell, ci) => { if (!/thumbnail$/.test(cell)) expect(g[ri]![ci]).toBe(cell); }));
      });
    });
  }
  it('table_05/06: a table holding a bigger table is a layout wrapper here (docling flattens it into one cell)', () => {
    const r = extractHtml(new Uint8Array(readFileSync(docling('sources/table_05.html'))));
    expect(grids(r.blocks).map(texts)).toEqual([[['A1', 'B1', 'C1'], ['D1', 'E1', 'F1']]]);
    expect(lines(r.blocks)).toEqual(['Header', 'This is the first paragraph.', 'A', 'B', '2...', 'After table']);
  });
});

describe('hostile pages', () => {
  it('a tag bomb gives a one-line InputError at once, not minutes of parsing and a stack overflow', async () => {
    const { htmlExtractor } = await import('../../../extractors/html/index.js');
    const bomb = new TextEncoder().encode('<html><body>' + '<div>'.repeat(200000) + 'x' + '</div>'.repeat(200000) + '</body></html>');
    await expect(htmlExtractor.extract(bomb, { source: 'bomb.html' })).rejects.toThrow(/nests its elements 200002 levels deep/);
  });

  it('unclosed cells and paragraphs of a long real table do not count as nesting', async () => {
    const { maxNesting } = await import('../../../extractors/html/depth.js');
    const rows = Array.from({ length: 5000 }, (_, i) => `<tr><td>${i}<td><p>x`).join('');
    expect(maxNesting(`<html><body><div><table>${rows}</table></div></body></html>`)).toBe(4);
  });
});
