// A corpus manifest: what a nightly run ingests. JSON or TSV, one entry per folder, file, glob or
// URL, with optional metadata (issuer, fiscal year) that fills what the document does not print.
//
// JSON: { "entries": [ { "path": "pdfs/", "issuer": "…", "fiscal_year": "2024" }, { "url": "https://…" } ] }
//       (a bare array of entries, or of strings, works too)
// TSV:  a header row naming `location` (path, folder, glob or URL) and any of `issuer`,
//       `fiscal_year`; `#` lines are comments.
// Relative paths are relative to the manifest's folder.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';

export interface EntryMeta { issuer?: string; fiscal_year?: string }

export interface ManifestEntry {
  kind: 'path' | 'url';
  /** a path (file, folder, glob; resolved against the manifest folder) or an http(s) URL */
  location: string;
  meta: EntryMeta;
}

export class ManifestError extends Error {}

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

function entry(location: string, meta: EntryMeta, baseDir: string, where: string): ManifestEntry {
  const loc = location.trim();
  if (!loc) throw new ManifestError(`${where}: empty location`);
  if (isUrl(loc)) return { kind: 'url', location: loc, meta };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(loc)) throw new ManifestError(`${where}: only http(s) URLs and paths are supported (${loc})`);
  return { kind: 'path', location: isAbsolute(loc) ? loc : join(baseDir, loc), meta };
}

function metaOf(o: Record<string, unknown>, where: string): EntryMeta {
  const m: EntryMeta = {};
  for (const k of ['issuer', 'fiscal_year'] as const) {
    const v = o[k];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' && typeof v !== 'number') throw new ManifestError(`${where}: ${k} must be a string`);
    m[k] = String(v).trim();
  }
  if (m.fiscal_year !== undefined && !/^(19|20)\d\d$/.test(m.fiscal_year)) throw new ManifestError(`${where}: fiscal_year must be a year such as 2024 (got ${m.fiscal_year})`);
  return m;
}

export function parseJsonManifest(text: string, baseDir: string): ManifestEntry[] {
  let data: unknown;
  try { data = JSON.parse(text); } catch (e) { throw new ManifestError(`not valid JSON: ${(e as Error).message}`); }
  const list = Array.isArray(data) ? data : (data as { entries?: unknown })?.entries;
  if (!Array.isArray(list)) throw new ManifestError('a JSON manifest is an array of entries or { "entries": [...] }');
  return list.map((e, i) => {
    const where = `entry ${i + 1}`;
    if (typeof e === 'string') return entry(e, {}, baseDir, where);
    if (!e || typeof e !== 'object') throw new ManifestError(`${where}: an entry is a string or an object`);
    const o = e as Record<string, unknown>;
    const loc = o.url ?? o.path ?? o.location;
    if (typeof loc !== 'string') throw new ManifestError(`${where}: give "path" or "url"`);
    return entry(loc, metaOf(o, where), baseDir, where);
  });
}

export function parseTsvManifest(text: string, baseDir: string): ManifestEntry[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim() !== '' && !l.startsWith('#'));
  const head = lines.shift();
  if (!head) return [];
  const cols = head[0].split('\t').map((c) => c.trim());
  const li = cols.findIndex((c) => ['location', 'path', 'url'].includes(c));
  if (li < 0) throw new ManifestError('the TSV header needs a `location` column');
  return lines.map(([l, n]) => {
    const cells = l.split('\t');
    const o: Record<string, unknown> = {};
    cols.forEach((c, i) => { o[c] = cells[i]?.trim(); });
    return entry(cells[li] ?? '', metaOf(o, `line ${n}`), baseDir, `line ${n}`);
  });
}

export function loadManifest(path: string): ManifestEntry[] {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new ManifestError(`cannot read the manifest ${path}: ${(e as Error).message.split('\n')[0]}`); }
  const base = dirname(path);
  try {
    return /\.json$/i.test(path) || /^\s*[[{]/.test(text) ? parseJsonManifest(text, base) : parseTsvManifest(text, base);
  } catch (e) {
    if (e instanceof ManifestError) throw new ManifestError(`${path}: ${e.message}`);
    throw e;
  }
}
