// Tables (and sides of two-sided tables) read by OCR on which no identity could be checked: every
// number flagged ocr_table_unchecked (normalizers/checks/ocr-unchecked-tables.ts). On the 江苏 高院 2017 部门预算
// page (tests/fixtures/pdf), whose 支出总表 prints four numbers no identity of the page ties (its
// rows and totals do not add up to anything printed) while the 财政拨款 tables hold theirs: taken
// as read by OCR, the 支出总表's numbers are flagged and the others stay as they are. A scan read
// so badly that a table's totals and codes are lost leaves a table just as unchecked (a 1-bit
// scan of a 收支总表: 一般公共服务支出 46,284 read 16,281, silent before).
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../normalizers/checks/index.js';
import { flagUncheckedOcrTables, OCR_TABLE_UNCHECKED } from '../../normalizers/checks/ocr-unchecked-tables.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord } from '../../model/types.js';
import { fixture } from '../fixture.js';
import { record } from './helpers.js';
import { makeDoc, PRINTED } from '../ocr-correct/helpers.js';
import { OCR_CELL_UNCHECKED } from '../../normalizers/checks/ocr-unchecked-tables.js';

let doc: DocumentRecord;
beforeAll(async () => {
  doc = await record(fixture('pdf', 'js-gaoyuan-2017-dept-budget.p13.pdf'));
});
const asRead = (method: 'ocr' | 'keep'): DocumentRecord => {
  const d: DocumentRecord = { ...doc, tables: doc.tables.map((t) => (method === 'ocr' ? { ...t, method: 'ocr' as const } : t)), facts: doc.facts.map((f) => ({ ...f, flags: [...f.flags] })) };
  d.checks = runChecks(d, loadTaxonomy());
  return d;
};

describe('an OCR\u2019d table no identity confirms', () => {
  it('has every number flagged, one info row counting them; a table whose identities hold is left alone', () => {
    const d = asRead('ocr');
    const rows = flagUncheckedOcrTables(d);
    const unchecked = d.facts.filter((f) => f.table_kind === 'budget_expenditure');
    const held = d.facts.filter((f) => f.table_kind === 'budget_fiscal_appropriation_expenditure');
    expect(unchecked.length).toBe(4);
    expect(unchecked.every((f) => !f.verified && f.flags.includes(OCR_TABLE_UNCHECKED))).toBe(true);
    expect(held.some((f) => f.verified)).toBe(true);
    expect(held.some((f) => f.flags.includes(OCR_TABLE_UNCHECKED))).toBe(false);
    expect(rows[0]!.factRefs!.map((i) => d.facts[i])).toEqual(unchecked);
    // and a side of a two-sided table on which none held: the 财政拨款收支总表's income side (一、一般公共预算
    // and 收入合计, no sum of two parts or more), while its expenditure side (基本支出 + 项目支出 + … =
    // 支出合计) holds
    const fiscal = d.facts.filter((f) => f.table_kind === 'budget_fiscal_appropriation_summary');
    expect(fiscal.filter((f) => f.flags.includes(OCR_TABLE_UNCHECKED)).map((f) => f.section)).toEqual(['income', 'income']);
    expect(fiscal.filter((f) => f.section === 'expenditure').every((f) => f.verified && !f.flags.includes(OCR_TABLE_UNCHECKED))).toBe(true);
    expect(rows.map((r) => [r.table_id, r.check_id, r.severity, r.actual])).toEqual([[unchecked[0]!.table_id, OCR_TABLE_UNCHECKED, 'info', '4'], [fiscal[0]!.table_id, OCR_TABLE_UNCHECKED, 'info', '2']]);
    expect(rows[1]!.subject).toMatch(/income side/);
  });

  it('is not flagged when the table was read from the text layer', () => {
    const d = asRead('keep');
    expect(flagUncheckedOcrTables(d)).toEqual([]);
    expect(d.facts.some((f) => f.flags.includes(OCR_TABLE_UNCHECKED))).toBe(false);
  });
});

describe('an OCR\u2019d number in no identity of a table its other numbers are checked by', () => {
  // (a 2026 budget's 收支总表 on the unseen photocopy-200 scan: 安全监管, a 项 the taxonomy does not
  // list, read 170.29 for 470.29 under its 款, in no sum; the table's other rows verified)
  const rows = [...PRINTED, ['', '安全监管', '170.29', '', '']] as const;
  it('is flagged, one info row counting it; the numbers identities check are not', () => {
    const d = makeDoc(rows);
    d.checks = runChecks(d, loadTaxonomy());
    const out = flagUncheckedOcrTables(d);
    const lone = d.facts.find((f) => f.item === '安全监管')!;
    expect(lone.flags).toContain(OCR_CELL_UNCHECKED);
    expect(d.facts.filter((f) => f.flags.includes(OCR_CELL_UNCHECKED))).toEqual([lone]);
    expect(out.map((r) => [r.check_id, r.severity, r.actual])).toEqual([[OCR_CELL_UNCHECKED, 'info', '1']]);
  });

  it('is flagged when the one sum it is in holds within its rounding only (no last digit checked)', () => {
    // (a held-out 收支总表 on the unseen photocopy-200 scan read 49.72 as 49.73 in a sum that held
    // within its tolerance; here 134.50 read 134.51, 20101 = 700.06 + 134.51 = 834.57 for 834.56)
    const d = makeDoc(PRINTED.map((r) => (r[0] === '2010102' ? ['2010102', '一般行政管理事务', '134.51', '', ''] : r)));
    d.checks = runChecks(d, loadTaxonomy());
    flagUncheckedOcrTables(d);
    expect(d.facts.find((f) => f.code === '2010102')!.flags).toContain(OCR_CELL_UNCHECKED);
    expect(d.facts.find((f) => f.code === '2010101' && f.measure === 'expenditure_total')!.flags).not.toContain(OCR_CELL_UNCHECKED);
  });

  it('is not flagged from a text layer', () => {
    const d = makeDoc(rows, 'text');
    d.checks = runChecks(d, loadTaxonomy());
    expect(flagUncheckedOcrTables(d)).toEqual([]);
  });
});
