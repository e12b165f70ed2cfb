// The library API: the same records the CLI writes.
export { ingest, type IngestOptions, type IngestResult, type RunSummary } from './pipeline/ingest.js';
export { processDocument } from './pipeline/process-document.js';
export { detectFormat } from './pipeline/detect.js';
export { writeDataset } from './output/write-dataset.js';
export { recordsOf } from './output/records.js';
export type { Dataset, DocumentRow, TableRecord, FactRow, CheckRow, PerformanceRow, IndicatorRow, DefinitionRow } from './output/records.js';
export type * from './model/types.js';
export { loadTaxonomy } from './normalizers/taxonomy/index.js';
export { parseNumber } from './normalizers/numbers.js';
