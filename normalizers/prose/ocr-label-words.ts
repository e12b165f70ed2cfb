// The label words of an OCR'd line of the 情况说明 put right (财政拔款收入 → 财政拨款收入, 较土年增加 →
// 较上年增加): a stretch of the line as long as one of the words the prose extractor knows
// (statements.json: the statements' labels and `ocrWords`, four characters or more) that differs
// from it only by lookalikes (knowledge/ocr-lookalikes.json: 拔 for 拨, 土 for 上, 自 for 目), up to
// one character in three, becomes that word. Only where a label stands: right before its figure (a
// mark between), 为/是 and a figure, or the change it states (较上年…, 增加 …). Any other
// character is left as read, however close the word: a text layer prints variants of the labels
// one character apart (财政拨款收入合计 and 收入总计, 机构运行经费 and 机关运行经费, 公务用车运行维护费),
// and only a lookalike is known to be a misreading. A stretch that is a known word already, or
// close to two words alike, stays as read. The figures such a label states stay flagged
// ocr_prose_unchecked unless a table of the document prints them (ocr-unchecked.ts): a repaired
// label is what lets them be compared with the tables at all.
import { lookalike } from '../knowledge/lookalikes.js';
import { proseKnowledge } from './knowledge.js';

/** shorter words are not repaired (上年, 本年: two characters are too little to tell) */
const MIN_WORD = 4;
const HAN = /^[\u4e00-\u9fff]$/u;
/** what follows a label in a statement: its figure (marks a scan adds between), or a change */
const LABEL_END = /^(?:[为是]|共计|合计为|达到)?[\s.·:：「」“”"']*(?:\d|较|比|与|增加|减少|增长|下降|降低|上升|提高)/u;

let words: string[][] | undefined;
let known: Set<string> | undefined;

/** the words, as characters, longest first */
function vocabulary(): string[][] {
  if (words) return words;
  const k = proseKnowledge();
  const all = new Set<string>([...k.statements.flatMap((s) => s.labels), ...k.ocrWords]);
  words = [...all].filter((w) => Array.from(w).length >= MIN_WORD && Array.from(w).every((c) => HAN.test(c))).map((w) => Array.from(w));
  words.sort((a, b) => b.length - a.length);
  known = new Set(words.map((w) => w.join('')));
  return words;
}

/** whether the characters of `chars` from `i` are `word` misread: lookalikes in place of its
 *  characters, one in three at most */
function misreadAt(chars: readonly string[], i: number, word: readonly string[]): boolean {
  let diffs = 0;
  for (let j = 0; j < word.length; j++) {
    const c = chars[i + j]!;
    if (c === word[j]) continue;
    if (!lookalike(c, word[j]!)) return false;
    diffs++;
  }
  return diffs > 0 && diffs * 3 <= word.length;
}

/** `raw` (a line read by OCR) with the known words a scan misread in it written as they are. */
export function ocrLabelWords(raw: string): string {
  const chars = Array.from(raw);
  const taken = new Uint8Array(chars.length);
  const vocab = vocabulary();
  for (const word of vocab) {
    for (let i = 0; i + word.length <= chars.length; i++) {
      if (!misreadAt(chars, i, word) || taken.subarray(i, i + word.length).some((t) => t)) continue;
      const end = i + word.length;
      if (known!.has(chars.slice(i, end).join('')) || !LABEL_END.test(chars.slice(end, end + 8).join(''))) continue;
      // (no other word the stretch may be read as)
      if (vocab.some((w) => w !== word && w.length === word.length && misreadAt(chars, i, w))) continue;
      for (let j = 0; j < word.length; j++) {
        chars[i + j] = word[j]!;
        taken[i + j] = 1;
      }
    }
  }
  return chars.join('');
}
