// One document → its dataset records as plain JSON (Decimals are strings there): what a worker
// thread, a queue worker or the in-process runner returns for a document.
import v8 from 'node:v8';
import { processDocument, newRecord } from '../process-document.js';
import { blocksOf, recordsOf, type Dataset } from '../../output/records.js';
import { headOf, type ResultInfo } from '../store/store.js';
import type { DocStatus, DocumentRecord } from '../../model/types.js';
import type { ExtractSettingsOverrides } from '../../extractors/settings.js';

export interface Task {
  id: number;
  source: string;
  bytes: Uint8Array;
  timeoutMs: number;
  /** false: pages without a text layer are not read by OCR */
  ocr?: boolean;
  charset?: string;
  /** layout and OCR threshold overrides (plain JSON: they travel to worker threads and queue workers) */
  settings?: ExtractSettingsOverrides;
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
export async function runTask(task: Task, keep?: (doc: DocumentRecord) => void, serialize = true): Promise<TaskResult> {
  const t0 = performance.now();
  const doc = await processDocument(task.source, task.bytes, {
    timeoutMs: task.timeoutMs,
    ...(task.ocr === false ? { ocr: false } : {}),
    ...(task.charset ? { charset: task.charset } : {}),
    ...(task.settings ? { settings: task.settings } : {}),
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
    },
    cacheable: !/per-document time limit/.test(doc.error),
    heapBytes: heap.total_heap_size + heap.external_memory,
  };
}

/** A document the runner could not get a result for (worker crash, hang, unreadable file). */
export function failedResult(id: number, source: string, bytes: Uint8Array, error: string, ms = 0): TaskResult {
  const doc = newRecord(source, bytes);
  doc.status = 'failed';
  doc.error = error;
  return {
    id, status: 'failed', error, dataset: recordsOf(doc),
    info: { format: doc.format, ms: Math.round(ms), timings: {}, messages: [{ stage: 'run', severity: 'error', text: error }] },
    cacheable: false,
  };
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
