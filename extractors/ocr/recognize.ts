// One page image -> OcrPage: grey, resolution normalised, quarter-turn and skew corrected, rules
// found and erased, then tesseract.js (PSM 11, chi_sim+eng) for words with boxes; ruled cells with
// ink but no word, number cells that came back in pieces or without their decimals, and text cells
// that look damaged (a Latin letter, a doubtful character, a lone 、) are read again on their crops
// (gapFill, rereadNumbers, rereadLatin, rereadText).
import type { Box } from '../../model/types.js';
import { crop, decodeImagePages, encodePgm, rotateQuarter, rotateSmall, scale, type GreyImage } from './image.js';
import { binarize, eraseRules, findRules, measureSkew, tableRules, type PixelRule } from './prep.js';
import { TesseractPool, type PoolOptions, type Psm, type RawResult } from './pool.js';

export interface OcrWord {
  text: string;
  /** pixels of the prepared (upright, levelled) image */
  box: Box;
  confidence: number;
  /** tesseract line index: words on one line are neighbours */
  line: number;
  /** the first reading, when the word was read again on its cell crop (rereadNumbers) */
  reread?: string;
}

export interface OcrPage {
  /** the prepared image, pixels */
  width: number;
  height: number;
  /** resolution of the prepared image */
  dpi: number;
  words: OcrWord[];
  /** ruling lines found in the prepared image (pixels) */
  rules: PixelRule[];
  /** quarter turn applied, degrees clockwise (0, 90, 180, 270) */
  rotation: number;
  /** skew measured (degrees) and corrected */
  skew: number;
  /** mean word confidence 0..100 */
  confidence: number;
  timings: { prep: number; orientation: number; ocr: number };
}

export interface RecognizeOptions {
  /** resolution of the image; default: recorded in the file, else guessed from an A4 page */
  dpi?: number;
  /** quarter turn to apply (degrees clockwise), or 'auto' (default): text running down the page is
   *  detected from projection profiles and 90 vs 270 decided by OCR confidence */
  rotate?: 'auto' | 0 | 90 | 180 | 270;
  /** with rotate 'auto', also test upright pages for upside down (one more small OCR) */
  checkUpsideDown?: boolean;
  /** measure and correct skew (default true) */
  deskew?: boolean;
  /** find ruling lines and erase them before OCR (default true) */
  rulings?: boolean;
  psm?: Psm;
  /** read again the ruled cells that hold ink but got no word (tesseract drops lone short codes
   *  such as `01`); default true */
  gapFill?: boolean;
  /** read again, one text line per crop with a digit whitelist, the number cells between vertical
   *  rules that came back in pieces or without a decimal point (PSM 11 drops `16,` and `.` of a
   *  wide-set `16, 770. 89`), and, enlarged, the text cells that look damaged (PSM 11 drops the
   *  `一、` of a list label, reads 额 as 频); default true */
  reread?: boolean;
}

export type ImageInput = GreyImage | Uint8Array;

export interface OcrPool {
  recognize(image: ImageInput, opts?: RecognizeOptions): Promise<OcrPage>;
  close(): Promise<void>;
  /** worker count */
  readonly size: number;
}

/** resolution the OCR image is brought to when the source is coarser or finer */
const MIN_DPI = 150;
const TARGET_DPI = 200;
const MAX_DPI = 400;

function guessDpi(img: GreyImage): number {
  // a scanned A4/A3 page: the long side is 11.69 in (A4); anything else gets 200
  const long = Math.max(img.width, img.height);
  const d = long / 11.69;
  return d >= 60 && d <= 1200 ? Math.round(d) : 200;
}

function now(): number {
  return performance.now();
}

/** OCR score of a candidate orientation: confident characters that are CJK or digits. */
function score(r: RawResult): number {
  let s = 0;
  for (const w of r.words) {
    if (w.confidence < 50) continue;
    const good = (w.text.match(/[\u4e00-\u9fff0-9]/g) ?? []).length;
    s += good * w.confidence;
  }
  return s;
}

/** A band through the middle of the page at ~150 dpi: enough text to tell up from down. */
function probe(img: GreyImage, dpi: number): { image: GreyImage; dpi: number } {
  const band = crop(img, 0, img.height * 0.3, img.width, img.height * 0.4);
  const f = Math.min(1, 150 / dpi);
  return { image: f < 1 ? scale(band, f) : band, dpi: dpi * f };
}

export async function recognizeWith(pool: TesseractPool, input: ImageInput, opts: RecognizeOptions = {}): Promise<OcrPage> {
  const t0 = now();
  let img: GreyImage;
  let dpi = opts.dpi;
  if (input instanceof Uint8Array) {
    const pages = await decodeImagePages(input);
    img = pages[0]!;
    dpi ??= pages[0]!.dpi;
  } else img = input;
  dpi ??= guessDpi(img);
  // resolution: tesseract reads best at 200-300 dpi
  if (dpi < MIN_DPI || dpi > MAX_DPI) {
    const f = (dpi < MIN_DPI ? TARGET_DPI : 300) / dpi;
    img = scale(img, f);
    dpi *= f;
  }
  const base = img;
  const fixedDpi = dpi;
  const run = async (k: number): Promise<OcrPage> => {
    const tp = now();
    let im = k ? rotateQuarter(base, k) : base;
    let skew = 0;
    if (opts.deskew !== false) {
      skew = measureSkew(binarize(im), im.width, im.height, fixedDpi);
      if (Math.abs(skew) >= 0.05) im = rotateSmall(im, -skew);
      else skew = 0;
    }
    let rules: PixelRule[] = [];
    const ocrImage: GreyImage = { width: im.width, height: im.height, data: im.data.slice() };
    if (opts.rulings !== false) {
      rules = tableRules(findRules(binarize(im), im.width, im.height, { dpi: fixedDpi }), Math.round(fixedDpi / 24));
      eraseRules(ocrImage, rules);
    }
    const prep = now() - tp;
    const t1 = now();
    const r = await pool.run(encodePgm(ocrImage), { psm: opts.psm ?? '11', dpi: fixedDpi });
    const words: OcrWord[] = [];
    let conf = 0;
    for (const w of r.words) {
      const text = w.text.trim();
      if (!text) continue;
      words.push({ text, box: { ...w.bbox }, confidence: Math.round(w.confidence * 10) / 10, line: w.line });
      conf += w.confidence;
    }
    if (rules.length && opts.gapFill !== false) words.push(...(await gapFill(pool, ocrImage, rules, words, fixedDpi)));
    let finalWords = rules.length && opts.reread !== false ? await rereadNumbers(pool, ocrImage, rules, words, fixedDpi) : words;
    if (rules.length && opts.reread !== false) finalWords = await rereadLatin(pool, ocrImage, rules, finalWords, fixedDpi);
    if (rules.length && opts.reread !== false) finalWords = await rereadText(pool, ocrImage, rules, finalWords, fixedDpi);
    return {
      width: im.width,
      height: im.height,
      dpi: fixedDpi,
      words: finalWords,
      rules,
      rotation: k * 90,
      skew,
      confidence: words.length ? Math.round((conf / words.length) * 10) / 10 : 0,
      timings: { prep: Math.round(prep + (tp - t0)), orientation: 0, ocr: Math.round(now() - t1) },
    };
  };
  if (opts.rotate !== undefined && opts.rotate !== 'auto') return run(opts.rotate / 90);
  // auto: read the page as it is; a page that reads badly is probed turned a quarter each way (and
  // upside down) on a small band, and read again the way that scores clearly best
  const first = await run(0);
  if (readsWell(first) && !opts.checkUpsideDown) return first;
  const to = now();
  const ks = readsWell(first) ? [0, 2] : [0, 1, 3, 2];
  const probes = await Promise.all(
    ks.map((k) => {
      const p = probe(rotateQuarter(base, k), fixedDpi);
      return pool.run(encodePgm(p.image), { psm: '11', dpi: p.dpi }).then((r) => ({ k, s: score(r) }));
    }),
  );
  const s0 = probes.find((p) => p.k === 0)!.s;
  probes.sort((a, b) => b.s - a.s);
  const best = probes[0]!;
  const tOrient = now() - to;
  if (best.k === 0 || best.s < s0 * 1.3 + 50) {
    first.timings.orientation = Math.round(tOrient);
    return first;
  }
  const turned = await run(best.k);
  turned.timings.orientation = Math.round(tOrient + first.timings.prep + first.timings.ocr);
  return turned;
}

function positions(v: number[], snap: number): number[] {
  v.sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of v) if (!out.length || x - out[out.length - 1]! > snap) out.push(x);
  return out;
}

/** Cells of the rule lattice with ink but no word: cropped, stacked with white space between them
 *  into one strip, read in one go, and the words mapped back. */
async function gapFill(pool: TesseractPool, img: GreyImage, rules: readonly PixelRule[], words: readonly OcrWord[], dpi: number): Promise<OcrWord[]> {
  const snap = Math.max(3, dpi / 40);
  const xs = positions(rules.filter((r) => !r.horizontal).map((r) => r.pos), snap);
  const ys = positions(rules.filter((r) => r.horizontal).map((r) => r.pos), snap);
  if (xs.length < 2 || ys.length < 2) return [];
  // cells that got a word (by its centre) are left alone
  const hit = new Set<number>();
  const slotOf = (v: number[], p: number): number => {
    let i = 0;
    while (i + 1 < v.length && v[i + 1]! <= p) i++;
    return i;
  };
  for (const w of words) hit.add(slotOf(ys, (w.box.y0 + w.box.y1) / 2) * xs.length + slotOf(xs, (w.box.x0 + w.box.x1) / 2));
  const pad = Math.max(3, Math.round(dpi / 50));
  const crops: { x: number; y: number; w: number; h: number }[] = [];
  for (let r = 0; r + 1 < ys.length; r++) {
    for (let c = 0; c + 1 < xs.length; c++) {
      if (hit.has(r * xs.length + c)) continue;
      const x0 = Math.round(xs[c]! + pad);
      const x1 = Math.round(xs[c + 1]! - pad);
      const y0 = Math.round(ys[r]! + pad);
      const y1 = Math.round(ys[r + 1]! - pad);
      if (x1 - x0 < dpi / 12 || y1 - y0 < dpi / 18) continue;
      let ink = 0;
      let minX = x1;
      let maxX = x0;
      let minY = y1;
      let maxY = y0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = y * img.width + x;
          if (img.data[i]! < 128) {
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
      if (ink < (dpi / 45) ** 2 || maxY - minY < dpi / 40 || (ink < (dpi / 30) ** 2 && maxX - minX < dpi / 25)) continue;
      const m = Math.round(dpi / 30);
      crops.push({ x: Math.max(x0, minX - m), y: Math.max(y0, minY - m), w: Math.min(x1, maxX + m) - Math.max(x0, minX - m), h: Math.min(y1, maxY + m) - Math.max(y0, minY - m) });
    }
  }
  if (!crops.length || crops.length > 400) return [];
  const stack = stackCrops(img, crops, dpi, ENLARGE);
  const res = await pool.run(encodePgm(stack.strip), { psm: '6', dpi: dpi * ENLARGE });
  const out: OcrWord[] = [];
  for (const w of res.words) {
    const text = w.text.trim();
    // what tesseract drops is lone short numbers (codes, 0.01); cut-up header text read again is
    // noise, so only confident numbers are taken
    if (!/^[\d.,%\-()（）]+$/.test(text) || !/\d/.test(text) || w.confidence < 50) continue;
    const k = stack.crop(w.bbox);
    if (k < 0) continue;
    out.push({ text, confidence: Math.round(w.confidence * 10) / 10, line: -1 - k, box: stack.toPage(k, w.bbox) });
  }
  return out;
}

/** crops read again are enlarged this much: at 200 dpi small print is ~20 px tall, and tesseract
 *  misreads it (额 as 频, 4 as 1) where it reads the same crop enlarged right */
const ENLARGE = 1.5;

const NUMBERISH = /^[\d.,\-−()（）]+$/;
const DECIMAL_AMOUNT = /^[-−]?(\d{1,3}(,\d{3})+|\d+)\.\d{1,4}$/;

/** digits of a as a subsequence of the digits of b */
function digitsWithin(a: string, b: string): boolean {
  const x = a.replace(/\D/g, '');
  const y = b.replace(/\D/g, '');
  let i = 0;
  for (let j = 0; j < y.length && i < x.length; j++) if (y[j] === x[i]) i++;
  return i === x.length;
}

/** A second reading `read` of a number cell first read as `first` (its words joined by spaces)
 *  is taken when it is a well-formed amount with a decimal point that keeps every digit of the
 *  first reading in order and adds at most four (`770 89` → `16,770.89`, `839` → `839.13`,
 *  `202.92` → `1,202.92`); a first reading that already had its decimals must gain digits. */
export function rereadAccepted(first: string, read: string): boolean {
  if (!DECIMAL_AMOUNT.test(read) || !digitsWithin(first, read)) return false;
  const added = read.replace(/\D/g, '').length - first.replace(/\D/g, '').length;
  return added <= 4 && !(DECIMAL_AMOUNT.test(first) && added <= 0);
}

/** A word's column: the nearest vertical rules left and right of it that run past its line (the
 *  title above a table and notes below it lie between no rules). */
function columnsBetween(verticals: readonly PixelRule[], snap: number): (w: OcrWord) => { left: number; right: number } | undefined {
  return (w) => {
    const cx = (w.box.x0 + w.box.x1) / 2;
    const cy = (w.box.y0 + w.box.y1) / 2;
    let left = -Infinity;
    let right = Infinity;
    for (const r of verticals) {
      if (cy < r.a - snap || cy > r.b + snap) continue;
      if (r.pos < cx && r.pos > left) left = r.pos;
      if (r.pos > cx && r.pos < right) right = r.pos;
    }
    return Number.isFinite(left) && Number.isFinite(right) ? { left, right } : undefined;
  };
}

/** Number cells between vertical rules that came back in pieces (`770` `89`) or as an integer
 *  while the column prints decimals are cropped (the column's width, the words' line), stacked into
 *  one strip and read again one line per crop with a digit whitelist. A reading replaces the words
 *  when it is a well-formed amount with a decimal point that keeps every digit first read, in order
 *  (it only adds what PSM 11 dropped). The reread word carries `reread` with the first reading. */
async function rereadNumbers(pool: TesseractPool, img: GreyImage, rules: readonly PixelRule[], words: readonly OcrWord[], dpi: number): Promise<OcrWord[]> {
  const snap = Math.max(3, dpi / 40);
  const verticals = rules.filter((r) => !r.horizontal);
  if (verticals.length < 2) return [...words];
  const columnOf = columnsBetween(verticals, snap);
  // number words by column, then grouped into text lines
  const bySlot = new Map<number, OcrWord[]>();
  const bounds = new Map<number, { left: number; right: number }>();
  for (const w of words) {
    if (!NUMBERISH.test(w.text) || !/\d/.test(w.text)) continue;
    const c = columnOf(w);
    if (!c) continue;
    const key = Math.round(c.left / snap) * 100000 + Math.round(c.right / snap);
    bounds.set(key, c);
    let l = bySlot.get(key);
    if (!l) bySlot.set(key, (l = []));
    l.push(w);
  }
  interface Cell { col: number; words: OcrWord[]; x: number; y: number; w: number; h: number; text: string }
  const cells: Cell[] = [];
  for (const [col, ws] of bySlot) {
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
    const decimals = texts.filter((t) => DECIMAL_AMOUNT.test(t) || /\d[.,]?\s+\d{1,2}$/.test(t) || /^0{2,4}$/.test(t)).length >= Math.max(2, texts.length * 0.15);
    for (const g of groups) {
      g.sort((a, b) => a.box.x0 - b.box.x0);
      const text = g.map((q) => q.text).join(' ');
      // one word: read again in a column that prints decimals (a dropped leading `1,` of
      // `1,202.92` leaves a well-formed `202.92`, lost decimals leave `414.`; the reading must add
      // digits)
      if (g.length === 1 && !decimals) continue;
      // the column's width (a lost leading `16,` lies left of the words), the line's height
      const pad = Math.max(2, Math.round(dpi / 60));
      const y0 = Math.min(...g.map((q) => q.box.y0));
      const y1 = Math.max(...g.map((q) => q.box.y1));
      const m = Math.round((y1 - y0) * 0.35) + 2;
      const x = Math.round(bounds.get(col)!.left + pad);
      const w = Math.round(bounds.get(col)!.right - pad) - x;
      const y = Math.max(0, y0 - m);
      const h = Math.min(img.height, y1 + m) - y;
      if (w < dpi / 12 || h < 4 || h > dpi / 2) continue;
      cells.push({ col, words: g, x, y, w, h, text });
    }
  }
  if (!cells.length || cells.length > 600) return [...words];
  const stack = stackCrops(img, cells, dpi);
  const res = await pool.run(encodePgm(stack.strip), { psm: '6', dpi, whitelist: '0123456789.,-' });
  const read: { text: string; x0: number; conf: number }[][] = cells.map(() => []);
  for (const w of res.words) {
    const text = w.text.trim();
    if (!text) continue;
    const k = stack.crop(w.bbox);
    if (k >= 0) read[k]!.push({ text, x0: w.bbox.x0, conf: w.confidence });
  }
  const drop = new Set<OcrWord>();
  const add: OcrWord[] = [];
  cells.forEach((c, k) => {
    const r = read[k]!.sort((a, b) => a.x0 - b.x0);
    if (!r.length) return;
    const text = r.map((q) => q.text).join('').replace(/^[.,]+|[.,]+$/g, '');
    // (tesseract gives a whitelisted line a confidence of 0 now and then, correct or not: the gate
    // is the agreement with the first reading, whose confidence the word keeps)
    if (!rereadAccepted(c.text, text)) return;
    for (const q of c.words) drop.add(q);
    const b = c.words.map((q) => q.box);
    add.push({
      text,
      confidence: Math.round(Math.min(...c.words.map((q) => q.confidence)) * 10) / 10,
      line: c.words[0]!.line,
      box: { x0: Math.min(...b.map((q) => q.x0)), y0: Math.min(...b.map((q) => q.y0)), x1: Math.max(...b.map((q) => q.x1)), y1: Math.max(...b.map((q) => q.y1)) },
      reread: c.text,
    });
  });
  return [...words.filter((w) => !drop.has(w)), ...add];
}

/** Short Latin words between vertical rules (`HE`, `m` for the 款 / 项 of a 类款项 header: chi_sim
 *  on a sparse page turns lone CJK header characters into Latin) are read again on their crop, one
 *  line each; a reading that is CJK only replaces the word (recorded in `reread`). */
async function rereadLatin(pool: TesseractPool, img: GreyImage, rules: readonly PixelRule[], words: readonly OcrWord[], dpi: number): Promise<OcrWord[]> {
  const snap = Math.max(3, dpi / 40);
  const verticals = rules.filter((r) => !r.horizontal);
  const columnOf = columnsBetween(verticals, snap);
  const cands: { word: OcrWord; x: number; y: number; w: number; h: number }[] = [];
  for (const wd of words) {
    if (!/^[A-Za-z]{1,4}$/.test(wd.text)) continue;
    const col = columnOf(wd);
    if (!col) continue;
    const { left, right } = col;
    const pad = Math.max(2, Math.round(dpi / 60));
    const m = Math.round((wd.box.y1 - wd.box.y0) * 0.4) + 3;
    const x = Math.round(left + pad);
    const w = Math.round(right - pad) - x;
    const y = Math.max(0, wd.box.y0 - m);
    const h = Math.min(img.height, wd.box.y1 + m) - y;
    if (w < 4 || h < 4 || h > dpi / 2 || w > dpi * 1.5) continue;
    cands.push({ word: wd, x, y, w, h });
  }
  if (!cands.length || cands.length > 200) return [...words];
  const stack = stackCrops(img, cands, dpi, ENLARGE);
  const res = await pool.run(encodePgm(stack.strip), { psm: '6', dpi: dpi * ENLARGE });
  const read: { text: string; x0: number; conf: number }[][] = cands.map(() => []);
  for (const w of res.words) {
    const text = w.text.trim();
    if (!text) continue;
    const k = stack.crop(w.bbox);
    if (k >= 0) read[k]!.push({ text, x0: w.bbox.x0, conf: w.confidence });
  }
  const out = new Map<OcrWord, OcrWord>();
  cands.forEach((c, k) => {
    const r = read[k]!.sort((a, b) => a.x0 - b.x0);
    const text = r.map((q) => q.text).join('');
    if (!/^[\u4e00-\u9fff]{1,6}$/.test(text) || Math.min(...r.map((q) => q.conf)) < 60) return;
    out.set(c.word, { ...c.word, text, reread: c.word.text });
  });
  return words.map((w) => out.get(w) ?? w);
}

/** A page reads well: mostly confident words, and enough CJK or digits read confidently. */
function readsWell(p: OcrPage): boolean {
  let good = 0;
  for (const w of p.words) if (w.confidence >= 60) good += (w.text.match(/[\u4e00-\u9fff0-9]/g) ?? []).length;
  return p.confidence >= 55 && good >= 15;
}

export function makePool(opts: PoolOptions = {}): OcrPool {
  const pool = new TesseractPool(opts);
  return {
    size: pool.size,
    recognize: (image, o) => recognizeWith(pool, image, o),
    close: () => pool.close(),
  };
}

interface Stack {
  strip: GreyImage;
  /** the crop a word of the strip reading belongs to (by its centre), or -1 */
  crop(b: Box): number;
  /** a box of the strip reading in page pixels */
  toPage(k: number, b: Box): Box;
}

interface CropBox { x: number; y: number; w: number; h: number; squeeze?: number }

/** A crop with every run of blank columns wider than `over` pixels cut to `max` (a header word
 *  printed letter-spaced, `栏    次`, reads as one word), and for each kept column its source x. */
function squeezed(img: GreyImage, c: CropBox, max: number, over = max * 4): { piece: GreyImage; xs: number[] } {
  const piece = crop(img, c.x, c.y, c.w, c.h);
  const ink: boolean[] = [];
  for (let x = 0; x < piece.width; x++) {
    let dark = 0;
    for (let y = 0; y < piece.height; y++) if (piece.data[y * piece.width + x]! < 140) dark++;
    ink.push(dark >= 1);
  }
  const keep: number[] = [];
  let run: number[] = [];
  const first = ink.indexOf(true);
  for (let x = 0; x < piece.width; x++) {
    if (ink[x]) {
      // a blank run between ink wider than `over` keeps `max` columns (its middle); the margins
      // stay as they are
      keep.push(...(first >= 0 && x > first && run.length > over ? run.slice((run.length - max) >> 1, ((run.length - max) >> 1) + max) : run), x);
      run = [];
    } else run.push(x);
  }
  keep.push(...run);
  const out = new Uint8Array(keep.length * piece.height);
  for (let y = 0; y < piece.height; y++) for (let i = 0; i < keep.length; i++) out[y * keep.length + i] = piece.data[y * piece.width + keep[i]!]!;
  return { piece: { width: keep.length, height: piece.height, data: out }, xs: keep.map((x) => x + Math.max(0, Math.floor(c.x))) };
}

/** Cell crops, enlarged `f` times (tesseract reads small print better larger), stacked with white
 *  space between them into one strip, so one tesseract call reads them all. A crop with `squeeze`
 *  has its long blank runs cut to that many pixels first. */
function stackCrops(img: GreyImage, crops: readonly CropBox[], dpi: number, f = 1): Stack {
  const gap = Math.round((dpi * f) / 5);
  const xmaps: (number[] | undefined)[] = [];
  const parts = crops.map((c) => {
    let piece: GreyImage;
    if (c.squeeze !== undefined) {
      const s = squeezed(img, c, c.squeeze);
      piece = s.piece;
      xmaps.push(s.xs);
    } else {
      piece = crop(img, c.x, c.y, c.w, c.h);
      xmaps.push(undefined);
    }
    return f === 1 ? piece : scale(piece, f);
  });
  const W = Math.max(...parts.map((c) => c.width)) + gap * 2;
  const H = parts.reduce((s, c) => s + c.height + gap, gap);
  const data = new Uint8Array(W * H).fill(255);
  const at: number[] = [];
  let y = gap;
  for (const c of parts) {
    at.push(y);
    for (let r = 0; r < c.height; r++) data.set(c.data.subarray(r * c.width, (r + 1) * c.width), (y + r) * W + gap);
    y += c.height + gap;
  }
  return {
    strip: { width: W, height: H, data },
    crop: (b) => {
      const cy = (b.y0 + b.y1) / 2;
      return at.findIndex((a, i) => cy >= a - gap / 2 && cy < a + parts[i]!.height + gap / 2);
    },
    toPage: (k, b) => {
      const c = crops[k]!;
      const part = parts[k]!;
      const xs = xmaps[k];
      const ky = c.h / part.height;
      const mapX = (sx: number): number => {
        if (!xs) return c.x + (sx - gap) * (c.w / part.width);
        const i = Math.round((sx - gap) / f);
        return xs[Math.max(0, Math.min(xs.length - 1, i))]!;
      };
      return { x0: mapX(b.x0), y0: c.y + (b.y0 - at[k]!) * ky, x1: mapX(b.x1), y1: c.y + (b.y1 - at[k]!) * ky };
    },
  };
}

/** text cells read again on a page at most */
const MAX_TEXT_CELLS = 120;
/** a text cell with a word read below this is read again */
const TEXT_DOUBT = 95;
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

/** first-reading characters at least this confident are not given up for a second reading */
const SURE = 95;
/** a character a second reading adds or puts in place of another must be this confident */
const NEW_CHAR = 85;

/** A second reading of a text cell (its crop enlarged, one block) replaces the first reading when
 *  it is confident (mean ≥ 80, no word below 50 that the first reading lacks), has CJK, no Latin
 *  letter or mark the first reading lacks, and, aligned with the first reading, gives up only
 *  first-reading characters read below 95, Latin and marks (or moves them), and adds or puts in
 *  their place only CJK read at 85 or more, or clearly more confident than what it replaces (at
 *  most six more): PSM 11 on a whole page drops the lone `一、` of a list
 *  label, reads `六、` as `N` or `共、`, `额` as `频`; a re-read of the enlarged crop does not. */
export function textRereadAccepted(first: TextReading, read: TextReading): boolean {
  const fc = chars(first);
  const rc = chars(read);
  const f = fc.map((x) => x.c).join('');
  const r = rc.map((x) => x.c).join('');
  if (!r || r === f || !CJK_CHAR.test(r) || !read.confidences.length) return false;
  const mean = read.confidences.reduce((a, b) => a + b, 0) / read.confidences.length;
  // a doubtful word of the reading is let pass when the first reading has it too
  if (mean < 80 || read.words.some((w, i) => (read.confidences[i] ?? 0) < 50 && !f.includes(w))) return false;
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
    if (x.conf >= NEW_CHAR) continue;
    const k = replaced.findIndex((c) => x.conf >= 70 && x.conf >= c + 5);
    if (k < 0) return false;
    replaced.splice(k, 1);
  }
  // what it gives up: only doubtful characters, Latin letters and marks, or a character it puts
  // elsewhere (a word's box misplaced on the page: 资E粮油物储备 for 粮油物资储备)
  const moved = added.map((x) => x.c);
  for (let k = 0; k < fc.length; k++) {
    const x = fc[k]!;
    if (keptF.has(k) || !CJK_CHAR.test(x.c) || x.conf < SURE) continue;
    const at = moved.indexOf(x.c);
    if (at < 0) return false;
    moved.splice(at, 1);
  }
  const cjkF = fc.filter((x) => CJK_CHAR.test(x.c)).length;
  const cjkR = rc.filter((x) => CJK_CHAR.test(x.c)).length;
  // it may add what was dropped (a list number, a lost last character), not a second label
  return cjkR <= cjkF + 6;
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
 *  rules), enlarged 1.5×, stacked and read again as one block (PSM 6); a reading that
 *  textRereadAccepted takes replaces the words of the cell (recorded in `reread`). */
async function rereadText(pool: TesseractPool, img: GreyImage, rules: readonly PixelRule[], words: readonly OcrWord[], dpi: number): Promise<OcrWord[]> {
  const snap = Math.max(3, dpi / 40);
  const verticals = rules.filter((r) => !r.horizontal);
  const horizontals = rules.filter((r) => r.horizontal);
  if (verticals.length < 2) return [...words];
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
  const pad = Math.max(2, Math.round(dpi / 60));
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
      const ruled = Number.isFinite(b.top) && Number.isFinite(b.bottom) && b.bottom - b.top <= dpi / 2;
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
      const damaged = g.some((q) => LATIN.test(q.text) || q.confidence < TEXT_DOUBT || LONE_MARK.test(q.text));
      if (!damaged) continue;
      const y0 = Math.min(...g.map((q) => q.box.y0));
      const y1 = Math.max(...g.map((q) => q.box.y1));
      const ruled = Number.isFinite(top);
      const m = Math.round((y1 - y0) * 0.35) + 2;
      const x = Math.round(left + pad);
      const w = Math.round(right - pad) - x;
      const y = Math.round(ruled ? top + pad : Math.max(0, y0 - m));
      const h = Math.round(ruled ? bottom - pad : Math.min(img.height, y1 + m)) - y;
      const em = median(g.filter((q) => CJK_CHAR.test(q.text)).map((q) => Math.min(q.box.y1 - q.box.y0, q.box.x1 - q.box.x0)), y1 - y0);
      // (a word's box may run past the rules of its row: the crop need only hold a character)
      if (w < dpi / 12 || h > dpi / 2 || h < Math.max(4, em * 0.8)) continue;
      // blank runs wider than two characters cut to half a character (letter-spaced headers; the
      // blank after a list number's 、 is narrower)
      cells.push({ words: g, x, y, w, h, text, ruled, squeeze: Math.max(4, Math.round(em * 0.5)) });
    }
  }
  if (!cells.length) return [...words];
  // a page of text cells (a form) is not read twice: the most doubtful cells only
  if (cells.length > MAX_TEXT_CELLS) {
    const worst = (c: Cell): number => Math.min(...c.words.map((q) => (LATIN.test(q.text) || LONE_MARK.test(q.text) ? 0 : q.confidence)));
    cells.sort((a, b) => worst(a) - worst(b));
    cells.length = MAX_TEXT_CELLS;
  }
  const stack = stackCrops(img, cells, dpi, ENLARGE);
  const res = await pool.run(encodePgm(stack.strip), { psm: '6', dpi: dpi * ENLARGE });
  const read: { text: string; box: Box; conf: number; line: number }[][] = cells.map(() => []);
  for (const w of res.words) {
    const text = w.text.trim();
    if (!text) continue;
    const k = stack.crop(w.bbox);
    if (k < 0) continue;
    read[k]!.push({ text, box: stack.toPage(k, w.bbox), conf: w.confidence, line: w.line });
  }
  const drop = new Set<OcrWord>();
  const add: OcrWord[] = [];
  cells.forEach((c, k) => {
    const r = read[k]!;
    // one text line per crop between no rules (a second line is a neighbour's ink); a ruled cell
    // may hold a label wrapped over lines
    if (!r.length || (!c.ruled && new Set(r.map((q) => q.line)).size > 1)) return;
    r.sort((a, b) => a.line - b.line || a.box.x0 - b.box.x0);
    const text = r.map((q) => q.text).join('');
    const ok = textRereadAccepted({ words: c.words.map((q) => q.text), confidences: c.words.map((q) => q.confidence) }, { words: r.map((q) => q.text), confidences: r.map((q) => q.conf) });
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
  return [...words.filter((w) => !drop.has(w)), ...add];
}
