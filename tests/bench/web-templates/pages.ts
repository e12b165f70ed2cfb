// Site templates for the answer-key tables: each shape renders a key document's tables into the
// page markup government sites publish (a portal page whose two-column layout table holds the
// article, div grids, Word "save as web page" exports, Excel web exports, plain pages) with the
// title, 公开NN表 number and unit printed the ways those sites print them (lines, a layout table
// around each table, a one-row 部门/单位 table, rows inside the data table, a caption), header rows
// with or without <th>, &nbsp; padding, <br> inside codes, split 类/款/项 columns, 三公 items across,
// and each legal Chinese encoding declared by HTTP (the charset passed to the extractor), by <meta>,
// wrongly (ISO-8859-1 over GBK bytes) or not at all; content-system article boxes (TRS_Editor,
// zoom) with inline styles, captions under the tables, the unit floated into the title's line,
// <strong> header cells, several <tbody>s, <colgroup>, and the reshapings of transforms.ts; pages
// mixing captions above and below their tables, units printed under the tables, UTF-16 without a
// byte-order mark, split code columns whose 类/款 cells span the rows under them, and tables inside
// <font>/<span> wrappers.
import { type KeyDoc, type KeyTable, type Placed, AMOUNT, CODE, docHeading, placed, titleOf } from './tables.js';
import { type NumberStyle, inUnit, repeatHeaderAt, sideBySide, styledAmount } from './transforms.js';

/** utf-16le / utf-16be: without a byte-order mark (a page saved as "Unicode") */
export type Encoding = 'utf-8' | 'gbk' | 'gb2312' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface PageShape {
  name: string;
  /** dev: rules may be tuned on it; report: scored only, never tuned on */
  set: 'dev' | 'report';
  encoding: Encoding;
  /** where the charset is declared: <meta charset>, <meta http-equiv>, the HTTP header, nowhere, or
   *  ISO-8859-1 over the bytes of another encoding (in a meta or the HTTP header) */
  declare: 'meta' | 'http-equiv' | 'http' | 'none' | 'latin1-meta' | 'latin1-http';
  /** portal: a page-frame table whose cell holds the article; portal-flat: the same with the menu
   *  as cells of the frame itself; trs / zoom: a content-management system's article box
   *  (<div class="TRS_Editor">, <div id="zoom">) with inline styles on every element */
  frame: 'plain' | 'portal' | 'portal-flat' | 'div' | 'word' | 'excel' | 'trs' | 'zoom';
  /** how title, number and unit are printed with each table: lines, a layout table around it, a
   *  one-row 部门/单位 table, rows inside the data table, a caption, a one-row table of title,
   *  department (no label) and unit */
  wrap: 'lines' | 'layout' | 'meta-table' | 'in-grid' | 'caption' | 'title-table' | 'title-below' | 'unit-in-title' | 'mixed-captions' | 'unit-after';
  /** header cells: <th> in <thead>, <th> in the body, plain <td>, or <td> with the text in <strong> */
  header: 'thead' | 'th' | 'td' | 'td-bold';
  nbsp?: boolean;
  codeBreak?: boolean;
  splitCodes?: boolean;
  noSeparators?: boolean;
  /** 三公 tables printed as item | amount rows are printed with the items across */
  threeAcross?: boolean;
  /** tables longer than this many data rows are printed in pieces (page breaks of a Word export,
   *  a page number between), each repeating the header rows */
  pageBreaks?: number;
  /** 06 基本支出 and 三公 item | amount tables printed as this many blocks side by side */
  sideBySide?: number;
  /** tables in 万元 printed in 元 (all of them, or every other table of a page) */
  yuan?: 'all' | 'alternate';
  /** how amounts and empty amount cells are printed */
  numbers?: NumberStyle;
  /** the body rows in <tbody>s of this many rows */
  tbodies?: number;
  /** a <colgroup> of <col> widths */
  colgroup?: boolean;
  /** the header rows printed again in the middle of the table (true: as they are; or only as one
   *  flat row of the lowest header words; or with other spacing, brackets and a unit added) */
  repeatHeader?: boolean | 'last-row' | 'altered';
  /** header words of five characters or more broken over two lines (<br>) */
  headerBreaks?: boolean;
  /** with splitCodes: a 类 (款) code printed once, its cell spanning the rows under it (rowspan) */
  rowspanCodes?: boolean;
  /** each table inside inline wrappers (<font size=2><span style>…</span></font>) */
  inlineWrap?: boolean;
}

export const PAGE_SHAPES: PageShape[] = [
  { name: 'plain-utf8', set: 'dev', encoding: 'utf-8', declare: 'meta', frame: 'plain', wrap: 'lines', header: 'thead' },
  { name: 'portal-meta-table-gb2312', set: 'dev', encoding: 'gb2312', declare: 'http-equiv', frame: 'portal', wrap: 'meta-table', header: 'td' },
  { name: 'portal-layout-gbk-http', set: 'dev', encoding: 'gbk', declare: 'http', frame: 'portal', wrap: 'layout', header: 'td' },
  { name: 'div-nbsp-utf8-undeclared', set: 'dev', encoding: 'utf-8', declare: 'none', frame: 'div', wrap: 'lines', header: 'td', nbsp: true },
  { name: 'word-codebreak-gb2312', set: 'dev', encoding: 'gb2312', declare: 'http-equiv', frame: 'word', wrap: 'lines', header: 'td', codeBreak: true },
  { name: 'excel-in-grid-gbk', set: 'dev', encoding: 'gbk', declare: 'http-equiv', frame: 'excel', wrap: 'in-grid', header: 'td', noSeparators: true },
  { name: 'split-codes-caption-gb18030', set: 'dev', encoding: 'gb18030', declare: 'meta', frame: 'plain', wrap: 'caption', header: 'th', splitCodes: true },
  { name: 'div-three-across-utf8-http', set: 'dev', encoding: 'utf-8', declare: 'http', frame: 'div', wrap: 'meta-table', header: 'th', threeAcross: true, noSeparators: true },
  { name: 'gbk-labelled-latin1-meta', set: 'dev', encoding: 'gbk', declare: 'latin1-meta', frame: 'plain', wrap: 'lines', header: 'th' },
  { name: 'word-page-breaks-gbk-http', set: 'dev', encoding: 'gbk', declare: 'http', frame: 'word', wrap: 'lines', header: 'td', pageBreaks: 20 },
  { name: 'portal-flat-title-table-utf8', set: 'dev', encoding: 'utf-8', declare: 'http-equiv', frame: 'portal-flat', wrap: 'title-table', header: 'td', pageBreaks: 25 },
  { name: 'trs-fullwidth-dashes-utf8', set: 'dev', encoding: 'utf-8', declare: 'meta', frame: 'trs', wrap: 'lines', header: 'td-bold', colgroup: true, tbodies: 15, numbers: { fullWidth: true, negative: 'paren', dashes: ['-', '—', '－', '/'] } },
  { name: 'side-by-side-06-gbk', set: 'dev', encoding: 'gbk', declare: 'http-equiv', frame: 'plain', wrap: 'lines', header: 'td', sideBySide: 2 },
  { name: 'title-below-yuan-utf8-http', set: 'dev', encoding: 'utf-8', declare: 'http', frame: 'div', wrap: 'title-below', header: 'th', yuan: 'all' },
  { name: 'zoom-mixed-units-repeat-header-gb2312', set: 'dev', encoding: 'gb2312', declare: 'http-equiv', frame: 'zoom', wrap: 'meta-table', header: 'td', yuan: 'alternate', repeatHeader: true, headerBreaks: true, numbers: { negative: 'fullwidth-minus' } },
  { name: 'unit-in-title-mixed-units-utf8', set: 'dev', encoding: 'utf-8', declare: 'meta', frame: 'trs', wrap: 'unit-in-title', header: 'th', yuan: 'alternate' },
  { name: 'trs-fullwidth-gbk-labelled-latin1-http', set: 'dev', encoding: 'gbk', declare: 'latin1-http', frame: 'trs', wrap: 'lines', header: 'td', numbers: { fullWidth: true, negative: 'paren' } },
  { name: 'split-codes-td-bold-tbodies-gbk', set: 'dev', encoding: 'gbk', declare: 'meta', frame: 'plain', wrap: 'lines', header: 'td-bold', splitCodes: true, tbodies: 10, colgroup: true, codeBreak: true },
  { name: 'mixed-captions-gbk', set: 'dev', encoding: 'gbk', declare: 'http-equiv', frame: 'plain', wrap: 'mixed-captions', header: 'td' },
  { name: 'unit-after-div-utf8', set: 'dev', encoding: 'utf-8', declare: 'meta', frame: 'div', wrap: 'unit-after', header: 'th', yuan: 'alternate' },
  { name: 'repeat-last-row-gb2312', set: 'dev', encoding: 'gb2312', declare: 'http-equiv', frame: 'plain', wrap: 'lines', header: 'td', repeatHeader: 'last-row' },
  { name: 'trs-repeat-altered-utf8', set: 'dev', encoding: 'utf-8', declare: 'meta', frame: 'trs', wrap: 'lines', header: 'td-bold', repeatHeader: 'altered' },
  { name: 'utf16le-undeclared', set: 'dev', encoding: 'utf-16le', declare: 'none', frame: 'plain', wrap: 'lines', header: 'th' },
  { name: 'rowspan-codes-font-span-gbk', set: 'dev', encoding: 'gbk', declare: 'http-equiv', frame: 'plain', wrap: 'lines', header: 'td', splitCodes: true, rowspanCodes: true, inlineWrap: true },
  // reporting shapes: other combinations of the same features, never tuned on
  { name: 'R-trs-rowspan-codes-font-span-mixed-captions-gb18030', set: 'report', encoding: 'gb18030', declare: 'meta', frame: 'trs', wrap: 'mixed-captions', header: 'td-bold', splitCodes: true, rowspanCodes: true, inlineWrap: true, threeAcross: true },
  { name: 'R-zoom-mixed-captions-yuan-utf8', set: 'report', encoding: 'utf-8', declare: 'http', frame: 'zoom', wrap: 'mixed-captions', header: 'td', yuan: 'alternate', splitCodes: true },
  { name: 'R-word-unit-after-repeat-last-row-gbk', set: 'report', encoding: 'gbk', declare: 'none', frame: 'word', wrap: 'unit-after', header: 'td', repeatHeader: 'last-row', yuan: 'alternate' },
  { name: 'R-portal-utf16be-repeat-altered', set: 'report', encoding: 'utf-16be', declare: 'http-equiv', frame: 'portal', wrap: 'meta-table', header: 'th', repeatHeader: 'altered', nbsp: true },
  { name: 'R-trs-side-by-side-3-title-below-gbk', set: 'report', encoding: 'gbk', declare: 'meta', frame: 'trs', wrap: 'title-below', header: 'td', sideBySide: 3, numbers: { fullWidth: true, dashes: ['—'] } },
  { name: 'R-zoom-yuan-split-codes-tbodies-gb18030', set: 'report', encoding: 'gb18030', declare: 'http', frame: 'zoom', wrap: 'lines', header: 'td-bold', yuan: 'all', splitCodes: true, tbodies: 12, numbers: { negative: 'paren', dashes: ['－', '/'] } },
  { name: 'R-div-repeat-header-three-across-utf8', set: 'report', encoding: 'utf-8', declare: 'none', frame: 'div', wrap: 'caption', header: 'thead', repeatHeader: true, threeAcross: true, headerBreaks: true, colgroup: true, numbers: { fullWidth: true, negative: 'fullwidth-minus' } },
  { name: 'R-portal-lines-gb18030-http', set: 'report', encoding: 'gb18030', declare: 'http', frame: 'portal', wrap: 'lines', header: 'td', nbsp: true, codeBreak: true },
  { name: 'R-word-meta-table-gbk-undeclared', set: 'report', encoding: 'gbk', declare: 'none', frame: 'word', wrap: 'meta-table', header: 'td', splitCodes: true },
  { name: 'R-div-layout-utf8-http-equiv', set: 'report', encoding: 'utf-8', declare: 'http-equiv', frame: 'div', wrap: 'layout', header: 'thead', threeAcross: true },
  { name: 'R-excel-nbsp-utf8', set: 'report', encoding: 'utf-8', declare: 'meta', frame: 'excel', wrap: 'in-grid', header: 'td', nbsp: true },
  { name: 'R-portal-in-grid-gbk-latin1-http', set: 'report', encoding: 'gbk', declare: 'latin1-http', frame: 'portal', wrap: 'in-grid', header: 'th' },
];

export interface Page {
  file: string;
  bytes: Uint8Array;
  /** the charset the HTTP header declares, for the extractor */
  charset?: string;
  /** by table kind: the power of ten its amounts were scaled by (printed in 元, keyed in 万元) */
  shift: Record<string, number>;
  /** by table kind: the unit the page prints it in */
  units: Record<string, string>;
}

/** The key document's tables as the shape reshapes them: in 元, side by side, the header again in
 *  the middle. */
function prepareTables(doc: KeyDoc, shape: PageShape): { tables: KeyTable[]; shift: Record<string, number>; units: Record<string, string> } {
  const shift: Record<string, number> = {};
  const units: Record<string, string> = {};
  const tables = doc.tables.map((t, i) => {
    let x = t;
    if (shape.yuan === 'all' || (shape.yuan === 'alternate' && i % 2 === 0)) {
      const s = inUnit(x, '元');
      x = s.table;
      if (s.shift) shift[t.kind] = s.shift;
    }
    if (shape.sideBySide) x = sideBySide(x, shape.sideBySide);
    if (shape.repeatHeader) x = repeatHeaderAt(x, Math.ceil((x.rows.length - x.headerRows) / 2), shape.repeatHeader === true ? 'same' : shape.repeatHeader);
    units[t.kind] = x.unit;
    return x;
  });
  return { tables, shift, units };
}

// ---- cells ---------------------------------------------------------------------------------------

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Cell extends Placed {
  head: boolean;
  /** in a column of amounts (an empty cell there may print a dash) */
  amountCol?: boolean;
  /** a split code's 类 (0), 款 (1) or 项 (2) part */
  part?: number;
}

/** Split 类/款/项: the code column becomes three (201 | 06 | 01), its header spans them over a new
 *  header row 类 款 项; tables whose code header cannot take it are left as they are. */
function splitCodeColumns(rows: Cell[][], headerRows: number): Cell[][] {
  const col = codeColumn(rows, headerRows);
  if (col < 0 || headerRows === 0) return rows;
  const last = headerRows - 1;
  const headAt = rows.slice(0, headerRows).flat().find((c) => c.c <= col && c.c + c.cs > col && c.r + c.rs - 1 === last);
  if (!headAt || headAt.cs !== 1 || !/编码|科目|代码/.test(headAt.text)) return rows;
  const out: Cell[][] = rows.map((row, r) =>
    row.flatMap((cell): Cell[] => {
      const covers = cell.c <= col && cell.c + cell.cs > col;
      if (r >= headerRows && cell.c === col && cell.cs === 1 && CODE.test(cell.text)) {
        const t = cell.text;
        const parts = [t.slice(0, 3), t.slice(3, 5), t.slice(5, 7)];
        return parts.map((p, i) => ({ ...cell, text: p, c: col + i, part: i }));
      }
      if (covers) return [{ ...cell, cs: cell.cs + 2 }];
      if (r < headerRows && cell.r + cell.rs - 1 === last) return [{ ...cell, rs: cell.rs + 1 }];
      return [cell];
    }),
  );
  const parts: Cell[] = ['类', '款', '项'].map((text, i) => ({ text, r: headerRows, c: col + i, rs: 1, cs: 1, head: true }));
  out.splice(headerRows, 0, parts);
  return out;
}

/** the column holding the codes of most data rows, or -1 */
function codeColumn(rows: Cell[][], headerRows: number): number {
  const counts = new Map<number, number>();
  for (const row of rows.slice(headerRows)) for (const c of row) if (c.cs === 1 && CODE.test(c.text)) counts.set(c.c, (counts.get(c.c) ?? 0) + 1);
  let best = -1;
  let n = 0;
  for (const [c, k] of counts) if (k > n) [best, n] = [c, k];
  return n >= 3 ? best : -1;
}

/** Split code columns with the 类 (and 款) code printed once: its cell spans the consecutive rows
 *  that share it (201 over 201, 20106, 2010601; 06 over 20106, 2010601). */
function mergeCodeRuns(rows: Cell[][], headerRows: number): Cell[][] {
  const at = (row: Cell[], k: number): string => row.find((x) => x.part === k)?.text ?? '';
  // the run key of a row at a part: the code parts up to it
  const keys = rows.map((row) => [at(row, 0), at(row, 1)]);
  const out = rows.map((row) => [...row]);
  for (const k of [1, 0]) {
    let i = headerRows;
    while (i < out.length) {
      const key = keys[i]!.slice(0, k + 1).join('|');
      const cell = out[i]!.find((x) => x.part === k);
      let j = i + 1;
      if (cell && keys[i]![k]) while (j < out.length && keys[j]!.slice(0, k + 1).join('|') === key && out[j]!.some((x) => x.part === k)) j++;
      if (cell && j - i > 1) {
        cell.rs = j - i;
        for (let r = i + 1; r < j; r++) out[r] = out[r]!.filter((x) => x.part !== k);
      }
      i = j;
    }
  }
  return out;
}

/** A 三公 table printed as rows of item | amount, printed with the items as column headers over one
 *  row of amounts. */
function threeAcross(t: KeyTable): KeyTable {
  if (t.kind !== 'budget_three_public' && t.kind !== 'three_public_expenses') return t;
  const width = Math.max(...t.rows.map((r) => r.length));
  if (width !== 2 || t.headerRows !== 1) return t;
  const body = t.rows.slice(1).map((r) => r.map((c) => (Array.isArray(c) ? c[0] : c ?? '')));
  if (!body.every((r) => AMOUNT.test(r[1] ?? ''))) return t;
  return { ...t, headerRows: 1, rows: [body.map((r) => r[0] ?? ''), body.map((r) => r[1] ?? '')] };
}

function cellsOf(t: KeyTable, shape: PageShape): { rows: Cell[][]; headerRows: number; width: number } {
  const table = shape.threeAcross ? threeAcross(t) : t;
  const p = placed(table);
  const again = table.repeatedHeaderAt ?? -1;
  const isHead = (r: number): boolean => r < table.headerRows || (r >= again && r < again + (table.repeatedHeaderRows ?? table.headerRows));
  let rows: Cell[][] = p.rows.map((row) => row.map((c) => ({ ...c, head: isHead(c.r) })));
  let headerRows = table.headerRows;
  let width = p.width;
  // columns of amounts: some amount printed with decimals or separators (codes never are)
  const amountCols = new Set<number>();
  for (const c of rows.slice(headerRows).flat()) if (c.cs === 1 && AMOUNT.test(c.text) && /[.,]/.test(c.text)) amountCols.add(c.c);
  for (const c of rows.slice(headerRows).flat()) if (c.cs === 1 && amountCols.has(c.c)) c.amountCol = true;
  if (shape.splitCodes) {
    const before = rows.length;
    rows = splitCodeColumns(rows, headerRows);
    if (rows.length !== before) {
      headerRows++;
      width += 2;
      if (shape.rowspanCodes) rows = mergeCodeRuns(rows, headerRows);
    }
  }
  return { rows, headerRows, width };
}

/** A cell's inner HTML as the shape prints it. */
function cellHtml(cell: Cell, shape: PageShape): string {
  let text = cell.text;
  const amount = !cell.head && AMOUNT.test(text);
  if (amount && shape.noSeparators) text = text.replace(/,/g, '');
  // codes stay as they are: a column of amounts is styled
  if (amount && cell.amountCol && shape.numbers) text = styledAmount(text, shape.numbers);
  const dashes = shape.numbers?.dashes;
  if (!cell.head && text === '' && cell.amountCol && dashes?.length) text = dashes[cell.c % dashes.length]!;
  if (cell.head && shape.headerBreaks && !text.includes('\n') && [...text].length >= 5) {
    const half = Math.ceil([...text].length / 2);
    text = `${[...text].slice(0, half).join('')}\n${[...text].slice(half).join('')}`;
  }
  let html = text.split('\n').map(esc).join('<br>');
  if (cell.head && shape.header === 'td-bold' && html) html = `<strong>${html}</strong>`;
  if (!cell.head && shape.codeBreak && /^\d{7}$/.test(text)) html = `${text.slice(0, 5)}<br>${text.slice(5)}`;
  if (shape.nbsp) {
    if (text === '') html = '&nbsp;';
    else if (amount) html = `${html}&nbsp;&nbsp;`;
    else if (!cell.head) html = `&nbsp;&nbsp;${html}`;
  }
  if (shape.frame === 'trs' || shape.frame === 'zoom') {
    const align = amount ? 'right' : cell.head ? 'center' : 'left';
    return `<p style="margin:0;text-align:${align};line-height:150%"><span style="font-family:宋体;font-size:12px">${html}</span></p>`;
  }
  if (shape.frame === 'word') {
    const paras = html.split('<br>').map((l) => `<p class=MsoNormal align=${amount ? 'right' : 'left'} style='text-align:${amount ? 'right' : 'left'}'><span style='font-size:9.0pt;font-family:宋体'>${l || '&nbsp;'}<span lang=EN-US><o:p></o:p></span></span></p>`);
    return paras.join('\n');
  }
  return html;
}

function spanAttrs(cell: Cell): string {
  return `${cell.rs > 1 ? ` rowspan="${cell.rs}"` : ''}${cell.cs > 1 ? ` colspan="${cell.cs}"` : ''}`;
}

interface TableText {
  title: string;
  no: string;
  dept: string;
  unit: string;
}

function tableText(doc: KeyDoc, t: KeyTable): TableText {
  return { title: titleOf(doc, t), no: t.table_no, dept: `部门：${doc.issuer}`, unit: t.unit ? `单位：${t.unit}` : '' };
}

/** The data table's markup, with the title rows inside it for `in-grid`; in pieces for `pageBreaks`. */
function dataTable(doc: KeyDoc, t: KeyTable, shape: PageShape): string {
  const all = cellsOf(t, shape);
  const { headerRows, width } = all;
  const pieces: Cell[][][] = [];
  let cur: Cell[][] = [];
  all.rows.slice(headerRows).forEach((row, i, body) => {
    cur.push(row);
    // a piece ends where no cell spans into the next row
    const end = Math.max(...cur.flat().map((c) => c.r + c.rs));
    if (shape.pageBreaks && cur.length >= shape.pageBreaks && i < body.length - 1 && end <= body[i + 1]![0]!.r) {
      pieces.push(cur);
      cur = [];
    }
  });
  pieces.push(cur);
  const head = all.rows.slice(0, headerRows);
  return pieces
    .map((piece, i) => tableMarkup(doc, t, shape, [...head, ...piece], headerRows, width, i === 0))
    .join(shape.frame === 'word' ? "\n<span style='font-size:10.5pt'><br clear=all style='page-break-before:always'></span>\n" : '\n<div class="page-no">续表</div>\n');
}

function tableMarkup(doc: KeyDoc, t: KeyTable, shape: PageShape, rows: Cell[][], headerRows: number, width: number, first: boolean): string {
  const tt = tableText(doc, t);
  const out: string[] = [];
  if (shape.frame === 'excel') {
    out.push(`<table border=0 cellpadding=0 cellspacing=0 width=${width * 90} style='border-collapse:collapse;table-layout:fixed;width:${width * 68}pt'>`);
    for (let i = 0; i < width; i++) out.push(` <col width=90 style='mso-width-source:userset;mso-width-alt:2880;width:68pt'>`);
  } else if (shape.frame === 'word') {
    out.push(`<div align=center>\n<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width="100%" style='width:100.0%;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>`);
  } else if (shape.frame === 'trs' || shape.frame === 'zoom') {
    out.push(`<table border="1" cellspacing="0" cellpadding="0" align="center" style="border-collapse:collapse;width:100%;border:none;font-size:12px">`);
  } else {
    out.push(`<table class="data-table" border="1" cellspacing="0" cellpadding="3" width="100%">`);
  }
  if (shape.colgroup) out.push(`<colgroup>${Array.from({ length: width }, (_, i) => `<col width="${i === 1 ? 220 : 90}" style="width:${i === 1 ? 165 : 68}pt">`).join('')}</colgroup>`);
  if (shape.wrap === 'caption' && first) out.push(`<caption>${esc(tt.title)}</caption>`);
  if (shape.wrap === 'in-grid' && first) {
    const left = Math.max(1, Math.ceil(width / 2));
    out.push(`<tr height=36 style='height:27.0pt'><td colspan=${width} height=36 class=xl65 align=center style='height:27.0pt'><b>${esc(tt.title)}</b></td></tr>`);
    if (tt.no) out.push(`<tr><td colspan=${width} class=xl66 align=right>${esc(tt.no)}</td></tr>`);
    out.push(`<tr><td colspan=${left} class=xl66>${esc(tt.dept)}</td><td colspan=${width - left || 1} class=xl66 align=right>${esc(tt.unit)}</td></tr>`);
  }
  const tag = shape.header === 'td' || shape.header === 'td-bold' ? 'td' : 'th';
  // <tbody> breaks: after the header, then every `tbodies` rows where no cell spans across
  const breaks = new Set<number>();
  if (shape.tbodies && shape.header !== 'thead') {
    breaks.add(0);
    let since = 0;
    for (let r = headerRows; r < rows.length; r++) {
      const spansIn = rows.slice(0, r).some((row) => row.some((c) => c.r + c.rs > rows[r]![0]!.r));
      if (r === headerRows || (since >= shape.tbodies && !spansIn)) {
        breaks.add(r);
        since = 0;
      }
      since++;
    }
  }
  rows.forEach((row, r) => {
    if (breaks.has(r)) out.push(`${r > 0 ? '</tbody>' : ''}<tbody>`);
    if (shape.header === 'thead' && r === 0 && headerRows > 0) out.push('<thead>');
    if (shape.header === 'thead' && r === headerRows) out.push(headerRows > 0 ? '</thead><tbody>' : '<tbody>');
    const cells = row.map((cell) => {
      const name = cell.head ? tag : 'td';
      const amount = !cell.head && AMOUNT.test(cell.text);
      let attrs = spanAttrs(cell);
      if (shape.frame === 'excel') attrs += ` class=${cell.head ? 'xl68' : amount ? 'xl70' : 'xl69'}${amount ? ` align=right x:num="${cell.text.replace(/,/g, '')}"` : ''}`;
      else if (shape.frame === 'word') attrs += ` width=${cell.cs * 60} valign=center style='width:${cell.cs * 45}pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 1.4pt 0cm 1.4pt'`;
      else if (shape.frame === 'trs' || shape.frame === 'zoom') attrs += ` valign="middle" style="border:1px solid #000000;padding:2px 4px;${amount ? 'text-align:right;' : ''}"`;
      else if (amount) attrs += ' align="right"';
      return `<${name}${attrs}>${cellHtml(cell, shape)}</${name}>`;
    });
    const trAttrs = shape.frame === 'word' ? ` style='mso-yfti-irow:${r};height:15.0pt'` : shape.frame === 'excel' ? ` height=22 style='height:16.5pt'` : '';
    out.push(`<tr${trAttrs}>${cells.join('')}</tr>`);
  });
  if (shape.header === 'thead' || breaks.size) out.push('</tbody>');
  out.push('</table>');
  if (shape.frame === 'word') out.push('</div>');
  if (shape.inlineWrap) return `<font size="2" face="宋体"><span style="font-size:12px;line-height:1.5">\n${out.join('\n')}\n</span></font>`;
  return out.join('\n');
}

/** A paragraph as the frame prints one. */
function para(shape: PageShape, text: string, opts: { bold?: boolean; align?: 'left' | 'center' | 'right'; cls?: string } = {}): string {
  const align = opts.align ?? 'left';
  const inner = opts.bold ? `<b>${esc(text)}</b>` : esc(text);
  if (shape.frame === 'word') {
    const size = opts.bold ? '16.0pt' : '10.5pt';
    return `<p class=MsoNormal align=${align} style='text-align:${align}'><span style='font-size:${size};font-family:宋体'>${inner}<span lang=EN-US><o:p></o:p></span></span></p>`;
  }
  if (shape.frame === 'trs' || shape.frame === 'zoom') {
    return `<p style="text-align:${align};text-indent:${align === 'left' ? '2em' : '0'};line-height:2"><span style="font-family:${opts.bold ? '黑体' : '仿宋_GB2312'};font-size:${opts.bold ? 18 : 16}px">${inner}</span></p>`;
  }
  return `<p${opts.cls ? ` class="${opts.cls}"` : ''} style="text-align:${align}">${inner}</p>`;
}

/** One table with its title, number, unit and note, as the shape prints them. */
function tableBlock(doc: KeyDoc, t: KeyTable, shape: PageShape, index: number): string {
  const tt = tableText(doc, t);
  const data = dataTable(doc, t, shape);
  const note = para(shape, '注：本表数据来源于部门预算编制系统，金额合计数与分项之和可能因四舍五入存在尾差。');
  switch (shape.wrap) {
    case 'lines':
      return [para(shape, tt.title, { bold: true, align: 'center', cls: 'title' }), tt.no ? para(shape, tt.no, { align: 'right' }) : '', para(shape, `${tt.dept}　　　　${tt.unit}`), data, note].join('\n');
    case 'layout':
      return `<table width="100%" border="0" cellspacing="0" cellpadding="0" class="tb-wrap">
  <tr><td colspan="2" align="center" class="tb-title"><font size="4"><strong>${esc(tt.title)}</strong></font></td></tr>
  <tr><td align="left">${esc(tt.dept)}</td><td align="right">${esc(tt.no)}${tt.no ? '<br>' : ''}${esc(tt.unit)}</td></tr>
  <tr><td colspan="2">
${data}
  </td></tr>
  <tr><td colspan="2" class="tb-note">注：本表金额单位转换时可能存在尾数误差。</td></tr>
</table>`;
    case 'meta-table':
      return [
        para(shape, tt.title, { bold: true, align: 'center', cls: 'title' }),
        `<table width="100%" border="0" class="tb-info"><tr><td align="left">编制${esc(tt.dept)}</td>${tt.no ? `<td align="center">${esc(tt.no)}</td>` : ''}<td align="right">${esc(tt.unit)}</td></tr></table>`,
        data,
        note,
      ].join('\n');
    case 'in-grid':
      return `${data}\n${shape.frame === 'excel' ? '' : note}`;
    case 'caption':
      return [para(shape, `${tt.no}${tt.no ? '　' : ''}${tt.unit}`, { align: 'right' }), data, note].join('\n');
    case 'title-below':
      // the unit over the table's right edge, the caption (number and title) under it
      return [`<div style="text-align:right;font-size:12px">${esc(tt.unit)}</div>`, data, para(shape, `${tt.no}${tt.no ? '　' : ''}${tt.title}`, { bold: true, align: 'center' }), note].join('\n');
    case 'unit-in-title':
      // the unit floated right inside the title's paragraph: one line of text, title then unit
      return [`<p style="text-align:center;font-size:18px"><strong>${esc(tt.title)}</strong><span style="float:right;font-size:12px">${esc(tt.unit)}</span></p>`, tt.no ? para(shape, tt.no, { align: 'right' }) : '', data, note].join('\n');
    case 'mixed-captions':
      // a page pasted together from two sources: even tables titled above (title, number, unit
      // lines), odd ones with the unit above and the caption under the table
      return index % 2 === 0
        ? [para(shape, tt.title, { bold: true, align: 'center', cls: 'title' }), tt.no ? para(shape, tt.no, { align: 'right' }) : '', para(shape, `${tt.dept}　　　　${tt.unit}`), data, note].join('\n')
        : [`<div style="text-align:right;font-size:12px">${esc(tt.unit)}</div>`, data, para(shape, `${tt.no}${tt.no ? '　' : ''}${tt.title}`, { bold: true, align: 'center' }), note].join('\n');
    case 'unit-after':
      // title and department above, the unit printed right under the table, before its note
      return [para(shape, tt.title, { bold: true, align: 'center', cls: 'title' }), tt.no ? para(shape, tt.no, { align: 'right' }) : '', para(shape, tt.dept), data, `<div style="text-align:right">${esc(tt.unit)}</div>`, note].join('\n');
    case 'title-table':
      return [`<table width="100%" class="tb-head"><tr><td align="center"><b>${esc(tt.no)}${tt.no ? ' ' : ''}${esc(tt.title)}</b></td><td>${esc(doc.issuer)}</td><td align="right">${esc(tt.unit)}</td></tr></table>`, data, note].join('\n');
  }
}

// ---- page frames ------------------------------------------------------------------------------------

const NAV = ['首页', '机构概况', '政务公开', '政策文件', '政策解读', '财政预决算', '办事服务', '互动交流'];
const SIDE = ['通知公告', '部门预算', '部门决算', '“三公”经费', '政府采购', '绩效管理', '统计数据'];

function metaTag(shape: PageShape): string {
  const label = shape.declare.startsWith('latin1') ? 'iso-8859-1' : shape.encoding;
  switch (shape.declare) {
    case 'meta':
    case 'latin1-meta':
      return `<meta charset="${label}">`;
    case 'http-equiv':
      return `<meta http-equiv="Content-Type" content="text/html; charset=${label}">`;
    default:
      return '<meta name="viewport" content="width=device-width, initial-scale=1">';
  }
}

function article(doc: KeyDoc, shape: PageShape, tables: KeyTable[]): string {
  const parts = [
    `<h1 class="art-title">${esc(docHeading(doc))}</h1>`,
    `<div class="art-info">发布时间：${doc.fiscal_year}-02-10　来源：${esc(doc.issuer)}　浏览次数：1024　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>`,
    para(shape, `根据预算公开的有关规定，现将${doc.issuer}${doc.fiscal_year}年度部门${doc.doc_kind === 'final_accounts' ? '决算' : '预算'}公开如下。`),
  ];
  tables.forEach((t, i) => parts.push(tableBlock(doc, t, shape, i)));
  parts.push(`<div class="attach">附件：<a href="#">${esc(doc.issuer)}${doc.fiscal_year}年部门预决算公开.pdf</a></div>`);
  return parts.join('\n');
}

function html(doc: KeyDoc, shape: PageShape, tables: KeyTable[]): string {
  const head = `<head>\n${metaTag(shape)}\n<title>${esc(docHeading(doc))}</title>\n<link rel="stylesheet" href="/css/main.css">\n<script>var _hmt = _hmt || []; document.write("<table><tr><td>统计</td></tr></table>");</script>\n</head>`;
  const crumbs = `<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/czyjs/">财政预决算</a></div>`;
  const footer = `<div class="footer">主办单位：${esc(doc.issuer)}　地址：人民路1号　电话：0000-12345678<br>备案序号：12345678号-1　网站标识码：1234000001</div>`;
  const body = article(doc, shape, tables);
  switch (shape.frame) {
    case 'plain':
      return `<!DOCTYPE html>\n<html>\n${head}\n<body>\n${crumbs}\n${body}\n${footer}\n</body>\n</html>\n`;
    case 'portal':
      return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html>
${head}
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="frame">
  <tr><td colspan="2" class="top"><img src="/images/logo.png" alt="logo"><table class="nav"><tr>${NAV.map((n) => `<td><a href="#">${n}</a></td>`).join('')}</tr></table></td></tr>
  <tr><td colspan="2">${crumbs}</td></tr>
  <tr>
    <td width="220" valign="top" class="left"><div class="side-title">财政预决算</div><ul>${SIDE.map((s) => `<li><a href="#">${s}</a></li>`).join('')}</ul></td>
    <td width="780" valign="top" class="main">
${body}
    </td>
  </tr>
  <tr><td colspan="2">${footer}</td></tr>
</table>
</body>
</html>
`;
    case 'portal-flat':
      return `<html>
${head}
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>${NAV.map((n) => `<td class="nav"><a href="#">${n}</a></td>`).join('')}</tr>
  <tr><td colspan="${NAV.length}">${crumbs}</td></tr>
  <tr><td colspan="2" valign="top" class="left">${SIDE.map((s) => `<a href="#">${s}</a><br>`).join('')}</td>
    <td colspan="${NAV.length - 2}" valign="top" class="main">
${body}
    </td></tr>
  <tr><td colspan="${NAV.length}">${footer}</td></tr>
</table>
</body>
</html>
`;
    case 'trs':
      return `<!DOCTYPE html>
<html>
${head}
<body>
<div class="head_wrap"><div class="logo"><img src="/images/logo.png"></div><div class="menu"><ul>${NAV.map((n) => `<li><a href="#">${n}</a></li>`).join('')}</ul></div></div>
<div class="w1200">${crumbs}
<div class="detail_con">
<div class="TRS_Editor"><div class="Custom_UnionStyle"><style type="text/css">.TRS_Editor P{margin-top:0;margin-bottom:12px;line-height:2;font-size:12pt;}</style>
${body}
</div></div>
<div class="detail_tool"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
</div></div>
${footer}
</body>
</html>
`;
    case 'zoom':
      return `<html>
${head}
<body style="margin:0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" style="background:#fff"><tr><td>${crumbs}</td></tr></table>
<div style="width:980px;margin:0 auto">
<div id="zoom" style="font-size:16px;line-height:28px;padding:20px 40px">
${body}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
${footer}
</body>
</html>
`;
    case 'div':
      return `<!DOCTYPE html>
<html lang="zh-CN">
${head}
<body>
<div class="header"><div class="logo">${esc(doc.issuer)}</div><ul class="nav">${NAV.map((n) => `<li><a href="#">${n}</a></li>`).join('')}</ul></div>
<div class="container">${crumbs}
<div class="row"><div class="col-md-3 sidebar"><h3>财政预决算</h3><ul>${SIDE.map((s) => `<li><a href="#">${s}</a></li>`).join('')}</ul></div>
<div class="col-md-9"><div class="article-content">
${body}
</div></div></div></div>
${footer}
</body>
</html>
`;
    case 'word':
      return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
${metaTag(shape)}
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>${esc(docHeading(doc))}</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm; font-size:10.5pt;} --></style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<div class=WordSection1 style='layout-grid:15.6pt'>
${body.replace(/<h1 class="art-title">(.*?)<\/h1>/, (_m, t: string) => para(shape, t, { bold: true, align: 'center' }))}
</div>
</body>
</html>
`;
    case 'excel':
      return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
${head.replace('<head>', '<head>\n<meta name=ProgId content=Excel.Sheet>\n<meta name=Generator content="Microsoft Excel 15">')}
<body link=blue vlink=purple>
${body}
</body>
</html>
`;
  }
}

// ---- encodings ---------------------------------------------------------------------------------------

let gbk: Map<string, number[]> | null = null;

/** GBK bytes of a string (the table from Node's own GBK decoder); characters GBK lacks become
 *  numeric character references, as a browser submits them. */
function encodeGbk(s: string): Uint8Array {
  if (!gbk) {
    gbk = new Map();
    const dec = new TextDecoder('gbk');
    for (let b1 = 0x81; b1 <= 0xfe; b1++) {
      for (let b2 = 0x40; b2 <= 0xfe; b2++) {
        if (b2 === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([b1, b2]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbk.has(ch)) gbk.set(ch, [b1, b2]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const b = gbk.get(ch);
      if (b) out.push(...b);
      else for (const c of `&#${cp};`) out.push(c.charCodeAt(0));
    }
  }
  return new Uint8Array(out);
}

/** UTF-16 code units, little- or big-endian, without a byte-order mark. */
function encodeUtf16(s: string, be: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 * i] = be ? u >> 8 : u & 0xff;
    out[2 * i + 1] = be ? u & 0xff : u >> 8;
  }
  return out;
}

/** The page of one key document in one shape. */
export function renderPage(doc: KeyDoc, shape: PageShape): Page {
  const { tables, shift, units } = prepareTables(doc, shape);
  const text = html(doc, shape, tables);
  const bytes = shape.encoding === 'utf-8' ? new TextEncoder().encode(text) : shape.encoding.startsWith('utf-16') ? encodeUtf16(text, shape.encoding === 'utf-16be') : encodeGbk(text);
  const page: Page = { file: `${doc.source}.${shape.name}.html`, bytes, shift, units };
  if (shape.declare === 'http') page.charset = shape.encoding;
  if (shape.declare === 'latin1-http') page.charset = 'iso-8859-1';
  return page;
}
