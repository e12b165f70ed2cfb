// npm run bench -- web-templates: the answer-key documents' tables rendered into site templates
// (tests/bench/web-templates/pages.ts: portal layout tables, div grids, Word and Excel web exports,
// TRS_Editor / zoom article boxes, every Chinese encoding declared by HTTP, meta, wrongly or not at
// all; transforms.ts: 万元 tables printed in 元, 06 and 三公 tables as blocks side by side, the
// header again mid-table (all its rows, its last row, or respaced with a unit added), full-width
// and bracketed numbers, dashes in empty cells; captions above some tables and below others, units
// under the tables, UTF-16 without a byte-order mark, rowspan 类/款 codes, <font>/<span> wrappers; workbooks.ts:
// one sheet per table, tables stacked on one sheet, side by side, a hidden column, in 元, .xlsx
// and .xls), read through the pipeline and
// scored with score-facts against the keys: fact P/R/F1 per shape, dev shapes (rules may be tuned
// on them) apart from reporting shapes (never tuned on). Printed, never asserted.
// Pages that print a table in 元 where the key has it in 万元 are keyed in 元 (the key gives values
// in the unit printed), and every money fact must carry the unit printed and its amount in 元.
// Environment: WEB_TEMPLATES_SHAPES=a,b (only these shapes), WEB_TEMPLATES_VERBOSE=1 (the
// documents below F1 = 1 with the scorer's misses), WEB_TEMPLATES_OUT=DIR (write the generated
// files and keys there).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKeyDocs, keyHeader, renamedKey } from './web-templates/tables.js';
import { PAGE_SHAPES, renderPage } from './web-templates/pages.js';
import { BOOK_SHAPES, renderBook } from './web-templates/workbooks.js';
import { type Generated, scoreGenerated } from './web-templates/score.js';

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));

export async function benchWebTemplates(repo: string): Promise<void> {
  const docs = loadKeyDocs(join(repo, 'tests/fixtures/web-templates/tables.json'));
  const only = (process.env.WEB_TEMPLATES_SHAPES ?? '').split(',').filter(Boolean);
  const verbose = process.env.WEB_TEMPLATES_VERBOSE === '1';
  const keep = process.env.WEB_TEMPLATES_OUT;
  const shapes = [
    ...PAGE_SHAPES.map((s) => ({ name: s.name, set: s.set, make: (d: (typeof docs)[number]): Generated => ({ doc: d, ...renderPage(d, s) }) })),
    ...BOOK_SHAPES.map((s) => ({ name: s.name, set: s.set, make: (d: (typeof docs)[number]): Generated => ({ doc: d, ...renderBook(d, s) }) })),
  ].filter((s) => !only.length || only.includes(s.name));
  console.log(`  ${docs.length} key documents, ${docs.reduce((n, d) => n + d.tables.length, 0)} tables, ${shapes.length} shapes`);
  const sums: Record<string, { m: number; e: number; p: number; n: number; f1s: number[] }> = {};
  for (const shape of shapes) {
    const files = docs.map(shape.make);
    if (keep) {
      mkdirSync(keep, { recursive: true });
      for (const f of files) {
        writeFileSync(join(keep, f.file), f.bytes);
        if (f.charset) writeFileSync(join(keep, `${f.file}.charset`), f.charset + '\n');
        writeFileSync(join(keep, f.file.replace(/\.[a-z]+$/, '.expected.csv')), [keyHeader(repo, f.doc), ...renamedKey(repo, f.doc, f.file, f.shift)].join('\n') + '\n');
      }
    }
    const r = await scoreGenerated(repo, files);
    const t = r.total;
    const perfect = r.docs.filter((d) => d.score.F1 === 1).length;
    console.log(`  ${pad(shape.set, 7)}${pad(shape.name, 40)} P ${t.P.toFixed(4)}  R ${t.R.toFixed(4)}  F1 ${t.F1.toFixed(4)}  (${perfect}/${r.docs.length} documents at 1.0)${r.unitErrors ? `  ${r.unitErrors} facts in the wrong unit` : ''}`);
    const s = (sums[shape.set] ??= { m: 0, e: 0, p: 0, n: 0, f1s: [] });
    s.m += t.matched;
    s.e += t.expected;
    s.p += t.predicted;
    s.f1s.push(t.F1);
    if (verbose) {
      for (const d of r.docs.filter((x) => x.score.F1 < 1 || x.unitErrors.length)) {
        console.log(`      ${d.source}: F1 ${d.score.F1.toFixed(4)}  tables ${d.tables.join(' | ')}${d.warnings.length ? `  warnings: ${d.warnings.join('; ')}` : ''}`);
        for (const l of d.score.report.trim().split('\n').slice(0, -1)) console.log(`        ${l}`);
        for (const u of d.unitErrors.slice(0, 5)) console.log(`        unit  ${u}`);
      }
    }
  }
  for (const [set, s] of Object.entries(sums)) {
    const P = s.p ? Math.min(1, s.m / s.p) : 0;
    const R = s.e ? s.m / s.e : 0;
    const F1 = P + R ? (2 * P * R) / (P + R) : 0;
    console.log(`  ${set}: micro P ${P.toFixed(4)} R ${R.toFixed(4)} F1 ${F1.toFixed(4)}; lowest shape F1 ${Math.min(...s.f1s).toFixed(4)}`);
  }
}
