// npm run bench: accuracy and speed figures, printed (never asserted), each against a baseline
// measured in the same run. Sections run when their inputs exist ($FISCAL_EXTRACT_SHARED, else
// ../shared beside the repo, as for npm run test:corpus).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { benchSeeds } from './seeds.js';
import { benchTaxonomyCoverage } from './taxonomy-coverage.js';
import { benchCorpus } from './corpus.js';
import { benchPdfAccuracy, BUDGET_KEYS } from './pdf-accuracy.js';
import { benchPdfSpeed } from './pdf-speed.js';
import { benchIcdar } from './icdar.js';
import { benchOcrSection } from './ocr.js';
import { benchHtmlSection } from './html.js';
import { benchOcrFacts } from './ocr-facts.js';
import { benchOcrGrid } from './ocr-grid.js';
import { benchOcrUnseen } from './ocr-unseen.js';
import { benchOcrMemory } from './ocr-memory.js';
import { benchHealth } from './health.js';
import { benchWebTemplates } from './web-templates.js';
import { benchScale } from './scale.js';
import { benchHostile } from './hostile.js';
import { benchBbox } from './bbox.js';
import { benchReviewApp } from './review-app.js';

const repo = resolve(fileURLToPath(import.meta.url), '../../../..');
const shared = process.env.FISCAL_EXTRACT_SHARED ? resolve(process.env.FISCAL_EXTRACT_SHARED) : resolve(repo, '../shared');

const skip = async (why: string): Promise<void> => { console.log(`  skipped: ${why}`); };

/** `explicit`: run only when named by the word before its colon (npm run bench -- ocr-grid), never by
 *  a plain npm run bench or a partial name: it takes an hour or more */
export interface Section { name: string; run: () => Promise<void>; explicit?: true }

const sections: Section[] = [
  { name: 'seeds (text dumps): speed and counts', run: () => benchSeeds(join(repo, 'corpus/samples')) },
  { name: 'corpus ingestion: workers, incremental reruns, soak', run: () => benchCorpus(join(repo, 'corpus/samples'), existsSync(join(shared, 'corpus')) ? join(shared, 'corpus') : undefined) },
  { name: 'taxonomy coverage of printed codes', run: () => benchTaxonomyCoverage(join(repo, 'corpus/samples'), existsSync(shared) ? join(shared, 'corpus') : undefined) },
  { name: 'pdf accuracy: answer keys (score-facts)', run: () => (existsSync(shared) ? benchPdfAccuracy(repo, shared) : skip('../shared not found')) },
  { name: 'health: verified, unknown measures, kinds, core tables (budgets developed on / held out, corpus)', run: () => (existsSync(shared) ? benchHealth(shared) : skip('../shared not found')) },
  { name: 'unseen budgets: answer keys (score-facts)', run: () => (existsSync(shared) ? benchPdfAccuracy(repo, shared, BUDGET_KEYS) : skip('../shared not found')) },
  { name: 'pdf speed: pages/s vs pdftotext, peak RSS', run: () => (existsSync(shared) ? benchPdfSpeed(repo, shared) : skip('../shared not found')) },
  { name: 'icdar 2013: table detection and cell adjacency', run: () => benchIcdar(join(shared, 'peer-cases/tabula-java/icdar2013')) },
  { name: 'ocr: tesseract.js vs native, number accuracy', run: () => benchOcrSection() },
  { name: 'html extractor speed', run: () => benchHtmlSection() },
  { name: 'web-templates: key tables in site templates and workbooks, fact F1 per shape (dev / reporting)', run: () => benchWebTemplates(repo) },
  { name: 'ocr facts: scanned answer-key pages, F1 per dpi, silent errors, repairs', run: () => (existsSync(shared) ? benchOcrFacts(repo, shared) : skip('../shared not found')) },
  { name: 'ocr memory: resident memory over a long scanned run', run: () => benchOcrMemory(repo) },
  { name: 'bbox: facts.csv boxes, share whose poppler crop is the printed value (fixtures, corpus, budgets)', run: () => benchBbox(repo, existsSync(shared) ? shared : undefined) },
  { name: 'review-app: the review app on a large run (BENCH_REVIEW_FACTS facts, default 100,000): load, API calls, bytes', run: () => benchReviewApp(join(repo, 'corpus/samples')) },
  { name: 'hostile: a nightly crawl\'s worst inputs with the seeds and corpus PDFs in one run, status and reason per input, peak RSS', run: () => benchHostile(repo, existsSync(shared) ? shared : undefined), explicit: true },
  { name: 'ocr-grid: scan conditions (dev / reported sets), fact F1 and silent errors per condition', run: () => (existsSync(shared) ? benchOcrGrid(repo, shared) : skip('../shared not found')), explicit: true },
  { name: 'ocr-unseen: text-layer budgets never tuned on, scanned under reported conditions, OCR facts against their own text layer (F1, silent errors per condition)', run: () => (existsSync(shared) ? benchOcrUnseen(repo, shared) : skip('../shared not found')), explicit: true },
  { name: 'scale: 1,000 documents (BENCH_SCALE_N) as partitioned Parquet: first run, no-change and 1%-changed reruns, bytes rewritten, state, peak RSS, queries, extrapolation to 100,000', run: () => benchScale(join(repo, 'corpus/samples')), explicit: true },
];

const only = process.argv.slice(2);
for (const s of sections) {
  if (s.explicit ? !only.includes(s.name.split(':')[0]!) : only.length && !only.some((o) => s.name.includes(o))) continue;
  console.log(`\n## ${s.name}`);
  const t0 = performance.now();
  try {
    await s.run();
  } catch (e) {
    console.log(`  (section failed: ${(e as Error).message.split('\n')[0]})`);
  }
  console.log(`  [${((performance.now() - t0) / 1000).toFixed(1)} s]`);
}
