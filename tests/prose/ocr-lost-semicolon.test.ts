// The 支出预算 by 类 of a 2026 部门预算 never tuned on, as OCR read a grey JPEG scan of it (湖州市财政局
// p. 3 of the scan, the OCR bench's unseen documents of ../shared/corpus, q80-200; the lines as
// read): the ； after each share was lost (占78. 4%社), so each share ran into the next 类's clause,
// and the shares of 社会保障和就业 and 卫生健康 (11.6 %, 3.9 %) were lost. A percentage followed
// right by Chinese words ends its clause (normalizers/prose/text.ts ocrFigureMarks).
import { describe, expect, it } from 'vitest';
import { extractProseFacts } from '../../normalizers/prose/index.js';
import { ocrFigureMarks } from '../../normalizers/prose/text.js';

const LINES = [
  '一般公共服务(类)支出5356. 01万元，占78. 4%社',
  '会保障和就业(类)支出796.52万元，占11. 6%卫生健康',
  '(类)支出265. 81万元，占3. 9%住房保障(类)支出420. 07',
  '万元，占6.1%。',
];
const CODES: Record<string, string> = { 一般公共服务: '201', 社会保障和就业: '208', 卫生健康: '210', 住房保障: '221' };
// (the same lines as the PDF's text layer prints them)
const PRINTED = ['一般公共服务（类）支出 5356.01 万元，占 78.4%；社', '会保障和就业（类）支出 796.52 万元，占 11.6%；卫生健康', '（类）支出 265.81 万元，占 3.9%；住房保障（类）支出 420.07', '万元，占 6.1%。'];
const facts = (ocr: boolean, lines = LINES) => extractProseFacts(lines.map((text) => ({ text, page: 3, ocr })), {
  resolveChain: (parts) => CODES[parts[0]!.name.replace(/支出$/, '')],
  scope: 'all',
}).filter((f) => f.code).map((f) => `${f.code} ${f.measure} ${f.value}`);

describe('shares of an OCR-read statement whose ； was lost', () => {
  it('end their clause, and each 类 keeps its share', () => {
    const read = facts(true);
    expect(read).toEqual(['201 share_of_total 78.4', '208 share_of_total 11.6', '210 share_of_total 3.9', '221 share_of_total 6.1']);
    expect(read).toEqual(facts(false, PRINTED));
  });

  it('only where Chinese words follow the % right away', () => {
    expect(ocrFigureMarks('占78. 4%社会保障')).toBe('占78.4%；社会保障');
    expect(ocrFigureMarks('下降10.1%,主要是')).toBe('下降10.1%,主要是');
    expect(ocrFigureMarks('占100.0%。')).toBe('占100.0%。');
  });
});
