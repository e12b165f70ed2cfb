// A table's kind from several signals, not from its title alone:
//   - title: every kind whose title patterns match (the first match ranks highest); a title read by
//     OCR is also compared with the kinds' known titles allowing misread characters (收入7支出决总表,
//     支出欧算表: kinds.ts fuzzyTitleKinds), the strongest match first and those nearly as strong
//     beside it, for the other signals to decide; a text layer's title is matched exactly;
//   - codes: the classification the rows print (2xx function, 30x/31x/39x economic of departments,
//     50x economic of governments, 10x income), from the code and bracketed-code cells;
//   - headers: how many of the header's amount words the kind's own vocabulary names;
//   - the table number: 公开NN表 for final accounts printed without a title; in an OCR'd final
//     account also 表N, and the kind it numbers gains beside the title's.
// The kind most signals support wins. Rows of one code system never land in a kind of another:
// when no candidate fits the rows, the table stays `unknown`. A table whose title pointed elsewhere
// than the winner is flagged `kind_disputed`; an OCR'd table left `unknown` is flagged
// `ocr_kind_unknown` (and so are its facts); the evidence is kept for tables.csv (`title~N:` when
// the title was matched with N misread characters).
import { cleanLabel } from '../values/labels.js';
import { bracketedCode, isCode } from './grid-text.js';
import { allKinds, classifyTitle, exactTitleLength, fuzzyTitleKinds, kindById, kindsByTitle, measureOf, type FuzzyTitle, type KindDef } from './kinds.js';
import type { TableCandidate } from './locate.js';

export interface Classification {
  kind: KindDef | undefined;
  /** short evidence: `title:<kind>(+n others) codes:econ 41/43 headers:4/5 → <kind>` */
  evidence: string;
  /** flags for the table: kind_disputed, kind_code_conflict, ocr_kind_unknown */
  flags: string[];
}

/** an OCR'd table whose kind could not be told (its title misread beyond recognition and nothing
 *  else naming it): its facts carry the flag too */
export const OCR_KIND_UNKNOWN = 'ocr_kind_unknown';
/** an OCR'd table that neither its title nor its number names, of the kind its structure and header
 *  words point to: its facts carry the flag too */
export const OCR_KIND_INFERRED = 'ocr_kind_inferred';

type CodeFamily = 'function' | 'econ' | 'income';

/** The code family a printed code belongs to, by its first digits. */
function familyOf(code: string): CodeFamily | '' {
  if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return 'function';
  if (/^(30|31|39|50|51|59)\d(\d{2})?$/.test(code)) return 'econ';
  if (/^1[01]\d(\d{2}){0,3}$/.test(code)) return 'income';
  return '';
}

function kindFamilies(kind: KindDef): string[] {
  const s = kind.code_system ?? '';
  const own = s === 'function' ? 'function' : s.startsWith('econ') ? 'econ' : s === 'income' ? 'income' : '';
  return own ? [own, ...(kind.accepts_codes ?? [])] : [];
}

interface CodeCount { family: CodeFamily | ''; n: number; of: number }

/** The code family most of the table's coded rows print (at least three codes, two thirds). */
function rowCodes(cand: TableCandidate): CodeCount {
  const counts = new Map<CodeFamily, number>();
  let of = 0;
  for (const row of cand.grid.rows) {
    for (const cell of row) {
      const t = cleanLabel(cell.text);
      const code = isCode(t) ? t : bracketedCode(cell.text)?.code;
      if (!code) continue;
      const f = familyOf(code);
      if (!f) continue;
      counts.set(f, (counts.get(f) ?? 0) + 1);
      of++;
      break;
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!best || of < 3 || best[1] * 3 < of * 2) return { family: '', n: best?.[1] ?? 0, of };
  return { family: best[0], n: best[1], of };
}

/** Header cells of the candidate (the rows before the first row with a number), as words. */
function headerWords(cand: TableCandidate): string[] {
  const out: string[] = [];
  for (const row of cand.grid.rows.slice(0, 6)) {
    if (row.some((c) => /\d[\d,]*\.\d{2}$/.test(cleanLabel(c.text)))) break;
    for (const c of row) {
      const t = cleanLabel(c.text);
      if (t) out.push(t);
    }
  }
  return out;
}

/** header words the kind's vocabulary names */
const named = (kind: KindDef, words: string[]): number => words.filter((w) => measureOf(kind, w) !== '').length;

function headerScore(kind: KindDef, words: string[]): number {
  if (!words.length || !kind.measures.length) return 0;
  return named(kind, words) / words.length;
}

/** A fuzzy title (OCR) ranks as an exact one when it is the strongest found; one this much weaker
 *  than the strongest still stands beside it, for the rows and headers to decide. */
const FUZZY_NEAR = 2;
/** a fuzzy title this much stronger than the one an exact pattern found goes before it: the pattern
 *  matched the end of a title whose misread beginning named a longer one (…财政拔款支出决算表;
 *  财政捆款收支总表: seven characters of 财政拨款收支总表 against the four of 收支总表) */
const FUZZY_OVER_EXACT = 2;

/** The kinds the title names, first the one it names best. A text layer's title is matched exactly
 *  (kindsByTitle); an OCR'd title also by its known titles with misread characters
 *  (fuzzyTitleKinds). `fuzzy`: the fuzzy match of each kind taken from it. */
function titleKinds(cand: TableCandidate, ocr: boolean): { kinds: KindDef[]; fuzzy: Map<KindDef, FuzzyTitle> } {
  const exact = kindsByTitle(cand.title);
  const fuzzy = new Map<KindDef, FuzzyTitle>();
  if (!ocr) return { kinds: exact, fuzzy };
  const found = fuzzyTitleKinds(cand.title);
  const top = found[0];
  if (!top) return { kinds: exact, fuzzy };
  const strengthOf = (k: KindDef): number | undefined => found.find((f) => f.kind === k)?.strength;
  if (exact.length) {
    // (a kind whose known titles are not in the title as such: what its pattern matched)
    const exactStrength = strengthOf(exact[0]!) ?? exactTitleLength(exact[0]!, cand.title);
    if (exact.includes(top.kind) || top.strength < exactStrength + FUZZY_OVER_EXACT) return { kinds: exact, fuzzy };
    fuzzy.set(top.kind, top);
    return { kinds: [top.kind, ...exact], fuzzy };
  }
  const near = found.filter((f) => f.strength >= top.strength - FUZZY_NEAR);
  for (const f of near) fuzzy.set(f.kind, f);
  return { kinds: near.map((f) => f.kind), fuzzy };
}

/** The kind an OCR'd final account's printed table number names: 公开05表, and also 表5 (the
 *  numbers 决算 tables are printed under; a text layer's 表N is left to its title). */
function kindOfNumber(tableNo: string, docKind: string): KindDef | undefined {
  if (docKind !== 'final_accounts') return undefined;
  return classifyTitle('', tableNo.replace(/^表/, '公开'), docKind);
}

/** A 公开NN表 number whose 开 OCR misread (公心02表, 公升03表), read as the table's whole title: 公, one
 *  character, two digits, 表 and nothing else (the number's own syntax; a title that says more is a
 *  title). */
const MISREAD_NUMBER = /^公[^\d\s开](\d{2})表$/;

/** The 公开NN表 an OCR'd table's misread number stands for ('' none): only where no number was read. */
export function misreadNumber(cand: TableCandidate): string {
  if (cand.grid.method !== 'ocr' || cand.table_no) return '';
  const m = MISREAD_NUMBER.exec(cleanLabel(cand.title).normalize('NFKC').replace(/\s+/g, ''));
  return m ? `公开${m[1]}表` : '';
}

/** A 总表 prints its income and its expenditure side by side under 收入 | 支出 (本年收入 | 本年支出). */
function twoSided(cand: TableCandidate): boolean {
  return cand.grid.rows.slice(0, 2).some((row) => {
    const cells = row.map((c) => cleanLabel(c.text)).filter(Boolean);
    return cells.length >= 2 && cells.length <= 4 && cells.some((c) => /^(本年)?收入$/.test(c)) && cells.some((c) => /^(本年)?支出$/.test(c));
  });
}

/** header words one kind must name beyond any other to be taken from them alone */
const HEADER_LEAD = 1;
const HEADER_MIN = 2;

/** The header's words up to the first row that prints a number (whole 元 included), as words. */
function headerOnlyWords(cand: TableCandidate): string[] {
  const out: string[] = [];
  for (const row of cand.grid.rows.slice(0, 6)) {
    const cells = row.map((c) => cleanLabel(c.text)).filter(Boolean);
    if (cells.some((t) => /^-?[\d,]*\d(\.\d+)?$/.test(t) && /\d{2}/.test(t))) break;
    out.push(...cells);
  }
  return out;
}

/** The kind an OCR'd table that neither title nor number names is taken for from its structure:
 *  among the kinds of the document's kind that are as two-sided as the table (收入 | 支出 side by
 *  side) and take the rows' code family, the one whose vocabulary names clearly more of the
 *  header's words than any other (at least HEADER_MIN, HEADER_LEAD more than the next). A 总表 is
 *  told from a 财政拨款总表 by the columns beyond the amount its header names (合计, 一般公共预算…;
 *  none: the kind with the fewest such columns). A tie names none. */
function kindByStructure(cand: TableCandidate, docKind: string, family: CodeFamily | ''): KindDef | undefined {
  const sided = twoSided(cand);
  const words = headerOnlyWords(cand);
  const pool = allKinds().filter((k) => k.measures.length && !k.form && (docKind === 'other' || k.doc_kind === docKind) && !!k.two_sided === sided
    && (!family || kindFamilies(k).includes(family)));
  if (sided) {
    const specific = (k: KindDef): number => words.filter((w) => !['', 'amount'].includes(measureOf(k, w))).length;
    const columns = (k: KindDef): number => new Set(k.measures.map(([, m]) => m).filter((m) => m !== 'amount')).size;
    const ranked = pool.map((k) => ({ k, s: specific(k), c: columns(k) })).sort((a, b) => b.s - a.s || a.c - b.c);
    const [first, second] = ranked;
    if (!first || (second && second.s === first.s && second.c === first.c)) return undefined;
    return first.k;
  }
  const ranked = pool.map((k) => ({ k, n: named(k, words) })).sort((a, b) => b.n - a.n);
  const [first, second] = ranked;
  if (!first || first.n < HEADER_MIN || (second && first.n < second.n + HEADER_LEAD)) return undefined;
  return first.k;
}

export function classifyTable(cand: TableCandidate, docKind: string): Classification {
  const ocr = cand.grid.method === 'ocr';
  const { kinds: byTitle, fuzzy } = titleKinds(cand, ocr);
  // (a number whose 开 was misread: the kind it numbers, flagged as inferred)
  const misread = misreadNumber(cand);
  const numbered = ocr ? kindOfNumber(misread || cand.table_no, docKind) : undefined;
  const codes = rowCodes(cand);
  const words = headerWords(cand);
  const byNumber = byTitle.length ? undefined : classifyTitle(misread ? '' : cand.title, misread || cand.table_no, docKind) ?? numbered;
  // an OCR'd table nothing names: its structure and header words, the kind flagged as inferred
  const inferred = byTitle.length || byNumber || !ocr ? undefined : kindByStructure(cand, docKind, codes.family);
  const fallback = byNumber ?? inferred;
  const titled = byTitle.length ? byTitle : fallback ? [fallback] : [];
  // a kind's variant for the code family the rows print stands beside it (一般公共预算支出表 printed by
  // economic classification)
  const candidates = titled.flatMap((k) => {
    const v = codes.family ? k.variants?.[codes.family] : undefined;
    const variant = v ? kindById(v) : undefined;
    return variant && !titled.includes(variant) ? [k, variant] : [k];
  });
  const codeNote = codes.family ? `codes:${codes.family} ${codes.n}/${codes.of}` : codes.of ? `codes:mixed ${codes.of}` : 'codes:none';
  // an OCR'd table no kind fits is flagged: its facts lost their kind and measures
  const unknownFlags = ocr ? [OCR_KIND_UNKNOWN] : [];
  if (!candidates.length) return { kind: undefined, evidence: `title:none ${codeNote}`, flags: unknownFlags };

  const top = fuzzy.get(candidates[0]!);
  const scored = candidates.map((k, rank) => {
    const f = fuzzy.get(k);
    // fuzzy titles near the strongest rank by how much weaker they are
    let score = f && top ? 3 - (top.strength - f.strength) / 2 : rank === 0 ? 3 : 2;
    const fams = kindFamilies(k);
    if (fams.length && codes.family) score += fams.includes(codes.family) ? 3 : -10;
    if (k.doc_kind === docKind) score += 0.5;
    if (numbered === k) score += 1;
    score += 2 * headerScore(k, words);
    return { k, score, fams };
  });
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const titleNote = `title${top ? `~${top.edits}` : ''}:${candidates[0]!.id}${candidates.length > 1 ? `(+${candidates.length - 1})` : ''}`;
  const headerNote = `headers:${named(best.k, words)}/${words.length}${numbered ? ` no:${numbered.id}` : ''}`;
  if (best.fams.length && codes.family && !best.fams.includes(codes.family)) {
    // no candidate fits the rows' codes: not filed under a kind of another code system
    return { kind: undefined, evidence: `${titleNote} ${codeNote} → unknown`, flags: ['kind_code_conflict', ...unknownFlags] };
  }
  const variantOfFirst = candidates[0]!.variants?.[codes.family] === best.k.id;
  // a fuzzy title near the strongest that the rows and headers preferred is not disputed
  const flags = best.k.id !== candidates[0]!.id && !variantOfFirst && !fuzzy.has(best.k) ? ['kind_disputed'] : [];
  if (inferred) return { kind: best.k, evidence: `title:none structure:${inferred.id} ${codeNote} ${headerNote} → ${best.k.id}`, flags: [...flags, OCR_KIND_INFERRED] };
  if (misread && byNumber && !byTitle.length) return { kind: best.k, evidence: `title:none no~1:${byNumber.id} ${codeNote} ${headerNote} → ${best.k.id}`, flags: [...flags, OCR_KIND_INFERRED] };
  return { kind: best.k, evidence: `${titleNote} ${codeNote} ${headerNote} → ${best.k.id}`, flags };
}
