// Fetching against a local HTTP server on 127.0.0.1 (started here; every loop is bounded):
// retries with backoff, Retry-After, size limits, time limits, conditional requests, the
// per-host rate limit, and the HTTP charset reaching the HTML extractor.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Fetcher } from '../../corpus/fetch.js';
import { ingest } from '../../pipeline/ingest.js';
import { tmp } from '../runner/helpers.js';
import { fixture as fixturePath, sample as samplePath } from '../fixture.js';

const fixture = fixturePath('html/zz-yibao-2022-final-gbk.html');
// a GBK page whose <meta> wrongly says utf-8: only the HTTP header tells the truth
const page = Buffer.from(readFileSync(fixture).toString('latin1').replace('charset=gb2312', 'charset=utf-8'), 'latin1');
const sample = readFileSync(samplePath('003_915f6bc0cb6e7bd7.txt'));

let server: Server;
let base = '';
const hits = new Map<string, number>();
const conditional: string[] = [];
const times: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (hits.size > 50 || n > 50) { res.statusCode = 500; res.end(); return; } // bounded, whatever happens
    switch (path) {
      case '/page.html':
      case '/nocharset.html':
        if (req.headers['if-none-match'] === '"v1"') { conditional.push(path); res.statusCode = 304; res.end(); return; }
        res.setHeader('ETag', '"v1"');
        res.setHeader('Last-Modified', 'Mon, 01 Jan 2024 00:00:00 GMT');
        res.setHeader('Content-Type', path === '/page.html' ? 'text/html; charset=GBK' : 'text/html');
        res.end(page);
        return;
      case '/flaky': if (n <= 2) { res.statusCode = 503; res.end(); return; } res.end(sample); return;
      case '/busy': if (n === 1) { res.statusCode = 429; res.setHeader('Retry-After', '0'); res.end(); return; } res.end(sample); return;
      case '/missing': res.statusCode = 404; res.end('no'); return;
      case '/announced-big': res.setHeader('Content-Length', String(10 * 1024 * 1024)); res.end(); return;
      case '/chunked-big': { let i = 0; const push = () => { if (i++ >= 40) { res.end(); return; } res.write(Buffer.alloc(64 * 1024, 65), push); }; push(); return; }
      case '/slow': return; // never answers
      case '/rate': times.push(Date.now()); res.end('x'); return;
      case '/gzip': res.setHeader('Content-Encoding', 'gzip'); res.end(gzipSync(sample)); return;
      case '/to-page': res.statusCode = 302; res.setHeader('Location', '/page.html'); res.end(); return;
      case '/to-loopback': res.statusCode = 301; res.setHeader('Location', `http://127.0.0.2:${(server.address() as AddressInfo).port}/page.html`); res.end(); return;
      case '/to-metadata': res.statusCode = 307; res.setHeader('Location', 'http://169.254.169.254/latest/meta-data/'); res.end(); return;
      case '/to-file': res.statusCode = 302; res.setHeader('Location', 'file:///etc/passwd'); res.end(); return;
      case '/loop': res.statusCode = 302; res.setHeader('Location', '/loop'); res.end(); return;
      default: res.statusCode = 404; res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('Fetcher', () => {
  // the test server is on 127.0.0.1: a private address, allowed here
  const f = new Fetcher({ retries: 3, backoffMs: 20, timeoutMs: 300, maxBytes: 1024 * 1024, perHostRps: 0, allowPrivateHosts: true });

  it('retries 5xx with backoff and honours Retry-After', async () => {
    const a = await f.fetch(`${base}/flaky`);
    expect(a.ok && a.attempts).toBe(3);
    const b = await f.fetch(`${base}/busy`);
    expect(b.ok && b.attempts).toBe(2);
    if (a.ok) expect(Buffer.from(a.bytes).equals(sample)).toBe(true);
  });

  it('gives up at once on 404, and on bodies over the size limit', async () => {
    const a = await f.fetch(`${base}/missing`);
    expect(a).toMatchObject({ ok: false, attempts: 1 });
    expect(!a.ok && a.error).toMatch(/HTTP 404/);
    const b = await f.fetch(`${base}/announced-big`);
    expect(!b.ok && b.error).toMatch(/over the size limit/);
    const c = await f.fetch(`${base}/chunked-big`);
    expect(!c.ok && c.error).toMatch(/over the size limit/);
  });

  it('a server that does not answer costs retries × timeout, then a one-line failure', async () => {
    const t0 = Date.now();
    const r = await new Fetcher({ retries: 1, backoffMs: 10, timeoutMs: 200, allowPrivateHosts: true }).fetch(`${base}/slow`);
    expect(r).toMatchObject({ ok: false, attempts: 2 });
    expect(!r.ok && r.error).toMatch(/no answer within/);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('keeps requests to one host apart (rate limit)', async () => {
    const limited = new Fetcher({ perHostRps: 20, allowPrivateHosts: true });
    await Promise.all([1, 2, 3, 4, 5].map(() => limited.fetch(`${base}/rate`)));
    expect(times.length).toBe(5);
    expect(times[4]! - times[0]!).toBeGreaterThanOrEqual(180);
  });
});

describe('URLs in a manifest, incremental', () => {
  it('downloads, passes the HTTP charset to the extractor, fills manifest metadata, revalidates with ETag', async () => {
    const out = tmp();
    const manifest = join(out, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ entries: [
      { url: `${base}/page.html`, issuer: '测试单位', fiscal_year: '2022' },
      { url: `${base}/nocharset.html` },
      { url: `${base}/missing` },
    ] }));
    const state = join(out, 'st', 'state.sqlite');
    const opts = { out, state, manifests: [manifest], fetch: { retries: 0, perHostRps: 0, allowPrivateHosts: true } };
    const first = await ingest([], opts);
    expect(first.run.fetch).toMatchObject({ urls: 3, downloaded: 2, failed: 1 });
    const [page1, page2, missing] = [`${base}/page.html`, `${base}/nocharset.html`, `${base}/missing`].map((u) => first.documents.find((d) => d.source === u)!);
    expect(page1!.format).toBe('html');
    expect(Number(page1!.n_facts)).toBeGreaterThan(10);
    expect(page1!.doc_id).toBe(page2!.doc_id); // same bytes
    expect(missing!.status).toBe('failed');
    expect(missing!.error).toMatch(/^download failed: HTTP 404/);
    const msgs = (u: string) => first.run.documents.find((d) => d.source === u)!.messages.map((m) => m.text).join(' | ');
    expect(msgs(page1!.source)).not.toMatch(/html encoding/); // the header's GBK was used
    expect(msgs(page2!.source)).toMatch(/html encoding: the bytes are not valid utf-8/); // only the wrong <meta>
    // the page prints its own issuer and year; the manifest fills only what is missing
    expect(page1!.fiscal_year).toBe('2022');

    const second = await ingest([], opts);
    expect(second.run.fetch).toMatchObject({ not_modified: 2, downloaded: 0 });
    expect(second.run.incremental).toMatchObject({ reused: 2, read: 1 });
    expect([...conditional].sort()).toEqual(['/nocharset.html', '/page.html']);
    expect(readFileSync(join(out, 'facts.csv'), 'utf8').length).toBeGreaterThan(1000);
  });
});

describe('private addresses', () => {
  it('refuses loopback, private and link-local addresses by default, at once and without retrying', async () => {
    const f = new Fetcher({ retries: 2, backoffMs: 10, perHostRps: 0 });
    const before = hits.get('/page.html') ?? 0;
    for (const u of [`${base}/page.html`, 'http://10.1.2.3/x', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[fd00::1]/', 'http://100.64.0.1/', 'http://0x7f000001/']) {
      const r = await f.fetch(u);
      expect(r, u).toMatchObject({ ok: false, attempts: 1 });
      expect(!r.ok && r.error, u).toMatch(/^download failed: .* address, refused \(--allow-private-hosts to allow it\)$/);
    }
    expect(hits.get('/page.html') ?? 0).toBe(before); // nothing reached the server
    const named = await f.fetch(`http://localhost:${(server.address() as AddressInfo).port}/page.html`);
    expect(!named.ok && named.error).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback .* refused/);
  });

  it('checks every redirect hop: a redirect to another private address or to file: is refused with its reason', async () => {
    // only the test server's own address is allowed: a hop to any other private address is refused
    const f = new Fetcher({ retries: 0, perHostRps: 0, allowPrivateHosts: (a) => a === '127.0.0.1' });
    const ok = await f.fetch(`${base}/to-page`);
    expect(ok.ok).toBe(true);
    const loop = await f.fetch(`${base}/to-loopback`);
    expect(!loop.ok && loop.error).toMatch(/redirected \(1 hop\) to http:\/\/127\.0\.0\.2:\d+\/page\.html: 127\.0\.0\.2 is a loopback \(127\.0\.0\.0\/8\) address, refused/);
    const meta = await f.fetch(`${base}/to-metadata`);
    expect(!meta.ok && meta.error).toMatch(/169\.254\.169\.254 is a link-local .* refused/);
    const file = await f.fetch(`${base}/to-file`);
    expect(!file.ok && file.error).toMatch(/redirected \(1 hop\) to file:\/\/\/etc\/passwd: file: URLs are not fetched, only http\(s\)/);
    const many = await f.fetch(`${base}/loop`);
    expect(!many.ok && many.error).toMatch(/more than 5 redirects/);
  });

  it('allowed with the option; a gzip body is decoded', async () => {
    const r = await new Fetcher({ retries: 0, perHostRps: 0, allowPrivateHosts: true }).fetch(`${base}/gzip`);
    expect(r.ok && Buffer.from(r.bytes).equals(sample)).toBe(true);
  });
});
