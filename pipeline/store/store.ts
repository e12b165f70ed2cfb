// The incremental state of a corpus (SQLite, better-sqlite3): which sources were seen with which
// bytes, the output blocks each (bytes, extractor version, context) produced, and HTTP
// validators for conditional requests. Every write is one transaction, so a run killed at any
// moment leaves either the old row or the new one, never half of one.
// The blocks themselves (the large part) live in the content-addressed blob store beside the
// database (<dir>/blobs/<sha[0:2]>/<sha>.gz), the row holds `blob:<sha>`; the full records are not
// stored (the blocks rebuild them: output/records.ts datasetOfBlocks). A blob is written before
// the row that names it, so a killed run leaves at worst an unreferenced blob.
// A state written before this keeps working: inline blocks and stored records are still read.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { datasetOfBlocks, type Dataset, type DocBlocks } from '../../output/records.js';
import { BlobStore } from './blobs.js';

interface StoredResult {
  key: string;
  sha256: string;
  extractor_version: string;
  status: string;
  dataset: Dataset;
  info: ResultInfo;
}

/** What run.json and the progress line need about a document besides its records. */
export interface ResultInfo {
  pages?: number;
  format: string;
  ms: number;
  timings: Record<string, number>;
  messages: { stage: string; severity: string; text: string }[];
  /** pages read by OCR, and the resolutions (dpi) they were read at and their images had */
  ocr?: OcrInfo;
}

export interface OcrInfo { pages: number; dpi: number[]; image_dpi: number[] }

interface SeenRow { source: string; sha256: string; size: number; mtime_ms: number }

interface HttpValidators { url: string; etag: string; last_modified: string; sha256: string; charset: string }

const SCHEMA = `
CREATE TABLE IF NOT EXISTS results (
  key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, extractor_version TEXT NOT NULL, status TEXT NOT NULL,
  dataset TEXT NOT NULL, info TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outputs (key TEXT PRIMARY KEY, head TEXT NOT NULL, blocks TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS results_sha ON results(sha256);
CREATE TABLE IF NOT EXISTS seen (
  source TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL, mtime_ms INTEGER NOT NULL, last_seen TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS http_cache (
  url TEXT PRIMARY KEY, etag TEXT NOT NULL, last_modified TEXT NOT NULL, sha256 TEXT NOT NULL, charset TEXT NOT NULL, fetched TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT, summary TEXT);
`;

export class Store {
  private db: Database.Database;
  private stmts;
  /** where blocks are kept (none for an in-memory state: inline) */
  private readonly blobs: BlobStore | undefined;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.blobs = path !== ':memory:' ? new BlobStore(join(dirname(path), 'blobs')) : undefined;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(SCHEMA);
    this.stmts = {
      getResult: this.db.prepare('SELECT key, sha256, extractor_version, status, dataset, info FROM results WHERE key = ?'),
      putResult: this.db.prepare('INSERT OR REPLACE INTO results (key, sha256, extractor_version, status, dataset, info, created) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      getBlocks: this.db.prepare('SELECT blocks FROM outputs WHERE key = ?'),
      getHead: this.db.prepare('SELECT head FROM outputs WHERE key = ?'),
      putBlocks: this.db.prepare('INSERT OR REPLACE INTO outputs (key, head, blocks) VALUES (?, ?, ?)'),
      getInfo: this.db.prepare('SELECT info FROM results WHERE key = ?'),
      hasResult: this.db.prepare('SELECT 1 FROM results WHERE key = ?'),
      getSeen: this.db.prepare('SELECT source, sha256, size, mtime_ms FROM seen WHERE source = ?'),
      putSeen: this.db.prepare('INSERT OR REPLACE INTO seen (source, sha256, size, mtime_ms, last_seen) VALUES (?, ?, ?, ?, ?)'),
      getHttp: this.db.prepare('SELECT url, etag, last_modified, sha256, charset FROM http_cache WHERE url = ?'),
      putHttp: this.db.prepare('INSERT OR REPLACE INTO http_cache (url, etag, last_modified, sha256, charset, fetched) VALUES (?, ?, ?, ?, ?, ?)'),
      countResults: this.db.prepare('SELECT count(*) AS n FROM results'),
      startRun: this.db.prepare('INSERT INTO runs (started) VALUES (?)'),
      finishRun: this.db.prepare('UPDATE runs SET finished = ?, summary = ? WHERE id = ?'),
    };
  }

  getResult(key: string): StoredResult | undefined {
    const r = this.stmts.getResult.get(key) as { key: string; sha256: string; extractor_version: string; status: string; dataset: string; info: string } | undefined;
    if (!r) return undefined;
    let dataset: Dataset;
    if (r.dataset) dataset = JSON.parse(r.dataset) as Dataset; // a state written when records were stored
    else {
      const b = this.getBlocks(key);
      if (!b) return undefined;
      dataset = datasetOfBlocks(b);
    }
    return { key: r.key, sha256: r.sha256, extractor_version: r.extractor_version, status: r.status, dataset, info: JSON.parse(r.info) as ResultInfo };
  }

  /** the document's serialised output blocks (output/records.ts DocBlocks), when stored */
  getBlocks(key: string): DocBlocks | undefined {
    const r = this.stmts.getBlocks.get(key) as { blocks: string } | undefined;
    if (!r) return undefined;
    if (!r.blocks.startsWith(BLOB)) return JSON.parse(r.blocks) as DocBlocks;
    const text = this.blobs?.getText(r.blocks.slice(BLOB.length));
    return text === undefined ? undefined : JSON.parse(text) as DocBlocks;
  }

  /** the blocks' JSON as the row keeps it: a reference into the blob store (inline when in memory) */
  private blockRef(json: string): string {
    return this.blobs ? BLOB + this.blobs.putText(json) : json;
  }

  /** the small part of the blocks (documents row, counts): what a reused document costs before the write */
  getHead(key: string): Pick<DocBlocks, 'doc' | 'counts'> | undefined {
    const r = this.stmts.getHead.get(key) as { head: string } | undefined;
    return r ? JSON.parse(r.head) as Pick<DocBlocks, 'doc' | 'counts'> : undefined;
  }

  putBlocks(key: string, blocks: DocBlocks): void {
    this.stmts.putBlocks.run(key, headOf(blocks), this.blockRef(JSON.stringify(blocks)));
  }

  getInfo(key: string): ResultInfo | undefined {
    const r = this.stmts.getInfo.get(key) as { info: string } | undefined;
    return r ? JSON.parse(r.info) as ResultInfo : undefined;
  }

  hasResult(key: string): boolean {
    return this.stmts.hasResult.get(key) !== undefined;
  }

  /** the result (its blocks; the records are not kept, the blocks rebuild them) and the source
   *  that produced it, in one transaction */
  putResult(r: Omit<StoredResult, 'dataset'>, blocks: { blocks: string; head: string }, seen?: SeenRow): void {
    const now = new Date().toISOString();
    const ref = this.blockRef(blocks.blocks); // before the row that names it
    this.db.transaction(() => {
      this.stmts.putResult.run(r.key, r.sha256, r.extractor_version, r.status, '', JSON.stringify(r.info), now);
      this.stmts.putBlocks.run(r.key, blocks.head, ref);
      if (seen) this.stmts.putSeen.run(seen.source, seen.sha256, seen.size, seen.mtime_ms, now);
    })();
  }

  getSeen(source: string): SeenRow | undefined {
    return this.stmts.getSeen.get(source) as SeenRow | undefined;
  }

  putSeen(s: SeenRow): void {
    this.stmts.putSeen.run(s.source, s.sha256, s.size, s.mtime_ms, new Date().toISOString());
  }

  getHttp(url: string): HttpValidators | undefined {
    return this.stmts.getHttp.get(url) as HttpValidators | undefined;
  }

  putHttp(v: HttpValidators): void {
    this.stmts.putHttp.run(v.url, v.etag, v.last_modified, v.sha256, v.charset, new Date().toISOString());
  }

  countResults(): number {
    return (this.stmts.countResults.get() as { n: number }).n;
  }

  startRun(started: string): number {
    return Number(this.stmts.startRun.run(started).lastInsertRowid);
  }

  finishRun(id: number, finished: string, summary: unknown): void {
    this.stmts.finishRun.run(finished, JSON.stringify(summary), id);
  }

  close(): void {
    this.db.close();
  }
}

const BLOB = 'blob:';

export function headOf(b: DocBlocks): string {
  return JSON.stringify({ doc: b.doc, counts: b.counts });
}
