// fiscal-extract review <out> --serve: the review app, a local web server (node:http) bound to
// 127.0.0.1 by default. Static page and script from output/review/app/, a JSON API paginated on the
// server, source pages rendered to PNG on demand (pdftoppm, cached), and reviewers' entries
// appended to <out>/corrections.csv. Requests naming another host are refused (DNS rebinding), a
// POST must be JSON from the app's own origin, and the page runs under a strict
// Content-Security-Policy (no inline script); the client writes every value as text, never HTML.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { ReviewData, type DocFilter, type FactFilter } from './app-data.js';
import { appendCorrection, checkEntry, EntryError } from './append-correction.js';
import { hasPdftoppm, renderPage } from './pages.js';
import { CHECK_IDS } from '../../normalizers/checks/ids.js';

interface ServeOptions {
  dir: string;
  /** a previous output folder: facts changed since it are marked */
  against?: string;
  host?: string;
  /** 0: any free port */
  port?: number;
  /** where relative sources of documents.csv are resolved from (default: cwd) */
  baseDir?: string;
  /** resolution of rendered pages (default 110 dpi) */
  dpi?: number;
}

export interface ReviewServer { url: string; server: Server; data: ReviewData; close(): Promise<void> }

const here = dirname(fileURLToPath(import.meta.url));
/** output/review/app from the TS sources and from dist/output/review */
function appDir(): string {
  const candidates = [join(here, 'app'), resolve(here, '../../../output/review/app')];
  for (const c of candidates) if (existsSync(join(c, 'index.html'))) return c;
  throw new Error(`the review app's files were not found (looked in ${candidates.join(', ')})`);
}

const STATIC: Record<string, [string, string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/app.css': ['app.css', 'text/css; charset=utf-8'],
};

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const PAGE_CACHE_SIZE = 200;

class HttpError extends Error { constructor(readonly status: number, message: string) { super(message); } }

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
const json = (res: ServerResponse, status: number, v: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(v));

const flag = (q: URLSearchParams, k: string): boolean => q.get(k) === '1' || q.get(k) === 'true';
const str = (q: URLSearchParams, k: string): string | undefined => q.get(k) || undefined;

function factFilter(q: URLSearchParams): FactFilter {
  return { doc_id: str(q, 'doc_id'), table_id: str(q, 'table_id'), kind: str(q, 'kind'), check: str(q, 'check'), failed: flag(q, 'failed'), flagged: flag(q, 'flagged'), unverified: flag(q, 'unverified'), changed: flag(q, 'changed') };
}

function int(q: URLSearchParams, k: string, dflt: number, min: number, max: number): number {
  const v = q.get(k);
  if (v === null || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `${k} must be a whole number from ${min} to ${max}`);
  return n;
}

function readBody(req: IncomingMessage, max = 16_384): Promise<string> {
  return new Promise((ok, fail) => {
    let size = 0;
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => { size += b.length; if (size > max) { fail(new HttpError(413, 'request too large')); req.destroy(); } else parts.push(b); });
    req.on('end', () => ok(Buffer.concat(parts).toString('utf8')));
    req.on('error', fail);
  });
}

export async function serveReview(o: ServeOptions): Promise<ReviewServer> {
  const data = new ReviewData(o.dir, o.against);
  const assets = appDir();
  const host = o.host ?? '127.0.0.1';
  const dpi = o.dpi ?? 110;
  const pdftoppm = hasPdftoppm();
  const pages = new Map<string, Buffer>();
  let port = 0;

  const sourceFile = (d: { source?: string; format?: string }): string | undefined => {
    if (!(d.format ?? '').startsWith('pdf') || !d.source || /^https?:/.test(d.source)) return undefined;
    const f = resolve(o.baseDir ?? process.cwd(), d.source);
    return existsSync(f) ? f : undefined;
  };

  const pageImage = (docId: string, page: number): Buffer => {
    const key = `${docId}:${page}`;
    const hit = pages.get(key);
    if (hit) return hit;
    const d = data.docById.get(docId);
    if (!d) throw new HttpError(404, 'no such document');
    const file = sourceFile(d);
    if (!file || !pdftoppm) throw new HttpError(404, file ? 'pdftoppm is not installed (apt-get install poppler-utils)' : 'no page images for this document');
    const png = renderPage(file, page, dpi);
    if (!png) throw new HttpError(404, `page ${page} could not be rendered`);
    if (pages.size >= PAGE_CACHE_SIZE) pages.delete(pages.keys().next().value!);
    pages.set(key, png);
    return png;
  };

  const allowedHost = (h: string | undefined): boolean => {
    if (!h) return false;
    const loopback = ['127.0.0.1', 'localhost', '[::1]'];
    const names = host === '0.0.0.0' || host === '::' ? null : [...loopback, host.includes(':') ? `[${host}]` : host];
    return names === null || names.some((n) => h === `${n}:${port}`);
  };

  const api = async (req: IncomingMessage, url: URL): Promise<unknown> => {
    const q = url.searchParams;
    switch (url.pathname) {
      case '/api/summary':
        return { dir: o.dir, against: o.against ?? null, kinds: data.kinds, documents: data.run.documents.length, facts: data.run.facts.length, check_ids: CHECK_IDS };
      case '/api/documents': {
        const f: DocFilter = { failed: flag(q, 'failed'), flagged: flag(q, 'flagged'), changed: flag(q, 'changed'), unverified: flag(q, 'unverified'), kind: str(q, 'kind') };
        const docs = data.documents(f);
        const offset = int(q, 'offset', 0, 0, 1e9);
        const limit = int(q, 'limit', 200, 1, 1000);
        return { total: docs.length, offset, items: docs.slice(offset, offset + limit).map((d) => data.docSummary(d)) };
      }
      case '/api/document': {
        const d = data.docById.get(q.get('doc_id') ?? '');
        if (!d) throw new HttpError(404, 'no such document');
        const tables = data.docTables(d.doc_id!).map((t) => ({ table_id: t.table_id, table_no: t.table_no, title: t.title, table_kind: t.table_kind, unit: t.unit, page_first: t.page_first, page_last: t.page_last, n_facts: t.n_facts, checks_failed: t.checks_failed }));
        const checks = data.docChecks(d.doc_id!).map((c) => ({ table_id: c.table_id, check_id: c.check_id, severity: c.severity, subject: c.subject, expected: c.expected, actual: c.actual, message: c.message }));
        return { doc: data.docSummary(d), tables, checks, page_images: !!sourceFile(d) && pdftoppm, dpi };
      }
      case '/api/facts': {
        const ids = data.facts(factFilter(q));
        const offset = int(q, 'offset', 0, 0, 1e9);
        const limit = int(q, 'limit', 100, 1, 500);
        return { total: ids.length, offset, items: ids.slice(offset, offset + limit).map((i) => data.fact(i)) };
      }
      case '/api/seek': {
        // the next (dir 1) or previous (dir -1) fact needing attention after position `from`
        const ids = data.facts(factFilter(q));
        const from = int(q, 'from', -1, -1, 1e9);
        const dir = int(q, 'dir', 1, -1, 1) < 0 ? -1 : 1;
        for (let p = from + dir; p >= 0 && p < ids.length; p += dir) if (data.fact(ids[p]!).attention) return { pos: p };
        return { pos: -1 };
      }
      case '/api/corrections': {
        if (req.method !== 'POST') throw new HttpError(405, 'POST a JSON entry');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'send application/json');
        const origin = req.headers.origin;
        if (origin !== undefined && !allowedHost(origin.replace(/^https?:\/\//, ''))) throw new HttpError(403, 'another origin');
        let body: unknown;
        try { body = JSON.parse(await readBody(req)); } catch (e) { if (e instanceof HttpError) throw e; throw new HttpError(400, 'the body is not JSON'); }
        const i = (body as { i?: unknown })?.i;
        if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= data.run.facts.length) throw new HttpError(400, 'i must name a fact');
        const fact = data.run.facts[i]!;
        const doc = data.docById.get(fact.doc_id!)!;
        const entry = checkEntry(body, fact);
        const row = appendCorrection(o.dir, fact, doc, entry);
        data.pending.set(i, { value: entry.value, note: entry.note, reviewer: entry.reviewer, action: entry.action });
        return { ok: true, row, fact: data.fact(i) };
      }
      default:
        throw new HttpError(404, 'no such endpoint');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHost(req.headers.host)) { send(res, 421, 'text/plain; charset=utf-8', 'misdirected request: open the app at its own address'); return; }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    try {
      if (url.pathname.startsWith('/api/page.png')) {
        const page = int(url.searchParams, 'page', 1, 1, 100_000);
        send(res, 200, 'image/png', pageImage(url.searchParams.get('doc_id') ?? '', page));
      } else if (url.pathname.startsWith('/api/')) json(res, 200, await api(req, url));
      else if (req.method === 'GET' && STATIC[url.pathname]) {
        const [file, type] = STATIC[url.pathname]!;
        send(res, 200, type, readFileSync(join(assets, file)));
      } else send(res, 404, 'text/plain; charset=utf-8', 'not found');
    } catch (e) {
      if (e instanceof HttpError) json(res, e.status, { error: e.message });
      else if (e instanceof EntryError) json(res, 400, { error: e.message });
      else { json(res, 500, { error: 'internal error' }); process.stderr.write(`review app: ${(e as Error).stack ?? e}\n`); }
    }
  };

  const server = createServer((req, res) => { void handle(req, res); });
  await new Promise<void>((ok, fail) => { server.once('error', fail); server.listen(o.port ?? 0, host, () => ok()); });
  port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shown}:${port}/`, server, data,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
