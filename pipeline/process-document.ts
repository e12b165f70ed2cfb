// One document through every stage: detect → extract → locate → understand → normalize → check.
// Stages collect messages on the record instead of throwing; a failure marks the document
// `failed` (nothing usable) or `partial` (some tables failed) with a one-line reason; a document
// read without fault in which no table was found is `ok` with the reason `no tables found`.
import { createHash } from 'node:crypto';
import type { DocumentRecord, Table } from '../model/types.js';
import { InputError, type ExtractContext, type ExtractResult, type Extractor } from '../model/stages.js';
import { pageIssueChecks, unreadPagesLine } from './page-issues.js';
import { detectFormat } from './detect.js';
import { extractorFor } from '../extractors/registry.js';
import { resolveExtractSettings, type ExtractSettings, type ExtractSettingsOverrides } from '../extractors/settings.js';
import { locateTables, type TableCandidate } from '../normalizers/tables/locate.js';
import { classifyTitle, kindById } from '../normalizers/tables/kinds.js';
import { understandTable } from '../normalizers/tables/understand.js';
import { carriedContext } from '../normalizers/facts/ocr-carried-context.js';
import { classifyTable } from '../normalizers/tables/classify.js';
import { factsOfTable, flagLostDecimalsAcrossPages, isStandardLabel, OCR_CODE_REPAIRED, OCR_CODE_UNREAD, OCR_NAME_FUZZY } from '../normalizers/facts/index.js';
import { codesByTwins } from '../normalizers/facts/ocr-twin-codes.js';
import { classesByOrder, incomeLabelsByOrder, sideWordsBySide } from '../normalizers/facts/ocr-class-order.js';
import { docKindOfTables, docKindOverPerformanceWords, readDocumentContext } from '../normalizers/document/context.js';
import { runChecks } from '../normalizers/checks/index.js';
import { loadTaxonomy, type Taxonomy } from '../normalizers/taxonomy/index.js';
import { isPerformanceForm, parsePerformanceForm } from '../normalizers/performance/index.js';
import { stitchForm } from '../normalizers/performance/stitch.js';
import { proseStage } from '../normalizers/prose/stage.js';
import { mostCommonUnit, unitDoubt } from '../normalizers/values/units.js';
import { onlyNuls } from '../extractors/text/encoding.js';
import { applyCorrections, type DocCorrections } from '../normalizers/corrections/apply.js';

/** A document's time limit before OCR (reading, layout, every stage), ms: `--timeout`. */
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Added to a document's time limit for each page read by OCR, ms: `--page-timeout`. A scanned page
 *  took 5-7 s on a 2-core machine under a load of 8-11 (a 19-page 300 dpi scan: 100 s with two
 *  document workers; read at 300 dpi it took 152 s, past the former fixed 120 s limit); 60 s leaves room for a machine
 *  ten times busier, lets a 100-page scan (a 6 120 s limit) finish, and still stops a document
 *  that hangs. */
export const DEFAULT_PAGE_TIMEOUT_MS = 60_000;
/** Once the time limit is reached, an extractor has this long to hand back what it has read (the
 *  pages in progress are cancelled) before the document is given up. */
const EXTRACT_GRACE_MS = 10_000;
/** The stages after extraction (tables, facts, checks) have until this long past the time limit, or
 *  past the end of an extraction that used all of it (OCR stopped by the limit hands back its pages
 *  and they are still read); they check the time between tables and stages, so the limit holds in
 *  this thread too (--workers 0), where nothing can stop a stage from outside. A worker thread is
 *  terminated 30 s past the limit (pipeline/runner/pool.ts): 10 s of extraction grace and these
 *  15 s fit within it. */
const STAGES_GRACE_MS = 15_000;

/** A document's clock: when it started, and its time limit (grown by the pages read by OCR). */
interface Clock { t0: number; limitMs: number; describe: () => string }

interface ProcessOptions {
  /** the document's time limit before OCR, ms (default DEFAULT_TIMEOUT_MS) */
  timeoutMs?: number;
  /** added to the time limit for each page read by OCR, ms (default DEFAULT_PAGE_TIMEOUT_MS) */
  pageTimeoutMs?: number;
  /** told the document's whole time limit (ms) each time it grows: a runner's hard limit follows it */
  onTimeLimit?: (ms: number) => void;
  /** the charset a server declared for the bytes (HTTP Content-Type), passed to the extractor */
  charset?: string;
  /** false: pages and images without a text layer are not read by OCR */
  ocr?: boolean;
  /** layout and OCR threshold overrides (extractors/settings.ts; any subset, plain JSON) */
  settings?: ExtractSettingsOverrides;
  /** reviewers' corrections of this document's facts (applied before the checks; pipeline/corrections-file.ts) */
  corrections?: DocCorrections;
}

/** a document's id: the start of its sha256 (the same bytes, the same id) */
export function docIdOf(sha256: string): string {
  return sha256.slice(0, 16);
}

export function newRecord(source: string, bytes: Uint8Array): DocumentRecord {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    doc_id: docIdOf(sha256), source, sha256, format: 'unknown', issuer: '', fiscal_year: '', doc_kind: 'other',
    status: 'ok', error: '', bytes: bytes.length, blocks: [], tables: [], facts: [], checks: [], performance: [],
    indicators: [], definitions: [], messages: [], timings: {},
  };
}

function timed<T>(doc: DocumentRecord, stage: string, fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    doc.timings[stage] = (doc.timings[stage] ?? 0) + (performance.now() - t0);
  }
}

async function timedAsync<T>(doc: DocumentRecord, stage: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    doc.timings[stage] = (doc.timings[stage] ?? 0) + (performance.now() - t0);
  }
}

export function failureLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0]!.slice(0, 300);
}

/** One document through every stage. Throws (SettingsError, one line naming the key) only for bad
 *  `opts.settings`; anything wrong with the document is recorded on it. */
export async function processDocument(source: string, bytes: Uint8Array, opts: ProcessOptions = {}): Promise<DocumentRecord> {
  const settings = resolveExtractSettings(opts.settings);
  const doc = newRecord(source, bytes);
  try {
    await runStages(doc, bytes, opts, settings);
  } catch (e) {
    doc.status = 'failed';
    doc.error = e instanceof InputError ? e.message : `internal error while reading the document: ${failureLine(e)} (please report it with this file)`;
    doc.messages.push({ stage: 'run', severity: 'error', text: doc.error });
  }
  return doc;
}

async function runStages(doc: DocumentRecord, bytes: Uint8Array, opts: ProcessOptions, settings: ExtractSettings): Promise<void> {
  if (bytes.length === 0) throw new InputError('the file is empty (0 bytes): check the download');
  doc.format = timed(doc, 'detect', () => detectFormat(bytes));
  const extractor = extractorFor(doc.format);
  if (!extractor) throw new InputError(onlyNuls(bytes) ? `the file holds only NUL (zero) bytes (${bytes.length}): check the download` : unsupportedMessage(doc.format));

  const clock: Clock = { t0: performance.now(), limitMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, describe: () => `${Math.round(clock.limitMs / 1000)} s` };
  const result = await timedAsync(doc, 'extract', () => extractWithTimeLimit(doc, extractor, bytes, opts, settings, clock));
  const stagesUntil = Math.max(clock.t0 + clock.limitMs, performance.now()) + STAGES_GRACE_MS;
  const inTime = (): void => {
    if (performance.now() <= stagesUntil) return;
    doc.timedOut = true;
    throw new InputError(`gave up after ${clock.describe()} (time limit) while reading its tables: the file may be damaged or unusually large; raise --timeout to retry`);
  };
  if (result.pageIssues?.some((i) => i.kind === 'time')) doc.timedOut = true;
  if (result.ocrPages?.length) doc.ocrPages = result.ocrPages;
  if (result.format) doc.format = result.format;
  if (result.pages !== undefined) doc.pages = result.pages;
  doc.blocks = result.blocks;
  doc.messages.push(...result.messages);

  const ctx = readDocumentContext(doc.blocks);
  doc.issuer = ctx.issuer;
  doc.fiscal_year = ctx.fiscal_year;
  doc.doc_kind = ctx.doc_kind;
  const taxonomy = loadTaxonomy();

  inTime();
  const tables = readTables(doc, taxonomy, inTime);
  // a cover a scan misread (no document kind in its words): the kind its tables' kinds tell, noted
  const told = doc.doc_kind === 'other' ? docKindOfTables(doc.tables, (k) => kindById(k)?.doc_kind) : undefined;
  if (told) {
    doc.doc_kind = told;
    doc.messages.push({ stage: 'context', severity: 'warning', text: `doc_kind inferred: ${told}, the kind of all its tables (its cover and titles name none as read)` });
  }
  const overWords = docKindOverPerformanceWords(doc.doc_kind, doc.tables, (k) => kindById(k)?.doc_kind);
  if (overWords) {
    doc.messages.push({ stage: 'context', severity: 'warning', text: `doc_kind ${overWords}, the kind of all its tables (its words name a performance evaluation)` });
    doc.doc_kind = overWords;
  }
  inTime();
  timed(doc, 'prose', () => proseStage(doc, taxonomy));
  inTime();
  // reviewers' corrections first: the identities are checked on the corrected values
  const corrected = opts.corrections ? applyCorrections(doc, opts.corrections) : [];
  doc.checks = timed(doc, 'check', () => runChecks(doc, taxonomy));
  if (doc.tables.some((t) => t.method === 'ocr')) {
    // a misread digit that the identities pin down uniquely is corrected (and flagged ocr_repaired)
    const { correctOcr } = await import('../normalizers/ocr-correct/index.js');
    doc.checks = timed(doc, 'ocr-correct', () => correctOcr(doc, taxonomy, doc.checks));
    // the cells of sums still failing read again from the page images; a reading is taken where the sums then hold
    const reread = result.rereadCells;
    if (reread && settings.ocr.rereadSums.maxCells > 0) {
      const { rereadFailingSums } = await import('../normalizers/ocr-correct/reread.js');
      const { maxCells, maxChanges, maxCombinations, lostDecimalsEm, maxLook, sweepStrokes } = settings.ocr.rereadSums;
      const signal = AbortSignal.timeout(Math.max(1, Math.ceil(stagesUntil - performance.now())));
      doc.checks = await timedAsync(doc, 'ocr-reread', () => rereadFailingSums(doc, taxonomy, doc.checks, reread, { maxCells, maxChanges, maxCombinations, lostDecimalsEm, maxLook, sweepStrokes: sweepStrokes > 0 }, signal));
      inTime();
    }
    // a scan whose repairs show it thins 4s to 1s: the amounts with a 1 that nothing verifies are doubted
    const { strokeDoubt } = await import('../normalizers/ocr-correct/stroke-doubt.js');
    doc.checks.push(...strokeDoubt(doc, doc.checks));
    // tables on which no identity could be checked: their numbers flagged, a misread digit there is caught by nothing
    const { flagUncheckedOcrTables } = await import('../normalizers/checks/ocr-unchecked-tables.js');
    doc.checks.push(...flagUncheckedOcrTables(doc));
  }
  // figures of the text read by OCR that no table confirms: flagged, a misread digit there is caught by nothing
  if (doc.ocrPages?.length) {
    const { flagUncheckedOcrProse } = await import('../normalizers/prose/ocr-unchecked.js');
    doc.checks.push(...flagUncheckedOcrProse(doc));
  }
  doc.checks.push(...corrected);
  // pages (or cells) the extractor could not read: reported, the rest stands
  if (result.pageIssues?.length) doc.checks.push(...pageIssueChecks(doc, result.pageIssues));
  settleStatus(doc, tables, result.needsOcrPages, unreadPagesLine(result.pageIssues ?? [], doc.pages));
}

/** The extractor's blocks. The time limit is `timeoutMs`, grown by `pageTimeoutMs` for each page
 *  the extractor reads by OCR (ExtractContext.ocrPages). When it is reached the extractor's signal
 *  aborts and it hands back what it has read (its pages not read are `time` page issues); an
 *  extractor that does not answer within EXTRACT_GRACE_MS gives an InputError. */
function extractWithTimeLimit(doc: DocumentRecord, extractor: Extractor, bytes: Uint8Array, opts: ProcessOptions, settings: ExtractSettings, clock: Clock): Promise<ExtractResult> {
  const controller = new AbortController();
  const base = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const perPage = opts.pageTimeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const t0 = clock.t0;
  let limit = base;
  let ocrPages = 0;
  let timer: NodeJS.Timeout | undefined;
  let grace: NodeJS.Timeout | undefined;
  const describe = (): string => `${Math.round(limit / 1000)} s: ${Math.round(base / 1000)} s per document${ocrPages ? ` + ${Math.round(perPage / 1000)} s for each of its ${ocrPages} page(s) read by OCR` : ''}`;
  clock.describe = describe;
  return new Promise<ExtractResult>((resolve, reject) => {
    const giveUp = (): void => {
      doc.timedOut = true;
      reject(new InputError(`gave up after ${describe()} (time limit): the file may be damaged or unusually large; raise --timeout${ocrPages ? ' or --page-timeout' : ''} to retry`));
    };
    const expire = (): void => {
      controller.abort();
      grace = setTimeout(giveUp, EXTRACT_GRACE_MS);
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(expire, Math.max(0, t0 + limit - performance.now()));
    };
    arm();
    const ctx: ExtractContext = {
      source: doc.source, signal: controller.signal, settings,
      ...(opts.ocr === false ? { ocr: false } : {}), ...(opts.charset ? { charset: opts.charset } : {}),
      ocrPages: (n) => {
        if (controller.signal.aborted || n <= 0) return;
        ocrPages = n;
        limit = base + n * perPage;
        clock.limitMs = limit;
        arm();
        opts.onTimeLimit?.(limit + EXTRACT_GRACE_MS);
      },
    };
    // an extractor that fails once its time is up failed for want of time; one that ran past it
    // without a chance to see the signal (reading synchronously) too
    const done = (r: ExtractResult): void => (!controller.signal.aborted && performance.now() - t0 > limit ? giveUp() : resolve(r));
    // (a reason of its own, such as an input over a limit, is kept)
    const failed = (e: unknown): void => (controller.signal.aborted || (!(e instanceof InputError) && performance.now() - t0 > limit) ? giveUp() : reject(e));
    extractor.extract(bytes, ctx).then(done, failed).finally(() => {
      clearTimeout(timer);
      clearTimeout(grace);
    });
  });
}

/** Locate the tables and understand each one (a table that fails is a message, not the end). */
function readTables(doc: DocumentRecord, taxonomy: Taxonomy, inTime: () => void): { candidates: number; failed: number } {
  const candidates = timed(doc, 'locate', () => locateTables(doc.blocks));
  const defaultUnit = mostCommonUnit(candidates.map((c) => c.unit)) || '万元';
  const unitFlag = unitDoubt(candidates.map((c) => c.unit));
  let failed = 0;
  let n = 0;
  for (let i = 0; i < candidates.length; i++) {
    inTime();
    let cand = candidates[i]!;
    if (isPerformanceForm(cand)) {
      // a form the extractor cut into fragments: the untitled candidates after it are its rows
      const stitched = stitchForm(candidates, i, isPerformanceForm);
      cand = stitched.cand;
      i += stitched.used - 1;
    }
    const tableId = `t${String(++n).padStart(3, '0')}`;
    try {
      timed(doc, 'understand', () => understandOne(doc, cand, tableId, { defaultUnit, unitFlag }, taxonomy));
    } catch (e) {
      failed++;
      doc.messages.push({ stage: 'understand', severity: 'error', text: `table ${tableId} (${cand.title || 'untitled'}): ${failureLine(e)}`, table_id: tableId });
    }
  }
  // a column's decimals told over all the pages of its table (OCR reads each page as a table)
  flagLostDecimalsAcrossPages(doc.tables, doc.facts);
  // a 总表's expenditure 类 whose names OCR garbled, told by the code order of the side (its pages)
  classesByOrder(doc.tables, doc.facts, taxonomy, doc.fiscal_year, (k) => !!kindById(k)?.two_sided, OCR_CODE_UNREAD, OCR_NAME_FUZZY);
  // and its income sources, told by the template's order
  incomeLabelsByOrder(doc.tables, doc.facts, isStandardLabel, OCR_NAME_FUZZY);
  // and its carry-overs and totals misread beyond one character, told by their side
  sideWordsBySide(doc.tables, doc.facts, (k) => !!kindById(k)?.two_sided, (f) => (f.flags.includes(OCR_NAME_FUZZY) || f.flags.includes(OCR_CODE_UNREAD)) && !isStandardLabel(f.item), OCR_NAME_FUZZY);
  // a code misread into one the classification does not know, told by another table printing the row
  codesByTwins(doc.tables, doc.facts, taxonomy, doc.fiscal_year, OCR_CODE_REPAIRED);
  return { candidates: candidates.length, failed };
}

/** `partial` / `failed` with a one-line reason: pages OCR did not read, tables that failed, pages
 *  left unread without OCR. */
function settleStatus(doc: DocumentRecord, tables: { candidates: number; failed: number }, needsOcrPages: number[] | undefined, unreadPages: string): void {
  if (tables.failed > 0) {
    doc.status = 'partial';
    doc.error = `${tables.failed} of ${tables.candidates} tables could not be read (see run.json messages)`;
  }
  if (unreadPages) {
    doc.status = 'partial';
    doc.error = doc.error ? `${unreadPages}; ${doc.error}` : unreadPages;
  }
  if (needsOcrPages?.length) {
    const pages = needsOcrPages;
    const all = doc.pages !== undefined && pages.length >= doc.pages;
    if (all && doc.tables.length === 0 && doc.facts.length === 0) {
      doc.status = 'failed';
      doc.error = `no text layer on any of its ${pages.length} pages (scanned) and OCR was not run (--no-ocr): ingest it without --no-ocr`;
    } else if (doc.status === 'ok') {
      doc.status = 'partial';
      doc.error = `${pages.length} page(s) without a text layer were not read (OCR not run: --no-ocr): ${pages.slice(0, 10).join(', ')}${pages.length > 10 ? ', …' : ''}`;
    }
  }
  if (doc.status === 'ok' && doc.tables.length === 0 && doc.facts.length === 0 && doc.performance.length === 0) {
    // read without fault, but nothing to show (a blank page, a notice): said, so a reader can tell
    doc.error = 'no tables found';
    doc.messages.push({ stage: 'locate', severity: 'warning', text: 'no tables found in the document' });
  }
}

function understandOne(doc: DocumentRecord, cand: TableCandidate, tableId: string, units: { defaultUnit: string; unitFlag: string }, taxonomy: Taxonomy): void {
  if (isPerformanceForm(cand)) {
    const formId = `${doc.doc_id}-${tableId}`;
    const { form, indicators, messages } = parsePerformanceForm(cand, { doc_id: doc.doc_id, table_id: tableId, form_id: formId, fiscal_year: doc.fiscal_year, issuer: doc.issuer });
    doc.performance.push(form);
    doc.indicators.push(...indicators);
    for (const m of messages) doc.messages.push({ stage: 'performance', severity: 'warning', text: m, table_id: tableId });
    const table: Table = understandTable(cand, classifyTitle(cand.title || 'form', cand.table_no, doc.doc_kind) ?? { id: 'performance_self_evaluation', doc_kind: 'performance_evaluation', titles: [], measures: [] }, tableId);
    table.rows = []; // a form's numbers live in performance.csv, not in facts
    table.flags = [];
    doc.tables.push(table);
    return;
  }
  const { kind, evidence, flags } = classifyTable(cand, doc.doc_kind);
  const table = understandTable(cand, kind, tableId, { fiscalYear: doc.fiscal_year });
  table.kind_evidence = evidence;
  table.flags.push(...flags);
  const carried = carriedContext(doc, table);
  doc.tables.push(table);
  // no push(...facts): a table of 100,000s of rows has more facts than a call takes arguments
  let doubted = false;
  for (const f of factsOfTable(table, { doc_id: doc.doc_id, fiscal_year: doc.fiscal_year, ...units, taxonomy, ...(carried ? { carried } : {}), ...(doc.issuer ? { issuer: doc.issuer } : {}) })) {
    doc.facts.push(f);
    doubted ||= !!units.unitFlag && f.flags.includes(units.unitFlag);
  }
  // a table that prints no unit took the document's: in doubt where the document gives none or two
  if (doubted) table.flags.push(units.unitFlag);
}

function unsupportedMessage(format: string): string {
  switch (format) {
    case 'unknown': return 'not a supported document (PDF, HTML, text dump, spreadsheet or image): the bytes match no known format';
    default: return `no extractor for format ${format}`;
  }
}
