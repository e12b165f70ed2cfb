// A 部门预算 whose cover a 1-bit scan misread (医疗保障局 2026 on the dev fax-200 and fax45-200 scans of the
// OCR grid bench: no 部门预算 / 预算表 / 预算数 read anywhere, doc_kind `other`), its tables read as
// 收支总体情况表, 收入总体情况表 and 一般公共预算支出情况表 (budget kinds): the document kind its tables'
// kinds tell (normalizers/document/context.ts docKindOfTables). Tables of two document kinds, one
// table only, or a table from a text layer tell nothing.
import { describe, expect, it } from 'vitest';
import { docKindOfTables, docKindOverPerformanceWords } from '../../normalizers/document/context.js';
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

// 北京市医疗保障局's 2026 预算表 extract (the corpus's bj-yibaoju-2026-dept-budget-tables.pdf, text
// layer): it opens on 预算01表收支总表 and prints no 部门预算 at its head, so its 绩效目标 words made it a
// performance evaluation, though its thirteen tables are a 部门预算's (their kinds as read, below).
describe('a document whose words say 绩效 and whose tables are a budget\'s', () => {
  const BJ = ['budget_income_expenditure_summary', 'budget_income', 'budget_expenditure', 'budget_fiscal_appropriation_summary', 'budget_general_expenditure', 'budget_general_basic_expenditure', 'budget_government_fund', 'budget_state_capital', 'budget_three_public', 'budget_procurement', 'budget_purchase_services', 'performance_target', 'performance_target', 'unknown'].map((table_kind) => ({ table_kind }));
  it('is of the kind its tables tell', () => {
    expect(docKindOverPerformanceWords('performance_evaluation', BJ, docKindOf)).toBe('budget');
  });

  it("stays as its words say with an evaluation's own tables, too few tables, or other words", () => {
    expect(docKindOverPerformanceWords('performance_evaluation', [...BJ, { table_kind: 'performance_self_evaluation' }], docKindOf)).toBeUndefined();
    expect(docKindOverPerformanceWords('performance_evaluation', BJ.slice(0, 2), docKindOf)).toBeUndefined();
    expect(docKindOverPerformanceWords('final_accounts', BJ, docKindOf)).toBeUndefined();
  });
});
