// The text re-read's cost cut (OcrSettings.rereadText.cjkModel): its strips go to workers of the CJK
// model alone (RawJobOptions.langs); chi_sim+eng reads a line it finds doubtful again with eng, and on
// a degraded page most lines are (the dev fax-200 strips took 40% less CPU with chi_sim alone). On a
// real crop of a prepared dev fax-200 page (a 收支总表's expenditure labels, rules erased), its words
// as PSM 11 reads the crop.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImagePages, type GreyImage } from '../../../extractors/ocr/image.js';
import { TesseractPool, type OcrRunner, type RawJobOptions } from '../../../extractors/ocr/pool.js';
import type { PixelRule } from '../../../extractors/ocr/prep.js';
import { rereadText } from '../../../extractors/ocr/reread-text.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from '../../../extractors/ocr/settings.js';
import type { OcrWord } from '../../../extractors/ocr/types.js';

const CROP = new URL('../../fixtures/scans/wanlijiedao-fax-200-labels-crop.png', import.meta.url);

let img: GreyImage;
let pool: TesseractPool;
let first: OcrWord[];
/** the column's rules as the page's were found (erased from the image): its sides and the row rules */
let rules: PixelRule[];

beforeAll(async () => {
  img = (await decodeImagePages(new Uint8Array(readFileSync(CROP))))[0]!;
  pool = new TesseractPool({ workers: 1 });
  const r = await pool.runner().run(img, { psm: '11', dpi: 200, page: true });
  first = r.words.filter((w) => w.text.trim()).map((w) => ({ text: w.text.trim(), box: { ...w.bbox }, confidence: Math.round(w.confidence * 10) / 10, line: w.line }));
  const side = (x: number): PixelRule => ({ horizontal: false, pos: x, a: 0, b: img.height - 1, thickness: 1 });
  const row = (y: number): PixelRule => ({ horizontal: true, pos: y, a: 0, b: img.width - 1, thickness: 1 });
  rules = [side(1), side(img.width - 2), ...[6, 72, 138, 205, 272, 326].map(row)];
});

afterAll(async () => {
  await pool.close();
});

/** a runner of the pool that records the jobs it is given */
function recording(): { runner: OcrRunner; jobs: RawJobOptions[] } {
  const base = pool.runner();
  const jobs: RawJobOptions[] = [];
  return { jobs, runner: { run: (image, opts = {}) => (jobs.push(opts), base.run(image, opts)) } };
}

const withModel = (cjkModel: number): OcrSettings => ({ ...DEFAULT_OCR_SETTINGS, rereadText: { ...DEFAULT_OCR_SETTINGS.rereadText, cjkModel } });

const taken = (words: readonly OcrWord[]): string[] => words.filter((w) => w.reread !== undefined).map((w) => w.text);

describe('text strips', () => {
  it('are read by chi_sim alone, and the cells take what chi_sim+eng gives them', async () => {
    const cjk = recording();
    const { words: alone } = await rereadText(cjk.runner, img, rules, first, 200, withModel(1));
    expect(cjk.jobs.length).toBeGreaterThan(0);
    expect(cjk.jobs.map((j) => j.langs?.join('+'))).toEqual(cjk.jobs.map(() => 'chi_sim'));
    const both = recording();
    const { words: page } = await rereadText(both.runner, img, rules, first, 200, withModel(0));
    expect(both.jobs.every((j) => j.langs === undefined)).toBe(true);
    // the 舫 PSM 11 read for 般, the list number and 、 of the longest label
    expect(taken(alone).some((t) => t.includes('般公共服务支出'))).toBe(true);
    expect(taken(alone)).toContain('五、文化旅游体育与传媒支出');
    expect(taken(alone)).toEqual(taken(page));
  });
});
