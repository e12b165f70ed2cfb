// Content-addressed copies of fetched documents (<dir>/<sha[0:2]>/<sha>), so a `304 Not
// Modified` answer still has the bytes when a document must be read again (new extractor version).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class BlobStore {
  constructor(readonly dir: string) {}

  private pathOf(sha: string): string {
    return join(this.dir, sha.slice(0, 2), sha);
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
}
