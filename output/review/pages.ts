// Images of the source pages, for a PDF source: pdftoppm (Debian poppler-utils) renders a page to
// PNG, embedded as a data: URI. Missing pdftoppm or an unreadable file just means no image.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface PageImages { page(n: number): string | undefined; reason: string }

export function hasPdftoppm(): boolean {
  const r = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  return !r.error;
}

/** Rendered pages of a PDF, cached per page; `dpi` keeps the page readable and the HTML small. */
export function pdfPages(source: string, baseDir = process.cwd(), dpi = 60): PageImages {
  const file = resolve(baseDir, source);
  if (!existsSync(file)) return { page: () => undefined, reason: `source ${source} not found from ${baseDir}` };
  if (!hasPdftoppm()) return { page: () => undefined, reason: 'pdftoppm is not installed (apt-get install poppler-utils)' };
  const cache = new Map<number, string | undefined>();
  return {
    reason: '',
    page(n: number) {
      if (cache.has(n)) return cache.get(n);
      const png = renderPage(file, n, dpi);
      const uri = png ? `data:image/png;base64,${png.toString('base64')}` : undefined;
      cache.set(n, uri);
      return uri;
    },
  };
}

/** One page of a PDF as PNG bytes at `dpi` (pdftoppm); undefined when it cannot be rendered. */
export function renderPage(file: string, n: number, dpi: number): Buffer | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'fx-review-'));
  try {
    const r = spawnSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(n), '-l', String(n), file, join(dir, 'p')], { timeout: 30_000 });
    const png = readdirSync(dir).find((f) => f.endsWith('.png'));
    return r.status === 0 && png ? readFileSync(join(dir, png)) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
