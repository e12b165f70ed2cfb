// OCR end to end on real pages (each OCR'd page costs ~2-4 s on 2 cores: kept to two pages).
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawGrid } from '../../../model/types.js';
import { InputError } from '../../../model/stages.js';
import { createOcrPool, imageExtractor, layoutOcr, ocrPdfPagesDetailed, ocrToContent, type OcrPool } from '../../../extractors/ocr/index.js';
import { corpusBytes } from '../pdf/corpus.js';
import { fixture as fixturePath } from '../../fixture.js';

const fixture = fixturePath('scans/putuo-p08-200dpi-skew.png');

function rowWith(grid: RawGrid, ...start: string[]): string[] | undefined {
  return grid.rows.map((r) => r.map((c) => c.text)).find((t) => start.every((s, i) => t[i] === s));
}

let pool: OcrPool;
const cwdBefore = readdirSync(process.cwd()).sort();

beforeAll(async () => {
  pool = await createOcrPool({ workers: 2 });
});
afterAll(async () => {
  await pool?.close();
});

describe('OCR of a scanned ruled table (putuo 2024 决算 p. 8 at 200 dpi, skewed 0.8°, noise)', () => {
  let grid: RawGrid;
  let skew = 0;
  beforeAll(async () => {
    const page = await pool.recognize(new Uint8Array(readFileSync(fixture)), { dpi: 200 });
    skew = page.skew;
    const blocks = layoutOcr([ocrToContent(page, 8)]);
    grid = blocks.flatMap((b) => (b.kind === 'grid' ? [b.grid] : []))[0]!;
  });

  it('measures the skew and finds the grid from the rules in the image', () => {
    expect(skew).toBeGreaterThan(-1);
    expect(skew).toBeLessThan(-0.6);
    expect(grid.method).toBe('ocr');
    expect(grid.rows[0]!.length).toBe(11);
  });

  it('puts codes and amounts in the right cells', () => {
    expect(rowWith(grid, '类', '款', '项', '合计')?.slice(4)).toEqual(['2,946.25', '2,940.05', '', '', '', '', '6.20']);
    expect(rowWith(grid, '201', '06', '01')?.slice(3, 6)).toEqual(['行政运行', '1,511.90', '1,511.89']);
    expect(rowWith(grid, '201', '06', '01')?.[10]).toBe('0.01');
    expect(rowWith(grid, '201', '06', '02')?.slice(4, 6)).toEqual(['16.19', '10.00']);
    expect(rowWith(grid, '208', '05', '05')?.slice(4, 6)).toEqual(['160.75', '160.75']);
    expect(rowWith(grid, '208', '05', '01')?.slice(3, 6)).toEqual(['行政单位离退休', '84.65', '84.65']);
  });

  it('keeps the OCR confidence on the cells', () => {
    const cell = grid.rows.flat().find((c) => c.text === '2,946.25')!;
    expect(cell.confidence).toBeGreaterThan(60);
    expect(grid.notes?.some((n) => /confidence/.test(n))).toBe(true);
  });
});

describe('a scanned PDF with its table page turned a quarter (长财文指〔2025〕37号 p. 2)', () => {
  it('is detected as rotated and read upright', async () => {
    const { pages: [p], issues } = await ocrPdfPagesDetailed(corpusBytes('cs-caizhengju-2025-wenlv-fund-notice-SCANNED.pdf'), [2], { pool });
    expect(issues).toEqual([]);
    expect(p!.source).toBe('embedded');
    expect(p!.content.rotation).toBe(90);
    const blocks = layoutOcr([p!]);
    expect(blocks.some((b) => b.kind === 'line' && b.text.includes('2025年文化和旅游项目资金安排表'))).toBe(true);
    const grid = blocks.flatMap((b) => (b.kind === 'grid' ? [b.grid] : []))[0]!;
    const rows = grid.rows.map((r) => r.map((c) => c.text));
    expect(rows[1]!.at(-1)).toBe('258.7907');
    expect(rows[1]![2]).toMatch(/^2070199/);
    expect(rows.find((r) => r[0] === '合计')?.at(-1)).toBe('264.0907');
  });
});

describe('input and side effects', () => {
  it('gives a corrupt image a one-line InputError', async () => {
    const bytes = readFileSync(fixture).subarray(0, 4000);
    const err = await imageExtractor.extract(new Uint8Array(bytes), { source: 'cut.png' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).not.toContain('\n');
    expect((err as Error).message).toMatch(/PNG/);
    const junk = await imageExtractor.extract(Uint8Array.from([0xff, 0xd8, 0xff, 0, 1, 2, 3]), { source: 'x.jpg' }).catch((e: unknown) => e);
    expect(junk).toBeInstanceOf(InputError);
  });

  it('writes nothing into the working folder', () => {
    expect(readdirSync(process.cwd()).sort()).toEqual(cwdBefore);
    expect(readdirSync(process.cwd()).some((f) => f.endsWith('.traineddata'))).toBe(false);
  });
});
