// Memory over a long OCR run: scanned documents made from the fact bench's 200 dpi page images
// (tests/fixtures/scans/make-scan-pdfs.sh; each document the key pages of one answer-key PDF,
// repeated), ingested by the CLI with --workers 2 while the process's resident memory is sampled
// every 0.5 s from /proc. Bounded means the peak of the last fifth of the run is not above the peak
// of the first fifth by more than the noise of one document (printed, never asserted). 500 pages with
// BENCH_FULL=1, else 60. Run it with and without MALLOC_ARENA_MAX=2: glibc gives each of the many
// threads (document workers, tesseract.js workers recycled every 40 pages) its own malloc arena and
// returns little of it, which is most of the growth.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PAGES_PER_DOC = 20;

function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function benchOcrMemory(repo: string): Promise<void> {
  const pagesDir = join(tmpdir(), 'fiscal-extract-scan-pdfs', '200dpi', 'pages');
  if (!existsSync(pagesDir)) { console.log('  skipped: run the "ocr facts" section first (it makes the 200 dpi scans)'); return; }
  if (spawnSync('img2pdf', ['--version']).error) { console.log('  skipped: img2pdf not installed (apt-get install -y img2pdf)'); return; }
  if (!existsSync('/proc/self/status')) { console.log('  skipped: no /proc to sample memory from'); return; }
  const total = process.env.BENCH_FULL === '1' ? 500 : 60;
  const images = readdirSync(pagesDir).filter((f) => f.endsWith('.jpg')).sort().map((f) => join(pagesDir, f));
  const root = mkdtempSync(join(tmpdir(), 'fx-ocr-memory-'));
  try {
    const docs = join(root, 'docs');
    mkdirSync(docs);
    let made = 0;
    for (let d = 0; made < total; d++) {
      const n = Math.min(PAGES_PER_DOC, total - made);
      const pages = Array.from({ length: n }, (_, i) => images[(made + i) % images.length]!);
      const r = spawnSync('img2pdf', ['--imgsize', '200dpi', '-o', join(docs, `scan-${String(d).padStart(3, '0')}.pdf`), ...pages]);
      if (r.status !== 0) throw new Error(`img2pdf failed: ${r.stderr.toString().trim()}`);
      made += n;
    }
    const nDocs = readdirSync(docs).length;
    console.log(`  ${total} scanned pages in ${nDocs} documents of up to ${PAGES_PER_DOC} pages (200 dpi page images of the fact bench, repeated); MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? 'unset (glibc: up to 8 arenas per core)'}`);
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(repo, 'dist/pipeline/cli.js'), 'ingest', docs, '--out', join(root, 'out'), '--quiet', '--no-state', '--workers', '2', '--timeout', '600'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const samples: { t: number; mb: number }[] = [];
    const timer = setInterval(() => { const mb = rssMb(child.pid!); if (mb !== undefined) samples.push({ t: performance.now() - t0, mb }); }, 500);
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    const code = await new Promise<number>((res) => child.on('exit', (c) => res(c ?? -1)));
    clearInterval(timer);
    const s = (performance.now() - t0) / 1000;
    if (code !== 0 && code !== 1) { console.log(`  ingest exited ${code}: ${stderr.trim().split('\n').at(-1)}`); return; }
    const fifth = Math.max(1, Math.floor(samples.length / 5));
    const peak = (xs: { mb: number }[]) => Math.max(...xs.map((x) => x.mb));
    const first = peak(samples.slice(0, fifth));
    const last = peak(samples.slice(-fifth));
    const all = peak(samples);
    const docsCsv = readFileSync(join(root, 'out', 'documents.csv'), 'utf8').trim().split('\n').length - 1;
    console.log(`  ${s.toFixed(0)} s (${(s / total).toFixed(2)} s/page, 2 workers), ${docsCsv} documents written`);
    console.log(`  resident memory (process, all threads): peak ${all.toFixed(0)} MB; first fifth of the run ${first.toFixed(0)} MB, last fifth ${last.toFixed(0)} MB (${last <= first * 1.15 ? 'bounded: no growth past the first fifth' : `grew ${(last - first).toFixed(0)} MB`})`);
    const step = Math.max(1, Math.floor(samples.length / 10));
    console.log(`  samples (s: MB): ${samples.filter((_, i) => i % step === 0).map((x) => `${(x.t / 1000).toFixed(0)}: ${x.mb.toFixed(0)}`).join(', ')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
