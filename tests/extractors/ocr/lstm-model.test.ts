// The language models cut down to what the LSTM engine reads (a worker loads 8 MB instead of
// 68 MB): the parts kept are byte-for-byte those of the packaged model, the legacy classifier is
// gone, and a page region reads exactly as it does with the whole model.
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Tesseract from 'tesseract.js';
import { afterAll, describe, expect, it } from 'vitest';
import { crop, decodeImagePages, encodePgm } from '../../../extractors/ocr/image.js';
import { lstmOnlyModel } from '../../../extractors/ocr/lstm-model.js';
import { languageFolder } from '../../../extractors/ocr/pool.js';
import { fixture } from '../../fixture.js';

const require = createRequire(import.meta.url);
const packaged = (lang: string): string => path.join(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0', `${lang}.traineddata.gz`);

/** the parts of a traineddata file: entry number -> bytes */
function parts(model: Uint8Array): Map<number, Buffer> {
  const b = Buffer.from(model.buffer, model.byteOffset, model.byteLength);
  const n = b.readInt32LE(0);
  const offs = Array.from({ length: n }, (_, i) => Number(b.readBigInt64LE(4 + 8 * i)));
  const present = offs.map((o, i) => ({ i, o })).filter((p) => p.o >= 0);
  return new Map(present.map((p, k) => [p.i, b.subarray(p.o, k + 1 < present.length ? present[k + 1]!.o : b.length)]));
}

describe('lstmOnlyModel', () => {
  it('keeps the LSTM engine’s parts of chi_sim byte for byte and drops the legacy classifier', () => {
    const full = new Uint8Array(gunzipSync(readFileSync(packaged('chi_sim'))));
    const cut = lstmOnlyModel(full);
    const before = parts(full);
    const after = parts(cut);
    expect(cut.byteLength).toBeLessThan(full.byteLength / 10);
    // 3 inttemp (the legacy classifier's templates), 13 shapetable: gone
    expect(before.has(3) && before.has(13)).toBe(true);
    expect(after.has(3) || after.has(13)).toBe(false);
    // 17 lstm, 1 unicharset, 19 lstm-word-dawg, 23 version: the same bytes
    for (const i of [1, 17, 19, 23]) expect(after.get(i)?.equals(before.get(i)!)).toBe(true);
    // a model already cut is returned as it is; bytes that are no model too
    expect(lstmOnlyModel(cut)).toBe(cut);
    const junk = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(lstmOnlyModel(junk)).toBe(junk);
  });

  describe('reading with the cut models', () => {
    const whole = mkdtempSync(path.join(os.tmpdir(), 'fx-lstm-whole-'));
    const workers: Tesseract.Worker[] = [];
    afterAll(async () => {
      await Promise.all(workers.map((w) => w.terminate()));
      rmSync(whole, { recursive: true, force: true });
    });

    it('a scanned table region reads word for word, box for box, as with the whole models', async () => {
      for (const l of ['chi_sim', 'eng']) symlinkSync(packaged(l), path.join(whole, `${l}.traineddata.gz`));
      const opts = { cacheMethod: 'none', logger: () => undefined, errorHandler: () => undefined };
      const a = await Tesseract.createWorker(['chi_sim', 'eng'], Tesseract.OEM.LSTM_ONLY, { ...opts, langPath: whole, gzip: true });
      workers.push(a);
      const b = await Tesseract.createWorker(['chi_sim', 'eng'], Tesseract.OEM.LSTM_ONLY, { ...opts, langPath: languageFolder(['chi_sim', 'eng']), gzip: false });
      workers.push(b);
      const [page] = await decodeImagePages(new Uint8Array(readFileSync(fixture('scans/putuo-p08-200dpi-skew.png'))));
      // the top of the table: title, header, the first rows (CJK labels, codes, amounts)
      const region = encodePgm(crop(page!, 0, 0, page!.width, Math.round(page!.height * 0.3)));
      const read = async (w: Tesseract.Worker): Promise<unknown> => {
        await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SPARSE_TEXT, user_defined_dpi: '200' });
        const r = await w.recognize(Buffer.from(region), {}, { text: false, blocks: true });
        return r.data.blocks;
      };
      const [ra, rb] = [await read(a), await read(b)];
      const words = (r: unknown): string[] => JSON.stringify(r).match(/"text":"[^"]*"/g) ?? [];
      expect(words(ra).length).toBeGreaterThan(20);
      expect(rb).toEqual(ra);
    }, 120_000);
  });
});
