// Fetching documents over HTTP(S): a time limit per attempt, retries with exponential backoff
// (network errors, 408/425/429/5xx; Retry-After honoured up to a cap), a size limit, conditional
// requests (If-None-Match / If-Modified-Since from the last answer), and a per-host rate limit.
// The charset of the answer's Content-Type is returned for the extractor (ExtractContext.charset).
// Private addresses are refused unless allowed (allowPrivateHosts, --allow-private-hosts): the
// address a host name resolves to is checked where the connection is made (no second lookup to
// rebind), and redirects are followed here, hop by hop (at most maxRedirects), each hop checked
// the same way; a redirect to another scheme (file:, ftp:, data:) is refused with its reason.
import { createHash } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { privateAddress } from './private-address.js';
import type { Store } from '../pipeline/store/store.js';
import type { BlobStore } from '../pipeline/store/blobs.js';
import { HostRateLimiter } from './rate-limit.js';

export interface FetchOptions {
  /** per attempt, ms (default 30 000) */
  timeoutMs?: number;
  /** retries after the first attempt (default 3) */
  retries?: number;
  /** first backoff, ms; doubles each retry (default 500) */
  backoffMs?: number;
  /** largest Retry-After honoured, ms (default 30 000) */
  maxRetryAfterMs?: number;
  /** refuse bodies larger than this (default 200 MB) */
  maxBytes?: number;
  /** requests per second per host (default 2; 0 = unlimited) */
  perHostRps?: number;
  userAgent?: string;
  /** connect to private, loopback and link-local addresses too (default false: refused); a function
   *  allows the addresses it accepts */
  allowPrivateHosts?: boolean | ((address: string) => boolean);
  /** redirects followed at most (default 5) */
  maxRedirects?: number;
  /** validators (ETag / Last-Modified) and bytes of earlier answers, for conditional requests */
  store?: Store;
  blobs?: BlobStore;
}

type FetchOutcome =
  | { ok: true; url: string; bytes: Uint8Array; sha256: string; charset?: string; notModified: boolean; attempts: number }
  | { ok: false; url: string; error: string; attempts: number };

class Permanent extends Error {}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

function charsetOf(contentType: string | null): string | undefined {
  const m = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

function retryAfterMs(h: string | null): number | undefined {
  if (!h) return undefined;
  if (/^\d+$/.test(h.trim())) return Number(h.trim()) * 1000;
  const t = Date.parse(h);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

async function readLimited(res: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers['content-length'] ?? NaN);
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (!encoding && Number.isFinite(declared) && declared > maxBytes) { res.destroy(); throw new Permanent(`the server announces ${declared} bytes, over the size limit of ${maxBytes}`); }
  // the size limit holds for the decoded bytes (a gzip bomb is stopped as it inflates)
  const body: Readable = encoding === 'gzip' || encoding === 'x-gzip' ? res.pipe(createGunzip()) : encoding === 'deflate' ? res.pipe(createInflate()) : encoding === 'br' ? res.pipe(createBrotliDecompress()) : res;
  const chunks: Uint8Array[] = [];
  let n = 0;
  for await (const value of body as AsyncIterable<Buffer>) {
    n += value.length;
    if (n > maxBytes) { res.destroy(); body.destroy(); throw new Permanent(`the body is over the size limit of ${maxBytes} bytes`); }
    chunks.push(value);
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A connection refused for its address (never retried). */
class PrivateHost extends Permanent {}

/** Why `url` may not be fetched for its scheme or literal address, or undefined. */
function refusedUrl(url: URL, allowed: (address: string) => boolean): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol.replace(/:$/, '')}: URLs are not fetched, only http(s)`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const why = privateAddress(host);
  return why && !allowed(host) ? `${host} is a ${why} address, refused (--allow-private-hosts to allow it)` : undefined;
}

/** One request, no redirect followed; the host's addresses are checked as the connection is made. */
function requestOnce(url: URL, headers: Record<string, string>, signal: AbortSignal, allowed: (address: string) => boolean): Promise<IncomingMessage> {
  const lookup = (hostname: string, options: object, cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) { cb(err, []); return; }
      for (const a of addresses) {
        const why = privateAddress(a.address);
        if (why && !allowed(a.address)) { cb(new PrivateHost(`${hostname} resolves to ${a.address}, a ${why} address, refused (--allow-private-hosts to allow it)`), []); return; }
      }
      if ((options as { all?: boolean }).all) cb(null, addresses);
      else cb(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, signal, lookup: lookup as never }, resolve);
    req.on('error', reject);
    req.end();
  });
}

export class Fetcher {
  private limiter: HostRateLimiter;
  constructor(private opts: FetchOptions = {}) {
    const rps = opts.perHostRps ?? 2;
    this.limiter = new HostRateLimiter(rps > 0 ? 1000 / rps : 0);
  }

  async fetch(url: string): Promise<FetchOutcome> {
    const o = this.opts;
    const retries = o.retries ?? 3;
    const known = o.store?.getHttp(url);
    const cachedBytes = known && o.blobs ? o.blobs.get(known.sha256) : undefined;
    let attempt = 0;
    let lastError = '';
    while (attempt <= retries) {
      attempt++;
      let waitMs = (o.backoffMs ?? 500) * 2 ** (attempt - 1);
      try {
        await this.limiter.wait(new URL(url).host);
        const headers: Record<string, string> = { 'user-agent': o.userAgent ?? 'fiscal-extract (corpus ingestion)', 'accept-encoding': 'gzip, deflate, br' };
        if (known && cachedBytes) {
          if (known.etag) headers['if-none-match'] = known.etag;
          if (known.last_modified) headers['if-modified-since'] = known.last_modified;
        }
        const signal = AbortSignal.timeout(o.timeoutMs ?? 30_000);
        const res = await this.follow(url, headers, signal);
        const status = res.statusCode ?? 0;
        if (status === 304 && known && cachedBytes) {
          res.resume();
          return { ok: true, url, bytes: cachedBytes, sha256: known.sha256, ...(known.charset ? { charset: known.charset } : {}), notModified: true, attempts: attempt };
        }
        if (status < 200 || status > 299) {
          res.resume();
          lastError = `HTTP ${status} ${res.statusMessage ?? ''}`.trim();
          if (!RETRYABLE.has(status)) throw new Permanent(lastError);
          const ra = retryAfterMs(header(res, 'retry-after'));
          if (ra !== undefined) waitMs = Math.min(ra, o.maxRetryAfterMs ?? 30_000);
        } else {
          const bytes = await readLimited(res, o.maxBytes ?? 200 * 1024 * 1024);
          const sha256 = createHash('sha256').update(bytes).digest('hex');
          const charset = charsetOf(header(res, 'content-type'));
          o.blobs?.put(sha256, bytes);
          o.store?.putHttp({ url, etag: header(res, 'etag') ?? '', last_modified: header(res, 'last-modified') ?? '', sha256, charset: charset ?? '' });
          return { ok: true, url, bytes, sha256, ...(charset ? { charset } : {}), notModified: false, attempts: attempt };
        }
      } catch (e) {
        if (e instanceof Permanent) return { ok: false, url, error: `download failed: ${e.message}`, attempts: attempt };
        const err = e as Error & { code?: string; cause?: { code?: string } };
        lastError = err.name === 'TimeoutError' || err.name === 'AbortError' ? `no answer within ${Math.round((o.timeoutMs ?? 30_000) / 1000)} s` : `${err.code ?? err.cause?.code ?? err.message}`;
      }
      if (attempt <= retries) await new Promise((r) => setTimeout(r, waitMs));
    }
    return { ok: false, url, error: `download failed after ${attempt} attempts: ${lastError}`, attempts: attempt };
  }

  /** The answer at the end of `url`'s redirects (each hop's scheme and address checked). */
  private async follow(start: string, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
    const allow = this.opts.allowPrivateHosts;
    const allowed = typeof allow === 'function' ? allow : (): boolean => allow === true;
    const max = this.opts.maxRedirects ?? 5;
    let url = new URL(start);
    for (let hop = 0; ; hop++) {
      const refused = refusedUrl(url, allowed);
      if (refused) throw new PrivateHost(hop ? `redirected (${hop} hop${hop > 1 ? 's' : ''}) to ${url.href.slice(0, 200)}: ${refused}` : refused);
      const res = await requestOnce(url, headers, signal, allowed);
      const location = header(res, 'location');
      if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return res;
      res.resume();
      if (hop >= max) throw new Permanent(`more than ${max} redirects (last to ${location.slice(0, 200)})`);
      try { url = new URL(location, url); } catch { throw new Permanent(`the server redirects to an address that is not a URL (${location.slice(0, 200)})`); }
    }
  }
}

function header(res: IncomingMessage, name: string): string | null {
  const v = res.headers[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
}
