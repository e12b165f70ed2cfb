export { pdfExtractor, extractPdfPages } from './extract.js';
