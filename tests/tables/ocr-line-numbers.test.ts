// A 收入支出决算总表 scanned as a 1-bit page at a low threshold (国家信访局 2024 final accounts, the dev
// fax45-200 condition of the OCR grid bench; the cells below are its first rows as read): the
// threshold took the thin horizontal strokes, and the left side's 行次 came back `(TRIN`, 金额 `企额`.
// The 行次 column (1, 4, 3, 5, 6 … as read) was then taken for a second amount column, the left side
// had two amounts and neither side's one amount was named: every fact of the table lost its measure.
// A column that counts up by one row by row is the table's line numbers, whatever its header reads.
import { describe, expect, it } from 'vitest';
import { understandRows } from './ocr-rows.js';

/** `lineHeader`: the left side's 行次 header as OCR read it */
function table(lineHeader: string) {
  const rows = [
    ['项目', lineHeader, '企额', '项', '行次', '企颠'],
    ['戛公共颂兔财政拔款收入', '1', '19,572.91', '航公具服务支申', '32', '10,685.56'],
    ['政府性培入颂算贞政拨敷收入', '4', '', '外次支申', '33', ''],
    ['wo国有资不经营颂算财政拨款收入', '3', '', '2国防支巾', '31', ''],
    ['网上线补助收入', '', '', '网公关安全友界', '35', ''],
    ['止事东收入', '5', '', 'Tis教肖文申', '36', '180.03'],
    ['六线营收入', '6', '', '兰科学技术支申', '37', ''],
    ['上附居单位上缴收入', '7', '', '文化旅游体育不传媒支画', '38', ''],
    ['八其他收入', '8', '878.44', '八社会保障和就业支出', '39', '2,228.57'],
    ['', '9', '', '儿生健康支出', '10', '497.53'],
  ];
  return understandRows(rows, { kind: 'income_expenditure_summary', tableId: 't001', title: '收入支出决算总表', page: 2 });
}

describe('a line-number column whose 行次 header OCR misread', () => {
  it('is the line numbers, as with the header read: one amount a side, named', () => {
    for (const t of [table('行次'), table('(TRIN')]) {
      // (the right side's 项目 read 项, a code header: it still starts the second side)
      expect(t.columns.map((c) => c.role)).toEqual(['name', 'row_no', 'measure', 'code', 'row_no', 'measure']);
      expect(t.columns.filter((c) => c.role === 'measure').map((c) => c.measure)).toEqual(['amount', 'amount']);
    }
  });

  it('is not told from an amount column that does not count up by one', () => {
    // the same column printing amounts of a few yuan: not line numbers
    const t = understandRows([['项目', '(TRIN', '企额'], ['a', '12', '1.00'], ['b', '40', '2.00'], ['c', '7', '3.00'], ['d', '15', '4.00'], ['e', '16', '5.00']], { kind: 'income_expenditure_summary', tableId: 't001', title: '收入支出决算总表', page: 2 });
    expect(t.columns[1]!.role).toBe('measure');
  });
});
