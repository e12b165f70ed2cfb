// The 收支总表 of a 街道 budget on a photocopied scan (dev photocopy-md-200 of the OCR grid bench: the
// rows below as read). Its 支出总计 came back 支出惹认: it begins as a total's words, so it was taken
// for a total row and left unflagged, a wrong label nobody was told of. A short label of a two-sided
// 总表 that begins as a total's words but is none of them is in doubt (ocr_name_fuzzy); the side's
// totals are then told by 收入总计 = 支出总计 (ocr-side-labels.ts sideTotalsByGrand).
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, OCR_NAME_FUZZY } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const rows = (grand: string): string[][] => [
  ['本年政入 / 项目', '本年政入 / 预算数', '本年支出 / 项目', '本年支出 / 预算数'],
  ['一财政拨款收入', '156,211,123', '一般公共服务支出', '2,932,700'],
  ['Lo一般公共预算资金', '156,211,123', '二、公共安全支出', '1,633,000'],
  ['2.政府性基金', '', '教育支出', '250,000'],
  ['3国有资本经营预算', '', '四、科学技术支出', '100,000'],
  ['一事业收入', '', '五、文化旅游体育与传媒支出', '200,000'],
  ['三、事业单位经营收入', '', '六、社会保障和就业支出', '19,604,064'],
  ['四其他收入', '', '七、卫生健康支出', '3,223,657'],
  ['', '', '八、城乡社区支出', '119,385,303'],
  ['', '', '九、住房保障支出', '8,882,399'],
  ['收入总计', '156,211,123', grand, '156,211,123'],
];

function grandFact(grand: string, method: 'ocr' | 'text' = 'ocr') {
  const t = understandRows(rows(grand), { kind: 'budget_income_expenditure_summary', tableId: 't001', unit: '元', page: 2 }, method);
  const fs = factsOfTable(t, { doc_id: 'd', fiscal_year: '2024', defaultUnit: '元', taxonomy: tax });
  return fs.find((f) => f.section === 'expenditure' && f.row === t.rows.at(-1)!.rowIndex)!;
}

describe("a 总表's total words misread past one character", () => {
  it('is in doubt, and named 支出总计 by 收入总计 = 支出总计, flagged', () => {
    const f = grandFact('支出惹认');
    expect(f.item).toBe('支出总计');
    expect(f.flags).toContain(OCR_NAME_FUZZY);
  });

  it('a total read right stays unflagged', () => {
    const f = grandFact('支出总计');
    expect(f.item).toBe('支出总计');
    expect(f.flags).not.toContain(OCR_NAME_FUZZY);
  });

  it('a text layer is left as printed', () => {
    expect(grandFact('支出惹认', 'text').item).toBe('支出惹认');
  });
});
