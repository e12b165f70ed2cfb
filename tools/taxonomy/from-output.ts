// Code–name pairs the pipeline itself read from coded tables (an output folder's documents.csv and
// facts.csv) → observations for the taxonomy build, each with its document and page. A row
// involved in a failing identity (its facts carry the check id) or read with a layout repair is no
// evidence: it may be misread, and a misread row would teach the taxonomy a wrong name. Nor is a
// document listed as no evidence (templates, a deliberately altered copy): see readNotEvidence.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseCsvObjects } from './csv.js';
import type { ObservedPair } from './types.js';

/** Standard coded tables only: an unknown table's "codes" may be scores or targets. */
const CODED = /^(income|expenditure|general_budget_expenditure|general_budget_basic_expenditure|government_fund|state_capital|budget_(income|expenditure|general_expenditure|general_basic_expenditure|government_fund|state_capital|project_expenditure))$/;

/** Documents whose tables are no evidence, by file name and by content (sha256 prefixes). */
interface NotEvidence {
  filenames: Set<string>;
  sha256: string[];
}

/** The list the build reads unless told otherwise: <data dir>/not-evidence.tsv. */
export const NOT_EVIDENCE_FILE = 'not-evidence.tsv';

/**
 * Read lists of documents that are no evidence: TSV files with a header row (`#` lines are
 * comments) naming `filename` and/or `sha256_16` (or `sha256`), the columns of the corpus
 * MANIFEST.tsv. When a file has an `evidence` column (a manifest that flags its documents), only
 * its rows saying `no` / `false` / `0` count; otherwise every row listed is no evidence. A missing
 * file is an error.
 */
export function readNotEvidence(files: string[]): NotEvidence {
  const out: NotEvidence = { filenames: new Set(), sha256: [] };
  for (const file of files) {
    if (!existsSync(file)) throw new Error(`not-evidence list not found: ${file}`);
    const lines = readFileSync(file, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
    const head = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
    const col = (name: string) => head.indexOf(name);
    const [fn, hash, flag] = [col('filename'), col('sha256_16') >= 0 ? col('sha256_16') : col('sha256'), col('evidence')];
    if (fn < 0 && hash < 0) throw new Error(`${file}: the header names neither filename nor sha256_16`);
    for (const line of lines.slice(1)) {
      const cells = line.split('\t').map((c) => c.trim());
      if (flag >= 0 && !/^(no|false|0)$/i.test(cells[flag] ?? '')) continue;
      if (fn >= 0 && cells[fn]) out.filenames.add(cells[fn]!);
      if (hash >= 0 && cells[hash]) out.sha256.push(cells[hash]!.toLowerCase());
    }
  }
  return out;
}

const NOTHING_EXCLUDED: NotEvidence = { filenames: new Set(), sha256: [] };

/** Flags that say the taxonomy does not know the code (yet): exactly the evidence wanted here. */
const CODE_FLAGS = new Set(['provisional_code', 'unknown_code', 'code_name_mismatch']);
const ORGANISATION = /(局|委员会|办公室|办公厅|中心|法院|检察院|街道办事处|人民政府|本级|机关)$/;

export function observedFromOutput(dir: string, notEvidence: NotEvidence = NOTHING_EXCLUDED): ObservedPair[] {
  const docsFile = join(dir, 'documents.csv');
  const factsFile = join(dir, 'facts.csv');
  if (!existsSync(docsFile) || !existsSync(factsFile)) throw new Error(`${dir} is not an ingest output folder (documents.csv and facts.csv are needed)`);
  const docs = new Map<string, { source: string; year: string; evidence: boolean }>();
  for (const { row } of parseCsvObjects(readFileSync(docsFile, 'utf8'))) {
    const source = basename(row['source'] ?? '');
    const sha = (row['sha256'] ?? '').toLowerCase();
    const excluded = notEvidence.filenames.has(source) || (sha !== '' && notEvidence.sha256.some((h) => sha.startsWith(h)));
    docs.set(row['doc_id'] ?? '', { source, year: row['fiscal_year'] ?? '', evidence: !excluded });
  }
  const seen = new Set<string>();
  const pairs: ObservedPair[] = [];
  for (const { row } of parseCsvObjects(readFileSync(factsFile, 'utf8'))) {
    const code = row['code'] ?? '';
    const name = row['item'] ?? '';
    if (!code || !name || row['code_source'] !== 'printed' || !CODED.test(row['table_kind'] ?? '')) continue;
    const doc = docs.get(row['doc_id'] ?? '');
    if (!doc || !doc.evidence) continue;
    // a row read with a layout repair, or involved in a failed check, is no evidence; an unknown
    // code (provisional) is exactly what this is for
    const flags = (row['flags'] ?? '').split(';').filter((f) => f && !CODE_FLAGS.has(f));
    if (flags.length) continue;
    // a unit list (单位编码 | 单位名称) printed in a coded column is not a classification
    if (ORGANISATION.test(name)) continue;
    const key = `${code}|${name}|${doc.source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push({ code, name, year: doc.year, source: `corpus/${doc.source}#p${row['page'] || '?'}` });
  }
  return pairs;
}
