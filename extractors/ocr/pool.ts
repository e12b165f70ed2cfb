// A pool of tesseract.js workers, fully offline: the language models come from the npm data
// packages, unpacked once into one folder under the OS temp dir (tesseract.js wants every
// `<lang>.traineddata` in one langPath) with only the parts the LSTM engine reads (lstm-model.ts:
// a worker then loads 8 MB instead of 68 MB), cacheMethod 'none' so nothing is written into the
// working folder. Workers are created lazily up to the pool size, reused, and recycled after a
// number of pages to bound the memory a long run can take. A job is independent of the worker that
// runs it and of what that worker read before (every parameter is set for the job; a worker whose
// job failed or was cancelled is replaced, never reused), so results do not depend on how many
// workers there are or in which order they finish. Images tesseract cannot take (a side over
// TESSERACT_MAX_SIDE) are refused before they are sent; a job can be cancelled (its signal), which
// ends the worker running it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Tesseract from 'tesseract.js';
import { encodePgm, type GreyImage } from './image.js';
import { lstmOnlyModel } from './lstm-model.js';
import { stageAsync } from './profile.js';

export type Psm = '3' | '4' | '6' | '11';
/** 'standard': tessdata 4.0.0 (larger, most accurate here); 'small': 4.0.0_best_int */
export type ModelSet = 'standard' | 'small';

export interface PoolOptions {
  /** worker count (default: available cores, at most 4) */
  workers?: number;
  /** replace a worker after this many page readings (default 40; re-reads of crops and probes do
   *  not count: a page makes up to a dozen jobs, and a worker restart costs a second) */
  recycleAfter?: number;
  /** languages, chi_sim first (default ['chi_sim', 'eng']) */
  langs?: string[];
  model?: ModelSet;
}

export interface RawJobOptions {
  psm?: Psm;
  dpi?: number;
  /** tesseract's own output wanted besides the blocks */
  tsv?: boolean;
  /** characters tesseract may return (tessedit_char_whitelist); default: any */
  whitelist?: string;
  /** the reading of a whole page (counts toward PoolOptions.recycleAfter) */
  page?: boolean;
  /** languages to read with when not the pool's (PoolOptions.langs): the job goes to workers of
   *  their own, started on first use, every job counting toward their recycling. A strip of number
   *  cells with a digit whitelist read by eng alone costs 40% of the CPU chi_sim+eng takes on it
   *  (tesseract tries every language on a line it finds doubtful), with the same reading. */
  langs?: readonly string[];
  /** false: a line tesseract is unsure of is not also read inverted, white on black
   *  (tessedit_do_invert 0); default: it is (tesseract's default) */
  invert?: boolean;
}

export interface RawWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** index of the tesseract line the word belongs to */
  line: number;
}

/** Tesseract refuses an image with a side longer than this (`Image too large: (w, h)`; its worker
 *  then answers `SyntaxError: Unexpected end of JSON input`): pixels, INT16_MAX. */
export const TESSERACT_MAX_SIDE = 32767;

/** A tesseract job that failed (the image, the engine) or was not run: the message says which. */
export class OcrJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcrJobError';
  }
}

/** A job given up because its signal aborted (the document's time ran out). */
export class OcrAbortedError extends Error {
  constructor() {
    super('OCR cancelled: time limit reached');
    this.name = 'OcrAbortedError';
  }
}

/** Runs OCR jobs on grey images for one page: the size checked, the page's signal passed on. */
export interface OcrRunner {
  run(image: GreyImage, opts?: RawJobOptions): Promise<RawResult>;
}

export interface RawResult {
  words: RawWord[];
  lines: { bbox: { x0: number; y0: number; x1: number; y1: number }; words: number }[];
  confidence: number;
  ms: number;
  tsv?: string;
}

const require = createRequire(import.meta.url);
let langDirs: Map<ModelSet, string> | undefined;

/** One folder holding `<lang>.traineddata` for the languages: the npm packages' models unpacked,
 *  with only the parts the LSTM engine reads (made once; a folder another process is filling is
 *  shared, each file written under a temporary name and renamed). */
export function languageFolder(langs: readonly string[], model: ModelSet = 'standard'): string {
  langDirs ??= new Map();
  const sub = model === 'small' ? '4.0.0_best_int' : '4.0.0';
  const sources = langs.map((l) => {
    const pkg = path.dirname(require.resolve(`@tesseract.js-data/${l}/package.json`));
    return path.join(pkg, sub, `${l}.traineddata.gz`);
  });
  const key = createHash('sha1').update(`lstm-only|${sources.join('|')}`).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `fiscal-extract-tessdata-${key}`);
  for (let i = 0; i < langs.length; i++) {
    const target = path.join(dir, `${langs[i]}.traineddata`);
    if (existsSync(target)) continue;
    mkdirSync(dir, { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, lstmOnlyModel(gunzipSync(readFileSync(sources[i]!))));
      renameSync(tmp, target);
    } catch (e) {
      rmSync(tmp, { force: true });
      // another process wrote it first; anything else is a real failure
      if (!existsSync(target)) throw e;
    }
  }
  return dir;
}

interface Slot {
  worker: Tesseract.Worker;
  /** pages read (RawJobOptions.page) */
  jobs: number;
  busy: boolean;
  /** ended: its job failed or was cancelled */
  discarded?: boolean;
  psm?: string;
  dpi?: string;
  whitelist?: string;
  invert?: string;
}

interface Job {
  image: Uint8Array;
  opts: RawJobOptions;
  resolve: (r: RawResult) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  /** the slot running it, once started */
  slot?: Slot;
  settled?: boolean;
}

export class TesseractPool {
  readonly size: number;
  private readonly recycleAfter: number;
  private readonly langs: string[];
  private readonly model: ModelSet;
  /** workers still starting */
  private slots = new Set<Promise<Slot>>();
  private ready: Slot[] = [];
  private queue: Job[] = [];
  private closed = false;
  private starting = 0;
  /** pools for jobs in other languages (RawJobOptions.langs), by language list */
  private others = new Map<string, TesseractPool>();
  /** pages recognised so far (for tests and the bench) */
  pages = 0;
  workersStarted = 0;

  constructor(opts: PoolOptions = {}) {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    this.size = Math.max(1, opts.workers ?? Math.min(4, cores));
    this.recycleAfter = Math.max(1, opts.recycleAfter ?? 40);
    this.langs = opts.langs ?? ['chi_sim', 'eng'];
    this.model = opts.model ?? 'standard';
  }

  private spawn(): Promise<Slot> {
    return stageAsync('worker-start', () => this.start());
  }

  private async start(): Promise<Slot> {
    const langPath = languageFolder(this.langs, this.model);
    const worker = await Tesseract.createWorker(this.langs, Tesseract.OEM.LSTM_ONLY, {
      langPath,
      cacheMethod: 'none',
      gzip: false,
      logger: () => undefined,
      errorHandler: () => undefined,
    });
    this.workersStarted++;
    return { worker, jobs: 0, busy: false };
  }

  /** Start the workers now instead of on first use. */
  async warm(): Promise<void> {
    while (this.ready.length + this.starting < this.size) this.grow();
    await Promise.all([...this.slots]);
  }

  private grow(): void {
    this.starting++;
    const p: Promise<Slot> = this.spawn().then(
      (s) => {
        this.starting--;
        this.slots.delete(p);
        if (this.closed) {
          void s.worker.terminate().catch(() => undefined);
          return s;
        }
        this.ready.push(s);
        this.pump();
        return s;
      },
      (e: unknown) => {
        this.starting--;
        this.slots.delete(p);
        // no worker could start: fail what waits (it would wait forever)
        if (this.ready.length === 0 && this.starting === 0) for (const j of this.queue.splice(0)) j.reject(e);
        throw e;
      },
    );
    p.catch(() => undefined);
    this.slots.add(p);
  }

  /** One job: `image` encoded (PGM, PNG, …). Rejects with OcrAbortedError when `signal` aborts
   *  first (a queued job is dropped, a running one ends its worker), with OcrJobError when
   *  tesseract fails on it. */
  run(image: Uint8Array, opts: RawJobOptions = {}, signal?: AbortSignal): Promise<RawResult> {
    if (this.closed) return Promise.reject(new Error('OCR pool is closed'));
    if (signal?.aborted) return Promise.reject(new OcrAbortedError());
    if (opts.langs && opts.langs.join('+') !== this.langs.join('+')) {
      const key = opts.langs.join('+');
      let other = this.others.get(key);
      if (!other) this.others.set(key, (other = new TesseractPool({ workers: this.size, recycleAfter: this.recycleAfter, langs: [...opts.langs], model: this.model })));
      // (its workers read no pages: every job counts toward their recycling)
      const job: RawJobOptions = { ...opts, page: true };
      delete job.langs;
      return other.run(image, job, signal);
    }
    return new Promise<RawResult>((resolve, reject) => {
      const job: Job = { image, opts, resolve, reject, ...(signal ? { signal } : {}) };
      const settle = (): void => {
        job.settled = true;
        signal?.removeEventListener('abort', onAbort);
      };
      job.resolve = (r) => { if (!job.settled) { settle(); resolve(r); } };
      job.reject = (e) => { if (!job.settled) { settle(); reject(e); } };
      const onAbort = (): void => {
        if (job.settled) return;
        const i = this.queue.indexOf(job);
        if (i >= 0) this.queue.splice(i, 1);
        else if (job.slot) this.discard(job.slot);
        job.reject(new OcrAbortedError());
        this.pump();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** A runner for one page's jobs: grey images checked against TESSERACT_MAX_SIDE (OcrJobError,
   *  nothing sent) and encoded, every job cancelled when `signal` aborts. */
  runner(signal?: AbortSignal): OcrRunner {
    return {
      run: (image, opts = {}) => {
        if (image.width > TESSERACT_MAX_SIDE || image.height > TESSERACT_MAX_SIDE) {
          return Promise.reject(new OcrJobError(`image too large for tesseract: ${image.width} × ${image.height} px (at most ${TESSERACT_MAX_SIDE} a side)`));
        }
        return stageAsync('tesseract', () => this.run(encodePgm(image), opts, signal));
      },
    };
  }

  /** Take a worker out of the pool and end it (its job failed or was cancelled: whatever state
   *  the failure left is never seen by another job). */
  private discard(slot: Slot): void {
    this.ready = this.ready.filter((s) => s !== slot);
    slot.discarded = true;
    void slot.worker.terminate().catch(() => undefined);
  }

  private pump(): void {
    if (this.closed) return;
    while (this.queue.length) {
      const slot = this.ready.find((s) => !s.busy);
      if (!slot) {
        const waiting = this.queue.length;
        if (this.ready.length + this.starting < this.size && waiting > this.starting) this.grow();
        return;
      }
      const job = this.queue.shift()!;
      slot.busy = true;
      job.slot = slot;
      void this.exec(slot, job);
    }
  }

  private async exec(slot: Slot, job: Job): Promise<void> {
    const t0 = performance.now();
    try {
      const psm = job.opts.psm ?? '4';
      const dpi = String(Math.round(job.opts.dpi ?? 200));
      const whitelist = job.opts.whitelist ?? '';
      const invert = job.opts.invert === false ? '0' : '1';
      if (slot.psm !== psm || slot.dpi !== dpi || (slot.whitelist ?? '') !== whitelist || (slot.invert ?? '1') !== invert) {
        await slot.worker.setParameters({ tessedit_pageseg_mode: psm as Tesseract.PSM, user_defined_dpi: dpi, tessedit_char_whitelist: whitelist, tessedit_do_invert: invert });
        slot.psm = psm;
        slot.dpi = dpi;
        slot.whitelist = whitelist;
        slot.invert = invert;
      }
      const r = await slot.worker.recognize(Buffer.from(job.image.buffer, job.image.byteOffset, job.image.byteLength), {}, {
        text: false,
        blocks: true,
        tsv: !!job.opts.tsv,
      });
      const words: RawWord[] = [];
      const lines: RawResult['lines'] = [];
      for (const b of r.data.blocks ?? []) {
        for (const p of b.paragraphs) {
          for (const l of p.lines) {
            const li = lines.length;
            lines.push({ bbox: l.bbox, words: l.words.length });
            for (const w of l.words) {
              // a first word's box sometimes spans its whole line (chi_sim): its symbols are right
              let bbox = w.bbox;
              if (w.symbols?.length) {
                const s = w.symbols;
                bbox = {
                  x0: Math.min(...s.map((q) => q.bbox.x0)),
                  y0: Math.min(...s.map((q) => q.bbox.y0)),
                  x1: Math.max(...s.map((q) => q.bbox.x1)),
                  y1: Math.max(...s.map((q) => q.bbox.y1)),
                };
              }
              words.push({ text: w.text, confidence: w.confidence, bbox, line: li });
            }
          }
        }
      }
      this.pages++;
      const out: RawResult = { words, lines, confidence: r.data.confidence, ms: performance.now() - t0 };
      if (r.data.tsv) out.tsv = r.data.tsv;
      job.resolve(out);
    } catch (e) {
      // (tesseract.js rejects with a string: `SyntaxError: Unexpected end of JSON input` when
      // tesseract refused the image)
      if (!slot.discarded && !this.closed) this.discard(slot);
      job.reject(new OcrJobError(`tesseract failed: ${String(e instanceof Error ? e.message : e).split('\n')[0]!.slice(0, 200)}`));
    } finally {
      if (job.opts.page) slot.jobs++;
      slot.busy = false;
      if (slot.jobs >= this.recycleAfter && !this.closed && !slot.discarded) this.discard(slot);
      this.pump();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const others = [...this.others.values()];
    this.others.clear();
    await Promise.all(others.map((p) => p.close()));
    for (const j of this.queue.splice(0)) j.reject(new Error('OCR pool closed'));
    await Promise.allSettled([...this.slots]);
    const ready = this.ready;
    this.ready = [];
    await Promise.all(ready.map((s) => s.worker.terminate().catch(() => undefined)));
  }
}
