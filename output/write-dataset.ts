// Write a dataset into an output folder. Nothing half-written: every file is first written into
// a temporary folder beside the target and then renamed into place, tables/ swapped as a whole.
// The renames are journaled (.write-journal.json): a run killed between two renames leaves the
// complete new files in the temporary folder, and the next write into the folder (or
// `recoverOutput`) finishes the swap before anything else, so the set of files is never a mix
// of two runs for longer than until the next start.
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gridsHashOf, type Dataset, type DocBlocks } from './records.js';
import { BUDGET_LINE_COLUMNS } from './fiscal-lines.js';
import { csvField, toCsv } from './csv.js';
import { CHECK_COLUMNS, DEFINITION_COLUMNS, DOCUMENT_COLUMNS, FACT_COLUMNS, INDICATOR_COLUMNS, PERFORMANCE_COLUMNS, TABLE_COLUMNS } from './columns.js';
import { datapackage } from './datapackage.js';
import { budgetLinesCsv } from './fiscal-lines.js';

function rowsOf<T extends object>(records: T[], columns: readonly string[]): string[][] {
  return records.map((r) => columns.map((c) => String((r as Record<string, unknown>)[c] ?? '')));
}

interface RunInfo {
  [key: string]: unknown;
}

const JOURNAL = '.write-journal.json';

interface Journal {
  tmp: string; files: string[]; tables: boolean;
  /** tables/<doc_id>/ folders carried over unchanged: moved from the live tables/ into the new one during the swap */
  moves?: string[];
}

/** tables/.index.json: doc_id → grids hash of each folder in tables/ (swapped with the folder) */
const TABLES_INDEX = '.index.json';

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** finish a swap a killed run left half done; remove temporary folders of dead runs */
export function recoverOutput(outDir: string): void {
  if (!existsSync(outDir)) return;
  const jp = join(outDir, JOURNAL);
  if (existsSync(jp)) {
    let j: Journal | undefined;
    try { j = JSON.parse(readFileSync(jp, 'utf8')) as Journal; } catch { j = undefined; }
    if (j && existsSync(join(outDir, j.tmp))) swapIn(outDir, j);
    rmSync(jp, { force: true });
  }
  for (const name of readdirSync(outDir)) {
    const m = /^\.tmp-(?:old-tables-)?(\d+)/.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(outDir, name), { recursive: true, force: true });
  }
}

function swapIn(outDir: string, j: Journal): void {
  const tmp = join(outDir, j.tmp);
  if (j.tables && existsSync(join(tmp, 'tables'))) {
    // idempotent: a swap resumed after a kill moves what the killed run had not moved yet
    for (const d of j.moves ?? []) {
      const src = join(outDir, 'tables', d);
      const dst = join(tmp, 'tables', d);
      if (existsSync(src) && !existsSync(dst)) renameSync(src, dst);
    }
    const oldTables = join(outDir, `.tmp-old-tables-${process.pid}`);
    rmSync(oldTables, { recursive: true, force: true });
    if (existsSync(join(outDir, 'tables'))) renameSync(join(outDir, 'tables'), oldTables);
    renameSync(join(tmp, 'tables'), join(outDir, 'tables'));
    rmSync(oldTables, { recursive: true, force: true });
  }
  for (const name of j.files) if (existsSync(join(tmp, name))) renameSync(join(tmp, name), join(outDir, name));
}

export function writeDataset(ds: Dataset, outDir: string, run: RunInfo): string[] {
  mkdirSync(outDir, { recursive: true });
  recoverOutput(outDir);
  const tmpName = `.tmp-${process.pid}-${Date.now()}`;
  const tmp = join(outDir, tmpName);
  mkdirSync(tmp, { recursive: true });
  const files: [string, string][] = [
    ['documents.csv', toCsv(DOCUMENT_COLUMNS, rowsOf(ds.documents, DOCUMENT_COLUMNS))],
    ['tables.csv', toCsv(TABLE_COLUMNS, rowsOf(ds.tables, TABLE_COLUMNS))],
    ['facts.csv', toCsv(FACT_COLUMNS, rowsOf(ds.facts, FACT_COLUMNS))],
    ['checks.csv', toCsv(CHECK_COLUMNS, rowsOf(ds.checks, CHECK_COLUMNS))],
    ['performance.csv', toCsv(PERFORMANCE_COLUMNS, rowsOf(ds.performance, PERFORMANCE_COLUMNS))],
    ['performance_indicators.csv', toCsv(INDICATOR_COLUMNS, rowsOf(ds.indicators, INDICATOR_COLUMNS))],
    ['definitions.csv', toCsv(DEFINITION_COLUMNS, rowsOf(ds.definitions, DEFINITION_COLUMNS))],
    ['budget_lines.csv', budgetLinesCsv(ds)],
    ['facts.json', JSON.stringify({ facts: ds.facts }, null, 1) + '\n'],
    ['datapackage.json', JSON.stringify(datapackage(), null, 2) + '\n'],
    // last: run.json says a complete dataset is in place
    ['run.json', JSON.stringify(run, null, 2) + '\n'],
  ];
  try {
    for (const [name, text] of files) writeFileSync(join(tmp, name), text);
    const tablesTmp = join(tmp, 'tables');
    for (const g of ds.grids) {
      const dir = join(tablesTmp, g.doc_id);
      mkdirSync(dir, { recursive: true });
      const [head = [], ...rest] = g.rows;
      writeFileSync(join(dir, `${g.table_id}.csv`), toCsv(head, rest));
    }
    mkdirSync(tablesTmp, { recursive: true });
    commitJournal(outDir, { tmp: tmpName, files: files.map(([n]) => n), tables: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return files.map(([n]) => n);
}

/** One document's share of the output as written: its final documents.csv row and its blocks. */
export interface DatasetPart { doc: DocBlocks['doc']; blocks: DocBlocks }

const STREAMED: [string, readonly string[], Exclude<keyof DocBlocks, 'doc' | 'counts' | 'grids' | 'grids_hash' | 'facts_json'> | 'documents'][] = [
  ['documents.csv', DOCUMENT_COLUMNS, 'documents'],
  ['tables.csv', TABLE_COLUMNS, 'tables'],
  ['facts.csv', FACT_COLUMNS, 'facts'],
  ['checks.csv', CHECK_COLUMNS, 'checks'],
  ['performance.csv', PERFORMANCE_COLUMNS, 'performance'],
  ['performance_indicators.csv', INDICATOR_COLUMNS, 'indicators'],
  ['definitions.csv', DEFINITION_COLUMNS, 'definitions'],
  ['budget_lines.csv', BUDGET_LINE_COLUMNS, 'budget_lines'],
];

/** a file written through a small buffer */
class Sink {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(path: string) { this.fd = openSync(path, 'w'); }
  write(s: string): void {
    if (!s) return;
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void { if (this.buf.length) writeSync(this.fd, this.buf.join('')); this.buf = []; this.size = 0; }
  close(): void { this.flush(); closeSync(this.fd); }
}

/**
 * The same files, bytes and guarantees as writeDataset, streamed: the parts (in source order) are
 * appended file by file as they come, so no file is ever one string in memory. `run` is called
 * after the last part (run.json is written last).
 */
export function writeDatasetStream(parts: Iterable<DatasetPart>, outDir: string, run: () => RunInfo, opts: { parquet?: boolean } = {}): string[] {
  mkdirSync(outDir, { recursive: true });
  recoverOutput(outDir);
  const tmpName = `.tmp-${process.pid}-${Date.now()}`;
  const tmp = join(outDir, tmpName);
  mkdirSync(tmp, { recursive: true });
  const names = [...STREAMED.map(([n]) => n), 'facts.json', 'datapackage.json', 'run.json'];
  try {
    const sinks = STREAMED.map(([name, cols]) => { const k = new Sink(join(tmp, name)); k.write(toCsv(cols, [])); return k; });
    const fj = new Sink(join(tmp, 'facts.json'));
    fj.write('{\n "facts": [');
    let anyFact = false;
    const tables = new TableFolders(join(tmp, 'tables'), join(outDir, 'tables'));
    for (const p of parts) {
      STREAMED.forEach(([, cols, k], i) => sinks[i]!.write(k === 'documents' ? cols.map((c) => csvField(String((p.doc as unknown as Record<string, unknown>)[c] ?? ''))).join(',') + '\n' : p.blocks[k]));
      if (p.blocks.facts_json) { fj.write((anyFact ? ',\n' : '\n') + p.blocks.facts_json); anyFact = true; }
      tables.add(p.doc.doc_id, p.blocks.grids, p.blocks.grids_hash);
    }
    fj.write(anyFact ? '\n ]\n}\n' : ']\n}\n');
    for (const k of sinks) k.close();
    fj.close();
    writeFileSync(join(tmp, 'datapackage.json'), JSON.stringify(datapackage({ parquet: !!opts.parquet }), null, 2) + '\n');
    // last: run.json says a complete dataset is in place
    writeFileSync(join(tmp, 'run.json'), JSON.stringify(run(), null, 2) + '\n');
    tables.finish();
    commitJournal(outDir, { tmp: tmpName, files: names, tables: true, moves: [...tables.moves] });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return names;
}

/**
 * The tables/<doc_id>/ folders of a streamed write, in the temporary folder. A document's folder
 * whose grids are unchanged since the last run (the hash in tables/.index and the same file
 * names) is not written: it is carried over by the swap (`moves`).
 */
class TableFolders {
  readonly moves = new Set<string>();
  private readonly index: Record<string, string> = {};
  private readonly seen = new Set<string>();
  private readonly oldIndex: Record<string, string>;

  constructor(private readonly tablesTmp: string, private readonly liveTables: string) {
    mkdirSync(tablesTmp, { recursive: true });
    let oldIndex: Record<string, string> = {};
    try { oldIndex = JSON.parse(readFileSync(join(liveTables, TABLES_INDEX), 'utf8')) as Record<string, string>; } catch { oldIndex = {}; }
    this.oldIndex = oldIndex;
  }

  add(id: string, grids: DocBlocks['grids'], gridsHash: string | undefined): void {
    if (!grids.length) return;
    const { tablesTmp, liveTables, index, moves, seen } = this;
    const dir = join(tablesTmp, id);
    const hash = gridsHash ?? gridsHashOf(grids);
    if (seen.has(id)) {
      // the same folder again (the same bytes under two names): written over, as the grids come
      if (moves.delete(id)) cpSync(join(liveTables, id), dir, { recursive: true });
      index[id] = '';
    } else if (this.oldIndex[id] === hash && grids.every((g) => g.doc_id === id) && sameFiles(join(liveTables, id), grids)) {
      moves.add(id); // unchanged: carried over by the swap
      index[id] = hash;
      seen.add(id);
      return;
    } else index[id] = hash;
    seen.add(id);
    mkdirSync(dir, { recursive: true });
    for (const g of grids) {
      if (g.doc_id !== id) mkdirSync(join(tablesTmp, g.doc_id), { recursive: true });
      writeFileSync(join(tablesTmp, g.doc_id, `${g.table_id}.csv`), g.csv);
    }
  }

  /** tables/.index: each folder's hash, for the next run. */
  finish(): void {
    writeFileSync(join(this.tablesTmp, TABLES_INDEX), JSON.stringify(this.index));
  }
}

/** the live folder holds exactly these grid files (names; the index vouches for their bytes) */
function sameFiles(dir: string, grids: DocBlocks['grids']): boolean {
  let names: string[];
  try { names = readdirSync(dir); } catch { return false; }
  if (names.length !== grids.length) return false;
  const want = new Set(grids.map((g) => `${g.table_id}.csv`));
  return want.size === names.length && names.every((n) => want.has(n));
}

/** Write the journal (atomically), swap the new files in, drop the journal: a run killed between
 *  the first and the last step is completed by the next start from the journal. */
function commitJournal(outDir: string, journal: Journal): void {
  const jp = join(outDir, JOURNAL);
  writeFileSync(`${jp}.tmp`, JSON.stringify(journal));
  renameSync(`${jp}.tmp`, jp);
  swapIn(outDir, journal);
  rmSync(jp, { force: true });
}

/** Parquet only (`--format parquet`): the CSV files are not written; datapackage.json (the
 *  Parquet resources) and then run.json, each written beside its place and renamed in. */
export function writeParquetRunFiles(outDir: string, run: () => RunInfo): void {
  mkdirSync(outDir, { recursive: true });
  recoverOutput(outDir);
  const put = (name: string, text: string) => {
    const p = join(outDir, name);
    writeFileSync(`${p}.tmp-${process.pid}`, text);
    renameSync(`${p}.tmp-${process.pid}`, p);
  };
  put('datapackage.json', JSON.stringify(datapackage({ csv: false, parquet: true }), null, 2) + '\n');
  put('run.json', JSON.stringify(run(), null, 2) + '\n');
}
