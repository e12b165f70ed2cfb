// Codes of several rows read as one cell (国家信访局 2024 一般公共预算财政拨款支出决算表 on the dev
// fax45-200 scan of the OCR grid bench; the cells below are its rows as read): the 1-bit threshold
// broke the rules between the rows of the code column only, so one code cell spans two or three
// rows and holds their codes run together, a 4 read `-1` or 1. The run is cut into one code per
// row when exactly one cut gives known codes nesting in row order (normalizers/facts/
// ocr-spanned-codes.ts); the rows take them, flagged ocr_code_repaired.
import { describe, expect, it } from 'vitest';
import { understandTable } from '../../normalizers/tables/understand.js';
import { kindById } from '../../normalizers/tables/kinds.js';
import { factsOfTable, OCR_CODE_REPAIRED } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { GridCell, RawGrid } from '../../model/types.js';

const tax = loadTaxonomy();
/** rows of cells; a code cell `[text, span]` spans `span` rows (the rows below leave it out) */
const ROWS: (string | [string, number])[][] = [
  ['科目代码', '科目名称', '小计', '基本支出', '项目支出'],
  ['', '合计', '13,733.80', '10,234.38', '3,499.42'],
  ['20140', '信访事务', '9,816.82', '6,497.43', '3,319.39'],
  [['201-100120110022011003', 3], '行政运行', '5,757.63', '5,757.63', ''],
  ['毅行政符玖半务', '4.70', '', '4.70'],
  ['机关服劝', '229.19', '229.19', ''],
  ['205', '教育文画', '180.03', '', '180.03'],
  [['205082050803', 2], '进修及培训', '180.03', '', '180.03'],
  ['垮训支出', '180.03', '', '180.03'],
];

function grid(rows: (string | [string, number])[][]): RawGrid {
  const out: GridCell[][] = [];
  const covered = new Map<number, number>(); // row → the row whose code cell spans it
  rows.forEach((r, i) => {
    const cells: GridCell[] = [];
    const from = covered.get(i);
    if (from !== undefined) cells.push({ text: '', mergedFrom: [from, 0] });
    for (const c of r) {
      if (typeof c === 'string') cells.push({ text: c });
      else {
        cells.push({ text: c[0], rowSpan: c[1] });
        for (let k = 1; k < c[1]; k++) covered.set(i + k, i);
      }
    }
    out.push(cells);
  });
  return { method: 'ocr', rows: out };
}

function facts(rows: (string | [string, number])[][]) {
  const t = understandTable({ grid: grid(rows), title: '', table_no: '', unit: '万元', before: [], notes: [], page: 5 }, kindById('general_budget_expenditure'), 't004');
  return factsOfTable(t, { doc_id: 'd', fiscal_year: '2024', defaultUnit: '万元', taxonomy: tax });
}
const codesOf = (fs: ReturnType<typeof facts>, measure: string) => fs.filter((f) => f.measure === measure).map((f) => f.code);

describe('codes of several rows read run together in one spanning cell', () => {
  it('cuts the run into the nesting codes the taxonomy knows, one per row, flagged', () => {
    const fs = facts(ROWS);
    expect(codesOf(fs, 'total')).toEqual(['', '20140', '2014001', '2014002', '2014003', '205', '20508', '2050803']);
    for (const code of ['2014001', '2014002', '2014003', '20508', '2050803']) expect(fs.find((f) => f.code === code)!.flags).toContain(OCR_CODE_REPAIRED);
    expect(fs.find((f) => f.code === '2014001')!.item).toBe('行政运行');
    expect(fs.find((f) => f.code === '20140')!.flags).not.toContain(OCR_CODE_REPAIRED);
  });

  it('a run that no one cut makes known nesting codes is left', () => {
    // 2014089 is no code: the run of the 信访业务 | 其他信访事务支出 | 教育支出 rows as read
    const rows = ROWS.map((r) => (Array.isArray(r[0]) && r[0][1] === 3 ? [['201-1001201-1089205', 3] as [string, number], ...r.slice(1)] : r));
    const fs = facts(rows);
    expect(fs.filter((f) => f.measure === 'total' && f.value.toFixed(2) === '5757.63').map((f) => f.code)).toEqual(['']);
    expect(fs.filter((f) => f.flags.includes(OCR_CODE_REPAIRED)).map((f) => f.code).sort()).toEqual(['20508', '20508', '2050803', '2050803']);
  });
});
