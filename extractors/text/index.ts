// Text dumps of disclosures (made by other tools from the original PDFs), in the styles seen:
// markdown with TSV tables, OCR'd TSV, one cell per line, or plain prose.
import type { Extractor, ExtractResult } from '../../model/stages.js';
import { decodeText } from './decode.js';
import { isTocLine, parseTsvDump } from './tsv-dump.js';
import { parseCellPerLineDump } from './cell-per-line-dump.js';

export type DumpStyle = 'tsv' | 'cell-per-line' | 'prose';

/** Which dump style a text is in, from its lines (not from its name). */
export function detectDumpStyle(text: string): DumpStyle {
  let leadingTabOnly = 0;
  let innerTab = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.includes('\t') || isTocLine(line)) continue;
    if (line.startsWith('\t') && !line.slice(1).includes('\t')) leadingTabOnly++;
    else innerTab++;
  }
  if (leadingTabOnly + innerTab < 3) return 'prose';
  return leadingTabOnly > innerTab ? 'cell-per-line' : 'tsv';
}

export const textExtractor: Extractor = {
  name: 'text-dump',
  formats: ['text'],
  async extract(bytes): Promise<ExtractResult> {
    const { text, encoding } = decodeText(bytes);
    const style = detectDumpStyle(text);
    const blocks = style === 'cell-per-line' ? parseCellPerLineDump(text) : parseTsvDump(text);
    const plain = encoding === 'UTF-8' || encoding === 'UTF-8 with a byte-order mark' || encoding === 'GB18030';
    return {
      blocks,
      messages: [{ stage: 'extract', severity: plain ? 'info' : 'warning', text: `text dump, style ${style}, ${encoding}${plain ? '' : ': decoded'}` }],
    };
  },
};
