// A pool of worker threads, one document each at a time (p-queue keeps every worker busy). pdf.js
// runs on the thread's own event loop, so two workers use both cores. A worker that crashes,
// runs out of its memory ceiling or hangs past the hard limit costs one document: the document is
// recorded `failed` with a one-line reason and the worker is replaced.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import { failedResult, withLazyDataset, type Task, type TaskResult } from './task.js';

export interface PoolOptions {
  size: number;
  /** per-document time limit, ms: the document's own limit before OCR; the worker is killed after
   *  limit + grace. A document read by OCR grows its limit (the worker tells the pool), and the
   *  hard limit follows. */
  timeoutMs: number;
  /** heap ceiling per worker (V8 old generation), MB */
  memoryMb: number;
  /** ms past the time limit before a worker is terminated (default 30 000: a document whose time
   *  ran out still hands back the pages it read and runs the later stages on them) */
  graceMs?: number;
  /** worker entry (tests inject faults through their own entry) */
  workerUrl?: URL;
}

interface Slot { worker: Worker | null; busy: boolean; peakHeap: number; documents: number }

interface PoolStats { workers: number; replaced: number; crashed: number; hung: number; outOfMemory: number; peakHeapMb: number[] }

const isSource = import.meta.url.endsWith('.ts');
/** running from the TypeScript sources (tests): workers need the dev loader */
function workerExecArgv(): string[] {
  if (!isSource) return [];
  return ['--import', fileURLToPath(new URL('../../tests/runner/ts-register.mjs', import.meta.url))];
}

/** The young generation (V8 semi-spaces) per worker: an eighth of the heap ceiling, at most 64 MB.
 *  128 MB was tried: 300 PDF/text variants with two workers 23.3 s → 20.6 s, but 1,000 no faster
 *  (60.3 s → 62.8 s) and the peak heap per worker 513 MB against the 500 MB budget. */
function youngGenerationMb(memoryMb: number): number {
  return Math.min(64, Math.max(8, Math.round(memoryMb / 8)));
}

export class WorkerPool {
  private slots: Slot[];
  private queue: PQueue;
  private counters = { replaced: 0, crashed: 0, hung: 0, outOfMemory: 0 };
  private workerUrl: URL;

  constructor(private opts: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.size) }, () => ({ worker: null, busy: false, peakHeap: 0, documents: 0 }));
    this.queue = new PQueue({ concurrency: this.slots.length });
    this.workerUrl = opts.workerUrl ?? new URL(isSource ? './worker.ts' : './worker.js', import.meta.url);
  }

  /** resolves with the document's result; never rejects for a document's fault */
  run(task: Task): Promise<TaskResult> {
    return this.queue.add(() => this.exec(task)) as Promise<TaskResult>;
  }

  stats(): PoolStats {
    return { workers: this.slots.length, ...this.counters, peakHeapMb: this.slots.map((s) => Math.round(s.peakHeap / 1048576)) };
  }

  async close(): Promise<void> {
    await this.queue.onIdle();
    await Promise.all(this.slots.map(async (s) => { const w = s.worker; s.worker = null; if (w) await w.terminate(); }));
  }

  private spawn(): Worker {
    const w = new Worker(this.workerUrl, {
      execArgv: workerExecArgv(),
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb, maxYoungGenerationSizeMb: youngGenerationMb(this.opts.memoryMb) },
      stdout: false, stderr: false,
      // OCR inside the worker uses its share of the cores (extractors/ocr/shared.ts)
      workerData: { ocrWorkers: Math.max(1, Math.floor(availableParallelism() / this.slots.length)) },
    });
    w.on('error', () => undefined); // reported through the per-task listener; never an uncaught event
    w.unref();
    return w;
  }

  /** A free slot, marked busy, with a live worker (a new one in place of one discarded). */
  private acquire(): { slot: Slot; worker: Worker } {
    const slot = this.slots.find((s) => !s.busy)!;
    slot.busy = true;
    if (slot.worker === null) {
      slot.worker = this.spawn();
      if (slot.documents > 0) this.counters.replaced++;
    }
    return { slot, worker: slot.worker };
  }

  private exec(task: Task): Promise<TaskResult> {
    const { slot, worker } = this.acquire();
    const t0 = performance.now();
    // the bytes travel to the worker without a copy; keep a copy for a failure record
    const keep = task.bytes;
    const bytes = new Uint8Array(keep);
    return new Promise<TaskResult>((resolve) => {
      let settled = false;
      const finish = (r: TaskResult, discard: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage); worker.off('error', onError); worker.off('exit', onExit);
        slot.busy = false;
        slot.documents++;
        if (discard) {
          slot.worker = null;
          void worker.terminate().catch(() => undefined);
        }
        resolve(r);
      };
      const fail = (why: string) => failedResult(task.id, task.source, keep, why, performance.now() - t0);
      const onMessage = (m: TaskResult | { id: number; fatal: string } | { id: number; limitMs: number }) => {
        if (m.id !== task.id) return;
        if ('limitMs' in m) {
          // the document's limit grew with its pages read by OCR
          limitMs = Math.max(this.opts.timeoutMs, m.limitMs);
          clearTimeout(timer);
          timer = setTimeout(onHang, Math.max(0, t0 + limitMs + graceMs - performance.now()));
          return;
        }
        if ('fatal' in m) { finish(fail(`internal error while reading the document: ${m.fatal.split('\n')[0]} (please report it with this file)`), false); return; }
        if (m.heapBytes) slot.peakHeap = Math.max(slot.peakHeap, m.heapBytes);
        finish(withLazyDataset(m), false);
      };
      const onError = (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          this.counters.outOfMemory++;
          finish(fail(`ran out of memory (worker limit ${this.opts.memoryMb} MB): the file is unusually large or damaged; raise --memory to retry`), true);
        } else {
          this.counters.crashed++;
          finish(fail(`the worker reading this document crashed: ${(e.message || String(e)).split('\n')[0]!.slice(0, 200)} (please report it with this file)`), true);
        }
      };
      const onExit = (code: number) => {
        this.counters.crashed++;
        finish(fail(`the worker reading this document exited unexpectedly (code ${code}) (please report it with this file)`), true);
      };
      const graceMs = this.opts.graceMs ?? 30_000;
      let limitMs = this.opts.timeoutMs;
      const onHang = (): void => {
        this.counters.hung++;
        finish(fail(`gave up after ${Math.round(limitMs / 1000)} s (time limit; the worker did not respond and was replaced): the file may be damaged or unusually large; raise --timeout to retry`), true);
      };
      let timer = setTimeout(onHang, limitMs + graceMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...task, bytes }, [bytes.buffer as ArrayBuffer]);
    });
  }
}
