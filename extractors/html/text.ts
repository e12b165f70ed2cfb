// Visible text of a DOM subtree as lines: block elements and <br> break lines, inline pieces
// (<span>, <font>, Word's <o:p>) join, &nbsp; and source line wraps are plain spaces.
import { type DomNode, isElement, isHidden, tagName, setsBold } from './dom.js';

export const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'tbody', 'thead', 'tfoot',
  'caption', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'blockquote', 'pre', 'center', 'form', 'fieldset',
  'address', 'hr', 'body', 'html', 'figure', 'figcaption', 'td', 'th',
]);

const HEADING = /^h[1-6]$/;

/** Normalise one run of HTML text: no-break and other spaces to one space (the ideographic space
 *  U+3000 is kept: labels use it, and cleanLabel removes it where it does not matter). */
export function normText(s: string): string {
  return s.replace(/[\u00a0\u2002-\u200b\ufeff\t\n\r\f ]+/g, ' ');
}

/** Collects text into lines. */
export class LineBuffer {
  lines: { text: string; bold: boolean; heading: boolean }[] = [];
  private cur = '';
  private bold = false;
  private allBold = true;
  private heading = false;

  add(text: string, bold: boolean): void {
    if (text.trim() !== '') {
      this.bold = this.bold || bold;
      if (!bold) this.allBold = false;
    }
    this.cur += text;
  }

  markHeading(): void {
    this.heading = true;
  }

  flush(): void {
    const t = this.cur.replace(/ +/g, ' ').trim();
    if (t !== '') this.lines.push({ text: t, bold: this.bold && this.allBold, heading: this.heading });
    this.cur = '';
    this.bold = false;
    this.allBold = true;
    this.heading = false;
  }
}

/** Walk a subtree into a line buffer. `onTable` is called for a nested table (return true when it
 *  was handled there, e.g. emitted as a grid); otherwise the table's text flows into the lines. */
export function collectText(node: DomNode, buf: LineBuffer, bold = false, onTable?: (t: DomNode) => boolean): void {
  for (const c of node.children ?? []) {
    if (c.type === 'text') {
      buf.add(normText(c.data ?? ''), bold);
      continue;
    }
    if (!isElement(c) || isHidden(c)) continue;
    const t = tagName(c);
    if (t === 'br') {
      buf.flush();
      continue;
    }
    if (t === 'table' && onTable) {
      buf.flush();
      if (onTable(c)) continue;
    }
    const block = BLOCK.has(t);
    if (block) buf.flush();
    if (HEADING.test(t)) buf.markHeading();
    if (t === 'td' || t === 'th') buf.add(' ', false);
    collectText(c, buf, bold || setsBold(c), onTable);
    if (block) buf.flush();
  }
}

/** A cell's text: its lines joined with '\n'; bold when all of its text is bold. */
export function cellText(cell: DomNode): { text: string; bold: boolean } {
  const buf = new LineBuffer();
  collectText(cell, buf, setsBold(cell));
  buf.flush();
  const lines = buf.lines;
  return { text: lines.map((l) => l.text).join('\n'), bold: lines.length > 0 && lines.every((l) => l.bold) };
}
