// A 类 code of an OCR'd table misread a digit away while the 款 and 项 under it, printed in full,
// were read right (a dev fax scan of the guojia 2024 决算 收入决算表: 203 教育支画 over 20508 |
// 2050803; 203 names 国防支出). The class takes the code its children print when its printed name
// resolves to it among the 类 (ocr-parents.ts classFromChildren), flagged ocr_code_repaired.
// Replayed on the real text-layer 收入决算表 of the 社会工作部 2024 决算, marked as read by OCR.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { processDocument } from '../../pipeline/process-document.js';
import { factsOfTable, OCR_CODE_REPAIRED } from '../../normalizers/facts/index.js';
import { locateTables } from '../../normalizers/tables/locate.js';
import { understandTable } from '../../normalizers/tables/understand.js';
import { classifyTitle } from '../../normalizers/tables/kinds.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord, Fact, GridCell } from '../../model/types.js';
import { corpusPath } from '../extractors/pdf/corpus.js';

const tax = loadTaxonomy();
const NAME = 'sh-putuo-shehuigongzuobu-2024-dept-final.pdf';
let doc: Promise<DocumentRecord> | undefined;

/** the 收入决算表's facts, every cell printing a `from` reading its `to` */
async function income(pairs: [string, string][], method: 'ocr' | 'ruled' = 'ocr'): Promise<Fact[]> {
  doc ??= processDocument(corpusPath(NAME), new Uint8Array(readFileSync(corpusPath(NAME))));
  const d = await doc;
  const cand = locateTables(d.blocks).find((c) => classifyTitle(c.title, c.table_no, d.doc_kind)?.id === 'income')!;
  const rows: GridCell[][] = cand.grid.rows.map((r) => r.map((c) => ({ ...c })));
  for (const r of rows) for (const c of r) for (const [from, to] of pairs) if (c.text === from) c.text = to;
  const table = understandTable({ ...cand, grid: { ...cand.grid, method, rows } }, classifyTitle(cand.title, cand.table_no, d.doc_kind), 't002');
  return factsOfTable(table, { doc_id: d.doc_id, fiscal_year: '2024', defaultUnit: '万元', taxonomy: tax });
}

const named = (facts: Fact[], item: string) => facts.filter((f) => f.item === item);

describe('a 类 code misread a digit away, told by its children', () => {
  it('206 社会保障和就业支巾 over 20805 | 2080505 | 2080506 is 208, flagged', async () => {
    const hit = named(await income([['208', '206'], ['社会保障和就业支出', '社会保障和就业支巾']]), '社会保障和就业支巾');
    expect(hit.length).toBeGreaterThan(0);
    for (const f of hit) {
      expect([f.code, f.canonical_name, f.code_source]).toEqual(['208', '社会保障和就业支出', 'resolved']);
      expect(f.flags).toContain(OCR_CODE_REPAIRED);
    }
  });

  it('not when the name names no class near enough, a child prints another prefix, or the table is a text layer', async () => {
    // the name unreadable: the children alone do not move the class
    expect(named(await income([['208', '206'], ['社会保障和就业支出', '视会保陈和藏业火山']]), '视会保陈和藏业火山').map((f) => f.code)).toContain('206');
    // a child that prints the read prefix: the children disagree
    const split = await income([['208', '206'], ['社会保障和就业支出', '社会保障和就业支巾'], ['2080506', '2060506']]);
    expect(new Set(named(split, '社会保障和就业支巾').map((f) => f.code))).toEqual(new Set(['206']));
    // a text layer prints what it prints
    const ruled = await income([['208', '206'], ['社会保障和就业支出', '社会保障和就业支巾']], 'ruled');
    expect(new Set(named(ruled, '社会保障和就业支巾').map((f) => f.code))).toEqual(new Set(['206']));
  });
});
