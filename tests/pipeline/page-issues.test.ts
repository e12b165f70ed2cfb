// Pages and cells an extractor could not read are reported where readers look: a checks.csv row per
// page or failed step, the facts of the cells concerned flagged, the document's one line naming the
// pages not read; the rest of the document stands.
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import type { PageIssue } from '../../model/stages.js';
import type { DocumentRecord, Fact, Table } from '../../model/types.js';
import { newRecord } from '../../pipeline/process-document.js';
import { PAGE_UNREAD, REREAD_FAILED, pageIssueChecks, unreadPagesLine } from '../../pipeline/page-issues.js';

function fact(row: number, col: number, value: string): Fact {
  return {
    doc_id: 'd', table_id: 't001', table_kind: 'budget_income', section: '', code: '', code_system: '', item: 'x', canonical_name: '', level: '',
    parent_code: '', cofog: '', measure: 'amount', measure_label: '', value: new Decimal(value), unit: '万元', amount_yuan: null, page: 2, flags: [],
    code_source: '', row, col,
  };
}

/** an OCR'd table on page 2: a header row and two data rows of three cells, each 100 × 20 pt */
function doc(): DocumentRecord {
  const d = newRecord('scan.pdf', new Uint8Array([1, 2, 3]));
  const cell = (r: number, c: number, text: string) => ({ text, page: 2, box: { x0: 100 * c, y0: 20 * r, x1: 100 * c + 100, y1: 20 * r + 20 } });
  const grid = { method: 'ocr' as const, page_first: 2, page_last: 2, rows: [0, 1, 2].map((r) => [0, 1, 2].map((c) => cell(r, c, r ? `${r}${c}.00` : 'h'))) };
  d.tables = [{ table_id: 't001', method: 'ocr', grid, columns: [{}, {}, {}], page_first: 2 } as unknown as Table];
  d.facts = [fact(1, 1, '11'), fact(1, 2, '12'), fact(2, 1, '21'), fact(2, 2, '22')];
  return d;
}

describe('page issues', () => {
  it('a failed re-read flags the facts of its cells and is one warning row; the other facts are untouched', () => {
    const d = doc();
    const issues: PageIssue[] = [{ page: 2, kind: 'partial', step: 'reread-numbers', boxes: [{ x0: 205, y0: 22, x1: 290, y1: 38 }], error: 'tesseract failed: SyntaxError: Unexpected end of JSON input' }];
    const checks = pageIssueChecks(d, issues);
    expect(checks).toEqual([expect.objectContaining({ table_id: 't001', check_id: REREAD_FAILED, severity: 'warning', factRefs: [1] })]);
    expect(checks[0]!.message).toMatch(/page 2: reread-numbers failed .*1 cell\(s\) keep the first OCR reading/);
    expect(d.facts.map((f) => f.flags)).toEqual([[], [REREAD_FAILED], [], []]);
    // the same cells on another page are other cells
    const other = doc();
    expect(pageIssueChecks(other, [{ ...issues[0]!, page: 3 }])[0]!.factRefs).toBeUndefined();
    expect(other.facts.every((f) => !f.flags.length)).toBe(true);
  });

  it('a page not read is an error row naming it, and the document line names the pages', () => {
    const d = doc();
    const issues: PageIssue[] = [
      { page: 5, kind: 'time', step: 'page', boxes: [], error: 'the document’s time limit was reached first' },
      { page: 4, kind: 'time', step: 'page', boxes: [], error: 'the document’s time limit was reached first' },
      { page: 3, kind: 'unreadable', step: 'page', boxes: [], error: 'the page image could not be decoded: bad JPX' },
    ];
    const checks = pageIssueChecks(d, issues);
    expect(checks.map((c) => [c.check_id, c.severity, c.subject])).toEqual([[PAGE_UNREAD, 'error', 'page 5'], [PAGE_UNREAD, 'error', 'page 4'], [PAGE_UNREAD, 'error', 'page 3']]);
    const line = unreadPagesLine(issues, 19);
    expect(line).toBe('2 of 19 page(s) not read by OCR before the time limit (4, 5): raise --page-timeout to read them; 1 of 19 page(s) OCR could not read (3; see checks.csv ocr_page_unread); the other pages are kept');
    expect(unreadPagesLine([{ ...issues[0]!, kind: 'partial' }], 19)).toBe('');
  });
});
