// Cell-level provenance (facts.csv bbox_x0..bbox_y1, source_ref) checked against the sources with
// tools the pipeline does not read with: poppler crops the PDF page at each fact's box and must
// find the printed value (tests/provenance/crop.ts); SheetJS and cheerio look up the workbook cell
// and the HTML cell each source_ref names. A scan's facts carry boxes on the page, in the order of
// the table's rows and columns.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { processDocument } from '../../pipeline/process-document.js';
import { recordsOf, type FactRow } from '../../output/records.js';
import { diffRuns } from '../../output/diff/compare.js';
import type { RunFiles } from '../../output/diff/read.js';
import { parseNumber } from '../../normalizers/values/numbers.js';
import { fixture, fixtureBytes, sample } from '../fixture.js';
import { runs, skipWithout } from '../system-tools.js';
import { hasPdftoppm, scanPdf } from '../scan-pdf.js';
import { rotateSmall, type GreyImage } from '../../extractors/ocr/image.js';
import { boxOfRow, cropText, cropWords, popplerWords, printsValue, type PtBox } from './crop.js';

const poppler = runs('pdftotext', '-v');

async function factsOf(...parts: string[]): Promise<{ format: string; facts: FactRow[] }> {
  const doc = await processDocument(fixture(...parts), fixtureBytes(...parts), { ocr: parts[0] === 'scans' });
  return { format: doc.format, facts: recordsOf(doc).facts };
}

/** the page sizes poppler reports (`pdftotext -bbox`), by 1-based page */
function pageSizes(pdf: string): Map<number, { w: number; h: number }> {
  const text = execFileSync('pdftotext', ['-q', '-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const out = new Map<number, { w: number; h: number }>();
  const re = /<page width="([\d.]+)" height="([\d.]+)">/g;
  let n = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.set(++n, { w: +m[1]!, h: +m[2]! });
  return out;
}

/** text-layer fixtures with continued tables (fs: 19 pages, sz 建筑工务署: 9), two-sided 总表
 *  (guojia, xa), side-by-side 基本支出 blocks, ruled and unruled layouts, and prose figures set in
 *  running text (wanlijiedao, jianchayuan) */
const PDFS = [
  'fs-guidaojiaotongju-2019-dept-final.p5-23.pdf',
  'sz-建筑工务署-2026-dept-budget.p20-28.pdf',
  'guojia-xinfangju-2024-dept-final.p8.pdf',
  'xa-交通运输局-2022-dept-budget.p66-67+78.pdf',
  'sh-putuo-wanlijiedao-2024-dept-budget.pdf',
  'js-jianchayuan-2017-dept-budget.p19.pdf',
];

describe.skipIf(skipWithout(poppler, 'pdftotext', 'poppler-utils', 'provenance crop tests'))('bbox of facts read from a text layer', () => {
  const docs = new Map<string, FactRow[]>();
  beforeAll(async () => {
    for (const name of PDFS) {
      const { format, facts } = await factsOf('pdf', name);
      expect(format).toBe('pdf-text');
      docs.set(name, facts);
    }
  }, 240_000);

  it('every fact has a box inside its page, prose figures too', () => {
    let n = 0;
    let prose = 0;
    for (const [name, facts] of docs) {
      const sizes = pageSizes(fixture('pdf', name));
      for (const f of facts) {
        const box = boxOfRow(f);
        if (f.table_id === 'narrative') prose++;
        else n++;
        expect(box, `${name} ${f.table_id} ${f.item} ${f.measure}`).toBeDefined();
        const page = sizes.get(Number(f.page))!;
        expect(box!.x0).toBeGreaterThanOrEqual(0);
        expect(box!.y0).toBeGreaterThanOrEqual(0);
        expect(box!.x1).toBeLessThanOrEqual(page.w);
        expect(box!.y1).toBeLessThanOrEqual(page.h);
        expect(box!.x1).toBeGreaterThan(box!.x0);
        expect(box!.y1).toBeGreaterThan(box!.y0);
        expect(f.source_ref).toBe('');
        for (const c of [f.bbox_x0, f.bbox_y0, f.bbox_x1, f.bbox_y1]) expect(c).toMatch(/^\d+\.\d{2}$/);
      }
    }
    expect(n).toBeGreaterThan(1500);
    expect(prose).toBeGreaterThan(10);
  });

  it('≥ 99.5% of the boxes, cropped on poppler’s words, are the printed value; tables continued over pages included', () => {
    let n = 0;
    let ok = 0;
    let later = 0;
    const misses: string[] = [];
    for (const [name, facts] of docs) {
      const words = popplerWords(fixture('pdf', name));
      const first = new Map<string, number>();
      for (const f of facts) if (!first.has(f.table_id)) first.set(f.table_id, Number(f.page));
      for (const f of facts) {
        const box = boxOfRow(f);
        // (a prose figure's box is checked by real crops below: the emulation places the glyphs
        // of a word as the pipeline does)
        if (!box || f.table_id === 'narrative') continue;
        n++;
        const text = cropWords(words.get(Number(f.page)) ?? [], box);
        if (printsValue(text, f.value)) {
          ok++;
          if (Number(f.page) > first.get(f.table_id)!) later++;
        } else misses.push(`${name} p${f.page} ${f.table_id} ${f.item} ${f.measure} = ${f.value}: "${text}"`);
      }
    }
    expect(misses.slice(0, 10)).toEqual(misses.length / n <= 0.005 ? misses.slice(0, 10) : []);
    expect(ok / n).toBeGreaterThanOrEqual(0.995);
    // facts printed on a table's later pages carry the box of their own page
    expect(later).toBeGreaterThan(100);
  });

  it('the boxes are the value’s own text, not the cell’s area: the sides within a point of poppler’s word', () => {
    let n = 0;
    let tight = 0;
    for (const [name, facts] of docs) {
      const words = popplerWords(fixture('pdf', name));
      for (const f of facts) {
        const box = boxOfRow(f);
        if (!box || f.table_id === 'narrative') continue;
        // the poppler word(s) whose centre lies in the box: the printed value
        const inside = (words.get(Number(f.page)) ?? []).filter((w) => {
          const cx = (w.box.x0 + w.box.x1) / 2;
          const cy = (w.box.y0 + w.box.y1) / 2;
          return cx >= box.x0 && cx <= box.x1 && cy >= box.y0 && cy <= box.y1;
        });
        if (!inside.length) continue;
        n++;
        const u = { x0: Math.min(...inside.map((w) => w.box.x0)), y0: Math.min(...inside.map((w) => w.box.y0)), x1: Math.max(...inside.map((w) => w.box.x1)), y1: Math.max(...inside.map((w) => w.box.y1)) };
        // left and right edges within a point; the middles of the lines within 1.5 points (the two
        // engines take a font's ascent and descent from different places)
        const mid = (b: PtBox) => (b.y0 + b.y1) / 2;
        if (Math.abs(u.x0 - box.x0) <= 1 && Math.abs(u.x1 - box.x1) <= 1 && Math.abs(mid(u) - mid(box)) <= 1.5) tight++;
      }
    }
    expect(n).toBeGreaterThan(1500);
    expect(tight / n).toBeGreaterThanOrEqual(0.995);
  });

  it('pdftotext -x -y -W -H at the box prints the value (a sample of every kind of table, every prose figure)', async () => {
    const picked: { pdf: string; f: FactRow; box: PtBox }[] = [];
    for (const [name, facts] of docs) {
      const boxed = facts.filter((f) => boxOfRow(f));
      // each table's first and last fact and every 40th: first and last columns, continued pages
      const byTable = new Map<string, FactRow[]>();
      for (const f of boxed) byTable.set(f.table_id, [...(byTable.get(f.table_id) ?? []), f]);
      const mine = new Set<FactRow>();
      for (const list of byTable.values()) {
        mine.add(list[0]!);
        mine.add(list.at(-1)!);
      }
      boxed.forEach((f, k) => { if (k % 40 === 0 || f.table_id === 'narrative') mine.add(f); });
      for (const f of mine) picked.push({ pdf: fixture('pdf', name), f, box: boxOfRow(f)! });
    }
    expect(picked.length).toBeGreaterThan(80);
    expect(picked.filter((p) => p.f.table_id === 'narrative').length).toBeGreaterThan(10);
    const bad: string[] = [];
    for (let i = 0; i < picked.length; i += 4) {
      const chunk = picked.slice(i, i + 4);
      const texts = await Promise.all(chunk.map((p) => cropText(p.pdf, Number(p.f.page), p.box)));
      chunk.forEach((p, k) => { if (!printsValue(texts[k]!, p.f.value, p.f.table_id === 'narrative')) bad.push(`${basename(p.pdf)} p${p.f.page} ${p.f.item} ${p.f.value}: "${texts[k]}"`); });
    }
    expect(bad).toEqual([]);
  }, 180_000);
});

describe('diff and boxes', () => {
  it('a box that moved is no change of the fact: diff compares values under the same keys', async () => {
    const name = 'guojia-xinfangju-2024-dept-final.p8.pdf';
    const doc = await processDocument(fixture('pdf', name), fixtureBytes('pdf', name), { ocr: false });
    const ds = recordsOf(doc);
    const rows = (list: object[]) => list.map((r) => ({ ...r }) as Record<string, string>);
    const old: RunFiles = { dir: 'old', documents: rows(ds.documents), tables: rows(ds.tables), facts: rows(ds.facts), checks: rows(ds.checks) };
    const moved = rows(ds.facts).map((f) => ({ ...f, bbox_x0: (Number(f.bbox_x0) + 3).toFixed(2), bbox_x1: (Number(f.bbox_x1) + 3).toFixed(2) }));
    expect(moved.length).toBeGreaterThan(50);
    const d = diffRuns(old, { ...old, dir: 'new', facts: moved });
    expect(d.totals.facts_changed + d.totals.facts_added + d.totals.facts_removed).toBe(0);
    // and a value that changed is still one
    const changed = moved.map((f, k) => (k === 0 ? { ...f, value: '1.23' } : f));
    expect(diffRuns(old, { ...old, dir: 'new', facts: changed }).totals.facts_changed).toBe(1);
  });
});

/** the text of the HTML cell `table[T]!rRcC` names, looked up on the page with cheerio */
function htmlCell($: CheerioAPI, ref: string): string | undefined {
  const m = /^table\[(\d+)\]!r(\d+)c(\d+)$/.exec(ref);
  if (!m) return undefined;
  const table = $('table').eq(Number(m[1]) - 1);
  // the table's own rows as laid out: <thead> rows, then <tbody> / bare rows, then <tfoot>
  const own = (sel: string) => table.children(sel).children('tr').toArray();
  const rows = [...own('thead'), ...table.children('tr, tbody').toArray().flatMap((e) => (e.tagName === 'tr' ? [e] : $(e).children('tr').toArray())), ...own('tfoot')];
  const taken = new Map<string, boolean>();
  for (let r = 0; r < rows.length; r++) {
    let c = 0;
    for (const td of $(rows[r]).children('td, th').toArray()) {
      while (taken.get(`${r},${c}`)) c++;
      const cs = Math.max(1, Number($(td).attr('colspan') ?? 1) || 1);
      const rs = Math.max(1, Number($(td).attr('rowspan') ?? 1) || 1);
      if (r === Number(m[2]) - 1 && c === Number(m[3]) - 1) return $(td).text();
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) taken.set(`${r + dr},${c + dc}`, true);
      c += cs;
    }
  }
  return undefined;
}

const sameNumber = (text: string | undefined, value: string): boolean => {
  const p = parseNumber((text ?? '').replace(/\s+/g, ''));
  return p !== null && p.value.eq(value);
};

describe('source_ref of facts read from workbooks and HTML', () => {
  it('a workbook fact names its cell (Sheet!C7), and that cell holds the value', async () => {
    const { format, facts } = await factsOf('xlsx', 'zz-yibao-2022-final.xlsx');
    expect(format).toBe('xlsx');
    expect(facts.length).toBeGreaterThan(100);
    const wb = XLSX.read(fixtureBytes('xlsx', 'zz-yibao-2022-final.xlsx'), { type: 'array' });
    const bad: string[] = [];
    for (const f of facts) {
      expect(f.bbox_x0).toBe('');
      const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+)$/.exec(f.source_ref);
      expect(m, `${f.item} ${f.measure}: ${f.source_ref}`).not.toBeNull();
      const sheet = m![1]?.replace(/''/g, "'") ?? m![2]!;
      const cell = wb.Sheets[sheet]?.[m![3]!] as XLSX.CellObject | undefined;
      if (!sameNumber(cell?.w ?? String(cell?.v ?? ''), f.value)) bad.push(`${f.source_ref} ${f.item} ${f.measure} = ${f.value}: ${cell?.w ?? cell?.v}`);
    }
    expect(bad).toEqual([]);
  });

  for (const name of ['zz-yibao-2022-final-word.html', 'zz-yibao-2022-final-gbk.html']) {
    it(`an HTML fact names its table, row and column (table[T]!rRcC), and that cell holds the value: ${name}`, async () => {
      const { format, facts } = await factsOf('html', name);
      expect(format).toBe('html');
      expect(facts.length).toBeGreaterThan(50);
      // the page as the browser decodes it: the fixture's charset (UTF-8 or GBK)
      const bytes = fixtureBytes('html', name);
      const $ = load(new TextDecoder(/gbk/.test(name) ? 'gbk' : 'utf-8').decode(bytes));
      const bad: string[] = [];
      for (const f of facts) {
        expect(f.bbox_x0).toBe('');
        expect(f.source_ref).toMatch(/^table\[\d+\]!r\d+c\d+$/);
        if (!sameNumber(htmlCell($, f.source_ref), f.value)) bad.push(`${f.source_ref} ${f.item} ${f.measure} = ${f.value}: ${htmlCell($, f.source_ref)}`);
      }
      expect(bad).toEqual([]);
    });
  }

  it('a text dump has neither', async () => {
    const file = sample('000_2eb6b8bca2f0722e.txt');
    const doc = await processDocument(file, new Uint8Array(readFileSync(file)));
    const facts = recordsOf(doc).facts;
    expect(facts.length).toBeGreaterThan(50);
    expect(facts.every((f) => f.bbox_x0 === '' && f.bbox_y1 === '' && f.source_ref === '')).toBe(true);
  });
});

describe.skipIf(skipWithout(hasPdftoppm(), 'pdftoppm', 'poppler-utils', 'OCR provenance of a skewed scan'))('bbox of facts read by OCR from a page scanned askew', () => {
  // the page of a text-layer fixture scanned at 200 dpi, 1.2° askew: the boxes
  // of the facts read by OCR lie where the text layer's boxes of the same facts go on that scan
  const name = 'guojia-xinfangju-2024-dept-final.p8.pdf';
  const cases: { label: string; change: (g: GreyImage) => GreyImage; at: (x: number, y: number, w: number, h: number) => [number, number] }[] = [
    // (a page turned a quarter is probed each way before it is read: 60-80 s; `npm run bench -- bbox` measures it)
    {
      label: 'askew by 1.2° clockwise',
      change: (g) => rotateSmall(g, 1.2),
      at: (x, y, w, h) => {
        const a = (1.2 * Math.PI) / 180;
        const dx = x - w / 2;
        const dy = y - h / 2;
        return [w / 2 + dx * Math.cos(a) - dy * Math.sin(a), h / 2 + dx * Math.sin(a) + dy * Math.cos(a)];
      },
    },
  ];
  for (const c of cases) {
    it(`${c.label}: each box within 2 pt of where the printed value went`, async () => {
      const text = (await factsOf('pdf', name)).facts;
      const key = (f: FactRow) => [f.table_id, f.section, f.code || f.item, f.measure, f.value].join('|');
      const expected = new Map(text.map((f) => [key(f), f]));
      const bytes = scanPdf(fixture('pdf', name), [1], 200, c.change);
      const doc = await processDocument('scan.pdf', bytes);
      expect(doc.format).toBe('pdf-scanned');
      const size = { w: 842, h: 595.35 }; // the page (pdfinfo), at 200 dpi: 2339 × 1654 px
      let matched = 0;
      const off: string[] = [];
      for (const f of recordsOf(doc).facts) {
        const want = expected.get(key(f));
        const box = boxOfRow(f);
        expect(box, `${f.item} ${f.measure}`).toBeDefined();
        if (!want) continue;
        matched++;
        const w = boxOfRow(want)!;
        const [ex, ey] = c.at((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2, size.w, size.h);
        const d = Math.hypot((box!.x0 + box!.x1) / 2 - ex, (box!.y0 + box!.y1) / 2 - ey);
        if (d > 2) off.push(`${f.item} ${f.measure} ${f.value}: ${d.toFixed(1)} pt off`);
      }
      expect(matched).toBeGreaterThanOrEqual(text.length * 0.9);
      expect(off).toEqual([]);
    }, 180_000);
  }
});

describe('bbox of facts read by OCR', () => {
  it('a scanned page’s facts carry boxes on the page, ordered as the table’s rows and columns', async () => {
    const name = 'guojia-xinfangju-2024-p07-200dpi-levels-scan.pdf';
    const { format, facts } = await factsOf('scans', name);
    expect(format).toBe('pdf-scanned');
    const table = facts.filter((f) => f.table_id !== 'narrative');
    expect(table.length).toBeGreaterThan(10);
    const size = { w: 847.08, h: 602.64 }; // pdfinfo: the scan's page
    const rows = new Map<string, { box: PtBox; f: FactRow }[]>();
    for (const f of table) {
      const box = boxOfRow(f);
      expect(box, `${f.item} ${f.measure}`).toBeDefined();
      expect(box!.x0).toBeGreaterThanOrEqual(0);
      expect(box!.y0).toBeGreaterThanOrEqual(0);
      expect(box!.x1).toBeLessThanOrEqual(size.w);
      expect(box!.y1).toBeLessThanOrEqual(size.h);
      // a number's box: a line of text high, wider than a digit
      expect(box!.y1 - box!.y0).toBeGreaterThan(4);
      expect(box!.y1 - box!.y0).toBeLessThan(20);
      expect(box!.x1 - box!.x0).toBeGreaterThan(3);
      const key = `${f.table_id}|${f.section}|${f.page}|${f.code}|${f.item}`;
      rows.set(key, [...(rows.get(key) ?? []), { box: box!, f }]);
    }
    // within a row, the values are side by side left to right in the order they were read, on one line
    for (const list of rows.values()) {
      for (let k = 1; k < list.length; k++) {
        expect(list[k]!.box.x0).toBeGreaterThanOrEqual(list[k - 1]!.box.x1 - 1);
        const cy = (b: PtBox) => (b.y0 + b.y1) / 2;
        expect(Math.abs(cy(list[k]!.box) - cy(list[k - 1]!.box))).toBeLessThan(8);
      }
    }
    // rows top to bottom: in each table and section, a row's first value lies below the previous row's
    const tops = new Map<string, number[]>();
    for (const list of rows.values()) {
      const f = list[0]!.f;
      const key = `${f.table_id}|${f.section}|${f.page}`;
      tops.set(key, [...(tops.get(key) ?? []), (list[0]!.box.y0 + list[0]!.box.y1) / 2]);
    }
    for (const ys of tops.values()) for (let k = 1; k < ys.length; k++) expect(ys[k]!).toBeGreaterThan(ys[k - 1]!);
  }, 180_000);
});
