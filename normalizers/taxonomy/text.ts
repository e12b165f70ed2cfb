// Name normalisation and string distance for matching printed subject names.

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const NUMBERING = new RegExp(
  '^(?:' +
    [
      `\\(?${CN_NUM}\\)[、.]?`, // (二) （二）
      `${CN_NUM}[、.]`, // 一、 十二.
      '\\(\\d{1,3}\\)[、.]?', // (3) （3）
      '\\d{1,3}[、.](?!\\d)', // 3. 3、  (not 3.5)
      '\\d{1,3}\\)', // 3)
      '[①-⑳]',
    ].join('|') +
    ')',
);

/** Remove markup and every kind of white space (labels wrap inside CJK words in print). */
export function squash(s: string): string {
  return s.replace(/<\/?[a-z][^>]*>/gi, '').replace(/[\s\u3000\u00a0]+/g, '');
}

/** True when the label starts with Chinese list numbering (一、 二十三、): the 总表 style for 类. */
export function hasClassNumbering(s: string): boolean {
  return new RegExp(`^${CN_NUM}[、.]`).test(squash(s).normalize('NFKC'));
}

/** Strip leading list numbering (一、 (二) 3. （1） ①) and 其中：, repeatedly. */
function stripNumbering(s: string): string {
  let t = s;
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(/^其中[:：]?/, '').replace(NUMBERING, '');
    if (t === before) break;
  }
  return t;
}

/**
 * The comparable form of a printed name: NFKC (full-width parentheses and digits become ASCII),
 * no white space or markup, no list numbering, no trailing (类)/(款)/(项) or printed code, no
 * trailing punctuation.
 */
export function normalizeName(s: string): string {
  let t = squash(s).normalize('NFKC');
  t = stripNumbering(t);
  t = t.replace(/^[-—–:：.、]+/, '');
  for (let i = 0; i < 2; i++) {
    t = t.replace(/\((?:类|款|项)\)$/, '').replace(/\(\d{3,7}\)$/, '').replace(/[:：,，;；。.、]+$/, '');
  }
  return t;
}

/** The key under which printed variants meet: normalized, without a trailing 支出. */
export function variantKey(s: string): string {
  const n = normalizeName(s);
  return n.length > 2 && n.endsWith('支出') ? n.slice(0, -2) : n;
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = new Array<number>(y.length + 1);
  let cur = new Array<number>(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length] ?? 0;
}

/** The fewest edits (a character replaced, lost or added) that turn some stretch of `text` into
 *  `known` (an approximate substring match): text around the stretch, such as a year, issuer or list
 *  number before a title or a note after it, costs nothing; `same` tells which characters are
 *  alike (by default, equal ones). */
export function editsWithin(text: string[], known: string[], same: (a: string, b: string) => boolean = (a, b) => a === b): number {
  let prev = new Array<number>(text.length + 1).fill(0);
  let cur = new Array<number>(text.length + 1);
  for (let i = 1; i <= known.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= text.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (same(known[i - 1]!, text[j - 1]!) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return Math.min(...prev);
}

/** Similarity in [0,1]: 1 - distance / longer length. */
export function similarity(a: string, b: string): number {
  const len = Math.max(Array.from(a).length, Array.from(b).length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}
