// Answer keys (tests/fixtures/expected/*.expected.csv, built by hand from poppler's word boxes, see
// the README there): ingest the PDFs they cover, score each key with ../shared/tools/score-facts.mjs,
// print precision/recall/F1 per document and overall, and the misses.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../index.js';

export interface KeyScore { key: string; source: string; expected: number; matched: number; predicted: number; P: number; R: number; F1: number; lines: string[] }

/** A set of answer keys and the shared folder its documents are in. */
export interface KeySet { keys: string; corpus: string }
/** the older keys (../shared/corpus) and the keys of the unseen budgets (../shared/corpus-budgets) */
export const CORPUS_KEYS: KeySet = { keys: 'tests/fixtures/expected', corpus: 'corpus' };
export const BUDGET_KEYS: KeySet = { keys: 'tests/fixtures/expected-budgets', corpus: 'corpus-budgets' };

export function answerKeys(repo: string, set: KeySet = CORPUS_KEYS): string[] {
  const dir = join(repo, set.keys);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.expected.csv')).sort().map((f) => join(dir, f)) : [];
}

const sourceOf = (key: string): string => readFileSync(key, 'utf8').split('\n')[1]!.split(',')[0]!;

/** Ingest the key's PDFs into one temporary folder and score every key; `show` misses per key. */
export async function scoreAnswerKeys(repo: string, shared: string, show = 10, set: KeySet = CORPUS_KEYS): Promise<{ scores: KeyScore[]; seconds: number }> {
  const keys = answerKeys(repo, set);
  const files = [...new Set(keys.map(sourceOf))].map((s) => join(shared, set.corpus, s));
  const out = mkdtempSync(join(tmpdir(), 'fx-keys-'));
  try {
    const t0 = performance.now();
    await ingest(files, { out });
    const seconds = (performance.now() - t0) / 1000;
    const scorer = join(shared, 'tools/score-facts.mjs');
    const scores = keys.map((key) => {
      const r = spawnSync(process.execPath, [scorer, out, key, '--show', String(show)], { encoding: 'utf8' });
      const lines = r.stdout.trim().split('\n');
      const m = /expected=(\d+) matched=(\d+) predicted=(\d+) P=([\d.]+) R=([\d.]+) F1=([\d.]+)/.exec(lines.at(-1) ?? '');
      if (!m) throw new Error(`score-facts gave no figures for ${key}: ${r.stderr || r.stdout}`);
      const [, e, mt, p, P, R, F1] = m;
      return { key, source: sourceOf(key), expected: +e!, matched: +mt!, predicted: +p!, P: +P!, R: +R!, F1: +F1!, lines: lines.slice(0, -1) };
    });
    return { scores, seconds };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function benchPdfAccuracy(repo: string, shared: string, set: KeySet = CORPUS_KEYS): Promise<void> {
  if (!existsSync(join(shared, 'tools/score-facts.mjs'))) { console.log('  skipped: ../shared/tools/score-facts.mjs not found'); return; }
  if (!existsSync(join(shared, set.corpus))) { console.log(`  skipped: ../shared/${set.corpus} not found`); return; }
  const { scores, seconds } = await scoreAnswerKeys(repo, shared, 10, set);
  if (!scores.length) { console.log(`  skipped: no answer keys in ${set.keys}`); return; }
  console.log(`  ${scores.length} keys, ${scores.reduce((s, k) => s + k.expected, 0)} expected facts; ingest ${seconds.toFixed(1)} s`);
  for (const s of scores) {
    console.log(`  ${s.source.padEnd(48)} expected ${String(s.expected).padStart(4)}  matched ${String(s.matched).padStart(4)}  predicted ${String(s.predicted).padStart(4)}  P ${s.P.toFixed(3)}  R ${s.R.toFixed(3)}  F1 ${s.F1.toFixed(3)}`);
  }
  const e = scores.reduce((a, s) => a + s.expected, 0), m = scores.reduce((a, s) => a + s.matched, 0), p = scores.reduce((a, s) => a + s.predicted, 0);
  const P = p ? Math.min(1, m / p) : 0, R = e ? m / e : 0, F1 = P + R ? (2 * P * R) / (P + R) : 0;
  console.log(`  overall (micro): P ${P.toFixed(3)}  R ${R.toFixed(3)}  F1 ${F1.toFixed(3)}; macro F1 ${(scores.reduce((a, s) => a + s.F1, 0) / scores.length).toFixed(3)}`);
  for (const s of scores) {
    if (!s.lines.length) continue;
    console.log(`  -- ${s.source}: misses / extras (first 10 of each)`);
    for (const l of s.lines) console.log(`     ${l.length > 200 ? l.slice(0, 200) + '…' : l}`);
  }
}
