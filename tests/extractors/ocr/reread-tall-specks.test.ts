// The number re-read crops a line on the rows of its words of a typical height
// (rereadNumbers.tallWord): a toner speck under a digit joins the digit's box, and a crop on that
// box takes in the next line. The crop is real: the 小计 column of a 一般公共预算财政拨款支出决算表
// from the dev grid's photocopy-200 scan (tests/bench/ocr-grid.ts), rows 4.70 to 180.03, cut with
//   convert /tmp/fx-grid/dev/photocopy-200/pages/guojia-xinfangju-2024-dept-final-p11.jpg \
//     -crop 500x190+930+560 +repage -strip -colorspace Gray -quality 92 guojia-p11-photocopy-tall-specks-crop.jpg
// prepared as recognize.ts prepares a page (paper whitened, rules found and erased, specks painted
// out); the words are the page reading's, boxes moved onto the crop: `066.` `84` for 2,066.84 (the
// 84's box 33 px high, a speck under it) and `788.` `46` for 1,788.46 (the 46's 40 px).
import { describe, expect, it } from 'vitest';
import type { OcrRunner, RawResult } from '../../../extractors/ocr/pool.js';
import { rereadNumbers } from '../../../extractors/ocr/reread-numbers.js';
import { DEFAULT_OCR_SETTINGS as S, resolveOcrSettings } from '../../../extractors/ocr/settings.js';
import type { OcrWord } from '../../../extractors/ocr/types.js';
import { cropReader, wordsOnCrop } from './photocopy-crop.js';

const CROP = new URL('../../fixtures/scans/guojia-p11-photocopy-tall-specks-crop.jpg', import.meta.url);
const AT = { x: 930, y: 560 };
/** the page reading's words, page pixels */
const PAGE_WORDS: [string, number, number, number, number][] = [
  ['70', 1368, 586, 1393, 605],
  ['229', 1312, 623, 1352, 643],
  ['066.', 1312, 661, 1358, 680],
  ['84', 1367, 661, 1393, 694],
  ['788.', 1313, 693, 1393, 718],
  ['46', 1369, 689, 1396, 729],
];
const words = wordsOnCrop(PAGE_WORDS, AT);

const crop = cropReader(CROP);

const amounts = (ws: OcrWord[]): string[] => ws.filter((w) => w.box.y0 > 95 && w.box.y0 < 140).sort((a, b) => a.box.y0 - b.box.y0).map((w) => w.text);

describe('number re-read of lines whose words took in a speck', () => {
  it('finds the column between two vertical rules', () => {
    expect(crop.rules.filter((r) => !r.horizontal)).toHaveLength(2);
  });

  it('reads 2,066.84 and 1,788.46 on the rows of their typical words', async () => {
    const out = await rereadNumbers(crop.pool.runner(), crop.img, crop.rules, words, 200, S);
    expect(amounts(out.words)).toEqual(['2,066.84', '1,788.46']);
  }, 60_000);

  it('crops those lines no higher than a line of typical words: with every word setting the rows, they take in the next line', async () => {
    // the crops the re-read is asked to read, stacked into one strip: its height
    const strip = async (tallWord: number): Promise<number> => {
      const heights: number[] = [];
      const runner: OcrRunner = { run: (image): Promise<RawResult> => (heights.push(image.height), Promise.resolve({ words: [], lines: [], confidence: 0, ms: 0 })) };
      await rereadNumbers(runner, crop.img, crop.rules, words, 200, resolveOcrSettings({ rereadNumbers: { tallWord } }));
      return heights[0]!;
    };
    const on = await strip(S.rereadNumbers.tallWord);
    const off = await strip(10);
    // (the 84's box is 14 px and the 46's 15 px taller than their lines, each crop's rows enlarged)
    expect(off - on).toBeGreaterThanOrEqual(30);
  });
});
