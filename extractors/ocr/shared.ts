// One process-wide OCR pool for the extractors: workers start on first use and close after a short
// idle time (tesseract.js workers are threads that keep the process alive), or on closeSharedPool().
// The facade stays valid: the next page after an idle close starts the workers again.
import os from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import { makePool } from './page-pool.js';
import { profiling } from './profile.js';
import type { OcrPool } from './types.js';

let inner: OcrPool | undefined;
let busy = 0;
let timer: NodeJS.Timeout | undefined;

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
/** inside a document worker of the runner (pipeline/runner/pool.ts): its share of the cores, so N
 *  document workers do not start N × cores tesseract instances (each ~300 MB with chi_sim) */
const share = !isMainThread && typeof (workerData as { ocrWorkers?: unknown } | null)?.ocrWorkers === 'number' ? (workerData as { ocrWorkers: number }).ocrWorkers : undefined;
/** (one worker while stages are profiled: one thing at a time, profile.ts) */
const size = profiling ? 1 : Math.max(1, Math.min(4, share ?? cores));
/** close the workers this long after the last page: 2 s in a process of its own (it can then end);
 *  30 s in a document worker of the runner, which ends its threads itself, so that the next
 *  scanned document finds the workers started (between two documents, reading the next file and
 *  laying out the last often takes over 2 s, and each start costs about a second of CPU) */
export const IDLE_CLOSE_MS = share === undefined ? 2000 : 30_000;

const facade: OcrPool = {
  size,
  async recognize(image, opts) {
    busy++;
    if (timer) clearTimeout(timer);
    timer = undefined;
    inner ??= makePool({ workers: size });
    try {
      return await inner.recognize(image, opts);
    } finally {
      busy--;
      if (busy === 0) {
        timer = setTimeout(() => void closeSharedPool(), IDLE_CLOSE_MS);
        timer.unref();
      }
    }
  },
  close: () => closeSharedPool(),
  runner(signal) {
    return {
      async run(image, opts) {
        busy++;
        if (timer) clearTimeout(timer);
        timer = undefined;
        inner ??= makePool({ workers: size });
        try {
          return await inner.runner(signal).run(image, opts);
        } finally {
          busy--;
          if (busy === 0) {
            timer = setTimeout(() => void closeSharedPool(), IDLE_CLOSE_MS);
            timer.unref();
          }
        }
      },
    };
  },
};

export async function sharedPool(): Promise<OcrPool> {
  return facade;
}

export async function closeSharedPool(): Promise<void> {
  if (busy > 0) return;
  const p = inner;
  inner = undefined;
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (p) await p.close();
}
