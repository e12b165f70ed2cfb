// Number cells read again: numbers between vertical rules that came back in pieces (`770` `89`)
// or without the decimals their column prints are read again on their crops, one line each with a
// digit whitelist; a reading that only adds what the first one dropped replaces the words.
import { columnSnap, columnsBetween, cropPad } from './cell-columns.js';
import { readStacked } from './crop-stack.js';
import { inkDigits } from './digit-ink.js';
import type { GreyImage } from './image.js';
import type { OcrRunner } from './pool.js';
import { otsu, type PixelRule } from './prep.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from './settings.js';
import type { OcrProblem, OcrWord } from './types.js';
import type { Box } from '../../model/types.js';

const NUMBERISH = /^[\d.,\-−()（）]+$/;

/** a number, or a number a speck touched: three digits at least and at most
 *  rereadNumbers.maxStrayMarks other marks, no CJK (`},000.0Q,` for 1,000.00: specks read as a
 *  brace and a tail that made a 0 a Q) */
function numberish(t: string, s: OcrSettings['rereadNumbers']): boolean {
  if (NUMBERISH.test(t)) return /\d/.test(t);
  const digits = t.replace(/\D/g, '').length;
  const stray = t.replace(/[\d.,\-−()（）]/g, '').length;
  return digits >= 3 && stray <= s.maxStrayMarks && !/[\u3400-\u9fff\s]/.test(t);
}
const DECIMAL_AMOUNT = /^[-−]?(\d{1,3}(,\d{3})+|\d+)\.\d{1,4}$/;

/** digits of a as a subsequence of the digits of b */
function digitsWithin(a: string, b: string): boolean {
  const x = a.replace(/\D/g, '');
  const y = b.replace(/\D/g, '');
  let i = 0;
  for (let j = 0; j < y.length && i < x.length; j++) if (y[j] === x[i]) i++;
  return i === x.length;
}

/** pieces of one number joined (rereadNumbers.joinPieces): an amount with its two decimals, or a
 *  whole number with thousands separators, as a column prints them (no leading zero: `066.84` is
 *  2,066.84 with its `2,` dropped) */
const JOINED_AMOUNT = /^[-−]?(0|[1-9]\d{0,2}(,\d{3})*)\.\d{2}$/;
const JOINED_WHOLE = /^[-−]?[1-9]\d{0,2}(,\d{3})+$/;

/** A second reading `read` of a number cell first read as `first` (its words joined by spaces)
 *  is taken when it is a well-formed amount with a decimal point that keeps every digit of the
 *  first reading in order and adds at most four (rereadNumbers.maxAddedDigits) (`770 89` → `16,770.89`, `839` → `839.13`,
 *  `202.92` → `1,202.92`); a first reading that already had its decimals must gain digits. In a
 *  column that prints whole numbers (`whole`, with rereadNumbers.wholeNumbers), a whole number
 *  with its thousands separators that gains digits the same way is taken too (`212, 300` →
 *  `4,212,300`: PSM 11 dropped the leading `4,`). */
export function rereadAccepted(first: string, read: string, settings: OcrSettings = DEFAULT_OCR_SETTINGS, whole = false): boolean {
  if (!digitsWithin(first, read)) return false;
  const added = read.replace(/\D/g, '').length - first.replace(/\D/g, '').length;
  if (added > settings.rereadNumbers.maxAddedDigits) return false;
  if (DECIMAL_AMOUNT.test(read)) return !(DECIMAL_AMOUNT.test(first) && added <= 0);
  return whole && settings.rereadNumbers.wholeNumbers > 0 && JOINED_WHOLE.test(read) && added > 0;
}

/** A second reading `read` with the sign of the first reading `first`: a minus the first reading
 *  lacks is a speck left of the number, read as one by the digit strip (dev photocopy-md-200
 *  wanlijiedao: `·4, 212, 300` first read `212, 300`, then `-4,212,300`), and is dropped. */
export function withFirstSign(first: string, read: string): string {
  return /^[-−]/.test(read) && !/^[-−]/.test(first.trim()) ? read.slice(1).replace(/^[.,]+/, '') : read;
}

/** a number as printed: an amount or a whole number, nothing else in the word */
const WELL_FORMED = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** The rows `height` high, within `box`, that hold the most ink (darker than `level`): the line of
 *  digits of a word whose box a speck above or below stretched. */
function inkBand(img: GreyImage, box: Box, height: number, level: number): [number, number] {
  const y0 = Math.max(0, Math.floor(box.y0)), y1 = Math.min(img.height - 1, Math.ceil(box.y1));
  const x0 = Math.max(0, Math.floor(box.x0)), x1 = Math.min(img.width - 1, Math.ceil(box.x1));
  const rows: number[] = [];
  for (let y = y0; y <= y1; y++) {
    let n = 0;
    for (let x = x0; x <= x1; x++) if (img.data[y * img.width + x]! < level) n++;
    rows.push(n);
  }
  const h = Math.max(1, Math.min(rows.length, Math.round(height)));
  let sum = rows.slice(0, h).reduce((a, b) => a + b, 0);
  let best = sum, at = 0;
  for (let i = h; i < rows.length; i++) {
    sum += rows[i]! - rows[i - h]!;
    if (sum > best) { best = sum; at = i - h + 1; }
  }
  return [y0 + at, y0 + at + h - 1];
}

/** Any pixel darker than `level` on the rows of `box`, between x and x + w, more than 2 px left or
 *  right of `box` (a digit the first reading dropped, a speck, a neighbour's text). */
function inkBeside(img: GreyImage, x: number, w: number, box: Box, level: number): boolean {
  const y0 = Math.max(0, Math.floor(box.y0)), y1 = Math.min(img.height - 1, Math.ceil(box.y1));
  const a0 = Math.max(0, Math.round(x)), a1 = Math.min(img.width - 1, Math.floor(box.x0) - 3);
  const b0 = Math.max(0, Math.ceil(box.x1) + 3), b1 = Math.min(img.width - 1, Math.round(x + w) - 1);
  for (let y = y0; y <= y1; y++) {
    const row = y * img.width;
    for (let i = a0; i <= a1; i++) if (img.data[row + i]! < level) return true;
    for (let i = b0; i <= b1; i++) if (img.data[row + i]! < level) return true;
  }
  return false;
}

/** Number cells between vertical rules that came back in pieces (`770` `89`) or as an integer
 *  while the column prints decimals are cropped (the column's width, the words' line), stacked into
 *  one strip and read again one line per crop with a digit whitelist. A reading replaces the words
 *  when it is a well-formed amount with a decimal point that keeps every digit first read, in order
 *  (it only adds what PSM 11 dropped), or, in a column of whole numbers, a whole number with its
 *  separators that does so (rereadNumbers.wholeNumbers); its sign stays the first reading's. A word
 *  left of the cell's words in its crop whose digits are what the reading adds before them (the
 *  leading group read apart with a speck: `15;` `375.67`) is taken in and dropped with them; any
 *  other word there refuses a whole number's reading. The reread word carries `reread` with the
 *  first reading. A well-formed amount read whole with no ink beside it and no more digits in its ink than it was
 *  read with is not read again (rereadNumbers.skipWhole): no reading of it could be taken. */
export async function rereadNumbers(ocr: OcrRunner, img: GreyImage, rules: readonly PixelRule[], words: readonly OcrWord[], dpi: number, settings: OcrSettings = DEFAULT_OCR_SETTINGS): Promise<{ words: OcrWord[]; problem?: OcrProblem }> {
  const s = settings.rereadNumbers;
  const snap = columnSnap(dpi, settings.crops);
  const verticals = rules.filter((r) => !r.horizontal);
  if (verticals.length < 2) return { words: [...words] };
  const columnOf = columnsBetween(verticals, snap);
  // number words by column, then grouped into text lines
  const bySlot = new Map<number, OcrWord[]>();
  const bounds = new Map<number, { left: number; right: number }>();
  for (const w of words) {
    if (!numberish(w.text, s)) continue;
    const c = columnOf(w);
    if (!c) continue;
    const key = Math.round(c.left / snap) * 100000 + Math.round(c.right / snap);
    bounds.set(key, c);
    let l = bySlot.get(key);
    if (!l) bySlot.set(key, (l = []));
    l.push(w);
  }
  // the page prints decimals: some number cells of it show them
  const pageDecimals = [...bySlot.values()].flat().filter((w) => DECIMAL_AMOUNT.test(w.text)).length >= s.minDecimalCells;
  interface Cell { col: number; words: OcrWord[]; x: number; y: number; w: number; h: number; text: string; /** a whole number's second reading may be taken (rereadAccepted `whole`) */ whole: boolean; strangers: OcrWord[] }
  const cells: Cell[] = [];
  // pieces of one amount taken joined without a second reading (rereadNumbers.joinPieces)
  const joins: { words: OcrWord[]; text: string }[] = [];
  let threshold: number | undefined;
  for (const [col, ws] of bySlot) {
    // the column's typical number height (its lower quartile: a short column may hold as many
    // words that took in a speck as words that did not): a word much taller took a speck into its box
    const heights = ws.map((q) => q.box.y1 - q.box.y0).sort((a, b) => a - b);
    const tall = heights[Math.floor(heights.length / 4)]! * s.tallWord;
    ws.sort((a, b) => (a.box.y0 + a.box.y1) / 2 - (b.box.y0 + b.box.y1) / 2);
    const groups: OcrWord[][] = [];
    for (const w of ws) {
      const g = groups[groups.length - 1];
      const cy = (w.box.y0 + w.box.y1) / 2;
      if (g && cy <= Math.max(...g.map((q) => q.box.y1)) && cy >= Math.min(...g.map((q) => q.box.y0))) g.push(w);
      else groups.push([w]);
    }
    // the column prints decimals when some of its cells show them: a decimal point, a last group
    // of 1-2 digits split off (`770 89`), or a zero printed `00`; a column of codes never does
    const texts = groups.map((g) => [...g].sort((a, b) => a.box.x0 - b.box.x0).map((q) => q.text).join(' '));
    // (a `00` is a 0.00 whose point was lost: no column prints a zero as two digits)
    const decimals = texts.filter((t) => DECIMAL_AMOUNT.test(t) || /\d[.,]?\s+\d{1,2}$/.test(t) || /^0{2,4}$/.test(t)).length >= Math.max(s.minDecimalCells, texts.length * s.decimalColumnShare);
    for (const g of groups) {
      g.sort((a, b) => a.box.x0 - b.box.x0);
      const text = g.map((q) => q.text).join(' ');
      // one word: read again in a column that prints decimals (a dropped leading `1,` of
      // `1,202.92` leaves a well-formed `202.92`, lost decimals leave `414.`; the reading must add
      // digits)
      // A column read without decimals on a page whose other columns print them (every cell of
      // it lost its leading `4,` and its `.00` alike, 4,285.00 read 285) is read again where ink
      // lies beside the word in the column (rereadNumbers.besideWhole): a code column's codes
      // are read whole and have none
      // a word that is no number as printed (a speck read as a mark in it: `49.14°`) is read again
      // wherever it stands (rereadNumbers.malformed)
      const malformed = s.malformed > 0 && g.length === 1 && !WELL_FORMED.test(text) && /\d[.,]\d/.test(text);
      const lone = g.length === 1 && !decimals && !malformed;
      // (a whole number with its separators, in a column of whole numbers, is read again where ink
      // lies beside it too: `212,300` for 4,212,300, rereadNumbers.wholeNumbers)
      if (lone && !(s.besideWhole && pageDecimals) && !(s.wholeNumbers && JOINED_WHOLE.test(text))) continue;
      // the column's width (a lost leading `16,` lies left of the words), the line's height
      const pad = cropPad(dpi, settings.crops);
      // (the rows of the line's words of a typical height: a speck's box would take in the next line)
      const typical = g.filter((q) => q.box.y1 - q.box.y0 <= tall);
      const rows = typical.length ? typical : g;
      let y0 = Math.min(...rows.map((q) => q.box.y0));
      let y1 = Math.max(...rows.map((q) => q.box.y1));
      // every word of the line took a speck into its box, and a crop of its rows would be too high
      // to read: the rows of the column's typical height that hold the most ink within it
      // (rereadNumbers.inkBand)
      const tooHigh = (a: number, b: number): boolean => Math.min(img.height, b + Math.round((b - a) * s.lineMargin) + s.lineMarginPx) - Math.max(0, a - Math.round((b - a) * s.lineMargin) - s.lineMarginPx) > dpi / settings.crops.maxHeightPerInch;
      if (!typical.length && s.inkBand > 0 && heights.length >= s.minDecimalCells && tooHigh(y0, y1)) {
        [y0, y1] = inkBand(img, { x0: Math.min(...g.map((q) => q.box.x0)), y0, x1: Math.max(...g.map((q) => q.box.x1)), y1 }, tall / s.tallWord, (threshold ??= otsu(img, settings.binarize)));
      }
      const m = Math.round((y1 - y0) * s.lineMargin) + s.lineMarginPx;
      const x = Math.round(bounds.get(col)!.left + pad);
      const w = Math.round(bounds.get(col)!.right - pad) - x;
      const y = Math.max(0, y0 - m);
      const h = Math.min(img.height, y1 + m) - y;
      if (w < dpi / settings.crops.minWidthPerInch || h < s.minHeightPx || h > dpi / settings.crops.maxHeightPerInch) continue;
      // (and no other word in the crop: a code printed in one cell with its name is no amount)
      const others = (): boolean => words.some((o) => o !== g[0] && o.box.x1 > x && o.box.x0 < x + w && o.box.y1 > y && o.box.y0 < y + h);
      if (lone && (!inkBeside(img, x, w, g[0]!.box, (threshold ??= otsu(img, settings.binarize))) || others())) continue;
      if (malformed && !decimals && others()) continue;
      // pieces of one number (`16, 375. 67`, `156, 211, 123`: PSM 11 split it at its separators)
      // that join into a number as the column prints it (an amount with its decimals in a column
      // that prints them, a whole number with its separators in one that does not), with no ink
      // beside them in the column (a dropped `1,`) and no more digits in their ink than they were
      // read with (rereadNumbers.joinPieces): a second reading could only read the join again (an
      // amount: taken joined here, as that reading would be) or be refused (a whole number: no
      // decimal point; left to the layout, which joins it)
      if (s.joinPieces && g.length > 1) {
        const joined = g.map((q) => q.text).join('');
        const amount = decimals && JOINED_AMOUNT.test(joined);
        if (amount || (!decimals && JOINED_WHOLE.test(joined))) {
          const t = (threshold ??= otsu(img, settings.binarize));
          const span = { x0: Math.min(...g.map((q) => q.box.x0)), y0: Math.min(...g.map((q) => q.box.y0)), x1: Math.max(...g.map((q) => q.box.x1)), y1: Math.max(...g.map((q) => q.box.y1)) };
          const inBox = inkDigits(img, t, span, g.map((q) => q.box), settings.digitInk);
          if (inBox !== undefined && inBox <= joined.replace(/\D/g, '').length && !inkBeside(img, x, w, span, Math.round((t + 255) / 2))) {
            if (amount) joins.push({ words: g, text: joined });
            continue;
          }
        }
      }
      // a well-formed amount read whole can only gain digits (rereadAccepted), and added digits must
      // be ink (inkDigits below): with no ink beside it on its rows within the column (at a level
      // halfway from the threshold to white: faint marks count) and no more digits in its own ink
      // than it was read with, a second reading cannot be taken, and it is not made
      if (s.skipWhole && g.length === 1 && DECIMAL_AMOUNT.test(text)) {
        const t = (threshold ??= otsu(img, settings.binarize));
        const inBox = inkDigits(img, t, g[0]!.box, [g[0]!.box], settings.digitInk);
        if (inBox !== undefined && inBox <= text.replace(/\D/g, '').length && !inkBeside(img, x, w, g[0]!.box, Math.round((t + 255) / 2))) continue;
      }
      // (the words of the crop not among the cell's: `15;` or `‘1,`, the leading group read apart
      // with a speck, no number as printed)
      const strangers = words.filter((o) => !g.includes(o) && o.box.x1 > x && o.box.x0 < x + w && o.box.y1 > y && o.box.y0 < y + h);
      cells.push({ col, words: g, x, y, w, h, text, whole: !decimals, strangers });
    }
  }
  if (cells.length + joins.length > s.maxCells || (!cells.length && !joins.length)) return { words: [...words] };
  const drop = new Set<OcrWord>();
  const add: OcrWord[] = [];
  for (const j of joins) {
    for (const q of j.words) drop.add(q);
    add.push({
      text: j.text,
      confidence: Math.round(Math.min(...j.words.map((q) => q.confidence)) * 10) / 10,
      line: j.words[0]!.line,
      box: { x0: Math.min(...j.words.map((q) => q.box.x0)), y0: Math.min(...j.words.map((q) => q.box.y0)), x1: Math.max(...j.words.map((q) => q.box.x1)), y1: Math.max(...j.words.map((q) => q.box.y1)) },
      reread: j.words.map((q) => q.text).join(' '),
    });
  }
  if (!cells.length) return { words: [...words.filter((w) => !drop.has(w)), ...add] };
  const stacked = await readStacked(ocr, img, cells, dpi, settings.crops, 1, { psm: '6', dpi, whitelist: '0123456789.,-', ...(s.latinModel ? { langs: ['eng'] } : {}) }, 'reread-numbers');
  const read: { text: string; x0: number; conf: number; box: Box }[][] = cells.map(() => []);
  for (const w of stacked.words) read[w.crop]!.push({ text: w.text, x0: w.strip.x0, conf: w.confidence, box: w.box });
  cells.forEach((c, k) => {
    const r = read[k]!.sort((a, b) => a.x0 - b.x0);
    if (!r.length) return;
    const text = withFirstSign(c.text, r.map((q) => q.text).join('').replace(/^[.,]+|[.,]+$/g, ''));
    // (tesseract gives a whitelisted line a confidence of 0 now and then, correct or not: the gate
    // is the agreement with the first reading, whose confidence the word keeps)
    if (!rereadAccepted(c.text, text, settings, c.whole)) return;
    // words of the crop left of the cell's that the reading takes in: the leading group the first
    // reading read apart (`15;` `375.67` → `15,375.67`, `‘1,` `106, 000` → `1,106,000`) when their
    // digits are what the reading adds before the first reading's, else a whole number is refused
    // (its ink is another word's: the layout joins them)
    const left = Math.min(...c.words.map((q) => q.box.x0));
    const lead = c.strangers.filter((o) => o.box.x1 <= left + (o.box.y1 - o.box.y0) / 2 && !/[\u3400-\u9fff]/.test(o.text)).sort((a, b) => a.box.x0 - b.box.x0);
    const taken = lead.length > 0 && text.replace(/\D/g, '') === lead.map((o) => o.text).join('').replace(/\D/g, '') + c.text.replace(/\D/g, '');
    if (c.strangers.length && !taken && !DECIMAL_AMOUNT.test(text)) return;
    // the box of the whole number: the first reading's words and what the re-read found (the digits
    // the first reading dropped: `839` → `839.13`)
    const b = [...c.words.map((q) => q.box), ...r.map((q) => q.box)];
    // the digits added must be ink of a digit's size (a speck beside the number read as a 5 is not)
    const span = { x0: Math.min(...b.map((q) => q.x0)), y0: Math.min(...c.words.map((q) => q.box.y0)), x1: Math.max(...b.map((q) => q.x1)), y1: Math.max(...c.words.map((q) => q.box.y1)) };
    const ink = inkDigits(img, (threshold ??= otsu(img, settings.binarize)), span, c.words.map((q) => q.box), settings.digitInk);
    if (ink !== undefined && ink < text.replace(/\D/g, '').length) return;
    for (const q of c.words) drop.add(q);
    if (taken) for (const q of lead) drop.add(q);
    add.push({
      text,
      confidence: Math.round(Math.min(...c.words.map((q) => q.confidence)) * 10) / 10,
      line: c.words[0]!.line,
      box: { x0: Math.min(...b.map((q) => q.x0)), y0: Math.min(...b.map((q) => q.y0)), x1: Math.max(...b.map((q) => q.x1)), y1: Math.max(...b.map((q) => q.y1)) },
      reread: c.text,
    });
  });
  const out = [...words.filter((w) => !drop.has(w)), ...add];
  return stacked.problem ? { words: out, problem: stacked.problem } : { words: out };
}
