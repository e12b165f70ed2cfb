// OCR on documents nobody keyed: the table pages of text-layer budgets the project was never tuned
// on (../shared/corpus-budgets, one document per city by default; or another folder of text-layer
// PDFs, such as ../shared/corpus, whose 决算 and 绩效 documents the budgets do not have), scanned under conditions of the
// grid's `reported` set (tests/fixtures/scans/scan-grid.json, made by make-scan-grid.mjs
// --documents), read by OCR and scored against what the same build reads from their text layer.
// The text layer is the key: a fact the OCR run gets otherwise (or not at all) is the scan's loss,
// so the figure is how the OCR side generalises to other issuers' layouts, fonts and tables, apart
// from what the text-layer side gets wrong. Key pages: the cover and the first BENCH_UNSEEN_PAGES
// (default 4) pages that hold facts in the text-layer run; key facts: every fact of those pages.
// Printed per condition (F1, silent errors as the grid counts them, per city) with the minimum;
// never asserted. Run only when named: npm run bench -- ocr-unseen.
// Environment: BENCH_UNSEEN_CONDITIONS=a,b (of the reported set; default q80-200,photocopy-200,
// fax-200), BENCH_UNSEEN_PER_CITY (documents per city, default 1), BENCH_UNSEEN_FROM (the first
// document of a city taken, 0-based, default 0: 1 sets aside the documents a change was developed
// on and measures on the next of each city), BENCH_UNSEEN_PAGES,
// BENCH_UNSEEN_WORKERS (ingest --workers, default 2), BENCH_UNSEEN_DIR (where the scans are made;
// reused while there), BENCH_UNSEEN_KEEP=DIR (keep the output folders there, with the text-layer
// run and the keys made from it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseCsv, toCsv } from '../../output/csv.js';
import { encodingLabel, pct, scanToolsMissing, scoreCondition, timedRun, type GridFile } from './ocr-grid.js';

const KEY_COLUMNS = ['source', 'table_kind', 'section', 'code', 'item', 'measure', 'value'];

/** the documents: per city (the file name's prefix before its first '-'), `perCity` of them from
 *  the `from`-th (0: the first) */
function pickDocuments(dir: string, perCity: number, from: number, keyed: Set<string>): string[] {
  const isKeyed = (f: string): boolean => [...keyed].some((k) => f.startsWith(k));
  const files = readdirSync(dir).filter((f) => f.endsWith('.pdf') && !isKeyed(f)).sort();
  const byCity = new Map<string, string[]>();
  for (const f of files) {
    const city = f.split('-')[0]!;
    byCity.set(city, [...(byCity.get(city) ?? []), f]);
  }
  return [...byCity.values()].flatMap((fs) => fs.slice(from, from + perCity)).map((f) => join(dir, f));
}

export async function benchOcrUnseen(repo: string, shared: string): Promise<void> {
  const missing = scanToolsMissing();
  if (missing.length) { console.log(`  skipped: ${missing.join(', ')} not installed (apt-get install -y poppler-utils imagemagick img2pdf)`); return; }
  const source = process.env.BENCH_UNSEEN_SOURCE || join(shared, 'corpus-budgets');
  if (!existsSync(source) || !existsSync(join(shared, 'tools/score-facts.mjs'))) { console.log(`  skipped: ${source} or ../shared/tools/score-facts.mjs not found`); return; }
  const grid = JSON.parse(readFileSync(join(repo, 'tests/fixtures/scans/scan-grid.json'), 'utf8')) as GridFile;
  const names = (process.env.BENCH_UNSEEN_CONDITIONS ?? 'q80-200,photocopy-200,fax-200').split(',').filter(Boolean);
  const conds = grid.sets.reported!.filter((c) => names.includes(c.name));
  if (conds.length !== names.length) { console.log(`  skipped: BENCH_UNSEEN_CONDITIONS: not in the reported set: ${names.filter((n) => !conds.some((c) => c.name === n)).join(', ')}`); return; }
  const perCity = Math.max(1, Number(process.env.BENCH_UNSEEN_PER_CITY ?? 1) || 1);
  const from = Math.max(0, Number(process.env.BENCH_UNSEEN_FROM ?? 0) || 0);
  const nPages = Math.max(1, Number(process.env.BENCH_UNSEEN_PAGES ?? 4) || 4);
  const workers = process.env.BENCH_UNSEEN_WORKERS ?? '2';
  const scans = process.env.BENCH_UNSEEN_DIR ?? join(tmpdir(), 'fiscal-extract-scan-unseen');
  const keep = process.env.BENCH_UNSEEN_KEEP;
  const work = mkdtempSync(join(tmpdir(), 'fx-ocr-unseen-'));
  try {
    // 1. the text layer: the key
    const files = pickDocuments(source, perCity, from, new Set(Object.keys(grid.documents)));
    if (!files.length) { console.log(`  skipped: no document of ${source} from the ${from + 1}th of a city on`); return; }
    const textOut = join(keep ?? work, 'text');
    rmSync(textOut, { recursive: true, force: true });
    const t = spawnSync(process.execPath, [join(repo, 'dist/pipeline/cli.js'), 'ingest', ...files, '--out', textOut, '--quiet', '--no-state', '--no-ocr', '--workers', workers], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (t.status !== 0 && t.status !== 1) { console.log(`  skipped: the text-layer run exited ${t.status}: ${(t.stderr || '').trim().split('\n').at(-1)}`); return; }
    const docs = parseCsv(readFileSync(join(textOut, 'documents.csv'), 'utf8'));
    const facts = parseCsv(readFileSync(join(textOut, 'facts.csv'), 'utf8'));
    const keysDir = join(keep ?? work, 'keys');
    rmSync(keysDir, { recursive: true, force: true });
    mkdirSync(keysDir, { recursive: true });
    const documents: Record<string, { file: string; pages: number[] }> = {};
    const keyFiles: string[] = [];
    for (const d of docs) {
      if (d.format !== 'pdf-text') continue;
      const mine = facts.filter((f) => f.doc_id === d.doc_id && f.page);
      const pages = [...new Set(mine.map((f) => Number(f.page)))].sort((a, b) => a - b).slice(0, nPages);
      const keyed = mine.filter((f) => pages.includes(Number(f.page)));
      if (!keyed.length) continue;
      const key = basename(d.source!).replace(/\.pdf$/, '');
      documents[key] = { file: d.source!, pages: [...new Set([1, ...pages])].sort((a, b) => a - b) };
      const file = join(keysDir, `${key}.expected.csv`);
      writeFileSync(file, toCsv(KEY_COLUMNS, keyed.map((f) => [`${key}.pdf`, f.table_kind, f.section, f.code, f.item, f.measure, f.value].map((v) => v ?? ''))));
      keyFiles.push(file);
    }
    const docKeys = Object.keys(documents);
    if (!docKeys.length) { console.log(`  skipped: no text-layer document of ${source} gave facts`); return; }
    const pagesPerCondition = docKeys.reduce((s, k) => s + documents[k]!.pages.length, 0);
    const keyFacts = keyFiles.reduce((s, k) => s + parseCsv(readFileSync(k, 'utf8')).length, 0);
    console.log(`  ${docKeys.length} documents (${perCity} per city of ${source}${from ? `, from the ${from + 1}th` : ''}), ${pagesPerCondition} pages per condition (cover + ${nPages} fact pages each), ${keyFacts} key facts from their text layer; scans in ${scans}; --workers ${workers}`);
    const docsFile = join(work, 'documents.json');
    writeFileSync(docsFile, JSON.stringify(documents));
    // 2. the scans
    const gen = spawnSync(process.execPath, [join(repo, 'tests/fixtures/scans/make-scan-grid.mjs'), scans, '--set', 'reported', '--conditions', conds.map((c) => c.name).join(','), '--documents', docsFile, '--jobs', workers], { encoding: 'utf8' });
    if (gen.status !== 0) { console.log(`  skipped: make-scan-grid.mjs failed: ${(gen.stderr || '').trim().split('\n').at(-1)}`); return; }
    // 3. each condition read by OCR and scored against the text layer
    const results: { name: string; F1: number }[] = [];
    for (const c of conds) {
      const scanned = docKeys.map((k) => join(scans, 'reported', c.name, `${k}.pdf`));
      const out = keep ? join(keep, c.name) : join(work, c.name);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      const { r, cpu } = timedRun(process.execPath, [join(repo, 'dist/pipeline/cli.js'), 'ingest', ...scanned, '--out', out, '--quiet', '--no-state', '--workers', workers]);
      if (r.status !== 0 && r.status !== 1) { console.log(`     ${c.name}: ingest exited ${r.status}: ${(r.stderr || '').split('\n').slice(-4, -2).join(' ')}`); continue; }
      const res = scoreCondition(out, shared, keyFiles);
      results.push({ name: c.name, F1: res.F1 });
      const enc = encodingLabel(c);
      console.log(`     ${c.name.padEnd(14)} ${String(c.dpi).padStart(3)} dpi ${enc.padEnd(8)} F1 ${res.F1.toFixed(3)} (P ${res.P.toFixed(3)} R ${res.R.toFixed(3)})  silent ${pct(res.silent, res.facts).padStart(6)} (${res.wrongValueSilent} value [${res.wrongVouched} verified], ${res.unmatchedSilent} position, ${res.wrongKindSilent} kind of ${res.facts})  unknown tables ${res.unknownTables}/${res.ocrTables}; CPU s/page ${(cpu / pagesPerCondition).toFixed(2)}`);
      console.log(`     ${''.padEnd(14)} ${res.scores.map((s) => `${s.source.split('-').slice(0, 2).join('-')} ${s.F1.toFixed(3)}`).join(' · ')}`);
      for (const x of res.silentExamples) console.log(`     ${''.padEnd(14)} silent: ${x}`);
    }
    if (results.length) {
      const min = results.reduce((a, b) => (b.F1 < a.F1 ? b : a));
      console.log(`  summary unseen: ${results.length} conditions, F1 min ${min.F1.toFixed(3)} (${min.name}) mean ${(results.reduce((s, r) => s + r.F1, 0) / results.length).toFixed(3)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
