// The totals and carry-overs of a two-sided 总表 whose labels OCR misread beyond putting right by one
// character (上海市普陀区财政局 2024 收入支出决算总表 on the dev fax45-200 scan of the OCR grid bench:
// the rows below as read): 交年收入各计 is the income side's 本年收入合计 because its value is the sum
// of the rows above it, 年别绪转和结余 its 年初结转和结余 because it closes 总计 = 本年收入合计 + it;
// likewise 本年支出分汁 and 年宋经转和绪余 on the expenditure side (normalizers/facts/
// ocr-side-labels.ts). They keep ocr_name_fuzzy.
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, OCR_CODE_UNREAD, OCR_NAME_FUZZY } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const ROWS = [
  ['收入 / 项目', '收入 / 决算数', '支出 / 项目', '支出 / 决算数'],
  ['E载么共弦算砂政抵1敷收>', '2,940.05', '一敌公共服多支出', '2,106.66'],
  ['政衔怪基入预答寺政拦款收>', '', '二、外交口出', ''],
  ['关他收入', '6.20', '社会保障和就东火出', '326.71'],
  ['', '', '九、卫生健康支出', '60.99'],
  ['', '', '十九生房保嘴支出', '445.69'],
  ['交年收入各计', '2,946.25', '本年支出分汁', '2,940.05'],
  ['华朋芸周政拨敏结仁(咕专吾经仁)', '', '绳会么邱', ''],
  ['年别绪转和结余', '49.14', '年宋经转和绪余', '55.34'],
  ['总计', '2,995.39', '总计', '2,995.39'],
];

function facts(rows: string[][]) {
  const t = understandRows(rows, { kind: 'income_expenditure_summary', tableId: 't001', page: 2 });
  return factsOfTable(t, { doc_id: 'd', fiscal_year: '2024', defaultUnit: '万元', taxonomy: tax });
}
const at = (fs: ReturnType<typeof facts>, section: string, value: string) => fs.find((f) => f.section === section && f.value.toFixed(2) === value)!;

describe('a 总表 side\'s total and carry-over named by the side\'s sums', () => {
  it('labels them as their side prints them, flagged', () => {
    const fs = facts(ROWS);
    for (const [section, value, label] of [['income', '2946.25', '本年收入合计'], ['income', '49.14', '年初结转和结余'], ['expenditure', '55.34', '年末结转和结余']]) {
      const f = at(fs, section!, value!);
      expect(f.item).toBe(label);
      expect(f.flags).toContain(OCR_NAME_FUZZY);
      expect(f.flags).not.toContain(OCR_CODE_UNREAD);
    }
    expect(fs.find((f) => f.section === 'expenditure' && f.value.toFixed(2) === '2940.05')!.item).toBe('本年支出合计');
  });

  it('a row the sums do not give keeps its label as read', () => {
    // the carry-over no longer closes 总计 (a misread amount): left; the total whose value is no sum: left
    const rows = ROWS.map((r) => (r[0] === '年别绪转和结余' ? [r[0], '19.14', ...r.slice(2)] : r[0] === '交年收入各计' ? [r[0], '2,916.25', ...r.slice(2)] : r));
    const fs = facts(rows);
    expect(at(fs, 'income', '19.14').item).toBe('年别绪转和结余');
    expect(at(fs, 'income', '2916.25').item).toBe('交年收入各计');
  });
});

describe('a 总表\'s grand total read as two characters one off 总计', () => {
  // (国家信访局 2024 收入支出决算总表 on the dev photocopy-hi-200 scan: the expenditure side's 总计
  // read `怠计`, the 住房保障支出 above it misread too, so no sum of the rows above holds)
  const rows = ROWS.map((r) => (r[0] === '总计' ? ['总计', '2,995.39', '怠计', '2,995.39'] : r[2] === '十九生房保嘴支出' ? [...r.slice(0, 3), '415.69'] : r));
  it('is 总计 on the row of the other side\'s 总计, of its value, flagged', () => {
    const f = facts(rows).find((x) => x.section === 'expenditure' && x.value.toFixed(2) === '2995.39')!;
    expect(f.item).toBe('总计');
    expect(f.flags).toContain(OCR_NAME_FUZZY);
  });
  it('keeps its label as read off that row, or at another value', () => {
    const other = rows.map((r) => (r[0] === '总计' ? ['总计', '2,995.39', '怠计', '2,905.39'] : r));
    expect(facts(other).find((x) => x.section === 'expenditure' && x.value.toFixed(2) === '2905.39')!.item).toBe('怠计');
    const moved = [...rows.slice(0, -1), ['总计', '2,995.39', '', ''], ['', '', '怠计', '2,995.39']];
    expect(facts(moved).find((x) => x.section === 'expenditure' && x.value.toFixed(2) === '2995.39')!.item).toBe('怠计');
  });
});
