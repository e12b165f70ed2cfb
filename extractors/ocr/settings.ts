// Every threshold of reading a page image (scans, image documents): decoding, resolution,
// orientation, binarization, skew, ruling lines, words -> tokens, number repairs, and the four
// re-read strategies on cell crops (gap fill, numbers, Latin, text), in one validated object, as
// docling keeps per-stage options. Units: `px` pixels of the prepared image, `pt` points (1/72 inch),
// `perInch` a divisor of the resolution (dpi / N pixels = 1/N inch; kept a divisor so that the
// arithmetic is exactly what it was tuned with), `conf` tesseract confidence 0..100, `share` a
// fraction 0..1. The pipeline resolves overrides once per document (resolveOcrSettings) and passes
// the object down (ExtractContext.settings.ocr, RecognizeOptions.settings); the functions take it
// as a parameter that defaults to DEFAULT_OCR_SETTINGS for tests and tools.
import { checkDefaults, deepFreeze, resolveSettings, type DeepPartial, type Limits } from '../settings-check.js';

/** Decoding image files (image.ts). */
export interface ImageSettings {
  /** a pixel whose red exceeds its green and blue by more than this is seal ink and keeps its red channel only, so it turns light (0..255; 60: red seals stamped over tables, not black print) */
  readonly redSealMargin: number;
  /** a resolution recorded in a file is believed from this (dpi; 50: below it the field is unset junk) */
  readonly minFileDpi: number;
  /** ... up to this (dpi; 1200) */
  readonly maxFileDpi: number;
  /** a page image with at least this share of its pixels pure black or white is a 1-bit scan (fax,
   *  a scanner's black-and-white mode) (share; 0.995) */
  readonly bilevelShare: number;
  /** ... and its ink is thickened by this many pixels (a 4-neighbour dilation each) before it is read
   *  (px; 1: the threshold of a 1-bit scan thins and breaks the 1-2 px strokes of characters at
   *  200 dpi, and tesseract reads the broken strokes as other characters or Latin letters; a 1-bit
   *  scan read at 300 dpi is reduced to grey first and not thickened (see bilevelReadDpi). Three table pages of the dev
   *  grid's fax-200 condition, numbers found against the PDF's text layer: thickened 1 px 81/88/47 %,
   *  2 px 75/85/22 %; made grey instead of thickened: a Gaussian blur of 0.7 px 78/68/38 %, 1 px
   *  74/73/36 %, enlarged ×1.5 bicubic and reduced again 74/70/45 %; thickened 1 px and blurred
   *  0.5 px 80/85/50 %. Thin print broken by the threshold is not brought back by smoothing) */
  readonly bilevelThickenPx: number;
  /** a 1-bit scan coarser than this is enlarged to it, bicubic, thickened there by bilevelThickenPx
   *  and read at it (dpi; 0: off, read at the usual resolution. The dev grid's fax-200 condition,
   *  5 documents, 38 pages, two builds run side by side: read at 200 dpi thickened 1 px F1 0.748, silent errors
   *  0.17 %, CPU 3.7 s a page; enlarged to 300 and thickened there F1 0.745, silent 0.17 %, CPU
   *  5.0 s (per document 0.58/0.73/1.00/0.995/0.07 against 0.74/0.76/0.88/0.99/0.03: no net gain
   *  for 36 % more time); enlarged, thickened and reduced to 200 again F1 0.46) */
  readonly bilevelReadDpi: number;
}

/** The resolution OCR reads at (recognize.ts, pdf.ts). */
export interface ResolutionSettings {
  /** images coarser than this are enlarged to targetDpi, bicubic (dpi; 175: a 150 dpi scan is
   *  enlarged to 200. Three table pages of the dev grid's q80-150 condition (grey JPEG), numbers and
   *  CJK characters found against the PDF's text layer: read at 150 dpi 100/98, 90/100, 77/60 %;
   *  enlarged bilinear 98/100, 98/100, 78/76 %; enlarged bicubic 100/100, 100/100, 92/88 % (the thin
   *  print of the third: 4.70 read 1.70, 合计 司计 at 150 dpi). Below 150 tesseract misreads
   *  smaller print anyway) */
  readonly minDpi: number;
  /** the resolution recognition is tuned for: the pixel thresholds, crop margins and the re-reads'
   *  enlargement were set on pages at this resolution (dpi; 200) */
  readonly targetDpi: number;
  /** images finer than this are reduced to targetDpi, area-averaged (dpi; 250: noisy, skewed 300 dpi
   *  JPEG scans of 16 table pages of three documents, read as they are and reduced to 200 dpi,
   *  against their text layers: numbers right 94.8 → 97.4 %, 91.3 → 91.7 %, 70.4 → 69.6 %, CJK
   *  characters about the same (91.3 → 91.1, 96.6 → 98.1, 98.8 → 98.7 %), up to 1.8× faster; the
   *  200 dpi scans of the same pages read 93.3, 91.3 and 70.7 % of the numbers. 175-250 dpi are
   *  read as they are) */
  readonly maxDpi: number;
  /** long side of the page assumed when an image records no resolution (inch; 11.69: A4) */
  readonly assumedPageInches: number;
  /** a resolution guessed from the page size is believed from this (dpi; 60) */
  readonly minGuessDpi: number;
  /** ... up to this (dpi; 1200) */
  readonly maxGuessDpi: number;
  /** resolution assumed otherwise (dpi; 200: the usual scan) */
  readonly fallbackDpi: number;
  /** PDF pages that are not one embedded scan are rendered at this (dpi; 200) */
  readonly renderDpi: number;
  /** an embedded image is the page's scan when it covers this share of the page (share; 0.8) */
  readonly minScanCover: number;
  /** OCR'd content is rescaled to the page when their sizes differ by more than this (share; 0.02: rounding of the image size) */
  readonly pageScaleTolerance: number;
}

/** The memory of page images, bounded before it is spent (pdf.ts, recognize.ts, image.ts): pixels
 *  live outside the JS heap (canvas, decoded images, tesseract), where a worker's heap ceiling
 *  does not reach. */
interface PixelSettings {
  /** a page image OCR makes or works on has at most this many pixels: a page rendered, or an image
   *  enlarged, past it is made at a lower resolution (megapixels; 30: an A2 page at 200 dpi is 15.5,
   *  A1 31; a 5000 pt square page is 193 at 200 dpi and is read at 79 dpi. A page of 40 megapixels
   *  cost 1.5 GB resident in one thread (canvas, grey copies, tesseract), one of 20 1.0 GB) */
  readonly maxPageMegapixels: number;
  /** ... and a page that would then be coarser than this is not read (dpi; 70: tesseract reads
   *  nothing coarser, it warns and assumes 70) */
  readonly minPageDpi: number;
  /** an image embedded in a PDF, or an image file, is decoded only up to this many pixels; a page
   *  whose image is larger is not read (megapixels; 100: a 600 dpi A3 scan is 70; decoding takes
   *  3-4 bytes a pixel, a 30000 × 30000 image 3.6 GB) */
  readonly maxImageMegapixels: number;
}

/** Print too small for the usual resolutions (print-size.ts, orientation.ts): a big table set in
 *  4-5 pt type to fit a page. Recognition is tuned on body print of 7-11 pt, whose characters
 *  are 20-30 px tall at 200 dpi; 5 pt type is 11 px there. Such a page reads with a low mean
 *  confidence, so its orientation is probed, and a probe band reduced to orientation.probeDpi
 *  reads as nothing any way up (one dev page was read turned a quarter): its band is enlarged
 *  instead, as if its print were of the usual size. */
interface SmallPrintSettings {
  /** 0: off */
  readonly on: number;
  /** the print is measured on the first reading's CJK words, when it has at least this many
   *  squarish ones (count; 30: enough for a median that a few misread marks do not move) */
  readonly minWords: number;
  /** where fewer CJK words than that came back, the median height of the amounts read times this
   *  stands for a CJK character's (ratio; 1.3: a lining digit of Song type is about three quarters
   *  of the em; measured 0.71 and 0.88 on two keyed documents' table pages) */
  readonly digitScale: number;
  /** the page is small print when their median height is below this (px at the reading
   *  resolution; 15: 5.5 pt type at 200 dpi. Printed pages of ../shared, their CJK characters'
   *  text-layer line height at 200 dpi: body and table print 17-50 px, squeezed tables 11-16) */
  readonly maxHeightPx: number;
  /** ... and its probe bands are looked at as if the median were this (px; 24: the print of the
   *  keyed budget tables recognition was tuned on, 21-26 px): probeDpi × 24 / the median */
  readonly targetHeightPx: number;
  /** ... by at most this factor (ratio; 2: 4 pt type has lost its strokes to the scan anyway) */
  readonly maxEnlarge: number;
  /** ... and at least this (ratio; 1.25: less changes nothing worth a second look) */
  readonly minEnlarge: number;
}

/** Telling which way up a page is (recognize.ts, orientation.ts). */
export interface OrientationSettings {
  /** the probe band starts this far down the page (share of the height; 0.3) */
  readonly probeTop: number;
  /** ... and is this tall (share; 0.4: the middle of the page holds text on any page) */
  readonly probeHeight: number;
  /** the probe is read at most at this resolution (dpi; 150: enough to tell up from down, quick) */
  readonly probeDpi: number;
  /** words read below this count nothing towards an orientation's score (conf; 50) */
  readonly probeWordConfidence: number;
  /** a turn is taken when its score beats upright's by this factor ... (ratio; 1.3) */
  readonly turnGain: number;
  /** ... plus this (score points; 50: a few confident characters, so a blank band never turns a page) */
  readonly turnMargin: number;
  /** a page reads well (no turn tried) when words at or above this confidence ... (conf; 60) */
  readonly wellReadWordConfidence: number;
  /** ... hold this many CJK characters or digits (count; 15) */
  readonly wellReadChars: number;
  /** ... and the mean word confidence is at least this (conf; 55) */
  readonly wellReadMeanConfidence: number;
}

/** Otsu binarization (prep.ts). */
export interface BinarizeSettings {
  /** the threshold is kept at or above this (grey 0..255; 60: a near-blank page) */
  readonly minThreshold: number;
  /** ... and at or below this (grey; 200) */
  readonly maxThreshold: number;
  /** images with more pixels than this are sampled for the histogram (px; 4 000 000: time) */
  readonly sampleAbove: number;
  /** ... every this many pixels (count; 3) */
  readonly sampleStep: number;
}

/** Skew measurement and correction (prep.ts, recognize.ts). */
export interface SkewSettings {
  /** skew smaller than this is left alone (degrees; 0.05: below a pixel over a line's width) */
  readonly minAngle: number;
  /** skew is searched within ± this (degrees; 3: scans are fed straighter than that) */
  readonly range: number;
  /** ink pixels sampled for the projection profiles at most (count; 200 000: time) */
  readonly maxPoints: number;
  /** the profile axis is lengthened by this share of the width for tilted projections (share; 0.06 ≈ tan 3°) */
  readonly profileSlack: number;
  /** profile bins are 1/N inch (perInch; 150: a pixel at 150 dpi) */
  readonly binPerInch: number;
  /** the search steps first by this (degrees; 0.25) */
  readonly coarseStep: number;
  /** ... then by this around the best (degrees; 0.05) */
  readonly midStep: number;
  /** ... then by this (degrees; 0.01) */
  readonly fineStep: number;
}

/** Ruling lines found in the image (prep.ts). */
export interface RuleSettings {
  /** a rule is at least this long (pt; 20: longer than a character stroke at body size) */
  readonly minLengthPt: number;
  /** a rule may have gaps up to this (pt; 0.6: a faint scan breaks thin rules) */
  readonly gapPt: number;
  /** a rule is at most this thick (pt; 2.5: thicker is a bar or a filled cell) */
  readonly maxThicknessPt: number;
  /** ... but at least this many pixels may be accepted (px; 3: at low resolution) */
  readonly minMaxThicknessPx: number;
  /** a line whose rows span more than that is a rule still when its mean thickness along its length
   *  is within it and it runs on a slant of at most this (a photocopy's wave, a page not quite
   *  level), its rows spanning the thickness plus its length times the slant's tangent (degrees;
   *  0.5. Dev photocopy-hi-200 caizhengju 收入支出决算总表: the table's five vertical rules, 5 px
   *  thick, span 8 columns over 1,380 px, and were dropped: no rule of the table was kept, its
   *  rows read as four labels to a cell) */
  readonly maxTiltDeg: number;
  /** runs on neighbouring rows are one rule when they overlap by this share of the shorter (share; 0.5) */
  readonly runOverlap: number;
  /** a rule may skip this many rows (px; 1: a faint scan) */
  readonly skipRows: number;
  /** a rule takes part in a table when it touches a rule of the other direction within 1/N inch (perInch; 24) */
  readonly touchPerInch: number;
  /** rules are erased this many pixels wider than measured on each side (px; 1.5: anti-aliasing) */
  readonly eraseMargin: number;
  /** ... and this many pixels longer at each end (px; 1) */
  readonly eraseOverhang: number;
  /** rulings handed to the layout are at least this wide (pt; 0.3) */
  readonly minRulingWidthPt: number;
}

/** Rules printed lighter than the ink, looked for in a lighter mask on a page the tone curve did
 *  not darken (faint-rules.ts). */
interface FaintRuleSettings {
  /** 1: on, 0: off (count; 1) */
  readonly on: number;
  /** the lighter mask's threshold lies this share of the way from the page's threshold to its paper
   *  level (share; 0.5: 北京-style grey row rules on the unseen photocopy-200 scans, threshold 200,
   *  paper 255 after whitening: at 214 the rules come in pieces, at 227 whole, at 241 characters'
   *  strokes join them by the hundred) */
  readonly paperShare: number;
  /** ... and at least this many grey levels above it, else no lighter mask is tried (grey; 8) */
  readonly minStep: number;
  /** its table rules are taken when they run this many times as long in all as the usual mask's
   *  (ratio; 2: a table the usual mask finds whole gains a few character strokes) */
  readonly minGain: number;
}

/** Rules of a 1-bit scan broken by its threshold joined again (broken-rules.ts). */
export interface BrokenRuleSettings {
  /** 1: collinear rule pieces of a 1-bit scan are joined over short gaps, 0: off (count; 1) */
  readonly on: number;
  /** a gap is at most 1/N inch (perInch; 4: 50 px at 200 dpi. Dev fax45-200 (threshold 45 %, rules
   *  0.25-0.4° off the grid): gaps of 15-45 px between pieces of ~200 px; 29 of 30 table pages
   *  6,656 rule pieces -> 1,531 rules, dev fax-200 2,618 -> 1,954) */
  readonly maxGapPerInch: number;
  /** ... and at most this share of the shorter piece beside it (share; 0.5: a rule that stops at a
   *  merged cell leaves a gap as wide as the cell; at 0.25 the shorter pieces by the column rules
   *  stayed apart) */
  readonly gapShare: number;
  /** pieces whose centres lie this close across the rule are collinear (px; 2: a rule's step from
   *  one pixel row to the next, levelled by the deskew) */
  readonly acrossPx: number;
}

/** A grey paper brought to white before reading (background.ts). */
export interface BackgroundSettings {
  /** pages whose median grey (the paper) is below this are stretched to a white paper (grey; 240: a clean scan's paper is 250 or more, dev photocopy-200's 86% white is 215; with the specks painted out, dev photocopy-200 F1 0.298 -> 0.684, q70-200 unchanged at 0.990) */
  readonly belowLevel: number;
  /** ... unless it is below this: no paper (grey; 120) */
  readonly minLevel: number;
  /** every Nth pixel is counted (count; 7) */
  readonly sampleStep: number;
}

/** The grain of a noisy scan cleaned before reading (denoise.ts). */
export interface NoiseSettings {
  /** a page is noisy when the median absolute 3×3 Laplacian of its pixels reaches this (grey; 20; 0: never. The dev grid's pages: clean scans 0-2, photocopy-200 5, noise-lo-200 9-12, noise-hi-200 42-48; a noise-hi-200 table page took over 150 CPU s in tesseract's first reading, 2 s cleaned; dev noise-hi-200 cleaned: F1 0.876 -> 0.973, CPU 16.5 -> 4.0 s a page) */
  readonly minLevel: number;
  /** every Nth row and column is looked at for the level (count; 2) */
  readonly sampleStep: number;
  /** a noisy page keeps the pixels within 1/N inch of its ink, the rest is painted white (perInch; 100: 2 px at 200 dpi) */
  readonly keepPerInch: number;
  /** a nearly blank page is cleaned from a lower level: this (grey; 8) ... */
  readonly sparseMinLevel: number;
  /** ... when the ink of its smoothed image (Otsu) is under this share of its pixels (share; 0.006;
   *  0: never. Tesseract thresholds a page as a whole: on a page that is nearly all paper its
   *  threshold falls within the paper's grain, and the grain is read. A dev noise-md-200 page
   *  holding one 合计 row (level 15, ink 0.44 %) took 227 CPU s and came back as 1,770 words at
   *  confidence 32; cleaned, 2 s and the row's 11 words. Dev pages under 0.6 %: that page (0.44 %)
   *  and a cover (0.46 %); every table page 0.7 % or more, most 2-6 %) */
  readonly sparseInkShare: number;
}

/** A blurred scan sharpened before reading (sharpen.ts). */
export interface SharpenSettings {
  /** a page is blurred when its edge sharpness (4-neighbour Laplacian over gradient at its edges) is below this (ratio; 0.38; 0: never. Dev grid table pages as read (a 150 dpi page enlarged first, a grey paper whitened, grain cleaned): blur-hi-200 0.26-0.32, blur-md-200 0.34-0.41, blur-lo-200 0.42-0.49, q80-150 0.46-0.60, photocopy-200 0.46-0.52, q70-200 0.57-0.66, q45/level/skew-200 0.61-0.72, noise-hi-200 0.69-0.84 (covers read lower, 0.28-0.35 on blur-lo). Dev blur-hi-200 sharpened: F1 0.850 -> 0.921, CPU 3.2 s a page as before; the line raised from 0.34 to 0.38 with `full` from 0.32 to 0.34: dev blur-md-200 (sigma 0.9) yt 0.953 -> 0.990, 4 other documents 1.000/1.000/1.000/0.996, no other dev condition's table page in the band) */
  readonly below: number;
  /** ... and it is unsharp-masked by `amount` at this sharpness or below, by a share of it that falls
   *  linearly to none at `below` above it (ratio; 0.34: a page just under the line gets a touch, not a
   *  jump; forced on the dev q80-150 pages (0.35-0.60) a full amount cost two silent digits) */
  readonly full: number;
  /** the unsharp mask's strength (ratio; 1) */
  readonly amount: number;
  /** edges are pixels whose gradient, |gx| + |gy| of central differences, is at least this (grey; 60) */
  readonly minEdge: number;
  /** every Nth row is looked at (count; 2) */
  readonly sampleStep: number;
}

/** Thin print darkened before reading (tone.ts). */
export interface ToneSettings {
  /** the page's greys are put through v → 255·(v/255)^gamma, on a page that needed no whitening,
   *  cleaning, sharpening or thickening (on those the light greys are paper, grain and blur ramps:
   *  applied to every page, dev photocopy-200 fell 0.980 → 0.960 with silent errors 0 → 0.34 %,
   *  blur-hi-200 0.993 → 0.970) (ratio; 1.7; 1: off. The light strokes of a thin face, 180-215 grey on a dev level-hi-200 page
   *  (its 4's diagonal and bar; its stem 40-70), fall below tesseract's threshold and 4.70 is read
   *  1.70, 4285 1285; through the curve they are 141-191, the stem 11-28. yt-yibaoju's 6 table pages, numbers and
   *  CJK characters found against the PDF's text layer, gamma 1 / 1.5 / 2 / 3: level-hi-200 numbers
   *  83.7 / 94.2 / 97.8 / 98.6 %, q70-200 96.7 / 98.2 / 98.6 / 98.6 %; guojia q70-200 98.8 → 99.1 %
   *  at 2. Dev grid, yt-yibaoju: level-hi-200 F1 0.866 → 0.998 at 2, 1.000 at 1.7; at 300 dpi, reduced
   *  to 200 by averaging (a 1-pixel stroke spread over 1-2 pixels at 2/3 of its ink), q45 / q60-300
   *  1.000 as before, its income table's two-line headers read whole (measures inferred for 63 / 37
   *  facts before, none at 1.7); the other four documents at 1.7: q70-200, q45-300, q60-300 as
   *  before or better, level-hi-200 fs 1.000 → 0.980 (a repeated 部门 line misread, its table's
   *  continuation page taken for a new table: 7 flagged facts; locate.ts now counts a run of Latin
   *  letters in such a line as one character). At 2 a clean 200 dpi page's 二十二、 read as Latin letters (the 佛山 2019
   *  fixture of tests/extractors/ocr/reread-text.test.ts), not at 1.5 or 1.7) */
  readonly gamma: number;
}

/** Bent lines (a photocopied page bent on the glass) straightened before the rules are found (bend.ts). */
export interface BendSettings {
  /** 1: on, 0: off (count; 0, opt-in. On dev it straightened every photocopied table page and
   *  took photocopy-hi-200 from 0.945 to 0.962 and photocopy-md-200 from 0.947 to 0.951, but on
   *  photocopy-b-200 (made with the reported photocopy's kind of parameters and its own seed) it
   *  went 0.968 → 0.940: the moved pixels read otherwise, one table's title so much that the table
   *  took another kind (silent 0.08% → 0.67%). Until it is told which pages it helps, off) */
  readonly on: number;
  /** the bend is measured on ink in runs at least this long along the lines: rules (inches; 0.5: 100 px at 200 dpi. A rule bent 2 px over 2000 px, or tilted 0.25°, stays in one pixel row for 230 px or more; a table's row rule runs across its columns. At 0.15 and 0.3 the strokes of a cover's large title were measured as bent on 3 and 1 of dev q70-200's 5 covers, which are straight; at 0.5 none of q70-200's or noise-xhi-200's 38 pages is moved, and every table page of the three dev photocopies is) */
  readonly minRunInches: number;
  /** the page is cut into strips this wide across its lines, each matched against the rest (inches; 0.5: 100 px at 200 dpi, 3 to 4 table columns' worth of a line) */
  readonly stripInches: number;
  /** a strip is displaced at most 1/N inch (perInch; 25: 8 px at 200 dpi; a photocopy's bend and the tilt deskewing leaves are 2 to 6 px, a table's rows 30 px or more apart) */
  readonly maxShiftPerInch: number;
  /** a strip with less ink than this share of the mean strip's is not matched (its offset is interpolated) (share; 0.25) */
  readonly minStripInk: number;
  /** a strip whose profile correlates with the rest's below this at its best offset is not matched either (a title, a margin: no lines across it) (share; 0.5: on dev photocopy pages strips across a table correlate at 0.6-0.97, strips of title text at 0.15-0.25) */
  readonly minFit: number;
  /** the page is moved only when its strips' offsets span at least this (px; 1.5) */
  readonly minBendPx: number;
}

/** Isolated toner specks painted out before reading (despeckle.ts). */
export interface DespeckleSettings {
  /** 1: on, 0: off (count; 1) */
  readonly on: number;
  /** a speck is at most 1/N inch on each side (perInch; 40: 5 px at 200 dpi, a photocopy's specks of ~3 px and their blur; a digit or a CJK stroke is longer; 30 and 50 remove as many, 490 ± 1 on a dev photocopy-200 page) */
  readonly maxDotPerInch: number;
  /** ... with no other ink within 1/N inch below its box (perInch; 25: 8 px at 200 dpi) ... */
  readonly clearPerInch: number;
  /** ... nor within 1/N inch left and right (perInch; 12: 17 px at 200 dpi; a decimal point or a 、 sits within 10 px of its characters) ... */
  readonly clearAlongPerInch: number;
  /** ... nor within 1/N inch above it (perInch; 16: 12 px at 200 dpi, half a line: a 、 at the foot of its line has its characters' strokes there; 8 px above removed 7 dots, 、 among them, on 15 dev q70-200 table pages, 12 px 4, while dev photocopy-200's 15 pages lose 8,250 specks) */
  readonly clearAbovePerInch: number;
  /** a speck is painted out this many pixels beyond its box (px; 1: the scan's blur) */
  readonly haloPx: number;
}

/** Text running down the page, from smeared runs of ink (prep.ts measureOrientation). */
export interface SidewaysSettings {
  /** ink runs this long are rules, removed before measuring (pt; 20) */
  readonly eraseRunPt: number;
  /** ... and at least this many pixels (px; 30) */
  readonly minEraseRunPx: number;
  /** gaps up to this are smeared over (pt; 3: letter spacing) */
  readonly smearGapPt: number;
  /** ... at least this many pixels (px; 2) */
  readonly minSmearGapPx: number;
  /** smeared runs this long count as text lines (pt; 36: a few characters) */
  readonly longRunPt: number;
  /** text runs down the page when vertical runs exceed horizontal ones by this factor (ratio; 1.5) */
  readonly ratio: number;
}

/** OCR words -> tokens in points (page.ts, index.ts). */
export interface WordSettings {
  /** a word of rule glyphs (|, 丨, —) this short next to an erased rule is dropped (characters; 2) */
  readonly ruleGlyphMaxLength: number;
  /** a punctuation mark of running text (，。、； or a comma or semicolon read ASCII) read as a
   *  word of its own is kept when words lie this close on both sides of it on its line, one of
   *  them CJK: it sits in a line of prose, where it ends a clause or a sentence, not at a rule's
   *  end (line heights; 1.2; 0: such marks are dropped like rule glyphs) */
  readonly textMarkGap: number;
  /** a dash read as a word of its own right before a 般, flat and across the middle this share of
   *  that character's height, is the 一 of the word (一般 read - 般) (share; 0.5;
   *  0: such dashes are dropped like rule glyphs) */
  readonly oneStrokeBand: number;
  /** a line without CJK has its height estimated as word height / this (ratio; 0.75: Latin and digits are shorter than CJK) */
  readonly latinHeightRatio: number;
  /** tokens get at least this font size (pt; 4) */
  readonly minFontSizePt: number;
  /** CJK characters on one tesseract line join into one token across gaps up to this (line heights; 0.6: letter-spaced names) */
  readonly cjkJoinGap: number;
  /** Latin words and numbers join only across gaps up to this (line heights; 0.15: touching pieces) */
  readonly latinJoinGap: number;
  /** a vertical rule this close to the gap still separates two words (px; 1) */
  readonly wallSlackPx: number;
  /** …or this close, in line heights, when more (0.25: a character's box that takes in a few
   *  pixels of the rule beside it, 预 of 一般公共预 against the rule before 政府性基 of the next
   *  column, must not join the two cells' words) */
  readonly wallSlackEm: number;
  /** a page, grid or cell read below this is reported as doubtful (conf; 60) */
  readonly lowConfidence: number;
}

/** Repairs of printed numbers (repair.ts, split-amounts.ts). */
export interface RepairSettings {
  /** text longer than this is not a number to repair (characters; 24) */
  readonly maxNumberLength: number;
  /** letters are read as digits only in a token with at least this many digits (count; 2) */
  readonly minDigits: number;
  /** ... and at most one letter per this many digits (ratio; 3: `1O5.00`, not a word) */
  readonly digitsPerLetter: number;
  /** two tokens are on one line when they overlap vertically by this share of the shorter (share; 0.5) */
  readonly sameLineOverlap: number;
  /** a split decimal's second piece is looked for among this many following tokens (count; 40) */
  readonly lookahead: number;
  /** ... at most this far right (heights of the taller piece; 1.2) */
  readonly splitDecimalGap: number;
  /** ... starting at most this far left of the first piece's end (pt; 1: boxes of touching glyphs overlap) */
  readonly overlapSlackPt: number;
  /** a vertical rule this close to the gap still separates two pieces (pt; 0.5) */
  readonly wallSlackPt: number;
  /** a column's decimals are known when this many of its cells agree, and a column prints whole
   *  amounts with thousands commas (426,000) when this many of its cells do and none has decimals
   *  (count; 2) */
  readonly splitAmountMinCells: number;
}

/** Cell crops read again, common to the re-read strategies (cell-columns.ts, crop-stack.ts). */
export interface CropSettings {
  /** rule positions within 1/N inch are one column edge (perInch; 40) */
  readonly columnSnapPerInch: number;
  /** ... and within at least this many pixels (px; 3) */
  readonly minColumnSnapPx: number;
  /** crops stay 1/N inch inside their rules (perInch; 60: clear of the rule's ink) */
  readonly padPerInch: number;
  /** ... and at least this many pixels (px; 2) */
  readonly minPadPx: number;
  /** crops narrower than 1/N inch are not read (perInch; 12) */
  readonly minWidthPerInch: number;
  /** crops taller than 1/N inch are not read (perInch; 2: a cell, not a block of text) */
  readonly maxHeightPerInch: number;
  /** text crops are enlarged this much (ratio; 1.5: small print at 200 dpi is ~20 px tall, tesseract reads 额 as 频 and 4 as 1 there, right when enlarged) */
  readonly enlarge: number;
  /** crops are stacked with 1/N inch of white between them (perInch; 5, of the enlarged resolution) */
  readonly stripGapPerInch: number;
  /** a pixel darker than this is ink when squeezing letter-spaced text (grey 0..255; 140) */
  readonly squeezeInkLevel: number;
  /** blank runs longer than this many times the squeezed width are cut to it (ratio; 4) */
  readonly squeezeOver: number;
  /** a strip of stacked crops is at most this tall; more crops make more strips (px; 30 000:
   *  tesseract refuses a side over 32 767 px, and a page of 400 number cells at 300 dpi stacks
   *  34 000 px; below the limit one strip reads as before) */
  readonly maxStripHeightPx: number;
}

/** Ruled cells with ink but no word, read again (gap-fill.ts). */
export interface GapFillSettings {
  /** crops stay 1/N inch inside the rules (perInch; 50) */
  readonly padPerInch: number;
  /** ... and at least this many pixels (px; 3) */
  readonly minPadPx: number;
  /** cells lower than 1/N inch are not read (perInch; 18) */
  readonly minHeightPerInch: number;
  /** a pixel darker than this is ink (grey 0..255; 128) */
  readonly inkLevel: number;
  /** ... or than the page's Otsu threshold where that is higher, up to this (grey; 200: a thin
   *  print blurred greys its strokes, dev blur-md-200's 类 code `205` has 7 pixels under 128 and
   *  240 under its page's threshold 200; every code of that table was lost) */
  readonly maxInkLevel: number;
  /** a cell needs (dpi / N)² ink pixels, a character's worth (perInch; 45: a thin `12` at 200 dpi is ~30 dark pixels) */
  readonly minInkPerInch: number;
  /** ... at least 1/N inch tall, a quarter character (perInch; 40) */
  readonly minInkHeightPerInch: number;
  /** ink less than (dpi / N)² ... (perInch; 30) */
  readonly thinInkPerInch: number;
  /** ... must be wider than 1/N inch, more than one digit (perInch; 25: a lone column number `1` of a 栏次 row is not wanted) */
  readonly thinInkMinWidthPerInch: number;
  /** the crop keeps 1/N inch around the ink (perInch; 30) */
  readonly marginPerInch: number;
  /** a page with more empty inked cells than this is not gap-filled (count; 400: not a table) */
  readonly maxCrops: number;
  /** only numbers read at least this confident are taken (conf; 50: cut-up header text read again is noise) */
  readonly minConfidence: number;
}

/** Number cells read again with a digit whitelist (reread-numbers.ts). */
export interface RereadNumberSettings {
  /** a column prints decimals when this share of its cells show them ... (share; 0.15) */
  readonly decimalColumnShare: number;
  /** ... and at least this many (count; 2) */
  readonly minDecimalCells: number;
  /** the crop reaches this share of the words' height above and below them ... (share; 0.35) */
  readonly lineMargin: number;
  /** ... plus this (px; 2) */
  readonly lineMarginPx: number;
  /** a word taller than this times the lower quartile of the heights of its column's number words (a toner speck
   *  above or below a digit joined its box) does not set the rows of its line's crop, unless every
   *  word of the line is as tall (ratio; 1.35. Dev photocopy-200: `066.` `84` with a speck under the
   *  84 gave a crop 61 px high that took in the next line, read `2,.066.841004`; on the words' rows
   *  it reads `2,066.84`) */
  readonly tallWord: number;
  /** crops lower than this are not read (px; 4) */
  readonly minHeightPx: number;
  /** a page with more such cells than this is not re-read (count; 600) */
  readonly maxCells: number;
  /** a reading may add at most this many digits to the first (count; 4: a lost `16,` or decimals, not another number) */
  readonly maxAddedDigits: number;
  /** a word of three digits or more with at most this many other marks (no CJK) is a number specks touched, read again like one (count; 2: `},000.0Q,` for 1,000.00) */
  readonly maxStrayMarks: number;
  /** 1: the number strips are read by the Latin model alone (eng, workers of their own), 0: by the
   *  page's languages (chi_sim+eng) (flag; 1: tesseract tries every language on a line it finds
   *  doubtful, and a whitelisted line of digits often is: on the dev grid's q70-200 pages eng alone
   *  took 40% of the CPU with the same readings, and the re-read was a quarter of a page's CPU) */
  readonly latinModel: number;
  /** 1: a cell read as one well-formed amount (`1,202.92`) is not read again when nothing can be
   *  added to it: no ink on its rows within the column left or right of it, and its own ink holds no
   *  more digits than it was read with (digit-ink.ts) (a second reading is taken only when it adds
   *  digits, and added digits must be ink); 0: every one-word cell of a decimal column is read
   *  again (flag; 1. Dev grid, all 38 pages, read with it off: of the cells it skips (q70-200 218
   *  of 976 crops, q80-150 251 of 975, blur-md-200 286 of 975, photocopy-200 211 of 931) the second reading of none was
   *  taken. Ingested both ways: dev q70-200 the same values, flags and checks, 6 of 1,188 facts'
   *  boxes moved by a pixel (the strip's other crops read a pixel apart); dev photocopy-200 F1
   *  0.912 -> 0.913, silent 0 both, 17 of 1,122 facts differ (the strip's other crops read apart:
   *  guojia 0.963 -> 0.960, fs 0.946 -> 0.949, yt 0.843 -> 0.848), CPU 3.98 -> 3.91 s a page) */
  readonly skipWhole: number;
  /** 1: in a column read with no decimals on a page whose number cells show some (at least
   *  minDecimalCells), a one-word cell is read again when dark ink lies beside its word within the
   *  column (4,285.00 read `285`, every cell of the column cut alike: the column never showed its
   *  decimals); 0: such a column's one-word cells are not read again (flag; 1) */
  readonly besideWhole: number;
  /** 1: a one-word number cell that is no number as printed (a speck read as a mark: `49.14°`) is
   *  read again wherever it stands, the reading taken as any re-read is (flag; 1. Dev photocopy-200
   *  caizhengju: 年初结转和结余 49.14) */
  readonly malformed: number;
  /** 1: a line whose every word took a speck into its box, too high to read as cropped
   *  (crops.maxHeightPerInch), is cropped to the rows of the column's typical number height that
   *  hold the most ink within the words' box (flag; 1. Dev
   *  photocopy-200 caizhengju: 合计 2,336.91 read `2.33691` in a box three lines high) */
  readonly inkBand: number;
  /** 1: a number cell read in pieces split at its separators (`16, 375. 67`) whose pieces join into
   *  a number as its column prints it (an amount with two decimals in a column that prints
   *  decimals, a whole number with thousands separators in one that does not), with no ink beside
   *  them within the column and no more digits in their ink than read (digit-ink.ts), is not read
   *  again: an amount is taken joined (what its second reading gives), a whole number left to the
   *  layout's join (its second reading, with no decimal point, is refused); 0: every such cell is
   *  read again. Only on a page that needed no cleaning (no grey paper whitened, no grain, no blur,
   *  not 1-bit: recognize.ts): on a degraded page the pieces' second reading, refused, leaves them
   *  to the amount repairs, which do better than their join (dev fax-200 yt) (flag; 1, for speed.
   *  Dev q70-200: facts byte-identical, the number re-read's CPU 0.157 → 0.061 s/page) */
  readonly joinPieces: number;
  /** 1: in a column that prints whole numbers, a second reading that is a whole number with its
   *  thousands separators and only adds digits to the first (`212, 300` → `4,212,300`, the leading
   *  `4,` PSM 11 dropped) is taken as an amount with its decimals is, the added digits ink of a
   *  digit's size (digit-ink.ts), and a one-word whole number with separators (`212,300`) is read
   *  again where ink lies beside it in its column; 0: a reading with no decimal point is refused
   *  (flag; 1. Dev photocopy-md-200 wanlijiedao: 4,212,300 1,106,000 7,812,394 read without their
   *  leading group) */
  readonly wholeNumbers: number;
}

/** The digits a stretch of a number line can hold by its ink (digit-ink.ts): a second reading of a
 *  number cell that finds more digits than that read a speck as a digit and is refused. */
export interface DigitInkSettings {
  /** a blob of ink at least this share of the tallest blob of the number as first read is a digit (share; 0.6: a comma, a decimal point or a speck is at most a third) */
  readonly heightShare: number;
  /** a digit is this share of its height wide: a blob holds as many digits as its width holds, one at least (digits the blur joined) (ratio; 0.55) */
  readonly digitWidth: number;
  /** no judgement when the number's tallest blob is lower than this (px; 6) */
  readonly minHeightPx: number;
  /** pieces of a digit broken at the ink threshold (a thin print's 2 without its diagonal), joined
   *  where their columns overlap, are one digit when they span heightShare of the height and this
   *  share of it in width (share; 0.35: the ends of a 3's arcs cut off its stroke are narrower) */
  readonly brokenMinWidth: number;
}

/** What a threshold leaves of a 4 read 1 or a 5 read 3 (stroke-remnants.ts). Only offered to the
 *  sums as a reading (reread-cells.ts, treatment `strokes`). */
export interface StrokeRemnantSettings {
  /** 1: the cells of failing sums, and the cells whose amounts sum with theirs, are looked at for 4s read 1 and 5s read 3; 0: not (flag; 1) */
  readonly on: number;
  /** the ink is looked at this share of the word's height further left than its box (ratio; 0.6: the crossbar's end lies left of the stem, outside the box tesseract gives a 1) */
  readonly sideEm: number;
  /** and this share of its height above and below (ratio; 0.25) */
  readonly lineMargin: number;
  /** a group of ink at least this share of the tallest is a digit or a piece of one (share; 0.6) */
  readonly digitHeight: number;
  /** when the groups of ink are matched to the digits read, a digit is this share of the digits' height wide ... (share; 0.6) */
  readonly digitWidth: number;
  /** ... and a 1 this share (share; 0.25: its stem) */
  readonly oneWidth: number;
  /** no judgement when a digit matches its groups worse than this (the width missed and twice the gaps within it, in digit widths; 0.5) */
  readonly maxMisfit: number;
  /** the crossbar's band: from this share of the glyph's height below its top ... (share; 0.45: a 1's flag ends above) */
  readonly bandTop: number;
  /** ... to this share (share; 0.75: a 1's foot serif, thick at 1 bit, a comma and a point lie below) */
  readonly bandBottom: number;
  /** a mark of the crossbar lies at most this share of the glyph's height left of the stem (ratio; 0.7) */
  readonly reachEm: number;
  /** and is at most this share of its height high (share; 0.35: a dot or a short bar, not a digit's piece) */
  readonly markHeight: number;
  /** the stem's left edge is the median of the glyph's left edge from this share of its height ... (share; 0.25) */
  readonly stemFrom: number;
  /** ... to this share (share; 0.9) */
  readonly stemTo: number;
  /** a stub reaches at least this many pixels further left than the stem's edge ... (px; 2) */
  readonly stubPx: number;
  /** ... and at least this share of the glyph's height (share; 0.1) */
  readonly stubEm: number;
  /** a 5 read 3: the bar alone at the glyph's top is at most this share of its height high ... (share; 0.3) */
  readonly barHeight: number;
  /** ... and at least this share of its width wide, from its left edge (share; 0.6) */
  readonly barWidth: number;
  /** no judgement when the word or its digits are lower than this (px; 8) */
  readonly minHeightPx: number;
}

/** Number cells in failing in-table sums read again under other image treatments (reread-cells.ts;
 *  the normalizer ocr-correct/reread.ts keeps a reading only when the sums then hold). */
export interface RereadSumSettings {
  /** at most this many cells of a document are read again (count; 120; 0: off) */
  readonly maxCells: number;
  /** treatment "dark": a pixel up to Otsu's threshold plus this is ink, the rest white (grey
   *  0..255; 50: thin grey strokes of a faint print are kept) */
  readonly darkGain: number;
  /** treatment "thick": ink thickened this many pixels (a 4-neighbour dilation each) (px; 1) */
  readonly thickenPx: number;
  /** treatment "grey": the grey crop enlarged this much, not binarised (ratio; 2) */
  readonly greyEnlarge: number;
  /** the crop reaches this share of the value's height left and right of it (share; 0.5) */
  readonly sideMargin: number;
  /** ... and this share above and below (share; 0.3), plus lineMarginPx */
  readonly lineMargin: number;
  /** (px; 2) */
  readonly lineMarginPx: number;
  /** at most this many cells of one cluster of failing sums take a second reading together (count; 8: a 类 over its 款 over its 项, two columns each, that lost a 4 alike, with the 合计 cell above) */
  readonly maxChanges: number;
  /** at most this many combinations of readings are tried per cluster (count; 20 000) */
  readonly maxCombinations: number;
  /** a cell read without the decimals its column prints (ocr_decimals_lost) is read again on a
   *  crop reaching this many times its height further right: amounts are right-aligned, the lost
   *  decimals lie right of the digits read (`356` of `356. 19`) (ratio; 2.5; 0: not widened) */
  readonly lostDecimalsEm: number;
  /** at most this many more cells are looked at for 4s read 1 and 5s read 3 (stroke-remnants.ts),
   *  not read again: those with a 1 or a 3 tied by sums that hold to the cells read again (count;
   *  400; 0: none) */
  readonly maxLook: number;
  /** where the readings the search takes leave sums failing, every cell of a table whose glyphs
   *  show a 4's or a 5's lost strokes is given that reading at once, taken as the identities allow
   *  (normalizers/ocr-correct/stroke-sweep.ts: chains of copies that lost their 4s alike, more
   *  cells than maxChanges) (1 on; 0 off) */
  readonly sweepStrokes: number;
}

/** Short Latin words between rules (a CJK header character misread) read again (reread-latin.ts). */
export interface RereadLatinSettings {
  /** words of up to this many Latin letters are candidates (count; 4: `HE`, `m`) */
  readonly maxLetters: number;
  /** the crop reaches this share of the word's height above and below ... (share; 0.4) */
  readonly lineMargin: number;
  /** ... plus this (px; 3) */
  readonly lineMarginPx: number;
  /** crops narrower than this are not read (px; 4) */
  readonly minWidthPx: number;
  /** crops lower than this are not read (px; 4) */
  readonly minHeightPx: number;
  /** crops wider than this are not read (inch; 1.5: a header cell, not a text column) */
  readonly maxWidthInches: number;
  /** a page with more candidates than this is not re-read (count; 200) */
  readonly maxCells: number;
  /** a reading replaces the word when it is up to this many CJK characters (count; 6) */
  readonly maxChars: number;
  /** ... each word read at least this confident (conf; 60) */
  readonly minConfidence: number;
}

/** Code cells of a 1-bit page read again on their crops (reread-codes.ts). */
interface RereadCodeSettings {
  /** 1: on; 0: off (count; 1) */
  readonly on: number;
  /** a column between vertical rules is a code column when at least this many of its words are codes
   *  of one length (count; 3) ... */
  readonly minCodes: number;
  /** ... and at least this share of its words that hold no CJK character (share; 0.4) ... */
  readonly minShare: number;
  /** ... and it is at most this wide (inch; 0.5: a 类/款/项 cell, not an amount column) */
  readonly maxWidthInches: number;
  /** the crop reaches this share of the word's height above and below ... (share; 0.4) */
  readonly lineMargin: number;
  /** ... plus this (px; 3) */
  readonly lineMarginPx: number;
  /** crops narrower than this are not read (px; 4) */
  readonly minWidthPx: number;
  /** crops lower than this are not read (px; 4) */
  readonly minHeightPx: number;
  /** the crops are enlarged this much, bicubic (×; 2. Code cells of the dev grid's fax-200 yt pages
   *  read on their own crops: 210, 02, 11 read as printed at ×1 and ×2, their first page reading
   *  `200`, `E`, `1`) */
  readonly enlarge: number;
  /** a page with more candidates than this is not re-read (count; 300) */
  readonly maxCells: number;
  /** a reading is taken only this confident (conf; 50) */
  readonly minConfidence: number;
  /** a first reading that is a code of the column's length is replaced only by a reading this much
   *  more confident (conf; 10: 200 (85) → 210 (96), 03 (66) → 05 (89) on the dev grid's fax-200 yt pages, both as printed) */
  readonly replaceGain: number;
}

/** Text cells that look damaged read again, enlarged (reread-text.ts). */
export interface RereadTextSettings {
  /** cells re-read on a page at most, the most doubtful first (count; 120: a form is not read twice) */
  readonly maxCells: number;
  /** a cell with a word read below this is read again (conf; 95) */
  readonly doubt: number;
  /** a ruled cell is at most 1/N inch tall (perInch; 2) */
  readonly maxRuledCellPerInch: number;
  /** the crop of a cell between no rules reaches this share of its height above and below ... (share; 0.35) */
  readonly lineMargin: number;
  /** ... plus this (px; 2) */
  readonly lineMarginPx: number;
  /** crops lower than this are not read (px; 4) */
  readonly minHeightPx: number;
  /** ... nor lower than this share of a character (em; 0.8) */
  readonly minHeightEm: number;
  /** blank runs are squeezed to this share of a character (em; 0.5: letter-spaced headers; the blank after a list number's 、 is narrower) */
  readonly squeezeEm: number;
  /** ... and at least this many pixels (px; 4) */
  readonly squeezeMinPx: number;
  /** a reading is taken only when its mean confidence is at least this (conf; 80) */
  readonly minMean: number;
  /** ... and it has no word below this that the first reading lacks (conf; 50) */
  readonly minWord: number;
  /** first-reading characters at least this confident are not given up (conf; 95) */
  readonly sure: number;
  /** a character the reading adds or puts in place of another must be this confident (conf; 85) */
  readonly newChar: number;
  /** ... or at least this confident (conf; 70) ... */
  readonly replaceMin: number;
  /** ... and this much more confident than what it replaces (conf; 5: 末 78 for 未 68) */
  readonly replaceGain: number;
  /** a reading adds at most this many CJK characters (count; 6: a dropped list number or last character, not a second label) */
  readonly maxExtraCjk: number;
  /** 1: the text strips are read by the CJK model alone (chi_sim, workers of their own), 0: by the
   *  page's languages (chi_sim+eng) (flag; 1: tesseract reads a line it finds doubtful again with
   *  every other language, and on a degraded page most are; a Latin letter or mark the first reading
   *  lacks is never taken. Dev grid: facts byte-identical on q70-200, photocopy-200, fax-200 and
   *  level-hi-200, one label more read as printed on noise-xhi-200 (1.一般公共预算资金); the re-read's
   *  CPU 0.51 → 0.33 s/page on photocopy-200, 0.84 → 0.49 on fax-200, 0.55 → 0.39 on noise-xhi-200) */
  readonly cjkModel: number;
}

/** How tesseract is asked to read a page (recognize.ts, pool.ts). */
export interface EngineSettings {
  /** 1: the page's first reading is by the CJK model alone (chi_sim, the text re-read's workers), 0: by
   *  chi_sim+eng (flag; 0. tesseract reads every line chi_sim does not accept — on these pages most
   *  of them — again with eng and keeps the better: chi_sim alone is a fifth cheaper, but it splits
   *  amounts at their separators and drops some (4,285.00 read 4 285.00). Dev grid, one worker:
   *  q70-200 first pass 1.17 → 0.94 CPU s/page, F1 0.998 → 0.996 (two facts of a 收支总表 lost);
   *  q80-150 F1 1.000 → 0.995 (yt 0.972). An option for speed over recall, off by default) */
  readonly cjkFirstPass: number;
  /** 1: tesseract also reads a line it is unsure of inverted (white on black) and keeps the better
   *  (tesseract's own default, tessedit_do_invert), 0: it does not, on every job of a page (first
   *  pass, re-reads and orientation probes alike) (flag; 1: a header band printed white on dark is
   *  read only so. 0 is an option for speed: dev q70-200, one worker, first pass 1.17 → 1.14 CPU
   *  s/page, facts byte-identical on q70-200, q80-150 and fax-200; photocopy-200 one amount misread
   *  otherwise and no longer repaired, flagged by its failing sums) */
  readonly invert: number;
  /** 1 (with invert 1): a page that needed no cleaning (no grey paper whitened, no grain, no blur,
   *  not 1-bit: recognize.ts) and has no patch printed dark (dark-patch.ts: a square
   *  darkPatchPerInch to an inch on a side at least darkPatchShare darker than darkLevel) is read
   *  without the inverted second reading, which only print white on dark needs; 0: invert holds for
   *  every page (flag; 1, for speed. Dev q70-200 facts byte-identical; on degraded pages the
   *  inverted reading of a doubtful line still wins now and then (dev fax-200 yt, photocopy-200),
   *  so they keep it) */
  readonly invertByInk: number;
  /** squares of the page looked at for a dark patch, per inch of side (per inch; 4: a quarter inch,
   *  larger than a bold character's strokes fill) */
  readonly darkPatchPerInch: number;
  /** share of a square's pixels dark for it to be a dark patch (share; 0.65: text leaves most of a
   *  square paper, a dark band fills it; a cover's large bold title fills up to 0.52 of one on the
   *  dev scans) */
  readonly darkPatchShare: number;
  /** grey level below which a pixel is dark for the patch test (grey; 128) */
  readonly darkLevel: number;
}

export interface OcrSettings {
  readonly image: ImageSettings;
  readonly resolution: ResolutionSettings;
  readonly pixels: PixelSettings;
  readonly smallPrint: SmallPrintSettings;
  readonly orientation: OrientationSettings;
  readonly binarize: BinarizeSettings;
  readonly skew: SkewSettings;
  readonly rules: RuleSettings;
  readonly brokenRules: BrokenRuleSettings;
  readonly faintRules: FaintRuleSettings;
  readonly background: BackgroundSettings;
  readonly despeckle: DespeckleSettings;
  readonly bend: BendSettings;
  readonly noise: NoiseSettings;
  readonly sharpen: SharpenSettings;
  readonly tone: ToneSettings;
  readonly sideways: SidewaysSettings;
  readonly words: WordSettings;
  readonly repair: RepairSettings;
  readonly crops: CropSettings;
  readonly gapFill: GapFillSettings;
  readonly rereadNumbers: RereadNumberSettings;
  readonly digitInk: DigitInkSettings;
  readonly strokeRemnants: StrokeRemnantSettings;
  readonly rereadSums: RereadSumSettings;
  readonly rereadLatin: RereadLatinSettings;
  readonly rereadCodes: RereadCodeSettings;
  readonly rereadText: RereadTextSettings;
  readonly engine: EngineSettings;
}

export type OcrSettingsOverrides = DeepPartial<OcrSettings>;

const GREY: readonly [number, number] = [0, 255];
const CONF: readonly [number, number] = [0, 100];
const SHARE: readonly [number, number] = [0, 1];
const DPI: readonly [number, number] = [1, 2400];
const PX: readonly [number, number] = [0, 100_000];
const PT: readonly [number, number] = [0, 10_000];
/** a divisor of the resolution: never 0 */
const PER_INCH: readonly [number, number] = [0.01, 10_000];
const RATIO: readonly [number, number] = [0, 100];
const COUNT = (min = 0, max = 100_000_000): readonly [number, number, 'int'] => [min, max, 'int'];

export const OCR_SETTINGS_LIMITS: Limits<OcrSettings> = {
  engine: { cjkFirstPass: COUNT(0, 1), invert: COUNT(0, 1), invertByInk: COUNT(0, 1), darkPatchPerInch: PER_INCH, darkPatchShare: SHARE, darkLevel: GREY },
  image: { redSealMargin: GREY, minFileDpi: DPI, maxFileDpi: DPI, bilevelShare: SHARE, bilevelThickenPx: COUNT(0, 5), bilevelReadDpi: [0, 1200] },
  resolution: {
    minDpi: DPI, targetDpi: DPI, maxDpi: DPI, assumedPageInches: [0.1, 1000], minGuessDpi: DPI, maxGuessDpi: DPI, fallbackDpi: DPI,
    renderDpi: [10, 1200], minScanCover: SHARE, pageScaleTolerance: RATIO,
  },
  pixels: { maxPageMegapixels: [0.01, 10_000], minPageDpi: DPI, maxImageMegapixels: [0.01, 10_000] },
  smallPrint: { on: COUNT(0, 1), minWords: COUNT(1), digitScale: [0.5, 3], maxHeightPx: PX, targetHeightPx: PX, maxEnlarge: [1, 8], minEnlarge: [1, 8] },
  orientation: {
    probeTop: SHARE, probeHeight: [0.01, 1], probeDpi: DPI, probeWordConfidence: CONF, turnGain: RATIO, turnMargin: [0, 1e9],
    wellReadWordConfidence: CONF, wellReadChars: COUNT(), wellReadMeanConfidence: CONF,
  },
  binarize: { minThreshold: GREY, maxThreshold: GREY, sampleAbove: COUNT(), sampleStep: COUNT(1, 1000) },
  skew: { minAngle: [0, 45], range: [0, 45], maxPoints: COUNT(1), profileSlack: [0, 10], binPerInch: PER_INCH, coarseStep: [0.001, 45], midStep: [0.001, 45], fineStep: [0.001, 45] },
  rules: {
    minLengthPt: PT, gapPt: PT, maxThicknessPt: PT, minMaxThicknessPx: PX, maxTiltDeg: [0, 5], runOverlap: SHARE, skipRows: COUNT(0, 1000), touchPerInch: PER_INCH,
    eraseMargin: PX, eraseOverhang: PX, minRulingWidthPt: PT,
  },
  brokenRules: { on: COUNT(0, 1), maxGapPerInch: PER_INCH, gapShare: SHARE, acrossPx: PX },
  faintRules: { on: COUNT(0, 1), paperShare: SHARE, minStep: GREY, minGain: RATIO },
  background: { belowLevel: GREY, minLevel: GREY, sampleStep: COUNT(1, 1000) },
  noise: { minLevel: [0, 2040], sampleStep: COUNT(1, 1000), keepPerInch: PER_INCH, sparseMinLevel: [0, 2040], sparseInkShare: SHARE },
  sharpen: { below: [0, 10], full: [0, 10], amount: [0, 10], minEdge: [1, 1020], sampleStep: COUNT(1, 1000) },
  tone: { gamma: [0.2, 5] },
  bend: { on: COUNT(0, 1), minRunInches: [0.01, 100], stripInches: [0.05, 100], maxShiftPerInch: PER_INCH, minStripInk: SHARE, minFit: SHARE, minBendPx: PX },
  despeckle: { on: COUNT(0, 1), maxDotPerInch: PER_INCH, clearPerInch: PER_INCH, clearAlongPerInch: PER_INCH, clearAbovePerInch: PER_INCH, haloPx: COUNT(0, 10) },
  sideways: { eraseRunPt: PT, minEraseRunPx: PX, smearGapPt: PT, minSmearGapPx: PX, longRunPt: PT, ratio: RATIO },
  words: { ruleGlyphMaxLength: COUNT(), textMarkGap: RATIO, oneStrokeBand: SHARE, latinHeightRatio: [0.01, 10], minFontSizePt: PT, cjkJoinGap: RATIO, latinJoinGap: RATIO, wallSlackPx: PX, wallSlackEm: RATIO, lowConfidence: CONF },
  repair: { maxNumberLength: COUNT(), minDigits: COUNT(), digitsPerLetter: [0.01, 1000], sameLineOverlap: SHARE, lookahead: COUNT(), splitDecimalGap: RATIO, overlapSlackPt: PT, wallSlackPt: PT, splitAmountMinCells: COUNT() },
  crops: {
    columnSnapPerInch: PER_INCH, minColumnSnapPx: PX, padPerInch: PER_INCH, minPadPx: PX, minWidthPerInch: PER_INCH, maxHeightPerInch: PER_INCH,
    enlarge: [0.1, 10], stripGapPerInch: PER_INCH, squeezeInkLevel: GREY, squeezeOver: RATIO, maxStripHeightPx: [100, 32_767],
  },
  gapFill: {
    padPerInch: PER_INCH, minPadPx: PX, minHeightPerInch: PER_INCH, inkLevel: GREY, maxInkLevel: GREY, minInkPerInch: PER_INCH, minInkHeightPerInch: PER_INCH,
    thinInkPerInch: PER_INCH, thinInkMinWidthPerInch: PER_INCH, marginPerInch: PER_INCH, maxCrops: COUNT(), minConfidence: CONF,
  },
  rereadNumbers: { decimalColumnShare: SHARE, minDecimalCells: COUNT(), lineMargin: RATIO, lineMarginPx: PX, tallWord: [1, 10], minHeightPx: PX, maxCells: COUNT(), maxAddedDigits: COUNT(), maxStrayMarks: COUNT(0, 10), latinModel: COUNT(0, 1), skipWhole: COUNT(0, 1), besideWhole: COUNT(0, 1), malformed: COUNT(0, 1), inkBand: COUNT(0, 1), joinPieces: COUNT(0, 1), wholeNumbers: COUNT(0, 1) },
  digitInk: { heightShare: SHARE, digitWidth: RATIO, minHeightPx: PX, brokenMinWidth: SHARE },
  strokeRemnants: { on: COUNT(0, 1), sideEm: RATIO, lineMargin: RATIO, digitHeight: SHARE, digitWidth: SHARE, oneWidth: SHARE, maxMisfit: RATIO, bandTop: SHARE, bandBottom: SHARE, reachEm: RATIO, markHeight: SHARE, stemFrom: SHARE, stemTo: SHARE, stubPx: PX, stubEm: SHARE, barHeight: SHARE, barWidth: SHARE, minHeightPx: PX },
  rereadSums: { maxCells: COUNT(), darkGain: GREY, thickenPx: COUNT(0, 5), greyEnlarge: [0.5, 6], sideMargin: RATIO, lineMargin: RATIO, lineMarginPx: PX, maxChanges: COUNT(1, 10), maxCombinations: COUNT(1), lostDecimalsEm: RATIO, maxLook: COUNT(), sweepStrokes: COUNT(0, 1) },
  rereadLatin: { maxLetters: COUNT(1, 100), lineMargin: RATIO, lineMarginPx: PX, minWidthPx: PX, minHeightPx: PX, maxWidthInches: [0, 1000], maxCells: COUNT(), maxChars: COUNT(1, 100), minConfidence: CONF },
  rereadCodes: { on: COUNT(0, 1), minCodes: COUNT(1), minShare: SHARE, maxWidthInches: [0, 10], lineMargin: RATIO, lineMarginPx: PX, minWidthPx: PX, minHeightPx: PX, enlarge: [1, 4], maxCells: COUNT(), minConfidence: CONF, replaceGain: CONF },
  rereadText: {
    maxCells: COUNT(), doubt: CONF, maxRuledCellPerInch: PER_INCH, lineMargin: RATIO, lineMarginPx: PX, minHeightPx: PX, minHeightEm: RATIO, squeezeEm: RATIO,
    squeezeMinPx: PX, minMean: CONF, minWord: CONF, sure: CONF, newChar: CONF, replaceMin: CONF, replaceGain: CONF, maxExtraCjk: COUNT(), cjkModel: COUNT(0, 1),
  },
};

export const DEFAULT_OCR_SETTINGS: OcrSettings = deepFreeze(
  checkDefaults<OcrSettings>('ocr', {
    engine: { cjkFirstPass: 0, invert: 1, invertByInk: 1, darkPatchPerInch: 4, darkPatchShare: 0.65, darkLevel: 128 },
    image: { redSealMargin: 60, minFileDpi: 50, maxFileDpi: 1200, bilevelShare: 0.995, bilevelThickenPx: 1, bilevelReadDpi: 0 },
    resolution: {
      minDpi: 175, targetDpi: 200, maxDpi: 250, assumedPageInches: 11.69, minGuessDpi: 60, maxGuessDpi: 1200, fallbackDpi: 200,
      renderDpi: 200, minScanCover: 0.8, pageScaleTolerance: 0.02,
    },
    pixels: { maxPageMegapixels: 30, minPageDpi: 70, maxImageMegapixels: 100 },
    smallPrint: { on: 1, minWords: 30, digitScale: 1.3, maxHeightPx: 15, targetHeightPx: 24, maxEnlarge: 2, minEnlarge: 1.25 },
    orientation: {
      probeTop: 0.3, probeHeight: 0.4, probeDpi: 150, probeWordConfidence: 50, turnGain: 1.3, turnMargin: 50,
      wellReadWordConfidence: 60, wellReadChars: 15, wellReadMeanConfidence: 55,
    },
    binarize: { minThreshold: 60, maxThreshold: 200, sampleAbove: 4_000_000, sampleStep: 3 },
    skew: { minAngle: 0.05, range: 3, maxPoints: 200_000, profileSlack: 0.06, binPerInch: 150, coarseStep: 0.25, midStep: 0.05, fineStep: 0.01 },
    rules: { minLengthPt: 20, gapPt: 0.6, maxThicknessPt: 2.5, minMaxThicknessPx: 3, maxTiltDeg: 0.5, runOverlap: 0.5, skipRows: 1, touchPerInch: 24, eraseMargin: 1.5, eraseOverhang: 1, minRulingWidthPt: 0.3 },
    brokenRules: { on: 1, maxGapPerInch: 4, gapShare: 0.5, acrossPx: 2 },
    faintRules: { on: 1, paperShare: 0.5, minStep: 8, minGain: 2 },
    background: { belowLevel: 240, minLevel: 120, sampleStep: 7 },
    noise: { minLevel: 20, sampleStep: 2, keepPerInch: 100, sparseMinLevel: 8, sparseInkShare: 0.006 },
    sharpen: { below: 0.38, full: 0.34, amount: 1, minEdge: 60, sampleStep: 2 },
    tone: { gamma: 1.7 },
    bend: { on: 0, minRunInches: 0.5, stripInches: 0.5, maxShiftPerInch: 25, minStripInk: 0.25, minFit: 0.5, minBendPx: 1.5 },
    despeckle: { on: 1, maxDotPerInch: 40, clearPerInch: 25, clearAlongPerInch: 12, clearAbovePerInch: 16, haloPx: 1 },
    sideways: { eraseRunPt: 20, minEraseRunPx: 30, smearGapPt: 3, minSmearGapPx: 2, longRunPt: 36, ratio: 1.5 },
    words: { ruleGlyphMaxLength: 2, textMarkGap: 1.2, oneStrokeBand: 0.5, latinHeightRatio: 0.75, minFontSizePt: 4, cjkJoinGap: 0.6, latinJoinGap: 0.15, wallSlackPx: 1, wallSlackEm: 0.25, lowConfidence: 60 },
    repair: { maxNumberLength: 24, minDigits: 2, digitsPerLetter: 3, sameLineOverlap: 0.5, lookahead: 40, splitDecimalGap: 1.2, overlapSlackPt: 1, wallSlackPt: 0.5, splitAmountMinCells: 2 },
    crops: {
      columnSnapPerInch: 40, minColumnSnapPx: 3, padPerInch: 60, minPadPx: 2, minWidthPerInch: 12, maxHeightPerInch: 2, enlarge: 1.5, stripGapPerInch: 5,
      squeezeInkLevel: 140, squeezeOver: 4, maxStripHeightPx: 30_000,
    },
    gapFill: {
      padPerInch: 50, minPadPx: 3, minHeightPerInch: 18, inkLevel: 128, maxInkLevel: 200, minInkPerInch: 45, minInkHeightPerInch: 40, thinInkPerInch: 30,
      thinInkMinWidthPerInch: 25, marginPerInch: 30, maxCrops: 400, minConfidence: 50,
    },
    rereadNumbers: { decimalColumnShare: 0.15, minDecimalCells: 2, lineMargin: 0.35, lineMarginPx: 2, tallWord: 1.35, minHeightPx: 4, maxCells: 600, maxAddedDigits: 4, maxStrayMarks: 2, latinModel: 1, skipWhole: 1, besideWhole: 1, malformed: 1, inkBand: 1, joinPieces: 1, wholeNumbers: 1 },
    digitInk: { heightShare: 0.6, digitWidth: 0.55, minHeightPx: 6, brokenMinWidth: 0.35 },
    strokeRemnants: { on: 1, sideEm: 0.6, lineMargin: 0.25, digitHeight: 0.6, digitWidth: 0.6, oneWidth: 0.25, maxMisfit: 0.5, bandTop: 0.45, bandBottom: 0.75, reachEm: 0.7, markHeight: 0.35, stemFrom: 0.25, stemTo: 0.9, stubPx: 2, stubEm: 0.1, barHeight: 0.3, barWidth: 0.6, minHeightPx: 8 },
    rereadSums: { maxCells: 120, darkGain: 50, thickenPx: 1, greyEnlarge: 2, sideMargin: 0.5, lineMargin: 0.3, lineMarginPx: 2, maxChanges: 8, maxCombinations: 20_000, lostDecimalsEm: 2.5, maxLook: 400, sweepStrokes: 1 },
    rereadLatin: { maxLetters: 4, lineMargin: 0.4, lineMarginPx: 3, minWidthPx: 4, minHeightPx: 4, maxWidthInches: 1.5, maxCells: 200, maxChars: 6, minConfidence: 60 },
    rereadCodes: { on: 1, minCodes: 3, minShare: 0.4, maxWidthInches: 0.5, lineMargin: 0.4, lineMarginPx: 3, minWidthPx: 4, minHeightPx: 4, enlarge: 2, maxCells: 300, minConfidence: 50, replaceGain: 10 },
    rereadText: {
      maxCells: 120, doubt: 95, maxRuledCellPerInch: 2, lineMargin: 0.35, lineMarginPx: 2, minHeightPx: 4, minHeightEm: 0.8, squeezeEm: 0.5, squeezeMinPx: 4,
      minMean: 80, minWord: 50, sure: 95, newChar: 85, replaceMin: 70, replaceGain: 5, maxExtraCjk: 6, cjkModel: 1,
    },
  }, OCR_SETTINGS_LIMITS),
);

/** The OCR settings with `overrides` applied (any subset, at any depth), checked and frozen. Throws
 *  one line naming the key on an unknown key or a value that is not a finite number in its range.
 *  Without overrides: DEFAULT_OCR_SETTINGS. */
export function resolveOcrSettings(overrides?: OcrSettingsOverrides): OcrSettings {
  return resolveSettings('ocr', DEFAULT_OCR_SETTINGS, OCR_SETTINGS_LIMITS, overrides);
}
