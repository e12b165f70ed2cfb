// A 项 code whose 4 a 1-bit scan thinned to a 1, under a 款 read right: the 收入决算表 of 佛山市轨道交通局
// 2019 as read on the dev grid's fax-200 scan (rows as OCR read them). 2140102 一般行政管理事务 read
// 2110102, a code no classification knows, its name too garbled (般行政管玟宇务) to name any code: the
// row had no place under 21401, whose sum of children failed, and its seven facts were lost. Under the
// 款 printed above (21401), the one reading of 2110102 with its 1s back as 4s (or 7s) that is a
// known child of it with the fewest digits changed is 2140102 (normalizers/facts/ocr-code-strokes.ts
// repairStrokeLoss). Flagged ocr_code_repaired.
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, OCR_CODE_REPAIRED } from '../../normalizers/facts/index.js';
import { repairStrokeLoss } from '../../normalizers/facts/ocr-code-strokes.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const ROWS = [
  ['功能分类科目编码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入'],
  ['', '合计', '1668.11', '1668.14', '0.01'],
  ['208', '补会保障和就业支出', '76.23', '76.23', '0.00'],
  ['20805', '行政事业单仨尝逊休', '76.23', '76.23', '0.00'],
  ['2080505', '机关事业单位惧札莲老保险缴费支出', '53.15', '53.45', '0.00'],
  ['2080506', '机关事业单位命业升金缴费支巾', '22.78', '22.78', '0.00'],
  ['211', '交通运输支出', '1531.01', '1531.04', '0.01'],
  ['21401', '公路水路运输', '1531.01', '1531.04', '0.01'],
  ['2140101', '行政运行', '609.30', '609.29', '0.01'],
  ['2110102', '般行政管玟宇务', '905.60', '905.60', '0.00'],
  ['2140199', '其他公路水路运输支出', '16.15', '16.13', '0.00'],
];

const facts = (rows: string[][]) => factsOfTable(understandRows(rows, { kind: 'income', tableId: 't004', page: 5 }, 'ocr'), { doc_id: 'd', fiscal_year: '2019', defaultUnit: '万元', taxonomy: tax });

describe('a code no classification knows, its 4 read 1, under the 款 printed above', () => {
  it('is the known child of that 款 its 1s read back as 4s give, flagged', () => {
    const fs = facts(ROWS).filter((f) => f.item === '般行政管玟宇务');
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) {
      expect(f.code).toBe('2140102');
      expect(f.flags).toContain(OCR_CODE_REPAIRED);
    }
  });

  it('not without the 款 above, nor for a code the classification knows, nor under a 款 no reading belongs to', () => {
    expect(repairStrokeLoss('2110102', '般行政管玟宇务', tax, '2019', [])).toBeUndefined();
    expect(repairStrokeLoss('2110102', '般行政管玟宇务', tax, '2019', ['214', '21401'])).toBe('2140102');
    // a code the classification knows is left to the names: 2120101 行政运行 with its name read
    // 刑2行政运行 (a 2024 budget on the dev grid's q70-200 scan) is no 2120104 城管执法
    expect(repairStrokeLoss('2120101', '刑2行政运行', tax, '2024', ['212', '21201'])).toBeUndefined();
    // under a 款 none of its readings is a child of
    expect(repairStrokeLoss('2110102', '般行政管玟宇务', tax, '2019', ['208', '20805'])).toBeUndefined();
  });
});
