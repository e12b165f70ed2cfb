// Where an OCR'd table carries on from the page before. OCR reads each page of a table as a table of
// its own, so the first rows of a page that carries a table on have no code above them: a row
// whose code the scan lost there (医疗救助 with its 21013 unread, at the top of the page after
// 2101202) cannot be placed as a 款 or 项 under anything. The table on the page before says what it
// is under: the 类 and 款 of its last coded row (normalizers/facts/index.ts inferLostCodes).
import type { DocumentRecord, Table } from '../../model/types.js';

/** The context `table` (just understood, not yet in `doc.tables`) starts under: the 类 and 款 of the
 *  last coded row of the table before it, when both were read by OCR, are of one known kind and
 *  `table` starts on the page after (a page that prints the title again carries the table on as
 *  well; a new table of that kind would start with its 合计 or a 类, which need no context).
 *  Undefined otherwise. */
export function carriedContext(doc: DocumentRecord, table: Table): { cls: string; kuan: string } | undefined {
  const prev = doc.tables.at(-1);
  if (!prev || prev.method !== 'ocr' || table.method !== 'ocr' || table.table_kind === 'unknown' || prev.table_kind !== table.table_kind) return undefined;
  if (prev.page_last === undefined || table.page_first !== prev.page_last + 1) return undefined;
  // (the table before's facts are the last ones in: read from the end, up to its last coded row)
  for (let i = doc.facts.length - 1; i >= 0 && doc.facts[i]!.table_id === prev.table_id; i--) {
    const code = doc.facts[i]!.code;
    if (/^\d{3}(\d{2}){0,2}$/.test(code) && doc.facts[i]!.code_system === 'function') return { cls: code.slice(0, 3), kuan: code.length >= 5 ? code.slice(0, 5) : '' };
  }
  return undefined;
}
