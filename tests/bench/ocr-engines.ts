// OCR bench: seconds per page with one and two tesseract.js workers, native tesseract (Debian,
// OMP_THREAD_LIMIT=1) on the same pages as the baseline, and number accuracy at 150/200/300 dpi
// against the text layer of the same pages. Pages come from tests/fixtures/scans/make-scans.sh
// (run here when `dir` has none). Needs poppler-utils + imagemagick (+ tesseract-ocr,
// tesseract-ocr-chi-sim for the baseline).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOcrPool } from '../../extractors/ocr/index.js';
import { ocrToContent } from '../../extractors/ocr/page.js';

export interface OcrBench {
  pages: number;
  /** tesseract.js, wall seconds per page */
  secondsPerPage: { workers1: number; workers2: number; native?: number };
  /** share of the numbers printed in the text layer (amounts and codes) that OCR read exactly */
  numberRecall: Record<string, number>;
  /** of the numbers OCR read, the share that are in the text layer */
  numberPrecision: Record<string, number>;
  dir: string;
}

const NUMBER = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

function numbers(words: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) if (NUMBER.test(w) && w.length >= 2) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [k, v] of a) n += Math.min(v, b.get(k) ?? 0);
  return n;
}

const total = (m: Map<string, number>): number => [...m.values()].reduce((s, v) => s + v, 0);

export async function benchOcr(opts: { dir?: string; pages?: string[] } = {}): Promise<OcrBench> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  let dir = opts.dir ?? path.join(os.tmpdir(), 'fiscal-extract-scans');
  if (!existsSync(dir) || !readdirSync(dir).some((f) => f.endsWith('.png'))) {
    const script = [path.resolve(here, '../fixtures/scans/make-scans.sh'), path.resolve(here, '../../../tests/fixtures/scans/make-scans.sh')].find(existsSync);
    if (!script) throw new Error('make-scans.sh not found');
    dir = execFileSync('sh', [script, dir], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
  }
  const pages = opts.pages ?? ['08', '09', '10', '11', '12'];
  const file = (p: string, dpi: number, skew: boolean): string => path.join(dir, `putuo-p${p}-${dpi}dpi${skew ? '-skew' : ''}.png`);
  const truth = new Map(pages.map((p) => [p, numbers(readFileSync(path.join(dir, `putuo-p${p}.txt`), 'utf8').split(/\s+/))]));

  const timed = async (workers: number): Promise<{ s: number; got: Map<number, Map<string, Map<string, number>>> }> => {
    const pool = await createOcrPool({ workers });
    // start the workers first: model loading is not page time
    await Promise.all(Array.from({ length: workers }, () => pool.recognize({ width: 64, height: 64, data: new Uint8Array(4096).fill(255) }, { rotate: 0 })));
    const got = new Map<number, Map<string, Map<string, number>>>();
    const t0 = performance.now();
    await Promise.all(
      pages.map(async (p) => {
        const page = await pool.recognize(new Uint8Array(readFileSync(file(p, 200, true))), { dpi: 200 });
        const toks = ocrToContent(page, 1).content.tokens.map((t) => t.text);
        if (!got.has(200)) got.set(200, new Map());
        got.get(200)!.set(p, numbers(toks));
      }),
    );
    const s = (performance.now() - t0) / 1000 / pages.length;
    if (workers === 2) {
      for (const dpi of [150, 300]) {
        got.set(dpi, new Map());
        await Promise.all(
          pages.map(async (p) => {
            const page = await pool.recognize(new Uint8Array(readFileSync(file(p, dpi, true))), { dpi });
            got.get(dpi)!.set(p, numbers(ocrToContent(page, 1).content.tokens.map((t) => t.text)));
          }),
        );
      }
    }
    await pool.close();
    return { s, got };
  };
  const one = await timed(1);
  const two = await timed(2);
  const numberRecall: Record<string, number> = {};
  const numberPrecision: Record<string, number> = {};
  for (const [dpi, byPage] of two.got) {
    let hit = 0;
    let want = 0;
    let read = 0;
    for (const p of pages) {
      const t = truth.get(p)!;
      const g = byPage.get(p) ?? new Map();
      hit += overlap(t, g);
      want += total(t);
      read += total(g);
    }
    numberRecall[`${dpi}dpi`] = Math.round((hit / Math.max(1, want)) * 1000) / 1000;
    numberPrecision[`${dpi}dpi`] = Math.round((hit / Math.max(1, read)) * 1000) / 1000;
  }
  const result: OcrBench = { pages: pages.length, secondsPerPage: { workers1: round(one.s), workers2: round(two.s) }, numberRecall, numberPrecision, dir };
  // native baseline: same pages, same segmentation, one thread (its default threading is slower)
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
    const t0 = performance.now();
    for (const p of pages) {
      execFileSync('tesseract', [file(p, 200, true), '-', '-l', 'chi_sim+eng', '--psm', '11', '--dpi', '200', 'tsv'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 << 20,
      });
    }
    result.secondsPerPage.native = round((performance.now() - t0) / 1000 / pages.length);
  } catch {
    /* no native tesseract: apt-get install -y tesseract-ocr tesseract-ocr-chi-sim */
  }
  return result;
}

function round(s: number): number {
  return Math.round(s * 100) / 100;
}
