// Content-addressed files (<dir>/<sha[0:2]>/<sha>): copies of fetched documents, so a `304 Not
// Modified` answer still has the bytes when a document must be read again (new extractor version);
// and a document's output blocks (the state's large part), gzip-compressed (<sha>.gz, the sha256
// of the uncompressed text), so the SQLite file keeps only small rows.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export class BlobStore {
  constructor(readonly dir: string) {}

  private pathOf(name: string): string {
    return join(this.dir, name.slice(0, 2), name);
  }

  get(sha: string): Uint8Array | undefined {
    const p = this.pathOf(sha);
    return existsSync(p) ? new Uint8Array(readFileSync(p)) : undefined;
  }

  put(sha: string, bytes: Uint8Array): void {
    const p = this.pathOf(sha);
    if (existsSync(p)) return;
    mkdirSync(join(this.dir, sha.slice(0, 2)), { recursive: true });
    const tmp = `${p}.tmp-${process.pid}`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, p);
  }

  /** store a text gzip-compressed under the sha256 of the text; returns the sha256 */
  putText(text: string): string {
    const sha = createHash('sha256').update(text).digest('hex');
    if (!existsSync(this.pathOf(`${sha}.gz`))) this.put(`${sha}.gz`, gzipSync(text));
    return sha;
  }

  getText(sha: string): string | undefined {
    const gz = this.get(`${sha}.gz`);
    return gz ? gunzipSync(gz).toString('utf8') : undefined;
  }
}
