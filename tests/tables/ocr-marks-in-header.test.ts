// A 收入总表 of a 2026 部门预算 never tuned on, as OCR read a photocopy of it (泉州市公安局 p. 3, the
// unseen photocopy-200 condition of the OCR bench; header and first rows as read): a speck inside
// a header word (事业、3收入) left its column without a measure, and every row's fact there was
// lost. Marks between the Chinese characters of an OCR'd header are left out before it is compared
// with the kind's words; the column is named only when that word is the one nearest and an identity
// tests it (总计 = 本年收入 + …, 本年收入 = … + 单位资金, 单位资金 = 事业收入 + …: a part of a part of
// the named total), flagged as inferred (normalizers/tables/ocr-measures.ts fuzzyClose). So is
// 财政否尸、管理资金收入: 户 read as its lookalike 尸 (knowledge/ocr-lookalikes.json) is no misread
// character, 否 is one, and the word 财政专户管理资金 is that near.
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

const HEAD = ['单位名称', '总计', '一般公共预算拨款收入', '政府性基金预算拨款收‘A', '国有资本经营预算拨款收入', '财政否尸、管理资金收入', '事业、3收入', '事业单位经营收入', '上级补助收入', '附属单位上缴收入', '其他收入', '上年结转“结余'];
const ROWS = [
  ['合计', '81206.56', '69059.36', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '4547.20', '7600.00'],
  ['泉州市公安局', '58341.63', '16941.63', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '3800.00', '7600.00'],
  ['泉州市公安局台商投资区分局', '6478.80', '6016.60', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '162.20', '0.00'],
  ['泉州市公安局天湖山分局', '533.30', '533.30', '0.00', '..00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
];
const table = (head = HEAD) => understandRows([head, ...ROWS], { kind: 'budget_income', tableId: 't002', title: '2026年度收入预算总表', page: 3, fiscalYear: '2026' });
const column = (t: ReturnType<typeof table>, header: string) => t.columns.find((c) => c.header === header)!;

describe('a header OCR read with specks inside its words', () => {
  it('names the measure its words name without them, flagged as inferred', () => {
    const t = table();
    expect(column(t, '事业、3收入').measure).toBe('business_income');
    expect(column(t, '财政否尸、管理资金收入').measure).toBe('fiscal_special_account');
    expect(column(t, '财政否尸、管理资金收入').measure_evidence).toBe('fuzzy');
    expect(column(t, '事业、3收入').measure_evidence).toBe('fuzzy');
  });

  it('leaves it unnamed when no identity names the total beside it', () => {
    const t = table(['单位名称', '总讨', ...HEAD.slice(2)]);
    expect(column(t, '事业、3收入').measure ?? '').toBe('');
  });
});
