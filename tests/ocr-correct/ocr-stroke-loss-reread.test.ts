// A 4 read as 1 in a whole chain of copies, one of them misread besides: the 210 卫生健康支出 rows of
// the 支出决算表 of 国家信访局 2024 as read on the dev grid's fax45-200 scan (values as OCR read them;
// 21011's total cell unread), and its 收支总表, which reads 210 right (497.53). Every 497.53 of the
// 支出决算表 read 197.53, and 21011's 基本支出 read 197.33 besides. The two tables disagree on 210: the
// 1 is the 4 thinned (strokes.ts), but the chain of copies stops at 21011, whose 197.33 breaks 210 =
// Σ children: read back alone, 210 would break that sum further. 21011 read again on the page image
// gives 197.53 (reread.ts; the reading here stands for the extractor's); once taken, the chain
// reaches through it (a copy an earlier repair set to the figure is one too) and the identities pin
// again after the readings (reread.ts): the whole chain takes 497.53, flagged ocr_repaired.
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { rereadFailingSums } from '../../normalizers/ocr-correct/reread.js';
import { correctOcr, OCR_REPAIRED } from '../../normalizers/ocr-correct/index.js';
import { runChecks } from '../../normalizers/checks/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { CellRereader } from '../../model/stages.js';
import type { DocumentRecord, TableRow } from '../../model/types.js';
import { fact, makeDoc, type Row } from './helpers.js';

const tax = loadTaxonomy();
const LIMITS = { maxCells: 120, maxChanges: 4, maxCombinations: 20_000 };

const READ: Row[] = [
  ['210', 'h武健雕文汞', '197.53', '197.53', ''],
  ['21011', '行政事业单位医疗', '', '197.33', ''],
  ['2101101', '行政单位医疗', '197.53', '197.53', ''],
];

/** the 支出决算表 as read, with a 收支总表 whose 卫生健康支出 reads 497.53; checks run, one-cell repairs done */
function scanned(): DocumentRecord {
  const doc = makeDoc(READ);
  for (const f of doc.facts) f.box = { x0: f.col * 100, y0: f.row * 20, x1: f.col * 100 + 60, y1: f.row * 20 + 10 };
  const rows: TableRow[] = [{ rowIndex: 9, block: 1, section: 'expenditure', code: '', item: '卫生健康支出', values: [{ col: 5, measure: 'amount', measure_label: '决算数', raw: '497.53' }], page: 2, flags: [] }];
  doc.tables.push({ ...doc.tables[0]!, table_id: 't002', table_kind: 'income_expenditure_summary', table_no: '公开01表', title: '收入支出决算总表', rows });
  const f0 = doc.facts[0]!;
  doc.facts.push({ ...f0, flags: [], box: { x0: 900, y0: 900, x1: 960, y1: 910 }, table_id: 't002', table_kind: 'income_expenditure_summary', section: 'expenditure', code: '210', code_system: 'function', item: '卫生健康支出', measure: 'amount', measure_label: '决算数', value: new Decimal('497.53'), scale: 2, amount_yuan: new Decimal('4975300'), page: 2, row: 9, col: 5 });
  doc.checks = runChecks(doc, tax);
  doc.checks = correctOcr(doc, tax, doc.checks);
  return doc;
}

/** the extractor's second reading of 21011's 基本支出: 197.53 */
const reader = (doc: DocumentRecord): CellRereader => async (cells) => ({
  cells: cells.map((c) => {
    const f = doc.facts.find((x) => x.box && x.box.x0 === c.box.x0 && x.box.y0 === c.box.y0)!;
    return { readings: f.code === '21011' && f.measure === 'basic' ? [{ how: 'grey', text: '197.53' }] : [] };
  }),
  problems: [],
});

describe('a 4 read as 1 in a chain of copies, one copy misread besides', () => {
  it('is read back once that copy is read again', async () => {
    const doc = scanned();
    // the tables disagree, and the chain could not be read back: 21011's 197.33 stood in the way
    expect(fact(doc, '210', 'expenditure_total').value.toFixed(2)).toBe('197.53');
    expect(doc.checks.some((c) => c.check_id === 'cross_table_total' && c.severity !== 'info')).toBe(true);
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, reader(doc), LIMITS);
    for (const [code, m] of [['210', 'expenditure_total'], ['210', 'basic'], ['21011', 'basic'], ['2101101', 'expenditure_total'], ['2101101', 'basic']] as const) {
      const f = fact(doc, code, m);
      expect(f.value.toFixed(2)).toBe('497.53');
      expect(f.flags).toContain(OCR_REPAIRED);
    }
    expect(doc.checks.filter((c) => c.severity !== 'info' && ['hierarchy_sum', 'column_sum', 'cross_table_total'].includes(c.check_id))).toEqual([]);
    const rows = doc.checks.filter((c) => c.check_id === OCR_REPAIRED);
    expect(rows.some((c) => c.subject.startsWith('21011') && c.actual === '197.33')).toBe(true);
    expect(rows.some((c) => c.subject.startsWith('210 ') && c.actual === '197.53' && c.expected === '497.53')).toBe(true);
  });
});
