// fiscal-extract review <out-dir> [--out review.html] [--all-tables] [--no-images] [--base <dir>]
// writes one self-contained HTML page to review a run; with --serve [--port n] [--host h]
// [--against <old-out>] it starts the review app instead (serve.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunReadError } from '../diff/read.js';
import { renderReview, type ReviewOptions } from './html.js';
import { loadReview } from './load.js';

export { renderReview } from './html.js';

/** the review app's port unless --port says otherwise */
const DEFAULT_PORT = 8417;

const REVIEW_USAGE = `usage: fiscal-extract review <out-dir> [--out <file.html>] [--all-tables] [--no-images] [--base <dir>]
       fiscal-extract review <out-dir> --serve [--port <n>] [--host 127.0.0.1] [--against <old-out>] [--base <dir>]

Writes one self-contained HTML page (default <out-dir>/review.html) showing every document with its
status, every table's grid with flagged cells highlighted, and — for PDF sources — the rendered
source page beside each table (needs pdftoppm from poppler-utils). Relative source paths are
resolved from --base (default: the current directory).

--serve starts the review app, a local web server (default http://127.0.0.1:8417/; --port 0 picks a
free port; --host binds another interface, at your own risk: the app has no login). It lists the
documents with their status, failed checks, flagged and unverified facts and, with --against, the
facts changed since that run; filters (failed checks only, flagged only, changed only, table kind);
each document's facts, paginated, beside its rendered source page with the selected fact's box
drawn; keys j/k (next/previous fact), n/p (next/previous flagged or changed fact), c (confirm), e
(enter a corrected value), z (zoom the page). Confirming a fact or saving a corrected value with a note appends a row to
<out-dir>/corrections.csv, which the next \`fiscal-extract ingest … --out <out-dir>\` applies. Stop it
with Ctrl-C.
`;

/** Write the review page of an output folder; returns the file written. */
function writeReview(outDir: string, file = join(outDir, 'review.html'), o: ReviewOptions = {}): string {
  writeFileSync(file, renderReview(loadReview(outDir), `fiscal-extract review: ${outDir}`, o));
  return file;
}

export async function reviewCli(argv: string[]): Promise<number> {
  const dirs: string[] = [];
  let out: string | undefined;
  const o: ReviewOptions = {};
  const srv: { serve?: boolean; port?: number; host?: string; against?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { process.stdout.write(REVIEW_USAGE); return 0; }
    else if (a === '--serve') srv.serve = true;
    else if (a === '--port') { const n = Number(argv[++i]); if (!Number.isInteger(n) || n < 0 || n > 65535) { process.stderr.write(`--port takes a port number (0-65535)\n${REVIEW_USAGE}`); return 2; } srv.port = n; }
    else if (a === '--host') { const h = argv[++i]; if (!h) { process.stderr.write(REVIEW_USAGE); return 2; } srv.host = h; }
    else if (a === '--against') { const d = argv[++i]; if (!d) { process.stderr.write(REVIEW_USAGE); return 2; } srv.against = d; }
    else if (a === '--out') { out = argv[++i]; if (!out) { process.stderr.write(REVIEW_USAGE); return 2; } }
    else if (a === '--base') { const b = argv[++i]; if (!b) { process.stderr.write(REVIEW_USAGE); return 2; } o.baseDir = b; }
    else if (a === '--all-tables') o.allTables = true;
    else if (a === '--no-images') o.images = false;
    else if (a.startsWith('-')) { process.stderr.write(`unknown option ${a}\n${REVIEW_USAGE}`); return 2; }
    else dirs.push(a);
  }
  if (dirs.length !== 1) { process.stderr.write(REVIEW_USAGE); return 2; }
  if (!srv.serve && (srv.port !== undefined || srv.host || srv.against)) { process.stderr.write(`--port, --host and --against go with --serve\n${REVIEW_USAGE}`); return 2; }
  if (srv.serve) return serve(dirs[0]!, srv, o.baseDir);
  try {
    const file = writeReview(dirs[0]!, out, o);
    process.stderr.write(`review page → ${file}\n`);
    return 0;
  } catch (e) {
    if (e instanceof RunReadError) { process.stderr.write(`fiscal-extract review: ${e.message}\n`); return 2; }
    throw e;
  }
}

/** the review app until Ctrl-C / SIGTERM */
async function serve(dir: string, srv: { port?: number; host?: string; against?: string }, baseDir: string | undefined): Promise<number> {
  const { serveReview } = await import('./serve.js');
  let app;
  try {
    app = await serveReview({ dir, port: srv.port ?? DEFAULT_PORT, ...(srv.host ? { host: srv.host } : {}), ...(srv.against ? { against: srv.against } : {}), ...(baseDir ? { baseDir } : {}) });
  } catch (e) {
    if (e instanceof RunReadError) { process.stderr.write(`fiscal-extract review: ${e.message}\n`); return 2; }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') { process.stderr.write(`fiscal-extract review: cannot listen on ${srv.host ?? '127.0.0.1'}:${srv.port ?? DEFAULT_PORT} (${code}): choose another --port\n`); return 2; }
    throw e;
  }
  process.stderr.write(`review app → ${app.url} (${app.data.run.documents.length} documents, ${app.data.run.facts.length} facts; entries go to ${join(dir, 'corrections.csv')}; Ctrl-C stops it)\n`);
  await new Promise<void>((resolve) => { process.once('SIGINT', () => resolve()); process.once('SIGTERM', () => resolve()); });
  await app.close();
  return 0;
}
