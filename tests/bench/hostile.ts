// npm run bench -- hostile: a nightly crawl's worst inputs (issue 17's table), made on the spot in a
// temporary folder, ingested in one run by the CLI (--workers 2 --timeout 60) with the 5 seeds and
// corpus PDFs beside them; prints one row per input (status, reason), the peak resident memory of
// the whole process tree (sampled from /proc), and whether the good documents came out
// byte-identical to a clean run of them alone. Then the in-thread case: --workers 0, a 1,000,000-row
// sheet, --timeout 10. Sizes are the issue's; BENCH_HOSTILE_SMALL=1 makes them small (CI),
// BENCH_HOSTILE_PDFS=n corpus PDFs (default 20; text-layer ones, smallest first).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigHtml, pdfBlank, pdfLargePage, pdfWithImage, utf16le, xlsxRows, xlsxZipBomb } from './hostile-inputs.js';
import { parseCsv } from '../../output/csv.js';

/** Resident memory of a process and all its descendants, MB (Linux /proc). */
function treeRssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number): void => {
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
      for (const t of readdirSync(`/proc/${p}/task`)) {
        for (const c of readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(c));
      }
    } catch { /* gone */ }
  };
  visit(pid);
  return kb / 1024;
}

interface Run { code: number | null; ms: number; peakMb: number; stderr: string }

/** The CLI in a child process, its tree's resident memory sampled every 100 ms. */
function runCli(repo: string, args: string[]): Promise<Run> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(repo, 'dist/pipeline/cli.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MALLOC_ARENA_MAX: '2' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, treeRssMb(child.pid!)); }, 100);
  return new Promise((resolve) => child.on('close', (code) => {
    clearInterval(timer);
    resolve({ code, ms: performance.now() - t0, peakMb: peak, stderr });
  }));
}

/** facts.csv lines per doc_id (the doc_id is the first column) */
function factLines(out: string): Map<string, string[]> {
  const by = new Map<string, string[]>();
  const f = join(out, 'facts.csv');
  if (!existsSync(f)) return by;
  for (const l of readFileSync(f, 'utf8').split('\n').slice(1)) {
    if (!l) continue;
    const id = l.slice(0, l.indexOf(','));
    (by.get(id) ?? by.set(id, []).get(id)!).push(l);
  }
  // a document given twice (the seed copied under a GBK name) has its rows twice
  for (const [id, lines] of by) by.set(id, [...new Set(lines)]);
  return by;
}

const small = process.env.BENCH_HOSTILE_SMALL === '1';

/** Every hostile case of the issue, written into `dir`; the manifest of URLs beside it. */
async function makeCases(repo: string, dir: string, port: number): Promise<string> {
  const put = (name: string, b: Buffer | string): void => writeFileSync(join(dir, name), b);
  const side = small ? 12_000 : 30_000;
  put('h-huge-image.pdf', await pdfWithImage(side, side));
  put('h-large-page.pdf', pdfLargePage(small ? 3000 : 5000));
  put('h-blank.pdf', pdfBlank());
  put('h-zip-bomb.xlsx', await xlsxZipBomb(small ? 300 * 1024 * 1024 : 3 * 1024 * 1024 * 1024));
  put('h-html-big.html', bigHtml(small ? 25 * 1024 * 1024 : 50 * 1024 * 1024));
  const seed = readFileSync(join(repo, 'corpus/samples/003_915f6bc0cb6e7bd7.txt'), 'utf8');
  put('h-utf16.txt', utf16le(seed));
  put('h-nul.txt', seed.slice(0, 2000).replace(/\n/g, '\n\0'));
  const gbk = join(repo, 'tests/fixtures/html/zz-yibao-2022-final-gbk.html');
  put('h-gbk-as-latin1.html', Buffer.from(readFileSync(gbk).toString('latin1').replace(/charset=gb2312/i, 'charset=iso-8859-1'), 'latin1'));
  // a folder of entries a walk must survive: a dangling link, a cycle, a name in GBK bytes
  const walk = join(dir, 'h-walk');
  mkdirSync(join(walk, 'sub'), { recursive: true });
  symlinkSync(join(walk, 'nowhere.pdf'), join(walk, 'dangling.pdf'));
  symlinkSync('..', join(walk, 'sub', 'up'));
  writeFileSync(Buffer.from([...Buffer.from(join(walk, 'sub') + '/'), 0xd4, 0xa4, 0xcb, 0xe3, ...Buffer.from('.txt')]), readFileSync(join(repo, 'corpus/samples/001_527840cd4be78074.txt')));
  const manifest = join(dir, '..', 'urls.json');
  writeFileSync(manifest, JSON.stringify({ entries: [
    { url: `http://127.0.0.1:${port}/to-private` },
    { url: 'http://169.254.169.254/latest/meta-data/' },
  ] }));
  return manifest;
}

export async function benchHostile(repo: string, shared: string | undefined): Promise<void> {
  if (!existsSync('/proc/self/status')) { console.log('  skipped: no /proc to sample memory from'); return; }
  const root = mkdtempSync(join(tmpdir(), 'fx-hostile-'));
  // a server that redirects to a private address (it is itself on one: refused at the first hop)
  const server = createServer((req, res) => { res.statusCode = 302; res.setHeader('Location', 'http://10.0.0.1/budget.pdf'); res.end(); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const hostile = join(root, 'in', 'hostile');
    const good = join(root, 'in', 'good');
    mkdirSync(hostile, { recursive: true });
    mkdirSync(good, { recursive: true });
    const tm = performance.now();
    const manifest = await makeCases(repo, hostile, (server.address() as AddressInfo).port);
    for (const f of readdirSync(join(repo, 'corpus/samples'))) copyFileSync(join(repo, 'corpus/samples', f), join(good, f));
    const nPdfs = Number(process.env.BENCH_HOSTILE_PDFS ?? 20);
    if (shared && existsSync(join(shared, 'corpus'))) {
      const pdfs = readdirSync(join(shared, 'corpus')).filter((f) => /\.pdf$/i.test(f) && !/SCANNED|IMAGEONLY/.test(f))
        .map((f) => ({ f, size: statSync(join(shared, 'corpus', f)).size })).sort((a, b) => a.size - b.size).slice(0, nPdfs);
      for (const { f } of pdfs) copyFileSync(join(shared, 'corpus', f), join(good, f));
    }
    console.log(`  inputs made in ${((performance.now() - tm) / 1000).toFixed(1)} s (${small ? 'small' : 'issue'} sizes): ${readdirSync(hostile).length} hostile entries, ${readdirSync(good).length} good documents, 2 URLs`);

    const common = ['--no-state', '--quiet', '--workers', '2', '--timeout', '60'];
    const clean = await runCli(repo, ['ingest', good, '--out', join(root, 'clean'), ...common]);
    const run = await runCli(repo, ['ingest', hostile, good, '--manifest', manifest, '--out', join(root, 'out'), ...common]);
    const rows = existsSync(join(root, 'out', 'documents.csv')) ? parseCsv(readFileSync(join(root, 'out', 'documents.csv'), 'utf8')) : [];
    console.log(`  one run, --workers 2 --timeout 60: exit ${run.code}, ${(run.ms / 1000).toFixed(1)} s, peak RSS of the process tree ${Math.round(run.peakMb)} MB (clean run of the good documents alone: ${Math.round(clean.peakMb)} MB, ${(clean.ms / 1000).toFixed(1)} s)`);
    for (const r of rows.filter((d) => !d.source!.includes('/in/good/'))) {
      console.log(`    ${r.source!.replace(root + '/', '').padEnd(40)} ${r.status!.padEnd(8)} ${(r.error ?? '').slice(0, 240)}`);
    }
    const goodRows = rows.filter((d) => d.source!.includes('/in/good/'));
    const statuses = goodRows.reduce<Record<string, number>>((m, d) => ({ ...m, [d.status!]: (m[d.status!] ?? 0) + 1 }), {});
    console.log(`    good documents: ${goodRows.length} rows ${JSON.stringify(statuses)}`);
    const a = factLines(join(root, 'clean'));
    const b = factLines(join(root, 'out'));
    const same = [...a.keys()].filter((id) => JSON.stringify(a.get(id)) === JSON.stringify(b.get(id))).length;
    console.log(`    good documents' facts byte-identical to the clean run: ${same} of ${a.size} documents`);
    const warnings = run.stderr.split('\n').filter((l) => /warning|skipped|cannot/i.test(l)).slice(0, 8);
    for (const w of warnings) console.log(`    stderr: ${w.slice(0, 200)}`);

    // the in-thread mode: nothing can stop a stage from outside, the time limit must still hold
    const sheet = join(root, 'in', 'rows');
    mkdirSync(sheet);
    writeFileSync(join(sheet, 'rows-1m.xlsx'), await xlsxRows(small ? 250_000 : 1_000_000));
    for (const [label, extra] of [['default limits', []], ['row limit raised to 2,000,000', ['--settings', writeSettings(root)]]] as const) {
      const w0 = await runCli(repo, ['ingest', sheet, '--out', join(root, 'w0'), '--no-state', '--quiet', '--workers', '0', '--timeout', '10', ...extra]);
      const d = parseCsv(readFileSync(join(root, 'w0', 'documents.csv'), 'utf8'))[0];
      console.log(`  --workers 0 --timeout 10, ${small ? '250,000' : '1,000,000'}-row sheet (${label}): exit ${w0.code}, ${(w0.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(w0.peakMb)} MB: ${d?.status} ${d?.error}`);
    }
  } finally {
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

function writeSettings(root: string): string {
  const f = join(root, 'settings.json');
  writeFileSync(f, JSON.stringify({ limits: { spreadsheet: { maxRows: 2_000_000 } } }));
  return f;
}
