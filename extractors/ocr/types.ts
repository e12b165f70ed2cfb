// What OCR of one page image gives (OcrPage: words with pixel boxes, the rules found, the turn and
// skew applied) and how it is asked for (RecognizeOptions, OcrPool).
import type { Box } from '../../model/types.js';
import type { GreyImage } from './image.js';
import type { PixelRule } from './prep.js';
import type { Psm } from './pool.js';
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
  /** the OCR thresholds (extractors/ocr/settings.ts); default DEFAULT_OCR_SETTINGS */
  settings?: OcrSettings;
}

export type ImageInput = GreyImage | Uint8Array;

export interface OcrPool {
  recognize(image: ImageInput, opts?: RecognizeOptions): Promise<OcrPage>;
  close(): Promise<void>;
  /** worker count */
  readonly size: number;
}
