// Brackets of OCR'd row labels that do not pair. A closing bracket is misread as another mark
// (深圳市住房和建设局(本级》规划类经费, (本级〉) or lost ((本级建设工程…), an opening one as another
// mark (〔本级)). A text layer prints pairs.
//  - An opening bracket whose first later closing-like mark has no opener of its own before it
//    (《 for 》, 〈 for 〉 …) closes there: the mark becomes the opener's closer; a closing bracket
//    that closes nothing takes the nearest opening-like mark before it that is never closed.
//  - An opening bracket never closed, where the label's words up to it and after it are those of a
//    head other rows of the table print closed (深圳市住房和建设局(本级) on two rows or more): the
//    closer is put back where those rows print it; an opening bracket that the label ends without
//    closing (…中心(广州市卫生监督所), where two other rows end in a bracketed part closed, is closed at
//    the end. These repairs are inferences, flagged by the caller.

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

/** a label that ends in a bracketed part, closed (…医院(广州市增城区人民医院)): a unit's other name */
const CLOSED_TAIL = /[(（][\u4e00-\u9fff]{2,}[)）]$/u;
/** a label that ends in a bracketed part whose closer is missing: the opener its last one, Chinese
 *  words after it */
const OPEN_TAIL = /^[^()（）]+([(（])[\u4e00-\u9fff]{2,}$/u;
/** other rows that must end in a closed bracketed part */
const MIN_CLOSED_TAILS = 2;

/** For labels of one table (as read, misread closers paired): the labels whose lost closer is
 *  put back from a head two other labels or more print closed, or, for a label whose opener ends
 *  it unclosed (广州市疾病预防控制中心(广州市卫生监督所: the closer at the cell's edge, lost), at its
 *  end, when two other labels or more end in a bracketed part closed (index → label). */
export function restoreLostClosers(labels: readonly string[]): Map<number, string> {
  const heads = new Map<string, number>();
  for (const l of labels) {
    const h = closedHead(l);
    if (h) heads.set(h, (heads.get(h) ?? 0) + 1);
  }
  const closedTails = labels.filter((l) => CLOSED_TAIL.test(l)).length;
  const out = new Map<number, string>();
  labels.forEach((l, i) => {
    if (!unclosed(l)) return;
    // the head whose words without its closer begin the label, printed closed by two other rows
    const hits = [...heads].filter(([h, n]) => n >= 2 && l.startsWith(h.slice(0, -1)) && l.length > h.length - 1);
    if (hits.length === 1) {
      const h = hits[0]![0];
      out.set(i, h + l.slice(h.length - 1));
      return;
    }
    const tail = OPEN_TAIL.exec(l);
    if (hits.length === 0 && tail && closedTails >= MIN_CLOSED_TAILS) out.set(i, l + CLOSER[tail[1]!]!);
  });
  return out;
}
