// `fiscal-extract query <out> "<SQL>"`: SQL (DuckDB) over a dataset folder. Every dataset file is
// a view under its file name (documents, tables, facts, checks, performance,
// performance_indicators, definitions, budget_lines): over the Parquet files when the folder has
// them (output/parquet.ts), else over the CSV files, read as text and cast to the same exact types
// (output/sql-columns.ts), with the same added fiscal_year and issuer columns. The answer is
// printed as a table, CSV or JSON, or written to a .csv or .parquet file by DuckDB itself.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { csvField } from './csv.js';
import { addedColumns, castExpr, DATASET_TABLES, FILE, PARQUET_DIR, parquetColumns, quoteIdent, quoteText, readCsvSql, type DatasetTable } from './sql-columns.js';

const QUERY_USAGE = `fiscal-extract query <out-dir> "<SQL>" [--format table|csv|json] [--out file.csv|file.parquet]

Runs SQL (DuckDB) over a dataset folder written by fiscal-extract ingest. Views: documents,
tables, facts, checks, performance, performance_indicators, definitions, budget_lines, over
<out-dir>/parquet/ when it holds Parquet files (ingest --format parquet|both), else over the CSV
files. Types are exact: amounts DECIMAL(38,6), counts and pages INTEGER, verified BOOLEAN, empty
fields NULL. Every view but documents also has the document's fiscal_year and issuer where it has
no column of that name.

  --format table   aligned text (default); csv: a header line, then rows; json: an array of objects
  --out <file>     write the answer to <file> instead (.csv or .parquet, by DuckDB; exact types)

Example:
  fiscal-extract query dataset "SELECT fiscal_year, issuer, sum(amount_yuan) FROM facts
    WHERE code LIKE '210%' AND level = '类' GROUP BY ALL ORDER BY ALL"
`;

class QueryError extends Error {}

/** the Parquet files of a dataset file, when the folder has them */
function parquetGlob(outDir: string, t: DatasetTable): string | undefined {
  const dir = join(outDir, PARQUET_DIR, t.name);
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir).some((y) => !y.startsWith('.') && readdirSync(join(dir, y)).length > 0) ? join(dir, '*', '*', FILE) : undefined;
}

/** the format the last run wrote (run.json), so a parquet/ tree left by an earlier run is not read */
function lastFormat(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { options?: { format?: string } }).options?.format;
  } catch { return undefined; }
}

/**
 * A DuckDB connection with the dataset's views. `source` says what they read: `parquet` when the
 * folder has a parquet/ tree (ingest --format parquet|both), else `csv`; `prefer` picks the CSV
 * files of a folder that has both.
 */
export async function openDataset(outDir: string, prefer?: 'csv'): Promise<{ con: DuckDBConnection; source: 'parquet' | 'csv'; close: () => void }> {
  const dir = resolve(outDir);
  const parquet = prefer !== 'csv' && existsSync(join(dir, PARQUET_DIR, 'documents')) && lastFormat(dir) !== 'csv';
  if (!parquet && !existsSync(join(dir, 'documents.csv'))) throw new QueryError(`${outDir} holds no dataset (neither parquet/ nor documents.csv): run fiscal-extract ingest … --out ${outDir} first`);
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const close = () => { con.closeSync(); db.closeSync(); };
  try {
    if (parquet) {
      for (const t of DATASET_TABLES) {
        const glob = parquetGlob(dir, t);
        const body = glob
          ? `SELECT * FROM read_parquet(${quoteText(glob)}, hive_partitioning = false)`
          : `SELECT ${parquetColumns(t).map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ')} WHERE false`;
        await con.run(`CREATE VIEW ${quoteIdent(t.name)} AS ${body}`);
      }
    } else await csvViews(con, dir);
  } catch (e) {
    close();
    throw e;
  }
  return { con, source: parquet ? 'parquet' : 'csv', close };
}

/** the CSV files as views of the same columns and types as the Parquet files */
async function csvViews(con: DuckDBConnection, dir: string): Promise<void> {
  const docs = DATASET_TABLES.find((t) => t.name === 'documents')!;
  // the fiscal year and issuer of a doc_id: its last documents row (as budget_lines and the Parquet partitions take them)
  await con.run(`CREATE TEMP TABLE documents_csv AS SELECT * FROM ${readCsvSql(join(dir, 'documents.csv'), docs.columns)}`);
  await con.run(`CREATE TEMP TABLE doc_meta AS SELECT doc_id, arg_max(fiscal_year, rowid) AS fiscal_year, arg_max(issuer, rowid) AS issuer FROM documents_csv GROUP BY doc_id`);
  for (const t of DATASET_TABLES) {
    const path = join(dir, `${t.name}.csv`);
    if (!existsSync(path)) continue;
    const from = t.name === 'documents' ? 'documents_csv r' : `${readCsvSql(path, t.columns)} r LEFT JOIN doc_meta m ON r.doc_id = m.doc_id`;
    const select = [
      ...t.columns.map((c) => `${castExpr(t.resource, c, `r.${quoteIdent(c)}`)} AS ${quoteIdent(c)}`),
      ...addedColumns(t).map((c) => `${castExpr(c === 'fiscal_year' ? 'documents' : t.resource, c, `m.${c}`)} AS ${c}`),
    ];
    await con.run(`CREATE VIEW ${quoteIdent(t.name)} AS SELECT ${select.join(', ')} FROM ${from}`);
  }
}

/** an answer: column names and rows of text (NULL → '') */
interface Answer { columns: string[]; rows: string[][] }

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export async function runQuery(con: DuckDBConnection, sql: string): Promise<Answer> {
  const r = await con.runAndReadAll(sql);
  return { columns: r.columnNames(), rows: r.getRows().map((row) => row.map(text)) };
}

/** display width: CJK and full-width characters take two columns */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function cut(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ');
  if (width(one) <= max) return one;
  let out = '';
  for (const ch of one) { if (width(out + ch) > max - 1) break; out += ch; }
  return out + '…';
}

function formatTable(a: Answer, maxWidth = 48): string {
  const cells = [a.columns, ...a.rows].map((r) => r.map((c) => cut(c, maxWidth)));
  const w = a.columns.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(w[i]! - width(c))).join('  ').trimEnd();
  return [line(cells[0]!), w.map((n) => '-'.repeat(n)).join('  '), ...cells.slice(1).map(line), `(${a.rows.length} row${a.rows.length === 1 ? '' : 's'})`].join('\n') + '\n';
}

function formatCsv(a: Answer): string {
  return [a.columns, ...a.rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

export async function queryCli(argv: string[]): Promise<number> {
  const pos: string[] = [];
  let format = 'table';
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--help' || a === '-h') { process.stdout.write(QUERY_USAGE); return 0; }
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'table' && v !== 'csv' && v !== 'json') { process.stderr.write(`fiscal-extract query: --format takes table, csv or json\n`); return 2; }
      format = v;
    } else if (a === '--out' || a.startsWith('--out=')) {
      out = value();
      if (!out || !['.csv', '.parquet'].includes(extname(out).toLowerCase())) { process.stderr.write(`fiscal-extract query: --out takes a file ending in .csv or .parquet\n`); return 2; }
    } else if (a.startsWith('--')) { process.stderr.write(`fiscal-extract query: unknown option ${a}\n${QUERY_USAGE}`); return 2; }
    else pos.push(a);
  }
  if (pos.length !== 2) { process.stderr.write(QUERY_USAGE); return 2; }
  const [dir, sqlIn] = pos as [string, string];
  const sql = sqlIn.trim().replace(/;+\s*$/, '');
  let ds: Awaited<ReturnType<typeof openDataset>>;
  try { ds = await openDataset(dir); } catch (e) {
    if (e instanceof QueryError) { process.stderr.write(`fiscal-extract query: ${e.message}\n`); return 2; }
    throw e;
  }
  try {
    if (out) {
      const fmt = extname(out).toLowerCase() === '.parquet' ? 'parquet' : 'csv';
      await ds.con.run(`COPY (${sql}) TO ${quoteText(resolve(out))} (FORMAT ${fmt}${fmt === 'csv' ? ', HEADER true' : ''})`);
      process.stderr.write(`→ ${out}\n`);
      return 0;
    }
    if (format === 'json') {
      // DuckDB's JSON form: DECIMAL and BIGINT as strings (exact), NULL as null
      process.stdout.write(JSON.stringify((await ds.con.runAndReadAll(sql)).getRowObjectsJson(), null, 1) + '\n');
      return 0;
    }
    const answer = await runQuery(ds.con, sql);
    process.stdout.write(format === 'csv' ? formatCsv(answer) : formatTable(answer));
    return 0;
  } catch (e) {
    process.stderr.write(`fiscal-extract query: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  } finally {
    ds.close();
  }
}
