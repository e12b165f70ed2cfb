// One sheet → blocks: a line with the sheet name, the rows above the table (title, 公开NN表,
// 编制部门： / 单位：元) as lines, the table as a grid with merged cells expanded (origin cell
// keeps the text and the span, covered cells are '' with `mergedFrom`), notes below it as lines.
// Empty rows and columns (formatting only, hidden) are dropped; a sheet of prose is all lines.
import type { Block, GridCell } from '../../model/types.js';
import type { Sheet } from './workbook.js';
import { cellText } from './cell-text.js';
import { sheetCellRef } from '../source-ref.js';

/** Rows above a table that carry its caption data, not table rows. */
const META = /^(编制(部门|单位)|预算(主管)?(部门|单位)|填报单位|部门(名称)?|单位(名称)?|金额单位|单位)\s*[:：]|^公开\s*\d{1,2}\s*表$|^(预算|附)?表\s*\d{1,2}(-\d{1,2})?$|^单位\s*[:：]?\s*(万元|元|亿元|千元)$/;

function plainSheet(sheet: Sheet): { rows: number[]; cols: number[]; text: string[][]; merges: Sheet['merges'] } {
  const text: string[][] = sheet.cells.map((row) => {
    const out: string[] = [];
    for (let c = 0; c < row.length; c++) out[c] = cellText(row[c]);
    return out;
  });
  // merged areas show only their top-left cell
  for (const m of sheet.merges) {
    for (let r = m.r0; r <= m.r1; r++) {
      const row = text[r];
      if (!row) continue;
      for (let c = m.c0; c <= m.c1; c++) if ((r !== m.r0 || c !== m.c0) && row[c] !== undefined) row[c] = '';
    }
  }
  const usedRows: number[] = [];
  let lastCol = -1;
  for (let r = 0; r < text.length; r++) {
    if (sheet.hiddenRows.has(r)) continue;
    const row = text[r]!;
    let any = false;
    for (let c = 0; c < row.length; c++) {
      if (row[c] && !sheet.hiddenCols.has(c)) {
        any = true;
        if (c > lastCol) lastCol = c;
      }
    }
    if (any) usedRows.push(r);
  }
  // a column is kept when it has text or a merge starts in it (merged headers over empty columns)
  const cols: number[] = [];
  for (let c = 0; c <= lastCol; c++) {
    if (sheet.hiddenCols.has(c)) continue;
    if (usedRows.some((r) => text[r]![c])) cols.push(c);
  }
  return { rows: usedRows, cols, text, merges: sheet.merges };
}

/** a title row of its own: one filled cell naming a table (…表, 表5, 公开05表, …表（…）) */
const TITLE_ROW = /表$|表[(（][^)）]*[)）]$|^(公开|预算|附)?表\s*\d{1,2}([-－]\d{1,2})?$|^公开\s*\d{1,2}\s*表$/;
const AMOUNT = /^[-−+]?[\d,]*\d(\.\d+)?%?$/;

interface Region {
  rows: number[];
  cols: number[];
}

/** One sheet → blocks, table after table. A sheet may hold several tables: they are apart by blank
 *  rows, by a blank column (side by side), or follow one another with the next table's title row
 *  as the only boundary. A part after a blank row that opens with no title (or 部门/单位 row) of its
 *  own goes on with the part above (a spacer row inside a table, the notes under it). */
export function sheetBlocks(sheet: Sheet): Block[] {
  const blocks: Block[] = [{ kind: 'line', text: sheet.name.trim(), heading: true }];
  const { rows, cols, text, merges } = plainSheet(sheet);
  if (rows.length === 0) return blocks;
  const ctx: SheetText = { sheet: sheet.name, text, merges, hiddenCols: sheet.hiddenCols, hiddenRows: sheet.hiddenRows };
  for (const region of regions(rows, cols, ctx)) blocks.push(...regionBlocks(region, ctx));
  return blocks;
}

interface SheetText {
  /** the sheet's name (source_ref) */
  sheet: string;
  text: string[][];
  merges: Sheet['merges'];
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
}

const filledIn = (ctx: SheetText, r: number, cols: number[]): string[] => cols.map((c) => ctx.text[r]![c] ?? '').filter((t) => t.trim() !== '');
/** a row that opens a table: its title (or number), alone or beside the number, 部门 or unit
 *  (2026年一般公共预算支出表 | 公开05表); no amount */
const isTitleRow = (ctx: SheetText, r: number, cols: number[]): boolean => {
  const f = filledIn(ctx, r, cols).map((t) => t.replace(/\s+/g, ''));
  if (f.length === 0 || f.length > 3 || f.some((t) => AMOUNT.test(t) || /^注/.test(t))) return false;
  return f.some((t) => TITLE_ROW.test(t)) && f.every((t) => TITLE_ROW.test(t) || META.test(t));
};
const hasAmount = (ctx: SheetText, r: number, cols: number[]): boolean => filledIn(ctx, r, cols).some((t) => AMOUNT.test(t.trim()));
const isDataRow = (ctx: SheetText, r: number, cols: number[]): boolean => filledIn(ctx, r, cols).length >= 2 && hasAmount(ctx, r, cols);

/** whether two used rows are apart by a blank row: one that is not hidden and that no merge spans
 *  across (a row covered by a merged header cell looks blank) */
function blankBetween(ctx: SheetText, a: number, b: number): boolean {
  for (let r = a + 1; r < b; r++) if (!ctx.hiddenRows.has(r) && !ctx.merges.some((m) => m.r0 < r && m.r1 >= r)) return true;
  return false;
}

function regions(rows: number[], cols: number[], ctx: SheetText): Region[] {
  // 1. bands of rows apart by blank rows
  const bands: number[][] = [];
  for (const r of rows) {
    const cur = bands[bands.length - 1];
    const prev = cur?.[cur.length - 1];
    if (cur && prev !== undefined && !blankBetween(ctx, prev, r)) cur.push(r);
    else bands.push([r]);
  }
  // 2. a band that does not open with a title or a 部门/单位 row continues the one above (a blank
  //    row inside a table, the notes under it)
  const joined: number[][] = [];
  for (const band of bands) {
    const prev = joined[joined.length - 1];
    const first = band[0]!;
    const opens = isTitleRow(ctx, first, cols) || filledIn(ctx, first, cols).every((t) => META.test(t.replace(/\s+/g, '')));
    if (prev && !opens) for (const r of band) prev.push(r); // no spread: a band may be 100,000s of rows
    else joined.push([...band]);
  }
  // 3. each band side by side at blank columns where every part opens with its own title, then
  //    down at title rows that follow data rows
  const out: Region[] = [];
  for (const band of joined) {
    for (const part of splitColumns(band, cols, ctx)) out.push(...splitAtTitles(part, ctx));
  }
  return out;
}

/** Column groups of a band apart by a column blank in all its rows (no text, no merge over it);
 *  kept apart only when each group has two or more columns and its first row is a title row. */
function splitColumns(band: number[], cols: number[], ctx: SheetText): Region[] {
  const used = cols.filter((c) => band.some((r) => (ctx.text[r]![c] ?? '') !== ''));
  const covered = (c: number) => ctx.merges.some((m) => m.c0 < c && m.c1 >= c && m.r1 >= band[0]! && m.r0 <= band[band.length - 1]!);
  const groups: number[][] = [];
  for (const c of used) {
    const cur = groups[groups.length - 1];
    const prev = cur?.[cur.length - 1];
    let gap = false;
    if (prev !== undefined) for (let x = prev + 1; x < c; x++) if (!ctx.hiddenCols.has(x) && !covered(x)) gap = true;
    if (cur && !gap) cur.push(c);
    else groups.push([c]);
  }
  const whole = [{ rows: band, cols }];
  if (groups.length < 2) return whole;
  const titled = (g: number[]) => g.length >= 2 && band.some((r) => filledIn(ctx, r, g).length > 0) && isTitleRow(ctx, band.find((r) => filledIn(ctx, r, g).length > 0)!, g);
  if (!groups.every(titled)) return whole;
  // each group's columns: from its first used column to the column before the next group
  return groups.map((g, i) => {
    const next = groups[i + 1]?.[0] ?? Infinity;
    return { rows: band, cols: cols.filter((c) => c >= g[0]! && c < next) };
  });
}

/** A region cut where a title row follows rows of amounts (tables printed one after another). */
function splitAtTitles(region: Region, ctx: SheetText): Region[] {
  const out: Region[] = [];
  let cur: number[] = [];
  let data = false;
  for (const r of region.rows) {
    if (data && isTitleRow(ctx, r, region.cols)) {
      out.push({ rows: cur, cols: region.cols });
      cur = [];
      data = false;
    }
    cur.push(r);
    if (isDataRow(ctx, r, region.cols)) data = true;
  }
  if (cur.length) out.push({ rows: cur, cols: region.cols });
  return out;
}

/** One table's rows → the lines above it (title, 公开NN表, 编制部门： / 单位：元), the grid, the
 *  notes below it; a part without a table is lines. */
function regionBlocks({ rows, cols }: Region, ctx: SheetText): Block[] {
  const { text, merges, sheet } = ctx;
  const blocks: Block[] = [];
  // the region's own columns: those with text in its rows
  const own = cols.filter((c) => rows.some((r) => text[r]![c]));
  const filled = (r: number) => own.filter((c) => text[r]![c]).length;
  const isMeta = (r: number) => own.every((c) => !text[r]![c] || META.test(text[r]![c]!.replace(/\s+/g, '')));
  let first = 0;
  while (first < rows.length && (filled(rows[first]!) <= 1 || isMeta(rows[first]!) || isTitleRow(ctx, rows[first]!, own))) first++;
  let last = rows.length - 1;
  while (last >= first && filled(rows[last]!) <= 1) last--;
  const lines = (rs: number[]) => {
    for (const r of rs) for (const c of own) for (const l of (text[r]![c] ?? '').split('\n')) if (l.trim()) blocks.push({ kind: 'line', text: l.trim() });
  };
  lines(rows.slice(0, first));
  if (first <= last) {
    const gridRows = rows.slice(first, last + 1);
    // the grid's columns: those with text in its rows (not a unit printed out to the right above it)
    const gridCols = own.filter((c) => gridRows.some((r) => text[r]![c]));
    blocks.push({ kind: 'grid', grid: { rows: gridOf(sheet, gridRows, gridCols, text, merges), method: 'xlsx' } });
  }
  lines(rows.slice(Math.max(first, last + 1)));
  return blocks;
}

/** The dense grid of the kept rows × columns; a merge becomes a span over the kept positions it covers. */
function gridOf(sheet: string, rows: number[], cols: number[], text: string[][], merges: Sheet['merges']): GridCell[][] {
  const rowAt = new Map(rows.map((r, i) => [r, i]));
  const colAt = new Map(cols.map((c, i) => [c, i]));
  const grid: GridCell[][] = rows.map((r) => cols.map((c) => ({ text: text[r]![c] ?? '', ref: sheetCellRef(sheet, r, c) })));
  for (const m of merges) {
    const rs = rows.filter((r) => r >= m.r0 && r <= m.r1);
    const cs = cols.filter((c) => c >= m.c0 && c <= m.c1);
    if (rs.length === 0 || cs.length === 0 || (rs.length === 1 && cs.length === 1)) continue;
    const or = rowAt.get(rs[0]!)!;
    const oc = colAt.get(cs[0]!)!;
    const origin = grid[or]![oc]!;
    // the merge's text lives in its top-left cell, which may be a dropped (empty) row or column
    const t = text[m.r0]?.[m.c0] ?? '';
    if (t) origin.text = t;
    origin.ref = sheetCellRef(sheet, m.r0, m.c0);
    if (rs.length > 1) origin.rowSpan = rs.length;
    if (cs.length > 1) origin.colSpan = cs.length;
    for (const r of rs) {
      for (const c of cs) {
        const gr = rowAt.get(r)!;
        const gc = colAt.get(c)!;
        if (gr === or && gc === oc) continue;
        grid[gr]![gc] = { text: '', mergedFrom: [or, oc] };
      }
    }
  }
  return grid;
}
