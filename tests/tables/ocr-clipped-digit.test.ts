// A 部门预算's 收入总表 by unit never tuned on, as OCR read a JPEG scan of it (广州市住房和城乡建设局
// 2026 p. 8, the unseen q80-200 condition of the OCR bench; cells as the page's readings gave them):
// its amounts are printed right against each column's right rule, and in the narrow 其他收入
// column the rule's erasure took the right half of the last 0, which tesseract read as `(` or `C`
// (`0. 0(`, `0.0C`). Those cells were no amount, and 14 facts of the table were lost.
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { amountAfterMarks } from '../../normalizers/tables/understand.js';
import { understandRows } from './ocr-rows.js';

const HEAD1 = ['单位名称', '合计', '财政拨款收入', '', '', '财政专户拨款收入', '', '其他资金收入', '', '', '上级补助收入', '附属单位上缴收入', '上年结转结余'];
const HEAD2 = ['', '', '一般公共预算', '政府性基金预算', '国有资本经营预算', '教育收费', '其他专户收入拨款', '事业收入', '事业单位经营收入', '其他收入', '', '', ''];
const ROWS = [
  ['合计', '154,728.09', '113,077.44', '41,650.65', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
  ['广州市住房和城乡建设局', '30,851.67', '27,938.47', '2,913.20', '0.00', '0.00', '0.00', '0.00', '0.00', '0. 0(', '0.00', '0.00', '0.00'],
  ['广州市住房保障办公室', '37,842.17', '37,842.17', '0.00', '0.00', '0.0', '0.00', '0.00', '0.00', '0.0C', '0.00', '0.00', '0.00'],
];
const facts = (method: 'ocr' | 'ruled' = 'ocr') =>
  factsOfTable(understandRows([HEAD1, HEAD2, ...ROWS], { kind: 'budget_income', tableId: 't002', title: '收入总体情况表', page: 4 }, method), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy() });

describe('a last digit whose right half went with an erased rule', () => {
  it('reads it as a 0, flagged: the row’s sums test it', () => {
    const other = facts().filter((f) => f.measure === 'other_income');
    expect(other.map((f) => [f.item, f.value.toFixed(2)])).toEqual([['合计', '0.00'], ['广州市住房和城乡建设局', '0.00'], ['广州市住房保障办公室', '0.00']]);
    expect(other.map((f) => f.flags.includes('ocr_marks_stripped'))).toEqual([false, true, true]);
  });

  it('takes no bracket or C that is not a last decimal digit’s, and leaves a text layer alone', () => {
    expect(amountAfterMarks('1,254.6(')).toEqual({ raw: '1,254.60', marks: '(' });
    for (const t of ['0.00(', '12(', '1.5C5', '0.(', '1.5 C 5']) expect(amountAfterMarks(t)).toBeUndefined();
    expect(facts('ruled').filter((f) => f.measure === 'other_income').length).toBe(1);
  });
});
