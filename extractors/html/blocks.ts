// A parsed page → Block[] in document order: the text around tables (titles, 公开NN表, 单位：万元)
// as line blocks, each data table as a grid block. A layout table (one whose cells hold other
// tables) is not a grid: its cells are read as containers, so the data tables inside come out
// as grids and the text beside them as lines.
import type { Block } from '../../model/types.js';
import { type DomNode, childElements, containsTable, tagName } from './dom.js';
import { LineBuffer, cellText, collectText } from './text.js';
import { gridOfTable, tableRows } from './grid.js';

const CELLS = new Set(['td', 'th']);
const CAPTION = new Set(['caption']);

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

/** A layout wrapper: a table whose cells hold a table at least as big as itself, or that gives a
 *  nested table a cell of its own across its whole width. A small table inside one cell of a
 *  bigger table is that cell's content (its text flows into the cell, as Docling reads it). */
export function isLayoutTable(table: DomNode): boolean {
  if (!containsTable(table)) return false;
  const own = ownCells(table);
  let largest = 0;
  for (const tr of tableRows(table)) {
    const tds = childElements(tr, CELLS);
    for (const td of tds) {
      const inner = nestedTables(td);
      for (const t of inner) largest = Math.max(largest, ownCells(t));
      if (inner.length && tds.length === 1 && textOutsideTables(td) === '') return true;
    }
  }
  return largest >= own;
}

function textOutsideTables(n: DomNode): string {
  let s = '';
  for (const c of n.children ?? []) {
    if (c.type === 'text') s += (c.data ?? '').trim();
    else if (tagName(c) !== 'table' && c.children) s += textOutsideTables(c);
  }
  return s.replace(/\u00a0/g, '').trim();
}

export function blocksOfDom(root: DomNode): Block[] {
  const blocks: Block[] = [];
  const buf = new LineBuffer();

  const flushLines = (): void => {
    buf.flush();
    for (const l of buf.lines) blocks.push(l.heading ? { kind: 'line', text: l.text, heading: true } : { kind: 'line', text: l.text });
    buf.lines = [];
  };

  const onTable = (table: DomNode): boolean => {
    flushLines();
    if (isLayoutTable(table)) {
      for (const tr of tableRows(table)) {
        for (const td of childElements(tr, CELLS)) {
          collectText(td, buf, false, onTable);
          buf.flush();
        }
      }
      flushLines();
      return true;
    }
    for (const cap of childElements(table, CAPTION)) {
      const { text } = cellText(cap);
      for (const line of text.split('\n')) if (line) blocks.push({ kind: 'line', text: line });
    }
    const grid = gridOfTable(table);
    if (grid.rows.length === 0) return true;
    // a table with at most one filled cell per row is a text box (a title or a note), not data
    if (grid.rows.every((row) => row.filter((c) => c.text !== '').length <= 1)) {
      for (const row of grid.rows) {
        const cell = row.find((c) => c.text !== '');
        if (cell) for (const line of cell.text.split('\n')) blocks.push({ kind: 'line', text: line });
      }
      return true;
    }
    blocks.push({ kind: 'grid', grid });
    return true;
  };

  collectText(root, buf, false, onTable);
  flushLines();
  return blocks;
}

