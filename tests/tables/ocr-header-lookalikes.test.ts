// A 部门预算's 收入总表 by unit never tuned on, as OCR read a photocopy-like scan of it (泉州市人民政府
// 办公室 2026 p. 3, the unseen photocopy-200 condition of the OCR bench; cells as read): the header
// 财政专户管理资金收入 came back `财政合尸管理资金收入`, 专 misread and 户 read as the 尸 it differs
// from by a dot. Its column prints 0.00 on every row, so no sum can back a fuzzy name, and the one
// rule that names a header without a sum (one edit from a measure word, an identity of the kind
// testing it) found the word 财政专户 too short beside it. With the lookalike (knowledge/
// ocr-lookalikes.json) and the longer word 财政专户管理资金 (table-kinds.json), it is one edit away.
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const HEAD = ['单位名称', '总计', '一般公共预算拨款收入', '政府性基金预够报献收', '国有资本经营预算拉款收入', '财政合尸管理资金收入', '事业收入', '事业单位经营收入', '上级补助收入', '，附属单位上缴收入', '其他收入', '上年结转结余'];
const ROWS = [
  ['合计', '15184.81', '10984.81', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '4200.00', '0.00'],
  ['泉州市人民政府公报室', '45.96', '45.96', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['泉州市人民政府办公室', '5898.74', '5898.74', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['泉州市机兰事务服务中心', '7488.22', '3288.22', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '4200.00', '0.00'],
];
const facts = (head: string[]) =>
  factsOfTable(understandRows([head, ...ROWS], { kind: 'budget_income', tableId: 't002', title: '2026年度收入预算总表', page: 3 }), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy() });

describe('an OCR’d header with a character read for its lookalike', () => {
  it('names its measure when one edit is left and an identity of the kind tests it, flagged', () => {
    const col = facts(HEAD).filter((f) => f.col === 5);
    expect(col.map((f) => f.measure)).toEqual(['fiscal_special_account', 'fiscal_special_account', 'fiscal_special_account', 'fiscal_special_account']);
    expect(col.every((f) => f.flags.includes('ocr_measure_inferred'))).toBe(true);
  });

  it('leaves it unnamed with two misread characters that are no lookalikes', () => {
    const head = [...HEAD.slice(0, 5), '财政合片管理资金收入', ...HEAD.slice(6)];
    expect(facts(head).filter((f) => f.col === 5).every((f) => f.measure === '')).toBe(true);
  });
});
