// A 部门预算's 收入总表 never tuned on, as OCR read a photocopy-like scan of it (福州市公安局治安管理支队
// 2026 p. 3, the unseen photocopy-200 condition of the OCR bench): its title came back
// `2026年度收人预算监表`, 入 read as the 人 it differs from by a stroke and 总 as 监. Two misread
// characters in six are more than a title's fuzzy match allows (one in four), its header's words
// are those of every kind that prints sources of funds, and the table stayed `unknown`. A character
// read for its lookalike (knowledge/ocr-lookalikes.json) is no misread character of a title.
import { describe, expect, it } from 'vitest';
import { classifyTable } from '../../normalizers/tables/classify.js';
import { fuzzyTitleKinds } from '../../normalizers/tables/kinds.js';
import type { TableCandidate } from '../../normalizers/tables/locate.js';

const HEAD = ['单位名称', '合计', '一般公共预算拨款收入', '政府性基金预算拨款收入', '国有资本经营预算拨款收入', '财政专户管理资金收入', '事业收入', '事业单位经营收入', '上级补助收入', '。附属单位上缴收入', '其他收入', '上年结转结余'];
const ROWS = [
  ['合计', '2796.14', '2796.14', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '-0.00', '0.00', '0.00'],
  ['福州市公安局治发管理支队', '2796.14', '2796.14', '', '', '', '', '', '', '', '', ''],
];
const cand = (title: string): TableCandidate => ({ grid: { method: 'ocr', rows: [HEAD, ...ROWS].map((r) => r.map((text) => ({ text }))) }, title, table_no: '', unit: '万元', before: [], notes: [], page: 3 });

describe('an OCR’d title with a character read for its lookalike', () => {
  it('names its kind', () => {
    expect(fuzzyTitleKinds('2026年度收人预算监表')[0]).toMatchObject({ known: '收入预算总表', edits: 1 });
    const c = classifyTable(cand('2026年度收人预算监表'), 'budget');
    expect(c.kind?.id).toBe('budget_income');
    expect(c.flags).not.toContain('ocr_kind_unknown');
  });

  it('counts a character that is no lookalike as misread', () => {
    // 收八 for 收入: 八 is no lookalike of 入 here, and with 监 that is two in six
    expect(fuzzyTitleKinds('2026年度收八预算监表').filter((f) => f.known === '收入预算总表')).toEqual([]);
    expect(classifyTable(cand('2026年度收八预算监表'), 'budget').kind).toBeUndefined();
  });
});
