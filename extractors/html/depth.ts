// How deeply a page nests its elements, from a linear scan of the tags (before any parsing: a tag
// bomb of 100,000 nested elements takes a DOM parser minutes, and then the stack).
const VOID = new Set(['br', 'img', 'meta', 'input', 'hr', 'link', 'col', 'area', 'base', 'wbr', 'source', 'param', 'track', 'embed', '!doctype']);
/** Elements that real pages routinely leave unclosed (the parser closes them implicitly). */
const IMPLIED_CLOSE = new Set(['p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd', 'thead', 'tbody', 'tfoot', 'colgroup', 'o:p']);

export function maxNesting(html: string): number {
  const re = /<(\/?)([a-zA-Z!][\w:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || IMPLIED_CLOSE.has(name) || m[3] === '/') continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** Deeper than any real disclosure page (Word exports reach a few dozen levels). */
export const MAX_NESTING = 2000;
