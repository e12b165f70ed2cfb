// Shared test helpers: the seed dumps and an independent (test-side) reading of their coded rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Taxonomy } from '../../normalizers/taxonomy/index.js';
import { fixture, SAMPLES } from '../fixture.js';

/** the seed dumps: corpus/samples (the same five files as ../shared/seeds) */
export const SEEDS = SAMPLES;
/** the observed code lists (tests/fixtures/taxonomy-sources, a copy of ../shared/taxonomy-sources) */
export const TAXONOMY_SOURCES = fixture('taxonomy-sources');

export function seed(prefix: string): string[] {
  const names: Record<string, string> = {
    '000': '000_2eb6b8bca2f0722e.txt',
    '001': '001_527840cd4be78074.txt',
    '004': '004_4ed46029e7328268.txt',
  };
  return readFileSync(join(SEEDS, names[prefix] ?? prefix), 'utf8').split(/\r?\n/);
}

export interface CodedRow {
  code: string;
  name: string;
  line: number;
}

/** TSV rows `code<TAB>name…` (seed 000), markup removed; every code/name cell pair of a row. */
export function tsvCodedRows(lines: string[]): CodedRow[] {
  const out: CodedRow[] = [];
  lines.forEach((l, i) => {
    const cells = l.replace(/<\/?b>/g, '').split('\t');
    for (let c = 0; c + 1 < cells.length; c++) {
      const code = (cells[c] ?? '').trim();
      const name = (cells[c + 1] ?? '').replace(/\s+/g, '');
      if (/^[235]\d{2}(\d{2}){0,2}$/.test(code) && /[\u4e00-\u9fff]{2}/.test(name)) out.push({ code, name, line: i + 1 });
    }
  });
  return out;
}

/** One-cell-per-line rows (seed 001): a `\t<code>` line followed by a `\t<name>` line. */
export function cellCodedRows(lines: string[]): CodedRow[] {
  const out: CodedRow[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = /^\t([23]\d{2}(?:\d{2}){0,2})\s*$/.exec(lines[i] ?? '');
    const n = /^\t\s*([\u4e00-\u9fff（）()]{2,})\s*$/.exec(lines[i + 1] ?? '');
    if (m && n) {
      const code = m[1] ?? '';
      const cls = Number(code.slice(0, 3));
      if ((cls >= 201 && cls <= 234) || (cls >= 301 && cls <= 399)) out.push({ code, name: n[1] ?? '', line: i + 1 });
    }
  }
  return out;
}

/** 社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项） → its 项 code, level by level. */
export function resolveChain(tax: Taxonomy, text: string, year?: string): string | undefined {
  const m = /([^（）\s:：，。]+?)（类）([^（）]+?)（款）([^（）]+?)（项）/.exec(text.replace(/\s+/g, ''));
  if (!m) return undefined;
  const cls = tax.resolveName(m[1] ?? '', { system: 'function', level: '类', ...(year ? { year } : {}) });
  if (!cls) return undefined;
  const kuan = tax.resolveName(m[2] ?? '', { parent: cls.code, level: '款', ...(year ? { year } : {}) });
  if (!kuan) return undefined;
  return tax.resolveName(m[3] ?? '', { parent: kuan.code, level: '项', ...(year ? { year } : {}) })?.code;
}
