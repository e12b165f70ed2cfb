// A 项 row of an OCR'd coded table whose code part was lost and whose label came back approximate:
// the part read into the label (因事业单位医疗 for 02 | 事业单位医疗, D5机关事业单位基本养老保险播费支出
// with 缴 misread as well), or a character of the name misread (人住房公积金). As read on a dev
// photocopy scan of the yt 2026 预算 收入总表 (tests/bench/ocr-grid.ts, photocopy-hi-200). The
// name is matched approximately only among the children of the 款 read above it, and never to a
// code another row prints; the code is taken flagged ocr_code_repaired and checked by 款 = Σ 项.
// Replayed on the real text-layer table, marked as read by OCR.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { processDocument } from '../../pipeline/process-document.js';
import { factsOfTable, OCR_CODE_REPAIRED, OCR_CODE_UNREAD } from '../../normalizers/facts/index.js';
import { locateTables } from '../../normalizers/tables/locate.js';
import { understandTable } from '../../normalizers/tables/understand.js';
import { classifyTitle } from '../../normalizers/tables/kinds.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { runChecks } from '../../normalizers/checks/index.js';
import type { DocumentRecord, Fact, GridCell } from '../../model/types.js';
import { corpusPath } from '../extractors/pdf/corpus.js';

const tax = loadTaxonomy();
const YT = 'yt-yibaoju-2026-dept-budget.pdf';
let doc: Promise<DocumentRecord> | undefined;

/** the 收入总表 with the row named `name` read without its 项 part and labelled `read` */
async function incomeFacts(damage: [name: string, read: string][], method: 'ocr' | 'ruled' = 'ocr'): Promise<Fact[]> {
  doc ??= processDocument(corpusPath(YT), new Uint8Array(readFileSync(corpusPath(YT))));
  const d = await doc;
  const cand = locateTables(d.blocks).find((c) => classifyTitle(c.title, c.table_no, d.doc_kind)?.id === 'budget_income')!;
  const rows: GridCell[][] = cand.grid.rows.map((r) => r.map((c) => ({ ...c })));
  for (const [name, read] of damage) {
    const row = rows.find((r) => r.some((c) => c.text === name))!;
    expect(row, name).toBeDefined();
    for (const c of row) {
      if (/^\d{2}$/.test(c.text)) c.text = '';
      else if (c.text === name) c.text = read;
    }
  }
  const table = understandTable({ ...cand, grid: { ...cand.grid, method, rows } }, classifyTitle(cand.title, cand.table_no, d.doc_kind), 't002');
  return factsOfTable(table, { doc_id: d.doc_id, fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax });
}

const at = (facts: Fact[], item: string) => facts.filter((f) => f.item === item);

describe('a lost 项 code told by an approximate name among the children of the 款 above', () => {
  it('因事业单位医疗, 人住房公积金 and D5机关事业单位基本养老保险播费支出 take 2101102, 2210201 and 2080505, flagged; 款 = Σ 项 then holds', async () => {
    const facts = await incomeFacts([['事业单位医疗', '因事业单位医疗'], ['住房公积金', '人住房公积金'], ['机关事业单位基本养老保险缴费支出', 'D5机关事业单位基本养老保险播费支出']]);
    for (const [item, code, value] of [['因事业单位医疗', '2101102', '69.49'], ['人住房公积金', '2210201', '172.12'], ['D5机关事业单位基本养老保险播费支出', '2080505', '201.42']] as const) {
      const hit = at(facts, item);
      expect(hit.length, item).toBe(3);
      for (const f of hit) {
        expect([f.code, f.value.toFixed(2)]).toEqual([code, value]);
        expect(f.flags).toContain(OCR_CODE_REPAIRED);
        expect(f.flags).not.toContain(OCR_CODE_UNREAD);
      }
    }
    const d = await doc!;
    const checked: DocumentRecord = { ...d, tables: [], facts: facts.map((f) => ({ ...f, flags: [...f.flags] })), checks: [] };
    checked.checks = runChecks(checked, tax);
    expect(checked.checks.filter((c) => c.check_id === 'hierarchy_sum').map((c) => c.subject)).toEqual([]);
  });

  it('a name near two children, a code another row prints, two rows near one code, and a text layer stay as they are', async () => {
    // 单位医疗: four characters, as near 行政单位医疗 as 事业单位医疗: no code
    const near = at(await incomeFacts([['事业单位医疗', '单位医疗']]), '单位医疗');
    expect(near.map((f) => f.code)).toEqual(['', '', '']);
    expect(near[0]!.flags).toContain(OCR_CODE_UNREAD);
    // 因行政单位医疗 approximates 2101101, which its own row prints
    const taken = at(await incomeFacts([['事业单位医疗', '因行政单位医疗']]), '因行政单位医疗');
    expect(taken.map((f) => f.code)).toEqual(['', '', '']);
    // two rows approximating one code: neither takes it
    const twice = await incomeFacts([['事业单位医疗', '因事业单位医疗'], ['公务员医疗补助', '人事业单位医疗']]);
    expect([...at(twice, '因事业单位医疗'), ...at(twice, '人事业单位医疗')].map((f) => f.code)).toEqual(['', '', '', '', '', '']);
    // read from a text layer, the row is what it prints
    const ruled = at(await incomeFacts([['事业单位医疗', '因事业单位医疗']], 'ruled'), '因事业单位医疗');
    expect(ruled.map((f) => f.code)).toEqual(['', '', '']);
  });
});
