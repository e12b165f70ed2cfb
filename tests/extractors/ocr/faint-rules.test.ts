// Rules printed in a light grey, found on a page brought to white from a grey paper
// (extractors/ocr/faint-rules.ts). The crop is real: the unseen bench's photocopy-200 scan
// (tests/bench/ocr-unseen.ts, BENCH_UNSEEN_SOURCE=../shared/corpus) of a 北京 部门预算's 支出总表, whose
// every row is ruled in grey and printed in black, cut with
//   convert …/photocopy-200/pages/bj-shenjiju-2026-dept-budget-tables-p03.jpg \
//     -crop 1000x330+150+270 +repage -strip -colorspace Gray -quality 92 bj-shenjiju-p03-photocopy-grey-rules-crop.jpg
// and prepared as recognize.ts prepares such a page (paper whitened, skew levelled). With the usual
// mask (the Otsu threshold, held at binarize.maxThreshold) the table has no rule at all, so no grid:
// its cells were read as free text and the page gave no fact.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whitenBackground } from '../../../extractors/ocr/background.js';
import { faintTableRules } from '../../../extractors/ocr/faint-rules.js';
import { decodeImagePages, rotateSmall, type GreyImage } from '../../../extractors/ocr/image.js';
import { binarize, findRules, measureSkew, otsu, tableRules, type PixelRule } from '../../../extractors/ocr/prep.js';
import { DEFAULT_OCR_SETTINGS as S, resolveOcrSettings } from '../../../extractors/ocr/settings.js';

const fixture = (name: string): URL => new URL(`../../fixtures/scans/${name}`, import.meta.url);

/** the crop whitened and levelled, its threshold, and the table rules of the usual mask */
async function prepared(name: string): Promise<{ img: GreyImage; threshold: number; usual: PixelRule[] }> {
  const [crop] = await decodeImagePages(new Uint8Array(readFileSync(fixture(name))));
  let img = whitenBackground(crop!, S.background);
  const skew = measureSkew(binarize(img, otsu(img, S.binarize)), img.width, img.height, 200, S.skew);
  if (Math.abs(skew) >= S.skew.minAngle) img = rotateSmall(img, -skew);
  const threshold = otsu(img, S.binarize);
  const usual = tableRules(findRules(binarize(img, threshold), img.width, img.height, { dpi: 200 }, S.rules), Math.round(200 / S.rules.touchPerInch));
  return { img, threshold, usual };
}

const near = (xs: number[], x: number, tol = 4): boolean => xs.some((p) => Math.abs(p - x) <= tol);

describe('faint table rules', () => {
  it('finds the grey rules of a photocopied table the usual mask misses', async () => {
    const { img, threshold, usual } = await prepared('bj-shenjiju-p03-photocopy-grey-rules-crop.jpg');
    expect(usual).toEqual([]);
    const rules = faintTableRules(img, threshold, usual, 200, S);
    expect(rules).toBeDefined();
    const vs = rules!.filter((r) => !r.horizontal).map((r) => r.pos);
    // the column rules as printed: the table's left edge, the three code-name columns, 合计, 基本支出, 项目支出
    for (const x of [11, 256, 503, 749, 853, 956]) expect(near(vs, x)).toBe(true);
    // a rule under every row: the crop holds the header and eleven rows, ruled about 21 px apart
    const rows = [...new Set(rules!.filter((r) => r.horizontal && r.pos > 100).map((r) => Math.round(r.pos / 7)))];
    expect(rows.length).toBeGreaterThanOrEqual(10);
    // off, the page keeps what the usual mask found
    expect(faintTableRules(img, threshold, usual, 200, resolveOcrSettings({ faintRules: { on: 0 } }))).toBeUndefined();
  });

  it('leaves tables whose rules the usual mask finds as they were', async () => {
    for (const name of ['caizhengju-p15-photocopy-speck-band-crop.jpg', 'guojia-p07-photocopy-hi-bent-rules-prepared.jpg', 'yt-yibaoju-p07-photocopy-specks.png']) {
      const { img, threshold, usual } = await prepared(name);
      expect(usual.length, name).toBeGreaterThan(0);
      expect(faintTableRules(img, threshold, usual, 200, S), name).toBeUndefined();
    }
  });
});
