// The size of a page's print, measured on what the first reading found, and how much finer than
// usual a page of print too small for the usual resolutions must be looked at: a big table set in
// 4-5 pt type to fit the page, whose characters are 11 px tall at 200 dpi. tesseract still reads
// such a page at its own resolution (enlarged, its digits read worse: one dev page, 142 amounts'
// decimals right as it is, 65 enlarged ×1.85, for 2.5 times the time), but its mean confidence is
// low, so its orientation is probed, and the probe's band, reduced to 150 dpi, reads as nothing
// whichever way it is turned: a quarter turn won on noise, and the page was read sideways. Its
// probes are read enlarged instead (orientation.ts). The measure is the median height of the CJK
// words whose characters come out about square: a CJK character fills its em box, so its height
// is the print's size whatever it says; a flat one (一, 二) or a word that ran into a rule is left
// out. Small print gives few such words; its amounts then stand in, scaled to a CJK character.
import type { OcrSettings } from './settings.js';
import type { OcrWord } from './types.js';

const CJK_WORD = /^[\u4e00-\u9fff]+$/u;
/** an amount as a sparse pass reads it: digits, perhaps grouped or with decimals, two characters or more */
const AMOUNT_WORD = /^\d[\d,.]*\d$/;

function median(xs: number[]): number {
  xs.sort((a, b) => a - b);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
}

/** The print's size on a page read as `words`: the median height (px) of its squarish CJK words;
 *  where fewer than `minWords` of those came back (tesseract finds few characters of small print
 *  in a sparse pass, but still its amounts), the median height of its amounts times `digitScale`
 *  (a CJK character is that much taller than a digit of the same type); undefined with fewer of
 *  those too. */
export function printHeight(words: readonly Pick<OcrWord, 'text' | 'box'>[], minWords: number, digitScale: number): number | undefined {
  const cjk: number[] = [];
  const digits: number[] = [];
  for (const w of words) {
    const h = w.box.y1 - w.box.y0;
    if (h <= 0) continue;
    if (AMOUNT_WORD.test(w.text)) digits.push(h);
    if (!CJK_WORD.test(w.text)) continue;
    const cw = (w.box.x1 - w.box.x0) / [...w.text].length;
    if (cw <= 0 || h < 0.6 * cw || cw < 0.6 * h) continue;
    cjk.push(h);
  }
  const n = Math.max(1, minWords);
  if (cjk.length >= n) return median(cjk);
  return digits.length >= n ? median(digits) * digitScale : undefined;
}

/** How many times finer than usual a page read as `words` is to be looked at: 1 when its print is
 *  not small (or cannot be measured), else what brings its median character height to
 *  smallPrint.targetHeightPx, within [minEnlarge, maxEnlarge] (a factor below minEnlarge is 1). */
export function smallPrintEnlargement(words: readonly Pick<OcrWord, 'text' | 'box'>[], s: OcrSettings): number {
  const p = s.smallPrint;
  if (!p.on) return 1;
  const h = printHeight(words, p.minWords, p.digitScale);
  if (h === undefined || h >= p.maxHeightPx) return 1;
  const f = Math.min(p.targetHeightPx / h, p.maxEnlarge);
  return f >= p.minEnlarge ? Math.round(f * 100) / 100 : 1;
}
