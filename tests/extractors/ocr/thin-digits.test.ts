// A thinly printed scan whose digits break at the ink threshold (the dev grid's level-200
// condition: levels 6–93 %, JPEG 80; yt-yibaoju 2026 表5, page 16, the 基本支出 / 人员支出 columns of
// rows 2101501 … 22102). On the page, OCR read `172` for `172. 12` and `356` for `356. 19`: the
// decimals after the wide gap were lost. Made with:
//   convert yt-yibaoju-2026-dept-budget-p16.jpg -crop 330x300+1310+500 +repage -colorspace Gray \
//     -depth 8 -define png:color-type=0 scans/yt-yibaoju-p16-level-thin-digits-crop.png
// 1. The second reading of such a number (`172.12`) must not be refused for want of ink: the 2's
//    diagonal is gone at the threshold, leaving its arc, its stem and its foot, each lower than a
//    digit (extractors/ocr/digit-ink.ts joins them by their columns).
// 2. A cell read again from the page image for a failing sum (extractors/ocr/reread-cells.ts) on the
//    box of the digits first read (`356`) cannot see the decimals lost right of it; the box of a
//    cell flagged ocr_decimals_lost reaches rereadSums.lostDecimalsEm times its height further right
//    (normalizers/ocr-correct/reread.ts rereadTargets), and the decimals are read.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inkDigits } from '../../../extractors/ocr/digit-ink.js';
import { decodeImagePages, type GreyImage } from '../../../extractors/ocr/image.js';
import { createOcrPool, type OcrPool } from '../../../extractors/ocr/index.js';
import { binarize, eraseRules, findRules, otsu, tableRules } from '../../../extractors/ocr/prep.js';
import { cellRereader, keepPage } from '../../../extractors/ocr/reread-cells.js';
import { DEFAULT_OCR_SETTINGS } from '../../../extractors/ocr/settings.js';
import { rereadTargets } from '../../../normalizers/ocr-correct/reread.js';
import { OCR_DECIMALS_LOST } from '../../../normalizers/facts/index.js';
import { fixture } from '../../fixture.js';
import { makeDoc } from '../../ocr-correct/helpers.js';

const crop = async (): Promise<GreyImage> => (await decodeImagePages(new Uint8Array(readFileSync(fixture('scans/yt-yibaoju-p16-level-thin-digits-crop.png')))))[0]!;

describe('digits broken at the ink threshold', () => {
  it('count once each: 172.12 holds five digits of ink, not four', async () => {
    const img = await crop();
    const t = otsu(img);
    // the 172. 12 of row 22102 [基本支出 / 小计], the 172 first read, and the 1,202.92 row (its `1,` cut off by the crop)
    expect(inkDigits(img, t, { x0: 15, y0: 269, x1: 77, y1: 289 }, [{ x0: 15, y0: 269, x1: 44, y1: 289 }])).toBe(5);
    expect(inkDigits(img, t, { x0: 2, y0: 168, x1: 77, y1: 189 }, [{ x0: 2, y0: 168, x1: 77, y1: 189 }])).toBe(5);
    // whole digits are not split: the 172. 12 of row 221, its 2s unbroken
    expect(inkDigits(img, t, { x0: 250, y0: 218, x1: 313, y1: 238 }, [{ x0: 250, y0: 218, x1: 280, y1: 238 }])).toBe(5);
  });

  it('a reading with a digit more than the ink holds is still refused', async () => {
    const img = await crop();
    const ink = inkDigits(img, otsu(img), { x0: 15, y0: 269, x1: 77, y1: 289 }, [{ x0: 15, y0: 269, x1: 44, y1: 289 }])!;
    expect(ink).toBeGreaterThanOrEqual('172.12'.replace(/\D/g, '').length);
    expect(ink).toBeLessThan('1172.12'.replace(/\D/g, '').length);
    // pieces narrower than a digit (the ends of a 3's arcs) are no digit: with any width they would be
    const loose = inkDigits(img, otsu(img), { x0: 248, y0: 14, x1: 313, y1: 34 }, [{ x0: 248, y0: 14, x1: 286, y1: 34 }], { ...DEFAULT_OCR_SETTINGS.digitInk, brokenMinWidth: 0 })!;
    expect(inkDigits(img, otsu(img), { x0: 248, y0: 14, x1: 313, y1: 34 }, [{ x0: 248, y0: 14, x1: 286, y1: 34 }])).toBeLessThan(loose);
  });
});

describe('a cell read without its decimals, read again on a box reaching right', () => {
  let pool: OcrPool;
  beforeAll(async () => {
    pool = await createOcrPool({ workers: 1 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('356 → 356.19 and 172 → 172.12 on the widened box; the box of the digits first read gives them again', async () => {
    const img = await crop();
    // as recognize.ts keeps a page: its rules erased
    eraseRules(img, tableRules(findRules(binarize(img, otsu(img)), img.width, img.height, { dpi: 200 }), 8));
    const page = { width: img.width, height: img.height, dpi: 200, words: [], rules: [], rotation: 0, skew: 0, confidence: 0, timings: { prep: 0, orientation: 0, ocr: 0 }, image: img };
    const kept = keepPage(1, page, { width: (img.width * 72) / 200, height: (img.height * 72) / 200, rotation: 0, skew: 0 }, 1)!;
    const pt = (px: number): number => (px * 72) / 200;
    // the boxes the page's first reading gave the two cells (points): `356` and `172`, each in a
    // row whose total read right (356.19 = 356 fails), flagged as read without their decimals
    const boxes = [{ x0: pt(250), y0: pt(16), x1: pt(284), y1: pt(32) }, { x0: pt(17), y0: pt(271), x1: pt(44), y1: pt(287) }];
    const doc = makeDoc([
      ['2101501', '行政运行', '356.19', '356', ''],
      ['22102', '住房改革支出', '172.12', '172', ''],
    ]);
    doc.facts.forEach((f, i) => {
      f.page = 1;
      f.box = f.measure === 'basic' ? boxes[f.code === '2101501' ? 0 : 1]! : { x0: 0, y0: i * 10, x1: 20, y1: i * 10 + 5 };
      if (f.measure === 'basic') f.flags.push(OCR_DECIMALS_LOST);
    });
    const em = DEFAULT_OCR_SETTINGS.rereadSums.lostDecimalsEm;
    const reread = cellRereader([kept], pool, DEFAULT_OCR_SETTINGS);
    const narrow = await reread(boxes.map((box) => ({ page: 1, box })));
    expect(narrow.cells.map((c) => c.readings[0]?.text)).toEqual(['356', '172']);
    const { requests } = rereadTargets(doc, 120, em);
    const asked = requests.filter((r) => boxes.some((b) => b.y0 === r.box.y0));
    expect(asked).toHaveLength(2);
    // (without the setting, the boxes first read)
    expect(rereadTargets(doc, 120, 0).requests.filter((r) => boxes.includes(r.box))).toHaveLength(2);
    const wide = await reread(asked);
    expect(wide.problems).toEqual([]);
    expect(wide.cells.map((c) => c.readings.map((r) => r.text))).toEqual([['356.19', '356.19', '356.19'], ['172.12', '172.12', '172.12']]);
  }, 30_000);
});
