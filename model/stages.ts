// Stage contracts. Each format has one extractor behind the same interface (tabula/camelot style:
// one strategy per class, one contract); the runner never knows which one it called.
import type { Block, Box, Format, Message } from './types.js';
// (the one type model/ takes from elsewhere: the extractors' settings are defined beside the code
// they tune; a type-only import, nothing is loaded)
import type { ExtractSettings } from '../extractors/settings.js';

export interface ExtractContext {
  /** the input path or URL as the user gave it (for messages only) */
  source: string;
  /** aborts when the document's time limit is reached: an extractor then hands back what it has
   *  read (pages not read are `pageIssues` of kind `time`), or throws when it has nothing */
  signal?: AbortSignal;
  /** an extractor tells how many pages it will read by OCR as soon as it knows: the document's time
   *  limit grows by the per-page budget for each (pipeline/process-document.ts) */
  ocrPages?: (n: number) => void;
  /** read pages without a text layer with OCR (default true) */
  ocr?: boolean;
  /** the charset a server declared (HTTP Content-Type), when the bytes came from a URL */
  charset?: string;
  /** the layout and OCR thresholds, resolved (extractors/settings.ts resolveExtractSettings);
   *  absent: the defaults. Extractors pass them down to every function that uses one. */
  settings?: ExtractSettings;
}

export interface ExtractResult {
  /** page count where the format has pages */
  pages?: number;
  /** content in reading order: text lines and grids */
  blocks: Block[];
  messages: Message[];
  /** pages that had no usable text layer (need OCR); empty when none */
  needsOcrPages?: number[];
  /** refine the detected format (e.g. a PDF whose every page needs OCR is `pdf-scanned`) */
  format?: Format;
  /** pages read in part or not at all (OCR: the time ran out, the page or some cells could not be
   *  read); the rest of the document is in `blocks` */
  pageIssues?: PageIssue[];
  /** the pages read by OCR: the resolution each was read at and that of its image */
  ocrPages?: OcrPageRead[];
  /** OCR: reads number cells again from the pages' images under other image treatments (the
   *  pipeline asks for the cells of failing in-table sums; normalizers/ocr-correct/reread.ts decides) */
  rereadCells?: CellRereader;
}

/** A number cell to read again: its page and the box of its printed value (points, page as given). */
export interface CellRereadRequest {
  page: number;
  box: Box;
  /** the number as first read: what looks at its glyphs (a 4 read 1, a 5 read 3: extractors/ocr/stroke-remnants.ts) needs it */
  printed?: string;
  /** true: the cell's glyphs are only looked at, it is not read again by OCR (a cell whose amount
   *  sums with those of the failing sums, not in one itself) */
  lookOnly?: boolean;
}

/** What reading a cell again gave: a text per image treatment that read something (`how`). */
export interface CellRereading {
  readings: { how: string; text: string }[];
}

/** Reads the cells again (one CellRereading per request, in order); what failed is in `problems`
 *  (one line each) and costs only those readings. */
export type CellRereader = (cells: readonly CellRereadRequest[], signal?: AbortSignal) => Promise<{ cells: CellRereading[]; problems: string[] }>;

/** A page read by OCR: its image's resolution (dpi) and the one it was read at (a finer scan is
 *  reduced to the resolution recognition is tuned for). */
export interface OcrPageRead {
  page: number;
  dpi: number;
  imageDpi: number;
}

/** A page, or cells of it, an extractor could not read. */
export interface PageIssue {
  page: number;
  /** `time`: the document's time ran out before the page was read; `unreadable`: the page could not
   *  be read; `partial`: a step of reading it failed, the rest was read (the cells in `boxes` kept
   *  their first OCR reading: a second reading of them failed) */
  kind: 'time' | 'unreadable' | 'partial';
  /** what failed (`page`, `reread-numbers`, …) */
  step: string;
  /** the cells concerned, page space in points (kind `partial`; none: the step as a whole) */
  boxes: Box[];
  /** one line */
  error: string;
}

export interface Extractor {
  readonly name: string;
  readonly formats: readonly Format[];
  extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult>;
}

/** An error an extractor throws for bad input: its message is the one line documents.csv shows. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
