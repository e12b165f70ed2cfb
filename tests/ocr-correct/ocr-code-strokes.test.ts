// Codes a 1-bit scan misread by their thin strokes (佛山 轨道交通局 2019 收入决算表 and
// 一般公共预算财政拨款支出决算表, the dev fax45-200 condition of the OCR grid bench; the cells below
// are their rows as read): the threshold took the cross-stroke of every 4, so 214 交通运输支出 read
// 211, 21401 公路水路运输 21101, 2140101 行政运行 2110101 — codes that exist, of other names
// (节能环保支出, 环境保护管理事务). The 款's printed name is exactly 21401's, and 21401 is 21101
// with a 1 read back as 4: it is taken; the 类 above it, whose name is too garbled to say, is the
// 款's prefix; the 项 rows below take the 款's prefix they were read with, when their own part
// has no 1 that may have lost a stroke too or their name says which (行政运行 is 2140101's name as
// well as 2110101's: the 款's repair decides) (normalizers/facts/ocr-code-strokes.ts,
// ocr-parents.ts). Each is flagged ocr_code_repaired.
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, OCR_CODE_REPAIRED } from '../../normalizers/facts/index.js';
import { repairStrokeLoss, strokeLost } from '../../normalizers/facts/ocr-code-strokes.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { RawGrid } from '../../model/types.js';

const tax = loadTaxonomy();
const ROWS = [
  ['功能分类科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
  ['', '合计', '1668.11', '716.39', '921.75'],
  ['208', '社会保隔和就业支出', '76.23', '76.23', '0.00'],
  ['2080506', '机关事业单位职业平金缴费支出', '22.78', '22.78', '0.00'],
  ['211', '交通迟输支巾', '1531.01', '609.29', '921.75'],
  ['21101', '公路水路运输', '1531.01', '609.29', '921.75'],
  ['2110101', '行政运行', '609.29', '609.29', '0.00'],
  ['2110102', '航行政管王武分', '905.60', '0.00', '905.60'],
  ['2110199', '其他公路札路运输支出', '16.15', '0.00', '16.15'],
  ['221', '佐房保障支中', '60.87', '60.87', '0.00'],
];

function facts(rows: string[][], method: RawGrid['method'] = 'ocr') {
  const t = understandRows(rows, { kind: 'general_budget_expenditure', tableId: 't006', page: 7 }, method);
  return factsOfTable(t, { doc_id: 'd', fiscal_year: '2019', defaultUnit: '万元', taxonomy: tax });
}
const codeOf = (fs: ReturnType<typeof facts>, value: string) => fs.find((f) => f.measure === 'total' && f.value.toFixed(2) === value);

describe('codes whose 4s lost their cross-stroke and read 1', () => {
  it('tells a stroke lost from other damage', () => {
    expect(strokeLost('21101', '21401')).toBe(true);
    expect(strokeLost('2110101', '2140101')).toBe(true);
    expect(strokeLost('211', '217')).toBe(true);
    expect(strokeLost('21401', '21101')).toBe(false);
    expect(strokeLost('21101', '21301')).toBe(false);
    expect(strokeLost('211', '211')).toBe(false);
    // restricted to some digits and a count of them (as copies.ts reads an amount's one 4 read as 1)
    expect(strokeLost('1170', '4170', ['4'], 1)).toBe(true);
    expect(strokeLost('1170', '4470', ['4'], 1)).toBe(false);
    expect(strokeLost('1110', '4170', ['4'], 1)).toBe(false);
  });

  it('the 款 by its name, the 类 above it and the 项 rows below it, flagged', () => {
    const fs = facts(ROWS);
    const want: [string, string][] = [['1531.01', '214'], ['609.29', '2140101'], ['905.60', '2140102'], ['16.15', '2140199']];
    for (const [value, code] of want) {
      const f = codeOf(fs, value)!;
      expect(f.code).toBe(code);
      expect(f.flags).toContain(OCR_CODE_REPAIRED);
    }
    const kuan = fs.filter((f) => f.code === '21401');
    expect(kuan.length).toBe(3);
    expect(kuan.every((f) => f.flags.includes(OCR_CODE_REPAIRED))).toBe(true);
    // codes read right are not touched
    for (const code of ['208', '2080506', '221']) expect(fs.find((f) => f.code === code)?.flags).not.toContain(OCR_CODE_REPAIRED);
  });

  it('no 款 name to go by: only a row whose own name says so is put right', () => {
    const rows = ROWS.map((r) => (r[0] === '21101' ? ['21101', 'AHAbaEB', ...r.slice(2)] : r));
    const fs = facts(rows);
    // (2110101 is no code of 2019: its name 行政运行 names one stroke reading of it, 2140101)
    expect([...new Set(fs.filter((f) => f.flags.includes(OCR_CODE_REPAIRED)).map((f) => f.code))]).toEqual(['2140101', '2140199']);
    expect(codeOf(fs, '1531.01')!.code).toBe('211');
    expect(codeOf(fs, '905.60')!.code).toBe('2110102');
  });

  it('a 项 whose own part has a 1 and whose name is garbled keeps its code', () => {
    const rows = ROWS.map((r) => (r[0] === '2110101' ? ['2110101', '行政近行', ...r.slice(2)] : r));
    expect(codeOf(facts(rows), '609.29')!.code).toBe('2110101');
  });

  it('a text layer\'s codes are as printed', () => {
    const fs = facts(ROWS, 'ruled');
    expect(fs.filter((f) => f.flags.includes(OCR_CODE_REPAIRED))).toEqual([]);
  });
  // a 2024 budget's 收入总表 on the dev grid's fax45-200 scan: 2120104 城管执法 read 2120101 (its 4
  // thinned to a 1) and 城符执法, two rows below the 2120101 行政运行 the table prints; its amounts
  // were those of 行政运行 in the facts. A code printed on two rows is misread on one of them.
  it('a code printed on another row too takes the stroke reading its approximate name is nearest', () => {
    const printed = { twice: new Set(['2120101']), all: new Set(['212', '21201', '2120101', '2120102', '2120199']) };
    expect(repairStrokeLoss('2120101', '城符执法', tax, '2024', ['212', '21201'], printed)).toBe('2120104');
    // (the row whose name is its code's keeps it; printed once, an approximate name is not enough;
    // nor when another row prints the reading)
    expect(repairStrokeLoss('2120101', '行政迟行', tax, '2024', ['212', '21201'], printed)).toBeUndefined();
    expect(repairStrokeLoss('2120101', '城符执法', tax, '2024', ['212', '21201'], { twice: new Set(), all: printed.all })).toBeUndefined();
    expect(repairStrokeLoss('2120101', '城符执法', tax, '2024', ['212', '21201'], { twice: printed.twice, all: new Set([...printed.all, '2120104']) })).toBeUndefined();
    const rows = [
      ['功能分类科目编码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入'],
      ['21201', '城乡社区管理事务', '94450003', '94450003', '0'],
      ['2120101', '行政迟行', '16603248', '16603248', '0'],
      ['2120102', '一般行政管理事务', '17591003', '17591003', '0'],
      ['2120101', '城符执法', '6043390', '6043390', '0'],
      ['2120199', '其他城乡社区管理事务支出', '54212362', '54212362', '0'],
    ];
    const fs = factsOfTable(understandRows(rows, { kind: 'income', tableId: 't002', page: 3 }, 'ocr'), { doc_id: 'd', fiscal_year: '2024', defaultUnit: '元', taxonomy: tax });
    const row = (value: string) => fs.find((f) => f.measure === 'income_total' && f.value.toFixed(0) === value)!;
    expect(row('6043390').code).toBe('2120104');
    expect(row('6043390').flags).toContain(OCR_CODE_REPAIRED);
    expect(row('16603248').code).toBe('2120101');
  });
});
