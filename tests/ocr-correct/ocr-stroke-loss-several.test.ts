// Several parts of one sum that each lost a 4 to a 1-bit scan: the 201 rows of the 支出决算表 of 国家信访局
// 2024 as read on the dev grid's fax45-200 scan (values as OCR read them, after the cell repairs of
// split-amounts.ts; 2014099's 基本支出 `510,` unreadable, left out). In the 项目支出 column 20140
// reads 3,319.39 (right: 201 above prints it too) but its children 1.70 + 2,066.81 + 1,217.85 sum
// 33.03 short: 4.70, 2,066.84 and 1,247.85 each lost a 4. No one part closes the gap, so no one
// reading is taken (strokes.ts); the one combination of parts, each with one 1 read back as 4, that
// makes up 33.03 is 3 + 0.03 + 30. Each cell takes its reading with its copies (2014002's and
// 2014004's totals print the same figure as their 项目支出: a held copy identity, joined under the
// total, the chain's root), verified like every repair: fewer checks fail, nothing new fails.
import { describe, expect, it } from 'vitest';
import { findOcrRepairs, OCR_REPAIRED } from '../../normalizers/ocr-correct/index.js';
import { fact, makeDoc, type Row } from './helpers.js';

const READ: Row[] = [
  ['201', '航公共服劝支宣', '10,685.56', '7,366.16', '3,319.39'],
  ['20140', '伯访事务', '10,683.5668', '7,366.16', '3,319.39'],
  ['2014001', '行政运行', '6,026.13', '6,026.13', ''],
  ['2014002', '航行政管理事务', '1.70', '', '1.70'],
  ['2014003', '机关服务', '799.13', '799.13', ''],
  ['2014004', '信访业务', '2,066.81', '', '2,066.81'],
  ['2014099', '其他借许雯务支师', '1,788.16', '', '1,217.85'],
];

describe('several parts of a sum that each lost a 4', () => {
  it('take the one combination of readings that closes the sum, with their copies', () => {
    const doc = makeDoc(READ);
    findOcrRepairs(doc);
    for (const [code, m, v] of [['2014002', 'project', '4.70'], ['2014002', 'expenditure_total', '4.70'], ['2014004', 'project', '2066.84'], ['2014004', 'expenditure_total', '2066.84'], ['2014099', 'project', '1247.85']] as const) {
      const f = fact(doc, code, m);
      expect(f.value.toFixed(2), `${code} ${m}`).toBe(v);
      expect(f.flags).toContain(OCR_REPAIRED);
    }
    // what was read right stays
    expect(fact(doc, '20140', 'project').value.toFixed(2)).toBe('3319.39');
    expect(fact(doc, '2014001', 'expenditure_total').value.toFixed(2)).toBe('6026.13');
  });

  it('not when two combinations close it alike', () => {
    // (a variant: 2014003 prints a 1.70 of 项目支出 too, and 201 and 20140 that much more): either
    // 1.70 may be the 4.70, so no combination is the only one, and the cells stay as read
    const rows = READ.map((r): Row => (r[0] === '2014003' ? ['2014003', '机关服务', '800.83', '799.13', '1.70'] : ['201', '20140'].includes(r[0]) ? [r[0], r[1], r[2], r[3], '3,321.09'] : r));
    const doc = makeDoc(rows);
    findOcrRepairs(doc);
    expect(fact(doc, '2014099', 'project').value.toFixed(2)).toBe('1217.85');
    expect(fact(doc, '2014002', 'project').value.toFixed(2)).toBe('1.70');
  });
});
