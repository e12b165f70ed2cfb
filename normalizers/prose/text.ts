// Prose text in reading order → paragraphs, sentences and clauses, every character carrying the
// index of the input line it came from. The text is normalised for matching: markup (<b>, **,
// leading #) removed, full-width digits and ％ made ASCII, white space removed except a single
// space between two digits (so the OCR split `2776. 77` becomes `2776.77`, but `2 8` stays two
// numbers).
import { ocrLabelWords } from './ocr-label-words.js';

export interface ProseLine {
  text: string;
  page?: number;
  /** read by OCR: its marks put right (ocrListNumber, ocrFigureMarks, ocrLevelMarks, ocrLostOne), its
   *  label words (ocr-label-words.ts) and a title without its number taken for a heading
   *  (ocrSectionTitle) */
  ocr?: boolean;
}

/** A stretch of normalised text with the source line of each character. */
export interface Span {
  text: string;
  /** src[i]: index into the input lines of text[i] */
  src: number[];
}

export interface Paragraph extends Span {
  heading: boolean;
  /** the section headings in force: [top level (一、/第X部分), sub level ((一)/1.)] */
  headings: string[];
  /** inside a 第X部分 …情况说明 part (or the document has none) */
  inExplanation: boolean;
  /** the paragraph starts a new list item (1. / （一） / 其中…) */
  marker: string;
}

const FULLWIDTH_DIGIT = /[０-９]/;

/** Normalise one line (see the module comment). */
export function normalizeLine(raw: string): string {
  let s = raw.replace(/<\/?b>/gi, '').replace(/\*\*/g, '');
  s = s.replace(/^\s*#+\s*/, '');
  let out = '';
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i]!;
    if (FULLWIDTH_DIGIT.test(c)) c = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    else if (c === '％') c = '%';
    else if (c === '．') c = '.';
    if (/\s/.test(c) || c === '\u3000') {
      const prev = out[out.length - 1];
      let j = i + 1;
      while (j < chars.length && /\s|\u3000/.test(chars[j]!)) j++;
      const next = j < chars.length ? toAsciiDigit(chars[j]!) : undefined;
      if (prev !== undefined && /\d/.test(prev) && next !== undefined && /\d/.test(next)) out += ' ';
      i = j - 1;
      continue;
    }
    out += c;
  }
  return out;
}

function toAsciiDigit(c: string): string {
  return FULLWIDTH_DIGIT.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c;
}

/** the marks of a sentence, which no heading holds */
const SENTENCE_MARKS = /[。，,；;：:！？]/;

/** An OCR'd line that starts with a numeral word, a space and a short title (四 三公经费情况说明:
 *  a scan loses the 、 and the quotes more often than anything else), with the 、 written back: a
 *  heading, as MARKER tells it. A line with money or a sentence's marks is left alone. A bracketed
 *  numeral read as the mark of its strokes ((=) for (二), (-) for (一)) before a title is the numeral. */
export function ocrListNumber(raw: string): string {
  const bracketed = /^(\s*[(（]\s*)([=＝\-—－])(\s*[)）]\s*)(?=[\u4e00-\u9fff])/.exec(raw);
  if (bracketed) return `${bracketed[1]}${/[=＝]/.test(bracketed[2]!) ? '二' : '一'}${bracketed[3]}${raw.slice(bracketed[0].length)}`;
  const m = /^\s*([一二三四五六七八九十]{1,3})\s+(?=[\u4e00-\u9fff“"])(.+)$/.exec(raw);
  if (!m) return raw;
  const rest = normalizeLine(m[2]!);
  return rest.length <= 40 && !MONEY.test(rest) && !/\d/.test(rest) && !SENTENCE_MARKS.test(rest) ? `${m[1]}、${m[2]}` : raw;
}

/** An OCR'd line's figures with the marks a scan adds or turns (a photocopy's specks): a dot glued
 *  to a figure's front after a word (支出.18,417.70万元), a colon for its decimal point
 *  (2,781:90万元) or a point and a space (948. 20万元) or two points (58,397..75万元), a dot after
 *  its last digit (9,399.23.万元, 0.万元), a semicolon or a space for a thousands comma
 *  (4;372.14万元, 41 534.73万元); and 万元 read 方元, 力元 or 一元 after a figure. Only before 万元 /
 *  亿元 / 元 / %, so a date, a time or a list number stays as read; and a quote mark between a
 *  label and its figure, a speck between a year and its 年 (2022.年), and the ； lost between a
 *  percentage and the next clause (占78.4%社会保障…). */
export function ocrFigureMarks(raw: string): string {
  const unit = '(?=\\s*(?:万元|亿元|元|%|％))';
  return raw
    // 万 read as the 方 or 力 it differs from by a stroke right after a figure (101,833.84方元), or
    // as the 一 left of it after an amount with decimals or a thousands group (116.93.一元; 1.一元化
    // is a list number and a word)
    .replace(/(\d)[.·]?(\s*)[方力]元/g, '$1$2万元')
    .replace(/(\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+)[.·]?(\s*)一元/g, '$1$2万元')
    // a point read twice or with a colon (58,397..75万元, 2:.4%); a semicolon for a thousands comma
    // (4;372.14万元); a space for one, before a group of three and the decimals (41 534.73万元)
    // (a dot after the last digit first: 74,868. 34.万元 is a point and a space, then the dot)
    .replace(new RegExp(`(\\d)[.·:]${unit}`, 'g'), '$1')
    .replace(new RegExp(`(\\d)[.:][.:]\\s?(\\d{1,2})${unit}`, 'g'), '$1.$2')
    .replace(new RegExp(`(\\d)[;；](\\d{3}(?:,\\d{3})*(?:\\.\\d{1,2})?)${unit}`, 'g'), '$1,$2')
    .replace(new RegExp(`(?<![\\d,.])(\\d{1,3}) (\\d{3}(?:,\\d{3})*\\.\\d{1,2})${unit}`, 'g'), '$1,$2')
    .replace(new RegExp(`(\\d)[:.]\\s+(\\d{1,2})${unit}`, 'g'), '$1.$2')
    .replace(new RegExp(`(\\d):(\\d{1,2})${unit}`, 'g'), '$1.$2')
    .replace(new RegExp(`(?<=[\\u4e00-\\u9fff，、；])[.·•](?=\\d[\\d,]*(?:\\.\\d+)?${unit.slice(3, -1)})`, 'g'), '')
    // a quote mark read from a speck between a label and its figure (财政拨款支出「74,868. 34万元)
    .replace(new RegExp(`(?<=[\\u4e00-\\u9fff])[「」『』“”‘’|](?=\\d[\\d,]*(?:\\.\\s?\\d+)?${unit.slice(3, -1)})`, 'g'), '')
    // a speck between a year and its 年 (2022.年本部门…): the year is what a statement may begin with
    .replace(/(?<!\d)((?:19|20)\d{2})[.·,，](?=年)/g, '$1')
    // a share run into the next clause, the ； between them lost (占78.4%社会保障和就业(类)支出…):
    // a percentage is the last figure of its clause
    .replace(/(\d\s*[%％])(?=[\u4e00-\u9fff])/g, '$1；');
}

/** An OCR'd line's 类/款/项 marks of a classification chain as a scan returns them: 顶 for 项 (顶
 *  and 项 differ by one stroke), a closing bracket read as j, l, 1 or another bracket ((类j, (项〉),
 *  a speck before the mark (行政运行.(项)); and a mark whose closing bracket was lost: a (类 or (款
 *  before the chain's next mark (一般公共服务支出(类财政重务(款)信息化…) or before a space (社会保障和
 *  就业支出(类 行政事业单位养老支 | 出(款)…, the chain cut by the line's end), never a bracketed word
 *  ((类别)); a (项 right before its figure (缴费支出(项 325.74万元). */
export function ocrLevelMarks(raw: string): string {
  return raw
    .replace(/[(（〔［[]\s*([类款项顶])\s*[)）jJlI1\]］】〕〉>]/g, (_, c: string) => `（${c === '顶' ? '项' : c}）`)
    .replace(/[(（]([类款])(?![\u4e00-\u9fff]{1,3}[)）])(?:\s*(?=[\u4e00-\u9fff][^（(]*（[款项]）)|\s+(?=[\u4e00-\u9fff]))/g, (_, c: string) => `（${c}）`)
    .replace(/[(（]([项顶])\s*(?=\d)/g, '（项）')
    .replace(/[.·•](?=（[类款项]）)/g, '');
}

/** An OCR'd line whose 一 of 一般公共 a scan lost (般公共预算财政拨款支出: the thin stroke gone on a
 *  photocopy), unless the line before ends with it (一 | 般公共 over two lines). 般公共 is no word
 *  of its own. */
export function ocrLostOne(raw: string, before = ''): string {
  return raw.replace(/(?<!一)般公共/g, (m, at: number) => (at === 0 && before.trimEnd().endsWith('一') ? m : '一' + m));
}

/** An OCR'd line that is a section's title whose list number the scan lost (三公经费情况说明 for
 *  四、“三公”经费情况说明): short, ending in 情况说明, no figure or sentence mark in it. */
function ocrSectionTitle(t: string): boolean {
  return t.length <= 24 && /情况说明$/.test(t) && !/\d/.test(t) && !SENTENCE_MARKS.test(t);
}

/** List numbering / heading markers at the start of a normalised line. */
export const MARKER =
  /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十]+[）)]|[（(]\d{1,2}[）)]|\d{1,2}[.、](?!\d)|[-•·]|附件\d*|其中[:：，,]?)/;

/** Top-level markers (一、 / 第X部分); the others are sub-level. */
const TOP_MARKER = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.])/;

const PART = /^第[一二三四五六七八九十]+部分/;
const MONEY = /\d(?:万元|亿元|元|%)/;

function isPageNumber(t: string): boolean {
  return /^(?:-?\d{1,3}-?|第\d{1,3}页(?:共\d{1,3}页)?|\d{1,3}\/\d{1,3})$/.test(t);
}

function isToc(raw: string, t: string): boolean {
  return /\.{4,}|…{2,}/.test(t) || /\.{3,}\s*\d+\s*$/.test(raw);
}

function isHeadingText(t: string, markdown: boolean): boolean {
  if (PART.test(t)) return true;
  if (MONEY.test(t)) return false;
  const body = t.replace(/[。.]$/, '');
  if (SENTENCE_MARKS.test(body)) return false;
  // a classification chain the line end cuts ((8)社会保障和就业支出(类)退役安置(款)军队转业干 | 部安置(项)…)
  if (/[（(][类款][）)][^（()）]+$/.test(body)) return false;
  if (markdown) return body.length <= 60;
  return MARKER.test(t) && !/^其中/.test(t) && body.length <= 40;
}

function endsSentence(t: string): boolean {
  return /[。！？!?][”’"）)]*$/.test(t);
}

/**
 * Group lines into paragraphs: a line that does not end a sentence continues on the next
 * non-blank line (blank lines between wrapped lines are common in dumps) unless that line starts
 * a list item or a heading. Table rows (lines with tabs) and headings stand alone.
 */
export function paragraphs(lines: ProseLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  const norm = lines.map((l, i) => normalizeLine(l.ocr ? ocrLabelWords(ocrLostOne(ocrLevelMarks(ocrFigureMarks(ocrListNumber(l.text ?? ''))), lines[i - 1]?.text)) : (l.text ?? '')));
  // explanation parts: 第X部分 …情况说明 up to the next 第X部分
  const hasExplanation = norm.some((t, i) => PART.test(t) && /情况说明/.test(t) && !isToc(lines[i]!.text, t));
  let inExplanation = !hasExplanation;
  let top = '';
  let sub = '';
  let cur: Paragraph | undefined;
  let gap = 0;
  const flush = () => {
    if (cur) out.push(cur);
    cur = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.text ?? '';
    let t = norm[i]!;
    // a part title wrapped onto a second line (…部门决算情况 / 说明): read as one heading
    if (PART.test(t) && !/情况说明/.test(t)) {
      let j = i + 1;
      while (j < lines.length && norm[j] === '') j++;
      const next = norm[j] ?? '';
      if (next && next.length <= 8 && !MARKER.test(next) && !MONEY.test(next) && /情况说明$/.test(t + next)) {
        t += next;
        for (let k = i + 1; k <= j; k++) norm[k] = '';
      }
    }
    if (t === '' || isPageNumber(t)) {
      gap++;
      if (gap > 4) flush();
      continue;
    }
    if (raw.includes('\t') || isToc(raw, t)) {
      flush();
      gap = 0;
      continue;
    }
    const markdown = /^\s*#/.test(raw.replace(/<\/?b>/gi, ''));
    if (PART.test(t)) {
      if (hasExplanation) inExplanation = /情况说明/.test(t);
    }
    const heading = isHeadingText(t, markdown) || (!!lines[i]!.ocr && ocrSectionTitle(t));
    const m = MARKER.exec(t);
    if (heading) {
      flush();
      if (PART.test(t) || TOP_MARKER.test(t) || !m) {
        top = t;
        sub = '';
      } else sub = t;
      out.push({ text: t, src: Array(t.length).fill(i), heading: true, headings: [top, sub], inExplanation, marker: m ? m[0] : '' });
      gap = 0;
      continue;
    }
    if (cur && !endsSentence(cur.text) && !m) {
      cur.text += t;
      for (let k = 0; k < t.length; k++) cur.src.push(i);
    } else {
      flush();
      cur = { text: t, src: Array(t.length).fill(i), heading: false, headings: [top, sub], inExplanation, marker: m ? m[0] : '' };
    }
    gap = 0;
  }
  flush();
  return out;
}

/** Cut a span at the characters matching `sep` (the separators are dropped). */
function splitSpan(span: Span, sep: RegExp): Span[] {
  const out: Span[] = [];
  let start = 0;
  const t = span.text;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || sep.test(t[i]!) && !(t[i] === ',' && /\d/.test(t[i - 1] ?? '') && /^\d{3}(?!\d)/.test(t.slice(i + 1)))) {
      if (i > start) out.push({ text: t.slice(start, i), src: span.src.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

export function sentences(p: Span): Span[] {
  return splitSpan(p, /[。！？!?]/);
}

export function clauses(s: Span): Span[] {
  return splitSpan(s, /[，,；;、]/).flatMap(afterRates);
}

/** a rate, then a CJK word: the mark between them was lost (a scan's line-final ；: 占96.4% 卫生健康
 *  (类)支出…): no clause goes on after a % but with 的, 以上/以下 or 左右 */
function afterRates(c: Span): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < c.text.length - 1; i++) {
    if ((c.text[i] === '%' || c.text[i] === '％') && /[\u3400-\u9fff]/.test(c.text[i + 1]!) && !/[的以左]/.test(c.text[i + 1]!)) {
      out.push(sub(c, start, i + 1));
      start = i + 1;
    }
  }
  out.push(sub(c, start));
  return out;
}

export function sub(span: Span, from: number, to = span.text.length): Span {
  return { text: span.text.slice(from, to), src: span.src.slice(from, to) };
}

/** An amount as printed: number and unit. `value` is the plain decimal string (separators removed). */
interface Amount {
  index: number;
  end: number;
  raw: string;
  value: string;
  unit: string;
}

const AMOUNT = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万元|亿元|元|%)/g;

/** Every number followed directly by 万元 / 亿元 / 元 / % in a normalised text. Thousands
 *  separators (`1,642.00`) and space-grouped thousands (`1 300.00`, an OCR habit) are joined. */
export function amounts(text: string): Amount[] {
  const out: Amount[] = [];
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
    const prev = text[m.index - 1];
    // part of a longer token (a code, a date, a decimal) → not an amount
    if (prev !== undefined && /[\d.,]/.test(prev)) continue;
    // `1 234.5`: a digit group cut off by a space that is not a thousands group → ambiguous
    if (prev === ' ' && /\d/.test(text[m.index - 2] ?? '')) continue;
    out.push({ index: m.index, end: m.index + m[0].length, raw: m[1]!, value: m[1]!.replace(/[, ]/g, ''), unit: m[2]! });
  }
  return out;
}
