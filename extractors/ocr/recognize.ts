// One page image -> OcrPage: grey, brought to the resolution recognition is tuned for (a 300 dpi
// scan is reduced to 200 dpi, a 150 dpi scan enlarged to it bicubic: every pixel threshold, crop margin and the 1.5× enlargement of the
// re-reads were set on 200 dpi pages), quarter-turn and skew corrected, rules found and erased, then
// tesseract.js (PSM 11, chi_sim+eng) for words with boxes (a 1-bit scan's ink thickened by a pixel
// first: its threshold broke the thin strokes, and its rules, joined again: broken-rules.ts); ruled cells with ink but no word, number
// cells that came back in pieces or without their decimals, and text cells that look damaged (a
// Latin letter, a doubtful character, a lone 、) are read again on their crops (gap-fill.ts,
// reread-numbers.ts, reread-latin.ts, reread-text.ts). The page's orientation is decided in
// orientation.ts. Every threshold comes from RecognizeOptions.settings (OcrSettings).
// Only the first reading of the page is needed: a re-read or probe that fails (tesseract refuses its
// image, the engine errs) costs its cells their second reading, recorded in OcrPage.problems; the
// page's time running out (RecognizeOptions.signal) is the one failure that ends the page.
import { decodeImagePages, enlargeBicubic, rotateQuarter, rotateSmall, scale, type GreyImage } from './image.js';
import { whitenBackground } from './background.js';
import { despeckle } from './despeckle.js';
import { straightenBends } from './bend.js';
import { hasDarkPatch, withoutInvert } from './dark-patch.js';
import { cleanNoisyPaper } from './denoise.js';
import { sharpenBlurred } from './sharpen.js';
import { darkenThinPrint } from './tone.js';
import { gapFill } from './gap-fill.js';
import { bestTurn, readsWell } from './orientation.js';
import type { OcrRunner, TesseractPool } from './pool.js';
import { joinBrokenRules } from './broken-rules.js';
import { faintTableRules } from './faint-rules.js';
import { binarize, eraseRules, findRules, isBilevel, measureSkew, otsu, tableRules, thickenInk, type PixelRule } from './prep.js';
import { rereadCodes } from './reread-codes.js';
import { rereadLatin } from './reread-latin.js';
import { rereadNumbers } from './reread-numbers.js';
import { rereadText } from './reread-text.js';
import { smallPrintEnlargement } from './print-size.js';
import { stageAsync, stageBegin, stageEnd } from './profile.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings, type ResolutionSettings } from './settings.js';
import type { ImageInput, OcrPage, OcrProblem, OcrWord, RecognizeOptions } from './types.js';

const CJK_ONLY: readonly string[] = ['chi_sim'];

/** `runner` with the page's engine settings on every job that does not set them itself: a line
 *  tesseract is unsure of read inverted too only with engine.invert. */
export function pageRunner(runner: OcrRunner, s: OcrSettings): OcrRunner {
  const invert = s.engine.invert > 0;
  return { run: (image, o = {}) => runner.run(image, o.invert === undefined ? { ...o, invert } : o) };
}

function guessDpi(img: GreyImage, s: ResolutionSettings): number {
  // a scanned A4/A3 page: the long side is 11.69 in (A4); anything else gets 200
  const long = Math.max(img.width, img.height);
  const d = long / s.assumedPageInches;
  return d >= s.minGuessDpi && d <= s.maxGuessDpi ? Math.round(d) : s.fallbackDpi;
}

function now(): number {
  return performance.now();
}

/** Read the prepared image turned `k` quarters: skew corrected, rules found and erased, OCR, then
 *  the cells read again. */
async function readTurned(pageOcr: OcrRunner, base: GreyImage, dpi: number, sourceDpi: number, k: number, opts: RecognizeOptions, s: OcrSettings, t0: number): Promise<OcrPage> {
  const tp = now();
  const prof = stageBegin('prep');
  let im = k ? rotateQuarter(base, k) : base;
  // a 1-bit scan's threshold breaks its rules into collinear pieces (broken-rules.ts)
  const bilevel = s.brokenRules.on > 0 && isBilevel(im, s.image.bilevelShare);
  // (a 1-bit scan's code cells are read again: reread-codes.ts; told before deskewing turns it grey)
  const oneBit = s.rereadCodes.on > 0 && isBilevel(im, s.image.bilevelShare);
  let skew = 0;
  // the ink of the image as it is read (found once: a level page's skew mask serves the rules)
  let mask: Uint8Array | undefined;
  let maskThreshold = 0;
  if (opts.deskew !== false) {
    maskThreshold = otsu(im, s.binarize);
    mask = binarize(im, maskThreshold);
    skew = measureSkew(mask, im.width, im.height, dpi, s.skew);
    if (Math.abs(skew) >= s.skew.minAngle) {
      im = rotateSmall(im, -skew);
      mask = undefined;
    } else skew = 0;
  }
  // a bent page's lines straightened (bend.ts): deskewing levels their mean slope only
  const bent = straightenBends(im, dpi, s.bend, s.binarize, mask);
  const straightened = bent.image !== im;
  if (straightened) {
    im = bent.image;
    mask = undefined;
  }
  let rules: PixelRule[] = [];
  const ocrImage: GreyImage = { width: im.width, height: im.height, data: im.data.slice() };
  if (opts.rulings !== false) {
    const threshold = mask ? maskThreshold : otsu(im, s.binarize);
    const found = findRules(mask ?? binarize(im, threshold), im.width, im.height, { dpi }, s.rules);
    // (a straightened page's rules are joined from their pieces too, overlapping ones included)
    const joined = bilevel || straightened ? joinBrokenRules(found, dpi, s.brokenRules, !bilevel) : found;
    rules = tableRules(joined, Math.round(dpi / s.rules.touchPerInch));
    // rules printed in a light grey that the tone curve did not darken (faint-rules.ts): they make
    // the grid, and are left on the image tesseract reads (found in pieces, what is erased of them
    // would leave the rest glued to the text)
    const faint = bilevel ? undefined : faintTableRules(im, threshold, rules, dpi, s);
    if (faint) rules = faint;
    else eraseRules(ocrImage, rules, s.rules);
  }
  // isolated toner specks (a photocopy) would be read as decimal points and commas
  despeckle(ocrImage, dpi, s.despeckle, s.binarize);
  // no patch printed dark: no job of the page needs tesseract's inverted reading (dark-patch.ts)
  const ocr = s.engine.invert > 0 && s.engine.invertByInk > 0 && !hasDarkPatch(ocrImage, dpi, s.engine) ? withoutInvert(pageOcr) : pageOcr;
  stageEnd(prof);
  const prep = now() - tp;
  const t1 = now();
  // (chi_sim alone: s.engine.cjkFirstPass)
  const r = await stageAsync('first-pass', () => ocr.run(ocrImage, { psm: opts.psm ?? '11', dpi, page: true, ...(s.engine.cjkFirstPass ? { langs: CJK_ONLY } : {}) }));
  const words: OcrWord[] = [];
  let conf = 0;
  for (const w of r.words) {
    const text = w.text.trim();
    if (!text) continue;
    words.push({ text, box: { ...w.bbox }, confidence: Math.round(w.confidence * 10) / 10, line: w.line });
    conf += w.confidence;
  }
  const problems: OcrProblem[] = [];
  const note = <T>(x: { words: T; problem?: OcrProblem }): T => {
    if (x.problem) problems.push(x.problem);
    return x.words;
  };
  if (rules.length && opts.gapFill !== false) words.push(...note(await stageAsync('gap-fill', () => gapFill(ocr, ocrImage, rules, words, dpi, s))));
  let finalWords = words;
  if (rules.length && opts.reread !== false) {
    finalWords = note(await stageAsync('reread-numbers', () => rereadNumbers(ocr, ocrImage, rules, finalWords, dpi, s)));
    finalWords = note(await stageAsync('reread-latin', () => rereadLatin(ocr, ocrImage, rules, finalWords, dpi, s)));
    finalWords = note(await stageAsync('reread-text', () => rereadText(ocr, ocrImage, rules, finalWords, dpi, s)));
    // a 1-bit page: code cells that ran together in the sparse pass, read on their own crops
    if (oneBit) finalWords = note(await stageAsync('reread-codes', () => rereadCodes(ocr, ocrImage, rules, finalWords, dpi, s)));
  }
  return {
    width: im.width,
    height: im.height,
    dpi,
    sourceDpi,
    words: finalWords,
    rules,
    rotation: k * 90,
    skew,
    confidence: words.length ? Math.round((conf / words.length) * 10) / 10 : 0,
    timings: { prep: Math.round(prep + (tp - t0)), orientation: 0, ocr: Math.round(now() - t1) },
    problems,
    image: ocrImage,
  };
}

/** The resolution OCR reads an image of `dpi` at: outside [minDpi, maxDpi] it is brought to
 *  targetDpi (recognition is tuned on 200 dpi pages: thresholds in pixels, crop margins, the
 *  re-reads' enlargement), else left as it is. */
function readingDpi(dpi: number, s: ResolutionSettings): number {
  return dpi < s.minDpi || dpi > s.maxDpi ? s.targetDpi : dpi;
}

/** `target`, lowered so that the image scaled to it has at most pixels.maxPageMegapixels (an image
 *  far coarser than the page, enlarged to the reading resolution, would otherwise be gigapixels);
 *  an image that could then be read only below pixels.minPageDpi is refused. */
function cappedDpi(img: GreyImage, dpi: number, target: number, s: OcrSettings): number {
  const { maxPageMegapixels, minPageDpi } = s.pixels;
  const fit = dpi * Math.sqrt((maxPageMegapixels * 1e6) / Math.max(1, img.width * img.height));
  if (target <= fit) return target;
  if (fit < minPageDpi) throw new Error(`the page image (${img.width} × ${img.height} pixels at ${Math.round(dpi)} dpi) would be read below ${minPageDpi} dpi within the limit of ${maxPageMegapixels} megapixels (ocr.pixels.maxPageMegapixels); not read`);
  return fit;
}

/** The resolution a page image of `dpi` is read at, and whether its ink is thickened first: a 1-bit
 *  scan coarser than image.bilevelReadDpi is enlarged to it (bicubic: the stair-stepped edges turn
 *  grey) and thickened there; a 1-bit scan read as it is is thickened; a 1-bit scan reduced or
 *  enlarged otherwise turns grey and is not; any other image is read at readingDpi. */
export function readingPlan(img: GreyImage, dpi: number, s: OcrSettings): { dpi: number; thicken: boolean } {
  const bilevel = s.image.bilevelThickenPx > 0 && isBilevel(img, s.image.bilevelShare);
  const fine = bilevel && dpi < s.image.bilevelReadDpi;
  const target = cappedDpi(img, dpi, fine ? s.image.bilevelReadDpi : readingDpi(dpi, s.resolution), s);
  return { dpi: target, thicken: bilevel && (fine ? target > dpi : target === dpi) };
}

export async function recognizeWith(pool: TesseractPool, input: ImageInput, opts: RecognizeOptions = {}): Promise<OcrPage> {
  const s = opts.settings ?? DEFAULT_OCR_SETTINGS;
  const res = s.resolution;
  const ocr = pageRunner(pool.runner(opts.signal), s);
  const t0 = now();
  const prof = stageBegin('image');
  let img: GreyImage;
  let dpi = opts.dpi;
  if (input instanceof Uint8Array) {
    const pages = await decodeImagePages(input, s);
    img = pages[0]!;
    dpi ??= pages[0]!.dpi;
  } else img = input;
  dpi ??= guessDpi(img, res);
  const sourceDpi = dpi;
  const plan = readingPlan(img, dpi, s);
  if (plan.dpi !== dpi) {
    // enlarged bicubic (a bilinear enlargement blurs small print), reduced by area averaging
    img = plan.dpi > dpi ? enlargeBicubic(img, plan.dpi / dpi) : scale(img, plan.dpi / dpi);
    dpi = plan.dpi;
  }
  // a 1-bit scan: its threshold thinned the strokes; they are thickened before anything is read
  if (plan.thicken) img = thickenInk(img, s.image.bilevelThickenPx);
  const asScanned = img;
  // a grey paper (a photocopy) brought to white
  img = whitenBackground(img, s.background);
  // a grainy page (sensor noise) cleaned: the grain would be read as thousands of candidate characters
  img = cleanNoisyPaper(img, dpi, s.noise, s.binarize);
  // a blurred page sharpened: its thin strokes and small marks (、) are lost in grey ramps
  img = sharpenBlurred(img, s.sharpen);
  // thin print darkened: its light strokes would fall below the threshold (a 4 read as 1); only
  // on a page that needed none of the above: on a grey paper, a grainy or a blurred page, or a
  // 1-bit scan, the light greys are paper, grain and blur ramps, which the curve would make ink
  const plain = img === asScanned && !plan.thicken;
  if (plain) img = darkenThinPrint(img, s.tone);
  stageEnd(prof);
  const base = img;
  const fixedDpi = dpi;
  // the speed paths (engine.invertByInk, rereadNumbers.joinPieces) only on such a page too: on a
  // degraded page a doubtful line's inverted reading and a second reading of an amount's pieces
  // still change what is read
  // (and the rules of a page the tone curve darkened need no lighter mask: faint-rules.ts)
  const rs = plain ? { ...s, faintRules: { ...s.faintRules, on: 0 } } : { ...s, engine: { ...s.engine, invertByInk: 0 }, rereadNumbers: { ...s.rereadNumbers, joinPieces: 0 } };
  const run = (k: number): Promise<OcrPage> => readTurned(ocr, base, fixedDpi, sourceDpi, k, opts, rs, t0);
  if (opts.rotate !== undefined && opts.rotate !== 'auto') return run(opts.rotate / 90);
  // auto: read the page as it is; a page that reads badly is probed turned a quarter each way (and
  // upside down) on a small band, and read again the way that scores clearly best
  const first = await run(0);
  if (readsWell(first, s.orientation) && !opts.checkUpsideDown) return first;
  const to = now();
  const ks = readsWell(first, s.orientation) ? [0, 2] : [0, 1, 3, 2];
  // (print too small to be read in a band reduced to the probe's resolution, a big table set in
  // 4-5 pt type, reads badly the right way up too: its band is enlarged instead, print-size.ts)
  const enlarge = smallPrintEnlargement(first.words, s);
  const turn = await stageAsync('orientation', () => bestTurn(ocr, base, fixedDpi, ks, s.orientation, enlarge));
  const probeProblem: OcrProblem[] = turn.failed ? [{ step: 'orientation', boxes: [], error: turn.failed }] : [];
  const tOrient = now() - to;
  if (turn.k === 0) {
    first.timings.orientation = Math.round(tOrient);
    first.problems = [...(first.problems ?? []), ...probeProblem];
    return first;
  }
  const turned = await run(turn.k);
  turned.timings.orientation = Math.round(tOrient + first.timings.prep + first.timings.ocr);
  turned.problems = [...(turned.problems ?? []), ...probeProblem];
  return turned;
}
