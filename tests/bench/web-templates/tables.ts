// The answer-key documents' tables as frozen by tests/fixtures/web-templates/freeze.mjs (their
// layouts as reconstructed from the key PDFs: header rows, spans, cell text as printed, title,
// table number and unit), and the helpers the page and workbook templates share.
import { readFileSync } from 'node:fs';

/** a cell as frozen: its text, or [text, rowSpan, colSpan] for a merged cell; null where a merge covers it */
type FrozenCell = string | [string, number, number] | null;

export interface KeyTable {
  kind: string;
  title: string;
  table_no: string;
  unit: string;
  headerRows: number;
  rows: FrozenCell[][];
  /** (generated pages) the row where the header rows are printed again */
  repeatedHeaderAt?: number;
  /** (generated pages) how many header rows are printed there (all of them unless a part) */
  repeatedHeaderRows?: number;
}

export interface KeyDoc {
  /** the key PDF's base name (the `source` of its key rows, less `.pdf`) */
  source: string;
  issuer: string;
  fiscal_year: string;
  doc_kind: string;
  /** the key file, relative to the repository */
  key: string;
  tables: KeyTable[];
}

export function loadKeyDocs(file: string): KeyDoc[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { docs: KeyDoc[] }).docs;
}

/** an origin cell placed in the grid */
export interface Placed {
  text: string;
  r: number;
  c: number;
  rs: number;
  cs: number;
}

/** The origin cells of a table, row by row (covered positions left out), and its width. */
export function placed(t: KeyTable): { rows: Placed[][]; width: number } {
  const width = Math.max(0, ...t.rows.map((r) => r.length));
  const rows = t.rows.map((row, r) => {
    const out: Placed[] = [];
    // a row the reconstruction left short (合计 printed across the code columns) prints its
    // first cell across the missing columns
    let shift = 0;
    row.forEach((cell, c) => {
      if (cell === null) return;
      const extra = out.length === 0 && row.length < width && !AMOUNT.test(typeof cell === 'string' ? cell : cell[0]) ? width - row.length : 0;
      if (typeof cell === 'string') out.push({ text: cell, r, c: c + shift, rs: 1, cs: 1 + extra });
      else out.push({ text: cell[0], r, c: c + shift, rs: cell[1], cs: cell[2] + extra });
      shift += extra;
    });
    return out;
  });
  return { rows, width };
}

/** a printed amount (1,234.50, -5.21, 0.00) */
export const AMOUNT = /^-?[\d,]*\d(\.\d+)?$/;
/** a printed classification code */
export const CODE = /^\d{3}(\d{2}){1,2}$/;

/** The title as a page prints it above the table: the frozen one, or one by kind when the PDF
 *  printed it in a way the reconstruction did not keep. */
export function titleOf(doc: KeyDoc, t: KeyTable): string {
  return t.title || `${doc.fiscal_year}年${KIND_TITLES[t.kind] ?? '部门预算表'}`;
}

const KIND_TITLES: Record<string, string> = {
  budget_income_expenditure_summary: '部门收支总表',
  budget_income: '部门收入总表',
  budget_expenditure: '部门支出总表',
  budget_general_expenditure: '一般公共预算支出表',
  budget_general_basic_expenditure: '一般公共预算基本支出表',
  budget_three_public: '一般公共预算“三公”经费支出表',
  income_expenditure_summary: '收入支出决算总表',
  income: '收入决算表',
  expenditure: '支出决算表',
  general_budget_expenditure: '一般公共预算财政拨款支出决算表',
};

/** What the document is, as a page's heading says it. */
export function docHeading(doc: KeyDoc): string {
  const what = doc.doc_kind === 'final_accounts' ? '部门决算' : '部门预算';
  return `${doc.issuer}${doc.fiscal_year}年度${what}公开`;
}

/** The key rows of a document with `source` renamed to the generated file's name, and the values
 *  of a table kind the file prints in another unit scaled by 10^shift[kind] (the key gives values
 *  in the unit printed). */
export function renamedKey(repo: string, doc: KeyDoc, file: string, shift: Record<string, number> = {}): string[] {
  const lines = readFileSync(`${repo}/${doc.key}`, 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const s = head.indexOf('source');
  const out: string[] = [];
  for (const l of lines.slice(1)) {
    // the source is the first column in every key; keep the rest of the line as written
    if (s !== 0 || !l.startsWith(`${doc.source}.pdf,`)) throw new Error(`${doc.key}: unexpected row ${l.slice(0, 60)}`);
    const row = file + l.slice(doc.source.length + 4);
    const k = shift[row.split(',')[1]!];
    out.push(k ? row.replace(/[^,]*$/, (v) => scaled(v, k)) : row);
  }
  return out;
}

/** a key value (a plain decimal) times 10^k, exactly */
function scaled(v: string, k: number): string {
  const neg = v.startsWith('-');
  const [i = '0', f = ''] = v.replace(/^-/, '').split('.');
  const frac = f.padEnd(k, '0');
  const int = (i + frac.slice(0, k)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(k);
  return `${neg ? '-' : ''}${int}${rest ? `.${rest}` : ''}`;
}

/** the header line every key shares */
export function keyHeader(repo: string, doc: KeyDoc): string {
  return readFileSync(`${repo}/${doc.key}`, 'utf8').split('\n')[0]!;
}
