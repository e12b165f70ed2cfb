// Blocks in reading order → table candidates: each grid with the title, 公开NN表 number and unit
// printed around it, and the notes after it; a grid continued on the next page (nothing but
// 续表 / page numbers between) is merged into the one before, dropping its repeated header rows.
// On a text layer a title printed again must be the same title, and a form that starts over (its
// first row another project's, its fixed rows the same) is a new table; OCR'd lines may differ by
// a misread character. A title printed over two or three lines (the first ones not ending in 表)
// is read as the one title the lines join to.
import type { Block, GridCell, RawGrid } from '../../model/types.js';
import { findUnit } from '../values/units.js';
import { cleanLabel } from '../values/labels.js';
import { parseNumber } from '../values/numbers.js';
import { runningLines } from './running-lines.js';
import { sameLine } from './same-line.js';
import { exactTitleLength, fuzzyTitleKinds, kindsByTitle } from './kinds.js';

export interface TableCandidate {
  grid: RawGrid;
  title: string;
  table_no: string;
  unit: string;
  /** text lines printed between the previous table and this one */
  before: string[];
  /** notes printed right after the table (注：…, 本表无数据 …) */
  notes: string[];
  page?: number;
  /** the grid's first row is the title line OCR took into the grid (misreadTitleInGrid): no level of the header */
  titleRow?: boolean;
}

const TABLE_NO = /(公开\s*\d{1,2}\s*表|预算\s*\d{1,2}\s*表|预算表\s*\d{1,2}|附表\s*\d{1,2}|表\s*\d{1,2}(?:[-－—]\d{1,2})?(?=[:：\s.、]|$))/;
const TITLE = /表[)）]?$|表[(（][^)）]*[)）]$/;
const NOT_TITLE = /^(注|说明|备注|填报|单位|部门[:：]|金额单位|目\s*录)/;
/** a repeated header is at most this many grid rows */
const HEADER_MAX = 12;
const CONTINUATION = /^(续表|续|[-—]?\s*\d+\s*[-—]?|第\s*\d+\s*页.*)$/;
/** what OCR makes of a page number printed between rules (—8— → "E", "Egy", "Sd]", "=H",
 *  "yy=o"): a few Latin letters or marks, no ideograph, no digit */
const OCR_PAGE_MARK = /^[A-Za-z[\]|()_~.·'"`!:;,=\-—–]{1,4}$/;
/** …or a page number between dashes with its dashes read as 一 and its digits as whatever
 *  (—8— → 一讨一, 一荣一): a dash, one or two characters, a dash, and nothing else */
const OCR_DASHED_PAGE_NO = /^[-—–一]\S{1,2}[-—–一]$/;
/** …or anything this short (characters, white space aside) on the page of the grid above, under
 *  it: its page number however misread (—8— blurred: "Seyke", "So Maas", "<明江", "认李") */
const OCR_FOOTER_MAX = 6;

/** a line printed between two grids that says nothing: 续表, a page number (or its OCR) */
function isPageFurniture(text: string): boolean {
  const c = cleanLabel(text);
  const bare = c.replace(/\s+/g, '');
  return CONTINUATION.test(c) || OCR_PAGE_MARK.test(bare) || OCR_DASHED_PAGE_NO.test(bare);
}

/** a unit printed on the title's line (a unit floated right in the title's paragraph) */
const UNIT_ON_LINE = /[（(]?(?:金额)?单位\s*[:：]\s*(?:亿元|万元|千元|元)[)）]?/;

/** A line's text without a unit printed beside the words on it (…支出情况表 单位：万元). */
function withoutUnit(text: string): string {
  const t = cleanLabel(text);
  const rest = t.replace(UNIT_ON_LINE, '').trim();
  return rest === '' ? t : rest;
}

/** A line that may be a running page header (running-lines.ts): no title, table number or list
 *  numbering, no 表 in it (a misread title printed again). */
function mayRun(text: string): boolean {
  const t = cleanLabel(text);
  return t !== '' && !isTitleLine(t) && !TABLE_NO.test(t) && !NUMBERED.test(t) && !t.includes('表');
}

function isTitleLine(text: string): boolean {
  const t = withoutUnit(text);
  if (t.length < 3 || t.length > 60 || NOT_TITLE.test(t)) return false;
  if (/[。；]/.test(t) || /\.{3,}|…{2,}/.test(t)) return false;
  if (new RegExp('^' + TABLE_NO.source + '$').test(t)) return false;
  return TITLE.test(t) || /绩效(自评|目标)/.test(t);
}

/** a text line printed above a table, as the extractor gives it */
interface TextLine {
  text: string;
  page?: number;
  heading?: boolean;
}

/** A title that wraps is at most this many lines, and joined at most this long (two lines of a
 *  title set in a large font; a line of prose is longer and has a full stop). */
const TITLE_LINES_MAX = 3;
const TITLE_JOINED_MAX = 90;
/** a line opening with list numbering (一、 （二） 3. 第三部分) is a section heading, not part of a title */
const NUMBERED = /^(第[一二三四五六七八九十]+部分|[(（]?[一二三四五六七八九十]+[)）、.．]|[(（]\d{1,2}[)）]|\d{1,2}[、.．](?!\d))/;
/** a line holding nothing but a table's or an annex's number, in figures or in words (表7, 附表3-1,
 *  表七, 附件2) */
const NUMBER_ONLY = /^((公开|预算|附)?表[\d一二三四五六七八九十]{1,3}([-－—][\d一二三四五六七八九十]{1,3})?|附件[\d一二三四五六七八九十]{0,3})[:：.、]?$/;
/** a line wholly in brackets ((2026年度), （不含上年结转）): a line of its own beside a title */
const BRACKETED = /^[(（][^()（）]*[)）]$/;

/** A line that may be a piece of a title printed over several lines: no sentence, no note, unit,
 *  部门/单位 line, table number or page number, no list numbering. */
function isTitlePiece(text: string): boolean {
  const t = cleanLabel(text);
  if (t === '' || NOT_TITLE.test(t) || NUMBERED.test(t)) return false;
  if (/[。；]/.test(t) || /\.{3,}|…{2,}/.test(t)) return false;
  if (new RegExp('^' + TABLE_NO.source + '$').test(t) || NUMBER_ONLY.test(t) || findUnit(t) !== '' || isPageFurniture(t)) return false;
  return true;
}

/** The title printed in `lines[i-k+1 .. i]`, k ≥ 2 lines: the lines before the last are pieces that
 *  do not end a title themselves (no 表 at their end), nor lead in to it (…如下表：) nor stand in
 *  brackets of their own ((2026年度)); all are set alike on one page, and together they end in 表
 *  or 表（…）. When the last line is a title by itself (预算表（不含上年结转）), the lines above
 *  it join only when set as headings like it: a body line above a title is not part of it. */
function wrappedTitle(lines: TextLine[], i: number, k: number): string {
  if (i - k + 1 < 0) return '';
  const group = lines.slice(i - k + 1, i + 1);
  const first = group[0]!;
  if (!group.every((l) => isTitlePiece(l.text) && !!l.heading === !!first.heading && l.page === first.page)) return '';
  if (group.slice(0, -1).some((l) => { const c = cleanLabel(l.text); return TITLE.test(c) || /[:：]$/.test(c) || BRACKETED.test(c); })) return '';
  if (!first.heading && isTitleLine(group[group.length - 1]!.text)) return '';
  const joined = group.map((l) => cleanLabel(l.text)).join('');
  return joined.length <= TITLE_JOINED_MAX && TITLE.test(joined) ? joined : '';
}

/** The title printed just above a table: the last line that is a title, joined with the one or
 *  two lines before it when the title wraps over them (2022年部门综合预算政府采购（资产配置、购买
 *  服务） / 预算表（不含上年结转）). `from`..`to` are the indices of the lines it is printed on. */
function titleAbove(lines: TextLine[]): { title: string; from: number; to: number } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    for (let k = TITLE_LINES_MAX; k >= 2; k--) {
      const title = wrappedTitle(lines, i, k);
      if (title) return { title, from: i - k + 1, to: i };
    }
    if (isTitleLine(lines[i]!.text)) return { title: withoutUnit(lines[i]!.text), from: i, to: i };
  }
  return null;
}

function rowKey(row: GridCell[]): string {
  return row.map((c) => cleanLabel(c.text)).join('|');
}

/** The title inside the grid's first row when a form prints it as a spanning cell. */
function titleInGrid(grid: RawGrid): string {
  const first = grid.rows[0];
  if (!first) return '';
  const filled = first.filter((c) => c.text.trim() !== '');
  if (filled.length === 1 && isTitleLine(filled[0]!.text)) return cleanLabel(filled[0]!.text);
  return '';
}

/** A title block's line of 部门 and unit, where OCR glued it to the title (…(预算表2)预算单位长春市…
 *  单位万元): from its first word on */
const PREPARER_LINE = /(预算|编制|填报)单位|部门名称|单位名称|(金额)?单位\s*[:：]/;
/** at most this many pieces: a title line that OCR split over the grid's columns */
const IN_GRID_TITLE_PIECES = 3;

/** An OCR'd grid whose first row is the title line, the grid's top reaching above its first rule:
 *  the row's pieces joined (a title line OCR split over the columns: 财政拨款收支 | 总表(预算表4)),
 *  the 部门/unit part glued after it cut off, and a known title found in it with a few characters
 *  misread (as misreadTitle: 收支总表【预算表1) ends in no 表). No amount in the row. */
function misreadTitleInGrid(grid: RawGrid): string {
  const first = grid.rows[0];
  if (!first || !isOcr(grid)) return '';
  const filled = first.filter((c) => c.text.trim() !== '');
  if (filled.length === 0 || filled.length > IN_GRID_TITLE_PIECES || filled.some((c) => parseNumber(c.text) !== null)) return '';
  let t = cleanLabel(filled.map((c) => c.text.trim()).join(''));
  const preparer = PREPARER_LINE.exec(t);
  if (preparer && preparer.index > 0) t = t.slice(0, preparer.index);
  if (t.length > TITLE_JOINED_MAX || NOTE_WORDS.test(t) || NOT_TITLE.test(t)) return '';
  if (isTitleLine(t)) return t;
  // a kind's title found as such (收支总表 of 收支总表【预算表1), its bracket misread) or misread
  const strength = Math.max(fuzzyTitleKinds(t)[0]?.strength ?? 0, ...kindsByTitle(t).map((k) => exactTitleLength(k, t)));
  return strength >= MISREAD_TITLE_STRENGTH ? t : '';
}

/** a part's heading (第二部分 2026年度部门预算表): it names the tables that follow, none of them */
const PART_HEADING = /^第[一二三四五六七八九十]+部分/;

export function locateTables(blocks: Block[]): TableCandidate[] {
  const out: TableCandidate[] = [];
  let lines: Block[] = [];
  let last: TableCandidate | null = null;
  /** per candidate: its title was read from the lines above it */
  const titledAbove: boolean[] = [];
  /** per candidate: the index among its lines `before` of the title's last line, or -1 */
  const titleAt: number[] = [];
  const running = runningLines(blocks, blocks.some((b) => b.kind === 'grid' && isOcr(b.grid)), mayRun);
  const furniture = (t: string): boolean => isPageFurniture(t) || running.has(t.trim());
  for (const b of blocks) {
    if (b.kind === 'line') {
      lines.push(b);
      continue;
    }
    const texts = lines.map((l) => (l.kind === 'line' ? l.text : '')).filter((t) => t.trim() !== '');
    const gridPage = b.grid.page_first ?? b.page;
    // a continuation: only 续表 / page numbers since the last grid, and on a later page
    const onlyContinuation = texts.every((t) => furniture(t) || findUnit(t) !== '');
    if (last && onlyContinuation && texts.length <= 3 && isContinuation(last, b.grid, gridPage)) {
      mergeInto(last, b.grid);
      lines = [];
      continue;
    }
    // the title is printed just above the table: only the last lines count (a contents page or
    // the text of earlier sections must not name it)
    const near = textLines(lines).filter((l) => gridPage === undefined || l.page === undefined || l.page === gridPage || l.page === gridPage - 1).slice(-8);
    const found = titleAbove(near)?.title;
    // no title line above (or only a part's heading, 第二部分 …): the title printed in the grid's
    // first row, or a misread one above
    const open = found === undefined || PART_HEADING.test(cleanLabel(found));
    const printed = open ? titleInGrid(b.grid) || (found === undefined && isOcr(b.grid) ? misreadTitle(near) : '') : '';
    const firstRow = open && !printed ? misreadTitleInGrid(b.grid) : '';
    const above = printed || firstRow ? undefined : found;
    const title = above ?? (printed || firstRow);
    const noLine = near.map((l) => l.text).reverse().find((t) => TABLE_NO.test(cleanLabel(t)));
    const table_no = noLine ? (TABLE_NO.exec(cleanLabel(noLine))?.[1] ?? '') : '';
    // a continuation page that prints the table's title block again (title, number, 部门 and unit
    // lines, a running page header): nothing new between the grids
    if (last && texts.length <= 8 && repeatsPreamble(last, textLines(lines), isOcr(last.grid) || isOcr(b.grid), furniture) && isContinuation(last, b.grid, gridPage)) {
      mergeInto(last, b.grid);
      lines = [];
      continue;
    }
    // an OCR'd page whose first row of amounts prints a 款 or 项 code part alone (the 类 cells on its
    // left empty): that row carries the parts of the rows above, so no table begins there, and the
    // title block printed again above it (however misread: a photocopy's specks and grey) is the
    // previous table's, when its title is that table's and it names no other table number
    if (last && texts.length <= 8 && isOcr(b.grid) && continuesCodeParts(last.grid, b.grid) && sameTitleBlock(last, textLines(lines)) && isContinuation(last, b.grid, gridPage)) {
      mergeInto(last, b.grid);
      lines = [];
      continue;
    }
    if (last) last.notes = notesFrom(texts);
    const unit = findUnit(texts.join('')) || findUnit(b.grid.rows.slice(0, 3).flat().map((c) => c.text).join(''));
    const cand: TableCandidate = { grid: b.grid, title, table_no, unit, before: texts, notes: [] };
    if (firstRow) cand.titleRow = true;
    if (gridPage !== undefined) cand.page = gridPage;
    out.push(cand);
    // where the title above ends among the lines before the table (html pages: no page filter)
    const at = above === undefined ? -1 : texts.length - near.length + titleAbove(near)!.to;
    titledAbove.push(above !== undefined);
    titleAt.push(at);
    last = cand;
    lines = [];
  }
  if (last) last.notes = notesFrom(lines.map((l) => (l.kind === 'line' ? l.text : '')));
  const trailing = lines.map((l) => (l.kind === 'line' ? l.text : '')).filter((t) => t.trim() !== '');
  if (out.length && out.every((c) => c.grid.method === 'html')) bindAcrossTables(out, titleAt, trailing);
  return out;
}

/** a caption printed under its table is the first line after it (a note under a table, then the
 *  next table's title, is a title above) */
const CAPTION_BELOW_LINES = 1;

/** The title printed among the first lines after a table (a caption below it), or null. */
function titleBelow(after: string[]): { title: string; table_no: string } | null {
  for (const t of after.slice(0, CAPTION_BELOW_LINES)) {
    if (!isTitleLine(t)) continue;
    // the number as printed before the title's words (表1　收支总表: the space ends the number)
    return { title: withoutUnit(t), table_no: TABLE_NO.exec(t.normalize('NFKC').trim())?.[1]?.replace(/\s+/g, '') ?? '' };
  }
  return null;
}

/** Web pages: each table's caption and unit, where a page prints them above some tables and below
 *  others. In table order: a table with no title above it (none in the lines between it and the
 *  previous table, after what that table took) takes a title printed as the first line after it,
 *  when the next table can do without that line: another title follows it before the next table,
 *  or the next table has a caption of its own below it. A unit printed between a table and the
 *  next one's title above (单位：万元 under the table) is the earlier table's when that table has
 *  none of its own; the later table then takes only a unit printed after its title. PDFs are
 *  never rebound (a page's furniture is not a caption). */
function bindAcrossTables(out: TableCandidate[], titleAt: number[], trailing: string[]): void {
  const lines = out.map((c) => c.before.filter((t) => t.trim() !== ''));
  const after = (i: number): string[] => (i + 1 < out.length ? lines[i + 1]! : trailing.filter((t) => t.trim() !== ''));
  // lines at the start of a table's `before` taken by the previous table's caption
  const taken = out.map(() => 0);
  const below = out.map((_, i) => titleBelow(after(i)));
  // a title between the line at `from` and the table (its own title above)
  const aboveFrom = (i: number, from: number): boolean => titleAt[i]! >= from;
  out.forEach((c, i) => {
    if (aboveFrom(i, taken[i]!) || titleInGrid(c.grid)) return;
    const b = below[i];
    if (!b) return;
    const next = i + 1 < out.length ? i + 1 : -1;
    if (next >= 0 && !aboveFrom(next, 1) && !below[next] && !titleInGrid(out[next]!.grid)) return;
    c.title = b.title;
    c.table_no = b.table_no;
    if (next >= 0) taken[next] = 1;
  });
  // units: a table's own lines start after what the previous table took (its caption below, a
  // unit under it); a table with no unit there nor in its first rows takes one printed under it,
  // between it and the next table's title
  const ownFrom = [...taken];
  const gridUnit = (c: TableCandidate): string => findUnit(c.grid.rows.slice(0, 3).flat().map((x) => x.text).join(''));
  out.forEach((c, i) => {
    c.unit = findUnit(lines[i]!.slice(ownFrom[i]).join('')) || gridUnit(c);
    if (c.unit) return;
    const next = i + 1 < out.length ? i + 1 : -1;
    const end = next >= 0 ? titleAt[next]! : Math.min(2, after(i).length);
    if (end < 0) return;
    const under = after(i).slice(next >= 0 ? taken[next]! : 0, end).map((t) => findUnit(t)).find((u) => u);
    if (!under) return;
    c.unit = under;
    if (next >= 0) ownFrom[next] = end;
  });
}


/** a misread title says this much at least (a known title's length less twice its misreadings) */
const MISREAD_TITLE_STRENGTH = 4;

/** the words of a table's note (本表反映…情况), which names the table much as its title does */
const NOTE_WORDS = /本表|反映/;

/** Above an OCR'd table with no title line: the last line near it in which a known title is found
 *  with a few characters misread (kinds.ts fuzzyTitleKinds), its 表 among them (收入支出决算总); not
 *  a note, whose 注 OCR may have misread too (沐李表反映…一般公共预算财政拨款支出情况). */
function misreadTitle(lines: TextLine[]): string {
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = cleanLabel(lines[i]!.text);
    if (!isTitlePiece(t) || t.length > TITLE_JOINED_MAX || NOTE_WORDS.test(t)) continue;
    if ((fuzzyTitleKinds(t)[0]?.strength ?? 0) >= MISREAD_TITLE_STRENGTH) return t;
  }
  return '';
}

/** the non-empty text lines among blocks */
function textLines(blocks: Block[]): TextLine[] {
  const out: TextLine[] = [];
  for (const b of blocks) if (b.kind === 'line' && b.text.trim() !== '') out.push({ text: b.text, ...(b.page !== undefined ? { page: b.page } : {}), ...(b.heading ? { heading: true } : {}) });
  return out;
}

function notesFrom(texts: string[]): string[] {
  const notes: string[] = [];
  for (const t of texts) {
    const c = cleanLabel(t);
    if (!c) continue;
    if (isTitleLine(t) || /^第.部分/.test(c)) break;
    if (/^(注|说明|备注|\d+[.．、])/.test(c) || /没有|无数据|为空|空表|不涉及|未发生/.test(c)) notes.push(c);
    if (notes.length > 6) break;
  }
  return notes;
}

/** The lines between two grids are the first table's title block printed again: a title line
 *  must be its title, a number line its number; other lines must have been printed before it
 *  (部门/单位 lines, a running page header) or be page numbers. */
function repeatsPreamble(prev: TableCandidate, texts: TextLine[], ocr: boolean, furniture: (text: string) => boolean): boolean {
  const before = prev.before.map(cleanLabel);
  const noOnly = new RegExp('^' + TABLE_NO.source + '$');
  // the title again, maybe over several lines: the lines it is printed on must join to prev's
  const title = titleAbove(texts);
  if (title && !sameLine(title.title, prev.title, ocr)) return false;
  const footerPage = prev.grid.page_last ?? prev.page;
  return texts.every(({ text: t, page }, i) => {
    if (title && i >= title.from && i <= title.to) return true;
    const c = cleanLabel(t);
    if (isPageFurniture(c) || furniture(t)) return true;
    if (ocr && page !== undefined && page === footerPage && c.replace(/\s+/g, '').length <= OCR_FOOTER_MAX) return true;
    if (noOnly.test(c)) return TABLE_NO.exec(c)?.[1] === prev.table_no;
    if (isTitleLine(t)) return sameLine(withoutUnit(t), prev.title, ocr);
    return before.some((b) => sameLine(c, b, ocr));
  });
}

/** The lines between two grids name no other table: a title there is `prev`'s (OCR'd: up to a
 *  misread character in seven), a table number there is `prev`'s number. */
function sameTitleBlock(prev: TableCandidate, texts: TextLine[]): boolean {
  const title = titleAbove(texts);
  if (title && !sameLine(title.title, prev.title, true)) return false;
  const noOnly = new RegExp('^' + TABLE_NO.source + '$');
  return texts.every(({ text: t }) => {
    const c = cleanLabel(t);
    return !noOnly.test(c) || TABLE_NO.exec(c)?.[1] === prev.table_no;
  });
}

/** a 类 code (three digits) and a 款 / 项 code part (two digits) of split code columns */
const CLASS_PART = /^\d{3}$/;
const SUB_PART = /^\d{2}$/;

/** `grid`'s first row of amounts (an amount with a decimal point or a thousands comma, within the
 *  header's reach) opens with a 款 or 项 part alone, the cells on its left empty, in a column
 *  where `prev` prints such parts and beside a first column where `prev` prints 类 codes: the row
 *  carries its 类 (and 款) from the rows above, the rows of `prev`. */
function continuesCodeParts(prev: RawGrid, grid: RawGrid): boolean {
  const amount = (t: string) => /[.,]/.test(t) && /\d/.test(t) && parseNumber(cleanLabel(t)) !== null;
  const first = grid.rows.slice(0, HEADER_MAX + 1).find((r) => r.some((c) => amount(c.text)));
  if (!first) return false;
  const j = first.findIndex((c) => cleanLabel(c.text) !== '');
  if (j <= 0 || !SUB_PART.test(cleanLabel(first[j]!.text))) return false;
  const at = (r: GridCell[], k: number) => cleanLabel(r[k]?.text ?? '');
  return prev.rows.some((r) => CLASS_PART.test(at(r, 0))) && prev.rows.some((r) => SUB_PART.test(at(r, j)));
}

function isOcr(grid: RawGrid): boolean {
  return grid.method === 'ocr';
}

function isContinuation(prev: TableCandidate, grid: RawGrid, page: number | undefined): boolean {
  const prevLast = prev.grid.page_last ?? prev.page;
  if (page === undefined || prevLast === undefined || page !== prevLast + 1) return false;
  if (startsOver(prev.grid, grid)) return false;
  // a form that prints its title in its first row: another title is another form
  const ocr = isOcr(prev.grid) || isOcr(grid);
  const titles = [titleInGrid(prev.grid), titleInGrid(grid)];
  if (titles[0] && titles[1] && !sameLine(titles[0], titles[1], ocr)) return false;
  // same column count, or the new page repeats the header rows
  const width = (g: RawGrid) => g.rows.reduce((m, r) => Math.max(m, r.length), -Infinity);
  if (width(prev.grid) === width(grid)) return true;
  if (isTrailingTotal(grid, width(prev.grid))) return true;
  const head = new Set(prev.grid.rows.slice(0, 4).map(rowKey));
  return grid.rows.slice(0, 4).some((r) => head.has(rowKey(r)));
}

/** The grid is another table of the same layout, not the rest of `prev`: its first row opens with
 *  the label `prev`'s first row opens with (项目名称) but says something else in it (another
 *  project), while a later row of its first ones is the very row `prev` has at that place (the
 *  form's fixed header words: 年初预算数 | 全年预算数 …). A continued table either repeats its first
 *  row as it was or goes straight on with other rows. Text layers only: OCR reads repeated header
 *  rows a little differently on every page. */
function startsOver(prevGrid: RawGrid, grid: RawGrid): boolean {
  if (isOcr(prevGrid) || isOcr(grid)) return false;
  const a = prevGrid.rows[0];
  const b = grid.rows[0];
  if (!a || !b || rowKey(a) === rowKey(b)) return false;
  const lead = (r: GridCell[]) => cleanLabel(r.find((c) => c.text.trim() !== '')?.text ?? '');
  const label = lead(a);
  if (label === '' || label !== lead(b) || parseNumber(label) !== null) return false;
  const n = Math.min(HEADER_MAX, prevGrid.rows.length, grid.rows.length);
  for (let i = 1; i < n; i++) {
    const r = grid.rows[i]!;
    const words = r.map((c) => cleanLabel(c.text)).filter((t) => t !== '');
    if (words.length < 2 || words.some((t) => parseNumber(t) !== null)) continue;
    if (rowKey(r) === rowKey(prevGrid.rows[i]!)) return true;
  }
  return false;
}

const TOTAL_LABEL = /^(合计|总计|小计)$/;

/** A page holding nothing but the table's last row, the 合计 (or 总计) line, printed with its label
 *  merged over the code columns (so the grid is narrower): a label and at most as many numbers as
 *  the table has columns left of it. */
function isTrailingTotal(grid: RawGrid, prevWidth: number): boolean {
  const rows = grid.rows.map((r) => r.map((c) => c.text.trim()).filter((t) => t !== '')).filter((r) => r.length > 0);
  if (rows.length === 0 || rows.length > 2) return false;
  // (the amounts as read, spaces kept: 156,211 123 is a grouped number, 156,211123 none)
  return rows.every((r) => TOTAL_LABEL.test(cleanLabel(r[0]!)) && r.length >= 2 && r.length <= prevWidth && r.slice(1).every((t) => parseNumber(t) !== null));
}

/** An OCR'd header row read again on a continuation page: no amount in it, and at least two and
 *  two in five of its filled cells the same words (sameLine) as a cell of the first page's header
 *  rows — OCR misreads some of the small header words differently on every page, and may split
 *  or join a header cell, so the words are matched wherever they stand. */
function sameHeaderRow(row: GridCell[], head: GridCell[][]): boolean {
  const filled = row.map((c) => cleanLabel(c.text)).filter((t) => t !== '');
  if (filled.length < 2 || filled.some((t) => /\d/.test(t) && parseNumber(t) !== null)) return false;
  const words = head.flat().map((c) => cleanLabel(c.text)).filter((t) => t !== '');
  const same = filled.filter((t) => words.some((w) => sameLine(t, w, true))).length;
  return same >= 2 && same * 5 >= filled.length * 2;
}

/** a filled cell holding an amount (a header row holds none) */
const hasAmount = (r: GridCell[]): boolean => r.some((c) => /\d/.test(c.text) && parseNumber(cleanLabel(c.text)) !== null);

/** a filled cell holding an amount as a header row never prints one: three digits at least, or a
 *  decimal point or thousands comma (a stroke of a header word OCR read as `1` is not one) */
const hasPrintedAmount = (r: GridCell[]): boolean =>
  r.some((c) => {
    const t = cleanLabel(c.text);
    return parseNumber(t) !== null && (/\d{3}/.test(t) || /\d[.,]\d/.test(t));
  });

/** the columns of a grid row that hold text */
const filledColumns = (r: GridCell[]): number[] => r.flatMap((c, i) => (cleanLabel(c.text) !== '' ? [i] : []));

/** Least filled cells for a row to be told a header row by where its words stand alone. */
const HEADER_LAYOUT_MIN = 3;

/** An OCR'd header row read again on a continuation page, told by where its words stand when OCR
 *  misread too many of them to be matched (科目编仨 | 科目叶称 | 合计 | 培札支出 | 顷目支申 under
 *  科目编仨 | 科目吊称 | | 棣木支画 | 顶目支出): no amount in it (a header word's stroke read `1` is
 *  none), and its filled cells the very columns of the first page's header row at the same place
 *  (`headRow`, itself without an amount) but for one cell read on one page and lost on the other,
 *  three at least in common. Both grids must be equally wide. */
function sameHeaderLayout(row: GridCell[], headRow: GridCell[] | undefined): boolean {
  if (!headRow || headRow.length !== row.length || hasPrintedAmount(row) || hasPrintedAmount(headRow)) return false;
  const a = filledColumns(row);
  const b = new Set(filledColumns(headRow));
  const common = a.filter((c) => b.has(c)).length;
  return common >= HEADER_LAYOUT_MIN && a.length + b.size - 2 * common <= 1;
}

function mergeInto(prev: TableCandidate, grid: RawGrid): void {
  // the repeated header: leading rows that the first page prints among its own first rows
  const head = prev.grid.rows.slice(0, HEADER_MAX);
  const keys = new Set(head.map(rowKey));
  const ocr = grid.method === 'ocr';
  let skip = 0;
  while (skip < grid.rows.length && skip < HEADER_MAX && (keys.has(rowKey(grid.rows[skip]!)) || (ocr && (sameHeaderRow(grid.rows[skip]!, head) || sameHeaderLayout(grid.rows[skip]!, head[skip]))))) skip++;
  // OCR: a header row misread too far to be matched (its small words garbled) above one that is
  // matched is header too: the rows before the first row with an amount, down to the last matched
  if (ocr) {
    for (let i = skip; i < Math.min(grid.rows.length, HEADER_MAX); i++) {
      const r = grid.rows[i]!;
      if (hasAmount(r)) break;
      if (keys.has(rowKey(r)) || sameHeaderRow(r, head)) skip = i + 1;
    }
  }
  // a merged cell names its origin by row index on its own page: move it to the merged grid's rows
  const offset = prev.grid.rows.length - skip;
  const rows = grid.rows.slice(skip).map((r) =>
    r.map((c) => {
      if (!c.mergedFrom) return c;
      const { mergedFrom, ...rest } = c;
      return mergedFrom[0] >= skip ? { ...rest, mergedFrom: [mergedFrom[0] + offset, mergedFrom[1]] as [number, number] } : rest;
    }),
  );
  const pages = grid.rowPages?.slice(skip) ?? rows.map(() => grid.page_first ?? 0);
  const prevPages = prev.grid.rowPages ?? prev.grid.rows.map(() => prev.grid.page_first ?? prev.page ?? 0);
  const repeated = ocr && skip > 0 ? [grid.rows.slice(0, skip).map((r) => r.map((c) => c.text))] : [];
  prev.grid = {
    ...prev.grid,
    ...(repeated.length || prev.grid.repeatedHeaders ? { repeatedHeaders: [...(prev.grid.repeatedHeaders ?? []), ...repeated] } : {}),
    rows: [...prev.grid.rows, ...rows],
    rowPages: [...prevPages, ...pages],
    page_last: grid.page_last ?? grid.page_first ?? prev.grid.page_last,
    notes: [...(prev.grid.notes ?? []), ...(grid.notes ?? []), `continued on page ${grid.page_first ?? '?'}`],
  } as RawGrid;
}
