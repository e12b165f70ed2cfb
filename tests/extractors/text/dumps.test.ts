import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectDumpStyle, textExtractor } from '../../../extractors/text/index.js';

const seedText = (f: string) => readFileSync(new URL(`../../../corpus/samples/${f}`, import.meta.url), 'utf8');
const blocks = async (f: string) => (await textExtractor.extract(new TextEncoder().encode(seedText(f)), { source: f })).blocks;

describe('text dump styles', () => {
  it('detects the style of each seed from its lines', () => {
    expect(detectDumpStyle(seedText('000_2eb6b8bca2f0722e.txt'))).toBe('tsv');
    expect(detectDumpStyle(seedText('001_527840cd4be78074.txt'))).toBe('cell-per-line');
    expect(detectDumpStyle(seedText('002_7cec67b54d9192d1.txt'))).toBe('tsv');
    expect(detectDumpStyle(seedText('003_915f6bc0cb6e7bd7.txt'))).toBe('tsv');
    expect(detectDumpStyle(seedText('004_4ed46029e7328268.txt'))).toBe('prose');
  });
  it('keeps a TSV table whole across the blank lines inside it (seed 000, 02表)', async () => {
    const b = await blocks('000_2eb6b8bca2f0722e.txt');
    const grid = b.find((x) => x.kind === 'grid' && x.grid.rows.some((r) => r[0]?.text === '2101550') && x.grid.rows.some((r) => r[0]?.text === '2101506'));
    expect(grid).toBeDefined();
  });
  it('reads one cell per line into rows (seed 001, 02表 row 208)', async () => {
    const b = await blocks('001_527840cd4be78074.txt');
    const row = b.flatMap((x) => (x.kind === 'grid' ? x.grid.rows : [])).find((r) => r[0]?.text === '208');
    expect(row?.map((c) => c.text).slice(0, 4)).toEqual(['208', '社会保障和就业支出', '275.52', '275.52']);
  });
  it('marks bold cells and strips the markup', async () => {
    const b = await blocks('000_2eb6b8bca2f0722e.txt');
    const row = b.flatMap((x) => (x.kind === 'grid' ? x.grid.rows : [])).find((r) => r[0]?.text === '本年收入合计');
    expect(row?.[0]?.bold).toBe(true);
    expect(row?.[1]?.text).toBe('7942.09');
  });
});
