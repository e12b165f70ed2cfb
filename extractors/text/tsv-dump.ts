// Dump style "lines with tab-separated cells" (markdown dumps with TSV tables, OCR'd TSV):
// a line with a tab is a table row; consecutive rows form one grid, also across blank lines.
import type { Block, GridCell } from '../../model/types.js';

const BOLD = /<b>(.*?)<\/b>/gi;

export function cellOf(raw: string): GridCell {
  const bold = /<b>/i.test(raw);
  const text = raw.replace(BOLD, '$1').replace(/<\/?b>/gi, '').trim();
  return bold ? { text, bold } : { text };
}

/** A table-of-contents line: `一、部门职责.....\t4` (a dot leader and a page number). */
export function isTocLine(line: string): boolean {
  const cells = line.split('\t').map((c) => c.replace(/<\/?b>/gi, '').trim()).filter(Boolean);
  if (cells.length === 0 || cells.length > 2) return false;
  const first = cells[0]!;
  const leader = /(\.{3,}|…{2,}|·{3,})\s*$/.test(first);
  if (cells.length === 1) return leader;
  return /^\d{1,3}$/.test(cells[1]!) && (leader || /(表|说明|部分|情况|解释|附件|附表|概况|职责|设置|目录)$/.test(first));
}

export function parseTsvDump(text: string): Block[] {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  let rows: GridCell[][] = [];
  const flush = () => {
    if (rows.length) blocks.push({ kind: 'grid', grid: { rows, method: 'text' } });
    rows = [];
  };
  for (const line of lines) {
    if (line.includes('\t') && !isTocLine(line)) {
      rows.push(line.split('\t').map(cellOf));
      continue;
    }
    if (line.trim() === '') continue;
    flush();
    const heading = /^#{1,6}\s/.test(line);
    const t = line.replace(/^#{1,6}\s+/, '').replace(/^-\s+/, '').replace(/<\/?b>/gi, '').trim();
    blocks.push(heading ? { kind: 'line', text: t, heading } : { kind: 'line', text: t });
  }
  flush();
  return blocks;
}
