// Pages an extractor could not read, or read in part (ExtractResult.pageIssues: OCR that ran out of
// time, a page tesseract could not read, a re-read of cells that failed), reported where readers
// look: one row in checks.csv per page or step, the facts of the cells concerned flagged with the
// check id, and the document `partial` when a page was not read. The rest of the document stands.
import type { PageIssue } from '../model/stages.js';
import type { Box, CheckResult, DocumentRecord, Table } from '../model/types.js';

/** a page was not read: the time limit, or the page could not be read (check id and fact flag) */
export const PAGE_UNREAD = 'ocr_page_unread';
/** a second OCR reading of some cells failed: they keep the first reading (check id and fact flag) */
export const REREAD_FAILED = 'ocr_reread_failed';

const centre = (b: Box): [number, number] => [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
const holds = (b: Box, [x, y]: [number, number]): boolean => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;

/** The printed cell of a fact in its table's grid, with its page. */
function cellOf(t: Table, row: number, col: number): { box: Box; page: number | undefined } | undefined {
  const raw = t.grid.rows[row];
  if (!raw) return undefined;
  // rows shorter than the table are aligned right (normalizers/tables/header.ts alignRows)
  const c = raw[col - Math.max(0, t.columns.length - raw.length)];
  if (!c?.box) return undefined;
  return { box: c.box, page: c.page ?? t.grid.rowPages?.[row] ?? t.page_first };
}

/** Check rows for the issues, and their ids on the facts of the cells concerned. */
export function pageIssueChecks(doc: DocumentRecord, issues: readonly PageIssue[]): CheckResult[] {
  const out: CheckResult[] = [];
  const base = { doc_id: doc.doc_id, expected: '' };
  const unread = issues.filter((i) => i.kind !== 'partial');
  for (const i of unread) {
    out.push({
      ...base, table_id: '', check_id: PAGE_UNREAD, severity: 'error', subject: `page ${i.page}`,
      expected: 'the page read by OCR', actual: i.kind === 'time' ? 'not read: time limit' : 'not read: unreadable',
      message: `page ${i.page} was not read by OCR: ${i.error}; the document's other pages are kept`,
    });
  }
  for (const i of issues.filter((x) => x.kind === 'partial')) {
    // the facts whose cell holds the centre of a cell of the issue (or lies in it)
    const refs: number[] = [];
    const tables = new Set<string>();
    doc.facts.forEach((f, k) => {
      const t = doc.tables.find((x) => x.table_id === f.table_id);
      if (!t || t.method !== 'ocr') return;
      const cell = cellOf(t, f.row, f.col);
      if (!cell || cell.page !== i.page) return;
      if (i.boxes.some((b) => holds(cell.box, centre(b)) || holds(b, centre(cell.box)))) {
        refs.push(k);
        tables.add(t.table_id);
        if (!f.flags.includes(REREAD_FAILED)) f.flags.push(REREAD_FAILED);
      }
    });
    const table = tables.size === 1 ? [...tables][0]! : '';
    out.push({
      ...base, table_id: table, check_id: REREAD_FAILED, severity: 'warning',
      subject: `page ${i.page}: ${i.step}${i.boxes.length ? `, ${i.boxes.length} cell(s)` : ''}`,
      expected: 'the cells read a second time', actual: 'first reading kept',
      message: `page ${i.page}: ${i.step} failed (${i.error})${i.boxes.length ? `; its ${i.boxes.length} cell(s) keep the first OCR reading (${refs.length} fact(s) flagged)` : ''}; the rest of the page is read`,
      ...(refs.length ? { factRefs: refs } : {}),
    });
  }
  return out;
}

/** The one line documents.csv gives a document some of whose pages were not read, or ''. */
export function unreadPagesLine(issues: readonly PageIssue[], pages: number | undefined): string {
  const late = [...new Set(issues.filter((i) => i.kind === 'time').map((i) => i.page))].sort((a, b) => a - b);
  const bad = [...new Set(issues.filter((i) => i.kind === 'unreadable').map((i) => i.page))].sort((a, b) => a - b);
  if (!late.length && !bad.length) return '';
  const list = (p: number[]): string => `${p.slice(0, 10).join(', ')}${p.length > 10 ? ', …' : ''}`;
  const of = pages !== undefined ? ` of ${pages}` : '';
  const parts: string[] = [];
  if (late.length) parts.push(`${late.length}${of} page(s) not read by OCR before the time limit (${list(late)}): raise --page-timeout to read them`);
  if (bad.length) parts.push(`${bad.length}${of} page(s) OCR could not read (${list(bad)}; see checks.csv ${PAGE_UNREAD})`);
  return parts.join('; ') + '; the other pages are kept';
}
