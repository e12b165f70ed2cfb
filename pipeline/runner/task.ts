// One document → its dataset records as plain JSON (Decimals are strings there): what a worker
// thread, a queue worker or the in-process runner returns for a document.
import v8 from 'node:v8';
import { processDocument, newRecord } from '../process-document.js';
import { recordsOf, type Dataset } from '../../output/records.js';
import type { ResultInfo } from '../store/store.js';
import type { DocStatus, DocumentRecord } from '../types.js';

export interface Task {
  id: number;
  source: string;
  bytes: Uint8Array;
  timeoutMs: number;
  charset?: string;
}

export interface TaskResult {
  id: number;
  status: DocStatus;
  error: string;
  dataset: Dataset;
  info: ResultInfo;
  /** false when the outcome depends on the run (time limit, crash, memory): not stored, retried next run */
  cacheable: boolean;
  /** V8 heap of the isolate that ran it, bytes, sampled after the document */
  heapBytes?: number;
}

/** `keep` receives the full document record (in-process runs that keep records) */
export async function runTask(task: Task, keep?: (doc: DocumentRecord) => void): Promise<TaskResult> {
  const t0 = performance.now();
  const doc = await processDocument(task.source, task.bytes, { timeoutMs: task.timeoutMs, ...(task.charset ? { charset: task.charset } : {}) });
  keep?.(doc);
  const heap = v8.getHeapStatistics();
  return {
    id: task.id, status: doc.status, error: doc.error, dataset: recordsOf(doc),
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
