// Everything a run reads, as one sorted list: command-line inputs (files, folders, globs, URLs)
// and manifest entries, with the manifest's metadata. Sorted by source so that outputs do not
// depend on the order work finished in.
import { resolve } from 'node:path';
import { expandInputs, type InputFile } from '../inputs.js';
import { isUrl, type EntryMeta, type ManifestEntry } from '../../corpus/manifest.js';

export interface SourceItem {
  /** the path or URL as written in documents.csv */
  source: string;
  kind: 'file' | 'url';
  meta: EntryMeta;
  /** the file's path as bytes, when `source` does not name it (a name that is not valid UTF-8) */
  path?: Buffer;
  /** why the file cannot be read (a dangling link, not there): it becomes a failed row */
  error?: string;
  /** a named input that does not exist */
  notFound?: boolean;
}

interface ResolvedSources { items: SourceItem[]; missing: string[]; skipped: string[] }

export function resolveSources(inputs: string[], manifest: ManifestEntry[] = []): ResolvedSources {
  const byName = new Map<string, SourceItem>();
  const missing: string[] = [];
  const skipped: string[] = [];
  const add = (source: string, kind: SourceItem['kind'], meta: EntryMeta, file: Omit<InputFile, 'source'> = {}) => {
    const key = kind === 'file' ? resolve(source) : source;
    if (!byName.has(key)) byName.set(key, { source, kind, meta, ...file });
  };
  const entries: ManifestEntry[] = [
    ...inputs.map((i): ManifestEntry => ({ kind: isUrl(i) ? 'url' : 'path', location: i, meta: {} })),
    ...manifest,
  ];
  for (const e of entries) {
    if (e.kind === 'url') { add(e.location, 'url', e.meta); continue; }
    const { files, missing: miss, skipped: skip } = expandInputs([e.location]);
    missing.push(...miss);
    skipped.push(...skip);
    for (const { source, ...file } of files) add(source, 'file', e.meta, file);
  }
  const items = [...byName.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { items, missing, skipped };
}
