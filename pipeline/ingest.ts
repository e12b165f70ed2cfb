// The main job: read every input document and build the dataset. Documents are read
// concurrently (worker threads or queue workers when asked), results arrive in any order, the
// dataset is assembled in source order, so the same inputs always give the same bytes.
// Incremental with a state file: a document whose bytes and extractor version are unchanged is
// not read again; its records come from the store, so every run writes the complete dataset.
// A document that fails is recorded with its reason and the run goes on.
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import PQueue from 'p-queue';
import type { DocumentRecord } from '../model/types.js';
import { emptyDataset, appendDataset, blocksOf, budgetLinesBlockOf, type Dataset, type DocBlocks, type DocumentRow } from '../output/records.js';
import { writeDatasetStream, writeParquetRunFiles, type DatasetPart } from '../output/write-dataset.js';
import { writeExcelVariant } from '../output/excel.js';
import { writeParquet, type ParquetDoc, type ParquetStats } from '../output/parquet.js';
import { VERSION } from './version.js';
import { resolveSources, type SourceItem } from './runner/sources.js';
import { extractorVersion } from './runner/extractor-version.js';
import { resultKey } from './runner/key.js';
import { unreadResult, type TaskResult } from './runner/task.js';
import { InProcessExecutor, PoolExecutor, type Executor } from './runner/executors.js';
import type { DocumentDone, ProgressSink } from './runner/progress.js';
import { Store, headOf, type OcrInfo, type ResultInfo } from './store/store.js';
import { BlobStore } from './store/blobs.js';
import { Fetcher, type FetchOptions } from '../corpus/fetch.js';
import { loadManifest, type ManifestEntry } from '../corpus/manifest.js';
import { runHealth, type RunHealth } from '../output/health.js';
import { resolveExtractSettings, settingsTag, type ExtractSettingsOverrides } from '../extractors/settings.js';
import { DEFAULT_PAGE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, docIdOf } from './process-document.js';
import { correctionsFor, correctionsNotInRun, correctionsPath, correctionsTag, readCorrections } from './corrections-file.js';
import type { Correction } from '../normalizers/corrections/correction.js';
import { NoInputsError } from './inputs.js';
import { lockOutput } from './output-lock.js';

export interface IngestOptions {
  /** output folder; when absent nothing is written (library use) */
  out?: string;
  /** time limit per document, ms (default 120 s), grown by `pageTimeoutMs` for each page read by OCR */
  timeoutMs?: number;
  /** time limit per page read by OCR, ms (default 60 s); a document whose time runs out keeps the
   *  pages read so far (partial; checks.csv names the pages not read) */
  pageTimeoutMs?: number;
  /** read pages and images without a text layer by OCR (default true; `--no-ocr` sets false) */
  ocr?: boolean;
  /** layout and OCR threshold overrides, any subset at any depth (extractors/layout/settings.ts and
   *  extractors/ocr/settings.ts document each one and its default); checked before anything is
   *  read (SettingsError, one line naming the key) */
  settings?: ExtractSettingsOverrides;
  /** called after each document, in completion order */
  onDocument?: (doc: DocumentDone, index: number, total: number) => void;
  /** a progress display (CLI) */
  progress?: ProgressSink;
  /** keep the full document records (blocks, tables) in the result; reads in this thread, no state */
  keepRecords?: boolean;
  /** worker threads; 0 (default) reads in this thread */
  workers?: number;
  /** heap ceiling per worker thread, MB (default 2048) */
  memoryMb?: number;
  /** SQLite state file for incremental runs; absent: no state (everything is read) */
  state?: string;
  /** manifest files (JSON or TSV) and/or parsed entries */
  manifests?: string[];
  manifestEntries?: ManifestEntry[];
  /** HTTP fetching of URL inputs */
  fetch?: FetchOptions;
  /** also write the Excel-friendly CSV variant (UTF-8 BOM, formula-escaped text) into <out>/excel/ */
  excel?: boolean;
  /** the dataset files: `csv` (default), `parquet` (<out>/parquet/, partitioned by fiscal year and
   *  issuer, only changed partitions rewritten; no CSV files) or `both` */
  format?: OutputFormat;
  /** reviewers' corrections (corrections.csv, SCHEMA.md) applied before the checks: this file; by
   *  default <out>/corrections.csv when it exists; false: none. A bad file throws CorrectionsError */
  corrections?: string | false;
  /** read documents elsewhere (e.g. queue workers: pipeline/queue); overrides `workers` */
  executor?: Executor;
  /** when another run holds the output folder's lock, wait this long for it, ms (default 0: stop
   *  at once with OutputLockedError) */
  waitLockMs?: number;
}

export interface IngestResult extends Dataset {
  run: RunSummary;
  records?: DocumentRecord[];
}

export interface RunSummary {
  tool: string;
  version: string;
  started: string;
  finished: string;
  inputs: string[];
  options: Record<string, unknown>;
  counts: { documents: number; ok: number; partial: number; failed: number; tables: number; facts: number; checks_failed: number; performance_forms: number; indicators: number; pages: number };
  stage_ms: Record<string, number>;
  /** `ocr`: pages read by OCR, the resolutions (dpi) they were read at and their images had */
  documents: { doc_id: string; source: string; status: string; error: string; ms: number; reused: boolean; messages: { stage: string; severity: string; text: string }[]; ocr?: OcrInfo }[];
  missing_inputs: string[];
  /** entries not read on purpose (a folder reached again through a symbolic link, a FIFO) and a
   *  dead run's lock taken over, one line each */
  warnings: string[];
  /** what this run read and what it reused from the state */
  incremental: { state: string | null; extractor_version: string; read: number; reused: number; not_stored: number };
  executor: Record<string, unknown>;
  throughput: { wall_ms: number; documents_per_s: number; pages_per_s: number };
  failures: { source: string; error: string }[];
  fetch: { urls: number; downloaded: number; not_modified: number; failed: number; attempts: number };
  /** verified share, unknown measures and tables, missing standard tables, failed identities (output/health.ts) */
  health?: RunHealth;
  /** the Parquet files (format parquet or both): partitions, partitions rewritten and removed, bytes */
  parquet?: ParquetStats;
  /** the corrections file applied, its rows, and the rows that name no document of the run */
  corrections?: { file: string; rows: number; not_in_run: { row: number; doc_id: string; source: string }[] };
}

/** what the main thread keeps per document until the dataset is written: small, the records
 *  themselves stay in the store (or, not stored, in `result`/`blocks`) */
interface Outcome { item: SourceItem; key: string; reused: boolean; doc: DocumentRow; counts: DocBlocks['counts']; info: ResultInfo; cacheable: boolean; result?: TaskResult; blocks?: DocBlocks }

/** the documents.csv row as written: this source's name, the manifest's metadata where the document printed none */
function finalDoc(o: Outcome): DocumentRow {
  const d = { ...o.doc, source: o.item.source }; // the same bytes may have been stored under another name
  if (!d.issuer && o.item.meta.issuer) d.issuer = o.item.meta.issuer;
  if (!d.fiscal_year && o.item.meta.fiscal_year) d.fiscal_year = o.item.meta.fiscal_year;
  return d;
}

const round = (n: number) => Math.round(n);

/** What a run holds while its documents are read. */
interface RunContext {
  opts: IngestOptions;
  timeoutMs: number;
  pageTimeoutMs: number;
  /** results read without OCR are not the same results: they are stored apart */
  ocr: boolean;
  version: string;
  /** the documents read in this thread when the caller keeps records */
  records: DocumentRecord[];
  store: Store | undefined;
  fetcher: Fetcher;
  executor: Executor;
  /** milliseconds per stage, summed over documents */
  stage: Record<string, number>;
  fetchStats: RunSummary['fetch'];
  /** the corrections file applied (correctionsPath) and its rows */
  correctionsFile: string | undefined;
  corrections: Correction[];
}

const addStage = (run: RunContext, k: string, ms: number): void => { run.stage[k] = (run.stage[k] ?? 0) + ms; };

/** The run's state file, fetcher and executor (worker threads, this thread, or the caller's). */
function openRun(opts: IngestOptions): RunContext {
  const correctionsFile = correctionsPath(opts.corrections, opts.out);
  const corrections = correctionsFile ? readCorrections(correctionsFile) : [];
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pageTimeoutMs = opts.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const ocr = opts.ocr !== false;
  // bad settings fail the call here, not every document; other settings, other stored results
  const settingsKey = settingsTag(resolveExtractSettings(opts.settings));
  const version = extractorVersion() + (ocr ? '' : '+no-ocr') + settingsKey;
  const records: DocumentRecord[] = [];
  const store = opts.state && !opts.keepRecords ? new Store(opts.state) : undefined;
  const blobs = opts.state ? new BlobStore(join(dirname(opts.state), 'blobs')) : undefined;
  const fetcher = new Fetcher({ ...opts.fetch, ...(store ? { store } : {}), ...(blobs ? { blobs } : {}) });
  const executor: Executor = opts.keepRecords
    ? new InProcessExecutor((d) => records.push(d))
    : opts.executor ?? ((opts.workers ?? 0) > 0
      ? new PoolExecutor({ size: opts.workers!, timeoutMs, memoryMb: opts.memoryMb ?? 2048 })
      : new InProcessExecutor());
  const fetchStats = { urls: 0, downloaded: 0, not_modified: 0, failed: 0, attempts: 0 };
  return { opts, timeoutMs, pageTimeoutMs, ocr, version, records, store, fetcher, executor, stage: {}, fetchStats, correctionsFile, corrections };
}

/** a task's corrections: the document's share of the file, when it has one */
function docCorrections(run: RunContext, sha: string, source: string): { corrections?: ReturnType<typeof correctionsFor> } {
  if (!run.corrections.length) return {};
  const set = correctionsFor(run.corrections, docIdOf(sha), source);
  return set.apply.length || set.stale.length ? { corrections: set } : {};
}

/** the extractor version a document's result is stored under: the run's, and the document's corrections */
function versionFor(run: RunContext, sha: string, source: string): string {
  return run.corrections.length ? run.version + correctionsTag(correctionsFor(run.corrections, docIdOf(sha), source)) : run.version;
}

export async function ingest(inputs: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const started = new Date();
  const t0 = performance.now();
  const manifest = [...(opts.manifestEntries ?? []), ...(opts.manifests ?? []).flatMap((m) => loadManifest(m))];
  const { items, missing, skipped } = resolveSources(inputs, manifest);
  // a usage error touches nothing: inputs and settings are checked before the output folder
  checkSomethingToRead(items, missing);
  resolveExtractSettings(opts.settings);
  const lock = opts.out ? await lockOutput(opts.out, { ...(opts.waitLockMs ? { waitMs: opts.waitLockMs } : {}) }) : undefined;
  try {
    const warnings = [...skipped, ...(lock?.warning ? [lock.warning] : [])];
    return await ingestLocked(inputs, opts, items, { started, t0, missing, warnings });
  } finally {
    lock?.release();
  }
}

/** Every input named is missing: a usage error (NoInputsError), found before anything is written. */
function checkSomethingToRead(items: SourceItem[], missing: string[]): void {
  if (items.some((i) => !i.notFound)) return;
  const why = [...items.map((i) => i.error ?? i.source), ...missing];
  throw new NoInputsError(`nothing to ingest: ${why.length ? why.join('; ') : 'no inputs'}`);
}

async function ingestLocked(inputs: string[], opts: IngestOptions, items: SourceItem[], what: { started: Date; t0: number; missing: string[]; warnings: string[] }): Promise<IngestResult> {
  const { started, t0, missing } = what;
  const run = openRun(opts);
  const { store } = run;
  const runId = store?.startRun(started.toISOString());

  const outcomes = await readAll(run, items);

  // assemble in source order (items are sorted), from this run's results or the store: the
  // summary from what each outcome keeps, the files streamed from each document's blocks
  const ta = performance.now();
  const ordered = items.map((item) => outcomes.get(item)!);
  const finals = ordered.map(finalDoc);
  const summary = summarize(run, { inputs, started, missing, warnings: what.warnings }, ordered, finals);
  addStage(run, 'assemble', performance.now() - ta);
  const materialise = materialiser(ordered, finals, store, opts.state);
  if (opts.out) {
    const out = opts.out;
    const tw = performance.now();
    const format = opts.format ?? 'csv';
    if (opts.excel) writeExcelVariant(materialise(), join(out, 'excel'));
    if (format !== 'csv') summary.parquet = await parquetOrWarning(parquetDocs(ordered, finals, store), out, summary);
    const runInfo = () => {
      finishSummary(summary, run, t0);
      return summary as unknown as Record<string, unknown>;
    };
    if (format !== 'parquet') writeDatasetStream(datasetParts(ordered, finals, store), out, runInfo, { parquet: format === 'both' });
    else writeParquetRunFiles(out, runInfo);
    addStage(run, 'write', performance.now() - tw);
  }
  finishSummary(summary, run, t0);
  if (store) { store.finishRun(runId!, summary.finished, { counts: summary.counts, incremental: summary.incremental }); store.close(); }
  const result = libraryResult(summary, materialise);
  if (opts.keepRecords) result.records = run.records.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return result;
}

/** Every document, a few read ahead of the executor (never the whole corpus in memory); reports
 *  each one as it finishes. */
async function readAll(run: RunContext, items: SourceItem[]): Promise<Map<SourceItem, Outcome>> {
  const { opts, executor } = run;
  const outcomes = new Map<SourceItem, Outcome>();
  let done = 0;
  opts.progress?.start(items.length);
  const report = (o: Outcome, ms: number) => {
    const d = o.doc;
    const info: DocumentDone = {
      source: o.item.source, doc_id: d.doc_id, status: d.status, error: d.error, n_tables: o.counts.tables, n_facts: o.counts.facts,
      n_forms: o.counts.performance, ms: round(ms), reused: o.reused, ...(d.pages ? { pages: Number(d.pages) } : {}),
    };
    opts.progress?.done(info);
    opts.onDocument?.(info, done++, items.length);
  };
  const handle = async (item: SourceItem, id: number): Promise<void> => {
    const ta = performance.now();
    const o = await readDocument(run, item, id);
    outcomes.set(item, o);
    report(o, performance.now() - ta);
  };
  const feeder = new PQueue({ concurrency: Math.max(2, executor.concurrency * 2) });
  try {
    await Promise.all(items.map((item, i) => feeder.add(() => handle(item, i))));
  } finally {
    await executor.close();
  }
  return outcomes;
}

/** A source's bytes and sha256; for a file unchanged on disk whose result is stored, the stored
 *  sha256 alone (the bytes are not even read). */
interface SourceRead {
  bytes?: Uint8Array;
  sha?: string;
  charset?: string;
  /** the file's size and mtime, remembered with its result */
  seen?: { source: string; sha256: string; size: number; mtime_ms: number };
  error?: string;
}

async function readSource(run: RunContext, item: SourceItem): Promise<SourceRead> {
  const { store, fetchStats } = run;
  const r: SourceRead = {};
  if (item.error !== undefined) r.error = item.error;
  else if (item.kind === 'file') {
    const path = item.path ?? item.source;
    try {
      const st = statSync(path);
      const prev = store?.getSeen(item.source);
      if (prev && prev.size === st.size && prev.mtime_ms === Math.floor(st.mtimeMs) && store!.hasResult(resultKey(prev.sha256, versionFor(run, prev.sha256, item.source)))) r.sha = prev.sha256;
      else {
        const tr = performance.now();
        r.bytes = new Uint8Array(readFileSync(path));
        addStage(run, 'read', performance.now() - tr);
        r.sha = createHash('sha256').update(r.bytes).digest('hex');
      }
      r.seen = { source: item.source, sha256: r.sha, size: st.size, mtime_ms: Math.floor(st.mtimeMs) };
    } catch (e) {
      r.error = `cannot read the file: ${(e as Error).message.split('\n')[0]}`;
    }
  } else {
    fetchStats.urls++;
    const tf = performance.now();
    const f = await run.fetcher.fetch(item.source);
    addStage(run, 'fetch', performance.now() - tf);
    fetchStats.attempts += f.attempts;
    if (f.ok) {
      r.bytes = f.bytes; r.sha = f.sha256; r.charset = f.charset;
      if (f.notModified) fetchStats.not_modified++; else fetchStats.downloaded++;
    } else { fetchStats.failed++; r.error = f.error; }
  }
  return r;
}

/** One document: its bytes (or, unchanged on disk and stored, not even those), then its result
 *  from the store or from the executor. */
async function readDocument(run: RunContext, item: SourceItem, id: number): Promise<Outcome> {
  const { store } = run;
  const src = await readSource(run, item);
  if (src.error !== undefined || src.sha === undefined) {
    const r = unreadResult(id, item.source, src.error ?? 'cannot read the document');
    const blocks = blocksOf(r.dataset);
    return { item, key: '', reused: false, doc: blocks.doc, counts: blocks.counts, info: r.info, cacheable: false, result: r, blocks };
  }
  const key = resultKey(src.sha, versionFor(run, src.sha, item.source), src.charset ?? '');
  const stored = store ? store.getHead(key) ?? storedBlocks(store, key) : undefined;
  if (stored) {
    const o: Outcome = { item, key, reused: true, doc: stored.doc, counts: stored.counts, info: store!.getInfo(key)!, cacheable: true };
    if (src.seen && src.bytes) store!.putSeen(src.seen); // same bytes, new mtime: remember, skip the read next time
    return o;
  }
  return executeDocument(run, item, id, key, { ...src, sha: src.sha });
}

/** Read a document with the executor; store its result when it can be reused. */
async function executeDocument(run: RunContext, item: SourceItem, id: number, key: string, src: SourceRead & { sha: string }): Promise<Outcome> {
  const { store, version, ocr } = run;
  const bytes = src.bytes ?? new Uint8Array(readFileSync(item.path ?? item.source));
  const r = await run.executor.run({ id, source: item.source, bytes, timeoutMs: run.timeoutMs, pageTimeoutMs: run.pageTimeoutMs, ...(ocr ? {} : { ocr: false }), ...(src.charset ? { charset: src.charset } : {}), ...(run.opts.settings ? { settings: run.opts.settings } : {}), ...docCorrections(run, src.sha, item.source) });
  for (const [k, v] of Object.entries(r.info.timings)) addStage(run, k, v);
  const ts = performance.now();
  const storeIt = !!store && r.cacheable;
  // stored: only the documents row and counts are parsed here (made and serialised by the worker)
  let blocks: DocBlocks | undefined;
  const head = storeIt && r.serialized?.head ? JSON.parse(r.serialized.head) as Pick<DocBlocks, 'doc' | 'counts'>
    : (blocks = r.serialized ? JSON.parse(r.serialized.blocks) as DocBlocks : blocksOf(r.dataset));
  const o: Outcome = { item, key, reused: false, doc: head.doc, counts: head.counts, info: r.info, cacheable: r.cacheable };
  if (storeIt) {
    const b = blocks;
    const serialized = { blocks: r.serialized?.blocks ?? JSON.stringify(b), head: r.serialized?.head ?? headOf(b!) };
    store!.putResult({ key, sha256: src.sha, extractor_version: version, status: r.status, info: r.info }, serialized, src.seen);
  } else { o.result = r; o.blocks = blocks!; } // not stored: kept for the assembly
  if (store) addStage(run, 'store', performance.now() - ts);
  return o;
}

/** run.json: the options, counts, incremental figures and failures, from what each outcome keeps. */
function summarize(run: RunContext, what: { inputs: string[]; started: Date; missing: string[]; warnings: string[] }, ordered: Outcome[], finals: DocumentRow[]): RunSummary {
  const { opts, timeoutMs, pageTimeoutMs, store } = run;
  const summary: RunSummary = {
    tool: 'fiscal-extract', version: VERSION, started: what.started.toISOString(), finished: '', inputs: what.inputs,
    options: { out: opts.out ?? null, timeoutMs, pageTimeoutMs, workers: opts.workers ?? 0, memoryMb: opts.memoryMb ?? 2048, state: opts.state ?? null, excel: !!opts.excel, format: opts.format ?? 'csv', manifests: opts.manifests ?? [], ...(opts.settings ? { settings: opts.settings } : {}) },
    counts: { documents: 0, ok: 0, partial: 0, failed: 0, tables: 0, facts: 0, checks_failed: 0, performance_forms: 0, indicators: 0, pages: 0 },
    stage_ms: {}, documents: [], missing_inputs: what.missing, warnings: what.warnings,
    incremental: { state: opts.state ?? null, extractor_version: run.version, read: 0, reused: 0, not_stored: 0 },
    executor: run.executor.stats(), throughput: { wall_ms: 0, documents_per_s: 0, pages_per_s: 0 }, failures: [], fetch: run.fetchStats,
  };
  ordered.forEach((o, i) => {
    const d = finals[i]!;
    const status = d.status as 'ok' | 'partial' | 'failed';
    summary.counts[status]++;
    summary.counts.pages += Number(d.pages || 0);
    summary.counts.tables += o.counts.tables;
    summary.counts.facts += o.counts.facts;
    summary.counts.checks_failed += o.counts.checks_failed;
    summary.counts.performance_forms += o.counts.performance;
    summary.counts.indicators += o.counts.indicators;
    if (o.reused) summary.incremental.reused++; else summary.incremental.read++;
    if (!o.cacheable && store) summary.incremental.not_stored++;
    if (status === 'failed') summary.failures.push({ source: o.item.source, error: d.error });
    summary.documents.push({ doc_id: d.doc_id, source: o.item.source, status, error: d.error, ms: o.reused ? 0 : o.info.ms, reused: o.reused, messages: o.info.messages, ...(o.info.ocr ? { ocr: o.info.ocr } : {}) });
  });
  summary.counts.documents = ordered.length;
  summary.health = runHealth(finals);
  if (run.correctionsFile) summary.corrections = { file: run.correctionsFile, rows: run.corrections.length, not_in_run: correctionsNotInRun(run.corrections, finals).map((c) => ({ row: c.row, doc_id: c.doc_id, source: c.source ?? '' })) };
  return summary;
}

/** Stage times, finish time and throughput, as run.json records them. */
function finishSummary(summary: RunSummary, run: RunContext, t0: number): void {
  summary.stage_ms = Object.fromEntries(Object.entries(run.stage).map(([k, v]) => [k, round(v)]));
  finalize(summary, t0);
}

/** A document's full records (rare paths: manifest metadata changed its budget lines; the library result). */
function datasetOf(o: Outcome, store: Store | undefined): Dataset {
  return o.result?.dataset ?? store!.getResult(o.key)!.dataset;
}

/** The dataset files' parts, document by document in source order, from each document's blocks. */
function* datasetParts(ordered: Outcome[], finals: DocumentRow[], store: Store | undefined): Generator<DatasetPart> {
  const partAt = partMaker(ordered, finals, store);
  for (let i = 0; i < ordered.length; i++) yield partAt(i);
}

/** The i-th document's part of the dataset files, from its blocks. */
function partMaker(ordered: Outcome[], finals: DocumentRow[], store: Store | undefined): (i: number) => DatasetPart {
  // budget_lines take a document's fiscal_year and issuer from the last documents row of its doc_id
  const lastOfId = new Map(finals.map((d) => [d.doc_id, d]));
  return (i) => {
    const o = ordered[i]!;
    const doc = finals[i]!;
    let blocks = o.blocks ?? storedBlocks(store!, o.key)!;
    const last = lastOfId.get(doc.doc_id)!;
    if (last.fiscal_year !== blocks.doc.fiscal_year || last.issuer !== blocks.doc.issuer) {
      const full = datasetOf(o, store);
      blocks = { ...blocks, budget_lines: budgetLinesBlockOf({ ...full, documents: [last] }) };
    }
    return { doc, blocks };
  };
}

/** The Parquet files; when they cannot be written (a value DECIMAL cannot hold exactly), the run
 *  goes on (the CSV files of --format both are still written) and run.json says why. */
async function parquetOrWarning(docs: ParquetDoc[], out: string, summary: RunSummary): Promise<ParquetStats> {
  try {
    return await writeParquet(docs, out);
  } catch (e) {
    const error = `parquet files not written: ${(e as Error).message.split('\n')[0]}`;
    summary.warnings.push(error);
    return { partitions: 0, rewritten: 0, removed: 0, files_written: 0, bytes_written: 0, bytes_total: 0, ms: 0, error };
  }
}

/** The documents for the Parquet files: a stored result is named by its key (the same key, the
 *  same rows), any other by a hash of its blocks; blocks are read only for partitions written. */
function parquetDocs(ordered: Outcome[], finals: DocumentRow[], store: Store | undefined): ParquetDoc[] {
  const partAt = partMaker(ordered, finals, store);
  return ordered.map((o, i) => ({
    doc: finals[i]!,
    hash: o.cacheable && o.key ? `key:${o.key}` : `blocks:${createHash('sha256').update(JSON.stringify(o.blocks ?? null)).digest('hex')}`,
    blocks: () => partAt(i).blocks,
  }));
}

/** The library result's records, materialised (once) only when a caller reads them. */
function materialiser(ordered: Outcome[], finals: DocumentRow[], store: Store | undefined, state: string | undefined): () => Dataset {
  let materialised: Dataset | undefined;
  return (): Dataset => {
    if (materialised) return materialised;
    const ds = emptyDataset();
    const st = store && state ? new Store(state) : undefined;
    try {
      ordered.forEach((o, i) => {
        const part = datasetOf(o, st);
        part.documents[0] = finals[i]!;
        appendDataset(ds, part);
      });
    } finally { st?.close(); }
    return (materialised = ds);
  };
}

/** The run summary, with the dataset's record lists as lazy properties. */
function libraryResult(summary: RunSummary, materialise: () => Dataset): IngestResult {
  const result = { run: summary } as IngestResult;
  for (const k of Object.keys(emptyDataset()) as (keyof Dataset)[]) {
    Object.defineProperty(result, k, { enumerable: true, configurable: true, get: () => materialise()[k], set: (v: never) => { materialise()[k] = v; } });
  }
  return result;
}

/** a stored document's blocks; a state written before blocks were stored gets them made once */
function storedBlocks(store: Store, key: string): DocBlocks | undefined {
  const b = store.getBlocks(key);
  if (b) return b;
  const r = store.getResult(key);
  if (!r) return undefined;
  const made = blocksOf(r.dataset);
  store.putBlocks(key, made);
  return made;
}

function finalize(run: RunSummary, t0: number): void {
  const wall = performance.now() - t0;
  run.finished = new Date().toISOString();
  run.throughput = { wall_ms: round(wall), documents_per_s: +(run.counts.documents / (wall / 1000)).toFixed(2), pages_per_s: +(run.counts.pages / (wall / 1000)).toFixed(2) };
}

export type OutputFormat = 'csv' | 'parquet' | 'both';

/** a default for --workers: every core */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}
