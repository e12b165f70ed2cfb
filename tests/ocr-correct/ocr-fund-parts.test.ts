// A 部门预算 收支总表 on a 1-bit scan (医疗保障局 2026 收支总体情况表 on the dev fax45-200 scan of the OCR
// grid bench: the rows below as read). Its income side prints 财政拨款收入 and right below it its funds
// (一般公共预算收入, 政府性基金预算收入, 国有资本经营预算收入), read 财政拔政收入 / 服公具闵算收入 /
// 国有资札绪营颅算收入: the funds add up to the item, so the rows below it closing that sum take the
// fund they are nearest (normalizers/facts/ocr-fund-parts.ts). Its expenditure side's 本年支出合计 and
// 支出总计, read 不平友出合计 / 奶诊总计, are told by 收入总计 = 支出总计 and 总计 = 本年…合计 + the
// carry-overs (ocr-side-labels.ts sideTotalsByGrand): the 类 above them misread (4s read as 1), no sum
// of the rows above holds. All keep ocr_name_fuzzy.
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, OCR_NAME_FUZZY } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const ROWS = [
  ['收入 / Ji]', '收入 / BY', '匕ih / 坊目', '匕ih / 玟算教'],
  ['财政拔政收入', '16,375.67', 'WE WEE Kh', ''],
  ['服公具闵算收入', '15,375.67', '外宇文许', ''],
  ['政府性城颂算收入', '', '公具安全友出', ''],
  ['国有资札绪营颅算收入', '1,000.00', '门教有支出', '1.70'],
  ['财政专广笛理资金收入', '', 'h程学技札支出', ''],
  ['wo事业收入《丝口教朋收费', '', '人文化弦湮仰有弛传缓支出', ''],
  ['团事业鞍俘经营收入', '', 'L社会保陈和就业支出', '327.92'],
  ['兵其他收入', '', '八诚健痴支出', '11,870.93'],
  ['', '', '1上作房保陷支畜', '172.12'],
  ['', '', 'F国有资标3HERAT Zi', '1,000.00'],
  ['不平收入合计', '16,375.67', '不平友出合计', '16,375.67'],
  ['【弧补劣收入', '', '', ''],
  ['附居单位上缴收入', '', '旭切锋单位的补助一申', ''],
  ['使用正财敌拨敏结余', '', 'E缴一线支江', ''],
  ['【平结转', '', '菊转上平', ''],
  ['收入总计', '16,375.67', '奶诊总计', '16,375.67'],
];

function facts(rows: string[][]) {
  const t = understandRows(rows, { kind: 'budget_income_expenditure_summary', tableId: 't001', page: 2 });
  return factsOfTable(t, { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax });
}
const at = (fs: ReturnType<typeof facts>, section: string, value: string, row?: number) => fs.filter((f) => f.section === section && f.value.toFixed(2) === value && (row === undefined || f.row === row));

describe('a 部门预算 收支总表\'s 财政拨款收入 funds told by their sum', () => {
  it('names the rows below the item that add up to it, flagged', () => {
    const fs = facts(ROWS);
    expect(at(fs, 'income', '16375.67')[0]!.item).toBe('财政拨款收入');
    const general = at(fs, 'income', '15375.67')[0]!;
    expect(general.item).toBe('一般公共预算收入');
    expect(general.flags).toContain(OCR_NAME_FUZZY);
    const capital = at(fs, 'income', '1000.00')[0]!;
    expect(capital.item).toBe('国有资本经营预算收入');
    expect(capital.flags).toContain(OCR_NAME_FUZZY);
  });

  it('leaves them as read when they do not add up to the item', () => {
    const rows = ROWS.map((r) => (r[0] === '服公具闵算收入' ? [r[0], '15,335.67', ...r.slice(2)] : r));
    const fs = facts(rows);
    expect(at(fs, 'income', '15335.67')[0]!.item).toBe('服公具闵算收入');
    expect(at(fs, 'income', '1000.00')[0]!.item).toBe('国有资札绪营颅算收入');
  });
});

describe('a 总表 side\'s totals told by 收入总计 = 支出总计', () => {
  it('names the expenditure side\'s 总计 and 本年支出合计, flagged', () => {
    const fs = facts(ROWS);
    const exp = fs.filter((f) => f.section === 'expenditure' && f.value.toFixed(2) === '16375.67').sort((a, b) => a.row - b.row);
    expect(exp.map((f) => f.item)).toEqual(['本年支出合计', '支出总计']);
    for (const f of exp) expect(f.flags).toContain(OCR_NAME_FUZZY);
  });

  it('leaves the grand total as read when the other side\'s is another amount', () => {
    const rows = ROWS.map((r) => (r[0] === '收入总计' ? [r[0], '16,875.67', ...r.slice(2)] : r));
    const fs = facts(rows);
    const exp = fs.filter((f) => f.section === 'expenditure' && f.value.toFixed(2) === '16375.67').sort((a, b) => a.row - b.row);
    expect(exp.map((f) => f.item)).toEqual(['不平友出合计', '奶诊总计']);
  });
});
