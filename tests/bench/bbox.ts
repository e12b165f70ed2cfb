// Cell-level provenance (facts.csv bbox_x0..bbox_y1, source_ref): the share of facts read from a
// PDF's text layer whose box, cropped with poppler, is the printed value; per set of PDFs (the
// fixtures, ../shared/corpus, ../shared/corpus-budgets). A table fact's crop is emulated on
// poppler's words (one `pdftotext -bbox` per document, tests/provenance/crop.ts); a sample of them
// (every SAMPLE_EVERY-th) is also cropped for real with `pdftotext -x -y -W -H`, and the agreement
// of the two is printed. Every prose figure (table_id `narrative`, a figure set in running text)
// is cropped for real (the emulation places a word's glyphs as the pipeline does). OCR is off for
// the sets; `ocr` scans a text-layer fixture page straight, turned a quarter and 1.2° askew and
// measures how far each OCR'd fact's box lies from where the text layer's box of it went.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ingest } from '../../pipeline/ingest.js';
import { parseCsv } from '../../output/csv.js';
import { boxOfRow, cropText, cropWords, popplerWords, printsValue } from '../provenance/crop.js';
import { processDocument } from '../../pipeline/process-document.js';
import { recordsOf, type FactRow } from '../../output/records.js';
import { rotateQuarter, rotateSmall, type GreyImage } from '../../extractors/ocr/image.js';
import { scanPdf } from '../scan-pdf.js';

const SAMPLE_EVERY = 25;

interface Tally { docs: number; facts: number; boxed: number; cropped: number; sample: number; sampleOk: number; agree: number; prose: number; proseBoxed: number; proseOk: number; misses: string[] }

const pdfsIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(dir, f)) : []);

async function measure(label: string, files: string[]): Promise<void> {
  if (!files.length) { console.log(`  ${label}: skipped (no PDFs)`); return; }
  const out = mkdtempSync(join(tmpdir(), 'fx-bbox-'));
  try {
    const t0 = performance.now();
    await ingest(files, { out, workers: 2, ocr: false });
    const seconds = (performance.now() - t0) / 1000;
    const docs = parseCsv(readFileSync(join(out, 'documents.csv'), 'utf8'));
    const facts = parseCsv(readFileSync(join(out, 'facts.csv'), 'utf8'));
    const byDoc = new Map<string, Record<string, string>[]>();
    for (const f of facts) byDoc.set(f['doc_id']!, [...(byDoc.get(f['doc_id']!) ?? []), f]);
    const tallies = new Map<string, Tally>();
    const worst: { doc: string; facts: number; ok: number }[] = [];
    let k = 0;
    for (const d of docs) {
      const mine = byDoc.get(d['doc_id']!) ?? [];
      const format = d['format']!;
      const t = tallies.get(format) ?? { docs: 0, facts: 0, boxed: 0, cropped: 0, sample: 0, sampleOk: 0, agree: 0, prose: 0, proseBoxed: 0, proseOk: 0, misses: [] };
      tallies.set(format, t);
      t.docs++;
      if (!mine.length) continue;
      const words = format === 'pdf-text' ? popplerWords(d['source']!) : undefined;
      let ok = 0;
      for (const f of mine) {
        const box = boxOfRow(f);
        if (f['table_id'] === 'narrative') {
          t.prose++;
          if (!box) continue;
          t.proseBoxed++;
          if (!words) continue;
          const real = await cropText(d['source']!, Number(f['page']), box);
          if (printsValue(real, f['value']!, true)) { t.proseOk++; ok++; } else if (t.misses.length < 12) t.misses.push(`${basename(d['source']!)} p${f['page']} prose ${f['item']} ${f['measure']} = ${f['value']}: crop "${real}"`);
          continue;
        }
        t.facts++;
        if (!box) { if (t.misses.length < 12) t.misses.push(`${basename(d['source']!)} p${f['page']} ${f['table_id']} ${f['item']} ${f['measure']} = ${f['value']}: no box`); continue; }
        t.boxed++;
        if (!words) continue;
        const page = Number(f['page']);
        const emulated = cropWords(words.get(page) ?? [], box);
        const hit = printsValue(emulated, f['value']!);
        if (hit) { t.cropped++; ok++; } else if (t.misses.length < 12) t.misses.push(`${basename(d['source']!)} p${page} ${f['table_id']} ${f['item']} ${f['measure']} = ${f['value']}: crop "${emulated}"`);
        if (k++ % SAMPLE_EVERY === 0) {
          const real = await cropText(d['source']!, page, box);
          const realHit = printsValue(real, f['value']!);
          t.sample++;
          if (realHit) t.sampleOk++;
          if (realHit === hit) t.agree++;
        }
      }
      if (words) worst.push({ doc: basename(d['source']!), facts: mine.length, ok });
    }
    console.log(`  ${label}: ${files.length} PDFs, ${facts.length} facts, ingest ${seconds.toFixed(1)} s (OCR off)`);
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(2)}%` : '-');
    for (const [format, t] of [...tallies].sort()) {
      if (!t.facts && !t.prose) { console.log(`    ${format.padEnd(12)} ${t.docs} docs, no facts`); continue; }
      const text = format === 'pdf-text';
      const crop = text ? `; crop = printed value ${t.cropped}/${t.facts} = ${pct(t.cropped, t.facts)}; real pdftotext crops (1 in ${SAMPLE_EVERY}): ${t.sampleOk}/${t.sample} = ${pct(t.sampleOk, t.sample)}, agreeing with the emulation ${pct(t.agree, t.sample)}` : '';
      console.log(`    ${format.padEnd(12)} ${t.docs} docs; table facts ${t.facts}: with a box ${pct(t.boxed, t.facts)}${crop}`);
      if (t.prose) console.log(`    ${''.padEnd(12)} prose figures ${t.prose}: with a box ${pct(t.proseBoxed, t.prose)}${text ? `; real crop = printed value ${t.proseOk}/${t.prose} = ${pct(t.proseOk, t.prose)}` : ''}`);
      if (text) console.log(`    ${''.padEnd(12)} all facts: a box whose crop is the printed value ${t.cropped + t.proseOk}/${t.facts + t.prose} = ${pct(t.cropped + t.proseOk, t.facts + t.prose)}`);
      for (const m of t.misses.slice(0, 8)) console.log(`      miss: ${m}`);
    }
    const low = worst.filter((w) => w.ok < w.facts).sort((a, b) => a.ok / a.facts - b.ok / b.facts).slice(0, 5);
    if (low.length) console.log(`    lowest: ${low.map((w) => `${w.doc} ${w.ok}/${w.facts}`).join('; ')}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** OCR'd scans of a text-layer page: distance of each fact's box centre from the text layer's */
async function measureOcr(repo: string): Promise<void> {
  const file = join(repo, 'tests/fixtures/pdf/guojia-xinfangju-2024-dept-final.p8.pdf');
  const w = 842;
  const h = 595.35;
  const a = (1.2 * Math.PI) / 180;
  const key = (f: FactRow) => [f.table_id, f.section, f.code || f.item, f.measure, f.value].join('|');
  const text = recordsOf(await processDocument(file, new Uint8Array(readFileSync(file)), { ocr: false })).facts;
  const want = new Map(text.map((f) => [key(f), boxOfRow(f)!]));
  const cases: [string, (g: GreyImage) => GreyImage, (x: number, y: number) => [number, number]][] = [
    ['straight', (g) => g, (x, y) => [x, y]],
    ['turned a quarter', (g) => rotateQuarter(g, 1), (x, y) => [h - y, x]],
    ['1.2° askew', (g) => rotateSmall(g, 1.2), (x, y) => [w / 2 + (x - w / 2) * Math.cos(a) - (y - h / 2) * Math.sin(a), h / 2 + (x - w / 2) * Math.sin(a) + (y - h / 2) * Math.cos(a)]],
  ];
  for (const [label, change, at] of cases) {
    const t0 = performance.now();
    const facts = recordsOf(await processDocument('scan.pdf', scanPdf(file, [1], 200, change))).facts;
    const d: number[] = [];
    for (const f of facts) {
      const b = want.get(key(f));
      const box = boxOfRow(f);
      if (!b || !box) continue;
      const [ex, ey] = at((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2);
      d.push(Math.hypot((box.x0 + box.x1) / 2 - ex, (box.y0 + box.y1) / 2 - ey));
    }
    d.sort((p, q) => p - q);
    const boxed = facts.filter((f) => boxOfRow(f)).length;
    console.log(`  ocr ${label.padEnd(16)} ${facts.length} facts, ${boxed} with a box; ${d.length} matched to the text layer's: box centre off by median ${(d[d.length >> 1] ?? 0).toFixed(2)} pt, max ${(d.at(-1) ?? 0).toFixed(2)} pt (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
}

export async function benchBbox(repo: string, shared: string | undefined): Promise<void> {
  await measure('fixtures (tests/fixtures/pdf)', pdfsIn(join(repo, 'tests/fixtures/pdf')));
  await measureOcr(repo);
  if (!shared) { console.log('  ../shared not found: corpus sets skipped'); return; }
  await measure('corpus (../shared/corpus)', pdfsIn(join(shared, 'corpus')));
  await measure('budgets (../shared/corpus-budgets)', pdfsIn(join(shared, 'corpus-budgets')));
}
