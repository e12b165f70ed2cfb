// Lone zeros with toner specks beside them (photocopy-look scans): tesseract's page reading drops a
// lone `0`, the gap fill reads its cell again, and a speck in the crop made it `.0`, `'0` or
// nothing. The crop is real: four cells of the 事业单位经营收入 column of a 部门收入预算总表 from the
// dev grid's photocopy-200 scan (tests/bench/ocr-grid.ts), each holding one 0 with specks around it
// (the first with one level with the 0 on its right and one above on its left), cut with
//   convert /tmp/fx-grid/dev/photocopy-200/pages/sh-putuo-wanlijiedao-2024-dept-budget-p11.jpg \
//     -crop 260x290+1715+690 +repage -strip wanlijiedao-p11-photocopy-zeros-crop.png
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../../../extractors/ocr/image.js';
import { createOcrPool } from '../../../extractors/ocr/index.js';
import { fixture } from '../../fixture.js';

describe('gap fill of a cell holding one digit and specks', () => {
  it('reads each lone 0, the specks beside it painted out of the crop', async () => {
    const img = decodePng(new Uint8Array(readFileSync(fixture('scans/wanlijiedao-p11-photocopy-zeros-crop.png'))));
    const pool = await createOcrPool({ workers: 1 });
    try {
      const page = await pool.recognize(img, { dpi: 200, rotate: 0 });
      const numbers = page.words.filter((w) => /\d/.test(w.text));
      // one word per cell, each a plain 0 from the gap fill (its line < 0), in four rows
      expect(numbers.map((w) => w.text)).toEqual(['0', '0', '0', '0']);
      expect(numbers.every((w) => w.line < 0)).toBe(true);
      expect(new Set(numbers.map((w) => Math.round(w.box.y0 / 60))).size).toBe(4);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
