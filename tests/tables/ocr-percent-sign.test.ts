// A 项目支出情况表 of a 绩效评价报告 never tuned on, as OCR read a grey JPEG scan of it (长沙市财政局's
// project evaluation report, the OCR bench's unseen documents of ../shared/corpus, q80-200; rows as
// read): the 执行率 column prints each rate with a % sign, and tesseract read the sign as a 7 on
// most rows (100.00% → 100.007, 95.68% → 95.687), silently. Where every rate of a column read with
// a third decimal reads a 7 there (two at least), it is the sign: dropped, flagged ocr_percent_sign
// (normalizers/facts/ocr-percent-sign.ts). 3706.09 / 3750.00 = 98.83 %.
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const HEAD = ['项目名称', '预算批复', '预算到位', '实际执行', '执行率', '指标结余'];
const ROWS = [
  ['处置僵尸企业肢动资金', '1000.00', '1000.00', '1000.00', '100.007', ''],
  ['困难企业社保欠费补助', '3750.00', '3750.00', '3706.09', '98.837', '43.91'],
  ['解决困难集体企业欠缴社保费职工到龄不能退休的资金补助', '350.00', '350.00', '306.09', '87.45%', '43.91'],
  ['困难企业、职工帮扶资金', '3087.00', '2877.00', '2614.12', '84.697', '472.88'],
  ['三户困难企业特困救助', '57.00', '57.00', '54.54', '95.687', '2.46'],
  ['国有企业领导班子成员特困补助', '210.00', '210.00', '202.31', '96.34%', '7.69'],
  // (rates of the table's rows on the pages before and after, their signs read as printed; their
  // money cells left out)
  ['一破产改制企业资金缺', '', '', '', '99.57%', ''],
  ['弥补破产改制企业资金', '', '', '', '99.48%', ''],
  ['应急资金', '', '', '', '25.00%', ''],
  ['困难企业安全生产隐悦', '', '', '', '96.25%', ''],
];
const facts = (rows: string[][]) => factsOfTable(understandRows([HEAD, ...rows], { kind: 'budget_project_expenditure', tableId: 't001', title: '项目支出情况表', page: 3 }), { doc_id: 'd', fiscal_year: '2023', defaultUnit: '万元', taxonomy: loadTaxonomy() });
const rate = (fs: ReturnType<typeof facts>, item: string) => fs.find((f) => f.item === item && f.measure === 'execution_rate')!;

describe('a rate column whose % signs OCR read as a third decimal 7', () => {
  it('drops the 7 from each rate that reads so, flagged', () => {
    const fs = facts(ROWS);
    const r = rate(fs, '困难企业社保欠费补助');
    expect(r.value.toFixed(2)).toBe('98.83');
    expect(r.scale).toBe(2);
    expect(r.unit).toBe('%');
    expect(r.flags).toContain('ocr_percent_sign');
    expect(rate(fs, '处置僵尸企业肢动资金').value.toString()).toBe('100');
    // the rates read with their sign are as read, unflagged; the money columns are untouched
    expect(rate(fs, '国有企业领导班子成员特困补助').flags).not.toContain('ocr_percent_sign');
    expect(fs.filter((f) => f.unit !== '%').some((f) => f.flags.includes('ocr_percent_sign'))).toBe(false);
  });

  it('leaves a column where one rate alone reads so, or where the third decimals differ', () => {
    const one = ROWS.map((r, i) => (i === 1 || i === 3 || i === 4 ? [...r.slice(0, 4), r[4]!.replace(/7$/, '%'), r[5]!] : r));
    // (100.007 alone: one rate could be printed with three decimals)
    expect(rate(facts(one), '处置僵尸企业肢动资金').value.toString()).toBe('100.007');
    const mixed = ROWS.map((r, i) => (i === 1 ? [...r.slice(0, 4), '98.831', r[5]!] : i === 3 ? [...r.slice(0, 4), '84.692', r[5]!] : i === 4 ? [...r.slice(0, 4), '95.684', r[5]!] : r));
    expect(rate(facts(mixed), '处置僵尸企业肢动资金').flags).not.toContain('ocr_percent_sign');
  });
});
