// A classification chain printed in quotes, its figure after the closing quote: the 情况说明 of the
// 上海市普陀区 budgets (sh-putuo-shehuifuliyuan-2024-unit-budget.pdf p6, sh-putuo-caizhengju-2025-
// dept-budget.pdf p7, lines as their text layer gives them). Before, the opening quote stayed on the
// chain's first name and the closing one stood between the chain and its figure: no fact. A scan of
// the same page, its quotes lost, gave the facts the text layer did not (normalizers/prose/facts.ts).
import { describe, expect, it } from 'vitest';
import { extractProseFacts } from '../../normalizers/prose/index.js';

const LINES = [
  '（三）财政拨款支出预算情况说明',
  '5.“医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”50.37万元，主要用于人员医疗保险。',
  '6.“住房保障支出（类）住房改革支出（款）住房公积金（项）”33.58万元，主要用于在职人员公积金缴费。',
  '7.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”887.36万',
  '元，主要用于缴纳职业年金支出。',
];

describe('a chain printed in quotes', () => {
  it('gives its figure when OCR read the closing quote as an opening one', () => {
    // (the same 普陀区财政局 page scanned, the unseen bench's q80-200 condition; line as read)
    const lines = ['（三）财政拨款支出预算情况说明', '7.“ 社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位职业年金缴费支出(项)“887. 36万', '元，主要用于缴纳职业年金支出'];
    const facts = extractProseFacts(lines.map((text) => ({ text, page: 2, ocr: true })), { resolveChain: (parts) => parts.map((p) => p.name).join('>') });
    expect(facts.map((f) => `${f.code} ${f.value}`)).toEqual(['社会保障和就业支出>行政事业单位养老支出>机关事业单位职业年金缴费支出 887.36']);
  });

  it('gives its figure under the chain\'s names', () => {
    const facts = extractProseFacts(LINES.map((text) => ({ text, page: 6 })), { resolveChain: (parts) => parts.map((p) => p.name).join('>') });
    expect(facts.map((f) => `${f.code} ${f.value} ${f.unit}`)).toEqual([
      '医疗卫生与计划生育支出>行政事业单位医疗>事业单位医疗 50.37 万元',
      '住房保障支出>住房改革支出>住房公积金 33.58 万元',
      '社会保障和就业支出>行政事业单位养老支出>机关事业单位职业年金缴费支出 887.36 万元',
    ]);
  });
});
