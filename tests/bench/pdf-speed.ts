// Pages per second on the text-layer corpus (every ../shared/corpus/*.pdf except SCANNED/IMAGEONLY)
// with both cores busy: two CLI processes, each ingesting half of the files (split by pages), against
// `pdftotext -layout` (poppler) on the same files in the same run, also two processes. Peak RSS per
// process from /usr/bin/time -v (or the child's own resource usage when /usr/bin/time is absent).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Run { wallS: number; maxRssMb: number[]; codes: number[] }

function pagesOf(corpus: string): Map<string, number> {
  const m = new Map<string, number>();
  const tsv = join(corpus, 'MANIFEST.tsv');
  if (existsSync(tsv)) {
    const [head, ...rows] = readFileSync(tsv, 'utf8').split('\n');
    const cols = head!.split('\t');
    const fi = cols.indexOf('filename'), pi = cols.indexOf('pages');
    for (const r of rows) { const c = r.split('\t'); if (c[fi]) m.set(c[fi]!, Number(c[pi]) || 0); }
  }
  return m;
}

function halves(files: string[], pages: Map<string, number>): [string[], string[]] {
  const a: string[] = [], b: string[] = [];
  let pa = 0, pb = 0;
  for (const f of [...files].sort((x, y) => (pages.get(y) ?? 0) - (pages.get(x) ?? 0))) {
    const n = pages.get(f) ?? 1;
    if (pa <= pb) { a.push(f); pa += n; } else { b.push(f); pb += n; }
  }
  return [a, b];
}

const haveTime = existsSync('/usr/bin/time');

function runOne(cmd: string, args: string[]): Promise<{ code: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const argv = haveTime ? ['-v', cmd, ...args] : args;
    const child = spawn(haveTime ? '/usr/bin/time' : cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); if (err.length > 1e6) err = err.slice(-1e5); });
    child.on('error', reject);
    child.on('exit', (code) => {
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      resolve({ code: code ?? -1, rssMb: m ? Number(m[1]) / 1024 : NaN });
    });
  });
}

async function both(jobs: [string, string[]][]): Promise<Run> {
  const t0 = performance.now();
  const r = await Promise.all(jobs.map(([c, a]) => runOne(c, a)));
  return { wallS: (performance.now() - t0) / 1000, maxRssMb: r.map((x) => x.rssMb), codes: r.map((x) => x.code) };
}

export async function benchPdfSpeed(repo: string, shared: string): Promise<void> {
  const corpus = join(shared, 'corpus');
  if (!existsSync(corpus)) { console.log('  skipped: ../shared/corpus not found'); return; }
  const files = readdirSync(corpus).filter((f) => f.endsWith('.pdf') && !/SCANNED|IMAGEONLY/.test(f));
  const pages = pagesOf(corpus);
  const total = files.reduce((s, f) => s + (pages.get(f) ?? 0), 0);
  const [a, b] = halves(files, pages);
  const abs = (l: string[]): string[] => l.map((f) => join(corpus, f));
  const cli = join(repo, 'dist/pipeline/cli.js');
  const outs = [mkdtempSync(join(tmpdir(), 'fx-speed-a-')), mkdtempSync(join(tmpdir(), 'fx-speed-b-'))];
  try {
    console.log(`  ${files.length} text-layer PDFs, ${total} pages; halves ${a.reduce((s, f) => s + (pages.get(f) ?? 0), 0)} / ${b.reduce((s, f) => s + (pages.get(f) ?? 0), 0)} pages${haveTime ? '' : ' (no /usr/bin/time: RSS not measured)'}`);
    const fx = await both([[process.execPath, [cli, 'ingest', ...abs(a), '--out', outs[0]!, '--quiet']], [process.execPath, [cli, 'ingest', ...abs(b), '--out', outs[1]!, '--quiet']]]);
    const fxPps = total / fx.wallS;
    console.log(`  fiscal-extract (2 processes): ${fx.wallS.toFixed(1)} s wall, ${fxPps.toFixed(1)} pages/s; peak RSS ${fx.maxRssMb.map((m) => m.toFixed(0) + ' MB').join(' / ')}; exit codes ${fx.codes.join(',')} (1 = some document partial)`);
    if (spawnSync('pdftotext', ['-v']).error) { console.log('  pdftotext baseline skipped: pdftotext (poppler-utils) not installed'); return; }
    const loop = 'for f in "$@"; do pdftotext -layout "$f" /dev/null 2>/dev/null; done';
    const pt = await both([['sh', ['-c', loop, 'sh', ...abs(a)]], ['sh', ['-c', loop, 'sh', ...abs(b)]]]);
    const ptPps = total / pt.wallS;
    console.log(`  pdftotext -layout (2 processes): ${pt.wallS.toFixed(1)} s wall, ${ptPps.toFixed(1)} pages/s; peak RSS ${pt.maxRssMb.map((m) => m.toFixed(0) + ' MB').join(' / ')} (shell loop; the largest pdftotext child)`);
    console.log(`  ratio: fiscal-extract runs at ${(fxPps / ptPps).toFixed(3)}x pdftotext's pages/s (${(fx.wallS / pt.wallS).toFixed(1)}x its time); fiscal-extract does layout, tables, facts, checks and writing too`);
  } finally {
    for (const o of outs) rmSync(o, { recursive: true, force: true });
  }
}
