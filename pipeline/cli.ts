#!/usr/bin/env node
// fiscal-extract: the command line. Exit codes: 0 every document ok; 1 some document partial or
// failed, or an input matched nothing (the run still wrote everything it could); 2 usage error
// (nothing written); 3 internal error; 4 the output folder is in use by another run.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ingest, defaultWorkers, type OutputFormat, type RunSummary } from './ingest.js';
import { Progress } from './runner/progress.js';
import type { Executor } from './runner/executors.js';
import { loadManifest, ManifestError, type ManifestEntry } from '../corpus/manifest.js';
import { VERSION } from './version.js';
import { displayPath, NoInputsError } from './inputs.js';
import { OutputLockedError } from './output-lock.js';
import { healthLine } from '../output/health.js';
import { DEFAULT_TIMEOUT_MS } from './process-document.js';
import { resolveExtractSettings, type ExtractSettingsOverrides } from '../extractors/settings.js';
import { SettingsError } from '../extractors/settings-check.js';
import { correctionsPath, CorrectionsError, readCorrections } from './corrections-file.js';

export const EXIT = { OK: 0, SOME_FAILED: 1, USAGE: 2, INTERNAL: 3, LOCKED: 4 } as const;

const MAIN_HELP = `fiscal-extract ${VERSION}: Chinese government budget disclosures → clean, checked datasets

Usage:
  fiscal-extract ingest <file|folder|glob|url>... --out <dir> [--timeout <seconds>]
                 [--page-timeout <seconds>] [--quiet] [--manifest <file>] [--workers <n>]
                 [--state <file> | --no-state] [--excel] [--format csv|parquet|both] [--no-ocr] [--queue <redis-url>]
                 [--wait-lock <seconds>] [--corrections <file.csv> | --no-corrections]
  fiscal-extract worker --redis <redis-url> [--concurrency <n>]
  fiscal-extract taxonomy <build|import|lookup|stats> ...
  fiscal-extract diff <old-out> <new-out> [--format md|json|html] [--out file] [--fail-on-change]
  fiscal-extract review <out-dir> [--out review.html]
  fiscal-extract review <out-dir> --serve [--port n] [--host 127.0.0.1] [--against <old-out>]
  fiscal-extract report <out-dir> [--format text|json] [--top n]
  fiscal-extract query <out-dir> "<SQL>" [--format table|csv|json] [--out file.csv|file.parquet]
  fiscal-extract --help | --version
  fiscal-extract <command> --help

Exit codes: 0 every document ok; 1 some documents partial or failed (see documents.csv), or an
input matched nothing; 2 usage error (nothing written); 3 internal error; 4 the output folder is in
use by another run.`;

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

Hostile inputs: an entry that cannot be read (a named file that is not there, a dangling symbolic
link, a link loop, no permission) is a documents.csv row with status failed and the reason, and
the run goes on; a folder reached again through a symbolic link (a cycle) is walked once; a file
name that is not valid UTF-8 is read, and shown with its bytes escaped (\\xB2). When every input
named is missing, nothing is written (exit 2): the output folder is left as it was.

One run at a time per output folder: <dir>/.fiscal-extract/lock names the run holding it; a second
run stops with one line (exit 4), or waits with --wait-lock. The lock of a run that is no longer
running on this host is taken over with a warning. Released on exit, Ctrl-C and SIGTERM.

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
  --format <f>         csv (default), parquet or both. parquet writes <dir>/parquet/<file>/
                       partition_year=<y>/partition_issuer=<issuer>/data.parquet for documents,
                       tables, facts, checks, performance, performance_indicators, definitions
                       and budget_lines (exact types: DECIMAL, INTEGER, BOOLEAN), rewriting only
                       the partitions whose documents changed; parquet alone writes no CSV files
                       (nor tables/). Query either with fiscal-extract query
  --no-ocr             do not OCR pages without a text layer (they are reported as not read)
  --queue <redis-url>  send documents to queue workers (fiscal-extract worker) via Redis/BullMQ
  --queue-name <name>  BullMQ queue name (default fiscal-extract)
  --fetch-timeout <s>  per HTTP attempt (default 30); --retries <n> (default 3);
  --rate <n>           HTTP requests per second per host (default 2); --max-mb <n> (default 200)
  --allow-private-hosts  download from loopback, private (10/8, 172.16/12, 192.168/16), link-local
                       (169.254/16: cloud metadata), CGNAT (100.64/10) and IPv6 local addresses
                       too; by default a URL, a redirect hop or a host name resolving to one is
                       refused (documents.csv says which). Redirects: at most 5, http(s) only
  --settings <file>    JSON overrides of the extraction settings (README "Settings"), e.g.
                       {"limits": {"html": {"maxMb": 50}}}. Limits on what one document may cost,
                       checked before the memory is spent (over one: failed, with the limit named):
                         ocr.pixels.maxPageMegapixels 30 (a page rendered or enlarged for OCR; a
                           larger page is read at a lower resolution, down to minPageDpi 70)
                         ocr.pixels.maxImageMegapixels 100 (an image in a PDF or an image file)
                         limits.spreadsheet.maxUncompressedMb 200, maxCompressionRatio 200
                           (XLSX, from the zip directory before anything is inflated), maxRows
                           100000 (per sheet)
                         limits.html.maxMb 20
  --wait-lock <s>      when another run is writing into <dir>, wait up to this long for it
                       (default: stop at once, exit 4)
  --corrections <file> reviewers' corrections (CSV: doc_id, table_kind, section, code, item,
                       measure, value, reviewer, note; SCHEMA.md), applied before the checks: a
                       matched fact takes the value (flag corrected, value_extracted keeps the
                       value read); one that matches no fact, or whose document changed, is a
                       checks.csv row and is not applied. Default: <dir>/corrections.csv when it
                       exists (the review app appends to it); --no-corrections: none
  --progress           progress bar even when stderr is not a terminal; --quiet: none
  --help               this text

Exit codes: 0 every document ok; 1 some partial or failed, or an input matched nothing; 2 usage
error (nothing written); 3 internal error; 4 the output folder is in use by another run.`;

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

const INGEST_FLAGS = ['--format', '--out', '--timeout', '--page-timeout', '--workers', '--memory', '--state', '--manifest', '--queue', '--queue-name', '--fetch-timeout', '--retries', '--rate', '--max-mb', '--wait-lock', '--corrections', '--settings'];

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
  waitLockMs: number | undefined;
  format: OutputFormat;
}

function ingestFlags(positional: string[], flags: Map<string, string | true>, all: [string, string | true][]): IngestFlags {
  for (const k of flags.keys()) if (![...INGEST_FLAGS, '--quiet', '--help', '--no-state', '--excel', '--progress', '--no-ocr', '--no-corrections', '--allow-private-hosts'].includes(k)) throw new UsageError(`unknown option ${k}`);
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
  const waitLock = numberFlag(flags, '--wait-lock', (n) => n >= 0, 'a number of seconds');
  const queueUrl = flags.get('--queue');
  if (flags.has('--queue') && typeof queueUrl !== 'string') throw new UsageError('--queue needs a redis:// URL');
  const format = flags.get('--format') ?? 'csv';
  if (format !== 'csv' && format !== 'parquet' && format !== 'both') throw new UsageError('--format takes csv, parquet or both');
  return {
    out, manifests, timeoutMs, pageTimeoutMs, workers, memoryMb, state, fetchTimeout, retries, rate, maxMb,
    queueUrl: typeof queueUrl === 'string' ? queueUrl : undefined, quiet: flags.has('--quiet'), format,
    waitLockMs: waitLock !== undefined ? waitLock * 1000 : undefined,
  };
}

/** The manifests' entries; a manifest that cannot be read is a usage error. */
/** --corrections <file> / --no-corrections as the ingest option; the file is read here first, so a
 *  bad one is a usage error before anything is read or written */
function correctionsOption(flags: Map<string, string | true>, out: string): { corrections?: string | false } {
  if (flags.has('--no-corrections') && flags.has('--corrections')) throw new UsageError('--corrections and --no-corrections contradict each other');
  if (flags.has('--no-corrections')) return { corrections: false };
  const given = flags.get('--corrections');
  const file = correctionsPath(typeof given === 'string' ? given : undefined, out);
  if (!file) return {};
  try { readCorrections(file); } catch (e) { if (e instanceof CorrectionsError) throw new UsageError(e.message); throw e; }
  return { corrections: file };
}

/** --settings <file>: the extraction settings' overrides, read and checked here (a bad file or key
 *  is a usage error before anything is read or written) */
function settingsOption(flags: Map<string, string | true>): { settings?: ExtractSettingsOverrides } {
  const file = flags.get('--settings');
  if (typeof file !== 'string') return {};
  let settings: ExtractSettingsOverrides;
  try { settings = JSON.parse(readFileSync(file, 'utf8')) as ExtractSettingsOverrides; } catch (e) { throw new UsageError(`--settings ${file}: ${(e as Error).message.split('\n')[0]}`); }
  try { resolveExtractSettings(settings); } catch (e) { if (e instanceof SettingsError) throw new UsageError(`--settings ${file}: ${e.message}`); throw e; }
  return { settings };
}

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
  const corrections = correctionsOption(flags, out);
  let executor: Executor | undefined;
  if (o.queueUrl !== undefined) {
    const { QueueExecutor } = await import('./queue/redis.js');
    const qn = flags.get('--queue-name');
    executor = new QueueExecutor({ url: o.queueUrl, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS, ...(typeof qn === 'string' ? { queueName: qn } : {}) });
  }
  const manifestEntries = loadManifests(o.manifests);
  const progress = o.quiet ? undefined : new Progress(process.stderr, flags.has('--progress') || !!process.stderr.isTTY, displayPath);
  // Ctrl-C / SIGTERM: exit, which releases the output folder's lock (a killed run's partial work
  // is kept by the state and the next run completes it)
  const onSignal = (sig: NodeJS.Signals): void => {
    progress?.finish();
    console.error(`fiscal-extract: stopped by ${sig}`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let result: Awaited<ReturnType<typeof ingest>>;
  try {
    result = await ingest(positional, {
      out, workers: o.workers, manifestEntries,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(pageTimeoutMs !== undefined ? { pageTimeoutMs } : {}),
      ...(memoryMb !== undefined ? { memoryMb } : {}),
      ...(state !== undefined ? { state } : {}),
      ...(flags.has('--excel') ? { excel: true } : {}),
      ...(o.format !== 'csv' ? { format: o.format } : {}),
      ...(flags.has('--no-ocr') ? { ocr: false } : {}),
      ...corrections,
      ...(executor ? { executor } : {}),
      ...(progress ? { progress } : {}),
      fetch: {
        ...(fetchTimeout !== undefined ? { timeoutMs: fetchTimeout * 1000 } : {}),
        ...(retries !== undefined ? { retries } : {}),
        ...(rate !== undefined ? { perHostRps: rate } : {}),
        ...(maxMb !== undefined ? { maxBytes: Math.round(maxMb * 1024 * 1024) } : {}),
        ...(flags.has('--allow-private-hosts') ? { allowPrivateHosts: true } : {}),
      },
      ...settingsOption(flags),
      ...(o.waitLockMs !== undefined ? { waitLockMs: o.waitLockMs } : {}),
    });
  } catch (e) {
    // both found before any document is sent: the queue connection is still open
    if (e instanceof NoInputsError || e instanceof OutputLockedError) await executor?.close();
    if (e instanceof NoInputsError) throw new UsageError(e.message);
    if (e instanceof OutputLockedError) { progress?.finish(); console.error(`fiscal-extract: ${e.message}`); return EXIT.LOCKED; }
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  progress?.finish();
  return reportIngest(result.run, out, o.quiet);
}

/** The lines printed after a run (missing inputs, counts, health) and the exit code. */
function reportIngest(run: RunSummary, out: string, quiet: boolean): number {
  for (const m of [...run.missing_inputs, ...run.warnings]) console.error(`warning: ${m}`);
  if (run.corrections) {
    for (const c of run.corrections.not_in_run) console.error(`warning: ${run.corrections.file} row ${c.row}: document ${c.doc_id}${c.source ? ` (${c.source})` : ''} is not in this run: correction not applied`);
    if (!quiet) console.error(`corrections: ${run.corrections.rows} row(s) from ${run.corrections.file} (checks.csv: correction_unmatched, correction_document_changed for those not applied)`);
  }
  const c = run.counts;
  const inc = run.incremental;
  console.error(`${c.documents} documents (${c.ok} ok, ${c.partial} partial, ${c.failed} failed; ${inc.read} read, ${inc.reused} unchanged), ${c.tables} tables, ${c.facts} facts, ${c.checks_failed} failed checks → ${out} (${(run.throughput.wall_ms / 1000).toFixed(1)} s)`);
  if (!quiet && run.health && c.documents > 0) console.error(`health: ${healthLine(run.health)} (fiscal-extract report ${out})`);
  if (c.documents === 0) return EXIT.USAGE;
  return c.partial + c.failed > 0 || run.missing_inputs.length > 0 ? EXIT.SOME_FAILED : EXIT.OK;
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
      case 'query': {
        const { queryCli } = await import('../output/query.js');
        return await queryCli(rest);
      }
      case '--version': case '-v': console.log(VERSION); return EXIT.OK;
      case undefined: case '--help': case '-h': case 'help': console.log(MAIN_HELP); return cmd === undefined ? EXIT.USAGE : EXIT.OK;
      default: throw new UsageError(`unknown command ${cmd}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      const known = ['ingest', 'worker', 'taxonomy', 'diff', 'review', 'report', 'query'].includes(cmd ?? '');
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
