// One page image -> OcrPage: grey, resolution normalised, quarter-turn and skew corrected, rules
// found and erased, then tesseract.js (PSM 11, chi_sim+eng) for words with boxes; ruled cells with
// ink but no word, and number cells that came back in pieces or without their decimals, are read
// again on their crops (gapFill, rereadNumbers).
import type { Box } from '../../pipeline/types.js';
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
   *  wide-set `16, 770. 89`); default true */
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
  const { strip: stacked, at, gap, W } = stackCrops(img, crops, dpi);
  const res = await pool.run(encodePgm(stacked), { psm: '6', dpi });
  const out: OcrWord[] = [];
  for (const w of res.words) {
    const text = w.text.trim();
    // what tesseract drops is lone short numbers (codes, 0.01); cut-up header text read again is
    // noise, so only confident numbers are taken
    if (!/^[\d.,%\-()（）]+$/.test(text) || !/\d/.test(text) || w.confidence < 50) continue;
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    const k = at.findIndex((a, i) => cy >= a - gap / 2 && cy < a + crops[i]!.h + gap / 2);
    if (k < 0) continue;
    const c = crops[k]!;
    const dx = c.x - gap;
    const dy = c.y - at[k]!;
    out.push({ text, confidence: Math.round(w.confidence * 10) / 10, line: -1 - k, box: { x0: w.bbox.x0 + dx, y0: w.bbox.y0 + dy, x1: w.bbox.x1 + dx, y1: w.bbox.y1 + dy } });
  }
  return out;
}

const NUMBERISH = /^[\d.,\-−()（）]+$/;
const DECIMAL_AMOUNT = /^[-−]?(\d{1,3}(,\d{3})+|\d+)\.\d{1,4}$/;
const WELL_FORMED = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,4})?$/;

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

/** Number cells between vertical rules that came back in pieces (`770` `89`) or as an integer
 *  while the column prints decimals are cropped (the column's width, the words' line), stacked into
 *  one strip and read again one line per crop with a digit whitelist. A reading replaces the words
 *  when it is a well-formed amount with a decimal point that keeps every digit first read, in order
 *  (it only adds what PSM 11 dropped). The reread word carries `reread` with the first reading. */
async function rereadNumbers(pool: TesseractPool, img: GreyImage, rules: readonly PixelRule[], words: readonly OcrWord[], dpi: number): Promise<OcrWord[]> {
  const snap = Math.max(3, dpi / 40);
  const verticals = rules.filter((r) => !r.horizontal);
  if (verticals.length < 2) return [...words];
  // a word's column: the nearest vertical rules left and right of it that run past its line (the
  // title above a table and notes below it lie between no rules)
  const columnOf = (w: OcrWord): { left: number; right: number } | undefined => {
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
    // the column prints decimals when some of its cells show them: a decimal point, or a last
    // group of 1-2 digits split off (`770 89`); a column of codes never does
    const texts = groups.map((g) => [...g].sort((a, b) => a.box.x0 - b.box.x0).map((q) => q.text).join(' '));
    const decimals = texts.filter((t) => DECIMAL_AMOUNT.test(t) || /\d[.,]?\s+\d{1,2}$/.test(t)).length >= Math.max(2, texts.length * 0.15);
    for (const g of groups) {
      g.sort((a, b) => a.box.x0 - b.box.x0);
      const text = g.map((q) => q.text).join(' ');
      // one well-formed word: read again in a column that prints decimals (a dropped leading `1,`
      // of `1,202.92` leaves a well-formed `202.92`; the reading must then add digits)
      if (g.length === 1 && (!decimals || !WELL_FORMED.test(text))) continue;
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
  const gap = Math.round(dpi / 5);
  const W = Math.max(...cells.map((c) => c.w)) + gap * 2;
  const H = cells.reduce((s, c) => s + c.h + gap, gap);
  const strip = new Uint8Array(W * H).fill(255);
  const at: number[] = [];
  let yy = gap;
  for (const c of cells) {
    at.push(yy);
    for (let r = 0; r < c.h; r++) strip.set(img.data.subarray((c.y + r) * img.width + c.x, (c.y + r) * img.width + c.x + c.w), (yy + r) * W + gap);
    yy += c.h + gap;
  }
  const res = await pool.run(encodePgm({ width: W, height: H, data: strip }), { psm: '6', dpi, whitelist: '0123456789.,-' });
  const read: { text: string; x0: number; conf: number }[][] = cells.map(() => []);
  for (const w of res.words) {
    const text = w.text.trim();
    if (!text) continue;
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    const k = at.findIndex((a, i) => cy >= a - gap / 2 && cy < a + cells[i]!.h + gap / 2);
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
  const cands: { word: OcrWord; x: number; y: number; w: number; h: number }[] = [];
  for (const wd of words) {
    if (!/^[A-Za-z]{1,4}$/.test(wd.text)) continue;
    const cx = (wd.box.x0 + wd.box.x1) / 2;
    const cy = (wd.box.y0 + wd.box.y1) / 2;
    let left = -Infinity;
    let right = Infinity;
    for (const r of verticals) {
      if (cy < r.a - snap || cy > r.b + snap) continue;
      if (r.pos < cx && r.pos > left) left = r.pos;
      if (r.pos > cx && r.pos < right) right = r.pos;
    }
    if (!Number.isFinite(left) || !Number.isFinite(right)) continue;
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
  const { strip: stacked, at, gap, W } = stackCrops(img, cands, dpi);
  const res = await pool.run(encodePgm(stacked), { psm: '6', dpi });
  const read: { text: string; x0: number; conf: number }[][] = cands.map(() => []);
  for (const w of res.words) {
    const text = w.text.trim();
    if (!text) continue;
    const cy = (w.bbox.y0 + w.bbox.y1) / 2;
    const k = at.findIndex((a, i) => cy >= a - gap / 2 && cy < a + cands[i]!.h + gap / 2);
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

/** Cell crops stacked into one white strip, so one tesseract call reads them all; `at` is each
 *  crop's top in the strip, `gap` its left margin. */
function stackCrops(img: GreyImage, crops: readonly { x: number; y: number; w: number; h: number }[], dpi: number): { strip: GreyImage; at: number[]; gap: number; W: number } {
  const gap = Math.round(dpi / 5);
  const W = Math.max(...crops.map((c) => c.w)) + gap * 2;
  const H = crops.reduce((s, c) => s + c.h + gap, gap);
  const data = new Uint8Array(W * H).fill(255);
  const at: number[] = [];
  let y = gap;
  for (const c of crops) {
    at.push(y);
    for (let r = 0; r < c.h; r++) data.set(img.data.subarray((c.y + r) * img.width + c.x, (c.y + r) * img.width + c.x + c.w), (y + r) * W + gap);
    y += c.h + gap;
  }
  return { strip: { width: W, height: H, data }, at, gap, W };
}
