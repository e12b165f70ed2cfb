// The 财政拨款情况说明 of a 2026 部门预算 never tuned on, as OCR read a photocopy-like scan of it
// (重庆市商务委员会 p. 3, the unseen photocopy-200 condition of the OCR bench; the page's lines as read):
// 万元 came back 方元 after a figure, a point twice (58,397..75万元, 41,534..73万元) and a thousands
// comma as a space (41 534.73万元) or a semicolon (4;372.14万元). Those figures were no amounts, and
// the paragraph's 一般公共预算财政拨款支出 and 政府性基金预算支出 facts were lost
// (normalizers/prose/text.ts ocrFigureMarks).
import { describe, expect, it } from 'vitest';
import { extractProseFacts } from '../../normalizers/prose/index.js';
import { ocrFigureMarks, ocrLostOne } from '../../normalizers/prose/text.js';

const LINES = [
  '86,685.29 7JC,主要是基本支出增加4;372.14.万元，项目支出减少91,057.43万元',
  '三、财政拨款情况说明',
  '2026年一般公共预算财政拨款收入 101,833. 84万元，一般公共预算财政拨款支出101,833.84方元，比2025',
  '年减少7,885. 67万元。其中基本支出43,436. 09万元，主要用于保障字职人员工资福利及社尝保险缴贺、离休',
  '人员离休费、退休人员补助等，保障部门正常远转的吴项商品服务支出，比2025年增加4,245.49万元，生要原',
  '团是两所委属学核社保基数政策性调整议及公用经费结构性调整项目支出58,397..75万元，主要用于内陆开旅',
  '高地建设、国际消费中心城市建设、稳住外贸外资基本盘、现代流通体系建设、高等职业教育、蚕业发展等重点',
  'TH,tk 2025年减少12,131.16万元，主要原因是智缓安排消费品以旧换新市级配套资金',
  '2026年敌府性基金祷算财政拨款收入41 534.73万元，政府性基金预算支出41,534..73万元，主要用于商务',
  '领域消费品以旧换新重点工作，比2025年减少80,165. 27万元，主要原因是2025年加快了商务领域消费品以闫',
  '政策抚行迹度，绪转次年金额相应减少',
];
const facts = (ocr: boolean) => extractProseFacts(LINES.map((text) => ({ text, page: 3, ocr })), { resolveChain: () => undefined }).map((f) => `${f.item} ${f.measure} ${f.value}`);

describe('an OCR-read figure with a lookalike unit, a doubled point or a thousands comma misread', () => {
  it('is read as the amount printed', () => {
    expect(facts(true)).toEqual(expect.arrayContaining([
      '一般公共预算财政拨款支出 general_budget_expenditure 101833.84',
      '基本支出 general_budget_basic 43436.09',
      '政府性基金预算支出 government_fund_expenditure 41534.73',
    ]));
    expect(facts(false)).not.toContain('一般公共预算财政拨款支出 general_budget_expenditure 101833.84');
    expect(facts(false)).not.toContain('政府性基金预算支出 government_fund_expenditure 41534.73');
  });

  it('puts the marks right only in a figure before its unit', () => {
    expect(ocrFigureMarks('支出101,833.84方元，增加4;372.14万元，收入41 534.73万元，支出41,534..73万元')).toBe('支出101,833.84万元，增加4,372.14万元，收入41,534.73万元，支出41,534.73万元');
    // (a 退役军人事务局's photocopy, the same condition: 一元 and a colon before the point)
    expect(ocrFigureMarks('日常公用支出116.93.一元，占1.9%;住房保障(类)支出.145.08一元，占2:.4%.')).toBe('日常公用支出116.93万元，占1.9%;住房保障(类)支出145.08万元，占2.4%.');
    // a list of numbers, a date, a ratio and a 方 that is a word are left as read
    for (const line of ['2025年 123.45万元', '编号1 234.5', '2025..12', '3;4', '双方元旦前签约', '各方元素', '1.一元化管理']) expect(ocrFigureMarks(line)).toBe(line);
  });
});

// The same condition on the 情况说明 of another such 部门预算 (重庆市人民政府办公厅 p. 3, lines as read):
// the 一 of 一般公共预算财政拨款支出 lost, so its figure had no item (ocrLostOne).
describe('an OCR-read 一般公共 that lost its 一', () => {
  const LOST = [
    '三、财政拨款情况说明',
    '2026年一般公共预算财政拨款收入18,417.70万元 般公共预算财政拨款支出.18,417.70万元',
    '比2025年增加2,781:90万元其中基本支出9,018.47万元，宇要川于保障在职人员工资福利及社',
  ];
  const read = (ocr: boolean, lines = LOST) => extractProseFacts(lines.map((text) => ({ text, page: 3, ocr })), { resolveChain: () => undefined }).map((f) => `${f.item} ${f.measure} ${f.value}`);

  it('gets it back, and the figure its item', () => {
    expect(read(true)).toContain('一般公共预算财政拨款支出 general_budget_expenditure 18417.70');
    expect(read(false)).not.toContain('一般公共预算财政拨款支出 general_budget_expenditure 18417.70');
  });

  it('adds none where the line before ends with it, or the 一 is there', () => {
    expect(ocrLostOne('般公共预算拨款', '其中一')).toBe('般公共预算拨款');
    expect(ocrLostOne('其中一般公共预算拨款')).toBe('其中一般公共预算拨款');
    expect(ocrLostOne('万元 般公共预算')).toBe('万元 一般公共预算');
  });
});
