// fiscal-extract review <out-dir> [--out review.html] [--all-tables] [--no-images] [--base <dir>]
// writes one self-contained HTML page to review a run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunReadError } from '../diff/read.js';
import { renderReview, type ReviewOptions } from './html.js';
import { loadReview } from './load.js';

export { renderReview } from './html.js';

const REVIEW_USAGE = `usage: fiscal-extract review <out-dir> [--out <file.html>] [--all-tables] [--no-images] [--base <dir>]

Writes one self-contained HTML page (default <out-dir>/review.html) showing every document with its
status, every table's grid with flagged cells highlighted, and — for PDF sources — the rendered
source page beside each table (needs pdftoppm from poppler-utils). Relative source paths are
resolved from --base (default: the current directory).
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
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { process.stdout.write(REVIEW_USAGE); return 0; }
    else if (a === '--out') { out = argv[++i]; if (!out) { process.stderr.write(REVIEW_USAGE); return 2; } }
    else if (a === '--base') { const b = argv[++i]; if (!b) { process.stderr.write(REVIEW_USAGE); return 2; } o.baseDir = b; }
    else if (a === '--all-tables') o.allTables = true;
    else if (a === '--no-images') o.images = false;
    else if (a.startsWith('-')) { process.stderr.write(`unknown option ${a}\n${REVIEW_USAGE}`); return 2; }
    else dirs.push(a);
  }
  if (dirs.length !== 1) { process.stderr.write(REVIEW_USAGE); return 2; }
  try {
    const file = writeReview(dirs[0]!, out, o);
    process.stderr.write(`review page → ${file}\n`);
    return 0;
  } catch (e) {
    if (e instanceof RunReadError) { process.stderr.write(`fiscal-extract review: ${e.message}\n`); return 2; }
    throw e;
  }
}
