// Codes whose 4 a 1-bit scan broke into its cross-stroke and its stem (国家信访局 2024 支出决算表,
// the dev fax45-200 condition of the OCR grid bench; the cells below are its rows as read): 2014001
// 行政运行 read `201-1001`, no code, so the row's label began with it and the row had no place in
// the classification. The `-1` read back as a 4 gives a known 项, taken when the printed name names
// it under its parent (行政运行, or a close garble 航行政管理事务 of 一般行政管理事务) or the 款 printed
// above is exactly its parent (normalizers/facts/ocr-code-strokes.ts dashedFour). Flagged
// ocr_code_repaired; so is the 款 above them, read 20110, as their prefix.
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, OCR_CODE_REPAIRED, OCR_CODE_UNREAD } from '../../normalizers/facts/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { RawGrid } from '../../model/types.js';

const tax = loadTaxonomy();
const ROWS = [
  ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
  ['合计', '合计', '14,572.53', '11,073.11', '3,499.42'],
  ['201', '航公共服劝支宣', '10,685.56', '7,366.16', '3,319.39'],
  ['20110', '伯访事务', '10,683.56', '7,366.16', '3,319.39'],
  ['201-1001', '行政运行', '6,026.13', '6,026.13', ''],
  ['201-1002', '航行政管理事务', '4.70', '', '1.70'],
  ['201-1099', '其他借许雯务支师', '1,788.16', '510.61', '1,217.85'],
  ['205', '教有支申', '180.03', '', '180.03'],
];

function facts(rows: string[][], method: RawGrid['method'] = 'ocr') {
  const t = understandRows(rows, { kind: 'expenditure', tableId: 't003', page: 4 }, method);
  return factsOfTable(t, { doc_id: 'd', fiscal_year: '2024', defaultUnit: '万元', taxonomy: tax });
}
const totalOf = (fs: ReturnType<typeof facts>, value: string) => fs.find((f) => f.measure === 'expenditure_total' && f.value.toFixed(2) === value);

describe('codes whose 4 read as a dash and a 1', () => {
  it('takes the code the printed name names under its parent, flagged', () => {
    const fs = facts(ROWS);
    for (const [value, code, item] of [['6026.13', '2014001', '行政运行'], ['4.70', '2014002', '航行政管理事务']] as const) {
      const f = totalOf(fs, value)!;
      expect(f.code).toBe(code);
      expect(f.item).toBe(item);
      expect(f.flags).toContain(OCR_CODE_REPAIRED);
    }
    // a name too garbled to say, under a 款 read otherwise (20110): left without a code, flagged
    const other = totalOf(fs, '1788.16')!;
    expect(other.code).toBe('');
    expect(other.flags).toContain(OCR_CODE_UNREAD);
    // the 款 above, 20140 with its 4 read 1 (no code of 2024) and its name garbled, is the prefix of
    // the first 项 under it put right (ocr-code-strokes.ts classesByStrokes)
    const kuan = totalOf(fs, '10683.56')!;
    expect(kuan.code).toBe('20140');
    expect(kuan.flags).toContain(OCR_CODE_REPAIRED);
  });

  it('a garbled name under its parent printed right: the parent decides', () => {
    const rows = ROWS.map((r) => (r[0] === '20110' ? ['20140', ...r.slice(1)] : r));
    const f = totalOf(facts(rows), '1788.16')!;
    expect(f.code).toBe('2014099');
    expect(f.flags).toContain(OCR_CODE_REPAIRED);
  });

  it('a dash that stands for no 4 of a known code is left alone', () => {
    // 2014003 is 机关服务: 行政运行 names another child, and the 款 above is not its parent
    const rows = ROWS.map((r) => (r[0] === '201-1001' ? ['201-1003', ...r.slice(1)] : r));
    expect(totalOf(facts(rows), '6026.13')!.code).toBe('');
  });
});
