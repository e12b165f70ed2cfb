// Dump style "one table cell per line": each cell line starts with a tab, a blank line ends a row,
// and a line without the tab right after a cell line continues that cell (a wrapped cell).
// Rows of one cell, and rows that only carry metadata (部门：… / 2023年度 / 金额单位：万元), are
// text lines; runs of the other rows are grids.
import type { Block, GridCell } from '../../model/types.js';
import { cellOf } from './tsv-dump.js';

const META = /^(部门[:：]|单位[:：]|金额单位|编制单位|单位名称[:：]|填报单位|[（(]?\d{4}\s*年度?[）)]?$|公开\s*\d+\s*表$)/;

function isMetaRow(cells: GridCell[]): boolean {
  const filled = cells.filter((c) => c.text !== '');
  return filled.length > 0 && filled.every((c) => META.test(c.text.replace(/\s+/g, '')));
}

export function parseCellPerLineDump(text: string): Block[] {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  let grid: GridCell[][] = [];
  let row: GridCell[] | null = null;
  const endRow = () => {
    if (!row) return;
    const filled = row.filter((c) => c.text !== '');
    if (row.length === 1 || isMetaRow(row)) {
      if (grid.length && row.length === 1 && filled.length === 0) { row = null; return; }
      flushGrid();
      for (const c of filled) blocks.push({ kind: 'line', text: c.text });
    } else {
      grid.push(row);
    }
    row = null;
  };
  const flushGrid = () => {
    if (grid.length) blocks.push({ kind: 'grid', grid: { rows: grid, method: 'text' } });
    grid = [];
  };
  for (const line of lines) {
    if (line.startsWith('\t')) {
      (row ??= []).push(...line.slice(1).split('\t').map(cellOf));
      continue;
    }
    if (line.trim() === '') {
      endRow();
      continue;
    }
    // a line without the leading tab right after a cell line is that cell's wrapped text
    if (row && row.length && !META.test(line.trim().replace(/\s+/g, ''))) {
      const last = row[row.length - 1]!;
      last.text = last.text + line.trim();
      continue;
    }
    endRow();
    flushGrid();
    blocks.push({ kind: 'line', text: line.trim() });
  }
  endRow();
  flushGrid();
  return blocks;
}
