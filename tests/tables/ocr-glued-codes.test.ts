// A 部门预算's 收入总表 never tuned on, as OCR read a photocopy-like scan of it (重庆市商务委员会 2026,
// the unseen photocopy-200 condition of the OCR bench; cells as read, the header's two rows read as
// one): the 类 row's code came back `20i`, a 1 read as the letter, and went into the row's label
// with the name (`20i一般公共服动支出`), so the row lost its code and its five amounts their place.
// Rows of another held-out document (a 支出总表, its code cells run into the names with a stroke of
// the lost rule read before them: `E2080501行政单位离退佛`) show the same. normalizers/facts/ocr-glued-codes.ts.
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { gluedCode } from '../../normalizers/facts/ocr-glued-codes.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { CQ_INCOME_HEAD, CQ_INCOME_ROWS, understandRows } from './ocr-rows.js';

const taxonomy = loadTaxonomy();
const HEAD = CQ_INCOME_HEAD;
const ROWS = CQ_INCOME_ROWS;
const facts = (rows: string[][], method: 'ocr' | 'ruled' = 'ocr') =>
  factsOfTable(understandRows([HEAD, ...rows], { kind: 'budget_income', tableId: 't002', title: '收入总表', page: 3 }, method), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy });

describe('a code OCR read into its row’s label', () => {
  it('takes the code back when its letter read as a digit names the printed name', () => {
    const fs = facts(ROWS).filter((f) => f.value.eq('23103.76') && f.row === 2);
    expect(fs.map((f) => [f.code, f.item, f.code_source])).toEqual([['201', '一般公共服动支出', 'printed']]);
    expect(fs[0]!.canonical_name).toBe('一般公共服务支出');
    expect(fs[0]!.flags).toContain('ocr_code_repaired');
    expect(fs[0]!.flags).not.toContain('ocr_code_unread');
  });

  it('drops a mark read before a code, and takes a name too garbled to say by the code above', () => {
    expect(gluedCode('E2080501行政单位离退佛', [], taxonomy, '2026')).toEqual({ code: '2080501', item: '行政单位离退佛', repaired: true });
    expect(gluedCode('E220自然资源海洋气象等支出', [], taxonomy, '2026')).toEqual({ code: '220', item: '自然资源海洋气象等支出', repaired: true });
    // (the same row's name, garbled further by hand: the 款 printed above says where it sits)
    expect(gluedCode('E2080501行攻单佐离退佛', ['20805'], taxonomy, '2026')?.code).toBe('2080501');
    expect(gluedCode('E2080501行攻单佐离退佛', ['20806'], taxonomy, '2026')).toBeUndefined();
    // a code the classification does not know (21101 环境保护管理事务 is no pair it has seen)
    expect(gluedCode('E21101环境徐护箍理事务', ['211'], taxonomy, '2026')).toBeUndefined();
  });

  it('leaves a unit’s code, a year, an item number, two letters and a text layer alone', () => {
    expect(gluedCode('120001陈州市生态环璀局', [], taxonomy, '2026')).toBeUndefined();
    expect(gluedCode('2025年度校舍维修改造', [], taxonomy, '2026')).toBeUndefined();
    expect(gluedCode('12123短信资费项目', [], taxonomy, '2026')).toBeUndefined();
    expect(gluedCode('2oi一般公共服务支出', [], taxonomy, '2026')).toBeUndefined();
    // a code the classification knows, before a name that is not its own
    expect(gluedCode('201行政运行', [], taxonomy, '2026')).toBeUndefined();
    const text = facts(ROWS, 'ruled').filter((f) => f.value.eq('23103.76') && f.row === 2);
    expect(text.map((f) => f.code)).toEqual(['']);
  });
});
