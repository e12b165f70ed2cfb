// The few facts about parsed HTML nodes the HTML extractor needs (structural, so no parser types
// leak into the rest of the code): element names, attributes, children, text.
import { load } from 'cheerio';

export interface DomNode {
  type: string; // 'root' | 'tag' | 'text' | 'comment' | 'directive' | 'script' | 'style' | 'cdata'
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

/** Parse a page the way browsers do (parse5: implied <tbody>, unclosed cells, stray tags). */
export function parseHtml(html: string): DomNode {
  const $ = load(html);
  return $.root()[0] as unknown as DomNode;
}

export function isElement(n: DomNode): boolean {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function tagName(n: DomNode): string {
  return isElement(n) ? (n.name ?? '').toLowerCase() : '';
}

export function attr(n: DomNode, name: string): string | undefined {
  return n.attribs?.[name];
}

/** Element children with one of the names, in document order. */
export function childElements(n: DomNode, names: ReadonlySet<string>): DomNode[] {
  const out: DomNode[] = [];
  for (const c of n.children ?? []) if (names.has(tagName(c))) out.push(c);
  return out;
}

/** Content nobody sees: scripts, styles, Word's <xml> data islands, display:none / mso-hide:all. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'xml', 'object', 'iframe', 'svg', 'select', 'option', 'button', 'input', 'textarea']);

export function isHidden(n: DomNode): boolean {
  const t = tagName(n);
  if (INVISIBLE.has(t)) return true;
  const style = n.attribs?.style;
  if (style && /display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden/i.test(style)) return true;
  return n.attribs?.hidden !== undefined;
}

/** Whether an element sets bold type itself (<b>, <strong>, <th> does not count: a header row is
 *  not a total). */
export function setsBold(n: DomNode): boolean {
  const t = tagName(n);
  if (t === 'b' || t === 'strong') return true;
  const style = n.attribs?.style;
  return !!style && /font-weight\s*:\s*(bold|bolder|[6-9]00)/i.test(style);
}

/** Whether all the visible text of a subtree sits inside links (<a>), and there is some. */
export function linkOnly(n: DomNode): boolean {
  let linked = false;
  const walk = (x: DomNode, inLink: boolean): boolean => {
    for (const c of x.children ?? []) {
      if (c.type === 'text') {
        if ((c.data ?? '').replace(/[\s\u00a0|｜·•>＞»]+/g, '') === '') continue;
        if (!inLink) return false;
        linked = true;
        continue;
      }
      if (!isElement(c) || isHidden(c)) continue;
      if (!walk(c, inLink || tagName(c) === 'a')) return false;
    }
    return true;
  };
  return walk(n, tagName(n) === 'a') && linked;
}

const LISTS = new Set(['ul', 'ol', 'menu']);
const ITEMS = new Set(['li']);

/** Site navigation: a <nav>, or a list of at least two items each of which is a link only (menus,
 *  side navigation, lists of related pages). Not the page's content. */
export function isNavigation(n: DomNode): boolean {
  const t = tagName(n);
  if (t === 'nav') return true;
  if (!LISTS.has(t)) return false;
  const items = childElements(n, ITEMS).filter((li) => !isHidden(li));
  return items.length >= 2 && items.every((li) => linkOnly(li) || plainText(li) === '');
}

/** The visible text of a subtree, white space removed. */
export function plainText(n: DomNode): string {
  let s = '';
  for (const c of n.children ?? []) {
    if (c.type === 'text') s += c.data ?? '';
    else if (isElement(c) && !isHidden(c)) s += plainText(c);
  }
  return s.replace(/[\s\u00a0\u3000]+/g, '');
}
