// Text cells read again: between vertical rules, cells that look damaged (a Latin letter, a
// doubtful word, a lone punctuation mark) are cropped, enlarged, stacked and read again as one
// block; a reading that textRereadAccepted takes replaces the cell's words.
import type { Box } from '../../model/types.js';
import { columnSnap, columnsBetween, cropPad } from './cell-columns.js';
import { readStacked, type CropBox } from './crop-stack.js';
import type { GreyImage } from './image.js';
import type { OcrRunner } from './pool.js';
import type { PixelRule } from './prep.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from './settings.js';
import type { OcrProblem, OcrWord } from './types.js';

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]/;
const SYMBOL = /[-–—_~|=+*#@$^&<>[\]{}\\/]/;
/** punctuation PSM 11 returns as a word of its own (the 、 of a lost 一、) */
const LONE_MARK = /^[、，,.。:：;；·'"‘’“”`]+$/;

/** The longest common subsequence of a and b: the matched index pairs. */
function align(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) out.push([i++, j++]);
    else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

/** A reading of a cell: its words (in reading order) with their confidences. */
export interface TextReading {
  words: string[];
  confidences: number[];
}

/** characters with the confidence of the word each comes from (white space dropped) */
function chars(t: TextReading): { c: string; conf: number }[] {
  return t.words.flatMap((w, i) => [...w.replace(/\s+/g, '')].map((c) => ({ c, conf: t.confidences[i] ?? 0 })));
}

/** A second reading of a text cell (its crop enlarged, one block) replaces the first reading when
 *  it is confident (mean ≥ 80, no word below 50 that the first reading lacks), has CJK, no Latin
 *  letter or mark the first reading lacks, and, aligned with the first reading, gives up only
 *  first-reading characters read below 95, Latin and marks (or moves them), and adds or puts in
 *  their place only CJK read at 85 or more, or clearly more confident than what it replaces (at
 *  most six more): PSM 11 on a whole page drops the lone `一、` of a list
 *  label, reads `六、` as `N` or `共、`, `额` as `频`; a re-read of the enlarged crop does not.
 *  (The figures are the defaults of OcrSettings.rereadText.) */
export function textRereadAccepted(first: TextReading, read: TextReading, settings: OcrSettings = DEFAULT_OCR_SETTINGS): boolean {
  const s = settings.rereadText;
  const fc = chars(first);
  const rc = chars(read);
  const f = fc.map((x) => x.c).join('');
  const r = rc.map((x) => x.c).join('');
  if (!r || r === f || !CJK_CHAR.test(r) || !read.confidences.length) return false;
  const mean = read.confidences.reduce((a, b) => a + b, 0) / read.confidences.length;
  // a doubtful word of the reading is let pass when the first reading has it too
  if (mean < s.minMean || read.words.some((w, i) => (read.confidences[i] ?? 0) < s.minWord && !f.includes(w))) return false;
  // no mark or Latin letter the first reading lacks (a thin 一 read as `-`), no digits but a list
  // number's (`1.`) before the label (a label's crop may catch a neighbour's amount: 3.91国有资本…)
  if ([...r].some((c) => (SYMBOL.test(c) || LATIN.test(c)) && !f.includes(c))) return false;
  const digitsF = f.replace(/\D/g, '');
  const digitsR = r.replace(/^[(（]?\d{1,2}[)）、.．](?=\D)/, '').replace(/\D/g, '');
  if (digitsR !== digitsF && !(digitsR.length < digitsF.length && align([...digitsR], [...digitsF]).length === digitsR.length)) return false;
  const pairs = align(fc.map((x) => x.c), rc.map((x) => x.c));
  const keptF = new Set(pairs.map(([a]) => a));
  const keptR = new Set(pairs.map(([, b]) => b));
  // what it adds: confident CJK (and punctuation), or CJK clearly more confident than a character
  // of the first reading it replaces (末 78 for 未 68)
  const added = rc.filter((x, k) => !keptR.has(k) && CJK_CHAR.test(x.c));
  const replaced = fc.filter((x, k) => !keptF.has(k) && CJK_CHAR.test(x.c)).map((x) => x.conf);
  for (const x of added) {
    if (x.conf >= s.newChar) continue;
    const k = replaced.findIndex((c) => x.conf >= s.replaceMin && x.conf >= c + s.replaceGain);
    if (k < 0) return false;
    replaced.splice(k, 1);
  }
  // what it gives up: only doubtful characters, Latin letters and marks, or a character it puts
  // elsewhere (a word's box misplaced on the page: 资E粮油物储备 for 粮油物资储备)
  const moved = added.map((x) => x.c);
  for (let k = 0; k < fc.length; k++) {
    const x = fc[k]!;
    if (keptF.has(k) || !CJK_CHAR.test(x.c) || x.conf < s.sure) continue;
    const at = moved.indexOf(x.c);
    if (at < 0) return false;
    moved.splice(at, 1);
  }
  const cjkF = fc.filter((x) => CJK_CHAR.test(x.c)).length;
  const cjkR = rc.filter((x) => CJK_CHAR.test(x.c)).length;
  // it may add what was dropped (a list number, a lost last character), not a second label
  return cjkR <= cjkF + s.maxExtraCjk;
}

function median(v: number[], none: number): number {
  if (!v.length) return none;
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Words in reading order: text lines (words whose centres fall within a line's height) top to
 *  bottom, each left to right. */
function readingOrder(words: readonly OcrWord[]): OcrWord[] {
  const lines: OcrWord[][] = [];
  for (const w of [...words].sort((a, b) => a.box.y0 + a.box.y1 - b.box.y0 - b.box.y1)) {
    const cy = (w.box.y0 + w.box.y1) / 2;
    const l = lines.find((q) => cy >= Math.min(...q.map((v) => v.box.y0)) && cy <= Math.max(...q.map((v) => v.box.y1)));
    if (l) l.push(w);
    else lines.push([w]);
  }
  return lines.flatMap((l) => l.sort((a, b) => a.box.x0 - b.box.x0));
}

/** Text cells between vertical rules that look damaged (a Latin letter, a word read below 90, a
 *  lone punctuation mark) are cropped (the column's width, the line's height within its horizontal
 *  rules), enlarged (crops.enlarge, 1.5×), stacked and read again as one block (PSM 6; by chi_sim alone
 *  with rereadText.cjkModel); a reading that textRereadAccepted takes replaces the words of the cell
 *  (recorded in `reread`). */
export async function rereadText(ocr: OcrRunner, img: GreyImage, rules: readonly PixelRule[], words: readonly OcrWord[], dpi: number, settings: OcrSettings = DEFAULT_OCR_SETTINGS): Promise<{ words: OcrWord[]; problem?: OcrProblem }> {
  const s = settings.rereadText;
  const snap = columnSnap(dpi, settings.crops);
  const verticals = rules.filter((r) => !r.horizontal);
  const horizontals = rules.filter((r) => r.horizontal);
  if (verticals.length < 2) return { words: [...words] };
  const columnOf = columnsBetween(verticals, snap);
  const bySlot = new Map<number, OcrWord[]>();
  const bounds = new Map<number, { left: number; right: number }>();
  for (const w of words) {
    const c = columnOf(w);
    if (!c) continue;
    const key = Math.round(c.left / snap) * 100000 + Math.round(c.right / snap);
    bounds.set(key, c);
    let l = bySlot.get(key);
    if (!l) bySlot.set(key, (l = []));
    l.push(w);
  }
  interface Cell extends CropBox { words: OcrWord[]; text: string; ruled: boolean }
  const cells: Cell[] = [];
  const pad = cropPad(dpi, settings.crops);
  for (const [col, ws] of bySlot) {
    const { left, right } = bounds.get(col)!;
    const cx = (left + right) / 2;
    // the horizontal rules around a height, when the table rules its rows
    const band = (y: number): { top: number; bottom: number } => {
      let top = -Infinity;
      let bottom = Infinity;
      for (const r of horizontals) {
        if (cx < r.a - snap || cx > r.b + snap) continue;
        if (r.pos <= y && r.pos > top) top = r.pos;
        if (r.pos >= y && r.pos < bottom) bottom = r.pos;
      }
      return { top, bottom };
    };
    // a ruled cell (a label wrapped over two lines is one cell), else a text line of the column
    ws.sort((a, b) => (a.box.y0 + a.box.y1) / 2 - (b.box.y0 + b.box.y1) / 2);
    const groups: { words: OcrWord[]; top: number; bottom: number }[] = [];
    for (const w of ws) {
      const cy = (w.box.y0 + w.box.y1) / 2;
      const b = band(cy);
      const ruled = Number.isFinite(b.top) && Number.isFinite(b.bottom) && b.bottom - b.top <= dpi / s.maxRuledCellPerInch;
      const g = groups[groups.length - 1];
      const same = g && (ruled ? g.top === b.top && g.bottom === b.bottom : !Number.isFinite(g.top) && cy <= Math.max(...g.words.map((q) => q.box.y1)) && cy >= Math.min(...g.words.map((q) => q.box.y0)));
      if (same) g.words.push(w);
      else groups.push({ words: [w], top: ruled ? b.top : -Infinity, bottom: ruled ? b.bottom : Infinity });
    }
    for (const grp of groups) {
      const { top, bottom } = grp;
      const g = readingOrder(grp.words);
      const text = g.map((q) => q.text).join('');
      if (!CJK_CHAR.test(text) && !LATIN.test(text)) continue;
      const damaged = g.some((q) => LATIN.test(q.text) || q.confidence < s.doubt || LONE_MARK.test(q.text));
      if (!damaged) continue;
      const y0 = Math.min(...g.map((q) => q.box.y0));
      const y1 = Math.max(...g.map((q) => q.box.y1));
      const ruled = Number.isFinite(top);
      const m = Math.round((y1 - y0) * s.lineMargin) + s.lineMarginPx;
      const x = Math.round(left + pad);
      const w = Math.round(right - pad) - x;
      const y = Math.round(ruled ? top + pad : Math.max(0, y0 - m));
      const h = Math.round(ruled ? bottom - pad : Math.min(img.height, y1 + m)) - y;
      const em = median(g.filter((q) => CJK_CHAR.test(q.text)).map((q) => Math.min(q.box.y1 - q.box.y0, q.box.x1 - q.box.x0)), y1 - y0);
      // (a word's box may run past the rules of its row: the crop need only hold a character)
      if (w < dpi / settings.crops.minWidthPerInch || h > dpi / settings.crops.maxHeightPerInch || h < Math.max(s.minHeightPx, em * s.minHeightEm)) continue;
      // blank runs wider than two characters cut to half a character (letter-spaced headers; the
      // blank after a list number's 、 is narrower)
      cells.push({ words: g, x, y, w, h, text, ruled, squeeze: Math.max(s.squeezeMinPx, Math.round(em * s.squeezeEm)) });
    }
  }
  if (!cells.length) return { words: [...words] };
  // a page of text cells (a form) is not read twice: the most doubtful cells only
  if (cells.length > s.maxCells) {
    const worst = (c: Cell): number => Math.min(...c.words.map((q) => (LATIN.test(q.text) || LONE_MARK.test(q.text) ? 0 : q.confidence)));
    cells.sort((a, b) => worst(a) - worst(b));
    cells.length = s.maxCells;
  }
  const enlarge = settings.crops.enlarge;
  // (chi_sim alone: tesseract reads a doubtful line again with eng, whose Latin letters and marks
  // no reading may add; on a degraded page most lines are doubtful)
  const stacked = await readStacked(ocr, img, cells, dpi, settings.crops, enlarge, { psm: '6', dpi: dpi * enlarge, ...(s.cjkModel ? { langs: ['chi_sim'] } : {}) }, 'reread-text');
  const read: { text: string; box: Box; conf: number; line: number }[][] = cells.map(() => []);
  for (const w of stacked.words) read[w.crop]!.push({ text: w.text, box: w.box, conf: w.confidence, line: w.line });
  const drop = new Set<OcrWord>();
  const add: OcrWord[] = [];
  cells.forEach((c, k) => {
    const r = read[k]!;
    // one text line per crop between no rules (a second line is a neighbour's ink); a ruled cell
    // may hold a label wrapped over lines
    if (!r.length || (!c.ruled && new Set(r.map((q) => q.line)).size > 1)) return;
    r.sort((a, b) => a.line - b.line || a.box.x0 - b.box.x0);
    const text = r.map((q) => q.text).join('');
    const ok = textRereadAccepted({ words: c.words.map((q) => q.text), confidences: c.words.map((q) => q.confidence) }, { words: r.map((q) => q.text), confidences: r.map((q) => q.conf) }, settings);
    if (!ok) return;
    for (const q of c.words) drop.add(q);
    const b = [...c.words.map((q) => q.box), ...r.map((q) => q.box)];
    add.push({
      text,
      confidence: Math.round(Math.min(...r.map((q) => q.conf)) * 10) / 10,
      line: c.words[0]!.line,
      box: { x0: Math.min(...b.map((q) => q.x0)), y0: Math.min(...c.words.map((q) => q.box.y0)), x1: Math.max(...b.map((q) => q.x1)), y1: Math.max(...c.words.map((q) => q.box.y1)) },
      reread: c.words.map((q) => q.text).join(' '),
    });
  });
  const out = [...words.filter((w) => !drop.has(w)), ...add];
  return stacked.problem ? { words: out, problem: stacked.problem } : { words: out };
}
