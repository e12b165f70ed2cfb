// Table kinds from the knowledge file: title → kind, header → measure id, top header → section.
import { editDistance, editsWithin } from '../taxonomy/text.js';
import { readKnowledgeJson } from '../knowledge/load.js';
import { lookalike } from '../knowledge/lookalikes.js';
import { cleanLabel, headerKey } from '../values/labels.js';
import { normaliseLevel, roleOf } from './header-words.js';

export interface KindDef {
  id: string;
  doc_kind: string;
  table_no?: string;
  titles: string[];
  code_system?: string;
  two_sided?: boolean;
  sections?: string[];
  form?: boolean;
  measures: [string, string][];
  /** the kind to use instead when the rows print codes of another family (econ, function, income) */
  variants?: Record<string, string>;
  /** measure ids that are items printed as column headers (三公 expenses): rows that are the
   *  table's total, its only row, or a year are read with the item from the header */
  item_measures?: string[];
  /** code families the kind takes as they are, beyond its code_system's */
  accepts_codes?: string[];
  /** measure → its parts: printed without the subtotal's column, the parts carry its id */

  /** the titles the kind is printed under, as plain text (no year, issuer or list number): what a
   *  title misread by OCR is compared with (fuzzyTitleKinds) */
  known_titles?: string[];
  /** the amount columns of the kind's standard templates, left to right, and the column sums that
   *  hold on their rows ([whole, part, …]): an OCR'd table's unnamed columns take their measure
   *  from their position (normalizers/tables/ocr-measures.ts) */
  column_layouts?: { columns: string[]; sums: string[][] }[];
}

interface KindFile {
  sections: [string, string][];
  kinds: KindDef[];
}

interface CompiledKind extends KindDef {
  titleRes: RegExp[];
  measureRes: [RegExp, string][];
  /** known_titles as compared (titleChars) */
  knownChars: string[][];
}

let cache: { kinds: CompiledKind[]; sections: [RegExp, string][] } | null = null;

function load() {
  if (cache) return cache;
  const file = readKnowledgeJson<KindFile>('table-kinds.json');
  cache = {
    kinds: file.kinds.map((k) => ({
      ...k,
      titleRes: k.titles.map((t) => new RegExp(t)),
      measureRes: k.measures.map(([p, m]) => [new RegExp(p), m] as [RegExp, string]),
      knownChars: (k.known_titles ?? []).map(titleChars),
    })),
    sections: file.sections.map(([p, s]) => [new RegExp(p), s] as [RegExp, string]),
  };
  return cache;
}

/** Every kind whose title patterns match, in the file's order (the first is classifyTitle's). */
export function kindsByTitle(title: string): KindDef[] {
  const t = headerKey(title);
  if (!t) return [];
  return load().kinds.filter((k) => k.titleRes.some((r) => r.test(t)));
}

/** How many characters of `title` the kind's title patterns match at most (0: none): an exact
 *  match's strength beside a fuzzy one's (fuzzyTitleKinds), when the kind's known titles are not
 *  found in the title as such. */
export function exactTitleLength(kind: KindDef, title: string): number {
  const t = headerKey(title);
  const compiled = load().kinds.find((k) => k.id === kind.id);
  if (!t || !compiled) return 0;
  return Math.max(0, ...compiled.titleRes.map((r) => Array.from(r.exec(t)?.[0] ?? '').length));
}

/** Every kind, in the file's order. */
export function allKinds(): readonly KindDef[] {
  return load().kinds;
}

export function kindById(id: string): KindDef | undefined {
  return load().kinds.find((k) => k.id === id);
}

/** The kind of a table from its title; the 公开NN表 number decides when the title is missing. */
export function classifyTitle(title: string, tableNo: string, docKind: string): KindDef | undefined {
  const t = headerKey(title).replace(/[“”"']/g, (c) => c);
  const { kinds } = load();
  const titled = t ? kinds.find((k) => k.titleRes.some((r) => r.test(t))) : undefined;
  if (titled) return titled;
  const no = /(\d{1,2})/.exec(tableNo)?.[1]?.padStart(2, '0');
  if (no && /公开/.test(tableNo) && docKind === 'final_accounts') return kinds.find((k) => k.doc_kind === 'final_accounts' && k.table_no === no);
  return undefined;
}

/** A title as compared by fuzzyTitleKinds: its characters without white space, punctuation or
 *  symbols (“三公”经费 → 三公经费; brackets, colons and quotes are what OCR misreads most). */
function titleChars(title: string): string[] {
  return Array.from(cleanLabel(title).normalize('NFKC').replace(/[\p{P}\p{S}]/gu, ''));
}

/** A kind whose known title is found in an OCR'd title with a few characters misread. */
export interface FuzzyTitle {
  kind: KindDef;
  /** the known title found */
  known: string;
  /** characters misread, lost or added */
  edits: number;
  /** known title's length less twice the edits: the longer a title found and the fewer its
   *  misreadings, the more it says (一般公共预算财政拨款支出决算表 with two misread characters
   *  says more than the 支出决算表 at its end) */
  strength: number;
}

/** One edit in four characters of a known title at most, one in three from twelve characters on
 *  (a long title is told apart by what is left: 一航公共郭预支申动(能分类预算表 is 一般公共预算支出功能
 *  分类预算表 with five of fifteen misread); none below five characters (收入总表 and 支出总表 are
 *  one character apart). */
const maxEdits = (len: number): number => (len < 5 ? 0 : len < 12 ? Math.floor(len / 4) : Math.floor(len / 3));

/** Every kind one of whose known titles is found in `title` with at most one character in four
 *  (three, for long titles) misread, lost or added (收入7支出决总表 → income_expenditure_summary, 2
 *  edits; a lookalike read for its character, 收人 for 收入, is none), the best known title of
 *  each; strongest first (ties in the file's order). For titles read by OCR: a text layer's titles
 *  are matched exactly (kindsByTitle). */
export function fuzzyTitleKinds(title: string): FuzzyTitle[] {
  const text = titleChars(title);
  if (text.length < 3) return [];
  const out: FuzzyTitle[] = [];
  for (const k of load().kinds) {
    let best: FuzzyTitle | undefined;
    k.knownChars.forEach((known, i) => {
      const edits = editsWithin(text, known, lookalike);
      if (edits > maxEdits(known.length)) return;
      const strength = known.length - 2 * edits;
      if (!best || strength > best.strength) best = { kind: k, known: k.known_titles![i]!, edits, strength };
    });
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.strength - a.strength);
}

/** The measure id of a column. Header levels are normalised first (header-words.ts: unit, year,
 *  其中： removed). Patterns that name a header path (`基本支出/小计`, written with a `/`) are tried
 *  against the whole header first; then every pattern against each level from the deepest up (a
 *  total word under a group, 公务用车购置及运行费 / 小计, stands for the group); then against the
 *  whole header. */
export function measureOf(kind: KindDef | undefined, header: string): string {
  if (!kind) return '';
  const compiled = load().kinds.find((k) => k.id === kind.id)!;
  const parts = header.split(' / ').map((p) => normaliseLevel(p).text).filter(Boolean);
  const whole = parts.join('/');
  for (const [re, m] of compiled.measureRes) if (re.source.includes('/') && re.test(whole)) return m;
  // the deepest level that names a measure: a total word under a group (公务用车… / 小计) stands
  // for the group above it
  for (let i = parts.length - 1; i >= 0; i--) {
    if (i < parts.length - 1 && roleOf(parts[i]!) === 'total') continue;
    if (i === parts.length - 1 && i > 0 && roleOf(parts[i]!) === 'total') continue;
    for (const [re, m] of compiled.measureRes) if (re.test(parts[i]!)) return m;
  }
  for (const [re, m] of compiled.measureRes) if (re.test(whole)) return m;
  return '';
}

/** The measure a header OCR misread by one character still names (般公共预算收入, 政府性基金顾算收入):
 *  the plain-word patterns of the kind (no regex syntax, five characters or more) found in the
 *  header's last level with at most one character wrong, lost or added. Returns the last level with
 *  those words put right (一般公共预算收入) and the measure, when exactly one measure is named. */
export function approxMeasureOf(kind: KindDef | undefined, header: string): { fixed: string; measure: string } | undefined {
  const hits = nearlyNamed(kind, header);
  if (hits.size !== 1) return undefined;
  const [measure, fixed] = [...hits][0]!;
  return { fixed, measure };
}

/** The measures whose plain words (no regex syntax, five characters or more) the header's last
 *  level holds, but for one character each: measure → the level with those words put right. */
function nearlyNamed(kind: KindDef | undefined, header: string): Map<string, string> {
  const hits = new Map<string, string>();
  if (!kind) return hits;
  const compiled = load().kinds.find((k) => k.id === kind.id)!;
  const last = headerKey(header.split(' / ').pop() ?? '');
  if (!last) return hits;
  for (const [re, m] of compiled.measureRes) {
    const lit = re.source;
    if (!/^[\u4e00-\u9fff]{5,}$/.test(lit)) continue;
    const fixed = nearlyContained(last, lit);
    if (fixed !== undefined) hits.set(m, fixed);
  }
  return hits;
}

/** The measures a header's last level names by plain words, one character misread at most: two or
 *  more when OCR read two headers as one (政府性基金国有资本经营 over two columns). */
export function measuresNearlyNamed(kind: KindDef | undefined, header: string): string[] {
  return [...nearlyNamed(kind, header).keys()];
}

/** `text` with the window that is `lit` but for one character replaced by `lit`, if there is one */
function nearlyContained(text: string, lit: string): string | undefined {
  const t = Array.from(text);
  const L = Array.from(lit).length;
  for (const len of [L, L - 1, L + 1]) {
    for (let i = 0; i + len <= t.length; i++) {
      if (editDistance(t.slice(i, i + len).join(''), lit) <= 1) return [...t.slice(0, i), lit, ...t.slice(i + len)].join('');
    }
  }
  return undefined;
}

/** The kind's measure words as plain text: the alternatives of its patterns that are Chinese words
 *  of three characters or more (人员支出, 一般公共预算), with their measure ids. */
export function plainMeasureWords(kind: KindDef): [string, string][] {
  const out: [string, string][] = [];
  for (const [pattern, id] of kind.measures) {
    for (const alt of pattern.split('|')) {
      const word = alt.replace(/[\^$()?]/g, '');
      if (/^[\u4e00-\u9fff]{3,}$/.test(word)) out.push([word, id]);
    }
  }
  return out;
}

export function sectionOf(topHeader: string): string {
  const k = headerKey(topHeader);
  for (const [re, s] of load().sections) if (re.test(k)) return s;
  return '';
}
