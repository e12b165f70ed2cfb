// Which extractor reads which format.
import type { Extractor } from '../pipeline/stages.js';
import type { Format } from '../pipeline/types.js';
import { textExtractor } from './text/index.js';

const extractors: Extractor[] = [textExtractor];

export function extractorFor(format: Format): Extractor | undefined {
  return extractors.find((e) => e.formats.includes(format));
}
