// A parsed page → Block[] in document order: the text around tables (titles, 公开NN表, 单位：万元)
// as line blocks, each data table as a grid block. Tables are told apart by structure:
// - a layout table (a page frame whose cell holds the article: other tables, headings, site
//   navigation, prose; or page-frame geometry) is not a grid: its cells are read as containers, in
//   document order, so the data tables inside come out as grids and the text beside them as lines;
// - a table of labels (部门：… | 公开05表 | 单位：万元, a title row) or of links (a menu) is not a data
//   table: its text is lines (links: nothing), so the title, number and unit printed before a data
//   table — in text or in such small tables, up to the previous data table — stay with it;
// - title, number, 部门 and unit rows at the top of a data table (Excel web exports print them
//   there) are lines before its grid.
import type { Block, RawGrid } from '../../model/types.js';
import { type DomNode, attr, childElements, isElement, isHidden, isNavigation, linkOnly, plainText, tagName } from './dom.js';
import { LineBuffer, cellText, collectText } from './text.js';
import { gridOfTable, tableRows } from './grid.js';

const CELLS = new Set(['td', 'th']);
const CAPTION = new Set(['caption']);
/** elements a data cell never holds */
const PAGE_PARTS = new Set(['form', 'iframe', 'header', 'footer', 'aside', 'article', 'main', 'section']);

/** an amount as a table prints it (1,234.50, -5.21, (5.21), 0.00, 12%), after full-width digits
 *  and punctuation are read as ASCII (１２３，４５６．７８, －５．２１) */
const AMOUNT_TEXT = /^[-−+]?\(?[\d,]*\d(\.\d+)?\)?%?$/;
const isAmount = (t: string): boolean => AMOUNT_TEXT.test(t.normalize('NFKC'));
/** a cell of a table's title block: a label with its value (部门：…, 单位：万元), a table number,
 *  a year or date, a title (…表), a unit or a page number */
const META_CELL = /[:：]|^(公开|预算|附)?表[\d一二三四五六七八九十]{1,3}([-－—]\d{1,2})?$|^(公开|预算)\d{1,2}表$|^\d{4}年|表$|表[(（][^)）]*[)）]$|^单位|^(万元|元|千元|亿元)$|^第.{1,4}页/;
/** prose: at least this many characters in a cell, in sentences (an article, not a label) */
const PROSE_CHARS = 300;
/** a page frame: at least this wide in pixels, with at most this many rows and columns (header,
 *  menu, body, footer; side column, article) */
const FRAME_WIDTH = 900;
const FRAME_ROWS = 6;
const FRAME_COLUMNS = 3;

function ownCells(table: DomNode): number {
  let n = 0;
  for (const tr of tableRows(table)) n += childElements(tr, CELLS).length;
  return n;
}

/** The outermost tables inside a subtree. */
function nestedTables(node: DomNode, out: DomNode[] = []): DomNode[] {
  for (const c of node.children ?? []) {
    if (tagName(c) === 'table') out.push(c);
    else if (c.children) nestedTables(c, out);
  }
  return out;
}

/** The own cells' texts of a table (not those of tables nested in them). */
function ownTexts(table: DomNode): string[] {
  const out: string[] = [];
  for (const tr of tableRows(table)) for (const td of childElements(tr, CELLS)) out.push(textOutsideTables(td));
  return out;
}

/** A nested table that is a data table itself (rows of amounts) or holds tables in turn: the table
 *  around it is a container, never a data table with a table in a cell. */
function holdsData(table: DomNode): boolean {
  if (nestedTables(table).length) return true;
  return tableRows(table).length >= 2 && ownTexts(table).filter(isAmount).length >= 2;
}

/** Content that a data cell does not hold, outside nested tables: site navigation, page parts
 *  (forms, frames, <header>/<footer>), or an article of prose (a heading alone is not: a data
 *  cell may be set as one). */
function blockContent(cell: DomNode): boolean {
  let paragraphs = 0;
  const walk = (n: DomNode): boolean => {
    for (const c of n.children ?? []) {
      if (!isElement(c) || isHidden(c)) continue;
      const t = tagName(c);
      if (t === 'table') continue;
      if (PAGE_PARTS.has(t) || isNavigation(c)) return true;
      if (t === 'p' || t === 'div') paragraphs++;
      if (walk(c)) return true;
    }
    return false;
  };
  if (walk(cell)) return true;
  const text = textOutsideTables(cell);
  return paragraphs >= 3 && text.length >= PROSE_CHARS && /[。；]/.test(text);
}

/** A table laid out as a page frame: wide in pixels, a few rows and columns, no amounts in its cells. */
function frameGeometry(table: DomNode): boolean {
  const w = /^\s*(\d+)\s*(px)?\s*$/.exec(attr(table, 'width') ?? '') ?? /(?:^|;)\s*width\s*:\s*(\d+)px/i.exec(attr(table, 'style') ?? '');
  if (!w || Number(w[1]) < FRAME_WIDTH) return false;
  const rows = tableRows(table);
  const columns = rows.reduce((m, tr) => Math.max(m, childElements(tr, CELLS).length), 0);
  return rows.length <= FRAME_ROWS && columns <= FRAME_COLUMNS && !ownTexts(table).some(isAmount);
}

/** A layout table: a cell holds a data table (or tables holding tables), two or more tables, a
 *  table at least as big as the layout table itself or a table in a cell of its own row with no
 *  text beside it; or a cell holds block content (navigation, page parts, prose); or the
 *  table has a page frame's geometry. A small table inside one cell of a bigger table is that
 *  cell's content (its text flows into the cell, as Docling reads it). */
export function isLayoutTable(table: DomNode): boolean {
  const own = ownCells(table);
  let largest = 0;
  let inner = 0;
  for (const tr of tableRows(table)) {
    const tds = childElements(tr, CELLS);
    for (const td of tds) {
      const tables = nestedTables(td).filter((t) => !isHidden(t));
      inner += tables.length;
      for (const t of tables) {
        largest = Math.max(largest, ownCells(t));
        if (holdsData(t)) return true;
      }
      if (tables.length && tds.length === 1 && textOutsideTables(td) === '') return true;
      if (blockContent(td)) return true;
    }
  }
  if (inner >= 2 || (inner > 0 && largest >= own)) return true;
  return frameGeometry(table);
}

/** Visible text of a subtree outside the tables nested in it, white space removed. */
function textOutsideTables(n: DomNode): string {
  let s = '';
  for (const c of n.children ?? []) {
    if (c.type === 'text') s += c.data ?? '';
    else if (isElement(c) && !isHidden(c) && tagName(c) !== 'table') s += textOutsideTables(c);
  }
  return s.replace(/[\s\u00a0\u3000]+/g, '');
}

/** A table of links only (a menu laid out as a table): site navigation. */
function isLinkTable(table: DomNode): boolean {
  const cells = tableRows(table).flatMap((tr) => childElements(tr, CELLS)).filter((td) => plainText(td) !== '');
  return cells.length >= 2 && cells.every(linkOnly);
}

const clean = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');
const filled = (row: RawGrid['rows'][number]): string[] => row.map((c) => clean(c.text)).filter((t) => t !== '');

/** A table of the title block's labels (部门：… | 公开05表 | 单位：万元): a few rows, no amount, every
 *  filled cell a label; or one row, no amount, some cell a label (某局 | 单位：万元). Its text
 *  belongs to the next data table. */
function isLabelTable(grid: RawGrid): boolean {
  if (grid.rows.length > 3) return false;
  const texts = grid.rows.flatMap(filled);
  if (texts.length === 0 || texts.some(isAmount)) return false;
  return texts.every((t) => META_CELL.test(t)) || (grid.rows.length === 1 && texts.some((t) => META_CELL.test(t)));
}

/** The rows at the top of a data grid that print its title block (the title across the table, the
 *  table number, 部门 and unit): label cells only, no amount, no cell spanning into the rows below;
 *  at least two rows stay. */
function titleRows(grid: RawGrid): number {
  let k = 0;
  while (k < grid.rows.length - 2) {
    const row = grid.rows[k]!;
    const texts = filled(row);
    if (texts.some(isAmount) || !texts.every((t) => META_CELL.test(t))) break;
    if (row.some((c) => (c.rowSpan ?? 1) > 1)) break;
    k++;
  }
  return k;
}

function dropRows(grid: RawGrid, k: number): RawGrid {
  const rows = grid.rows.slice(k).map((r) => r.map((c) => (c.mergedFrom ? { ...c, mergedFrom: [c.mergedFrom[0] - k, c.mergedFrom[1]] as [number, number] } : c)));
  return { ...grid, rows };
}

/** Each <table> element's 1-based place among all of them in document order (source_ref). */
function tableIndexes(root: DomNode): Map<DomNode, number> {
  const out = new Map<DomNode, number>();
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (tagName(n) === 'table') out.set(n, out.size + 1);
    const kids = n.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

export function blocksOfDom(root: DomNode): Block[] {
  const blocks: Block[] = [];
  const tables = tableIndexes(root);
  const buf = new LineBuffer();

  const flushLines = (): void => {
    buf.flush();
    for (const l of buf.lines) blocks.push(l.heading ? { kind: 'line', text: l.text, heading: true } : { kind: 'line', text: l.text });
    buf.lines = [];
  };
  const cellLines = (rows: RawGrid['rows']): void => {
    for (const row of rows) for (const cell of row) for (const line of cell.text.split('\n')) if (line.trim()) blocks.push({ kind: 'line', text: line.trim() });
  };

  const onTable = (table: DomNode): boolean => {
    flushLines();
    if (isLayoutTable(table)) {
      for (const tr of tableRows(table)) {
        for (const td of childElements(tr, CELLS)) {
          // a cell of links only is the site's menu
          if (linkOnly(td)) continue;
          collectText(td, buf, false, onTable);
          buf.flush();
        }
      }
      flushLines();
      return true;
    }
    if (isLinkTable(table)) return true;
    for (const cap of childElements(table, CAPTION)) {
      const { text } = cellText(cap);
      for (const line of text.split('\n')) if (line) blocks.push({ kind: 'line', text: line });
    }
    const grid = gridOfTable(table, tables.get(table));
    if (grid.rows.length === 0) return true;
    // a table with at most one filled cell per row is a text box (a title or a note), and a table
    // of labels is the title block of the next table: not data
    if (grid.rows.every((row) => row.filter((c) => c.text !== '').length <= 1) || isLabelTable(grid)) {
      cellLines(grid.rows);
      return true;
    }
    const k = titleRows(grid);
    cellLines(grid.rows.slice(0, k));
    blocks.push({ kind: 'grid', grid: withoutRepeatedHeader(k ? dropRows(grid, k) : grid) });
    return true;
  };

  collectText(root, buf, false, onTable);
  flushLines();
  return joinContinuations(blocks);
}

/** a line printed between a table and its continuation: 续表, a page number */
const CONTINUATION_LINE = /^(续表|续|[-—–]?\s*\d{1,3}\s*[-—–]?|第\s*\d+\s*页.*)$/;
/** a repeated header is at most this many rows */
const HEADER_MAX = 6;

/** A table printed in pieces (a Word export broken at page ends, a long table split by the site):
 *  a grid followed, with nothing but 续表 or page numbers between, by a grid of the same width that
 *  repeats its first rows (the header) or goes straight on with rows of amounts is one table. */
function joinContinuations(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let last = -1; // index in `out` of the last grid
  for (const b of blocks) {
    if (b.kind === 'line') {
      out.push(b);
      continue;
    }
    const prev = last >= 0 ? out[last] : undefined;
    const between = out.slice(last + 1);
    if (prev?.kind === 'grid' && between.every((l) => l.kind === 'line' && CONTINUATION_LINE.test(clean(l.text)))) {
      const k = continues(prev.grid, b.grid);
      if (k >= 0) {
        out.length = last + 1;
        out[last] = { ...prev, grid: appendRows(prev.grid, b.grid, k) };
        continue;
      }
    }
    out.push(b);
    last = out.length - 1;
  }
  return out;
}

/** A table pasted in two halves, the second repeating the header rows: the header rows printed
 *  again inside the table (the same texts, row for row, as its leading rows without amounts) are
 *  dropped, and the merges below them moved up. */
function withoutRepeatedHeader(grid: RawGrid): RawGrid {
  let head = 0;
  while (head < Math.min(HEADER_MAX, grid.rows.length) && !filled(grid.rows[head]!).some(isAmount)) head++;
  if (head === 0 || head >= grid.rows.length) return grid;
  const keys = grid.rows.slice(0, head).map(rowKey);
  // a header row is a row of words: at least two filled cells, or one spanning the table
  if (grid.rows.slice(0, head).every((r) => filled(r).length < 2)) return grid;
  const drop = new Set<number>();
  for (let i = head; i + head <= grid.rows.length; i++) {
    if (keys.every((k, j) => rowKey(grid.rows[i + j]!) === k)) {
      for (let j = 0; j < head; j++) drop.add(i + j);
      i += head - 1;
    }
  }
  // a part of the header printed again (its last row only, or the header flattened into one row,
  // with other spacing, bracket widths or a unit added to a word): a row of words without amounts
  // whose words are, most of them, the header words of their columns
  const words = headerWords(grid, head);
  for (let i = head; i < grid.rows.length; i++) {
    if (drop.has(i)) continue;
    const row = grid.rows[i]!;
    const cells = row.map((c, col) => ({ t: headerWord(c.text), col })).filter((x) => x.t !== '');
    if (cells.length < 2 || row.some((c) => isAmount(clean(c.text)))) continue;
    const hits = cells.filter((x) => words[x.col]?.has(x.t)).length;
    if (hits >= 2 && hits * 3 >= cells.length * 2) drop.add(i);
  }
  if (drop.size === 0) return grid;
  const before = (r: number): number => [...drop].filter((d) => d < r).length;
  const rows = grid.rows
    .filter((_, i) => !drop.has(i))
    .map((r) => r.map((c) => (c.mergedFrom ? { ...c, mergedFrom: [c.mergedFrom[0] - before(c.mergedFrom[0]), c.mergedFrom[1]] as [number, number] } : c)));
  return { ...grid, rows };
}

/** a header word as compared with a reprint: no spaces, brackets or the unit a reprint may add */
const headerWord = (s: string): string => clean(s.normalize('NFKC')).replace(/[()（）\[\]【】:：]|单位|万元|元$/g, '');

/** By column: the words of the header cells over it (a merged cell's under every column it covers). */
function headerWords(grid: RawGrid, head: number): Set<string>[] {
  const out: Set<string>[] = [];
  grid.rows.slice(0, head).forEach((row) => row.forEach((c, col) => {
    const origin = c.mergedFrom ? grid.rows[c.mergedFrom[0]]?.[c.mergedFrom[1]] : c;
    const w = headerWord(origin?.text ?? '');
    if (w) (out[col] ??= new Set()).add(w);
  }));
  return out;
}

const width = (g: RawGrid): number => g.rows.reduce((m, r) => Math.max(m, r.length), 0);
const rowKey = (row: RawGrid['rows'][number]): string => row.map((c) => clean(c.text)).join('|');

/** How many of `next`'s first rows repeat `prev`'s header (0: none, it goes straight on), or -1
 *  when `next` is not the rest of `prev`. */
function continues(prev: RawGrid, next: RawGrid): number {
  if (width(prev) !== width(next) || next.rows.length === 0) return -1;
  let k = 0;
  while (k < Math.min(HEADER_MAX, next.rows.length, prev.rows.length) && rowKey(next.rows[k]!) === rowKey(prev.rows[k]!) && !filled(next.rows[k]!).some(isAmount)) k++;
  if (k > 0) return k;
  const first = filled(next.rows[0]!);
  return first.length >= 2 && first.some(isAmount) ? 0 : -1;
}

function appendRows(prev: RawGrid, next: RawGrid, skip: number): RawGrid {
  const offset = prev.rows.length - skip;
  const rows = next.rows.slice(skip).map((r) =>
    r.map((c) => {
      if (!c.mergedFrom) return c;
      const { mergedFrom, ...rest } = c;
      return mergedFrom[0] >= skip ? { ...rest, mergedFrom: [mergedFrom[0] + offset, mergedFrom[1]] as [number, number] } : rest;
    }),
  );
  const notes = [...(prev.notes ?? []), ...(next.notes ?? [])];
  return { ...prev, rows: [...prev.rows, ...rows], ...(notes.length ? { notes } : {}) };
}
