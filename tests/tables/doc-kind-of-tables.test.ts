// A 部门预算 whose cover a 1-bit scan misread (医疗保障局 2026 on the dev fax-200 and fax45-200 scans of the
// OCR grid bench: no 部门预算 / 预算表 / 预算数 read anywhere, doc_kind `other`), its tables read as
// 收支总体情况表, 收入总体情况表 and 一般公共预算支出情况表 (budget kinds): the document kind its tables'
// kinds tell (normalizers/document/context.ts docKindOfTables). Tables of two document kinds, one
// table only, or a table from a text layer tell nothing.
import { describe, expect, it } from 'vitest';
import { docKindOfTables } from '../../normalizers/document/context.js';
import { kindById } from '../../normalizers/tables/kinds.js';

const docKindOf = (k: string) => kindById(k)?.doc_kind;
const ocr = (...kinds: string[]) => kinds.map((table_kind) => ({ method: 'ocr', table_kind }));

describe('the document kind its OCR\'d tables tell', () => {
  it('is the kind of document all its tables of a known kind belong to', () => {
    expect(docKindOfTables(ocr('budget_income_expenditure_summary', 'budget_income', 'budget_general_expenditure', 'unknown'), docKindOf)).toBe('budget');
    expect(docKindOfTables(ocr('income_expenditure_summary', 'income', 'expenditure'), docKindOf)).toBe('final_accounts');
  });

  it('is none when the tables disagree, are too few, or one came from a text layer', () => {
    expect(docKindOfTables(ocr('budget_income', 'income'), docKindOf)).toBeUndefined();
    expect(docKindOfTables(ocr('budget_income', 'unknown'), docKindOf)).toBeUndefined();
    expect(docKindOfTables([...ocr('budget_income', 'budget_general_expenditure'), { method: 'text', table_kind: 'budget_income' }], docKindOf)).toBeUndefined();
  });
});
