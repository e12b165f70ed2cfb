// Fact-level OCR bench: scanned versions of four answer-key documents' table pages (rendered at
// 150/200/300 dpi, grey, skewed up to ±1°, noise, JPEG; tests/fixtures/scans/make-scan-pdfs.sh,
// generated into a temp folder and reused while it exists), ingested through the normal CLI and
// scored against the SAME answer keys with ../shared/tools/score-facts.mjs → fact P/R/F1 per dpi;
// the silent error rate (wrong values that carry no flag); the identity-pinned OCR repairs
// (normalizers/ocr-correct) right/wrong; seconds per page with --workers 1 and 2 against native
// tesseract (1 thread) on the same page images; and the real scanned files of ../shared/corpus.
// Printed, never asserted. Default: 200 dpi only; BENCH_FULL=1 adds 150 and 300 dpi.
import { parseCsv } from '../../output/csv.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const KEYS = ['guojia-xinfangju-2024-dept-final', 'fs-guidaojiaotongju-2019-dept-final', 'sh-putuo-wanlijiedao-2024-dept-budget', 'yt-yibaoju-2026-dept-budget'];
const KEY_PAGES: Record<string, number[]> = {
  'guojia-xinfangju-2024-dept-final': [7, 8, 9, 11],
  'fs-guidaojiaotongju-2019-dept-final': [5, 6, 7, 8, 9, 15, 16],
  'sh-putuo-wanlijiedao-2024-dept-budget': [10, 11, 12, 13, 14, 15, 22, 23, 24, 25, 26],
  'yt-yibaoju-2026-dept-budget': [7, 8, 9, 10, 15, 16],
};

const has = (cmd: string, arg = '--version'): boolean => !spawnSync(cmd, [arg]).error;

// ---- CSV and the answer-key matching of score-facts.mjs (same keys, same value equality) ----
function dec(v: string | undefined): string | null {
  const s = String(v ?? '').replace(/[,\s]/g, '');
  if (!/^[-+]?\d*\.?\d+$/.test(s)) return null;
  const neg = s.startsWith('-');
  const t = s.replace(/^[-+]/, '');
  let [i = '', f = ''] = t.split('.');
  i = i.replace(/^0+/, '') || '0';
  f = f.replace(/0+$/, '');
  const r = f ? `${i}.${f}` : i;
  return r === '0' ? '0' : (neg ? '-' : '') + r;
}
const norm = (s: string | undefined): string => String(s ?? '').normalize('NFKC').replace(/\s+/g, '')
  .replace(/^(其中[:：])?([(（]?[一二三四五六七八九十]+[)）、.．]|[(（]?\d+[)）、.．])?/, '').replace(/^其中[:：]/, '');

/** flags that say nothing about a value's doubt */
export const NEUTRAL_FLAGS = new Set(['provisional_code']);
/** flags that say something of a fact's code, name, measure, kind, unit or layout but nothing of
 *  its value: a wrong value carrying only these (and NEUTRAL_FLAGS) is silent — nothing told the
 *  reader to doubt the number */
export const NOT_OF_VALUE = new Set(['code_parts_carried', 'code_name_mismatch', 'unknown_code', 'bad_code', 'ocr_code_repaired', 'ocr_code_unread', 'ocr_measure_inferred', 'ocr_header_unread', 'ocr_header_merged', 'measure_unknown', 'ocr_name_fuzzy', 'ocr_label_unchecked', 'ocr_kind_inferred', 'label_inferred', 'item_from_header', 'unit_assumed', 'unit_inferred']);

interface Audit {
  /** extracted facts in the covered tables (zeros the key does not know left out, as score-facts) */
  extracted: number;
  /** at a key position with the key's value / another value */
  right: number;
  wrongValue: number;
  /** at no key position (misread code or label, or a number the key does not list) */
  unmatched: number;
  wrongFlagged: number;
  /** a wrong value with no flag that speaks of its value (NOT_OF_VALUE) */
  wrongSilent: number;
  /** of those, the ones marked verified (an identity held with them): vouched for */
  wrongVouched: number;
  unmatchedSilent: number;
  repairedRight: number;
  repairedWrong: number;
  repairedUnmatched: number;
  examples: string[];
  /** facts at no key position that carry no flag */
  unmatchedExamples: string[];
  /** money facts at a key position with the key's value whose unit is not the one their table
   *  prints (tests/fixtures/expected/units.csv): amount_yuan off by 10,000; and those with no flag */
  wrongUnit: number;
  wrongUnitSilent: number;
}

/** The unit each keyed table prints (units.csv beside the keys: source, table_kind, unit). */
function printedUnits(keyFiles: string[]): Map<string, string> {
  const files = [...new Set(keyFiles.map((k) => join(dirname(k), 'units.csv')))].filter(existsSync);
  return new Map(files.flatMap((f) => parseCsv(readFileSync(f, 'utf8')).map((r) => [`${r.source}|${r.table_kind}`, r.unit ?? ''] as [string, string])));
}

/** Every extracted fact of the covered tables against the keys: right, wrong value, or at no key
 *  position; flagged or silent. */
export function audit(out: string, keyFiles: string[]): Audit {
  const docs = parseCsv(readFileSync(join(out, 'documents.csv'), 'utf8'));
  const srcOf = new Map(docs.map((d) => [d.doc_id!, basename(d.source ?? '')]));
  const expected = keyFiles.flatMap((k) => parseCsv(readFileSync(k, 'utf8')));
  const withSection = expected.some((e) => e.section);
  const base = (src: string, r: Record<string, string>): string[] => [src, r.table_kind ?? '', withSection ? (r.section ?? '') : ''];
  const codeKey = (src: string, r: Record<string, string>): string | null => (r.code ? [...base(src, r), r.code, r.measure ?? ''].join('|') : null);
  const itemKey = (src: string, r: Record<string, string>): string | null => (norm(r.item) ? [...base(src, r), 'item:' + norm(r.item), r.measure ?? ''].join('|') : null);
  const want = new Map<string, Set<string>>();
  for (const e of expected) {
    const k = codeKey(e.source!, e) ?? itemKey(e.source!, e);
    if (!k) continue;
    if (!want.has(k)) want.set(k, new Set());
    want.get(k)!.add(dec(e.value)!);
  }
  const covered = new Set(expected.map((e) => `${e.source}|${e.table_kind}`));
  const units = printedUnits(keyFiles);
  const a: Audit = { extracted: 0, right: 0, wrongValue: 0, unmatched: 0, wrongFlagged: 0, wrongSilent: 0, wrongVouched: 0, unmatchedSilent: 0, repairedRight: 0, repairedWrong: 0, repairedUnmatched: 0, examples: [], unmatchedExamples: [], wrongUnit: 0, wrongUnitSilent: 0 };
  for (const f of parseCsv(readFileSync(join(out, 'facts.csv'), 'utf8'))) {
    const src = srcOf.get(f.doc_id!) ?? '';
    if (!covered.has(`${src}|${f.table_kind}`)) continue;
    const v = dec(f.value);
    if (v === null) continue;
    const ks = [codeKey(src, f), itemKey(src, f)].filter((k): k is string => !!k && want.has(k));
    if (!ks.length && v === '0') continue;
    a.extracted++;
    const flags = (f.flags ?? '').split(';').filter((x) => x && !NEUTRAL_FLAGS.has(x));
    const repaired = flags.includes('ocr_repaired');
    if (!ks.length) {
      a.unmatched++;
      if (!flags.length) {
        a.unmatchedSilent++;
        if (a.unmatchedExamples.length < 40) a.unmatchedExamples.push(`${[src, f.table_kind, f.section, f.code || 'item:' + norm(f.item), f.measure].join('|')} = ${v}`);
      }
      if (repaired) a.repairedUnmatched++;
      continue;
    }
    const ok = ks.some((k) => want.get(k)!.has(v));
    if (ok) {
      a.right++;
      if (repaired) a.repairedRight++;
      const unit = units.get(`${src}|${f.table_kind}`);
      if (unit && f.amount_yuan && f.unit !== unit) {
        a.wrongUnit++;
        if (!flags.length) {
          a.wrongUnitSilent++;
          if (a.examples.length < 8) a.examples.push(`${ks[0]} = ${v} ${f.unit}, printed in ${unit}`);
        }
      }
      continue;
    }
    a.wrongValue++;
    if (repaired) a.repairedWrong++;
    if (flags.some((x) => !NOT_OF_VALUE.has(x))) a.wrongFlagged++;
    else {
      a.wrongSilent++;
      if (f.verified === 'true') a.wrongVouched++;
      if (a.examples.length < 8) a.examples.push(`${ks[0]} = ${v}, key ${[...want.get(ks[0]!)!].join('/')}${flags.length ? ' (flags ' + flags.join(';') + ')' : ''}${f.verified === 'true' ? ', verified' : ''}`);
    }
  }
  return a;
}

export interface Score { source: string; expected: number; matched: number; predicted: number; P: number; R: number; F1: number }

export function score(shared: string, out: string, key: string): Score {
  const r = spawnSync(process.execPath, [join(shared, 'tools/score-facts.mjs'), out, key, '--show', '0'], { encoding: 'utf8' });
  const m = /expected=(\d+) matched=(\d+) predicted=(\d+) P=([\d.]+) R=([\d.]+) F1=([\d.]+)/.exec(r.stdout);
  if (!m) throw new Error(`score-facts gave no figures for ${key}: ${r.stderr || r.stdout}`);
  return { source: basename(key).replace('.expected.csv', ''), expected: +m[1]!, matched: +m[2]!, predicted: +m[3]!, P: +m[4]!, R: +m[5]!, F1: +m[6]! };
}

/** ingest with the CLI; wall seconds (start-up and OCR model loading included) */
function ingestCli(repo: string, files: string[], out: string, workers: number): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(repo, 'dist/pipeline/cli.js'), 'ingest', ...files, '--out', out, '--quiet', '--no-state', '--workers', String(workers)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`ingest exited ${r.status}: ${(r.stderr || '').split('\n').slice(-3).join(' ')}`);
  return s;
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(2)}%` : '-');

export async function benchOcrFacts(repo: string, shared: string): Promise<void> {
  const missing = [['pdftoppm', '-v'], ['convert', '-version'], ['img2pdf', '--version']].filter(([c, a]) => !has(c!, a)).map(([c]) => c);
  if (missing.length) { console.log(`  skipped: ${missing.join(', ')} not installed (apt-get install -y poppler-utils imagemagick img2pdf)`); return; }
  if (!existsSync(join(shared, 'tools/score-facts.mjs'))) { console.log('  skipped: ../shared/tools/score-facts.mjs not found'); return; }
  const full = process.env.BENCH_FULL === '1';
  const dpis = full ? [150, 200, 300] : [200];
  console.log(`  ${full ? 'BENCH_FULL=1: 150, 200 and 300 dpi' : '200 dpi only (BENCH_FULL=1 for 150/200/300 dpi and native tesseract on every page)'}`);
  const scans = join(tmpdir(), 'fiscal-extract-scan-pdfs');
  mkdirSync(scans, { recursive: true });
  const t0 = performance.now();
  const gen = spawnSync('sh', [join(repo, 'tests/fixtures/scans/make-scan-pdfs.sh'), scans, ...dpis.map(String)], { encoding: 'utf8', env: { ...process.env, CORPUS: join(shared, 'corpus') } });
  if (gen.status !== 0) { console.log(`  skipped: make-scan-pdfs.sh failed: ${(gen.stderr || '').trim().split('\n').at(-1)}`); return; }
  const nPages = KEYS.reduce((s, k) => s + KEY_PAGES[k]!.length + 1, 0);
  console.log(`  scans: ${KEYS.length} documents, ${nPages} pages per dpi (key pages + cover) in ${scans} (${((performance.now() - t0) / 1000).toFixed(0)} s to make or reuse)`);
  const keyFiles = KEYS.map((k) => join(repo, 'tests/fixtures/expected', `${k}.expected.csv`));
  const nativeOk = has('tesseract');
  const rows: string[] = [];
  for (const dpi of dpis) {
    const dir = join(scans, `${dpi}dpi`);
    const files = KEYS.map((k) => join(dir, `${k}.pdf`)).filter(existsSync);
    if (files.length !== KEYS.length) { console.log(`  ${dpi} dpi: scans missing, skipped`); continue; }
    const out = mkdtempSync(join(tmpdir(), `fx-ocr-facts-${dpi}-`));
    try {
      const s2 = ingestCli(repo, files, out, 2);
      let s1: number | undefined;
      if (dpi === 200 || full) {
        const out1 = mkdtempSync(join(tmpdir(), 'fx-ocr-w1-'));
        try { s1 = ingestCli(repo, files, out1, 1); } finally { rmSync(out1, { recursive: true, force: true }); }
      }
      const scores = keyFiles.map((k) => score(shared, out, k));
      const e = scores.reduce((a, s) => a + s.expected, 0), m = scores.reduce((a, s) => a + s.matched, 0), p = scores.reduce((a, s) => a + s.predicted, 0);
      const P = p ? Math.min(1, m / p) : 0, R = e ? m / e : 0, F1 = P + R ? (2 * P * R) / (P + R) : 0;
      console.log(`  -- ${dpi} dpi`);
      for (const s of scores) console.log(`     ${s.source.padEnd(40)} expected ${String(s.expected).padStart(4)} matched ${String(s.matched).padStart(4)} predicted ${String(s.predicted).padStart(4)}  P ${s.P.toFixed(3)} R ${s.R.toFixed(3)} F1 ${s.F1.toFixed(3)}`);
      const target = dpi === 150 ? 0.93 : dpi === 200 ? 0.97 : undefined;
      console.log(`     facts (micro): P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${F1.toFixed(3)}${target ? ` (target ≥ ${target})` : ''}`);
      const a = audit(out, keyFiles);
      const wrong = a.wrongValue + a.unmatched;
      const silent = a.wrongSilent + a.unmatchedSilent + a.wrongUnitSilent;
      console.log(`     silent error rate: ${pct(silent, a.extracted)} of ${a.extracted} extracted facts are wrong and carry no flag (target ≤ 0.2%): ${a.wrongSilent} wrong values with no flag of their value (${a.wrongVouched} of them verified) + ${a.unmatchedSilent} facts at no key position + ${a.wrongUnitSilent} right values in a wrong unit`);
      console.log(`     wrong facts ${wrong} (${a.wrongValue} wrong value, ${a.unmatched} at no key position); flagged ${pct(wrong - silent, wrong)} of them (${a.wrongFlagged} of the wrong values, ${a.unmatched - a.unmatchedSilent} of the others)`);
      console.log(`     ocr_repaired facts: ${a.repairedRight} right, ${a.repairedWrong} wrong, ${a.repairedUnmatched} at no key position`);
      for (const x of a.examples) console.log(`       silent: ${x}`);
      for (const x of a.unmatchedExamples) console.log(`       silent, at no key position: ${x}`);
      const perPage = (s: number): string => (s / nPages).toFixed(2);
      let native: number | undefined;
      if (nativeOk) {
        const imgs = readdirSync(join(dir, 'pages')).filter((f) => f.endsWith('.jpg')).sort();
        const sample = full ? imgs : imgs.filter((_, i) => i % 4 === 0);
        const tn = performance.now();
        for (const f of sample) spawnSync('tesseract', [join(dir, 'pages', f), '-', '-l', 'chi_sim+eng', '--psm', '11', '--dpi', String(dpi), 'tsv'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
        native = (performance.now() - tn) / 1000 / Math.max(1, sample.length);
        if (!full) console.log(`     (native tesseract on ${sample.length} of ${imgs.length} page images)`);
      }
      console.log(`     s/page (CLI wall, start-up and model loading included): --workers 1 ${s1 !== undefined ? perPage(s1) : '-'}, --workers 2 ${perPage(s2)}; native tesseract 1 thread ${native !== undefined ? native.toFixed(2) : 'absent (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim)'}`);
      rows.push(`${dpi} dpi: F1 ${F1.toFixed(3)}, silent ${pct(silent, a.extracted)}, repaired ${a.repairedRight}/${a.repairedWrong} right/wrong, s/page w1 ${s1 !== undefined ? perPage(s1) : '-'} w2 ${perPage(s2)} native ${native?.toFixed(2) ?? '-'}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  // the real scans of the corpus
  const corpus = join(shared, 'corpus');
  const real = readdirSync(corpus).filter((f) => /-(SCANNED|IMAGEONLY)\.pdf$/.test(f)).sort().map((f) => join(corpus, f));
  if (real.length) {
    const out = mkdtempSync(join(tmpdir(), 'fx-ocr-real-'));
    try {
      const s = ingestCli(repo, real, out, 2);
      const docs = parseCsv(readFileSync(join(out, 'documents.csv'), 'utf8'));
      const checks = parseCsv(readFileSync(join(out, 'checks.csv'), 'utf8'));
      const pages = docs.reduce((a, d) => a + Number(d.pages || 0), 0);
      console.log(`  -- real scanned files (../shared/corpus, --workers 2): ${docs.length} files, ${pages} pages, ${(s / Math.max(1, pages)).toFixed(2)} s/page`);
      for (const d of docs) {
        const repaired = checks.filter((c) => c.doc_id === d.doc_id && c.check_id === 'ocr_repaired').length;
        console.log(`     ${basename(d.source ?? '').padEnd(58)} ${d.status!.padEnd(7)} pages ${d.pages} tables ${d.n_tables} facts ${d.n_facts} failed checks ${d.n_checks_failed} ocr_repaired ${repaired}${d.error ? ` (${d.error.slice(0, 80)})` : ''}`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  if (rows.length) for (const r of rows) console.log(`  summary ${r}`);
}
