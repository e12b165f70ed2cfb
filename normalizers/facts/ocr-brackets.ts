// Brackets of OCR'd row labels that do not pair. A closing bracket is misread as another mark
// (深圳市住房和建设局(本级》规划类经费, (本级〉) or lost ((本级建设工程…), an opening one as another
// mark (〔本级)). A text layer prints pairs.
//  - An opening bracket whose first later closing-like mark has no opener of its own before it
//    (《 for 》, 〈 for 〉 …) closes there: the mark becomes the opener's closer; a closing bracket
//    that closes nothing takes the nearest opening-like mark before it that is never closed.
//  - An opening bracket never closed, where the label's words up to it and after it are those of a
//    head other rows of the table print closed (深圳市住房和建设局(本级) on two rows or more): the
//    closer is put back where those rows print it. This second repair is an inference, flagged by
//    the caller.

const CLOSER: Readonly<Record<string, string>> = { '(': ')', '（': '）' };
/** marks OCR returns for a closing round bracket, each with the opener it pairs with itself */
const MISREAD: Readonly<Record<string, string>> = { '》': '《', '〉': '〈', '>': '<', '」': '「', '』': '『', ']': '[', '］': '［', '】': '【', '〕': '〔', '}': '{', '｝': '｛', '|': '' };

/** `label` with each opening round bracket's misread closer written as its closer. */
export function pairMisreadClosers(label: string): string {
  const chars = Array.from(label);
  for (let i = 0; i < chars.length; i++) {
    const closer = CLOSER[chars[i]!];
    if (!closer) continue;
    for (let j = i + 1; j < chars.length; j++) {
      const c = chars[j]!;
      if (c === ')' || c === '）' || CLOSER[c]) break;
      const opener = MISREAD[c];
      if (opener === undefined) continue;
      // (a mark that closes an opener of its own printed before it: 《办法(试行》 is left alone)
      if (opener && chars.slice(0, j).filter((x) => x === opener).length > chars.slice(0, j).filter((x) => x === c).length) break;
      chars[j] = closer;
      break;
    }
  }
  return chars.join('');
}

/** marks OCR returns for an opening round bracket, each with the closer it pairs with itself (the
 *  openers of MISREAD) */
const MISREAD_OPENER: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(MISREAD).filter(([, o]) => o).map(([c, o]) => [o, c]));
const OPENER: Readonly<Record<string, string>> = { ')': '(', '）': '（' };

/** `label` with each closing round bracket that closes nothing given its misread opener: the
 *  nearest mark before it that opens a bracket of its own never closed (〔本级) for (本级)). */
export function pairMisreadOpeners(label: string): string {
  const chars = Array.from(label);
  for (let j = 0; j < chars.length; j++) {
    const opener = OPENER[chars[j]!];
    if (!opener) continue;
    const before = chars.slice(0, j);
    const opens = before.filter((c) => c === '(' || c === '（').length;
    const closes = before.filter((c) => c === ')' || c === '）').length;
    if (opens > closes) continue;
    for (let i = j - 1; i >= 0; i--) {
      const own = MISREAD_OPENER[chars[i]!];
      if (!own) continue;
      if (!chars.slice(i + 1).includes(own)) chars[i] = opener;
      break;
    }
  }
  return chars.join('');
}

/** the head of a label up to its first closing round bracket, when an opener comes before it */
function closedHead(label: string): string | undefined {
  const m = /^[^()（）]*[(（][^()（）]+[)）]/.exec(label);
  return m?.[0];
}

/** labels whose last opening bracket is never closed */
function unclosed(label: string): boolean {
  let depth = 0;
  for (const c of label) {
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
  }
  return depth > 0;
}

/** For labels of one table (as read, misread closers paired): the labels whose lost closer is
 *  put back from a head two other labels or more print closed (index → label). */
export function restoreLostClosers(labels: readonly string[]): Map<number, string> {
  const heads = new Map<string, number>();
  for (const l of labels) {
    const h = closedHead(l);
    if (h) heads.set(h, (heads.get(h) ?? 0) + 1);
  }
  const out = new Map<number, string>();
  labels.forEach((l, i) => {
    if (!unclosed(l)) return;
    // the head whose words without its closer begin the label, printed closed by two other rows
    const hits = [...heads].filter(([h, n]) => n >= 2 && l.startsWith(h.slice(0, -1)) && l.length > h.length - 1);
    if (hits.length !== 1) return;
    const h = hits[0]![0];
    out.set(i, h + l.slice(h.length - 1));
  });
  return out;
}
