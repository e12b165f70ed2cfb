// The 财政拨款收支情况 of a 2022 部门预算 never tuned on, as OCR read a photocopy-like scan of it (西安市
// 交通运输局 p. 3, the unseen photocopy-200 condition of the OCR bench; the page's lines as read): its
// heading's (二) came back (=), so the heading ran into the first statement; 拨款 came back 拔款 and
// 项目 项自 (lookalikes: knowledge/ocr-lookalikes.json); a speck stood between a year and its 年
// (2022.年) and a quote mark between a label and its figure (支出「74868. 34万元). The paragraph's
// 财政拨款收入, 财政拨款支出 and the second 项目支出 change were lost
// (normalizers/prose/ocr-label-words.ts, text.ts ocrListNumber and ocrFigureMarks).
import { describe, expect, it } from 'vitest';
import { extractProseFacts } from '../../normalizers/prose/index.js';
import { ocrLabelWords } from '../../normalizers/prose/ocr-label-words.js';

const LINES = [
  '(=)财政拨欣收支情况',
  '2022年本部门财政拔款收入74868..34万元，其中一般公共预算拨款收入.14868. 34万元，无其',
  '他财政拨蒙收入。2022年本部门财政拨款收入较上年增加6915..49万元，宏要原因是今年预算中增',
  '加了对企业补助13082万元',
  '2022.年本部门财政拨款支出「74868. 34万元，其中一般公共预算拨款支出74868. 34.万元，无其',
  '他财政掐款支出.2022年本部门财敛拨款支出较土年增加6915. 49万元，其中基本支出减少了8627. 56',
  '万元，项目支出增加15496.49万元 基本支出减少的原因是上年预算中包含了七家事业单位实行对',
  '政全额拨款后补发的以前年度事业单位的绩效工资；项目支出增加的主要原因是今年预算中新增了甲',
  '醇出租车燃料补助及公交安全员服务两个大项目',
  '(三)一般公共预算拔款支出明细情况',
  '1.一般公共预算当年拨款规模变化情况',
  '2022年本部门一般公共预算拔款支出74868.34方元，较上年增加了6915. 49万元，其中基本支',
  '出减少了8627. 56万元，项自支出增加15496.49万元基米支出鸾少的原因是上年预算年包含了上',
];
const facts = (ocr: boolean) => extractProseFacts(LINES.map((text) => ({ text, page: 3, ocr })), { resolveChain: () => undefined }).map((f) => `${f.item} ${f.measure} ${f.value}`);

describe('label words of an OCR-read statement with a lookalike for a character', () => {
  it('are read as the words the prose knows, and their figures found', () => {
    const read = facts(true);
    expect(read).toEqual(expect.arrayContaining([
      '财政拨款收入 fiscal_appropriation 74868.34',
      '财政拨款支出 fiscal_appropriation_expenditure 74868.34',
      '一般公共预算拨款支出 general_budget_expenditure 74868.34',
    ]));
    expect(read.filter((f) => f === '项目支出 change_vs_prior_year 15496.49')).toHaveLength(2);
    // (a text layer's lines are taken as printed)
    const printed = facts(false);
    expect(printed).not.toContain('财政拨款收入 fiscal_appropriation 74868.34');
    expect(printed).not.toContain('财政拨款支出 fiscal_appropriation_expenditure 74868.34');
  });

  it('are put right before a figure or a change only, by lookalikes only', () => {
    expect(ocrLabelWords('本部门财政拔款收入74868.34万元，较土年增加6915.49万元')).toBe('本部门财政拨款收入74868.34万元，较上年增加6915.49万元');
    // (a word that runs on into others; a label a text layer prints one character apart; a
    // misread character that is no lookalike)
    for (const line of ['公务用车运行维护费248.50万元', '财政拔款收入情况说明', '财政拨款收入合计1668.14万元', '他财政拨蒙收入。', '财政拨蒙收入74868.34万元']) expect(ocrLabelWords(line)).toBe(line);
  });
});
