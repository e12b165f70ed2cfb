// A table carried on to the next page, read by OCR: each page is a table of its own, and the first
// rows of the second page have no code above them. The 一般公共预算支出情况表 of a 2026 医疗保障局 budget
// on a dev fax scan (yt, fax45-200) read 医疗救助 at the top of its second page with the 21013 of its
// code column lost, under 2101202 at the foot of the first page. Alone, the page cannot place it:
// 医疗救助 is no 类. Carried on under the first page's last 类 and 款 (210, 21012), it is the 款 21013
// of 210, and the rows below it its 项 (normalizers/facts/ocr-carried-context.ts, inferLostCodes).
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { carriedContext } from '../../normalizers/facts/ocr-carried-context.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import type { DocumentRecord, Table } from '../../model/types.js';

const tax = loadTaxonomy();
const HEAD = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
const PAGE6 = [
  HEAD,
  ['', '合计', '12285.00', '0.00', '12285.00'],
  ['210', '卫生健康支出', '12285.00', '0.00', '12285.00'],
  ['21012', '财政对基本医疗保险基金的补助', '8000.00', '0.00', '8000.00'],
  ['2101202', '财政对城乡居民基本医疗保险基金的补助', '8000.00', '0.00', '8000.00'],
];
// the code column of the first rows lost; one name misread by a character (事务 read 事夙)
const PAGE7 = [
  HEAD,
  ['', '医疗救助', '4285.00', '0.00', '4285.00'],
  ['', '城乡医疗救助', '4285.00', '0.00', '4285.00'],
  ['', '医疗保障管理事夙', '820.00', '0.00', '820.00'],
  ['', '一般行政管理事务', '400.00', '0.00', '400.00'],
  ['', '医疗保障经办事务', '420.00', '0.00', '420.00'],
];

function docWith(first: Table): DocumentRecord {
  const facts = factsOfTable(first, { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax });
  return { doc_id: 'd', tables: [first], facts } as unknown as DocumentRecord;
}

const codes = (t: Table, carried?: { cls: string; kuan: string }): Map<string, string> => {
  const fs = factsOfTable(t, { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: tax, ...(carried ? { carried } : {}) });
  return new Map(fs.filter((f) => f.measure === 'expenditure_total').map((f) => [f.item, f.code]));
};

describe('an OCR table carried on from the page before', () => {
  const first = understandRows(PAGE6, { kind: 'expenditure', tableId: 't005', page: 6 });
  const second = understandRows(PAGE7, { kind: 'expenditure', tableId: 't006', page: 7 });

  it('starts under the last 类 and 款 of that page: its lost codes are inferred', () => {
    const carried = carriedContext(docWith(first), second);
    expect(carried).toEqual({ cls: '210', kuan: '21012' });
    const got = codes(second, carried);
    expect(got.get('医疗救助')).toBe('21013');
    expect(got.get('城乡医疗救助')).toBe('2101301');
    expect(got.get('医疗保障管理事夙')).toBe('21015');
    expect(got.get('一般行政管理事务')).toBe('2101502');
    expect(got.get('医疗保障经办事务')).toBe('2101506');
    // the page alone places none of them
    for (const code of codes(second).values()) expect(code).toBe('');
  });

  it('not from a table of another kind, another page than the one before, or a text layer', () => {
    const doc = docWith(first);
    expect(carriedContext(doc, understandRows(PAGE7, { kind: 'expenditure', tableId: 't006', page: 8 }))).toBeUndefined();
    expect(carriedContext(doc, understandRows(PAGE7, { kind: 'income', tableId: 't006', page: 7 }))).toBeUndefined();
    expect(carriedContext(docWith(understandRows(PAGE6, { kind: 'expenditure', tableId: 't005', page: 6 }, 'ruled')), second)).toBeUndefined();
  });
});
