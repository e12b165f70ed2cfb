export { pdfExtractor, extractPdfPages, type PdfPagesResult } from './extract.js';
export { openPdf, pdfjsAssetDir } from './load.js';
export { extractPage } from './page.js';
export { dumpBlocks, formatBlocks } from './dump.js';
