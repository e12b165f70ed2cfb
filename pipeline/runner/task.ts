// One document → its dataset records as plain JSON (Decimals are strings there): what a worker
// thread, a queue worker or the in-process runner returns for a document.
import v8 from 'node:v8';
import { createHash } from 'node:crypto';
import { processDocument, newRecord } from '../process-document.js';
import { blocksOf, recordsOf, type Dataset } from '../../output/records.js';
import { headOf, type OcrInfo, type ResultInfo } from '../store/store.js';
import type { DocStatus, DocumentRecord } from '../../model/types.js';
import type { ExtractSettingsOverrides } from '../../extractors/settings.js';
import type { DocCorrections } from '../../normalizers/corrections/apply.js';

export interface Task {
  id: number;
  source: string;
  bytes: Uint8Array;
  /** the document's time limit before OCR, ms */
  timeoutMs: number;
  /** added to it for each page read by OCR, ms (default DEFAULT_PAGE_TIMEOUT_MS) */
  pageTimeoutMs?: number;
  /** false: pages without a text layer are not read by OCR */
  ocr?: boolean;
  charset?: string;
  /** layout and OCR threshold overrides (plain JSON: they travel to worker threads and queue workers) */
  settings?: ExtractSettingsOverrides;
  /** reviewers' corrections of this document (plain JSON) */
  corrections?: DocCorrections;
}

export interface TaskResult {
  id: number;
  status: DocStatus;
  error: string;
  dataset: Dataset;
  info: ResultInfo;
  /** false when the outcome depends on the run (time limit, crash, memory): not stored, retried next run */
  cacheable: boolean;
  /** the dataset as JSON and its output blocks (DocBlocks as JSON), made where the document was read */
  serialized?: { dataset: string; blocks: string; head: string };
  /** V8 heap of the isolate that ran it, bytes, sampled after the document */
  heapBytes?: number;
}

/** `keep` receives the full document record (in-process runs that keep records) */
/** `serialize`: also make `serialized` (worker threads: the main thread then neither clones nor stringifies the records) */
/** `onTimeLimit`: told the document's whole time limit when it grows with its pages read by OCR */
export async function runTask(task: Task, keep?: (doc: DocumentRecord) => void, serialize = true, onTimeLimit?: (ms: number) => void): Promise<TaskResult> {
  const t0 = performance.now();
  const doc = await processDocument(task.source, task.bytes, {
    timeoutMs: task.timeoutMs,
    ...(task.pageTimeoutMs !== undefined ? { pageTimeoutMs: task.pageTimeoutMs } : {}),
    ...(onTimeLimit ? { onTimeLimit } : {}),
    ...(task.ocr === false ? { ocr: false } : {}),
    ...(task.charset ? { charset: task.charset } : {}),
    ...(task.settings ? { settings: task.settings } : {}),
    ...(task.corrections ? { corrections: task.corrections } : {}),
  });
  keep?.(doc);
  const dataset = recordsOf(doc);
  let serialized: TaskResult['serialized'];
  if (serialize) {
    const blocks = blocksOf(dataset);
    serialized = { dataset: JSON.stringify(dataset), blocks: JSON.stringify(blocks), head: headOf(blocks) };
  }
  const heap = v8.getHeapStatistics();
  return {
    id: task.id, status: doc.status, error: doc.error, dataset, ...(serialized ? { serialized } : {}),
    info: {
      format: doc.format, ms: Math.round(performance.now() - t0), timings: roundAll(doc.timings),
      messages: doc.messages.filter((m) => m.severity !== 'info').slice(0, 50).map((m) => ({ stage: m.stage, severity: m.severity, text: m.text })),
      ...(doc.pages !== undefined ? { pages: doc.pages } : {}),
      ...(doc.ocrPages?.length ? { ocr: ocrInfo(doc.ocrPages) } : {}),
    },
    cacheable: !doc.timedOut,
    heapBytes: heap.total_heap_size + heap.external_memory,
  };
}

/** A document the runner could not get a result for (worker crash, hang, unreadable file). */
export function failedResult(id: number, source: string, bytes: Uint8Array, error: string, ms = 0): TaskResult {
  return failedOf(id, newRecord(source, bytes), error, ms);
}

function failedOf(id: number, doc: DocumentRecord, error: string, ms: number): TaskResult {
  doc.status = 'failed';
  doc.error = error;
  return {
    id, status: 'failed', error, dataset: recordsOf(doc),
    info: { format: doc.format, ms: Math.round(ms), timings: {}, messages: [{ stage: 'run', severity: 'error', text: error }] },
    cacheable: false,
  };
}

/** A source whose bytes could not be had (not there, a dangling link, a failed download): a failed
 *  row whose doc_id comes from its name (no content to hash), so two such rows never share one. */
export function unreadResult(id: number, source: string, error: string): TaskResult {
  const doc = newRecord(source, new Uint8Array(0));
  doc.doc_id = createHash('sha256').update('unread\0' + source).digest('hex').slice(0, 16);
  doc.sha256 = '';
  return failedOf(id, doc, error, 0);
}

/** the resolutions a document's pages were read at by OCR, and those of their images (distinct, ascending) */
function ocrInfo(pages: NonNullable<DocumentRecord['ocrPages']>): OcrInfo {
  const distinct = (v: number[]): number[] => [...new Set(v)].sort((a, b) => a - b);
  return { pages: pages.length, dpi: distinct(pages.map((p) => p.dpi)), image_dpi: distinct(pages.map((p) => p.imageDpi)) };
}

function roundAll(t: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

/** a result whose dataset travels as JSON only (worker → pool): parsed when someone asks for it */
export function withLazyDataset(r: TaskResult): TaskResult {
  if (r.dataset || !r.serialized) return r;
  const json = r.serialized.dataset;
  let ds: Dataset | undefined;
  Object.defineProperty(r, 'dataset', { enumerable: true, configurable: true, get: () => (ds ??= JSON.parse(json) as Dataset), set: (v: Dataset) => { ds = v; } });
  return r;
}
