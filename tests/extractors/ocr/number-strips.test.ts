// The number re-read's cost cut without changing what it reads: the digit strips go to workers of
// the Latin model alone (RawJobOptions.langs), which read them as chi_sim+eng does. On a real crop
// of a faint 150 dpi scan (three cells of 4.70 between vertical rules at x 54–55 and 231–232).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImagePages, enlargeBicubic, type GreyImage } from '../../../extractors/ocr/image.js';
import { TesseractPool } from '../../../extractors/ocr/pool.js';

const CROP = new URL('../../fixtures/scans/yt-yibaoju-p15-faint-4-70-crop.png', import.meta.url);

let img: GreyImage;
beforeAll(async () => {
  img = (await decodeImagePages(new Uint8Array(readFileSync(CROP))))[0]!;
});

describe('jobs in another language', () => {
  let pool: TesseractPool;
  beforeAll(() => {
    pool = new TesseractPool({ workers: 1 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('reads a digit strip with eng alone as chi_sim+eng reads it, on workers of its own', async () => {
    // as recognize.ts prepares a 150 dpi scan: enlarged bicubic to 200 dpi; the column between the rules
    const page = enlargeBicubic(img, 200 / 150);
    const x0 = 76;
    const strip: GreyImage = { width: 226, height: page.height, data: new Uint8Array(226 * page.height) };
    for (let y = 0; y < page.height; y++) strip.data.set(page.data.subarray(y * page.width + x0, y * page.width + x0 + 226), y * 226);
    const run = pool.runner();
    const job = { psm: '6' as const, dpi: 200, whitelist: '0123456789.,-' };
    const both = await run.run(strip, job);
    const started = pool.workersStarted;
    const eng = await run.run(strip, { ...job, langs: ['eng'] });
    const text = (r: typeof both): string[] => r.words.map((w) => w.text);
    // (the faint 4 of the lower two cells is read as 1 by either: the re-read keeps the first
    // reading's digits, reread-numbers.ts rereadAccepted)
    expect(text(both)).toEqual(['4.70', '1.70', '1.70']);
    expect(text(eng)).toEqual(text(both));
    // the eng job did not start a worker of this pool's languages
    expect(pool.workersStarted).toBe(started);
  });
});
