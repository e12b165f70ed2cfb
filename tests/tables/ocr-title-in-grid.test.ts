// An OCR'd table whose grid reaches above its first rule takes its title line in as its first row
// (normalizers/tables/locate.ts misreadTitleInGrid): as one misread cell (收支总表【预算表1), which
// ends in no 表), split over the columns (财政拨款收支 | 总表t预算表日), or glued to the 部门 and unit
// line (9收入总表(预算表2)预算单位长春H单位万元). That row is the table's title, not a part's heading
// printed above it (第二部分 2026年度部门预算表), and not a level of its header. The rows are
// tesseract's readings of a 部门预算 scanned as a photocopy (the development set of tests/bench/
// ocr-unseen.ts): without the mechanism the first two tables were `unknown` and the third a 收入总表.
import { describe, expect, it } from 'vitest';
import type { Block, GridCell, GridMethod } from '../../model/types.js';
import { classifyTable } from '../../normalizers/tables/classify.js';
import { locateTables } from '../../normalizers/tables/locate.js';
import { understandTable } from '../../normalizers/tables/understand.js';

const grid = (rows: string[][], method: GridMethod = 'ocr'): Block => ({ kind: 'grid', page: 2, grid: { rows: rows.map((r) => r.map((text) => ({ text }) as GridCell)), method, page_first: 2, page_last: 2 } });
const line = (text: string): Block => ({ kind: 'line', text, page: 2 });

const summary = [
  ['收支总表【预算表1)', '', '', '', '', '', '', ''],
  ['预算单位；长春市信访局单位；万元', '', '', '', '', '', '', ''],
  ['收入', '', '', '', '', '', '', ''],
  ['项', '术年预算', '编制预芸', '上年结转', '顽目', '本年预算', '编制预算', '上年结转'],
  ['财政拨款收入', '1682.76', '1682.76', '0.00', '一；一般公共服务支出', '1378.41', '1378.41', '0.00'],
  ['一般公共预算拨款收入', '1682.76', '1682.76', '0.00', '三、卫生健康支出', '32.65', '32.65', '0.00'],
];
const income = [
  ['9收入总表(预算表2)预算单位长春H单位万元', '', '', '', '', ''],
  ['部门(单位)代码', '单位名称', '合计', '编制预算', '', '上年结转'],
  ['', '', '', '小计', '一般公共预算', ''],
  ['105001', '长春市信访局', '1682.76', '1682.76', '1682.76', '0.00'],
];
const fiscal = [
  ['', '', '', '财政拨款收支', '总表t预算表日', '', '', ''],
  ['预算单位长春市信访局', '', '', '', '单位万冗', '', '', ''],
  ['', '', '入', '', '出', '', '', ''],
  ['项目', '本年预算', '编制预算', '上年结轼', '项目', '本年预算', '编制预算', '上年结转'],
  ['一、本年收入', '1682.76', '1682.76', '0.00', '一、本年支出', '1682.76', '1682.76', '0.00'],
  ['一般公共预算拨款', '1682.76', '1682.76', '0.00', '一般公共服务支出', '1378.41', '1378.41', '0.00'],
];

describe('a title OCR read as the first row of its table', () => {
  it('is the title, and not a part\'s heading printed above the table', () => {
    const [c] = locateTables([line('第二部分 2026年度部门预算表'), grid(summary)]);
    expect(c!.title).toBe('收支总表【预算表1)');
    expect(classifyTable(c!, 'budget').kind?.id).toBe('budget_income_expenditure_summary');
  });

  it('is cut off the 部门 and unit line OCR glued to it', () => {
    const [c] = locateTables([grid(income)]);
    expect(c!.title).toBe('9收入总表(预算表2)');
    expect(classifyTable(c!, 'budget').kind?.id).toBe('budget_income');
  });

  it('is joined from the pieces OCR split it into, and is no level of the header', () => {
    const [c] = locateTables([grid(fiscal)]);
    expect(c!.title).toBe('财政拨款收支总表t预算表日');
    const kind = classifyTable(c!, 'budget').kind;
    expect(kind?.id).toBe('budget_fiscal_appropriation_summary');
    const t = understandTable(c!, kind, 't001', { fiscalYear: '2026' });
    expect(t.columns.map((col) => col.header).join(' | ')).not.toMatch(/财政拨款收支|总表/);
  });

  it('is not taken from a row that prints amounts, nor from a text layer\'s row of pieces', () => {
    const amounts = [['收支总表', '1682.76', ''], ...summary.slice(3)];
    expect(locateTables([grid(amounts)])[0]!.title).toBe('');
    expect(locateTables([grid(fiscal, 'ruled')])[0]!.title).toBe('');
    // a part's heading stays the title of a table whose first row prints none
    expect(locateTables([line('第二部分 2026年度部门预算表'), grid(summary.slice(2))])[0]!.title).toBe('第二部分2026年度部门预算表');
  });
});
