// Identity-pinned OCR repair on constructed records: a cell the failing identities pin down and
// whose corrected value is a plausible misreading is corrected (printed text kept in checks.csv,
// flag ocr_repaired); anything ambiguous, implausible or from a text layer is left for the checks.
import { describe, expect, it } from 'vitest';
import { correctOcr, findOcrRepairs, ocrConfusion, OCR_REPAIRED } from '../../normalizers/ocr-correct/index.js';
import { identityChecks, runChecks } from '../../normalizers/checks/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord } from '../../model/types.js';
import { OCR_DECIMALS_LOST } from '../../normalizers/facts/index.js';
import { fact, makeDoc, misread, PRINTED, type Row } from './helpers.js';

const tax = loadTaxonomy();

function run(doc: DocumentRecord): DocumentRecord {
  doc.checks = runChecks(doc, tax);
  doc.checks = correctOcr(doc, tax, doc.checks);
  return doc;
}

const errors = (doc: DocumentRecord) => doc.checks.filter((c) => c.severity !== 'info' && ['hierarchy_sum', 'column_sum'].includes(c.check_id));

describe('ocrConfusion: what OCR does to printed amounts', () => {
  it.each([
    ['100.06', '700.06', 'digit misread 7→1'],
    ['394.92', '394.92', undefined],
    ['304.92', '384.92', 'digit misread 8→0'],
    ['0.06', '0.00', 'digit misread 0→6'],
    ['1,283.50', '1,288.50', 'digit misread 8→3'],
    ['13450', '134.50', 'decimal point dropped'],
    ['33 00', '33.00', 'decimal point dropped'],
    ['1345.0', '134.50', 'decimal point misplaced'],
    ['40.00', '400.00', 'digit lost'],
    ['4000.00', '400.00', 'digit added'],
    ['12.5', '12.56', 'decimal digit lost'],
    ['200.06', '700.06', undefined], // 2/7 is not a confusion
    ['20451', '20451.35', undefined], // two digits and the point lost
    ['77089', '16770.89', undefined],
    ['135.88', '186.33', undefined], // three digits
    ['-12.00', '12.00', undefined],
  ])('%s read for %s → %s', (printed, corrected, want) => {
    expect(ocrConfusion(printed, corrected)).toBe(want);
  });
});

describe('identity-pinned correction', () => {
  it('the printed table passes and nothing is corrected', () => {
    const doc = run(makeDoc(PRINTED));
    expect(errors(doc)).toEqual([]);
    expect(doc.facts.some((f) => f.flags.includes(OCR_REPAIRED))).toBe(false);
  });

  it('a digit misread (7→1) in a 项 row is pinned by its row and its column and corrected', () => {
    const doc = makeDoc(misread(3, 1, '100.06')); // 2010101 basic 700.06
    doc.checks = runChecks(doc, tax);
    expect(errors(doc).length).toBe(2); // row 2010101 and 20101 = Σ children [basic]
    doc.checks = correctOcr(doc, tax, doc.checks);
    const f = fact(doc, '2010101', 'basic');
    expect(f.value.toFixed(2)).toBe('700.06');
    expect(f.amount_yuan!.toFixed()).toBe('7000600');
    expect(f.flags).toEqual([OCR_REPAIRED]);
    expect(errors(doc)).toEqual([]);
    // the other cells of the two identities lost their failure flags
    expect(fact(doc, '20101', 'basic').flags).toEqual([]);
    expect(fact(doc, '2010101', 'expenditure_total').flags).toEqual([]);
    const info = doc.checks.filter((c) => c.check_id === OCR_REPAIRED);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'info', actual: '100.06', expected: '700.06', table_id: 't001' });
    expect(info[0]!.message).toContain('digit misread 7→1');
    expect(info[0]!.message).toContain('2010101: expenditure_total = basic + project');
  });

  it('a zero with a speck (0.00 read 0.06) is pinned by its row and its column and corrected', () => {
    const doc = run(makeDoc(misread(3, 2, '0.06'))); // 2010101 project
    const f = fact(doc, '2010101', 'project');
    expect(f.value.toFixed(2)).toBe('0.00');
    expect(f.flags).toContain(OCR_REPAIRED);
    expect(errors(doc)).toEqual([]);
  });

  it('a dropped decimal point (134.50 read 13450) is corrected', () => {
    const doc = run(makeDoc(misread(4, 2, '13450'))); // 2010102 project
    const f = fact(doc, '2010102', 'project');
    expect(f.value.toFixed(2)).toBe('134.50');
    expect(f.scale).toBe(2);
    expect(f.flags).toContain(OCR_REPAIRED);
    expect(errors(doc)).toEqual([]);
  });

  it('a lost digit in a 款 total (400.00 read 40.00) is pinned by three identities', () => {
    const doc = makeDoc(misread(5, 0, '40.00')); // 20102 total
    doc.checks = runChecks(doc, tax);
    expect(errors(doc).length).toBe(3); // row 20102, 20102 = Σ 2010201, 201 = Σ 款
    doc.checks = correctOcr(doc, tax, doc.checks);
    expect(fact(doc, '20102', 'expenditure_total').value.toFixed(2)).toBe('400.00');
    expect(errors(doc)).toEqual([]);
  });

  it('a reading another table of the document prints for the same code (40.00 both) is not pinned; its identities flag it', () => {
    const doc = makeDoc(misread(5, 0, '40.00')); // 20102 total
    doc.facts.push({ ...fact(doc, '20102', 'expenditure_total'), table_id: 't002', table_kind: 'income', measure: 'income_total', flags: [] });
    doc.tables.push({ ...doc.tables[0]!, table_id: 't002', table_kind: 'income', rows: [] });
    doc.checks = runChecks(doc, tax);
    doc.checks = correctOcr(doc, tax, doc.checks);
    expect(fact(doc, '20102', 'expenditure_total').value.toFixed(2)).toBe('40.00');
    expect(doc.checks.filter((c) => c.check_id === OCR_REPAIRED)).toEqual([]);
    expect(errors(doc).length).toBeGreaterThan(0);
  });

  it('the 合计 row (column identity 合计 = Σ 类, row identity) is corrected too', () => {
    const doc = run(makeDoc(misread(0, 2, '284.50'))); // 合计 project 234.50, 3→8
    const f = doc.facts.find((x) => x.item === '合计' && x.measure === 'project')!;
    expect(f.value.toFixed(2)).toBe('234.50');
    expect(errors(doc)).toEqual([]);
  });

  it('two misread cells in different rows and columns are both corrected', () => {
    const doc = run(makeDoc(misread(6, 2, '700.00', misread(3, 1, '100.06')))); // 2010201 project 1→7, 2010101 basic
    expect(fact(doc, '2010201', 'project').value.toFixed(2)).toBe('100.00');
    expect(fact(doc, '2010101', 'basic').value.toFixed(2)).toBe('700.06');
    expect(doc.checks.filter((c) => c.check_id === OCR_REPAIRED)).toHaveLength(2);
    expect(errors(doc)).toEqual([]);
  });

  it('an implausible reading (7 read as 2) is left as read, and the checks flag it: its row and column only copy 700.06', () => {
    // a parent over its only nonzero child and a total over its only nonzero part hold with a
    // misreading too (the same printed text misread the same way): they infer nothing
    const doc = run(makeDoc(misread(3, 1, '200.06')));
    const f = fact(doc, '2010101', 'basic');
    expect(f.value.toFixed(2)).toBe('200.06');
    expect(f.flags).toContain('column_sum');
    expect(f.flags).toContain('hierarchy_sum');
    expect(f.flags).not.toContain(OCR_REPAIRED);
    expect(doc.checks.some((c) => c.check_id === OCR_REPAIRED)).toBe(false);
  });

  it('a thin print’s 4.70 read 1.70 and 14.70 in one column chain: the 1.70 inferred from its identities (合计 = Σ 类 among them), then the 14.70 pinned', () => {
    // as dev scans of a 预算 table read the 205 教育支出 rows (no one cell is in every failing
    // identity, and 4→1 is no confusion the pin takes)
    const rows: [string, string, string, string, string][] = [
      ['', '合计', '7.70', '7.70', ''],
      ['205', '教育支出', '4.70', '1.70', ''],
      ['20508', '进修及培训', '4.70', '4.70', ''],
      ['2050803', '培训支出', '4.70', '14.70', ''],
      ['208', '社会保障和就业支出', '3.00', '3.00', ''],
      ['20805', '行政事业单位养老支出', '3.00', '3.00', ''],
      ['2080501', '行政单位离退休', '3.00', '3.00', ''],
    ];
    const doc = makeDoc(rows);
    doc.checks = runChecks(doc, tax);
    expect(errors(doc).length).toBe(5);
    doc.checks = correctOcr(doc, tax, doc.checks);
    expect(fact(doc, '205', 'basic').value.toFixed(2)).toBe('4.70');
    expect(fact(doc, '2050803', 'basic').value.toFixed(2)).toBe('4.70');
    const info = doc.checks.filter((c) => c.check_id === OCR_REPAIRED);
    expect(info.map((c) => [c.actual, c.expected])).toEqual([['1.70', '4.70'], ['14.70', '4.70']]);
    expect(info[0]!.message).toContain('inferred from identities');
    expect(info[1]!.message).toContain('digit added');
    expect(errors(doc)).toEqual([]);
  });

  it('a witness is enough where another identity of the cell holds a doubtful cell; that doubtful cell, its 4 read as 1, is then pinned', () => {
    // as dev q80-150 read 205 and 20508: 20508's 合计 read 1.70 too, so 20508 [basic] is in no
    // identity that holds; 205 [basic] has 合计 = Σ 类 and its own row as witnesses. Then 20508's
    // 合计 is the one cell of its failing row and column and requires 4.70, its reading with a 4 whose
    // cross-stroke was lost (a 1 never gains one: 4.70 read 1.70 is never put back the other way)
    const rows: [string, string, string, string, string][] = [
      ['', '合计', '7.70', '7.70', ''],
      ['205', '教育支出', '4.70', '1.70', ''],
      ['20508', '进修及培训', '1.70', '4.70', ''],
      ['2050803', '培训支出', '4.70', '4.70', ''],
      ['208', '社会保障和就业支出', '3.00', '3.00', ''],
      ['20805', '行政事业单位养老支出', '3.00', '3.00', ''],
      ['2080501', '行政单位离退休', '3.00', '3.00', ''],
    ];
    const doc = run(makeDoc(rows));
    expect(fact(doc, '205', 'basic').value.toFixed(2)).toBe('4.70');
    expect(fact(doc, '205', 'basic').flags).toEqual([OCR_REPAIRED]);
    const f = fact(doc, '20508', 'expenditure_total');
    expect(f.value.toFixed(2)).toBe('4.70');
    expect(f.flags).toEqual([OCR_REPAIRED]);
    expect(doc.checks.find((c) => c.check_id === OCR_REPAIRED && c.subject.startsWith('20508 ') && c.actual === '1.70')?.message).toContain('a 4 read as 1');
    expect(errors(doc)).toEqual([]);
  });

  it('a cell whose parent sums rounded children (0.01 off): inferred from the two identities that agree exactly, the parent holding within its rounding', () => {
    // as a dev photocopy read 2101550 事业运行 [基本支出] 1,202.92 as 1,302.92 (2→3, no confusion the
    // pin takes): total = basic and basic = personnel + public ask 1202.92, the 款 above (1,623.68
    // − 420.75) asks 1202.93, within its rounding. Columns: 合计 = 基本 + 项目, 基本 = 人员 + 公用
    const measures = ['expenditure_total', 'basic', 'personnel', 'public', 'project'];
    const printed = [
      ['', '合计', '2,043.68', '1,623.68', '1,462.90', '160.78', '420.00'],
      ['210', '卫生健康支出', '2,043.68', '1,623.68', '1,462.90', '160.78', '420.00'],
      ['21015', '医疗保障管理事务', '2,043.68', '1,623.68', '1,462.90', '160.78', '420.00'],
      ['2101501', '行政运行', '420.75', '420.75', '356.18', '64.57', ''],
      ['2101502', '一般行政管理事务', '420.00', '', '', '', '420.00'],
      ['2101550', '事业运行', '1,202.92', '1,202.92', '1,106.71', '96.21', ''],
    ];
    expect(errors(run(makeDoc(printed, 'ocr', measures)))).toEqual([]);
    const doc = makeDoc(printed.map((r) => (r[0] === '2101550' ? r.map((v, j) => (j === 3 ? '1,302.92' : v)) : r)), 'ocr', measures);
    doc.checks = runChecks(doc, tax);
    expect(errors(doc).length).toBe(3);
    doc.checks = correctOcr(doc, tax, doc.checks);
    const f = fact(doc, '2101550', 'basic');
    expect(f.value.toFixed(2)).toBe('1202.92');
    expect(f.flags).toEqual([OCR_REPAIRED]);
    expect(doc.checks.find((c) => c.check_id === OCR_REPAIRED)?.message).toContain('inferred from identities');
    expect(errors(doc)).toEqual([]);
  });

  it('two sums asking values 0.01 apart and no third identity: nothing is inferred', () => {
    const printed: Row[] = [
      ['', '合计', '1,234.56', '1,000.07', '234.49'],
      ['201', '一般公共服务支出', '1,234.56', '1,000.07', '234.49'],
      ['20101', '人大事务', '834.56', '700.07', '134.49'],
      ['2010101', '行政运行', '700.06', '600.03', '100.03'],
      ['2010102', '一般行政管理事务', '134.50', '100.03', '34.47'],
      ['20102', '政协事务', '400.00', '300.00', '100.00'],
      ['2010201', '行政运行', '400.00', '300.00', '100.00'],
    ];
    expect(errors(run(makeDoc(printed)))).toEqual([]);
    // the row asks 600.03, the column (700.07 − 100.03) 600.04: which is printed, no sum tells
    const doc = run(makeDoc(misread(3, 1, '700.03', printed)));
    expect(fact(doc, '2010101', 'basic').value.toFixed(2)).toBe('700.03');
    expect(doc.checks.some((c) => c.check_id === OCR_REPAIRED && c.subject.startsWith('2010101'))).toBe(false);
    expect(errors(doc).length).toBe(2);
  });

  it('a cell read right among copies read wrong (172.12 read 172 but once) is not inferred from the copies', () => {
    // as dev level-200 read the 221 住房保障支出 rows: every 172.12 lost its decimals but the
    // 2210201 total; its row and its parent require 172 (copies), 合计 = Σ 类 fails by 0.12
    const rows: [string, string, string, string, string][] = [
      ['', '合计', '7.82', '7.82', ''],
      ['205', '教育支出', '4.70', '4.70', ''],
      ['20508', '进修及培训', '4.70', '4.70', ''],
      ['221', '住房保障支出', '3', '3', ''],
      ['22102', '住房改革支出', '3', '3', ''],
      ['2210201', '住房公积金', '3.12', '3', ''],
    ];
    const doc = run(makeDoc(rows));
    expect(fact(doc, '2210201', 'expenditure_total').value.toFixed(2)).toBe('3.12');
    expect(doc.facts.some((f) => f.flags.includes(OCR_REPAIRED))).toBe(false);
    expect(errors(doc).length).toBeGreaterThan(0);
  });

  it('two wrong cells in one row (no single cell in every failing identity): no pin; the chain of copies they are in takes 20101\'s figure', () => {
    const doc = run(makeDoc(misread(3, 1, '100.06', misread(3, 0, '100.06')))); // 2010101 total and basic
    // 2010101 [基本] is the only child of 20101 [基本] (700.06, held in 201 = Σ children with 300.00),
    // 2010101 [合计] the only part of its row: one figure, 7 → 1 a confusion
    const info = doc.checks.filter((c) => c.check_id === OCR_REPAIRED);
    expect(info.map((c) => [c.subject, c.actual, c.expected])).toEqual([
      ['2010101 行政运行 [expenditure_total]', '100.06', '700.06'],
      ['2010101 行政运行 [basic]', '100.06', '700.06'],
    ]);
    expect(info.every((c) => c.message.includes('copied as 700.06 (digit misread 7→1)') && c.message.includes('20101 [basic]'))).toBe(true);
    expect(errors(doc)).toEqual([]);
  });

  it('a chain cell whose reading another table witnesses (the same code, the same figure) keeps it; the identities flag the chain', () => {
    // as above, and a second OCR'd table (an income table) prints 2010101 at 100.06 too: two tables
    // agree on that reading, so it is no misreading to copy over (a photocopy's 1,333,000 whose
    // copies lost their 1, read alike in the 收入预算表)
    const doc = makeDoc(misread(3, 1, '100.06', misread(3, 0, '100.06')));
    const twin = { ...fact(doc, '2010101', 'expenditure_total'), table_id: 't002', table_kind: 'income', measure: 'income_total', flags: [] };
    doc.facts.push(twin);
    doc.tables.push({ ...doc.tables[0]!, table_id: 't002', table_kind: 'income', rows: [] });
    run(doc);
    expect(fact(doc, '2010101', 'expenditure_total').value.toFixed(2)).toBe('100.06');
    expect(fact(doc, '2010101', 'basic').value.toFixed(2)).toBe('100.06');
    expect(doc.checks.filter((c) => c.check_id === OCR_REPAIRED && c.message.includes('copied'))).toEqual([]);
    expect(errors(doc).length).toBeGreaterThan(0);
  });

  it('a cell in one failing identity only is not pinned (a leaf with no row identity); its chain of copies takes the figure', () => {
    // 2010102 project 134.50 and total 134.50 both misread the same way: the row holds, only the
    // columns fail, and each column identity has several cells; 2010102 [项目] is the only non-zero
    // child of 20101 [项目] (134.50, held in 201 = Σ children with 100.00)
    const doc = run(makeDoc(misread(4, 2, '184.50', misread(4, 0, '184.50'))));
    expect(fact(doc, '2010102', 'project').value.toFixed(2)).toBe('134.50');
    expect(fact(doc, '2010102', 'expenditure_total').value.toFixed(2)).toBe('134.50');
    expect(doc.checks.filter((c) => c.check_id === OCR_REPAIRED).every((c) => c.message.includes('digit misread 3→8'))).toBe(true);
    expect(errors(doc)).toEqual([]);
  });

  it('a table with a text layer is never corrected', () => {
    const doc = run(makeDoc(misread(3, 1, '100.06'), 'ruled'));
    expect(fact(doc, '2010101', 'basic').value.toFixed(2)).toBe('100.06');
    expect(errors(doc).length).toBe(2);
    expect(doc.checks.some((c) => c.check_id === OCR_REPAIRED)).toBe(false);
  });

  describe('a chain of copies takes the figure a held sum gives one of its cells', () => {
    // as dev level-200 read the 221 住房保障支出 rows of a 支出预算表: 221 [合计] and 2210201 [合计]
    // read 3.12, every other cell of the chain (parent over its only child, 合计 = 基本 with no
    // 项目) lost its decimals: 3. 合计 = Σ 类 [合计] holds with 221's 3.12 among other amounts.
    const rows: Row[] = [
      ['', '合计', '7.82', '7.82', ''],
      ['205', '教育支出', '4.70', '4.70', ''],
      ['20508', '进修及培训', '4.70', '4.70', ''],
      ['221', '住房保障支出', '3.12', '3', ''],
      ['22102', '住房改革支出', '3', '3', ''],
      ['2210201', '住房公积金', '3.12', '3', ''],
    ];
    /** the cells read `3` flagged as the facts stage flags them (their column prints two decimals) */
    const lost = (doc: DocumentRecord): DocumentRecord => {
      for (const f of doc.facts) if (f.scale === 0) f.flags.push(OCR_DECIMALS_LOST);
      return doc;
    };

    it('the four cells read 3 take 3.12, flagged and reported as copied', () => {
      const doc = run(lost(makeDoc(rows)));
      for (const [code, m] of [['221', 'basic'], ['22102', 'expenditure_total'], ['22102', 'basic'], ['2210201', 'basic']] as const) {
        const f = fact(doc, code, m);
        expect(f.value.toFixed(2)).toBe('3.12');
        expect(f.scale).toBe(2);
        expect(f.flags).toContain(OCR_REPAIRED);
      }
      const info = doc.checks.filter((c) => c.check_id === OCR_REPAIRED);
      expect(info).toHaveLength(4);
      expect(info.every((c) => c.actual === '3' && c.expected === '3.12' && /copied as 3\.12 \(decimals lost\)/.test(c.message) && c.message.includes('221 [expenditure_total]'))).toBe(true);
      expect(errors(doc)).toEqual([]);
    });

    it('no held sum of other amounts gives the figure (合计 read 7.70 too): left as read', () => {
      const doc = run(lost(makeDoc(misread(0, 0, '7.70', rows))));
      expect(fact(doc, '22102', 'basic').value.toFixed()).toBe('3');
      expect(doc.facts.some((f) => f.flags.includes(OCR_REPAIRED))).toBe(false);
    });

    it('a cell of the chain read as no misreading of the figure (5 for 3.12) leaves the whole chain as read', () => {
      const doc = run(lost(makeDoc(misread(4, 0, '5', rows))));
      expect(fact(doc, '22102', 'basic').value.toFixed()).toBe('3');
      expect(doc.facts.some((f) => f.flags.includes(OCR_REPAIRED))).toBe(false);
    });

    it('lost decimals without the flag are no misreading either', () => {
      const doc = run(makeDoc(rows));
      expect(doc.facts.some((f) => f.flags.includes(OCR_REPAIRED))).toBe(false);
    });

    it('a thin print’s 4 read as 1 in a chain of copies (1.70 for 4.70) takes the figure', () => {
      const doc = run(makeDoc(misread(2, 0, '1.70', rows))); // 20508 [合计]: its row and its parent copy 4.70
      expect(fact(doc, '20508', 'expenditure_total').value.toFixed(2)).toBe('4.70');
      const info = doc.checks.filter((c) => c.check_id === OCR_REPAIRED);
      expect(info.map((c) => [c.actual, c.expected])).toEqual([['1.70', '4.70']]);
    });
  });

  it('findOcrRepairs reports printed, corrected and the pinning identities', () => {
    const doc = makeDoc(misread(4, 2, '13450'));
    const [r, ...rest] = findOcrRepairs(doc);
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ printed: '13450', corrected: '134.50', confusion: 'decimal point dropped' });
    expect(r!.identities.length).toBe(2);
    expect(identityChecks(doc)).toEqual([]);
  });
});
