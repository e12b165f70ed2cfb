// A second reading that only a copy agrees with: the 221 rows of the 一般公共预算财政拨款支出决算表 of
// 国家信访局 2024 as read on the dev grid's fax45-200 scan (values as OCR read them after the cell
// repairs; 22102's total `K040.85` unreadable, left out). 221 prints 980.85 in both columns; its 基本支出
// read `980,83`. The total read again (dark, thick) gave 980.83 too: with it 221: total = basic holds,
// and no other sum holds or fails on that cell. A copy holds with either cell's reading, so a
// reading taken alone needs a sum of two or more other amounts, or two copies, that hold with it
// (normalizers/ocr-correct/reread.ts witnessed); before, the right 980.85 was "repaired" to 980.83.
import { describe, expect, it } from 'vitest';
import { rereadFailingSums } from '../../normalizers/ocr-correct/reread.js';
import { OCR_REPAIRED } from '../../normalizers/ocr-correct/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { CellRereader } from '../../model/stages.js';
import type { DocumentRecord } from '../../model/types.js';
import { fact, type Row, scanned } from './helpers.js';

const tax = loadTaxonomy();
const LIMITS = { maxCells: 120, maxChanges: 4, maxCombinations: 20_000 };

const READ: Row[] = [
  ['221', '代房保', '980.85', '980.83', ''],
  ['22102', '作房改鞍', '', '480.85', ''],
  ['2210201', '作房公积企', '6.32', '586', ''],
  ['2210202', '提朱补贴', '63.52', '63.52', ''],
  ['2210203', 'LER', '331.00', '331.00', ''],
];


/** the second readings the extractor gave: 221's total as its misread copy */
const reader = (doc: DocumentRecord, readings: Record<string, string>): CellRereader => async (cells) => ({
  cells: cells.map((c) => {
    const f = doc.facts.find((x) => x.box && x.box.x0 === c.box.x0 && x.box.y0 === c.box.y0)!;
    const text = readings[`${f.code}/${f.measure}`];
    return { readings: text ? [{ how: 'dark', text }] : [] };
  }),
  problems: [],
});

describe('a second reading that only a copy agrees with', () => {
  it('is not taken alone', async () => {
    const doc = scanned(READ, tax);
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, reader(doc, { '221/expenditure_total': '980.83' }), LIMITS);
    const f = fact(doc, '221', 'expenditure_total');
    expect(f.value.toFixed(2)).toBe('980.85');
    expect(f.flags).not.toContain(OCR_REPAIRED);
  });

  it('is taken when a sum of other amounts holds with it', async () => {
    // (a variant read right but for 22102's 基本支出: 480.85, read again 980.85) 22102 = Σ children
    // (586.32 + 63.52 + 331.00) holds with the reading: it is told by more than a copy
    const rows = READ.map((r): Row => (r[0] === '221' ? ['221', '代房保', '980.85', '980.85', ''] : r[0] === '2210201' ? ['2210201', '作房公积企', '586.32', '586.32', ''] : r));
    const doc = scanned(rows, tax);
    expect(fact(doc, '22102', 'basic').value.toFixed(2)).toBe('480.85');
    doc.checks = await rereadFailingSums(doc, tax, doc.checks, reader(doc, { '22102/basic': '980.85' }), LIMITS);
    expect(fact(doc, '22102', 'basic').value.toFixed(2)).toBe('980.85');
    expect(fact(doc, '22102', 'basic').flags).toContain(OCR_REPAIRED);
  });
});
