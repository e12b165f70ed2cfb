// Free labels (units' and projects' names, no code) of an OCR'd table put right by the other rows
// of their column. No vocabulary of units exists, but a department's units share their words: the
// rows of a 收入总表 by unit print 广州医科大学附属… and …医院 again and again. A character a scan
// misread (广州医科犬学附属第三医院, 广州医科大学附属中医医陨, 儿州医科大学附属第一医院) fits neither of its
// neighbours anywhere else in the column, while the character the other rows print between the
// same two neighbours fits both, row after row. Such a character is put back when:
//  - no other row prints the misread character after its left neighbour, nor before its right
//    one (a label's start and end count as neighbours);
//  - at least MIN_ROWS other rows print one character between those two neighbours, and no other
//    character is printed between them as often, and at least MIN_ROWS print it so with a third
//    neighbour too, on the left or on the right (科大学附: a word of its own, 监督 beside rows that end
//    in 监管, shares two neighbours only);
//  - neither is a numeral (第三医院 beside 第一医院 and 第二医院 is a unit of its own), and the column
//    has at least MIN_LABELS labels.
// At most one character in MAX_SHARE of a label is put back; what is left is the label as read.

const CJK = /^[\u3400-\u9fff\uf900-\ufaff]$/u;
/** numerals, which tell units of one kind apart (第一医院, 第二医院) */
const NUMERAL = /^[一二三四五六七八九十百千零〇两]$/u;
/** other rows that print the character put back between the same neighbours */
const MIN_ROWS = 2;
/** labels a column needs for its rows to say what its words are */
const MIN_LABELS = 6;
/** one character put back in this many of a label, at most */
const MAX_SHARE = 6;
const START = '\u0002';
const END = '\u0003';

type Counts = Map<string, number>;

function add(m: Counts, k: string, by: number): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

/** a label's characters, its start and end marked */
function marked(chars: readonly string[]): string[] {
  return [START, ...chars, END];
}

/** For the free labels of one OCR'd column (index → label; others ignored): labels with a
 *  misread character put back by what the other rows print between its neighbours (index →
 *  label). */
export function restoreFromColumn(labels: readonly (string | undefined)[]): Map<number, string> {
  const out = new Map<number, string>();
  const rows = labels.map((l) => (l ? Array.from(l) : undefined));
  if (rows.filter((r) => r && r.length >= 2).length < MIN_LABELS) return out;
  /** two characters side by side → rows */
  const bi: Counts = new Map();
  /** four characters side by side → rows */
  const quad: Counts = new Map();
  /** (left, right) → the character between them → rows */
  const between = new Map<string, Counts>();
  const each = (chars: readonly string[], by: number): void => {
    const c = marked(chars);
    for (let k = 0; k + 1 < c.length; k++) add(bi, c[k]! + c[k + 1]!, by);
    for (let k = 0; k + 3 < c.length; k++) add(quad, c[k]! + c[k + 1]! + c[k + 2]! + c[k + 3]!, by);
    for (let k = 1; k + 1 < c.length; k++) {
      const key = c[k - 1]! + c[k + 1]!;
      let mids = between.get(key);
      if (!mids) between.set(key, (mids = new Map()));
      add(mids, c[k]!, by);
    }
  };
  for (const r of rows) if (r) each(r, 1);
  rows.forEach((chars, i) => {
    if (!chars || chars.length < 2) return;
    // the counts of the other rows: this one taken out
    each(chars, -1);
    const fixed = [...chars];
    // chars[k] is m[k + 1]: its neighbours (a label's start and end marked) are m[k] and m[k + 2]
    const m = marked(chars);
    let changes = 0;
    for (let k = 0; k < chars.length; k++) {
      const [left, c, right] = [m[k]!, m[k + 1]!, m[k + 2]!];
      if (!CJK.test(c) || NUMERAL.test(c)) continue;
      if ((bi.get(left + c) ?? 0) > 0 || (bi.get(c + right) ?? 0) > 0) continue;
      const mids = [...(between.get(left + right) ?? new Map<string, number>())].filter(([x, n]) => n > 0 && x !== c && CJK.test(x) && !NUMERAL.test(x)).sort((a, b) => b[1] - a[1]);
      const best = mids[0];
      if (!best || best[1] < MIN_ROWS || (mids[1] && mids[1][1] === best[1])) continue;
      // the character put back is printed so by other rows with a third neighbour too (科大学附 of
      // 广州医科大学附属…; 全监管 of no row: 监督 beside rows ending in 监管 is a word of its own)
      const wide = [k >= 1 ? m[k - 1]! + left + best[0] + right : '', k + 3 < m.length ? left + best[0] + right + m[k + 3]! : ''];
      if (!wide.some((g) => g && (quad.get(g) ?? 0) >= MIN_ROWS)) continue;
      fixed[k] = best[0];
      changes++;
    }
    each(chars, 1);
    if (changes > 0 && changes * MAX_SHARE <= chars.length) out.set(i, fixed.join(''));
  });
  return out;
}
