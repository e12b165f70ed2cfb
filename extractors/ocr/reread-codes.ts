// Code cells of a 1-bit page read again. The sparse first pass (PSM 11) over a thresholded page of
// thin print reads a classification code standing alone in its narrow ruled cell as another code or
// as no code (210 → `200`, 02 → `E`, 11 → `1`, 01 → `on`): the thickened strokes of the digits run
// together at the page's scale. Read on its own crop, enlarged, one line, the same ink reads as
// printed. A column between vertical rules is a code column when most of its words are codes of one
// length (three digits: 类; two: 款 and 项) and it is narrow; each of its words is read again, and a
// reading that is a code of the column's length replaces it (the word keeps its first reading in
// `reread`). A first reading that already was a code of that length is replaced only by a reading
// more confident by rereadCodes.replaceGain; one that was no code, only when the ink of its cell holds
// as many digits as the reading (digit-ink.ts).
import { columnSnap, columnsBetween, cropPad } from './cell-columns.js';
import { readStacked } from './crop-stack.js';
import type { GreyImage } from './image.js';
import type { OcrRunner } from './pool.js';
import { otsu, type PixelRule } from './prep.js';
import { inkDigits } from './digit-ink.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from './settings.js';
import type { OcrProblem, OcrWord } from './types.js';

const CODE = /^\d{2,3}$/;

/** The code length (2 or 3) most words of a column's `texts` have, when at least
 *  rereadCodes.minCodes of them and rereadCodes.minShare of all are codes of that length. */
export function codeColumnLength(texts: readonly string[], settings: OcrSettings = DEFAULT_OCR_SETTINGS): number | undefined {
  const s = settings.rereadCodes;
  const n2 = texts.filter((t) => /^\d{2}$/.test(t)).length;
  const n3 = texts.filter((t) => /^\d{3}$/.test(t)).length;
  const [len, n] = n3 > n2 ? [3, n3] : [2, n2];
  return n >= s.minCodes && n >= texts.length * s.minShare ? len : undefined;
}

/** A second reading `read` (confidence `conf`) of a code cell first read as `first` (`firstConf`)
 *  in a column of codes of `len` digits: taken when it is a code of that length, differs from the
 *  first, and the first was no such code or is less confident by rereadCodes.replaceGain. */
export function codeRereadAccepted(first: string, firstConf: number, read: string, conf: number, len: number, settings: OcrSettings = DEFAULT_OCR_SETTINGS): boolean {
  const s = settings.rereadCodes;
  if (read === first || !CODE.test(read) || read.length !== len || conf < s.minConfidence) return false;
  const wasCode = CODE.test(first) && first.length === len;
  return !wasCode || conf >= firstConf + s.replaceGain;
}

/** Words in narrow code columns between vertical rules read again on their crops, enlarged
 *  (rereadCodes.enlarge), one line each; a reading codeRereadAccepted takes replaces the word.
 *  For 1-bit pages (recognize.ts). */
export async function rereadCodes(ocr: OcrRunner, img: GreyImage, rules: readonly PixelRule[], words: readonly OcrWord[], dpi: number, settings: OcrSettings = DEFAULT_OCR_SETTINGS): Promise<{ words: OcrWord[]; problem?: OcrProblem }> {
  const s = settings.rereadCodes;
  if (!s.on) return { words: [...words] };
  const snap = columnSnap(dpi, settings.crops);
  const verticals = rules.filter((r) => !r.horizontal);
  if (verticals.length < 2) return { words: [...words] };
  const columnOf = columnsBetween(verticals, snap);
  const bySlot = new Map<number, { left: number; right: number; words: OcrWord[] }>();
  for (const w of words) {
    const c = columnOf(w);
    if (!c || c.right - c.left > dpi * s.maxWidthInches) continue;
    const key = Math.round(c.left / snap) * 100000 + Math.round(c.right / snap);
    let slot = bySlot.get(key);
    if (!slot) bySlot.set(key, (slot = { ...c, words: [] }));
    slot.words.push(w);
  }
  interface Cell { word: OcrWord; len: number; x: number; y: number; w: number; h: number }
  const cells: Cell[] = [];
  const pad = cropPad(dpi, settings.crops);
  for (const slot of bySlot.values()) {
    // (CJK words in the column are its header or a label printed across it)
    const len = codeColumnLength(slot.words.filter((w) => !/[\u3400-\u9fff]/.test(w.text)).map((w) => w.text), settings);
    if (!len) continue;
    for (const wd of slot.words) {
      // (a word of CJK text in the column is a label printed across it: 合计)
      if (/[\u3400-\u9fff]{2,}/.test(wd.text)) continue;
      const m = Math.round((wd.box.y1 - wd.box.y0) * s.lineMargin) + s.lineMarginPx;
      const x = Math.round(slot.left + pad);
      const w = Math.round(slot.right - pad) - x;
      const y = Math.max(0, wd.box.y0 - m);
      const h = Math.min(img.height, wd.box.y1 + m) - y;
      if (w < s.minWidthPx || h < s.minHeightPx || h > dpi / settings.crops.maxHeightPerInch) continue;
      cells.push({ word: wd, len, x, y, w, h });
    }
  }
  if (!cells.length || cells.length > s.maxCells) return { words: [...words] };
  const stacked = await readStacked(ocr, img, cells, dpi, settings.crops, s.enlarge, { psm: '6', dpi: dpi * s.enlarge }, 'reread-codes');
  const read: { text: string; x0: number; conf: number }[][] = cells.map(() => []);
  for (const w of stacked.words) read[w.crop]!.push({ text: w.text, x0: w.strip.x0, conf: w.confidence });
  const replaced = new Map<OcrWord, OcrWord>();
  let threshold: number | undefined;
  cells.forEach((c, k) => {
    const r = read[k]!.sort((a, b) => a.x0 - b.x0);
    if (!r.length) return;
    const text = r.map((q) => q.text).join('');
    const conf = Math.min(...r.map((q) => q.conf));
    if (!codeRereadAccepted(c.word.text, c.word.confidence, text, conf, c.len, settings)) return;
    // a first reading that was no code must have been read off ink that holds the code's digits (a
    // fragment of a neighbouring label's character read `2` or `》` is one blob, not the two of 02)
    if (!(CODE.test(c.word.text) && c.word.text.length === c.len)) {
      const span = { x0: c.x, y0: c.y, x1: c.x + c.w, y1: c.y + c.h };
      const ink = inkDigits(img, (threshold ??= otsu(img, settings.binarize)), span, [c.word.box], settings.digitInk);
      if (ink === undefined || ink < c.len) return;
    }
    replaced.set(c.word, { ...c.word, text, reread: c.word.text });
  });
  const out = words.map((w) => replaced.get(w) ?? w);
  return stacked.problem ? { words: out, problem: stacked.problem } : { words: out };
}
