// The project names of a 项目支出情况表 (长沙市财政局's project evaluation report, as OCR read a grey
// JPEG scan of it: the OCR bench's unseen documents of ../shared/corpus, q80-200; rows as read):
// 处置僵尸企业启动资金 came back 处置僵尸企业肢动资金, and its facts carried no flag at all, their
// values right, their name wrong. The rows of such a table print no code, and no classification
// or list of labels can check a project's name: every one read by OCR is flagged
// ocr_label_unchecked (normalizers/facts/index.ts), as the labels of a two-sided 总表 that are no
// standard words were. A text layer's names are taken as printed.
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const HEAD = ['项目名称', '预算批复', '预算到位', '实际执行', '执行率', '指标结余'];
const ROWS = [
  ['合计', '9,504.00', '9,294.00', '8,902.33', '95.79%', '391.67'],
  ['处置僵尸企业肢动资金', '1000.00', '1000.00', '1000.00', '100.00%', ''],
  ['困难企业社保欠费补助', '3750.00', '3750.00', '3706.09', '98.83%', '43.91'],
];
const facts = (method: 'ocr' | 'ruled') => factsOfTable(understandRows([HEAD, ...ROWS], { kind: 'budget_project_expenditure', tableId: 't001', title: '项目支出情况表', page: 3 }, method), { doc_id: 'd', fiscal_year: '2023', defaultUnit: '万元', taxonomy: loadTaxonomy() });

describe('the labels of an OCR\'d table whose rows print no codes', () => {
  it('are flagged unchecked, a total\'s standard words apart', () => {
    const fs = facts('ocr');
    expect(fs.filter((f) => f.item === '处置僵尸企业肢动资金').every((f) => f.flags.includes('ocr_label_unchecked'))).toBe(true);
    expect(fs.filter((f) => f.item === '困难企业社保欠费补助').every((f) => f.flags.includes('ocr_label_unchecked'))).toBe(true);
    expect(fs.filter((f) => f.item === '合计').some((f) => f.flags.includes('ocr_label_unchecked'))).toBe(false);
  });

  it('are taken as printed from a text layer', () => {
    expect(facts('ruled').some((f) => f.flags.includes('ocr_label_unchecked'))).toBe(false);
  });
});
