// Number cells read again on demand, after the tables are understood: the prepared image of every
// page read by OCR is kept (deflated, about a tenth of its pixels), and the cells the pipeline asks
// for (the values of failing in-table sums: normalizers/ocr-correct/reread.ts) are cropped from it
// and read under other image treatments, the crops of all pages stacked into one tesseract job per
// treatment (a few when tall), with the digit whitelist:
//   dark   a pixel up to Otsu's threshold + rereadSums.darkGain is ink, the rest white (thin grey
//          strokes of a faint print kept: its 4 read as 1 loses the 4's thin cross-stroke)
//   thick  the ink thickened by rereadSums.thickenPx (a 4-neighbour dilation)
//   grey   the grey crop enlarged rereadSums.greyEnlarge times, not binarised
// and, without OCR, one more reading from the cell's glyphs:
//   strokes  the number as first read with the 1s and 3s whose glyph shows what a threshold leaves
//            of a 4 or a 5 (stroke-remnants.ts) read as such (and so the OCR readings that read the
//            number alike: `dark+strokes`); also for the cells only looked at (lookOnly)
// This module only reads; which reading (if any) a cell takes is decided by the sums. A strip whose
// job fails costs its crops' readings only.
import { deflateSync, inflateSync } from 'node:zlib';
import type { Box } from '../../model/types.js';
import type { CellRereader, CellRereading } from '../../model/stages.js';
import { readStacked, type CropBox } from './crop-stack.js';
import { strokeRemnants, type StrokeRemnant } from './stroke-remnants.js';
import { crop, scale, type GreyImage } from './image.js';
import { OcrAbortedError } from './pool.js';
import { stageAsync } from './profile.js';
import { otsu, thickenInk } from './prep.js';
import type { OcrSettings } from './settings.js';
import type { OcrPage, OcrPool } from './types.js';

/** A page's prepared image, kept to read cells again, and how it maps onto the page as given. */
export interface KeptPage {
  page: number;
  width: number;
  height: number;
  dpi: number;
  /** the grey pixels, deflated */
  data: Buffer;
  /** the image as read: its size in points, the quarter turn and skew applied (OcrContent.frame) */
  frame: { width: number; height: number; rotation: number; skew: number };
  /** points of the page as given per point of the image as read (pdf.ts scales a page whose image
   *  size differs from the page's) */
  scale: number;
}

/** The prepared image of an OCR'd page, kept deflated; undefined when the page kept none. */
export function keepPage(pageNo: number, p: OcrPage, frame: KeptPage['frame'], scale = 1): KeptPage | undefined {
  if (!p.image) return undefined;
  const { width, height, data } = p.image;
  return { page: pageNo, width, height, dpi: p.dpi, data: deflateSync(data, { level: 1 }), frame, scale };
}

/** A box on the page as given (points) → pixels of the image as read: the inverse of page.ts
 *  pageBox (the quarter turn undone, then the skew), at the image's resolution. */
export function imageBox(k: KeptPage, b: Box): Box {
  const f = k.frame;
  const q = ((Math.round(f.rotation / 90) % 4) + 4) % 4;
  const a = (-f.skew * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = f.width / 2;
  const cy = f.height / 2;
  const point = (u: number, v: number): [number, number] => {
    let x = u;
    let y = v;
    if (q === 1) [x, y] = [f.width - v, u];
    else if (q === 2) [x, y] = [f.width - u, f.height - v];
    else if (q === 3) [x, y] = [v, f.height - u];
    if (!f.skew) return [x, y];
    const ex = x - cx;
    const ey = y - cy;
    return [cx + ex * cos - ey * sin, cy + ex * sin + ey * cos];
  };
  const s = 1 / k.scale;
  const corners = [point(b.x0 * s, b.y0 * s), point(b.x1 * s, b.y0 * s), point(b.x0 * s, b.y1 * s), point(b.x1 * s, b.y1 * s)];
  const px = k.dpi / 72;
  return {
    x0: Math.min(...corners.map((c) => c[0])) * px, y0: Math.min(...corners.map((c) => c[1])) * px,
    x1: Math.max(...corners.map((c) => c[0])) * px, y1: Math.max(...corners.map((c) => c[1])) * px,
  };
}

/** A crop under a treatment (`otsuLevel`: the page's threshold), enlarged as the treatment reads. */
function treated(piece: GreyImage, how: Treatment, otsuLevel: number, s: OcrSettings): GreyImage {
  const r = s.rereadSums;
  if (how === 'grey') return scale(piece, r.greyEnlarge);
  if (how === 'thick') return scale(thickenInk(piece, r.thickenPx), s.crops.enlarge);
  const t = Math.min(254, otsuLevel + r.darkGain);
  const data = new Uint8Array(piece.data.length);
  for (let i = 0; i < data.length; i++) data[i] = piece.data[i]! <= t ? 0 : 255;
  return scale({ width: piece.width, height: piece.height, data }, s.crops.enlarge);
}

type Treatment = 'dark' | 'thick' | 'grey';
const TREATMENTS: readonly Treatment[] = ['dark', 'thick', 'grey'];

/** Reads cells of the kept pages again (CellRereader): the cells' crops, of every page, under each
 *  treatment stacked into one strip (a few when tall) read by one tesseract job, with the digit
 *  whitelist; a cell's reading under a treatment is the words within its value's columns (plus a
 *  margin), joined. */
export function cellRereader(kept: readonly KeptPage[], pool: OcrPool, s: OcrSettings): CellRereader {
  const byPage = new Map(kept.map((k) => [k.page, k]));
  return (cells, signal) => stageAsync('reread-sums', async () => {
    const out: CellRereading[] = cells.map(() => ({ readings: [] }));
    const problems: string[] = [];
    const remnants = new Map<number, StrokeRemnant[]>();
    const r = s.rereadSums;
    // every (cell, treatment) crop, treated and enlarged, laid one under the other
    const pieces: { cell: number; how: Treatment; image: GreyImage; x0: number; x1: number; cropX: number; f: number }[] = [];
    let dpi = 200;
    for (const n of [...new Set(cells.map((c) => c.page))].sort((a, b) => a - b)) {
      const k = byPage.get(n);
      if (!k) {
        problems.push(`page ${n}: no image kept`);
        continue;
      }
      dpi = k.dpi;
      const img: GreyImage = { width: k.width, height: k.height, data: new Uint8Array(inflateSync(k.data)) };
      const level = otsu(img, s.binarize);
      cells.forEach((c, i) => {
        if (c.page !== n) return;
        const b = imageBox(k, c.box);
        if (c.printed && s.strokeRemnants.on) {
          const at = strokeRemnants(img, level, b, c.printed, s.strokeRemnants);
          if (at.length) {
            remnants.set(i, at);
            for (const t of withDigits(c.printed, at)) out[i]!.readings.push({ how: 'strokes', text: t });
          }
        }
        if (c.lookOnly) return;
        const h = b.y1 - b.y0;
        const mx = h * r.sideMargin;
        const my = h * r.lineMargin + r.lineMarginPx;
        const x = Math.max(0, Math.floor(b.x0 - mx));
        const y = Math.max(0, Math.floor(b.y0 - my));
        const w = Math.min(img.width, Math.ceil(b.x1 + mx)) - x;
        const hh = Math.min(img.height, Math.ceil(b.y1 + my)) - y;
        if (w < 2 || hh < 2) return;
        const piece = crop(img, x, y, w, hh);
        // a word of the cell's own value, not of a neighbouring column caught by the margin
        const slack = h * r.sideMargin * 0.5;
        for (const how of TREATMENTS) {
          const image = treated(piece, how, level, s);
          pieces.push({ cell: i, how, image, x0: b.x0 - slack - x, x1: b.x1 + slack - x, cropX: x, f: image.width / piece.width });
        }
      });
    }
    // the digits the glyphs show to have lost strokes, in the readings that read the number alike
    // (the same marks at the same places: 197.53 read again for 197.33 printed, its 1 still a 4's stem)
    const withRemnants = (): void => remnants.forEach((at, i) => {
      for (const r of [...out[i]!.readings]) {
        if (r.how === 'strokes') continue;
        for (const t of withDigits(r.text, at, cells[i]!.printed)) out[i]!.readings.push({ how: `${r.how}+strokes`, text: t });
      }
    });
    if (!pieces.length) {
      withRemnants();
      return { cells: out, problems };
    }
    // one composite per treatment (tesseract thresholds a whole image at once: a grey crop beside
    // binarised ones would be thresholded for them)
    const gap = Math.round(dpi / s.crops.stripGapPerInch);
    for (const how of TREATMENTS) {
      const mine = pieces.filter((p) => p.how === how);
      if (!mine.length) continue;
      const W = Math.max(...mine.map((p) => p.image.width));
      const H = mine.reduce((a, p) => a + p.image.height + gap, 0);
      const all = new Uint8Array(W * H).fill(255);
      const boxes: CropBox[] = [];
      let top = 0;
      for (const p of mine) {
        for (let row = 0; row < p.image.height; row++) all.set(p.image.data.subarray(row * p.image.width, (row + 1) * p.image.width), (top + row) * W);
        boxes.push({ x: 0, y: top, w: p.image.width, h: p.image.height });
        top += p.image.height + gap;
      }
      try {
        const read = await readStacked(pool.runner(signal), { width: W, height: H, data: all }, boxes, dpi, s.crops, 1, { psm: '6', dpi: Math.round(dpi * s.crops.enlarge), whitelist: '0123456789.,-' }, 'reread-sums');
        if (read.problem) problems.push(`${how}: ${read.problem.error}`);
        const words: { x0: number; text: string }[][] = mine.map(() => []);
        for (const w of read.words) {
          const p = mine[w.crop]!;
          // back to the crop's pixels before enlargement
          const x0 = w.box.x0 / p.f;
          const x1 = w.box.x1 / p.f;
          if (x1 < p.x0 || x0 > p.x1) continue;
          words[w.crop]!.push({ x0, text: w.text });
        }
        words.forEach((ws, j) => {
          if (!ws.length) return;
          const text = ws.sort((a, b) => a.x0 - b.x0).map((w) => w.text).join('').replace(/^[.,]+|[.,]+$/g, '');
          if (text) out[mine[j]!.cell]!.readings.push({ how, text });
        });
      } catch (e) {
        if (e instanceof OcrAbortedError || signal?.aborted) {
          withRemnants();
          return { cells: out, problems: [...problems, 'time limit reached'] };
        }
        problems.push(`${how}: ${String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200)}`);
      }
    }
    withRemnants();
    return { cells: out, problems };
  });
}

/** `text` with the digits of `at` read as the glyphs show them: all of them, and each alone when
 *  there are several; none when `text` is not `like` (when given) but for its digits, or reads
 *  another digit at one of them than the first reading did. */
function withDigits(text: string, at: readonly StrokeRemnant[], like?: string): string[] {
  if (like !== undefined && (text.length !== like.length || [...text].some((c, j) => /\d/.test(c) !== /\d/.test(like[j]!)))) return [];
  const first = like ?? text;
  if (at.some((r) => text[r.at] !== first[r.at])) return [];
  const put = (rs: readonly StrokeRemnant[]): string => [...text].map((c, j) => rs.find((r) => r.at === j)?.digit ?? c).join('');
  return [put(at), ...(at.length > 1 ? at.map((r) => put([r])) : [])];
}
