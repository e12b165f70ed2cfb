// The dataset as partitioned Parquet (DuckDB): <out>/parquet/<file>/partition_year=<y>/
// partition_issuer=<issuer>/data.parquet, one folder per fiscal year and issuer (Hive style; the
// issuer sanitised for a folder name, its real value in the `issuer` column). Typed exactly
// (output/sql-columns.ts): the CSV text of each document's blocks is loaded as VARCHAR and cast
// by DuckDB, never through a JS number.
// Incremental: parquet/.index.json keeps each partition's hash (its documents' result keys and
// rows); a run rewrites only the partitions whose hash changed, removes the partitions no
// document falls in any more, and leaves the rest untouched. Each file is written beside its
// place and renamed in (a reader sees the old file or the new one); the index names a partition
// only once its files are in place, so a killed run is completed by the next.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DocBlocks, DocumentRow } from './records.js';
import { csvField } from './csv.js';
import { addedColumns, castExpr, DATASET_TABLES, DECIMAL_SCALE, FILE, inexactDecimal, PARQUET_DIR, parquetColumns, quoteIdent, quoteText, readCsvSql, sqlType, type DatasetTable } from './sql-columns.js';

const INDEX = '.index.json';
/** bump when the files' layout or types change: every partition is written again */
const LAYOUT = 1;

/** One document for the Parquet files: its documents row, a hash of everything its rows depend
 *  on (result key and the rows its metadata comes from), and its blocks, asked for only when its
 *  partition is written. */
export interface ParquetDoc { doc: DocumentRow; hash: string; blocks: () => DocBlocks }

export interface ParquetStats { partitions: number; rewritten: number; removed: number; files_written: number; bytes_written: number; bytes_total: number; ms: number; error?: string }

interface Index { layout: number; partitions: Record<string, { hash: string; bytes: number }> }

/** a partition value as a folder name: no path separators, Hive/URI specials, control characters
 *  or white space; long values cut with a hash of the whole; empty → `_unknown` */
export function partitionValue(v: string): string {
  let s = v.normalize('NFC').replace(/[/\\:*?"<>|%=#&\s\p{Cc}]/gu, '_').replace(/^\./, '_');
  const chars = [...s];
  if (chars.length > 60) s = chars.slice(0, 60).join('') + '_' + createHash('sha256').update(v).digest('hex').slice(0, 8);
  return s || '_unknown';
}

function partitionDir(d: DocumentRow): string {
  return `partition_year=${partitionValue(d.fiscal_year)}/partition_issuer=${partitionValue(d.issuer)}`;
}

function readIndex(root: string): Index {
  try {
    const j = JSON.parse(readFileSync(join(root, INDEX), 'utf8')) as Index;
    if (j.layout === LAYOUT && j.partitions) return j;
  } catch { /* none yet, or unreadable: everything is written */ }
  return { layout: LAYOUT, partitions: {} };
}

function writeIndex(root: string, idx: Index): void {
  const p = join(root, INDEX);
  writeFileSync(`${p}.tmp`, JSON.stringify(idx));
  renameSync(`${p}.tmp`, p);
}

const SIGNATURE = JSON.stringify([LAYOUT, DATASET_TABLES.map((t) => parquetColumns(t))]);

/**
 * Write (or bring up to date) the partitioned Parquet files of a dataset under <outDir>/parquet.
 * `docs` in source order. Rows of a document go to the partition of the last documents row with
 * its doc_id (as budget_lines take their metadata), so the same bytes under two names stay together.
 */
export async function writeParquet(docs: ParquetDoc[], outDir: string): Promise<ParquetStats> {
  const t0 = performance.now();
  const root = join(outDir, PARQUET_DIR);
  for (const t of DATASET_TABLES) mkdirSync(join(root, t.name), { recursive: true });
  const lastOfId = new Map(docs.map((d) => [d.doc.doc_id, d.doc]));
  const parts = new Map<string, { docs: number[]; hash: ReturnType<typeof createHash> }>();
  docs.forEach((d, i) => {
    const last = lastOfId.get(d.doc.doc_id)!;
    const dir = partitionDir(last);
    let p = parts.get(dir);
    if (!p) parts.set(dir, p = { docs: [], hash: createHash('sha256').update(SIGNATURE) });
    p.docs.push(i);
    p.hash.update(`\u0000${d.hash}\u0000${JSON.stringify(d.doc)}\u0000${JSON.stringify(last)}`);
  });
  const hashes = new Map([...parts].map(([dir, p]) => [dir, p.hash.digest('hex')]));
  const old = readIndex(root);
  const changed = [...hashes].filter(([dir, h]) => old.partitions[dir]?.hash !== h || !existsSync(join(root, 'documents', dir, FILE))).map(([dir]) => dir);
  const removed = Object.keys(old.partitions).filter((dir) => !hashes.has(dir));
  const idx: Index = { layout: LAYOUT, partitions: {} };
  for (const [dir, e] of Object.entries(old.partitions)) if (hashes.get(dir) === e.hash && !changed.includes(dir)) idx.partitions[dir] = e;
  const stats: ParquetStats = { partitions: hashes.size, rewritten: changed.length, removed: removed.length, files_written: 0, bytes_written: 0, bytes_total: 0, ms: 0 };
  if (changed.length || removed.length) {
    writeIndex(root, idx); // no partition about to change is vouched for while it changes
    for (const dir of removed) for (const t of DATASET_TABLES) removeFile(root, t.name, dir);
    if (changed.length) {
      const written = await writePartitions(root, docs, lastOfId, changed, new Map([...parts].map(([dir, p]) => [dir, p.docs])));
      for (const dir of changed) {
        idx.partitions[dir] = { hash: hashes.get(dir)!, bytes: written.bytes.get(dir) ?? 0 };
      }
      stats.files_written = written.files;
      stats.bytes_written = [...written.bytes.values()].reduce((a, b) => a + b, 0);
    }
  }
  const sorted: Index = { layout: LAYOUT, partitions: Object.fromEntries(Object.entries(idx.partitions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
  if (changed.length || removed.length || !existsSync(join(root, INDEX))) writeIndex(root, sorted);
  stats.bytes_total = Object.values(idx.partitions).reduce((a, e) => a + e.bytes, 0);
  stats.ms = Math.round(performance.now() - t0);
  return stats;
}

function removeFile(root: string, table: string, dir: string): void {
  const f = join(root, table, dir, FILE);
  rmSync(f, { force: true });
  // the partition's folders, when nothing else is left in them
  for (let d = dirname(f); d.length > join(root, table).length; d = dirname(d)) {
    try { if (readdirSync(d).length) break; rmdirSync(d); } catch { break; }
  }
}

/** documents staged and loaded at a time: the memory a run needs does not grow with the corpus */
const BATCH_DOCS = 400;

/** The changed partitions' files, a batch of partitions at a time: their documents' rows staged
 *  as CSV (one file per dataset file), loaded and cast by DuckDB, written partitioned in one
 *  statement per dataset file, then renamed into place. */
async function writePartitions(root: string, docs: ParquetDoc[], lastOfId: Map<string, DocumentRow>, changed: string[], docsOf: Map<string, number[]>): Promise<{ files: number; bytes: Map<string, number> }> {
  const stage = join(root, `.tmp-${process.pid}-${Date.now()}`);
  const bytes = new Map<string, number>();
  let files = 0;
  const { DuckDBInstance } = await import('@duckdb/node-api'); // loaded by runs that write Parquet only
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    for (const batch of batches(changed, docsOf)) {
      rmSync(stage, { recursive: true, force: true });
      mkdirSync(stage, { recursive: true });
      const pidOf = new Map(batch.map((dir, i) => [dir, i]));
      stageCsv(stage, docs, lastOfId, pidOf, batch.flatMap((dir) => docsOf.get(dir)!).sort((a, b) => a - b));
      await con.run(`CREATE OR REPLACE TEMP TABLE m AS SELECT doc_id, CAST(pid AS INTEGER) AS pid, fiscal_year, issuer FROM ${readCsvSql(join(stage, 'm.csv'), ['doc_id', 'pid', 'fiscal_year', 'issuer'])}`);
      for (const t of DATASET_TABLES) {
        const rows = await copyTable(con, stage, t);
        let moved = 0;
        for (const [dir, pid] of pidOf) {
          const src = await onePartitionFile(con, join(stage, t.name, `pid=${pid}`));
          if (!src) { removeFile(root, t.name, dir); continue; }
          moved += Number((await con.runAndReadAll(`SELECT count(*) FROM read_parquet(${quoteText(src)})`)).getRowsJson()[0]![0]);
          const dst = join(root, t.name, dir, FILE);
          mkdirSync(dirname(dst), { recursive: true });
          bytes.set(dir, (bytes.get(dir) ?? 0) + statSync(src).size);
          renameSync(src, dst);
          files++;
        }
        if (moved !== rows) throw new Error(`${t.name}: ${rows} rows staged but ${moved} written; nothing of this batch is vouched for`);
      }
    }
  } finally {
    con.closeSync();
    db.closeSync();
    rmSync(stage, { recursive: true, force: true });
  }
  return { files, bytes };
}

/** The one file of a partition as DuckDB wrote it; DuckDB may write a partition in several files
 *  (data0, data1, … when it flushes): they are merged, in their order, into one. */
async function onePartitionFile(con: DuckDBConnection, dir: string): Promise<string | undefined> {
  if (!existsSync(dir)) return undefined;
  const parts = readdirSync(dir).filter((f) => /^data\d+\.parquet$/.test(f)).sort((a, b) => Number(a.slice(4, -8)) - Number(b.slice(4, -8))).map((f) => join(dir, f));
  if (parts.length <= 1) return parts[0];
  const merged = join(dir, 'merged.parquet');
  await con.run(`COPY (SELECT * FROM read_parquet([${parts.map(quoteText).join(', ')}])) TO ${quoteText(merged)} (FORMAT parquet, COMPRESSION zstd)`);
  return merged;
}

/** the changed partitions in groups of about BATCH_DOCS documents (a partition is never split) */
function* batches(changed: string[], docsOf: Map<string, number[]>): Generator<string[]> {
  let batch: string[] = [];
  let n = 0;
  for (const dir of changed) {
    batch.push(dir);
    n += docsOf.get(dir)!.length;
    if (n >= BATCH_DOCS) { yield batch; batch = []; n = 0; }
  }
  if (batch.length) yield batch;
}

/** m.csv (doc_id → partition, fiscal year, issuer) and <table>.csv (the rows of the batch's
 *  documents `indices`, in source order), each document written as it comes */
function stageCsv(stage: string, docs: ParquetDoc[], lastOfId: Map<string, DocumentRow>, pidOf: Map<string, number>, indices: number[]): void {
  const fds = new Map(DATASET_TABLES.map((t) => {
    const fd = openSync(join(stage, `${t.name}.csv`), 'w');
    writeSync(fd, t.columns.map(csvField).join(',') + '\n');
    return [t.name, fd];
  }));
  const m = ['doc_id,pid,fiscal_year,issuer\n'];
  const mapped = new Set<string>();
  try {
    for (const i of indices) {
      const d = docs[i]!;
      const last = lastOfId.get(d.doc.doc_id)!;
      const pid = pidOf.get(partitionDir(last))!;
      if (!mapped.has(d.doc.doc_id)) { mapped.add(d.doc.doc_id); m.push([d.doc.doc_id, String(pid), last.fiscal_year, last.issuer].map(csvField).join(',') + '\n'); }
      const b = d.blocks();
      for (const t of DATASET_TABLES) {
        const text = t.block === 'documents' ? t.columns.map((c) => csvField(String((d.doc as unknown as Record<string, unknown>)[c] ?? ''))).join(',') + '\n' : b[t.block];
        if (text) writeSync(fds.get(t.name)!, text);
      }
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  writeFileSync(join(stage, 'm.csv'), m.join(''));
}

/** one dataset file's staged rows → Parquet files per partition (stage/<table>/pid=<n>/); returns the rows staged */
async function copyTable(con: DuckDBConnection, stage: string, t: DatasetTable): Promise<number> {
  await con.run(`CREATE OR REPLACE TEMP TABLE s AS SELECT * FROM ${readCsvSql(join(stage, `${t.name}.csv`), t.columns)}`);
  const decimals = t.columns.filter((c) => sqlType(t.resource, c).startsWith('DECIMAL'));
  if (decimals.length) {
    const bad = (await con.runAndReadAll(`SELECT doc_id, ${decimals.map((c) => `CASE WHEN ${inexactDecimal(c)} THEN ${quoteText(c)} || ' = ' || ${quoteIdent(c)} END`).join(', ')} FROM s WHERE ${decimals.map(inexactDecimal).join(' OR ')} LIMIT 1`)).getRowsJson()[0];
    if (bad) throw new Error(`${t.name}: document ${String(bad[0])} has a value that is not an exact decimal of at most ${38 - DECIMAL_SCALE} digits before and ${DECIMAL_SCALE} after the point (${bad.slice(1).filter(Boolean).join(', ')}); it cannot be written as Parquet DECIMAL`);
  }
  const unmapped = (await con.runAndReadAll(`SELECT count(*) FROM s WHERE doc_id NOT IN (SELECT doc_id FROM m)`)).getRowsJson()[0]![0];
  if (Number(unmapped) > 0) throw new Error(`${t.name}: ${String(unmapped)} row(s) name a doc_id no document has; not written`);
  const select = [
    ...t.columns.map((c) => `${castExpr(t.resource, c, `s.${quoteIdent(c)}`)} AS ${quoteIdent(c)}`),
    ...addedColumns(t).map((c) => `${c === 'fiscal_year' ? 'CAST(NULLIF(m.fiscal_year, \'\') AS INTEGER)' : "NULLIF(m.issuer, '')"} AS ${c}`),
  ];
  await con.run(`COPY (SELECT m.pid, ${select.join(', ')} FROM s JOIN m ON s.doc_id = m.doc_id ORDER BY s.rowid) TO ${quoteText(join(stage, t.name))} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (pid), FILENAME_PATTERN 'data', OVERWRITE_OR_IGNORE)`);
  return Number((await con.runAndReadAll('SELECT count(*) FROM s')).getRowsJson()[0]![0]);
}
