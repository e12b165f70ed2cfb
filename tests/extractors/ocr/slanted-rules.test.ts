// A rule whose pixels span more rows than a rule is thick, because it runs on a slight slant or
// wave across them (rules.maxTiltDeg): on the dev grid's photocopy-hi-200 scan of a 收入支出决算总表
// (tests/bench/ocr-grid.ts) the table's vertical rules, about 5 px thick, spanned 8 columns over
// 1,380 px after deskewing and were dropped as too thick; with no vertical rule the table kept none
// of its rules, and its rows were read four labels to a cell. The crop is real: the table's left
// edge, cut from the page as recognize.ts deskews it (by 0.23°):
//   page: /tmp/fx-grid/dev/photocopy-hi-200/pages/sh-putuo-caizhengju-2024-dept-final-p06.jpg,
//   deskewed, 220 × 1440 px at (90, 700), written grey JPEG quality 90
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { whitenBackground } from '../../../extractors/ocr/background.js';
import { decodeImagePages, type GreyImage } from '../../../extractors/ocr/image.js';
import { binarize, findRules, otsu, tableRules, type PixelRule } from '../../../extractors/ocr/prep.js';
import { DEFAULT_OCR_SETTINGS as S, resolveOcrSettings } from '../../../extractors/ocr/settings.js';

const CROP = new URL('../../fixtures/scans/caizhengju-p06-photocopy-hi-slanted-rule-crop.jpg', import.meta.url);

let img: GreyImage;
beforeAll(async () => {
  img = whitenBackground((await decodeImagePages(new Uint8Array(readFileSync(CROP))))[0]!, S.background);
});

const rulesWith = (settings = S): PixelRule[] => {
  const found = findRules(binarize(img, otsu(img, settings.binarize)), img.width, img.height, { dpi: 200 }, settings.rules);
  return tableRules(found, Math.round(200 / settings.rules.touchPerInch));
};
/** the vertical rules at least an inch long */
const long = (rules: PixelRule[]): PixelRule[] => rules.filter((r) => !r.horizontal && r.b - r.a >= 200);

describe('a rule on a slight slant across rows', () => {
  it('is found: the table\'s left edge, its whole height, with the row rules that meet it', () => {
    const rules = rulesWith();
    const edge = long(rules);
    expect(edge).toHaveLength(1);
    expect(edge[0]!.pos).toBeGreaterThan(20);
    expect(edge[0]!.pos).toBeLessThan(35);
    expect(edge[0]!.b - edge[0]!.a).toBeGreaterThan(1300);
    // it spans more columns than a rule is thick (what erasing it must cover)
    expect(edge[0]!.thickness).toBeGreaterThan(Math.round((200 / 72) * S.rules.maxThicknessPt));
    // the rows' rules meet it, so they are kept as the table's
    expect(rules.filter((r) => r.horizontal).length).toBeGreaterThanOrEqual(25);
  });

  it('is dropped, and the table with it, with no slant allowed', () => {
    const rules = rulesWith(resolveOcrSettings({ rules: { maxTiltDeg: 0 } }));
    expect(long(rules)).toEqual([]);
    expect(rules.filter((r) => r.horizontal)).toEqual([]);
  });

  it('is no licence for a thick bar: a band three rules thick stays out', () => {
    // a dark band 15 px wide down the crop's height (within the slant's allowance of rows, not of
    // thickness), on a slant of 2 px
    const band: GreyImage = { width: img.width, height: img.height, data: img.data.slice() };
    const at = (y: number): number => 120 + Math.round((2 * y) / band.height);
    for (let y = 0; y < band.height; y++) for (let x = at(y); x < at(y) + 15; x++) band.data[y * band.width + x] = 30;
    const found = findRules(binarize(band, otsu(band, S.binarize)), band.width, band.height, { dpi: 200 }, S.rules);
    expect(found.filter((r) => !r.horizontal && r.pos > 115 && r.pos < 140)).toEqual([]);
    // (the table's edge beside it is found)
    expect(long(found)).toHaveLength(1);
  });
});
