// A pool of tesseract.js workers, fully offline: the language models come from the npm data
// packages (linked into one folder under the OS temp dir, since tesseract.js wants every
// `<lang>.traineddata.gz` in one langPath), cacheMethod 'none' so nothing is written into the
// working folder. Workers are created lazily up to the pool size, reused, and recycled after a
// number of pages to bound the memory a long run can take.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Tesseract from 'tesseract.js';

export type Psm = '3' | '4' | '6' | '11';
/** 'standard': tessdata 4.0.0 (larger, most accurate here); 'small': 4.0.0_best_int */
export type ModelSet = 'standard' | 'small';

export interface PoolOptions {
  /** worker count (default: available cores, at most 4) */
  workers?: number;
  /** replace a worker after this many pages (default 40) */
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
}

export interface RawWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** index of the tesseract line the word belongs to */
  line: number;
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

/** One folder holding `<lang>.traineddata.gz` for the languages (links to the npm packages). */
export function languageFolder(langs: readonly string[], model: ModelSet = 'standard'): string {
  langDirs ??= new Map();
  const sub = model === 'small' ? '4.0.0_best_int' : '4.0.0';
  const sources = langs.map((l) => {
    const pkg = path.dirname(require.resolve(`@tesseract.js-data/${l}/package.json`));
    return path.join(pkg, sub, `${l}.traineddata.gz`);
  });
  const key = createHash('sha1').update(sources.join('|')).digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `fiscal-extract-tessdata-${key}`);
  for (let i = 0; i < langs.length; i++) {
    const target = path.join(dir, `${langs[i]}.traineddata.gz`);
    if (existsSync(target)) continue;
    mkdirSync(dir, { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      symlinkSync(sources[i]!, tmp);
    } catch {
      copyFileSync(sources[i]!, tmp);
    }
    try {
      renameSync(tmp, target);
    } catch {
      /* another process linked it first */
    }
  }
  return dir;
}

interface Slot {
  worker: Tesseract.Worker;
  jobs: number;
  busy: boolean;
  psm?: string;
  dpi?: string;
  whitelist?: string;
}

interface Job {
  image: Uint8Array;
  opts: RawJobOptions;
  resolve: (r: RawResult) => void;
  reject: (e: unknown) => void;
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

  private async spawn(): Promise<Slot> {
    const langPath = languageFolder(this.langs, this.model);
    const worker = await Tesseract.createWorker(this.langs, Tesseract.OEM.LSTM_ONLY, {
      langPath,
      cacheMethod: 'none',
      gzip: true,
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

  run(image: Uint8Array, opts: RawJobOptions = {}): Promise<RawResult> {
    if (this.closed) return Promise.reject(new Error('OCR pool is closed'));
    return new Promise<RawResult>((resolve, reject) => {
      this.queue.push({ image, opts, resolve, reject });
      this.pump();
    });
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
      void this.exec(slot, job);
    }
  }

  private async exec(slot: Slot, job: Job): Promise<void> {
    const t0 = performance.now();
    try {
      const psm = job.opts.psm ?? '4';
      const dpi = String(Math.round(job.opts.dpi ?? 200));
      const whitelist = job.opts.whitelist ?? '';
      if (slot.psm !== psm || slot.dpi !== dpi || (slot.whitelist ?? '') !== whitelist) {
        await slot.worker.setParameters({ tessedit_pageseg_mode: psm as Tesseract.PSM, user_defined_dpi: dpi, tessedit_char_whitelist: whitelist });
        slot.psm = psm;
        slot.dpi = dpi;
        slot.whitelist = whitelist;
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
      job.reject(e);
    } finally {
      slot.jobs++;
      slot.busy = false;
      if (slot.jobs >= this.recycleAfter && !this.closed) {
        this.ready = this.ready.filter((s) => s !== slot);
        void slot.worker.terminate().catch(() => undefined);
      }
      this.pump();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error('OCR pool closed'));
    await Promise.allSettled([...this.slots]);
    const ready = this.ready;
    this.ready = [];
    await Promise.all(ready.map((s) => s.worker.terminate().catch(() => undefined)));
  }
}
