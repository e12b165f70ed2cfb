// Code cells of a 1-bit scan read again (reread-codes.ts). The sparse first pass over a thresholded
// page of thin print reads a code standing alone in its narrow ruled cell as no code (02 → `oz`);
// read again on its own crop, enlarged, the same ink reads as printed. A crop of the dev grid's
// fax-200 scan (a real page of an answer-key document, 1-bit, 200 dpi: the 类/款/项 columns and the
// start of the 科目名称 column of 收入总体情况表), cut with
//   convert /tmp/fx-grid/dev/fax-200/pages/yt-yibaoju-2026-dept-budget-p08.tif -crop 520x1000+0+460 +repage -depth 1 -type bilevel yt-yibaoju-p08-fax-codes-crop.png
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, type GreyImage } from '../../../extractors/ocr/image.js';
import { createOcrPool, type OcrPool } from '../../../extractors/ocr/index.js';
import { codeColumnLength, codeRereadAccepted } from '../../../extractors/ocr/reread-codes.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from '../../../extractors/ocr/settings.js';
import type { OcrWord } from '../../../extractors/ocr/types.js';
import { fixture } from '../../fixture.js';

const crop: GreyImage = decodePng(new Uint8Array(readFileSync(fixture('scans/yt-yibaoju-p08-fax-codes-crop.png'))));
const S = DEFAULT_OCR_SETTINGS;
// the codes printed in the crop's 项 column, top to bottom (2050803, 2080501 … 2080506, 2082799, 2101101, 2101102)
const PRINTED_ITEM_CODES = ['03', '01', '02', '05', '06', '99', '01', '02'];

let pool: OcrPool;
beforeAll(async () => {
  pool = await createOcrPool({ workers: 1 });
});
afterAll(async () => {
  await pool.close();
});

/** the words of the 项 column (between the rules at x ≈ 160 and 225), top to bottom */
async function itemColumn(settings: OcrSettings): Promise<OcrWord[]> {
  const p = await pool.recognize(crop, { dpi: 200, settings, rotate: 0 });
  return p.words.filter((w) => w.box.x0 > 160 && w.box.x1 < 225).sort((a, b) => a.box.y0 - b.box.y0);
}

describe('code cells of a 1-bit scan', () => {
  it('are read again on their crops: a code the page pass read as no code takes the reading of its own ink', async () => {
    const off = await itemColumn({ ...S, rereadCodes: { ...S.rereadCodes, on: 0 } });
    const on = await itemColumn(S);
    // the page pass leaves a cell of the column no code; read again, every cell of it is one, and
    // every reading taken is the code printed there
    expect(off.some((w) => !/^\d{2}$/.test(w.text) && !/[\u3400-\u9fff]/.test(w.text))).toBe(true);
    const reread = on.filter((w) => w.reread !== undefined);
    expect(reread.length).toBeGreaterThan(0);
    expect(on.filter((w) => !/[\u3400-\u9fff]/.test(w.text)).every((w) => /^\d{2}$/.test(w.text))).toBe(true);
    expect(on.length).toBe(PRINTED_ITEM_CODES.length);
    on.forEach((w, i) => {
      if (w.reread !== undefined) expect(w.text).toBe(PRINTED_ITEM_CODES[i]);
    });
  }, 60_000);

  it('a column is one of codes when most of its words are codes of one length; a reading replaces a code only when clearly more confident', () => {
    expect(codeColumnLength(['205', '208', '200'])).toBe(3);
    expect(codeColumnLength(['08', '05', '27', 'n'])).toBe(2);
    expect(codeColumnLength(['1.70', '327.92', '70'])).toBeUndefined();
    // no code read first: a code of the column's length is taken, anything else not
    expect(codeRereadAccepted('oz', 77, '02', 69, 2)).toBe(true);
    expect(codeRereadAccepted('oz', 77, '2', 69, 2)).toBe(false);
    expect(codeRereadAccepted('oz', 77, 'ow', 69, 2)).toBe(false);
    expect(codeRereadAccepted('oz', 77, '02', S.rereadCodes.minConfidence - 1, 2)).toBe(false);
    // a code read first: replaced only by a reading more confident by rereadCodes.replaceGain
    expect(codeRereadAccepted('200', 85, '210', 96, 3)).toBe(true);
    expect(codeRereadAccepted('03', 90, '05', 93, 2)).toBe(false);
  });
});
