// Units' names in an OCR'd table (收入总表 by unit: 无锡市人力资源和社会保嘉局, 无锡市人力资源和社会
// 保商综合服务中心) put right by the name of the department that publishes the document (issuer.ts,
// read from its cover and its labels, most often in large print): a row label whose first
// characters are the issuer's name (its last word, 局, 委员会 …, read as printed), or its name
// without that word, but for one character in eight (eight characters at least, the same length)
// takes them as the issuer prints them; so does one whose first characters differ from it by
// lookalikes only (苏州市交通远输…: knowledge/ocr-lookalikes.json), however short the name. No
// vocabulary of units exists; this is the one name a document prints for sure.
// The units of a department are of one place (广州市…, 苏州市…), and the other rows of the column
// print it: a unit's name whose place a scan misread (东州市 for 苏州市, one character), lost the
// first character of (州市…: the mark at the cell's edge) or ran a speck or a lost code cell into
// (£2303苏州市…) begins with the place the column prints (restorePlacePrefixes); and one whose 中心
// lost its 心 (the last character wrapped or at the rule) ends in it when other rows of the
// column end so.
import { lookalike } from '../knowledge/lookalikes.js';
import { editDistance } from '../taxonomy/text.js';

/** a row of the department itself whose name came back with no character of a name */
const OWN_ROW = /^[^\u4e00-\u9fff（(〔]{1,16}[(（〔]\s*本级\s*[)）〕]?$/u;
/** the last word of an organisation's name */
const ORG_END = /(?:委员会|办公室|办公厅|办事处|局|委|厅|院|中心|署|办|处)$/;
/** what may follow it in brackets */
const PART = /[（(][^（）()]*[）)]$/;

/** `label` with its first characters put right by the issuer's name, or undefined when they are
 *  its name as printed, or not within a misreading of it; the department's own row (本级) whose
 *  name was read as no characters at all, named by it. The name's last word (局, 委员会 …) must
 *  be read as printed: 苏州市交通运输应急指挥中心 is a unit of 苏州市交通运输局, not a misreading of it. */
export function withIssuerName(label: string, issuer: string): string | undefined {
  const name = issuer.replace(PART, '');
  // the department's own row, its name read as no character of a name (dias (本级): the (本级) of
  // a unit's name follows the department's name only)
  if (OWN_ROW.test(label) && Array.from(name).length >= 4) return `${name}(本级)`;
  const end = ORG_END.exec(name)?.[0] ?? '';
  const core = name.slice(0, name.length - end.length);
  const chars = Array.from(label);
  const coreLen = Array.from(core).length;
  const endLen = Array.from(end).length;
  // the whole name, its last word as printed
  const whole = chars.slice(0, coreLen + endLen).join('');
  if (end && chars.length >= coreLen + endLen && whole.endsWith(end)) {
    if (whole === name) return undefined;
    if (editDistance(chars.slice(0, coreLen).join(''), core) <= Math.floor((coreLen + endLen) / 8) || lookalikes(chars.slice(0, coreLen), core)) return name + chars.slice(coreLen + endLen).join('');
  }
  // the name without its last word, a unit's name going on after it (…社会保障综合服务中心)
  if (chars.length < coreLen) return undefined;
  const head = chars.slice(0, coreLen).join('');
  if (head === core) return undefined;
  const most = Math.floor(coreLen / 8);
  return (most && editDistance(head, core) <= most) || lookalikes(chars.slice(0, coreLen), core) ? core + chars.slice(coreLen).join('') : undefined;
}

/** `read` is `name` with lookalikes for some of its characters (交通远输 for 交通运输: no character
 *  misread otherwise, however short the name) */
function lookalikes(read: readonly string[], name: string): boolean {
  const n = Array.from(name);
  return read.length === n.length && read.every((c, i) => lookalike(c, n[i]!));
}

/** the place a unit's name begins with: a city, province, county or district (广州市, 江苏省) */
const PLACE = /^[\u4e00-\u9fff]{1,4}?[省市县区]/u;
const CJK = /[\u4e00-\u9fff]/u;
/** how the name of a unit ends: its last word (局, 中心, 站, 支队 …, or the 中 of a 中心 that lost its
 *  心), a bracketed part after it ((本级)); a project or a subject named after a place (深圳湾…)
 *  ends otherwise */
const UNIT_END = /(?:局|中心|中|站|所|队|院|室|会|处|馆|校|园|场|社|部|厅|办|署|台|团|委)(?:[（(][^（）()]*[）)])?$/u;
/** what a scan may put before a unit's name: no character of a name (marks, Latin, digits of a
 *  code cell run in), and no opening bracket or quote a label prints (《广州市…》编制经费) */
const JUNK = /^[^\u4e00-\u9fff（(《〈“"‘「『【〔[]+/u;
/** digits and dashes alone, which a label prints (a list number 1., a year or an id: 2025-…) */
const PRINTED_PREFIX = /^[\d\s\-–—_.、．()（）]+$/u;
/** how many rows print the place before it is the column's: with the issuer beginning with it (the
 *  issuer's name is a second print of it), or without an issuer */
const MIN_ROWS_WITH_ISSUER = 1;
const MIN_ROWS_ALONE = 3;

/** The place the units of a column of labels are of: the issuer's (its name's place), printed by
 *  enough rows; without an issuer, the one most rows begin with, printed by enough of them;
 *  undefined otherwise. */
function columnPlace(labels: readonly string[], issuer?: string): string | undefined {
  const counts = new Map<string, number>();
  for (const l of labels) {
    const m = PLACE.exec(l);
    if (m) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  const place = issuer ? (PLACE.exec(issuer)?.[0] ?? '') : ([...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '');
  if (Array.from(place).length < 3) return undefined;
  return (counts.get(place) ?? 0) >= (issuer ? MIN_ROWS_WITH_ISSUER : MIN_ROWS_ALONE) ? place : undefined;
}

/** `rest` (a label without what came before its first character of a name) begun with `place`:
 *  as it is, one character of the place misread, or its first character lost; undefined when it
 *  is none of these, or nothing of a name follows. */
function placeRestored(rest: string, place: string): string | undefined {
  const p = Array.from(place);
  const r = Array.from(rest);
  if (rest.startsWith(place)) return r.length > p.length ? rest : undefined;
  // (the place's last word, 市 省 县 区, read as printed: 深圳湾… is no misread 深圳市)
  if (r.length > p.length + 1 && r.slice(0, p.length).every((c) => CJK.test(c)) && r[p.length - 1] === p[p.length - 1]) {
    const diff = p.filter((c, i) => r[i] !== c).length;
    if (diff === 1) return place + r.slice(p.length).join('');
  }
  const tail = p.slice(1).join('');
  if (p.length >= 3 && rest.startsWith(tail) && r.length > p.length) return place + r.slice(p.length - 1).join('');
  return undefined;
}

/** For the labels of one OCR'd table: those of units whose place (the one the other rows print,
 *  see columnPlace) a scan misread, lost the first character of, or ran marks into, begun with it;
 *  and a unit's name ending in 中 whose column ends its names in 中心 two times or more, with its 心
 *  (index → label). */
export function restorePlacePrefixes(labels: readonly string[], issuer?: string): Map<number, string> {
  const out = new Map<number, string>();
  const place = columnPlace(labels, issuer);
  if (!place) return out;
  const centres = labels.filter((l) => l.endsWith('中心')).length;
  labels.forEach((label, i) => {
    let fixed: string | undefined;
    if (!label.startsWith(place)) {
      const junk = JUNK.exec(label)?.[0] ?? '';
      const rest = label.slice(junk.length);
      // (digits before the place as printed; a misread place only in a unit's name)
      if (junk && PRINTED_PREFIX.test(junk)) return;
      if (rest.startsWith(place) || UNIT_END.test(label)) fixed = placeRestored(rest, place);
    }
    const name = fixed ?? label;
    if (name.startsWith(place) && name.endsWith('中') && centres >= 2) fixed = name + '心';
    if (fixed && fixed !== label) out.set(i, fixed);
  });
  return out;
}
