// Nightly-corpus figures: N variants of real documents (the bundled text dumps and, where
// ../shared is beside the repo, a few PDFs with a text layer), each a copy with a changed byte in
// trailing white space or a PDF comment so every hash differs. Printed, never asserted:
// documents/s and pages/s with 1 and 2 worker threads (ratio), peak heap per worker, a rerun
// with nothing changed, a rerun with 1% changed, and a soak with hostile files mixed in.
// N = 1000 with BENCH_FULL=1, else 120.
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ingest } from '../../index.js';
import type { IngestResult } from '../../pipeline/ingest.js';
import { parseCsv } from '../../output/csv.js';

const N = process.env.BENCH_FULL === '1' ? 1000 : 120;
const PDF_SEEDS = ['js-rendachangweihui-2019-dept-budget-tables.pdf', 'nd-zhengfubangongshi-2024-dept-selfeval.pdf', 'js-shengweibangongting-2019-dept-budget-tables.pdf'];

function tail(n: number, pdf: boolean): Buffer {
  return Buffer.from(pdf ? `\n%fx-variant ${n}\n` : '\n' + n.toString(2).replace(/0/g, ' ').replace(/1/g, '\t') + '\n');
}

export function buildCorpus(samples: string, shared: string | undefined, n: number, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const seeds = readdirSync(samples).filter((f) => f.endsWith('.txt')).map((f) => join(samples, f));
  if (shared) for (const p of PDF_SEEDS) if (existsSync(join(shared, p))) seeds.push(join(shared, p));
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length]!;
    const pdf = seed.endsWith('.pdf');
    const name = join(dir, `${String(i).padStart(5, '0')}${pdf ? '.pdf' : '.txt'}`);
    writeFileSync(name, Buffer.concat([readFileSync(seed), tail(i, pdf)]));
    files.push(name);
  }
  return files;
}

/** CPU ms used by this process (every thread: workers, V8 helpers, main) since `from` */
function cpuSince(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}
function cpuLine(cpuMs: number, r: IngestResult): string {
  return `  CPU ${(cpuMs / Math.max(1, r.run.counts.documents)).toFixed(0)} ms/doc, ${(cpuMs / r.run.throughput.wall_ms).toFixed(2)} cores busy`;
}

const mb = (b: number) => (b / 1048576).toFixed(0);
function line(label: string, r: IngestResult): string {
  const t = r.run.throughput;
  const ex = r.run.executor as { peakHeapMb?: number[]; replaced?: number };
  return `  ${label.padEnd(28)} ${(t.wall_ms / 1000).toFixed(2).padStart(7)} s  ${t.documents_per_s.toFixed(1).padStart(6)} docs/s  ${t.pages_per_s.toFixed(1).padStart(6)} pages/s  read ${r.run.incremental.read}, reused ${r.run.incremental.reused}${ex.peakHeapMb ? `  peak heap/worker ${ex.peakHeapMb.join('/')} MB` : ''}`;
}

export async function benchCorpus(samples: string, shared: string | undefined): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fx-bench-corpus-'));
  try {
    const corpus = join(root, 'corpus');
    const files = buildCorpus(samples, shared, N, corpus);
    console.log(`  ${files.length} documents (variants of ${shared ? 'text dumps + PDFs' : 'text dumps'}), ${mb(files.reduce((s, f) => s + readFileSync(f).length, 0))} MB`);
    const c1 = process.cpuUsage();
    const one = await ingest([corpus], { out: join(root, 'out1'), workers: 1, state: join(root, 's1', 'state.sqlite') });
    const cpu1 = cpuSince(c1);
    console.log(line('1 worker thread', one) + cpuLine(cpu1, one));
    const c2 = process.cpuUsage();
    const two = await ingest([corpus], { out: join(root, 'out2'), workers: 2, state: join(root, 's2', 'state.sqlite') });
    const cpu2 = cpuSince(c2);
    console.log(line('2 worker threads', two) + cpuLine(cpu2, two));
    // one worker thread already keeps more than one core busy (V8 compiles and collects garbage on
    // background threads, the main thread stores and writes): on C cores two workers can at most
    // gain C / (cores one worker keeps busy)
    const cores = availableParallelism();
    const busy1 = cpu1 / one.run.throughput.wall_ms;
    console.log(`  throughput 2 workers / 1 worker: ${(two.run.throughput.documents_per_s / one.run.throughput.documents_per_s).toFixed(2)}x (ceiling on ${cores} cores: ${cores} / ${busy1.toFixed(2)} cores busy with 1 worker = ${(Math.min(2, cores) / busy1).toFixed(2)}x; CPU per document 2 vs 1 worker ${(cpu2 / cpu1).toFixed(2)}x)`);
    const same = readFileSync(join(root, 'out1', 'facts.csv')).equals(readFileSync(join(root, 'out2', 'facts.csv')));
    console.log(`  facts.csv identical (1 vs 2 workers): ${same}`);
    const again = await ingest([corpus], { out: join(root, 'out2'), workers: 2, state: join(root, 's2', 'state.sqlite') });
    console.log(line('rerun, nothing changed', again));
    const changed = files.filter((_, i) => i % 100 === 7);
    for (const f of changed) appendFileSync(f, f.endsWith('.pdf') ? '\n%changed\n' : '\n \n');
    const onePct = await ingest([corpus], { out: join(root, 'out2'), workers: 2, state: join(root, 's2', 'state.sqlite') });
    console.log(line(`rerun, ${changed.length} changed (1%)`, onePct));
    console.log(`  process peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);

    // soak: hostile files mixed in; every document must come out with a status
    const soak = join(root, 'soak');
    mkdirSync(soak);
    for (const f of files.slice(0, Math.max(20, Math.round(N / 10)))) copyFileSync(f, join(soak, f.split('/').pop()!));
    writeFileSync(join(soak, 'zz-empty.pdf'), '');
    writeFileSync(join(soak, 'zz-random.bin'), randomBytes(1 << 20));
    const pdf = files.find((f) => f.endsWith('.pdf'));
    if (pdf) writeFileSync(join(soak, 'zz-truncated.pdf'), readFileSync(pdf).subarray(0, Math.round(readFileSync(pdf).length * 0.3)));
    writeFileSync(join(soak, 'zz-html-bomb.html'), '<html><body>' + '<table><tr><td>'.repeat(20000) + '</body></html>');
    writeFileSync(join(soak, 'zz-huge.txt'), ('公开01表 收入支出决算总表\t' + '1234.56\t'.repeat(50) + '\n').repeat(80_000));
    const inputs = readdirSync(soak).length;
    const s = await ingest([soak], { out: join(root, 'soak-out'), workers: 2, timeoutMs: 30_000, memoryMb: 1024 });
    const rows = parseCsv(readFileSync(join(root, 'soak-out', 'documents.csv'), 'utf8'));
    const lost = inputs - rows.length;
    console.log(line(`soak (${inputs} files, 5 hostile)`, s));
    for (const r of rows.filter((x) => (x.source ?? '').includes('/zz-'))) console.log(`    ${(r.source ?? '').split('/').pop()}: ${r.status} — ${(r.error ?? '').slice(0, 110)}`);
    console.log(`  soak: ${inputs} inputs, ${rows.length} rows in documents.csv, ${lost} lost; executor ${JSON.stringify(s.run.executor)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
