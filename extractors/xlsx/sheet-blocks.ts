// One sheet → blocks: a line with the sheet name, the rows above the table (title, 公开NN表,
// 编制部门： / 单位：元) as lines, the table as a grid with merged cells expanded (origin cell
// keeps the text and the span, covered cells are '' with `mergedFrom`), notes below it as lines.
// Empty rows and columns (formatting only, hidden) are dropped; a sheet of prose is all lines.
import type { Block, GridCell } from '../../model/types.js';
import type { Sheet } from './workbook.js';
import { cellText } from './cell-text.js';

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

export function sheetBlocks(sheet: Sheet): Block[] {
  const blocks: Block[] = [{ kind: 'line', text: sheet.name.trim(), heading: true }];
  const { rows, cols, text, merges } = plainSheet(sheet);
  if (rows.length === 0) return blocks;
  const filled = (r: number) => cols.filter((c) => text[r]![c]).length;
  const isMeta = (r: number) => cols.every((c) => !text[r]![c] || META.test(text[r]![c]!.replace(/\s+/g, '')));
  let first = 0;
  while (first < rows.length && (filled(rows[first]!) <= 1 || isMeta(rows[first]!))) first++;
  let last = rows.length - 1;
  while (last >= first && filled(rows[last]!) <= 1) last--;
  const lines = (rs: number[]) => {
    for (const r of rs) for (const c of cols) for (const l of (text[r]![c] ?? '').split('\n')) if (l.trim()) blocks.push({ kind: 'line', text: l.trim() });
  };
  lines(rows.slice(0, first));
  if (first <= last) {
    const gridRows = rows.slice(first, last + 1);
    blocks.push({ kind: 'grid', grid: { rows: gridOf(gridRows, cols, text, merges), method: 'xlsx' } });
  }
  lines(rows.slice(Math.max(first, last + 1)));
  return blocks;
}

/** The dense grid of the kept rows × columns; a merge becomes a span over the kept positions it covers. */
function gridOf(rows: number[], cols: number[], text: string[][], merges: Sheet['merges']): GridCell[][] {
  const rowAt = new Map(rows.map((r, i) => [r, i]));
  const colAt = new Map(cols.map((c, i) => [c, i]));
  const grid: GridCell[][] = rows.map((r) => cols.map((c) => ({ text: text[r]![c] ?? '' })));
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
