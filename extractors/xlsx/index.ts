// Spreadsheets (.xlsx and legacy .xls): each visible sheet a candidate table, in workbook order.
import type { ExtractContext, Extractor, ExtractResult } from '../../model/stages.js';
import { DEFAULT_INPUT_LIMITS, type SpreadsheetLimits } from '../input-limits.js';
import type { Block, Message } from '../../model/types.js';
import { readWorkbook } from './workbook.js';
import { sheetBlocks } from './sheet-blocks.js';

export function extractWorkbook(bytes: Uint8Array, limits: SpreadsheetLimits = DEFAULT_INPUT_LIMITS.spreadsheet): ExtractResult {
  const sheets = readWorkbook(bytes, limits);
  const blocks: Block[] = [];
  const messages: Message[] = [];
  let grids = 0;
  for (const sheet of sheets) {
    if (sheet.hidden) {
      messages.push({ stage: 'extract', severity: 'info', text: `sheet ${sheet.name}: hidden, not read` });
      continue;
    }
    const bs = sheetBlocks(sheet);
    grids += bs.filter((b) => b.kind === 'grid').length;
    blocks.push(...bs);
  }
  messages.unshift({ stage: 'extract', severity: 'info', text: `workbook: ${sheets.length} sheet(s), ${grids} table(s)` });
  return { blocks, messages };
}

export const xlsxExtractor: Extractor = {
  name: 'spreadsheet',
  formats: ['xlsx', 'xls'],
  async extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult> {
    return extractWorkbook(bytes, ctx.settings?.limits.spreadsheet);
  },
};
