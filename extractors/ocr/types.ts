// What OCR of one page image gives (OcrPage: words with pixel boxes, the rules found, the turn and
// skew applied) and how it is asked for (RecognizeOptions, OcrPool).
import type { Box } from '../../model/types.js';
import type { GreyImage } from './image.js';
import type { PixelRule } from './prep.js';
import type { OcrRunner, Psm } from './pool.js';
import type { OcrSettings } from './settings.js';

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

/** A step of reading a page: the page itself, its orientation probes, a re-read strategy. */
export type OcrStep = 'page' | 'orientation' | 'gap-fill' | 'reread-numbers' | 'reread-latin' | 'reread-text' | 'reread-sums' | 'reread-codes';

/** A step that failed on part of a page: its cells keep what the first reading gave (a re-read)
 *  or are not read (gap fill); the rest of the page is kept. */
export interface OcrProblem {
  step: OcrStep;
  /** the cells concerned, pixels of the prepared image (none: the whole step) */
  boxes: Box[];
  /** one line: what failed */
  error: string;
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
  /** steps that failed on part of the page (the rest was read); absent: none */
  problems?: OcrProblem[];
  /** resolution of the image as given (file, PDF placement or guess), before it was brought to
   *  the resolution OCR reads at (`dpi`); absent: `dpi` */
  sourceDpi?: number;  /** the prepared image as read (upright, levelled, rules erased; `width` × `height` at `dpi`): kept
   *  so that cells can be read again later (reread-cells.ts) */
  image?: GreyImage;
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
  /** the OCR thresholds (extractors/ocr/settings.ts); default DEFAULT_OCR_SETTINGS */
  settings?: OcrSettings;
  /** aborts the page's OCR (the document's time ran out): its jobs are cancelled and recognize
   *  rejects with OcrAbortedError */
  signal?: AbortSignal;
}

export type ImageInput = GreyImage | Uint8Array;

export interface OcrPool {
  recognize(image: ImageInput, opts?: RecognizeOptions): Promise<OcrPage>;
  close(): Promise<void>;
  /** runs single OCR jobs (cell crops) on the pool's workers; `signal` cancels them */
  runner(signal?: AbortSignal): OcrRunner;
  /** worker count */
  readonly size: number;
}
