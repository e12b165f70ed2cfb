// The OCR bench of tests/bench/ocr-engines.ts: tesseract.js seconds per page (1 and 2 workers), native
// tesseract as baseline, number recall/precision by dpi against the text layer of the same pages.
import { spawnSync } from 'node:child_process';
import { benchOcr } from './ocr-engines.js';

const has = (cmd: string, arg = '--version'): boolean => !spawnSync(cmd, [arg]).error;

export async function benchOcrSection(): Promise<void> {
  const missing = [['pdftoppm', '-v'], ['convert', '-version']].filter(([c, a]) => !has(c!, a)).map(([c]) => c);
  if (missing.length) { console.log(`  skipped: ${missing.join(', ')} not installed (poppler-utils, imagemagick make the scans)`); return; }
  if (!has('tesseract')) console.log('  (native tesseract absent: no baseline figure)');
  const r = await benchOcr();
  console.log(`  ${r.pages} pages from ${r.dir}`);
  const s = r.secondsPerPage;
  console.log(`  tesseract.js s/page: 1 worker ${s.workers1.toFixed(2)}, 2 workers ${s.workers2.toFixed(2)}${s.native !== undefined ? `; native tesseract (1 thread) ${s.native.toFixed(2)} (ratio ${(s.workers1 / s.native).toFixed(2)}x)` : ''}`);
  for (const k of Object.keys(r.numberRecall)) console.log(`  ${k}: number recall ${r.numberRecall[k]}, precision ${r.numberPrecision[k] ?? '-'}`);
}
