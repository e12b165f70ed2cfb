// npm run bench -- review-app: the review app on a large run. The seeds are ingested once, then
// their documents are repeated under new doc_ids until the folder holds BENCH_REVIEW_FACTS facts
// (default 100,000); the figures are the server's load time, the time of each API call a reviewer
// makes (documents, a document, a page of facts, filters across the run, the next flagged fact,
// an entry) and the bytes each sends. Printed, never asserted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../index.js';
import { parseCsv, toCsv } from '../../output/csv.js';
import { serveReview } from '../../output/review/serve.js';

function grow(dir: string, want: number): number {
  const read = (n: string) => parseCsv(readFileSync(join(dir, n), 'utf8'));
  const docs = read('documents.csv');
  const facts = read('facts.csv');
  const checks = read('checks.csv');
  const tables = read('tables.csv');
  const out = { docs: [...docs], facts: [...facts], checks: [...checks], tables: [...tables] };
  for (let k = 1; out.facts.length < want; k++) {
    const id = (d: string) => `${d.slice(0, 10)}${String(k).padStart(6, '0')}`;
    out.docs.push(...docs.map((d) => ({ ...d, doc_id: id(d.doc_id!), source: `${d.source}#${k}` })));
    out.facts.push(...facts.map((f) => ({ ...f, doc_id: id(f.doc_id!) })));
    out.checks.push(...checks.map((c) => ({ ...c, doc_id: id(c.doc_id!) })));
    out.tables.push(...tables.map((t) => ({ ...t, doc_id: id(t.doc_id!) })));
  }
  const write = (n: string, rows: Record<string, string>[]) => { const h = Object.keys(rows[0] ?? {}); writeFileSync(join(dir, n), toCsv(h, rows.map((r) => h.map((c) => r[c] ?? '')))); };
  write('documents.csv', out.docs);
  write('facts.csv', out.facts);
  write('checks.csv', out.checks);
  write('tables.csv', out.tables);
  return out.docs.length;
}

export async function benchReviewApp(samples: string): Promise<void> {
  const want = Number(process.env.BENCH_REVIEW_FACTS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'fx-bench-review-'));
  try {
    await ingest([samples], { out: dir });
    const nDocs = grow(dir, want);
    const t0 = performance.now();
    const app = await serveReview({ dir, port: 0 });
    const load = performance.now() - t0;
    const nFacts = app.data.run.facts.length;
    console.log(`  ${nDocs} documents, ${nFacts} facts; server ready in ${load.toFixed(0)} ms (heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB)`);
    const docs = (await (await fetch(new URL('/api/documents?limit=1000', app.url))).json()) as { items: { doc_id: string; n_facts: string }[] };
    const big = docs.items.reduce((a, b) => (Number(b.n_facts) > Number(a.n_facts) ? b : a));
    const calls: [string, string, RequestInit?][] = [
      ['documents (first 1000)', '/api/documents?limit=1000'],
      ['documents, failed checks only', '/api/documents?failed=1&limit=1000'],
      [`a document (${big.n_facts} facts)`, `/api/document?doc_id=${big.doc_id}`],
      ['its first page of facts (100)', `/api/facts?doc_id=${big.doc_id}&limit=100`],
      ['its flagged facts (100)', `/api/facts?doc_id=${big.doc_id}&flagged=1&limit=100`],
      ['flagged facts across the run, page 6', '/api/facts?flagged=1&offset=500&limit=100'],
      ['next flagged fact across the run', '/api/seek?flagged=0&from=0&dir=1'],
      ['an entry appended', '/api/corrections', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ i: 0, action: 'confirm', note: 'bench' }) }],
    ];
    for (const [what, path, init] of calls) {
      const times: number[] = [];
      let bytes = 0;
      for (let r = 0; r < 5; r++) {
        const t = performance.now();
        const res = await fetch(new URL(path, app.url), init);
        bytes = (await res.arrayBuffer()).byteLength;
        times.push(performance.now() - t);
        if (init) break;
      }
      times.sort((a, b) => a - b);
      console.log(`  ${what.padEnd(42)} median ${times[Math.floor(times.length / 2)]!.toFixed(1).padStart(7)} ms  ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
    }
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
