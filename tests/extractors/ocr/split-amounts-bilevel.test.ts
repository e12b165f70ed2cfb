// Amount cells as a 1-bit (fax) scan leaves them: the cells below are those tesseract read on the
// dev grid's fax45-200 scan of a 2024 final account (万元, two decimals; 收入支出决算总表, 收入决算表,
// 支出决算表). A decimal point read as a comma came back as the word `878,` beside the word `11`:
// each word is no number, so the token repair (repair.ts) leaves them, and the layout joins them
// into the cell `878,11`, which no number parser takes: the fact was lost. In a column that prints
// two decimals a last group of two digits after a comma is that point (split-amounts.ts); so are
// letters a speck or a rule left before or after such an amount, when read as digits they could
// be no part of it.
import { describe, expect, it } from 'vitest';
import type { RawGrid } from '../../../model/types.js';
import { repairSplitAmounts } from '../../../extractors/ocr/split-amounts.js';

const grid = (rows: string[][]): RawGrid => ({ method: 'ocr', rows: rows.map((r) => r.map((text) => ({ text }))) });

describe('a 1-bit scan’s amounts in a column of two decimals', () => {
  it('reads a comma before the last two digits as the decimal point', () => {
    const g = grid([
      ['2014001', '行政运行', '6,026,13', '6,026.13'],
      ['2080506', '机关事业单位职业年金缴费支出', '329.53', '329,33'],
      ['208', '社会保障和就业支出', '2,228,57', '2,298.57'],
      ['2210202', '提租补贴', '63,00', '65,00'],
      ['', '其他收入', '878,11', '980.85'],
      ['2050803', '培训支出', '180.03', '180.03'],
      ['2210203', '购房补贴', '331.00', '331.00'],
    ]);
    const notes = repairSplitAmounts(g);
    expect(g.rows.map((r) => [r[2]!.text, r[3]!.text])).toEqual([
      ['6026.13', '6,026.13'], ['329.53', '329.33'], ['2228.57', '2,298.57'], ['63.00', '65.00'], ['878.11', '980.85'], ['180.03', '180.03'], ['331.00', '331.00'],
    ]);
    expect(notes.join('\n')).toMatch(/"878,11" read as 878.11 \(its decimal point read as a comma/);
  });

  it('takes off letters read before or after the amount, not letters that could be its digits', () => {
    const g = grid([
      ['201', '一般公共服务支出', 'To,10,685.56', '10,685.56a6'],
      ['2014099', '其他信访事务支出', '7,773.28i LTT', '7,773.28'],
      ['208', '社会保障和就业支出', '2,026.32心', '2,026.32'],
      ['', '年末结转和结余', '7.194. 06', '1.00'],
      // read as digits, `To` would make 70,100,685.56: it could be part of the amount
      ['202', '外交支出', 'To,100,685.56', '0.00'],
      ['205', '教育支出', '180.03', '180.03'],
      ['210', '卫生健康支出', '497.53', '497.53'],
    ]);
    repairSplitAmounts(g);
    expect(g.rows.map((r) => [r[2]!.text, r[3]!.text])).toEqual([
      ['10,685.56', '10,685.56'], ['7,773.28', '7,773.28'], ['2,026.32', '2,026.32'], ['7194.06', '1.00'], ['To,100,685.56', '0.00'], ['180.03', '180.03'], ['497.53', '497.53'],
    ]);
  });

  it('leaves a column of whole amounts or of three decimals as read', () => {
    const whole = grid([['201', '426,000', '1,106,000'], ['202', '878,11', '12,00']]);
    repairSplitAmounts(whole);
    expect(whole.rows.map((r) => [r[1]!.text, r[2]!.text])).toEqual([['426,000', '1,106,000'], ['878,11', '12,00']]);
    const three = grid([['201', '1.250', '0.125'], ['202', '2.500', '12,345'], ['203', '7,125', '3.000']]);
    repairSplitAmounts(three);
    expect(three.rows.map((r) => [r[1]!.text, r[2]!.text])).toEqual([['1.250', '0.125'], ['2.500', '12,345'], ['7,125', '3.000']]);
  });
});
