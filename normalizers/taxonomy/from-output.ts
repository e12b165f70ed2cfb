// Code–name pairs the pipeline itself read from coded tables (an output folder's documents.csv and
// facts.csv) → observations for the taxonomy build, each with its document and page. A row
// involved in a failing identity (its facts carry the check id) or read with a layout repair is no
// evidence: it may be misread, and a misread row would teach the taxonomy a wrong name.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseCsvObjects } from './csv.js';
import type { ObservedPair } from './types.js';

/** Standard coded tables only: an unknown table's "codes" may be scores or targets. */
const CODED = /^(income|expenditure|general_budget_expenditure|general_budget_basic_expenditure|government_fund|state_capital|budget_(income|expenditure|general_expenditure|general_basic_expenditure|government_fund|state_capital|project_expenditure))$/;
/** Documents that are not real disclosures: templates and the deliberately altered copy. */
const NOT_EVIDENCE = /TEMPLATE|MODIFIED/i;
/** Flags that say the taxonomy does not know the code (yet): exactly the evidence wanted here. */
const CODE_FLAGS = new Set(['provisional_code', 'unknown_code', 'code_name_mismatch']);
const ORGANISATION = /(局|委员会|办公室|办公厅|中心|法院|检察院|街道办事处|人民政府|本级|机关)$/;

export function observedFromOutput(dir: string): ObservedPair[] {
  const docsFile = join(dir, 'documents.csv');
  const factsFile = join(dir, 'facts.csv');
  if (!existsSync(docsFile) || !existsSync(factsFile)) throw new Error(`${dir} is not an ingest output folder (documents.csv and facts.csv are needed)`);
  const docs = new Map<string, { source: string; year: string }>();
  for (const { row } of parseCsvObjects(readFileSync(docsFile, 'utf8'))) {
    docs.set(row['doc_id'] ?? '', { source: basename(row['source'] ?? ''), year: row['fiscal_year'] ?? '' });
  }
  const seen = new Set<string>();
  const pairs: ObservedPair[] = [];
  for (const { row } of parseCsvObjects(readFileSync(factsFile, 'utf8'))) {
    const code = row['code'] ?? '';
    const name = row['item'] ?? '';
    if (!code || !name || row['code_source'] !== 'printed' || !CODED.test(row['table_kind'] ?? '')) continue;
    const doc = docs.get(row['doc_id'] ?? '');
    if (!doc || NOT_EVIDENCE.test(doc.source)) continue;
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
