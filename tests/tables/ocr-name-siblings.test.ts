// The 收支总表 of a 2026 部门预算 never tuned on, as OCR read a photocopy-like scan of it (深圳市交通运输局
// p. 3, the unseen photocopy-200 condition of the OCR bench; rows as read): its expenditure side
// prints the classification by name only, and a scan misread a character of a 款's name (行政事业
// 单位养老戈出 for 行政事业单位养老支出, 史路水路运输 for 公路水路运输). Those rows, and the 项 rows
// under them, got no code. A name read by OCR is now taken among the children of the code above
// when it is near enough to one of them (normalizers/facts/index.ts resolveInContext), written as
// the child's name and flagged ocr_name_fuzzy; a text layer's names still have to match.
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const HEAD = ['收入 / 项目', '收入 / 2026年预算数', '女出 / 项目', '女出 / 2026年预算数'];
const ROWS = [
  ['一、财政拨款', '388,561.78', '一、教育支出', '41.99'],
  ['【一般公共预算拨款', '384,396.78', '进修及培训', '41.99'],
  ['2政府性基盘颉算拨款', '4,165.00', '培训支出', '41.99'],
  ['3.国肌资本经营预算拨款', '0.00', '二、社会保障和就业支出', '1,260.37'],
  ['二、财政专户管理资金', '0.00', '行政事业单位养老戈出', '1,260.37'],
  ['三、单位资金', '0.00', '行政单位离退休', '353.70'],
  ['1.事业收入', '0.00', '机关事业单位基本养老保险缴费支出', '611.41'],
  ['2,事业单位经营收入', '0.00', '机关事业单位职业年金缴费支出', '295.26'],
  ['', '', '六、交通远输支出', '357,233.33'],
  ['', '', '史路水路运输', '245,279.17'],
  ['', '', '行政运行', '7,596.39'],
  ['', '', '其他公路水路远输支出', '48,551.28'],
];
const table = (method: 'ocr' | 'ruled') => understandRows([HEAD, ...ROWS], { kind: 'budget_income_expenditure_summary', tableId: 't002', title: '收支总表', page: 3, fiscalYear: '2026' }, method);
const facts = (method: 'ocr' | 'ruled') => factsOfTable(table(method), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy() }).filter((f) => f.section === 'expenditure');
const at = (fs: ReturnType<typeof facts>, value: string) => fs.find((f) => f.value.eq(value))!;

describe("an OCR'd name-only row near one child of the code above", () => {
  it('takes that child, written as its name and flagged, and gives the rows below their place', () => {
    const fs = facts('ocr');
    expect(at(fs, '1260.37').code).toBe('208');
    const kuan = fs.find((f) => f.code === '20805')!;
    expect(kuan.item).toBe('行政事业单位养老支出');
    expect(kuan.flags).toContain('ocr_name_fuzzy');
    expect(at(fs, '353.7').code).toBe('2080501');
    expect(at(fs, '611.41').code).toBe('2080505');
    expect(at(fs, '245279.17').code).toBe('21401');
    expect(at(fs, '7596.39').code).toBe('2140101');
    expect(at(fs, '48551.28').code).toBe('2140199');
  });

  it('takes no approximate name from a text layer', () => {
    const fs = facts('ruled');
    expect(fs.some((f) => f.code === '20805')).toBe(false);
    expect(at(fs, '353.7').code).toBe('');
  });
});
