// Where documents are read: in this thread (library default, keeps full records), in a pool of
// worker threads (CLI default), or by queue workers on other machines (pipeline/queue).
import { closeSharedPool } from '../../extractors/ocr/shared.js';
import PQueue from 'p-queue';
import { failedResult, runTask, type Task, type TaskResult } from './task.js';
import { WorkerPool, type PoolOptions } from './pool.js';
import { failureLine } from '../process-document.js';
import type { DocumentRecord } from '../../model/types.js';

export interface Executor {
  readonly kind: string;
  readonly concurrency: number;
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
  stats(): Record<string, unknown>;
}

export class InProcessExecutor implements Executor {
  readonly kind = 'in-process';
  readonly concurrency = 1;
  private queue = new PQueue({ concurrency: 1 });
  constructor(private keep?: (doc: DocumentRecord) => void) {}
  run(task: Task): Promise<TaskResult> {
    return this.queue.add(async () => {
      try {
        return await runTask(task, this.keep, false); // records stay objects in this thread
      } catch (e) {
        return failedResult(task.id, task.source, task.bytes, `internal error while reading the document: ${failureLine(e)} (please report it with this file)`);
      }
    }) as Promise<TaskResult>;
  }
  async close(): Promise<void> {
    await this.queue.onIdle();
    // OCR workers (started only when a page needed OCR) must not keep the process alive
    await closeSharedPool();
  }
  stats(): Record<string, unknown> { return { kind: this.kind }; }
}

export class PoolExecutor implements Executor {
  readonly kind = 'worker-threads';
  private pool: WorkerPool;
  constructor(readonly opts: PoolOptions) { this.pool = new WorkerPool(opts); }
  get concurrency(): number { return this.opts.size; }
  run(task: Task): Promise<TaskResult> { return this.pool.run(task); }
  close(): Promise<void> { return this.pool.close(); }
  stats(): Record<string, unknown> { return { kind: this.kind, memory_mb: this.opts.memoryMb, ...this.pool.stats() }; }
}
