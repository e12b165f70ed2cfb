// Which extractor reads which format.
import type { Extractor } from '../model/stages.js';
import type { Format } from '../model/types.js';
import { textExtractor } from './text/index.js';
import { htmlExtractor } from './html/index.js';
import { xlsxExtractor } from './xlsx/index.js';
import { pdfExtractor } from './pdf/index.js';
import { imageExtractor } from './ocr/index.js';

const extractors: Extractor[] = [textExtractor, htmlExtractor, xlsxExtractor, pdfExtractor, imageExtractor];

export function extractorFor(format: Format): Extractor | undefined {
  return extractors.find((e) => e.formats.includes(format));
}
