// The main job: read every input document, one at a time, and build the dataset. A document that
// fails is recorded with its reason and the run goes on.
import { readFileSync } from 'node:fs';
import { processDocument, newRecord } from './process-document.js';
import { expandInputs } from './inputs.js';
import type { DocumentRecord } from './types.js';
import { recordsOf, emptyDataset, appendDataset, type Dataset } from '../output/records.js';
import { writeDataset } from '../output/write-dataset.js';
import { VERSION } from './version.js';

export interface IngestOptions {
  /** output folder; when absent nothing is written (library use) */
  out?: string;
  /** per-document time limit, ms */
  timeoutMs?: number;
  /** called after each document */
  onDocument?: (doc: DocumentRecord, index: number, total: number) => void;
  /** keep the full document records (blocks, tables) in the result */
  keepRecords?: boolean;
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
  counts: { documents: number; ok: number; partial: number; failed: number; tables: number; facts: number; checks_failed: number; performance_forms: number; indicators: number };
  stage_ms: Record<string, number>;
  documents: { doc_id: string; source: string; status: string; error: string; ms: number; messages: { stage: string; severity: string; text: string }[] }[];
  missing_inputs: string[];
}

export async function ingest(inputs: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const started = new Date();
  const { files, missing } = expandInputs(inputs);
  const ds = emptyDataset();
  const summary: RunSummary = {
    tool: 'fiscal-extract', version: VERSION, started: started.toISOString(), finished: '', inputs,
    options: { out: opts.out ?? null, timeoutMs: opts.timeoutMs ?? 120000 },
    counts: { documents: 0, ok: 0, partial: 0, failed: 0, tables: 0, facts: 0, checks_failed: 0, performance_forms: 0, indicators: 0 },
    stage_ms: {}, documents: [], missing_inputs: missing,
  };
  const records: DocumentRecord[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const t0 = performance.now();
    let doc: DocumentRecord;
    try {
      const bytes = new Uint8Array(readFileSync(file));
      doc = await processDocument(file, bytes, opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {});
    } catch (e) {
      doc = newRecord(file, new Uint8Array(0));
      doc.status = 'failed';
      doc.error = `cannot read the file: ${(e as Error).message.split('\n')[0]}`;
    }
    const ms = performance.now() - t0;
    appendDataset(ds, recordsOf(doc));
    summary.counts[doc.status]++;
    for (const [k, v] of Object.entries(doc.timings)) summary.stage_ms[k] = Math.round((summary.stage_ms[k] ?? 0) + v);
    summary.documents.push({
      doc_id: doc.doc_id, source: doc.source, status: doc.status, error: doc.error, ms: Math.round(ms),
      messages: doc.messages.filter((m) => m.severity !== 'info').slice(0, 50).map((m) => ({ stage: m.stage, severity: m.severity, text: m.text })),
    });
    if (opts.keepRecords) records.push(doc);
    opts.onDocument?.(doc, i, files.length);
  }
  summary.counts.documents = files.length;
  summary.counts.tables = ds.tables.length;
  summary.counts.facts = ds.facts.length;
  summary.counts.checks_failed = ds.checks.filter((c) => c.severity !== 'info').length;
  summary.counts.performance_forms = ds.performance.length;
  summary.counts.indicators = ds.indicators.length;
  summary.finished = new Date().toISOString();
  if (opts.out) writeDataset(ds, opts.out, summary as unknown as Record<string, unknown>);
  const result: IngestResult = { ...ds, run: summary };
  if (opts.keepRecords) result.records = records;
  return result;
}
