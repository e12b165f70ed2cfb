// Limits on what an input may cost before it is read: memory spent outside the JS heap (zip
// inflation, a page's text held as one string) is not bounded by a worker's heap ceiling, so a
// document over a limit is refused up front with a one-line reason (the pixel limits of page images
// are OCR settings: extractors/ocr/settings.ts `pixels`). Settings like the others: overrides
// through ExtractSettingsOverrides.limits, checked, frozen.
import { checkDefaults, deepFreeze, resolveSettings, type DeepPartial, type Limits } from './settings-check.js';

/** XLSX workbooks (extractors/xlsx/zip-check.ts, workbook.ts). */
export interface SpreadsheetLimits {
  /** the workbook's parts may inflate to this much in all, read from the zip directory before
   *  anything is inflated (MB; 200: the budget workbooks seen are under 5 MB inflated; a sheet of
   *  1,000,000 rows of four cells is 150 MB and costs SheetJS about 2 GB of memory) */
  readonly maxUncompressedMb: number;
  /** a part larger than 1 MB inflated may be at most this many times its compressed size (ratio;
   *  200: sheets of repeated rows compress 10-50×, a zip bomb of blank space 1000×) */
  readonly maxCompressionRatio: number;
  /** a sheet with more rows than this (rows with cells) refuses the workbook, counted before SheetJS
   *  parses it (count; 100,000: a budget sheet holds a few thousand rows; a sheet of 150,000 rows
   *  took 16 s to parse and 20 s more to understand on a busy 2-core machine, and in this thread
   *  (--workers 0) nothing can stop a parse that has begun) */
  readonly maxRows: number;
}

/** HTML pages (extractors/html/index.ts). */
export interface HtmlLimits {
  /** a page larger than this is refused (MB; 20: budget pages are under 2 MB; cheerio's DOM of a
   *  50 MB page took 2.4 GB) */
  readonly maxMb: number;
}

export interface InputLimits {
  readonly spreadsheet: SpreadsheetLimits;
  readonly html: HtmlLimits;
}

export type InputLimitsOverrides = DeepPartial<InputLimits>;

const INPUT_LIMITS_RANGES: Limits<InputLimits> = {
  spreadsheet: { maxUncompressedMb: [1, 100_000], maxCompressionRatio: [2, 1_000_000], maxRows: [1, 100_000_000, 'int'] },
  html: { maxMb: [0.01, 100_000] },
};

export const DEFAULT_INPUT_LIMITS: InputLimits = deepFreeze(
  checkDefaults<InputLimits>('limits', {
    spreadsheet: { maxUncompressedMb: 200, maxCompressionRatio: 200, maxRows: 100_000 },
    html: { maxMb: 20 },
  }, INPUT_LIMITS_RANGES),
);

/** The input limits with `overrides` applied, checked and frozen (SettingsError, one line naming the key). */
export function resolveInputLimits(overrides?: InputLimitsOverrides): InputLimits {
  return resolveSettings('limits', DEFAULT_INPUT_LIMITS, INPUT_LIMITS_RANGES, overrides);
}

const MB = 1024 * 1024;

/** bytes → "12.3 MB" */
export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}

/** MB → bytes */
export function mbToBytes(mb: number): number {
  return Math.round(mb * MB);
}
