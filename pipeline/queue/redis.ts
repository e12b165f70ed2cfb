// Ingestion beyond one machine: documents as jobs on a BullMQ queue in Redis. The producer
// (`fiscal-extract ingest … --queue redis://…`) sends each document that the state does not
// already hold — its bytes travel in the job, so workers need no shared file system — and waits
// for the records; any number of `fiscal-extract worker --redis redis://…` processes, on any
// machine that reaches Redis, read documents with their own worker-thread pools. The producer
// assembles and writes the dataset exactly as a single-machine run does, so the output is the same.
// Job ids are the result keys (bytes + extractor version): a document queued twice is read once,
// and a producer restarted after a crash picks up results that finished meanwhile.
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { failedResult, type Task, type TaskResult } from '../runner/task.js';
import { WorkerPool } from '../runner/pool.js';
import type { Executor } from '../runner/executors.js';
import { extractorVersion } from '../runner/extractor-version.js';
import { resultKey, sha256Of } from '../runner/key.js';
import { correctionsTag } from '../corrections-file.js';
import type { DocCorrections } from '../../normalizers/corrections/apply.js';
import { resolveExtractSettings, settingsTag, type ExtractSettingsOverrides } from '../../extractors/settings.js';
import { DEFAULT_PAGE_TIMEOUT_MS } from '../process-document.js';

const DEFAULT_QUEUE = 'fiscal-extract';

interface JobData { source: string; bytes: string; timeoutMs: number; pageTimeoutMs?: number; ocr?: boolean; charset?: string; settings?: ExtractSettingsOverrides; corrections?: DocCorrections; version: string }

function connect(url: string): Redis {
  if (!/^rediss?:\/\//.test(url)) throw new Error(`not a Redis URL: ${url} (expected redis://host:port)`);
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

interface QueueExecutorOptions { url: string; queueName?: string; timeoutMs: number; inflight?: number }

export class QueueExecutor implements Executor {
  readonly kind = 'bullmq';
  readonly concurrency: number;
  private conn: Redis;
  private eventsConn: Redis;
  private queue: Queue;
  private events: QueueEvents;
  private ready: Promise<unknown>;
  private counts = { queued: 0, completed: 0, failed: 0, already_done: 0 };

  constructor(private opts: QueueExecutorOptions) {
    this.concurrency = opts.inflight ?? 16;
    this.conn = connect(opts.url);
    this.eventsConn = connect(opts.url);
    const name = opts.queueName ?? DEFAULT_QUEUE;
    this.queue = new Queue(name, { connection: this.conn });
    this.events = new QueueEvents(name, { connection: this.eventsConn });
    this.ready = this.events.waitUntilReady();
  }

  async run(task: Task): Promise<TaskResult> {
    await this.ready;
    const version = extractorVersion();
    // other settings or corrections, other results: another job
    const jobId = resultKey(sha256Of(task.bytes), version + settingsTag(resolveExtractSettings(task.settings)) + (task.corrections ? correctionsTag(task.corrections) : ''), task.charset ?? '');
    const data: JobData = {
      source: task.source, bytes: Buffer.from(task.bytes).toString('base64'), timeoutMs: task.timeoutMs, version,
      ...(task.pageTimeoutMs !== undefined ? { pageTimeoutMs: task.pageTimeoutMs } : {}),
      ...(task.ocr === false ? { ocr: false } : {}), ...(task.charset ? { charset: task.charset } : {}), ...(task.settings ? { settings: task.settings } : {}),
      ...(task.corrections ? { corrections: task.corrections } : {}),
    };
    let job: Job | undefined;
    try {
      job = await this.queue.add('document', data, { jobId, attempts: 2, backoff: { type: 'fixed', delay: 1000 }, removeOnComplete: { age: 24 * 3600, count: 100_000 }, removeOnFail: { age: 24 * 3600 } });
      this.counts.queued++;
      // the hard limit of the worker (a scan of up to 100 pages read by OCR) plus queueing time:
      // generous, a stalled job is retried by BullMQ
      const hardMs = task.timeoutMs + 100 * (task.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS) + 40_000;
      const r = (await job.waitUntilFinished(this.events, hardMs * 20)) as TaskResult;
      this.counts.completed++;
      return { ...r, id: task.id };
    } catch (e) {
      this.counts.failed++;
      await job?.remove().catch(() => undefined); // so that the next run tries again
      return failedResult(task.id, task.source, task.bytes, `the queue worker failed on this document: ${((e as Error).message ?? String(e)).split('\n')[0]}`);
    }
  }

  stats(): Record<string, unknown> { return { kind: this.kind, queue: this.opts.queueName ?? DEFAULT_QUEUE, ...this.counts }; }

  async close(): Promise<void> {
    await this.events.close();
    await this.queue.close();
    this.conn.disconnect();
    this.eventsConn.disconnect();
  }
}

interface QueueWorkerOptions { url: string; queueName?: string; concurrency: number; timeoutMs: number; memoryMb: number; log?: (s: string) => void }

interface QueueWorkerHandle { close(): Promise<void>; processed(): number }

/** a queue worker: takes document jobs and reads them in its own worker-thread pool */
export async function startQueueWorker(o: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const pool = new WorkerPool({ size: o.concurrency, timeoutMs: o.timeoutMs, memoryMb: o.memoryMb });
  const conn = connect(o.url);
  const mine = extractorVersion();
  let n = 0;
  const worker = new Worker<JobData, TaskResult>(o.queueName ?? DEFAULT_QUEUE, async (job) => {
    const d = job.data;
    if (d.version !== mine) o.log?.(`warning: job ${job.id} was queued by extractor ${d.version}, this worker is ${mine}`);
    const bytes = new Uint8Array(Buffer.from(d.bytes, 'base64'));
    const r = await pool.run({ id: n, source: d.source, bytes, timeoutMs: d.timeoutMs, ...(d.pageTimeoutMs !== undefined ? { pageTimeoutMs: d.pageTimeoutMs } : {}), ...(d.ocr === false ? { ocr: false } : {}), ...(d.charset ? { charset: d.charset } : {}), ...(d.settings ? { settings: d.settings } : {}), ...(d.corrections ? { corrections: d.corrections } : {}) });
    n++;
    o.log?.(`${r.status.padEnd(7)} ${d.source}${r.error ? ': ' + r.error : ''}`);
    return r;
  }, { connection: conn, concurrency: o.concurrency, maxStalledCount: 1, lockDuration: 60_000 });
  await worker.waitUntilReady();
  return {
    processed: () => n,
    async close() {
      await worker.close();
      await pool.close();
      conn.disconnect();
    },
  };
}
