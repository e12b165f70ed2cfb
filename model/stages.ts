// Stage contracts. Each format has one extractor behind the same interface (tabula/camelot style:
// one strategy per class, one contract); the runner never knows which one it called.
import type { Block, Format, Message } from './types.js';
// (the one type model/ takes from elsewhere: the extractors' settings are defined beside the code
// they tune; a type-only import, nothing is loaded)
import type { ExtractSettings } from '../extractors/settings.js';

export interface ExtractContext {
  /** the input path or URL as the user gave it (for messages only) */
  source: string;
  /** abort when the per-document time limit is reached */
  signal?: AbortSignal;
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
