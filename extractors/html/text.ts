// Visible text of a DOM subtree as lines: block elements and <br> break lines, inline pieces
// (<span>, <font>, Word's <o:p>) join, &nbsp; and source line wraps are plain spaces.
import { type DomNode, isElement, isHidden, isNavigation, tagName, setsBold } from './dom.js';

const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'tbody', 'thead', 'tfoot',
  'caption', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'blockquote', 'pre', 'center', 'form', 'fieldset',
  'address', 'hr', 'body', 'html', 'figure', 'figcaption', 'td', 'th',
]);

const HEADING = /^h[1-6]$/;

/** Normalise one run of HTML text: no-break and other spaces to one space (the ideographic space
 *  U+3000 is kept: labels use it, and cleanLabel removes it where it does not matter). */
function normText(s: string): string {
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
    // site navigation on the page (menus, side navigation) is not its content; inside a cell it is
    if (onTable && isNavigation(c)) continue;
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
  const parts = lines.map((l) => l.text);
  // a code wrapped in a narrow column (20113<br>01) is one code
  const text = parts.length > 1 && parts.every((p) => /^\d+$/.test(p)) && parts[0]!.length >= 3 && /^\d{5,9}$/.test(parts.join('')) ? parts.join('') : parts.join('\n');
  return { text, bold: lines.length > 0 && lines.every((l) => l.bold) };
}
