// Page shapes of content-management systems: a table pasted in two halves repeats its header rows
// in the middle (dropped, full-width and bracketed amounts read as amounts); captions printed
// under their tables name the table above them, not the next one (web pages only); a unit
// floated into the title's line is the table's unit and not part of its title; a blank row whose
// empty cells print dashes gives no facts; a GBK page labelled ISO-8859-1 whose amounts are in
// full-width digits is still recognised as Chinese. A part of the header printed again (one flat row
// of its words, respaced, a unit added) is dropped too; a page mixing captions above and below its
// tables binds each to its own table, and a unit printed under a table to that table; a page in
// UTF-16 without a byte-order mark is read as HTML.
import { describe, it, expect } from 'vitest';
import type { Block, RawGrid } from '../../../model/types.js';
import { extractHtml } from '../../../extractors/html/index.js';
import { decodeHtml } from '../../../extractors/html/decode.js';
import { locateTables } from '../../../normalizers/tables/locate.js';
import { processDocument } from '../../../pipeline/process-document.js';

const enc = (s: string) => new TextEncoder().encode(s);
const grids = (bs: Block[]): RawGrid[] => bs.flatMap((b) => (b.kind === 'grid' ? [b.grid] : []));
const texts = (g: RawGrid) => g.rows.map((r) => r.map((c) => c.text));
const row = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

const HEAD = `<tr><td rowspan="2">科目编码</td><td rowspan="2">科目名称</td><td colspan="2">本年支出</td></tr><tr><td>基本支出</td><td>项目支出</td></tr>`;

describe('a table pasted in two halves', () => {
  it('drops the header rows printed again in the middle, spans and all, with full-width amounts', () => {
    const html = `<table border=1>${HEAD}${row('201', '一般公共服务支出', '１，２３４．５０', '（５．２１）')}${HEAD}${row('20101', '人大事务', '－３．００', '1.00')}</table>`;
    const [g] = grids(extractHtml(enc(html)).blocks);
    expect(texts(g!)).toEqual([
      ['科目编码', '科目名称', '本年支出', ''],
      ['', '', '基本支出', '项目支出'],
      ['201', '一般公共服务支出', '１，２３４．５０', '（５．２１）'],
      ['20101', '人大事务', '－３．００', '1.00'],
    ]);
    // the merges of the rows kept still point at their origins
    expect(g!.rows[1]![0]!.mergedFrom).toEqual([0, 0]);
  });

  it('drops a part of the header printed again: its words as one flat row, or respaced with a unit added', () => {
    const flat = `<table border=1>${HEAD}${row('201', '一般公共服务支出', '1.00', '2.00')}${row('科目编码', '科目名称', '基本支出', '项目支出')}${row('20101', '人大事务', '1.00', '2.00')}</table>`;
    expect(texts(grids(extractHtml(enc(flat)).blocks)[0]!).map((r) => r[0])).toEqual(['科目编码', '', '201', '20101']);
    const altered = `<table border=1>${HEAD}${row('201', '一般公共服务支出', '1.00', '2.00')}${row('科 目 编 码', '科目名称', '基 本 支 出', '项目支出（万元）')}${row('20101', '人大事务', '1.00', '2.00')}</table>`;
    expect(grids(extractHtml(enc(altered)).blocks)[0]!.rows).toHaveLength(4);
  });

  it('keeps a row of words that are not the header words of their columns', () => {
    const html = `<table border=1>${HEAD}${row('201', '一般公共服务支出', '1.00', '2.00')}${row('', '其中：', '人员经费', '')}${row('20101', '人大事务', '1.00', '2.00')}</table>`;
    expect(grids(extractHtml(enc(html)).blocks)[0]!.rows).toHaveLength(5);
  });
});

const htmlGrid = (rows: string[][], method: RawGrid['method'] = 'html'): Block => ({ kind: 'grid', grid: { method, rows: rows.map((r) => r.map((text) => ({ text }))) } });
const line = (text: string): Block => ({ kind: 'line', text });
const T1 = [['项目', '预算数'], ['一般公共服务支出', '1.00']];
const T2 = [['科目编码', '科目名称', '合计'], ['201', '一般公共服务支出', '1.00']];

describe('captions under their tables', () => {
  const page = (method: RawGrid['method']): Block[] => [
    line('某局2026年度部门预算公开'),
    line('单位：万元'),
    htmlGrid(T1, method),
    line('表1　收支总表'),
    line('注：本表反映部门收支情况。'),
    line('单位：元'),
    htmlGrid(T2, method),
    line('表5　一般公共预算支出表'),
    line('附件：某局部门预算.pdf'),
  ];

  it('on a web page each table takes the caption printed under it, with its number', () => {
    const c = locateTables(page('html'));
    expect(c.map((x) => [x.title, x.table_no, x.unit])).toEqual([
      ['表1收支总表', '表1', '万元'],
      ['表5一般公共预算支出表', '表5', '元'],
    ]);
  });

  it('on a PDF page the lines above a table stay its title block', () => {
    const c = locateTables(page('ruled'));
    expect(c.map((x) => x.title)).toEqual(['', '表1收支总表']);
  });

  it('titles printed above their tables stay with them when a note follows each table', () => {
    const c = locateTables([line('表1　收支总表'), htmlGrid(T1), line('注：无。'), line('表5　一般公共预算支出表'), htmlGrid(T2), line('注：无。')]);
    expect(c.map((x) => x.title)).toEqual(['表1收支总表', '表5一般公共预算支出表']);
  });

  it('a first table without a title does not shift the titles of tables whose note comes first', () => {
    const c = locateTables([htmlGrid(T1), line('注：无。'), line('表5　一般公共预算支出表'), htmlGrid(T2), line('注：无。'), line('附表　政府采购预算表')]);
    expect(c.map((x) => x.title)).toEqual(['', '表5一般公共预算支出表']);
  });
});

describe('a page that prints some captions above their tables and some below', () => {
  it('binds each title to the table it was printed for, and a unit printed under a table to it', () => {
    const T3 = [['项目', '金额'], ['因公出国（境）费', '1.00']];
    const c = locateTables([
      line('表1　收支总表'),
      line('单位：万元'),
      htmlGrid(T1),
      line('注：无。'),
      line('单位：元'),
      htmlGrid(T2),
      line('表5　一般公共预算支出表'),
      line('注：无。'),
      line('表8　“三公”经费支出表'),
      htmlGrid(T3),
      line('单位：万元'),
      line('注：无。'),
    ]);
    expect(c.map((x) => [x.title, x.unit])).toEqual([
      ['表1收支总表', '万元'],
      ['表5一般公共预算支出表', '元'],
      ['表8“三公”经费支出表', '万元'],
    ]);
  });

  it('a unit printed under a table goes to it, not to the next table', () => {
    const c = locateTables([line('收支总表'), htmlGrid(T1), line('单位：元'), line('一般公共预算支出表'), line('部门：某局'), htmlGrid(T2), line('单位：万元')]);
    expect(c.map((x) => x.unit)).toEqual(['元', '万元']);
  });
});

describe('a unit on the title line', () => {
  it('is the unit, and the title is the words before it', () => {
    const [c] = locateTables([line('2026年一般公共预算支出表单位：万元'), htmlGrid(T2)]);
    expect([c!.title, c!.unit]).toEqual(['2026年一般公共预算支出表', '万元']);
  });
});

describe('dashes in empty cells', () => {
  it('a row of dashes alone is a blank row: no facts; a dash beside a label is a zero', async () => {
    const page = `<html><head><meta charset="utf-8"></head><body><p>2026年一般公共预算支出表</p><p>单位：万元</p>
<table border=1><tr><td>科目编码</td><td>科目名称</td><td>合计</td><td>基本支出</td><td>项目支出</td></tr>
${row('201', '一般公共服务支出', '3.00', '1.00', '2.00')}${row('20101', '人大事务', '3.00', '1.00', '2.00')}${row('2010101', '行政运行', '1.00', '1.00', '—')}${row('', '', '－', '/', '-')}</table></body></html>`;
    const rec = await processDocument('dashes.html', enc(page));
    const facts = rec.facts.map((f) => `${f.code || f.item}|${f.measure}|${f.value.toFixed()}`);
    expect(facts).toHaveLength(9);
    expect(facts).toContain('2010101|project|0');
    expect(rec.facts.every((f) => f.code !== '')).toBe(true);
  });
});

describe('a page saved as UTF-16 without a byte-order mark', () => {
  it('is read as HTML in UTF-16, little- or big-endian, whatever its <meta> says', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>2026年一般公共预算支出表</p><p>单位：万元</p>
<table border=1><tr><td>科目编码</td><td>科目名称</td><td>合计</td></tr>${row('201', '一般公共服务支出', '3.00')}${row('20101', '人大事务', '3.00')}</table></body></html>`;
    for (const be of [false, true]) {
      const bytes = new Uint8Array(page.length * 2);
      for (let i = 0; i < page.length; i++) {
        const u = page.charCodeAt(i);
        bytes[2 * i + (be ? 1 : 0)] = u & 0xff;
        bytes[2 * i + (be ? 0 : 1)] = u >> 8;
      }
      expect(decodeHtml(bytes)).toMatchObject({ encoding: be ? 'utf-16be' : 'utf-16le' });
      const rec = await processDocument('unicode.htm', bytes);
      expect(rec.format).toBe('html');
      expect(rec.facts.map((f) => `${f.code}|${f.value.toFixed(2)}|${f.unit}`)).toEqual(['201|3.00|万元', '20101|3.00|万元']);
    }
  });
});

/** GBK bytes (from Node's own GBK decoder) */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

describe('a GBK page labelled ISO-8859-1', () => {
  it('is read by its bytes when most of its Chinese text is full-width amounts', () => {
    const amounts = Array.from({ length: 30 }, (_, i) => `<tr><td>科目</td><td>１２，３４${String.fromCharCode(0xff10 + (i % 10))}．５０</td><td>（６７８．９０）</td></tr>`).join('');
    const page = gbk(`<html><head><meta charset="iso-8859-1"></head><body><table>${amounts}</table></body></html>`);
    const d = decodeHtml(page);
    expect(d.encoding).toBe('gb18030');
    expect(d.note).toMatch(/declared iso-8859-1 .* Chinese text in gb18030/);
    expect(d.text).toContain('１２，３４０．５０');
  });
});
