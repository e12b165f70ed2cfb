// Titles and unit lines printed inside a table's outer frame (a full-width first row holding
// 收支总表（预算表1）, a row of 预算单位：… / 单位：万元) belong before the grid as line blocks, where
// the title and unit of every other table are.
import type { GridCell, RawGrid } from '../../model/types.js';

const TITLE = /表\s*([（(][^）)]{0,12}[)）])?$/;
const META = /^(.{0,30}(单位|部门)[:：]|公开\s*\d+\s*表$|表\s*\d+$|[（(]?\d{4}\s*年度?[）)]?$)/;

function origins(row: readonly GridCell[]): GridCell[] {
  return row.filter((c) => !c.mergedFrom);
}

function peelable(row: readonly GridCell[], first: boolean): string[] | undefined {
  const cells = origins(row);
  if (cells.some((c) => (c.rowSpan ?? 1) > 1)) return undefined;
  const texts = cells.map((c) => c.text).filter((t) => t);
  if (texts.length === 0) return undefined;
  if (first && cells.length === 1 && row.length > 1 && TITLE.test(texts[0]!)) return texts;
  if (texts.every((t) => META.test(t))) return texts;
  return undefined;
}

/** Split leading title/meta rows off a grid. Returns the lines and the grid without those rows. */
export interface PeeledLine {
  text: string;
  heading: boolean;
}

export function peelTitleRows(grid: RawGrid): { lines: PeeledLine[]; grid: RawGrid } {
  const lines: PeeledLine[] = [];
  let k = 0;
  while (k < grid.rows.length - 1) {
    const texts = peelable(grid.rows[k]!, k === 0);
    if (!texts) break;
    for (const text of texts) lines.push({ text, heading: !META.test(text) && TITLE.test(text) });
    k++;
  }
  if (k === 0) return { lines, grid };
  const rows = grid.rows.slice(k).map((row) =>
    row.map((c) => (c.mergedFrom ? { ...c, mergedFrom: [c.mergedFrom[0] - k, c.mergedFrom[1]] as [number, number] } : c)),
  );
  const out: RawGrid = { ...grid, rows };
  if (grid.rowPages) out.rowPages = grid.rowPages.slice(k);
  return { lines, grid: out };
}
