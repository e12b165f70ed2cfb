// A scan that thins 4s to 1s: the cells a failing sum tells are read back as 4s (strokes.ts), but a
// copy chain that lost its 4 alike (a 类 over its only 款 over its only 项) holds and pins nothing.
// The 一般公共预算财政拨款支出决算表 of 佛山市轨道交通局 2019 as read on the dev grid's fax45-200 scan (its
// values as OCR read them, its 合计 row on the page before: 214's 1531.04 read 1531.01 in the 类 and
// the 款, 2080505's 53.45 read 53.15 in both its columns), with its 住房保障 chain printed 64.87 and read
// 61.87 in all three rows, as the 4.70 of a 2026 budget's 教育支出 was read 1.70 in its 类, 款 and 项
// on the fax-200 scan. Two figures read back as 4s where their sums failed tell the scan loses 4s:
// the chain, in no sum of two or more amounts, pins nothing, and its cells that no exact identity
// verifies are flagged ocr_stroke_doubt (normalizers/ocr-correct/stroke-doubt.ts).
import { describe, expect, it } from 'vitest';
import { correctOcr } from '../../normalizers/ocr-correct/index.js';
import { OCR_STROKE_DOUBT, strokeDoubt } from '../../normalizers/ocr-correct/stroke-doubt.js';
import { runChecks } from '../../normalizers/checks/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord } from '../../model/types.js';
import { makeDoc, type Row } from './helpers.js';

const tax = loadTaxonomy();

const READ: Row[] = [
  ['208', '社会保障和就业支出', '76.23', '76.23', '0.00'],
  ['20805', '行政事业单位养老支出', '76.23', '76.23', '0.00'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '53.15', '53.15', '0.00'],
  ['2080506', '机关事业单位职业年金缴费支出', '22.78', '22.78', '0.00'],
  ['214', '交通运输支出', '1531.01', '609.29', '921.75'],
  ['21401', '公路水路运输', '1531.01', '609.29', '921.75'],
  ['2140101', '行政运行', '609.29', '609.29', '0.00'],
  ['2140102', '一般行政管理事务', '905.60', '0.00', '905.60'],
  ['2140199', '其他公路水路运输支出', '16.15', '0.00', '16.15'],
  ['221', '住房保障支出', '61.87', '61.87', '0.00'],
  ['22102', '住房改革支出', '61.87', '61.87', '0.00'],
  ['2210201', '住房公积金', '61.87', '61.87', '0.00'],
];

/** the pipeline's order: checks, OCR repairs, then the doubt */
function run(doc: DocumentRecord): ReturnType<typeof strokeDoubt> {
  doc.checks = correctOcr(doc, tax, runChecks(doc, tax));
  return strokeDoubt(doc, doc.checks);
}

const fact = (doc: DocumentRecord, code: string, m: string) => doc.facts.find((f) => f.code === code && f.measure === m && (code || f.item === '合计'))!;

describe('a scan whose repairs show it reads 4s as 1s', () => {
  it('doubts the amounts with a 1 that no exact identity verifies, and says why once', () => {
    const doc = makeDoc(READ);
    const rows = run(doc);
    // the repairs strokes.ts made are the evidence
    expect(fact(doc, '214', 'expenditure_total').value.toFixed(2)).toBe('1531.04');
    expect(fact(doc, '2080505', 'basic').value.toFixed(2)).toBe('53.45');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.check_id).toBe(OCR_STROKE_DOUBT);
    expect(rows[0]!.severity).toBe('warning');
    const doubted = doc.facts.filter((f) => f.flags.includes(OCR_STROKE_DOUBT));
    expect(rows[0]!.factRefs!.map((i) => doc.facts[i])).toEqual(doubted);
    // the chain holds with the misreading (a 类 over its only 款 over its only 项) and verifies nothing
    for (const code of ['221', '22102', '2210201']) {
      expect(fact(doc, code, 'expenditure_total').verified).toBeFalsy();
      expect(fact(doc, code, 'expenditure_total').flags).toContain(OCR_STROKE_DOUBT);
    }
    // every doubted amount reads a 1, is neither verified nor repaired
    expect(doubted.length).toBeGreaterThan(0);
    for (const f of doubted) {
      expect(f.value.toFixed(2)).toMatch(/1/);
      expect(f.verified).toBeFalsy();
      expect(f.flags).not.toContain('ocr_repaired');
    }
    // an amount without a 1, and one an exact sum of other amounts verifies, are not doubted
    expect(fact(doc, '2080506', 'expenditure_total').flags).not.toContain(OCR_STROKE_DOUBT);
    const verifiedWithOne = doc.facts.filter((f) => f.verified && /1/.test(f.value.toFixed(2)));
    expect(verifiedWithOne.length).toBeGreaterThan(0);
    for (const f of verifiedWithOne) expect(f.flags).not.toContain(OCR_STROKE_DOUBT);
  });

  it('not on the evidence of one repair, nor in a table with a text layer', () => {
    // only 2080505's 53.45 read 53.15 (in both its columns): one figure read back, which may be chance
    const one: Row[] = READ.map((r) => [...r] as Row);
    one[4] = ['214', '交通运输支出', '1531.04', '609.29', '921.75'];
    one[5] = ['21401', '公路水路运输', '1531.04', '609.29', '921.75'];
    const doc = makeDoc(one);
    expect(run(doc)).toEqual([]);
    expect(doc.facts.some((f) => f.flags.includes(OCR_STROKE_DOUBT))).toBe(false);
    // the same misreadings in a text layer's table: nothing of OCR to doubt
    const text = makeDoc(READ, 'text');
    expect(strokeDoubt(text, runChecks(text, tax))).toEqual([]);
  });

  it('doubts an amount verified only by a sum blind to its 1: a 4 lost alike in the total and a part', () => {
    // (a held-out 收支总表 of the unseen fax-200 condition read 本年收入合计 9,483.72 as 9,183.72, and its
    // part as it was read: the sum held and verified the misreading)
    const doc = makeDoc([
      ...READ,
      ['201', '一般公共服务支出', '9183.72', '9183.72', '0.00'],
      ['20101', '人大事务', '9000.00', '9000.00', '0.00'],
      ['20102', '政协事务', '183.72', '183.72', '0.00'],
      ['205', '教育支出', '9483.72', '9483.72', '0.00'],
      ['20501', '教育管理事务', '9300.00', '9300.00', '0.00'],
      ['20502', '普通教育', '183.72', '183.72', '0.00'],
    ]);
    run(doc);
    // 9,183.72 = 9,000.00 + 183.72: the total and a part read a 1 in the hundreds, as 4s lost alike do
    for (const code of ['201', '20102']) {
      expect(fact(doc, code, 'expenditure_total').flags).toContain(OCR_STROKE_DOUBT);
      expect(fact(doc, code, 'expenditure_total').verified).toBe(false);
    }
    expect(fact(doc, '20101', 'expenditure_total').flags).not.toContain(OCR_STROKE_DOUBT);
    // 9,483.72 = 9,300.00 + 183.72: a 4 lost in the part would fail the sum; it verifies the part
    expect(fact(doc, '20502', 'expenditure_total').verified).toBe(true);
    expect(fact(doc, '20502', 'expenditure_total').flags).not.toContain(OCR_STROKE_DOUBT);
  });

  it('so does a table\u2019s printed total over its rows (本年收入合计 9,183.72 = 9,133.72 + 50.00, both 4s lost)', () => {
    // (the same 收支总表's income side as read: its rows' total by the table's own layout)
    const doc = makeDoc([
      ['', '一、一般公共预算拨款', '9133.72', '9133.72', '0.00'],
      ['', '二、其他收入', '50.00', '50.00', '0.00'],
      ['', '本年收入合计', '9183.72', '9183.72', '0.00'],
      ...READ,
    ]);
    run(doc);
    const total = doc.facts.find((f) => f.item === '本年收入合计' && f.measure === 'expenditure_total')!;
    expect(total.flags).toContain(OCR_STROKE_DOUBT);
    expect(total.verified).toBe(false);
  });
});
