// What OCR did to the scanned 上海普陀 万里街道 2024 部门收入预算总表 (p. 11), replayed on the real
// text-layer tables: the table is marked as read by OCR and the damage OCR does is put into it.
// - `1, 106, 000` read as `106,000` in 20133 宣传事务 AND in its only 项 2013302: the one-child
//   identity holds, only the 类 identity above fails; the 项 must not come out silent.
// - `21011` read as `21014` for 行政事业单位医疗 (not a code): the printed name names 21011 under 210,
//   one digit away, so the code is taken back and flagged.
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { readFileSync } from 'node:fs';
import { processDocument } from '../../pipeline/process-document.js';
import { runChecks } from '../../normalizers/checks/index.js';
import { factsOfTable, OCR_CODE_REPAIRED, OCR_CODE_UNREAD, repairOcrLabel } from '../../normalizers/facts/index.js';
import { locateTables } from '../../normalizers/tables/locate.js';
import { understandTable } from '../../normalizers/tables/understand.js';
import { approxMeasureOf, classifyTitle, kindById } from '../../normalizers/tables/kinds.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord, Fact, GridCell, Table } from '../../model/types.js';
import { corpusPath } from '../extractors/pdf/corpus.js';

const tax = loadTaxonomy();
const PUTUO = corpusPath('sh-putuo-wanlijiedao-2024-dept-budget.pdf'); // the whole document
const read = (): Promise<DocumentRecord> => processDocument(PUTUO, new Uint8Array(readFileSync(PUTUO)));

/** the document read afresh, its tables of `kind` marked as OCR'd, the check flags cleared */
async function asOcr(kind: string): Promise<DocumentRecord> {
  const doc = await read();
  for (const f of doc.facts) f.flags = f.flags.filter((x) => x === 'provisional_code');
  for (const t of doc.tables) if (t.table_kind === kind) t.method = 'ocr';
  return doc;
}

describe('OCR doubt shared along a one-child identity', () => {
  it('the same digits lost in a 款 and its only 项: both flagged', async () => {
    const doc = await asOcr('budget_income');
    const hit = doc.facts.filter((f) => f.table_kind === 'budget_income' && ['20133', '2013302'].includes(f.code) && f.measure === 'income_total');
    expect(hit.map((f) => f.value.toFixed(0))).toEqual(['1106000', '1106000']);
    for (const f of hit) f.value = new Decimal('106000');
    doc.checks = runChecks(doc, tax);
    const kuan = hit.find((f) => f.code === '20133')!;
    const xiang = hit.find((f) => f.code === '2013302')!;
    expect(kuan.flags).toContain('hierarchy_sum');
    expect(xiang.flags).toContain('hierarchy_sum');
    // a 款 with two 项 (20105 has one, 208 05 has five): the five are not touched
    const siblings = doc.facts.filter((f) => f.table_kind === 'budget_income' && f.code.startsWith('20805') && f.code.length === 7 && f.measure === 'income_total');
    expect(siblings.length).toBeGreaterThan(1);
    expect(siblings.every((f) => !f.flags.includes('hierarchy_sum'))).toBe(true);
  });

  it('nothing is shared in a table with a text layer', async () => {
    const doc = await read();
    const hit = doc.facts.filter((f) => f.table_kind === 'budget_income' && ['20133', '2013302'].includes(f.code) && f.measure === 'income_total');
    for (const f of hit) f.value = new Decimal('106000');
    for (const f of doc.facts) f.flags = [];
    doc.checks = runChecks(doc, tax);
    expect(hit.find((f) => f.code === '20133')!.flags).toContain('hierarchy_sum');
    expect(hit.find((f) => f.code === '2013302')!.flags).not.toContain('hierarchy_sum');
  });
});

describe('an OCR-misread code taken back from its printed name', () => {
  const factsOf = (t: Table, doc: DocumentRecord) => factsOfTable(t, { doc_id: doc.doc_id, fiscal_year: '2024', defaultUnit: '元', taxonomy: tax });

  it('21014 行政事业单位医疗 → 21011, flagged; a text layer keeps what it prints', async () => {
    const doc = await asOcr('budget_general_expenditure');
    const table = doc.tables.find((t) => t.table_kind === 'budget_general_expenditure')!;
    const row = table.rows.find((r) => r.code === '21011')!;
    expect(row.item).toBe('行政事业单位医疗');
    row.code = '21014';
    const facts = factsOf(table, doc).filter((f) => f.row === row.rowIndex);
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((f) => f.code === '21011' && f.flags.includes(OCR_CODE_REPAIRED) && f.canonical_name === '行政事业单位医疗')).toBe(true);
    table.method = 'ruled';
    expect(factsOf(table, doc).filter((f) => f.row === row.rowIndex).every((f) => f.code === '21014' && !f.flags.includes(OCR_CODE_REPAIRED))).toBe(true);
  });

  it('a code two digits away, or a name that does not name a code under the parent, is left as read', async () => {
    const doc = await asOcr('budget_general_expenditure');
    const table = doc.tables.find((t) => t.table_kind === 'budget_general_expenditure')!;
    const row = table.rows.find((r) => r.code === '21011')!;
    row.code = '21044';
    expect(factsOf(table, doc).filter((f) => f.row === row.rowIndex).every((f) => f.code === '21044')).toBe(true);
    row.code = '21014';
    row.item = '行政事业单位';
    expect(factsOf(table, doc).filter((f) => f.row === row.rowIndex).every((f) => f.code === '21014')).toBe(true);
  });
});

// The same tables read again from their located grids, with what OCR did to the 烟台 2026 收入总体
// 情况表 at 150 dpi put into them: the 款 column lost (`08`, `05`, `27` not read) in a layout that
// prints the 类 only on its own row, a header word misread by one character (般公共预算收入 for
// 一般公共预算收入).
const YT = corpusPath('yt-yibaoju-2026-dept-budget.pdf'); // cut to its cover and pp. 7–10 (公开表1, 公开表2)

describe('codes and headers OCR lost, taken back from the structure', () => {
  async function income(file: string, damage: (rows: GridCell[][]) => void) {
    const doc = await processDocument(file, new Uint8Array(readFileSync(file)));
    const cand = locateTables(doc.blocks).find((c) => classifyTitle(c.title, c.table_no, doc.doc_kind)?.id === 'budget_income')!;
    const grid = { ...cand.grid, method: 'ocr' as const, rows: cand.grid.rows.map((r) => r.map((c) => ({ ...c }))) };
    damage(grid.rows);
    const table = understandTable({ ...cand, grid }, classifyTitle(cand.title, cand.table_no, doc.doc_kind), 't002');
    return { table, facts: factsOfTable(table, { doc_id: doc.doc_id, fiscal_year: doc.fiscal_year || '2024', defaultUnit: '元', taxonomy: tax }) };
  }
  const LEI = 0;
  const KUAN = 1; // 类 | 款 | 项 | 名称 | 合计 …
  const get = (facts: Fact[], code: string, measure: string) => facts.find((f) => f.code === code && f.measure === measure);
  /** 类 printed on its own row only; the 款 column not read */
  const lostKuan = (rows: GridCell[][]) => {
    for (const r of rows) {
      if (!/^\d{2}$/.test(r[KUAN]?.text ?? '') && !/^\d{2}$/.test(r[2]?.text ?? '')) continue;
      r[LEI]!.text = '';
      r[KUAN]!.text = '';
    }
  };

  it('a lost 款 is found by its name under the 类 above, and its 项 rows carry it again', async () => {
    const { facts } = await income(PUTUO, lostKuan);
    // 208 05 行政事业单位养老支出 and its 项 rows (01 行政单位离退休 …), codes and values as printed
    const kuan = get(facts, '20805', 'income_total')!;
    expect(kuan.item).toBe('行政事业单位养老支出');
    expect(kuan.code_source).toBe('resolved');
    expect(kuan.flags).toContain(OCR_CODE_REPAIRED);
    expect(get(facts, '2080501', 'income_total')?.value.toFixed(0)).toBe('243120');
    expect(get(facts, '2080501', 'income_total')?.item).toBe('行政单位离退休');
    // every 项 of 208 05 is back under its 款
    expect(facts.filter((f) => f.code.startsWith('20805') && f.code.length === 7 && f.measure === 'income_total').length).toBe(5);
  });

  it('a row whose code and name are both unreadable is flagged, not placed', async () => {
    const { facts } = await income(PUTUO, (rows) => {
      lostKuan(rows);
      const r = rows.find((x) => x[3]?.text.includes('统战事务'))!;
      r[3]!.text = 'HEAL ETRE';
    });
    const junk = facts.filter((f) => f.item === 'HEALETRE');
    expect(junk.length).toBeGreaterThan(0);
    expect(junk.every((f) => f.code === '' && f.flags.includes(OCR_CODE_UNREAD))).toBe(true);
    // the text layer does not do this: nothing there is unread
    expect(facts.filter((f) => f.flags.includes(OCR_CODE_UNREAD)).length).toBe(junk.length);
  });

  it('a header word misread by one character still names its column', async () => {
    const { table, facts } = await income(YT, (rows) => {
      for (const r of rows) for (const c of r) if (c.text.includes('一般公共预算收入')) c.text = c.text.replace('一般公共预算收入', '般公共预算收入');
    });
    expect(table.header.filter((h) => h.endsWith('/ 一般公共预算收入'))).toHaveLength(1);
    expect(get(facts, '205', 'general_budget')?.value.toFixed(2)).toBe('4.70');
    expect(approxMeasureOf(kindById('budget_income'), '财政拨款收入 / 般公共预算收入')).toEqual({ fixed: '一般公共预算收入', measure: 'general_budget' });
    expect(approxMeasureOf(kindById('budget_income'), '合计 / 般公共收入')).toBeUndefined();
  });
});

describe('standard row labels OCR misread (knowledge/row-labels.json)', () => {
  it.each([
    // as OCR read them on the scanned key pages (150/200 dpi)
    ['一航公共预算财政拨款收入', '一般公共预算财政拨款收入'],
    ['一财政拨款收入', '一、财政拨款收入'],
    ['二、上级补助收人', '二、上级补助收入'],
    // as printed: left alone
    ['一般公共预算财政拨款收入', '一般公共预算财政拨款收入'],
    ['三、上级补助收入', '三、上级补助收入'],
    // 年未 is one character from both 年末 and 年初: not guessed
    ['年未结转和结余', '年未结转和结余'],
    // the labels of the 2026 部门预算 收支总表 (row-labels.json's last line), as the unseen scans read
    // them: the 、 lost, the 一 of 一般 lost, the 二、 read as Latin and a mark
    ['一一般公共预算拨款收入', '一、一般公共预算拨款收入'],
    ['一、般公共预算拨款收入', '一、一般公共预算拨款收入'],
    ['is:政府性基金预算拨款收入', '政府性基金预算拨款收入'],
    ['3.国有资本经营预算拨歉', '3.国有资本经营预算拨款'],
    // the nearest of two labels when the other is further: 一般公共预算财政拨款收入 (one edit), not
    // 一般公共预算拨款收入 (three)
    ['一航公共预算财政拨款收入', '一般公共预算财政拨款收入'],
    ['HEALETRE', 'HEALETRE'],
    ['收入', '收入'],
  ])('%s → %s', (read, want) => {
    expect(repairOcrLabel(read)).toBe(want);
  });
});
