// A 收入总表 by unit of a 2026 部门预算 never tuned on, as OCR read a photocopy of it (苏州市交通运输局
// p. 3, the unseen photocopy-200 condition of the OCR bench; header and first rows as read): its 合计,
// printed across the 部门代码 and 部门名称 columns, came back as the letters Ait in the code column.
// A row-number column's letters were dropped as no label, so the row had none, and its numbers
// were taken for items named by the header (item_from_header): one fact kept, the others lost.
// Letters alone read there are the row's label when it has no other (understand.ts readRow); a
// table whose rows print no subject code (units' codes only) has no 类 to sum, so such a row (or one
// read 司计, 合计 one character off) above all the others, each value the largest of its column, is
// its 合计, flagged ocr_name_fuzzy (normalizers/facts/ocr-total-label.ts atHeadOfUncoded).
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const HEAD = ['部门代码', '部门名称', '合计', '本年收入 / 小计', '本年收入 / 一般公共预算', '本年收入 / 其他收入'];
const ROWS = [
  ['Ait', '', '249,977.11', '249,977.11', '242,360.10', '7,617.01'],
  ['123', '苏州市交通远输局', '249,977.11', '249,977.11', '242,360.10', '7,617.01'],
  ['123001', '苏州市穹通运输局', '201,457.56', '201,457.56', '201,457.56', ''],
  ['123002', '东州市交通运输综合行政执法支队', '24,274.54', '24,274.54', '21,054.54', '3,220.00'],
];
const table = (rows = ROWS, method: 'ocr' | 'ruled' = 'ocr') => understandRows([HEAD, ...rows], { kind: 'budget_income', tableId: 't002', title: '收入总表', page: 3 }, method);

describe('a total row read as letters in the row-number column', () => {
  it('keeps the letters as its label, and all its numbers', () => {
    const first = table().rows[0]!;
    expect(first.item).toBe('Ait');
    expect(first.flags).not.toContain('item_from_header');
    expect(first.values.map((v) => v.raw)).toEqual(['249,977.11', '249,977.11', '242,360.10', '7,617.01']);
  });

  it('leaves letters beside another label, and a text layer, as before', () => {
    const beside = table([['Ab', '合计', ...ROWS[0]!.slice(2)], ...ROWS.slice(1)]);
    expect(beside.rows[0]!.item).toBe('合计');
    expect(table(ROWS, 'ruled').rows.some((r) => r.item === 'Ait')).toBe(false);
  });

  it('is the 合计 when it stands above all the rows, each value the largest of its column: flagged', () => {
    const facts = (rows: string[][]) => factsOfTable(table(rows), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy() });
    for (const label of ['Ait', '司计']) {
      const all = facts([[label, '', ...ROWS[0]!.slice(2)], ...ROWS.slice(1)]);
      const total = all.filter((f) => f.row === Math.min(...all.map((x) => x.row)));
      expect(total.map((f) => f.item)).toEqual(['合计', '合计', '合计', '合计']);
      expect(total.every((f) => f.flags.includes('ocr_name_fuzzy'))).toBe(true);
    }
    // below a unit's row, or smaller than a unit's figure: no total
    expect(facts([...ROWS.slice(1, 2), ['Ait', '', ...ROWS[0]!.slice(2)], ...ROWS.slice(2)]).some((f) => f.item === '合计')).toBe(false);
    expect(facts([['Ait', '', '9.00', '9.00', '9.00', '7,617.01'], ...ROWS.slice(1)]).some((f) => f.item === '合计')).toBe(false);
  });
});
