// The 收支总表 of a 街道 budget on a photocopied scan (dev photocopy-md-200 of the OCR grid bench: the
// rows below as read). A toner speck stood where the list number's 、 is printed, and 四、科学技术支出
// came back 四:科学技术支出; another page's 八、社会保障和就业支出 came back 八、.社会保障和就业支出. The
// label is printed 四、科学技术支出: a list item's text follows its 、 directly, and no list number is
// printed with a colon, a semicolon or a comma (a point is: 二.政府性基金 stays as printed).
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, withoutListSpeck } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const ROWS = [
  ['本年政入 / 项目', '本年政入 / 预算数', '本年支出 / 项目', '本年支出 / 预算数'],
  ['一财政拨款收入', '156,211,123', '一般公共服务支出', '2,932,700'],
  ['Lo一般公共预算资金', '156,211,123', '二、公共安全支出', '1,633,000'],
  ['2.政府性基金', '', '教育支出', '250,000'],
  ['3国有资本经营预算', '', '四:科学技术支出', '100,000'],
  ['一事业收入', '', '五、文化旅游体育与传媒支出', '200,000'],
  ['三、事业单位经营收入', '', '六、社会保障和就业支出', '19,604,064'],
  ['四其他收入', '', '七、卫生健康支出', '3,223,657'],
  ['', '', '八、.城乡社区支出', '119,385,303'],
  ['', '', '九、住房保障支出', '8,882,399'],
  ['收入总计', '156,211,123', '支出总计', '156,211,123'],
];

function facts(method: 'ocr' | 'text') {
  const t = understandRows(ROWS, { kind: 'budget_income_expenditure_summary', tableId: 't001', unit: '元', page: 2 }, method);
  return factsOfTable(t, { doc_id: 'd', fiscal_year: '2024', defaultUnit: '元', taxonomy: tax });
}

describe("a speck read after, or for, a list number's 、 in an OCR'd label", () => {
  it('is taken off the label, and the row keeps its 类', () => {
    const fs = facts('ocr');
    const sci = fs.find((f) => String(f.value) === '100000');
    expect(sci?.item).toBe('四、科学技术支出');
    expect(sci?.code).toBe('206');
    const city = fs.find((f) => String(f.value) === '119385303');
    expect(city?.item).toBe('八、城乡社区支出');
    expect(city?.code).toBe('212');
  });

  it('a list number misread as another character before its 、 is dropped with the 、 (产、科学技术支出)', () => {
    // (dev photocopy-200 of a 决算 总表: 六、科学技术支出 read 产、科学技术支出)
    const rows = ROWS.map((r) => (r[2] === '四:科学技术支出' ? [r[0]!, r[1]!, '产、科学技术支出', r[3]!] : r));
    const t = understandRows(rows, { kind: 'budget_income_expenditure_summary', tableId: 't001', unit: '元', page: 2 });
    const sci = factsOfTable(t, { doc_id: 'd', fiscal_year: '2024', defaultUnit: '元', taxonomy: tax }).find((f) => String(f.value) === '100000');
    expect([sci?.code, sci?.item]).toEqual(['206', '科学技术支出']);
  });

  it('a 类\'s own 其他 款 is no 类 with a misread list number (其他科学技术支出 is not 科学技术支出)', () => {
    // (an unseen 2026 budget's 收支总表 scanned at q80-200: 其他交通运输支出 under 六、交通运输支出,
    // taken for the 类 with 其他 as a misread ordinal: a silent wrong 类 figure)
    const rows = [...ROWS.slice(0, 4), ROWS[4]!.map((c, i) => (i === 2 ? '四、科学技术支出' : c)), ['', '', '其他科学技术支出', '100,000'], ...ROWS.slice(5)];
    const t = understandRows(rows, { kind: 'budget_income_expenditure_summary', tableId: 't001', unit: '元', page: 2 });
    const other = factsOfTable(t, { doc_id: 'd', fiscal_year: '2026', defaultUnit: '元', taxonomy: tax }).filter((f) => String(f.value) === '100000');
    expect(other).toHaveLength(2);
    expect(other.map((f) => f.code)).toContain('206');
    const kuan = other.find((f) => f.item.includes('其他'))!;
    expect(kuan.code).not.toBe('206');
  });

  it('leaves a point after a list number, and labels with no list number, as printed', () => {
    expect(withoutListSpeck('二.政府性基金')).toBe('二.政府性基金');
    expect(withoutListSpeck('一般公共服务支出')).toBe('一般公共服务支出');
    expect(withoutListSpeck('其中：基本支出')).toBe('其中：基本支出');
  });

  it('is left alone in a table read from a text layer', () => {
    const sci = facts('text').find((f) => String(f.value) === '100000');
    expect(sci?.item).toBe('四:科学技术支出');
  });
});
