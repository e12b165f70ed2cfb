// OCR scan-condition grid: the answer-key documents' table pages (and covers) scanned under many
// conditions (tests/fixtures/scans/scan-grid.json: dpi 150/200/300, grey JPEG quality 40–90, 1-bit
// fax-like, noise and blur at two levels, skew to ±1.5°, a photocopy look, level stretches), made by
// tests/fixtures/scans/make-scan-grid.mjs into a temp folder (reused while it exists), ingested with
// the CLI and scored against the SAME answer keys: fact P/R/F1 per condition and document, the
// silent error rate (facts with a wrong value and no flag that speaks of the value — a flag on the
// code, name, measure or unit alone does not, ocr-facts.ts NOT_OF_VALUE; those of them marked
// verified are counted apart —, facts at no key position or in a table of a kind the key does not
// give the page — unknown included — with no flag, or with the key's value in another unit than the
// table prints, tests/fixtures/expected/units.csv, with no flag), and the OCR tables left
// `unknown`. Printed per condition with the minimum; never asserted.
// Two condition sets: `dev` (what rules may be tuned on) and `reported` (the figure to report, other
// levels, angles and seeds; never tuned on); a third, `probe`, of kinds neither holds (colour,
// lossless PNG, 240 and 400 dpi, dithered 1 bit, skew past 2°, 120 dpi), never tuned on either.
// Run only when named: npm run bench -- ocr-grid.
// Environment: BENCH_GRID_SET=dev|reported|probe|all (default reported), BENCH_GRID_QUICK=1 (the set's
// quick conditions, scan-grid.json `quick`), BENCH_GRID_CONDITIONS=a,b, BENCH_GRID_DOCS=key,…,
// BENCH_GRID_WORKERS (ingest --workers, default 1), BENCH_GRID_DIR (where the scans are made),
// BENCH_GRID_KEEP=DIR (keep each condition's output folder there), BENCH_GRID_NATIVE=0 (no native
// tesseract baseline), BENCH_GRID_SETTINGS=FILE (ingest --settings FILE: a setting's effect measured
// against the defaults in one build), BENCH_GRID_PROFILE=1 (the ingest's OCR stages profiled:
// extractors/ocr/profile.ts; one OCR worker then, and the stages only add up with
// BENCH_GRID_WORKERS=1, one document at a time).
// Speed: CPU seconds per page (user + system, so that a machine busy with other work does not
// count) of the whole ingest (start-up, model loading, OCR with its re-reads, tables, facts), and of
// native tesseract (Debian's, one thread, PSM 11, chi_sim+eng: one plain reading) on the same page
// images in the same run; wall seconds beside them. Native tesseract missing: the baseline is
// skipped with the command that installs it. Profiled, the CPU s/page of each OCR stage (a stage's
// own, without the stages it holds: `first-pass/tesseract` is the tesseract job of the first pass,
// `first-pass` the rest of it) and what no stage took (start-up, layout, tables, facts).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseCsv } from '../../output/csv.js';
import { audit, NEUTRAL_FLAGS, score, type Score } from './ocr-facts.js';

interface Condition { name: string; dpi: number; encode: { jpeg?: number; fax?: number; dither?: boolean; png?: boolean }; colour?: { ink: string; paper: string } }

/** how a condition's pages are stored, for the bench's lines: `jpeg q80`, `fax 50%`, `colour jpeg q75` … */
export function encodingLabel(c: Condition): string {
  const e = c.encode;
  const enc = e.fax !== undefined ? `fax ${e.fax}%` : e.dither ? 'dithered 1 bit' : e.png ? 'png' : `jpeg q${e.jpeg}`;
  return c.colour ? `colour ${enc}` : enc;
}
export interface GridFile { documents: Record<string, number[]>; quick: Record<string, string[]>; sets: Record<string, Condition[]> }

export interface ConditionResult {
  P: number; R: number; F1: number;
  scores: Score[];
  /** facts on the scanned pages that are compared (audit's extracted + facts of kinds the key does not give those pages) */
  facts: number;
  /** wrong (value, position, kind or unit) and carrying no flag */
  silent: number;
  wrongValueSilent: number; wrongVouched: number; unmatchedSilent: number; wrongKind: number; wrongKindSilent: number; wrongUnit: number; wrongUnitSilent: number;
  ocrTables: number; unknownTables: number;
  silentExamples: string[];
}

/** `cmd` run under sh, whose `times` gives the CPU seconds (user + system) of it and its children;
 *  wall seconds beside them. */
export function timedRun(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { r: SpawnSyncReturns<string>; cpu: number; wall: number } {
  const t0 = performance.now();
  const r = spawnSync('sh', ['-c', '"$@"; s=$?; times >&2; exit $s', 'sh', cmd, ...args], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const wall = (performance.now() - t0) / 1000;
  // the last line of `times`: the children's user and system time, as 1m2.345s
  const last = (r.stderr ?? '').trim().split('\n').at(-1) ?? '';
  const secs = [...last.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { r, cpu: secs.length === 2 ? secs[0]! + secs[1]! : NaN, wall };
}

/** native tesseract's limit on one page (coreutils `timeout`): PSM 11 on a noisy cover page can run
 *  for a quarter of an hour */
const NATIVE_PAGE_LIMIT_S = 120;

/** Native tesseract on the page images of a condition's documents (`docKeys`): CPU and wall seconds
 *  per page, over the pages read within NATIVE_PAGE_LIMIT_S (`overLimit`: the pages left out). */
function nativeTesseract(pagesDir: string, dpi: number, docKeys: string[]): { cpu: number; wall: number; pages: number; overLimit: number } {
  const imgs = readdirSync(pagesDir).filter((f) => /\.(jpg|tif|png)$/.test(f) && docKeys.some((k) => f.startsWith(`${k}-p`))).sort();
  let cpu = 0;
  let wall = 0;
  let read = 0;
  for (const f of imgs) {
    const t = timedRun('timeout', [String(NATIVE_PAGE_LIMIT_S), 'tesseract', join(pagesDir, f), '-', '-l', 'chi_sim+eng', '--psm', '11', '--dpi', String(dpi), 'tsv'], { ...process.env, OMP_THREAD_LIMIT: '1' });
    if (t.r.status === 124) continue;
    cpu += t.cpu;
    wall += t.wall;
    read++;
  }
  return { cpu: cpu / Math.max(1, read), wall: wall / Math.max(1, read), pages: read, overLimit: imgs.length - read };
}

/** CPU and wall seconds per page of each stage in a profile file (profile.ts), largest CPU first. */
export function profileSummary(file: string, pages: number, totalCpu: number): string[] {
  const by = new Map<string, { cpu: number; wall: number; n: number }>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as { stage: string; cpu: number; wall: number };
    const t = by.get(e.stage) ?? { cpu: 0, wall: 0, n: 0 };
    t.cpu += e.cpu / 1000;
    t.wall += e.wall / 1000;
    t.n++;
    by.set(e.stage, t);
  }
  const staged = [...by.values()].reduce((s, t) => s + t.cpu, 0);
  const rows = [...by.entries()].sort((a, b) => b[1].cpu - a[1].cpu).map(([k, t]) => `${k.padEnd(32)} ${(t.cpu / pages).toFixed(3)} (wall ${(t.wall / pages).toFixed(3)}, ${t.n}×)`);
  rows.push(`${'(no stage: start-up, layout, tables, facts)'.padEnd(32)} ${((totalCpu - staged) / pages).toFixed(3)}`);
  return rows;
}

const short = (source: string): string => source.replace(/-\d{4}-.*$/, '');
export const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(2)}%` : '-');

/** Facts of the keyed documents in tables of a kind the key does not give (the scans hold the key
 *  pages only, so every such fact carries a wrong kind): how many, how many without a flag. */
function wrongKinds(out: string, keyFiles: string[]): { n: number; silent: number; examples: string[] } {
  const docs = parseCsv(readFileSync(join(out, 'documents.csv'), 'utf8'));
  const srcOf = new Map(docs.map((d) => [d.doc_id!, basename(d.source ?? '')]));
  const expected = keyFiles.flatMap((k) => parseCsv(readFileSync(k, 'utf8')));
  const sources = new Set(expected.map((e) => e.source!));
  const covered = new Set(expected.map((e) => `${e.source}|${e.table_kind}`));
  const r = { n: 0, silent: 0, examples: [] as string[] };
  for (const f of parseCsv(readFileSync(join(out, 'facts.csv'), 'utf8'))) {
    const src = srcOf.get(f.doc_id!) ?? '';
    if (!sources.has(src) || covered.has(`${src}|${f.table_kind}`)) continue;
    const v = String(f.value ?? '').replace(/[,\s]/g, '');
    if (!/^[-+]?\d*\.?\d+$/.test(v) || Number(v) === 0) continue;
    r.n++;
    if ((f.flags ?? '').split(';').some((x) => x && !NEUTRAL_FLAGS.has(x))) continue;
    r.silent++;
    if (r.examples.length < 5) r.examples.push(`${short(src)} ${f.table_id} ${f.table_kind} ${f.code || f.item} ${f.measure} = ${v}`);
  }
  return r;
}

/** Score one output folder of scanned key documents against their keys. */
export function scoreCondition(out: string, shared: string, keyFiles: string[]): ConditionResult {
  const scores = keyFiles.map((k) => score(shared, out, k));
  const e = scores.reduce((a, s) => a + s.expected, 0), m = scores.reduce((a, s) => a + s.matched, 0), p = scores.reduce((a, s) => a + s.predicted, 0);
  const P = p ? Math.min(1, m / p) : 0, R = e ? m / e : 0, F1 = P + R ? (2 * P * R) / (P + R) : 0;
  const a = audit(out, keyFiles);
  const wk = wrongKinds(out, keyFiles);
  const tables = parseCsv(readFileSync(join(out, 'tables.csv'), 'utf8')).filter((t) => t.method === 'ocr' && Number(t.n_facts || 0) > 0);
  return {
    P, R, F1, scores,
    facts: a.extracted + wk.n,
    silent: a.wrongSilent + a.unmatchedSilent + wk.silent + a.wrongUnitSilent,
    wrongValueSilent: a.wrongSilent, wrongVouched: a.wrongVouched, unmatchedSilent: a.unmatchedSilent, wrongKind: wk.n, wrongKindSilent: wk.silent, wrongUnit: a.wrongUnit, wrongUnitSilent: a.wrongUnitSilent,
    ocrTables: tables.length, unknownTables: tables.filter((t) => t.table_kind === 'unknown').length,
    silentExamples: [...a.examples.slice(0, 3), ...a.unmatchedExamples.slice(0, 3), ...wk.examples.slice(0, 3)],
  };
}

/** The tools make-scan-grid.mjs needs that are missing (a /usr/local/bin/convert that is no
 *  ImageMagick counts as missing). */
export function scanToolsMissing(): string[] {
  const missing = [['pdftoppm', '-v'], ['img2pdf', '--version']].filter(([c, a]) => spawnSync(c!, [a!]).error).map(([c]) => c!);
  if (!/ImageMagick/.test(spawnSync('convert', ['-version'], { encoding: 'utf8' }).stdout ?? '')) missing.push('convert (ImageMagick)');
  return missing;
}

export async function benchOcrGrid(repo: string, shared: string): Promise<void> {
  const missing = scanToolsMissing();
  if (missing.length) { console.log(`  skipped: ${missing.join(', ')} not installed (apt-get install -y poppler-utils imagemagick img2pdf)`); return; }
  if (!existsSync(join(shared, 'tools/score-facts.mjs'))) { console.log('  skipped: ../shared/tools/score-facts.mjs not found'); return; }
  const gridFile = join(repo, 'tests/fixtures/scans/scan-grid.json');
  const grid = JSON.parse(readFileSync(gridFile, 'utf8')) as GridFile;
  const setArg = process.env.BENCH_GRID_SET ?? 'reported';
  const sets = setArg === 'all' ? Object.keys(grid.sets) : [setArg];
  if (sets.some((s) => !grid.sets[s])) { console.log(`  skipped: BENCH_GRID_SET=${setArg}: no such set (${Object.keys(grid.sets).join(', ')}, all)`); return; }
  const quick = process.env.BENCH_GRID_QUICK === '1';
  const only = (process.env.BENCH_GRID_CONDITIONS ?? '').split(',').filter(Boolean);
  const docKeys = Object.keys(grid.documents).filter((k) => !process.env.BENCH_GRID_DOCS || process.env.BENCH_GRID_DOCS.split(',').includes(k));
  const workers = process.env.BENCH_GRID_WORKERS ?? '1';
  const settingsFile = process.env.BENCH_GRID_SETTINGS;
  const scans = process.env.BENCH_GRID_DIR ?? join(tmpdir(), 'fiscal-extract-scan-grid');
  const keep = process.env.BENCH_GRID_KEEP;
  const profile = process.env.BENCH_GRID_PROFILE === '1';
  const keyFiles = docKeys.map((k) => join(repo, 'tests/fixtures/expected', `${k}.expected.csv`));
  const native = process.env.BENCH_GRID_NATIVE !== '0' && !spawnSync('tesseract', ['--version']).error;
  if (!native) console.log(`  native tesseract baseline: ${process.env.BENCH_GRID_NATIVE === '0' ? 'off (BENCH_GRID_NATIVE=0)' : 'skipped, tesseract not installed (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim)'}`);
  const nPages = docKeys.reduce((s, k) => s + grid.documents[k]!.length, 0);
  console.log(`  ${docKeys.length} documents, ${nPages} pages per condition (key pages + covers); scans in ${scans}; --workers ${workers}`);
  console.log('  silent = a wrong value with no flag of its value (a flag on its code, name, measure or unit alone does not count; [n verified]: of those, marked verified), or with no flag at all a fact at no key position, in a table of another kind than the key\'s (unknown included), or a right value in another unit than its table prints (units.csv)');
  const summary: string[] = [];
  for (const set of sets) {
    const conds = grid.sets[set]!.filter((c) => (!quick || (grid.quick[set] ?? []).includes(c.name)) && (!only.length || only.includes(c.name)));
    if (!conds.length) continue;
    const t0 = performance.now();
    const gen = spawnSync(process.execPath, [join(repo, 'tests/fixtures/scans/make-scan-grid.mjs'), scans, '--set', set, '--conditions', conds.map((c) => c.name).join(','), '--docs', docKeys.join(',')], { encoding: 'utf8', env: { ...process.env, CORPUS: join(shared, 'corpus') } });
    if (gen.status !== 0) { console.log(`  skipped set ${set}: make-scan-grid.mjs failed: ${(gen.stderr || '').trim().split('\n').at(-1)}`); continue; }
    console.log(`\n  -- set ${set}: ${conds.length} conditions (scans made or reused in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    const results: [Condition, ConditionResult, { cpu: number; nativeCpu?: number }][] = [];
    for (const c of conds) {
      const files = docKeys.map((k) => join(scans, set, c.name, `${k}.pdf`));
      const out = keep ? join(keep, set, c.name) : mkdtempSync(join(tmpdir(), `fx-ocr-grid-${c.name}-`));
      if (keep) { rmSync(out, { recursive: true, force: true }); mkdirSync(out, { recursive: true }); }
      try {
        const profFile = profile ? join(mkdtempSync(join(tmpdir(), 'fx-ocr-profile-')), 'profile.jsonl') : undefined;
        const { r, cpu, wall } = timedRun(process.execPath, [join(repo, 'dist/pipeline/cli.js'), 'ingest', ...files, '--out', out, '--quiet', '--no-state', '--workers', workers, ...(settingsFile ? ['--settings', settingsFile] : [])], profFile ? { ...process.env, FISCAL_EXTRACT_OCR_PROFILE: profFile } : process.env);
        if (r.status !== 0 && r.status !== 1) { console.log(`     ${c.name}: ingest exited ${r.status}: ${(r.stderr || '').split('\n').slice(-4, -2).join(' ')}`); continue; }
        const res = scoreCondition(out, shared, keyFiles);
        const nat = native ? nativeTesseract(join(scans, set, c.name, 'pages'), c.dpi, docKeys) : undefined;
        results.push([c, res, { cpu: cpu / nPages, nativeCpu: nat?.cpu }]);
        const enc = encodingLabel(c);
        console.log(`     ${c.name.padEnd(14)} ${String(c.dpi).padStart(3)} dpi ${enc.padEnd(8)} F1 ${res.F1.toFixed(3)} (P ${res.P.toFixed(3)} R ${res.R.toFixed(3)})  silent ${pct(res.silent, res.facts).padStart(6)} (${res.wrongValueSilent} value [${res.wrongVouched} verified], ${res.unmatchedSilent} position, ${res.wrongKindSilent} kind, ${res.wrongUnitSilent} unit of ${res.facts})  unknown tables ${res.unknownTables}/${res.ocrTables}`);
        console.log(`     ${''.padEnd(14)} ${res.scores.map((s) => `${short(s.source)} ${s.F1.toFixed(3)}`).join(' · ')}`);
        console.log(`     ${''.padEnd(14)} CPU s/page: ingest --workers ${workers} ${(cpu / nPages).toFixed(2)} (wall ${(wall / nPages).toFixed(2)})${nat ? `; native tesseract ${nat.cpu.toFixed(2)} (wall ${nat.wall.toFixed(2)}, ${nat.pages} pages${nat.overLimit ? `; ${nat.overLimit} over ${NATIVE_PAGE_LIMIT_S} s left out` : ''}); ratio ${(cpu / nPages / nat.cpu).toFixed(2)}` : ''}`);
        for (const x of res.silentExamples) console.log(`     ${''.padEnd(14)} silent: ${x}`);
        if (profFile) {
          if (existsSync(profFile)) for (const l of profileSummary(profFile, nPages, cpu)) console.log(`     ${''.padEnd(14)} profile CPU s/page: ${l}`);
          rmSync(join(profFile, '..'), { recursive: true, force: true });
        }
      } finally {
        if (!keep) rmSync(out, { recursive: true, force: true });
      }
    }
    if (!results.length) continue;
    const min = results.reduce((a, b) => (b[1].F1 < a[1].F1 ? b : a));
    const worstSilent = results.reduce((a, b) => (b[1].silent / Math.max(1, b[1].facts) > a[1].silent / Math.max(1, a[1].facts) ? b : a));
    const mean = results.reduce((s, [, r]) => s + r.F1, 0) / results.length;
    const line = `set ${set}: ${results.length} conditions, F1 min ${min[1].F1.toFixed(3)} (${min[0].name}) mean ${mean.toFixed(3)}; silent max ${pct(worstSilent[1].silent, worstSilent[1].facts)} (${worstSilent[0].name}); unknown tables ${results.reduce((s, [, r]) => s + r.unknownTables, 0)}/${results.reduce((s, [, r]) => s + r.ocrTables, 0)}`;
    console.log(`     ${line}`);
    summary.push(line);
    for (const dpi of [...new Set(results.map(([c]) => c.dpi))].sort((a, b) => a - b)) {
      const at = results.filter(([c]) => c.dpi === dpi);
      const lo = at.reduce((a, b) => (b[1].F1 < a[1].F1 ? b : a));
      const silentMax = Math.max(...at.map(([, r]) => r.silent / Math.max(1, r.facts)));
      const cpu = at.reduce((s, [, , t]) => s + t.cpu, 0) / at.length;
      const nat = at.every(([, , t]) => t.nativeCpu !== undefined) ? at.reduce((s, [, , t]) => s + t.nativeCpu!, 0) / at.length : undefined;
      const dl = `set ${set} ${dpi} dpi: ${at.length} conditions, F1 min ${lo[1].F1.toFixed(3)} (${lo[0].name}), silent max ${(100 * silentMax).toFixed(2)}%; CPU s/page ${cpu.toFixed(2)}${nat !== undefined ? ` vs native tesseract ${nat.toFixed(2)}` : ''}`;
      console.log(`     ${dl}`);
      summary.push(dl);
    }
  }
  for (const l of summary) console.log(`  summary ${l}`);
}
