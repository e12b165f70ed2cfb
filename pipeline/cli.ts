#!/usr/bin/env node
// fiscal-extract: the command line. Exit codes: 0 every document ok; 1 some document partial or
// failed (the run still wrote everything it could); 2 usage error; 3 internal error.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ingest, defaultWorkers, type RunSummary } from './ingest.js';
import { Progress } from './runner/progress.js';
import type { Executor } from './runner/executors.js';
import { loadManifest, ManifestError, type ManifestEntry } from '../corpus/manifest.js';
import { VERSION } from './version.js';
import { displayPath } from './inputs.js';
import { healthLine } from '../output/health.js';
import { DEFAULT_TIMEOUT_MS } from './process-document.js';

export const EXIT = { OK: 0, SOME_FAILED: 1, USAGE: 2, INTERNAL: 3 } as const;

const MAIN_HELP = `fiscal-extract ${VERSION}: Chinese government budget disclosures → clean, checked datasets

Usage:
  fiscal-extract ingest <file|folder|glob|url>... --out <dir> [--timeout <seconds>]
                 [--page-timeout <seconds>] [--quiet] [--manifest <file>] [--workers <n>]
                 [--state <file> | --no-state] [--excel] [--no-ocr] [--queue <redis-url>]
  fiscal-extract worker --redis <redis-url> [--concurrency <n>]
  fiscal-extract taxonomy <build|import|lookup|stats> ...
  fiscal-extract diff <old-out> <new-out> [--format md|json|html] [--out file] [--fail-on-change]
  fiscal-extract review <out-dir> [--out review.html]
  fiscal-extract report <out-dir> [--format text|json] [--top n]
  fiscal-extract --help | --version
  fiscal-extract <command> --help

Exit codes: 0 every document ok; 1 some documents partial or failed (see documents.csv);
2 usage error; 3 internal error.`;

const INGEST_HELP = `fiscal-extract ingest <file|folder|glob|url>... --out <dir> [options]

Reads every document (PDF with a text layer, HTML, spreadsheets, text dumps; folders are walked,
globs such as 'corpus/**/*.pdf' expanded, http(s) URLs downloaded) and writes into <dir>:
documents.csv, tables.csv, tables/<doc_id>/<table_id>.csv, facts.csv, facts.json, checks.csv,
performance.csv, performance_indicators.csv, definitions.csv, budget_lines.csv,
datapackage.json, run.json (see SCHEMA.md); then prints one line of counts and, unless --quiet,
one line of health figures (see fiscal-extract report). Files are written atomically: a reader never sees a
half-written file.

Incremental: the state (<dir>/.fiscal-extract/state.sqlite) remembers every document read; a
document whose bytes and extractor version are unchanged is not read again, and its records come
from the state, so the dataset written is always complete. A run that was killed is simply
started again.

Options:
  --out <dir>          output folder (required)
  --manifest <file>    a corpus manifest (JSON or TSV: folders, globs, URLs, issuer/fiscal_year
                       per entry); may be given more than once
  --timeout <seconds>  time limit per document (default 120), to which --page-timeout is added
                       for each page read by OCR
  --page-timeout <s>   time limit per page read by OCR (default 60: a 100-page scan may take
                       120 + 100 × 60 s, enough on a busy 2-core machine). When a document's time
                       runs out, the pages read so far are kept: the document is partial, and
                       checks.csv names each page not read (ocr_page_unread)
  --workers <n>        worker threads reading documents (default: one per core; 0 = this thread)
  --memory <MB>        heap ceiling per worker thread (default 2048)
  --state <file>       state file (default <dir>/.fiscal-extract/state.sqlite)
  --no-state           read every document, keep no state
  --excel              also write <dir>/excel/*.csv: UTF-8 with BOM, formula-escaped text cells
  --no-ocr             do not OCR pages without a text layer (they are reported as not read)
  --queue <redis-url>  send documents to queue workers (fiscal-extract worker) via Redis/BullMQ
  --queue-name <name>  BullMQ queue name (default fiscal-extract)
  --fetch-timeout <s>  per HTTP attempt (default 30); --retries <n> (default 3);
  --rate <n>           HTTP requests per second per host (default 2); --max-mb <n> (default 200)
  --progress           progress bar even when stderr is not a terminal; --quiet: none
  --help               this text

Exit codes: 0 every document ok; 1 some partial or failed; 2 usage error; 3 internal error.`;

const WORKER_HELP = `fiscal-extract worker --redis <redis-url> [options]

A queue worker: takes documents queued by \`fiscal-extract ingest … --queue <redis-url>\` and reads
them in its own worker threads. Run as many as you like, on any machine that reaches Redis.
Stops cleanly on SIGTERM / SIGINT (a job in progress is finished first).

Options:
  --redis <url>        redis://host:port[/db] (required)
  --queue-name <name>  BullMQ queue name (default fiscal-extract)
  --concurrency <n>    documents at a time = worker threads (default: one per core)
  --timeout <seconds>  hard time limit per document before OCR (default: the one each job
                       carries); a document read by OCR adds the job's per-page limit per page
  --memory <MB>        heap ceiling per worker thread (default 2048)
  --quiet              no log line per document`;

interface Parsed { positional: string[]; flags: Map<string, string | true>; all: [string, string | true][] }

function parseArgs(argv: string[], withValue: Set<string>): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const all: [string, string | true][] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (withValue.has(k)) {
        const val = v ?? argv[++i];
        if (val === undefined || val.startsWith('--')) throw new UsageError(`${k} needs a value`);
        flags.set(k, val);
        all.push([k, val]);
      } else { flags.set(k, true); all.push([k, true]); }
    } else positional.push(a);
  }
  return { positional, flags, all };
}

class UsageError extends Error {}

function numberFlag(flags: Map<string, string | true>, name: string, test: (n: number) => boolean, what: string): number | undefined {
  if (!flags.has(name)) return undefined;
  const n = Number(flags.get(name));
  if (!Number.isFinite(n) || !test(n)) throw new UsageError(`${name} takes ${what}`);
  return n;
}

const INGEST_FLAGS = ['--out', '--timeout', '--page-timeout', '--workers', '--memory', '--state', '--manifest', '--queue', '--queue-name', '--fetch-timeout', '--retries', '--rate', '--max-mb'];

/** The ingest command's options, checked (a UsageError says what is wrong). */
interface IngestFlags {
  out: string;
  manifests: string[];
  timeoutMs: number | undefined;
  pageTimeoutMs: number | undefined;
  workers: number;
  memoryMb: number | undefined;
  state: string | undefined;
  fetchTimeout: number | undefined;
  retries: number | undefined;
  rate: number | undefined;
  maxMb: number | undefined;
  queueUrl: string | undefined;
  quiet: boolean;
}

function ingestFlags(positional: string[], flags: Map<string, string | true>, all: [string, string | true][]): IngestFlags {
  for (const k of flags.keys()) if (![...INGEST_FLAGS, '--quiet', '--help', '--no-state', '--excel', '--progress', '--no-ocr'].includes(k)) throw new UsageError(`unknown option ${k}`);
  const out = flags.get('--out');
  if (typeof out !== 'string') throw new UsageError('--out <dir> is required');
  const manifests = all.filter(([k]) => k === '--manifest').map(([, v]) => String(v));
  if (positional.length === 0 && manifests.length === 0) throw new UsageError('name at least one file, folder, glob, URL or --manifest to ingest');
  const t = numberFlag(flags, '--timeout', (n) => n > 0, 'a positive number of seconds');
  const timeoutMs = t !== undefined ? t * 1000 : undefined;
  const pt = numberFlag(flags, '--page-timeout', (n) => n > 0, 'a positive number of seconds');
  const pageTimeoutMs = pt !== undefined ? pt * 1000 : undefined;
  const workers = numberFlag(flags, '--workers', (n) => Number.isInteger(n) && n >= 0, 'a whole number (0 = read in this thread)') ?? defaultWorkers();
  const memoryMb = numberFlag(flags, '--memory', (n) => Number.isInteger(n) && n >= 64, 'a whole number of MB (at least 64)');
  if (flags.has('--no-state') && flags.has('--state')) throw new UsageError('--state and --no-state contradict each other');
  const state = flags.has('--no-state') ? undefined : typeof flags.get('--state') === 'string' ? String(flags.get('--state')) : join(out, '.fiscal-extract', 'state.sqlite');
  const fetchTimeout = numberFlag(flags, '--fetch-timeout', (n) => n > 0, 'a positive number of seconds');
  const retries = numberFlag(flags, '--retries', (n) => Number.isInteger(n) && n >= 0, 'a whole number');
  const rate = numberFlag(flags, '--rate', (n) => n >= 0, 'requests per second (0 = no limit)');
  const maxMb = numberFlag(flags, '--max-mb', (n) => n > 0, 'a positive number of MB');
  const queueUrl = flags.get('--queue');
  if (flags.has('--queue') && typeof queueUrl !== 'string') throw new UsageError('--queue needs a redis:// URL');
  return {
    out, manifests, timeoutMs, pageTimeoutMs, workers, memoryMb, state, fetchTimeout, retries, rate, maxMb,
    queueUrl: typeof queueUrl === 'string' ? queueUrl : undefined, quiet: flags.has('--quiet'),
  };
}

/** The manifests' entries; a manifest that cannot be read is a usage error. */
function loadManifests(manifests: string[]): ManifestEntry[] {
  try {
    return manifests.flatMap((m) => loadManifest(m));
  } catch (e) {
    if (e instanceof ManifestError) throw new UsageError(e.message);
    throw e;
  }
}

async function runIngest(argv: string[]): Promise<number> {
  const { positional, flags, all } = parseArgs(argv, new Set(INGEST_FLAGS));
  if (flags.has('--help')) { console.log(INGEST_HELP); return EXIT.OK; }
  const o = ingestFlags(positional, flags, all);
  const { out, timeoutMs, pageTimeoutMs, memoryMb, state, fetchTimeout, retries, rate, maxMb } = o;
  let executor: Executor | undefined;
  if (o.queueUrl !== undefined) {
    const { QueueExecutor } = await import('./queue/redis.js');
    const qn = flags.get('--queue-name');
    executor = new QueueExecutor({ url: o.queueUrl, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS, ...(typeof qn === 'string' ? { queueName: qn } : {}) });
  }
  const manifestEntries = loadManifests(o.manifests);
  const progress = o.quiet ? undefined : new Progress(process.stderr, flags.has('--progress') || !!process.stderr.isTTY, displayPath);
  const result = await ingest(positional, {
    out, workers: o.workers, manifestEntries,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(pageTimeoutMs !== undefined ? { pageTimeoutMs } : {}),
    ...(memoryMb !== undefined ? { memoryMb } : {}),
    ...(state !== undefined ? { state } : {}),
    ...(flags.has('--excel') ? { excel: true } : {}),
    ...(flags.has('--no-ocr') ? { ocr: false } : {}),
    ...(executor ? { executor } : {}),
    ...(progress ? { progress } : {}),
    fetch: {
      ...(fetchTimeout !== undefined ? { timeoutMs: fetchTimeout * 1000 } : {}),
      ...(retries !== undefined ? { retries } : {}),
      ...(rate !== undefined ? { perHostRps: rate } : {}),
      ...(maxMb !== undefined ? { maxBytes: Math.round(maxMb * 1024 * 1024) } : {}),
    },
  });
  progress?.finish();
  return reportIngest(result.run, out, o.quiet);
}

/** The lines printed after a run (missing inputs, counts, health) and the exit code. */
function reportIngest(run: RunSummary, out: string, quiet: boolean): number {
  for (const m of run.missing_inputs) console.error(`warning: ${m}`);
  const c = run.counts;
  const inc = run.incremental;
  console.error(`${c.documents} documents (${c.ok} ok, ${c.partial} partial, ${c.failed} failed; ${inc.read} read, ${inc.reused} unchanged), ${c.tables} tables, ${c.facts} facts, ${c.checks_failed} failed checks → ${out} (${(run.throughput.wall_ms / 1000).toFixed(1)} s)`);
  if (!quiet && run.health && c.documents > 0) console.error(`health: ${healthLine(run.health)} (fiscal-extract report ${out})`);
  if (c.documents === 0) return EXIT.USAGE;
  return c.partial + c.failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
}

async function runWorker(argv: string[]): Promise<number> {
  const names = ['--redis', '--queue-name', '--concurrency', '--timeout', '--memory'];
  const { positional, flags } = parseArgs(argv, new Set(names));
  if (flags.has('--help')) { console.log(WORKER_HELP); return EXIT.OK; }
  for (const k of flags.keys()) if (![...names, '--quiet', '--help'].includes(k)) throw new UsageError(`unknown option ${k}`);
  if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
  const url = flags.get('--redis');
  if (typeof url !== 'string') throw new UsageError('--redis <url> is required');
  const concurrency = numberFlag(flags, '--concurrency', (n) => Number.isInteger(n) && n >= 1, 'a whole number, at least 1') ?? defaultWorkers();
  const t = numberFlag(flags, '--timeout', (n) => n > 0, 'a positive number of seconds');
  const memoryMb = numberFlag(flags, '--memory', (n) => Number.isInteger(n) && n >= 64, 'a whole number of MB (at least 64)') ?? 2048;
  const qn = flags.get('--queue-name');
  const quiet = flags.has('--quiet');
  const { startQueueWorker } = await import('./queue/redis.js');
  const handle = await startQueueWorker({
    url, concurrency, memoryMb, timeoutMs: t !== undefined ? t * 1000 : DEFAULT_TIMEOUT_MS,
    ...(typeof qn === 'string' ? { queueName: qn } : {}),
    ...(quiet ? {} : { log: (s: string) => console.error(s) }),
  });
  console.error(`fiscal-extract worker ${VERSION}: ${concurrency} thread(s) on ${url} (queue ${typeof qn === 'string' ? qn : 'fiscal-extract'})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await handle.close();
  console.error(`fiscal-extract worker: stopped after ${handle.processed()} documents`);
  return EXIT.OK;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'ingest': return await runIngest(rest);
      case 'worker': return await runWorker(rest);
      case 'taxonomy': {
        const { taxonomyCli } = await import('../tools/taxonomy/cli.js');
        return await taxonomyCli(rest);
      }
      case 'diff': {
        const { diffCli } = await import('../output/diff/cli.js');
        return await diffCli(rest);
      }
      case 'review': {
        const { reviewCli } = await import('../output/review/cli.js');
        return await reviewCli(rest);
      }
      case 'report': {
        const { reportCli } = await import('../output/report.js');
        return await reportCli(rest);
      }
      case '--version': case '-v': console.log(VERSION); return EXIT.OK;
      case undefined: case '--help': case '-h': case 'help': console.log(MAIN_HELP); return cmd === undefined ? EXIT.USAGE : EXIT.OK;
      default: throw new UsageError(`unknown command ${cmd}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      const known = ['ingest', 'worker', 'taxonomy', 'diff', 'review', 'report'].includes(cmd ?? '');
      console.error(`fiscal-extract: ${e.message} (see fiscal-extract ${known ? cmd + ' ' : ''}--help)`);
      return EXIT.USAGE;
    }
    console.error(`fiscal-extract: internal error: ${(e as Error).stack ?? e}`);
    return EXIT.INTERNAL;
  }
}

function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
