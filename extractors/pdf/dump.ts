// Debugging aid: a PDF's blocks as plain text (grids as pipe-separated rows, merges marked).
import { readFile } from 'node:fs/promises';
import type { Block } from '../../model/types.js';
import { layoutPage } from '../layout/index.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from '../layout/settings.js';
import { extractPdfPages } from './extract.js';

export function formatBlocks(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'line') {
      out.push(`[p${b.page ?? '?'}]${b.heading ? ' #' : ''} ${b.text}`);
      continue;
    }
    const g = b.grid;
    out.push(`[p${b.page ?? '?'}] grid ${g.method} ${g.rows.length}x${Math.max(0, ...g.rows.map((r) => r.length))}${g.notes?.length ? ' (' + g.notes.join('; ') + ')' : ''}`);
    g.rows.forEach((row, r) => {
      const cells = row.map((c) => {
        if (c.mergedFrom) return '<';
        const span = (c.colSpan ?? 1) > 1 || (c.rowSpan ?? 1) > 1 ? `{${c.rowSpan ?? 1}x${c.colSpan ?? 1}}` : '';
        return span + c.text;
      });
      out.push(`  ${String(r).padStart(2)} | ${cells.join(' | ')}`);
    });
  }
  return out.join('\n');
}

/** Blocks of a PDF (optionally some pages only) as text. */
export async function dumpBlocks(path: string, pages?: readonly number[], settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Promise<string> {
  const bytes = new Uint8Array(await readFile(path));
  const { pages: content } = await extractPdfPages(bytes, pages ? { only: pages, settings } : { settings });
  const blocks = content.flatMap((pc) => (pc.needsOcr ? [{ kind: 'line', text: '(no text layer: OCR needed)', page: pc.page } as Block] : layoutPage(pc, settings)));
  return formatBlocks(blocks);
}
