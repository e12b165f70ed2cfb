// The library API: the same records the CLI writes.
export { ingest, type IngestOptions, type IngestResult, type RunSummary } from './pipeline/ingest.js';
export { processDocument } from './pipeline/process-document.js';
// errors `ingest` throws before it writes anything: the output folder is in use; nothing to read
export { OutputLockedError } from './pipeline/output-lock.js';
export { NoInputsError } from './pipeline/inputs.js';
export { detectFormat } from './pipeline/detect.js';
export { writeDataset } from './output/write-dataset.js';
export { recordsOf } from './output/records.js';
export type { Dataset, DocumentRow, TableRecord, FactRow, CheckRow, PerformanceRow, IndicatorRow, DefinitionRow } from './output/records.js';
export type * from './model/types.js';
export { loadTaxonomy } from './normalizers/taxonomy/index.js';
export { parseNumber } from './normalizers/values/numbers.js';
// Layout and OCR thresholds: pass overrides as `ingest(inputs, { settings: { layout: {…}, ocr: {…} } })`
// or `processDocument(source, bytes, { settings })`; every setting is documented in
// extractors/layout/settings.ts and extractors/ocr/settings.ts.
export { DEFAULT_EXTRACT_SETTINGS, resolveExtractSettings, type ExtractSettings, type ExtractSettingsOverrides } from './extractors/settings.js';
export { DEFAULT_LAYOUT_SETTINGS, resolveLayoutSettings, type LayoutSettings, type LayoutSettingsOverrides } from './extractors/layout/settings.js';
export { DEFAULT_OCR_SETTINGS, resolveOcrSettings, type OcrSettings, type OcrSettingsOverrides } from './extractors/ocr/settings.js';
export { SettingsError } from './extractors/settings-check.js';
