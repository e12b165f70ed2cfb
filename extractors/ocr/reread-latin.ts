// Latin words read again: chi_sim on a sparse page turns lone CJK header characters into short
// Latin words (`HE`, `m` for 款 / 项); between vertical rules they are read again on their crops,
// enlarged, and a reading that is CJK only replaces the word.
import { columnSnap, columnsBetween, cropPad } from './cell-columns.js';
import { readStacked } from './crop-stack.js';
import type { GreyImage } from './image.js';
import type { OcrRunner } from './pool.js';
import type { PixelRule } from './prep.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from './settings.js';
import type { OcrProblem, OcrWord } from './types.js';

/** Short Latin words between vertical rules (`HE`, `m` for the 款 / 项 of a 类款项 header: chi_sim
 *  on a sparse page turns lone CJK header characters into Latin) are read again on their crop, one
 *  line each; a reading that is CJK only replaces the word (recorded in `reread`). */
export async function rereadLatin(ocr: OcrRunner, img: GreyImage, rules: readonly PixelRule[], words: readonly OcrWord[], dpi: number, settings: OcrSettings = DEFAULT_OCR_SETTINGS): Promise<{ words: OcrWord[]; problem?: OcrProblem }> {
  const s = settings.rereadLatin;
  const snap = columnSnap(dpi, settings.crops);
  const latinWord = new RegExp(`^[A-Za-z]{1,${s.maxLetters}}$`);
  const cjkReading = new RegExp(`^[\\u4e00-\\u9fff]{1,${s.maxChars}}$`);
  const verticals = rules.filter((r) => !r.horizontal);
  const columnOf = columnsBetween(verticals, snap);
  const cands: { word: OcrWord; x: number; y: number; w: number; h: number }[] = [];
  for (const wd of words) {
    if (!latinWord.test(wd.text)) continue;
    const col = columnOf(wd);
    if (!col) continue;
    const { left, right } = col;
    const pad = cropPad(dpi, settings.crops);
    const m = Math.round((wd.box.y1 - wd.box.y0) * s.lineMargin) + s.lineMarginPx;
    const x = Math.round(left + pad);
    const w = Math.round(right - pad) - x;
    const y = Math.max(0, wd.box.y0 - m);
    const h = Math.min(img.height, wd.box.y1 + m) - y;
    if (w < s.minWidthPx || h < s.minHeightPx || h > dpi / settings.crops.maxHeightPerInch || w > dpi * s.maxWidthInches) continue;
    cands.push({ word: wd, x, y, w, h });
  }
  if (!cands.length || cands.length > s.maxCells) return { words: [...words] };
  const enlarge = settings.crops.enlarge;
  const stacked = await readStacked(ocr, img, cands, dpi, settings.crops, enlarge, { psm: '6', dpi: dpi * enlarge }, 'reread-latin');
  const read: { text: string; x0: number; conf: number }[][] = cands.map(() => []);
  for (const w of stacked.words) read[w.crop]!.push({ text: w.text, x0: w.strip.x0, conf: w.confidence });
  const out = new Map<OcrWord, OcrWord>();
  cands.forEach((c, k) => {
    const r = read[k]!.sort((a, b) => a.x0 - b.x0);
    const text = r.map((q) => q.text).join('');
    if (!cjkReading.test(text) || Math.min(...r.map((q) => q.conf)) < s.minConfidence) return;
    out.set(c.word, { ...c.word, text, reread: c.word.text });
  });
  const result = words.map((w) => out.get(w) ?? w);
  return stacked.problem ? { words: result, problem: stacked.problem } : { words: result };
}
