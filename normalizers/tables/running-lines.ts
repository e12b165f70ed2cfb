// Running page headers: a line printed at the top of several pages (the issuer and the year over
// every page of a disclosure). Between the pages of a table continued over pages it says nothing,
// like a page number. OCR reads it a little differently on every page and may misread it wholly
// on one, so a page's top line is a running header when another page's top lines read the same
// (same-line.ts), not only when the page before printed it.
import type { Block } from '../../model/types.js';
import { lineWords, sameLine } from './same-line.js';

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
  const admitted = [...tops].flatMap(([page, lines]) => lines.filter(may).map((t) => ({ page, t })));
  const candidates = admitted.filter((c) => lineWords(c.t).length >= MIN_CHARS);
  const out = new Set<string>();
  if (!ocr) {
    // a text layer prints it alike on every page: the same words on two pages
    const pages = new Map<string, Set<number>>();
    for (const c of admitted) pages.set(lineWords(c.t), (pages.get(lineWords(c.t)) ?? new Set()).add(c.page));
    for (const c of candidates) if (pages.get(lineWords(c.t))!.size > 1) out.add(c.t);
    return out;
  }
  for (const c of candidates) if (admitted.some((o) => o.page !== c.page && sameLine(c.t, o.t, ocr))) out.add(c.t);
  return out;
}
