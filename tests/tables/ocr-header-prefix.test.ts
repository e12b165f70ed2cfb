// A 部门预算's 收入总表 never tuned on, as OCR read a photocopy-like scan of it (重庆市商务委员会 2026,
// the unseen photocopy-200 condition of the OCR bench; cells as read): the last column's header
// 其他收入 came back `其他`, its second line lost. No measure of the kind is within an edit of it,
// so its numbers had no measure (ocr_header_unread). It begins one measure word of the kind, 其他收入,
// and the column is a part of the sum 总计 = 一般公共预算 + … + 其他 that holds on the rows:
// normalizers/tables/ocr-measures.ts, rule 3.
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { CQ_INCOME_HEAD, CQ_INCOME_ROWS, understandRows } from './ocr-rows.js';

const HEAD = CQ_INCOME_HEAD;
const ROWS = CQ_INCOME_ROWS;
const facts = (head: string[], rows: string[][]) =>
  factsOfTable(understandRows([head, ...rows], { kind: 'budget_income', tableId: 't002', title: '收入总表', page: 3 }), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy() });

describe('an OCR’d header that lost the end of its words', () => {
  it('names the column by the one measure word it begins, when the column sum holds', () => {
    const fs = facts(HEAD, ROWS).filter((f) => f.col === 11);
    expect(fs.map((f) => [f.value.toString(), f.measure])).toEqual([['717.01', 'other_income'], ['112.51', 'other_income'], ['112.51', 'other_income'], ['106.38', 'other_income'], ['1', 'other_income'], ['5.13', 'other_income']]);
    expect(fs.every((f) => f.flags.includes('ocr_measure_inferred'))).toBe(true);
  });

  it('leaves it unnamed without the sum, under a group, or when it begins two words', () => {
    // the 其他 column's numbers misread on most rows: the sum no longer holds
    const broken = ROWS.map((r, i) => (i >= 2 ? [...r.slice(0, 11), '9.99'] : r));
    expect(facts(HEAD, broken).filter((f) => f.col === 11).every((f) => f.measure === '')).toBe(true);
    // under a group's words, the group says what it is a part of
    expect(facts([...HEAD.slice(0, 11), '单位资金 / 其他'], ROWS).filter((f) => f.col === 11).every((f) => f.measure === '')).toBe(true);
    // 事业 begins 事业收入 and 事业单位经营收入
    const two = [...HEAD.slice(0, 7), '事业', ...HEAD.slice(8)];
    expect(facts(two, ROWS).filter((f) => f.col === 7).every((f) => f.measure === '')).toBe(true);
  });
});
