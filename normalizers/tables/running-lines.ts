// Running page headers: a line printed at the top of several pages (the issuer and the year over
// every page of a disclosure). Between the pages of a table continued over pages it says nothing,
// like a page number. OCR reads it a little differently on every page and may misread it wholly
// on one, so a page's top line is a running header when another page's top lines read the same
// (same-line.ts), not only when the page before printed it.
import type { Block } from '../../model/types.js';
import { sameLine } from './same-line.js';

/** a running header is among the first lines of a page, above any grid */
const TOP_LINES = 2;
/** …and holds this many characters at least (white space and marks aside): a line that short may
 *  be a misread title or heading, not the issuer and the year */
const MIN_CHARS = 8;

/** The texts of the lines printed at the top of a page (among its first TOP_LINES lines, above its
 *  first grid) that read as a line at the top of another page, MIN_CHARS long at least, and that
 *  `may` admits (a title or a table number printed again over a continued table is no running
 *  header: it names a table). */
export function runningLines(blocks: readonly Block[], ocr: boolean, may: (text: string) => boolean): Set<string> {
  const tops = new Map<number, string[]>();
  const closed = new Set<number>();
  for (const b of blocks) {
    if (b.page === undefined) continue;
    if (b.kind === 'grid') {
      closed.add(b.page);
      continue;
    }
    const t = b.text.trim();
    if (t === '' || closed.has(b.page)) continue;
    const top = tops.get(b.page) ?? [];
    if (top.length < TOP_LINES) tops.set(b.page, [...top, t]);
  }
  const out = new Set<string>();
  for (const [page, lines] of tops) {
    for (const t of lines) {
      if (!may(t) || t.replace(/[\s\p{P}\p{S}]/gu, '').length < MIN_CHARS) continue;
      if ([...tops].some(([p, other]) => p !== page && other.some((o) => may(o) && sameLine(t, o, ocr)))) out.add(t);
    }
  }
  return out;
}
