// Gap fill: ruled cells that hold ink but got no word (tesseract's PSM 11 drops lone short codes
// such as `01` and small amounts such as `0.01`) are cropped, stacked and read again in one go;
// confident numbers found there are added as words. Ink is what is darker than the ink level or,
// on a faint page (thin strokes greyed by a blur), than the page's Otsu threshold.
import { forEachBlob, type Blob } from './blobs.js';
import { columnSnap } from './cell-columns.js';
import { readStacked } from './crop-stack.js';
import type { GreyImage } from './image.js';
import type { OcrRunner } from './pool.js';
import { otsu, type PixelRule } from './prep.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from './settings.js';
import type { OcrProblem, OcrWord } from './types.js';

/** an amount with one decimal whose second one a rule's erasure clipped to a C (0.0C) */
const CLIPPED_LAST_DIGIT = /^\d{1,3}(?:,\d{3})*\.\d[Cc]$/;

function positions(v: number[], snap: number): number[] {
  v.sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of v) if (!out.length || x - out[out.length - 1]! > snap) out.push(x);
  return out;
}

/** The box of a cell's characters (`cell`: page pixels, ends excluded): the blobs of ink (darker
 *  than `inkLevel`) bigger than a speck (`maxDot` pixels on each side), but for a line no higher
 *  than a speck along the cell's top or bottom edge (a rule's remnant); a speck-sized blob counts
 *  only between them and level with them (a decimal point, a comma), and the specks within
 *  `margin` of the box that do not (a photocopy's toner dots beside a lone `0`, which read as
 *  `.0` or `'0` or not at all) are handed to `speck` to be painted out. Undefined when the cell
 *  holds no blob bigger than a speck. */
export function glyphBox(img: GreyImage, cell: { x0: number; y0: number; x1: number; y1: number }, inkLevel: number, maxDot: number, margin: number, speck: (b: Blob) => void): Blob | undefined {
  const w = cell.x1 - cell.x0, h = cell.y1 - cell.y0;
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) mask[y * w + x] = img.data[(cell.y0 + y) * img.width + cell.x0 + x]! < inkLevel ? 1 : 0;
  const big: Blob[] = [];
  const small: Blob[] = [];
  forEachBlob(mask, w, h, (b) => {
    // what an erased rule left along the cell's top or bottom edge (a photocopy's wave bent the rule
    // off the line erased): no speck to paint out, no glyph
    if (b.y1 - b.y0 + 1 <= maxDot && (b.y0 === 0 || b.y1 === h - 1) && b.x1 - b.x0 + 1 > maxDot) return;
    (b.x1 - b.x0 + 1 > maxDot || b.y1 - b.y0 + 1 > maxDot ? big : small).push({ x0: b.x0 + cell.x0, y0: b.y0 + cell.y0, x1: b.x1 + cell.x0, y1: b.y1 + cell.y0 });
  });
  if (!big.length) return undefined;
  const box = { x0: Math.min(...big.map((b) => b.x0)), y0: Math.min(...big.map((b) => b.y0)), x1: Math.max(...big.map((b) => b.x1)), y1: Math.max(...big.map((b) => b.y1)) };
  for (const b of small) {
    const inside = b.x0 > box.x0 && b.x1 < box.x1 && b.y1 >= box.y0 && b.y0 <= box.y1;
    const near = b.x1 >= box.x0 - margin && b.x0 <= box.x1 + margin && b.y1 >= box.y0 - margin && b.y0 <= box.y1 + margin;
    if (!inside && near) speck(b);
  }
  return box;
}

/** Cells of the rule lattice with ink but no word: cropped, stacked with white space between them
 *  into strips, read, and the words mapped back (`words`: the words added; `problem`: cells whose
 *  strip could not be read). */
export async function gapFill(ocr: OcrRunner, img: GreyImage, rules: readonly PixelRule[], words: readonly OcrWord[], dpi: number, settings: OcrSettings = DEFAULT_OCR_SETTINGS): Promise<{ words: OcrWord[]; problem?: OcrProblem }> {
  const s = settings.gapFill;
  const snap = columnSnap(dpi, settings.crops);
  const xs = positions(rules.filter((r) => !r.horizontal).map((r) => r.pos), snap);
  const ys = positions(rules.filter((r) => r.horizontal).map((r) => r.pos), snap);
  if (xs.length < 2 || ys.length < 2) return { words: [] };
  // cells that got a word (by its centre) are left alone
  const hit = new Set<number>();
  const slotOf = (v: number[], p: number): number => {
    let i = 0;
    while (i + 1 < v.length && v[i + 1]! <= p) i++;
    return i;
  };
  for (const w of words) hit.add(slotOf(ys, (w.box.y0 + w.box.y1) / 2) * xs.length + slotOf(xs, (w.box.x0 + w.box.x1) / 2));
  const pad = Math.max(s.minPadPx, Math.round(dpi / s.padPerInch));
  const inkLevel = Math.max(s.inkLevel, Math.min(s.maxInkLevel, otsu(img, settings.binarize)));
  const crops: { x: number; y: number; w: number; h: number }[] = [];
  const maxDot = Math.max(1, Math.round(dpi / settings.despeckle.maxDotPerInch));
  const specks: Blob[] = [];
  for (let r = 0; r + 1 < ys.length; r++) {
    for (let c = 0; c + 1 < xs.length; c++) {
      if (hit.has(r * xs.length + c)) continue;
      const x0 = Math.round(xs[c]! + pad);
      const x1 = Math.round(xs[c + 1]! - pad);
      const y0 = Math.round(ys[r]! + pad);
      const y1 = Math.round(ys[r + 1]! - pad);
      if (x1 - x0 < dpi / settings.crops.minWidthPerInch || y1 - y0 < dpi / s.minHeightPerInch) continue;
      let ink = 0;
      let minX = x1;
      let maxX = x0;
      let minY = y1;
      let maxY = y0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = y * img.width + x;
          if (img.data[i]! < inkLevel) {
            ink++;
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
          }
        }
      }
      // a character's worth of ink (a thin `12` at 200 dpi is ~30 dark pixels), at least a quarter
      // character tall; ink that thin must be wider than one digit (a lone column number `1` of a
      // 栏次 row is not wanted)
      if (ink < (dpi / s.minInkPerInch) ** 2 || maxY - minY < dpi / s.minInkHeightPerInch || (ink < (dpi / s.thinInkPerInch) ** 2 && maxX - minX < dpi / s.thinInkMinWidthPerInch)) continue;
      const m = Math.round(dpi / s.marginPerInch);
      const box = glyphBox(img, { x0, y0, x1, y1 }, inkLevel, maxDot, m, (b) => specks.push(b)) ?? { x0: minX, y0: minY, x1: maxX, y1: maxY };
      crops.push({ x: Math.max(x0, box.x0 - m), y: Math.max(y0, box.y0 - m), w: Math.min(x1, box.x1 + m) - Math.max(x0, box.x0 - m), h: Math.min(y1, box.y1 + m) - Math.max(y0, box.y0 - m) });
    }
  }
  if (!crops.length || crops.length > s.maxCrops) return { words: [] };
  const enlarge = settings.crops.enlarge;
  // the specks beside a cell's characters painted out of what is read (on a copy of the page)
  let pageRead = img;
  if (specks.length) {
    pageRead = { ...img, data: img.data.slice() };
    for (const b of specks) for (let y = b.y0; y <= b.y1; y++) pageRead.data.fill(255, y * img.width + b.x0, y * img.width + b.x1 + 1);
  }
  const read = await readStacked(ocr, pageRead, crops, dpi, settings.crops, enlarge, { psm: '6', dpi: dpi * enlarge }, 'gap-fill');
  const out: OcrWord[] = [];
  for (const w of read.words) {
    // what tesseract drops is lone short numbers (codes, 0.01); cut-up header text read again is
    // noise, so only confident numbers are taken; and an amount whose last digit, printed against
    // the cell's right rule, lost its right half with the rule and reads as the C its left half
    // looks like (0.0C: one decimal and the C, normalizers/tables/understand.ts amountAfterMarks),
    // never a C after a whole number (0C, a speck beside another cell's figure)
    if (!(/^[\d.,%\-()（）]+$/.test(w.text) || CLIPPED_LAST_DIGIT.test(w.text)) || !/\d/.test(w.text) || w.confidence < s.minConfidence) continue;
    out.push({ text: w.text, confidence: Math.round(w.confidence * 10) / 10, line: -1 - w.crop, box: w.box });
  }
  return read.problem ? { words: out, problem: read.problem } : { words: out };
}
