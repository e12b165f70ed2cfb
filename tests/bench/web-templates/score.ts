// Reads generated pages and workbooks through the whole pipeline (processDocument, with the HTTP
// charset a shape declares) and scores their facts with the project's fact scorer
// (tests/fixtures/tools/score-facts.mjs) against the answer keys, renamed to the generated files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processDocument } from '../../../pipeline/process-document.js';
import { type KeyDoc, keyHeader, renamedKey } from './tables.js';

export interface Generated {
  doc: KeyDoc;
  file: string;
  bytes: Uint8Array;
  charset?: string;
  /** by table kind: the power of ten the file's amounts are scaled by from the key's */
  shift?: Record<string, number>;
  /** by table kind: the money unit the file prints it in; facts of the kind must carry it */
  units?: Record<string, string>;
}

export interface Score {
  P: number;
  R: number;
  F1: number;
  expected: number;
  matched: number;
  predicted: number;
  report: string;
}

export interface ShapeResult {
  total: Score;
  /** money facts whose unit is not the one their table is printed in, or whose amount_yuan is not
   *  value × the unit's factor */
  unitErrors: number;
  /** per key document */
  docs: { source: string; score: Score; warnings: string[]; tables: string[]; unitErrors: string[] }[];
}

const FACTORS: Record<string, string> = { 元: '1', 千元: '1000', 万元: '10000', 亿元: '100000000' };

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function runScorer(repo: string, out: string, key: string): Score {
  let report: string;
  try {
    report = execFileSync(process.execPath, [join(repo, 'tests/fixtures/tools/score-facts.mjs'), out, key, '--show', '8'], { encoding: 'utf8' });
  } catch (e) {
    report = String((e as { stdout?: string }).stdout ?? e);
  }
  const m = /expected=(\d+) matched=(\d+) predicted=(\d+) P=([\d.]+) R=([\d.]+) F1=([\d.]+)/.exec(report);
  if (!m) return { P: 0, R: 0, F1: 0, expected: 0, matched: 0, predicted: 0, report };
  return { expected: +m[1]!, matched: +m[2]!, predicted: +m[3]!, P: +m[4]!, R: +m[5]!, F1: +m[6]!, report };
}

/** Every generated file of one shape through the pipeline, scored as a whole and (unless
 *  `perDoc` is false: the scorer's report of the whole then) per document. */
export async function scoreGenerated(repo: string, files: Generated[], opts: { perDoc?: boolean } = {}): Promise<ShapeResult> {
  const out = mkdtempSync(join(tmpdir(), 'web-templates-'));
  try {
    const docs: string[] = ['doc_id,source'];
    const facts: string[] = ['doc_id,table_kind,section,code,item,measure,value'];
    const keys: string[] = [];
    const perDoc: { g: Generated; warnings: string[]; tables: string[]; key: string; unitErrors: string[] }[] = [];
    for (const g of files) {
      const rec = await processDocument(g.file, g.bytes, g.charset ? { charset: g.charset } : {});
      docs.push(`${q(rec.doc_id)},${q(g.file)}`);
      const unitErrors: string[] = [];
      for (const f of rec.facts) {
        // the keys list a label printed twice in a section under one key (matched by value); a
        // zero at one of its prints (row_group, SCHEMA.md) is scored under the print's own key, so
        // that the scorer's rule for zeros the key has no fact for sees the place it was printed at
        const section = f.row_group && f.value.isZero() ? `${f.section} / ${f.row_group}` : f.section;
        facts.push([f.doc_id, f.table_kind, section, f.code, f.item, f.measure, f.value.toFixed()].map(q).join(','));
        const want = g.units?.[f.table_kind];
        if (!want || !f.amount_yuan) continue;
        const factor = FACTORS[want] ?? '1';
        if (f.unit !== want || !f.amount_yuan.eq(f.value.times(factor))) unitErrors.push(`${f.table_kind} ${f.code || f.item} ${f.measure}: ${f.value.toFixed()} ${f.unit} = ${f.amount_yuan.toFixed()} 元, printed in ${want}`);
      }
      const rows = renamedKey(repo, g.doc, g.file, g.shift);
      keys.push(...rows);
      const key = join(out, `${g.doc.source}.key.csv`);
      writeFileSync(key, [keyHeader(repo, g.doc), ...rows].join('\n') + '\n');
      const warnings = rec.messages.filter((m) => m.severity !== 'info' && m.stage === 'extract').map((m) => m.text);
      perDoc.push({ g, warnings, tables: rec.tables.map((t) => `${t.table_kind}:${t.title}`), key, unitErrors });
    }
    writeFileSync(join(out, 'documents.csv'), docs.join('\n') + '\n');
    writeFileSync(join(out, 'facts.csv'), facts.join('\n') + '\n');
    const all = join(out, 'all.key.csv');
    writeFileSync(all, [keyHeader(repo, files[0]!.doc), ...keys].join('\n') + '\n');
    const total = runScorer(repo, out, all);
    return {
      total,
      unitErrors: perDoc.reduce((n, d) => n + d.unitErrors.length, 0),
      docs: perDoc.map((d) => ({ source: d.g.doc.source, score: opts.perDoc === false ? total : runScorer(repo, out, d.key), warnings: d.warnings, tables: d.tables, unitErrors: d.unitErrors })),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
