// Fetching documents over HTTP(S): a time limit per attempt, retries with exponential backoff
// (network errors, 408/425/429/5xx; Retry-After honoured up to a cap), a size limit, conditional
// requests (If-None-Match / If-Modified-Since from the last answer), and a per-host rate limit.
// The charset of the answer's Content-Type is returned for the extractor (ExtractContext.charset).
import { createHash } from 'node:crypto';
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

async function readLimited(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new Permanent(`the server announces ${declared} bytes, over the size limit of ${maxBytes}`);
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let n = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > maxBytes) { await reader.cancel(); throw new Permanent(`the body is over the size limit of ${maxBytes} bytes`); }
    chunks.push(value);
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
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
        const headers: Record<string, string> = { 'user-agent': o.userAgent ?? 'fiscal-extract (corpus ingestion)' };
        if (known && cachedBytes) {
          if (known.etag) headers['if-none-match'] = known.etag;
          if (known.last_modified) headers['if-modified-since'] = known.last_modified;
        }
        const res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(o.timeoutMs ?? 30_000) });
        if (res.status === 304 && known && cachedBytes) {
          await res.body?.cancel();
          return { ok: true, url, bytes: cachedBytes, sha256: known.sha256, ...(known.charset ? { charset: known.charset } : {}), notModified: true, attempts: attempt };
        }
        if (!res.ok) {
          await res.body?.cancel();
          lastError = `HTTP ${res.status} ${res.statusText}`.trim();
          if (!RETRYABLE.has(res.status)) throw new Permanent(lastError);
          const ra = retryAfterMs(res.headers.get('retry-after'));
          if (ra !== undefined) waitMs = Math.min(ra, o.maxRetryAfterMs ?? 30_000);
        } else {
          const bytes = await readLimited(res, o.maxBytes ?? 200 * 1024 * 1024);
          const sha256 = createHash('sha256').update(bytes).digest('hex');
          const charset = charsetOf(res.headers.get('content-type'));
          o.blobs?.put(sha256, bytes);
          o.store?.putHttp({ url, etag: res.headers.get('etag') ?? '', last_modified: res.headers.get('last-modified') ?? '', sha256, charset: charset ?? '' });
          return { ok: true, url, bytes, sha256, ...(charset ? { charset } : {}), notModified: false, attempts: attempt };
        }
      } catch (e) {
        if (e instanceof Permanent) return { ok: false, url, error: `download failed: ${e.message}`, attempts: attempt };
        const err = e as Error & { cause?: { code?: string } };
        lastError = err.name === 'TimeoutError' ? `no answer within ${Math.round((o.timeoutMs ?? 30_000) / 1000)} s` : `${err.cause?.code ?? err.message}`;
      }
      if (attempt <= retries) await new Promise((r) => setTimeout(r, waitMs));
    }
    return { ok: false, url, error: `download failed after ${attempt} attempts: ${lastError}`, attempts: attempt };
  }
}
