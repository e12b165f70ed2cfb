// A table's kind from several signals, not from its title alone:
//   - title: every kind whose title patterns match (the first match ranks highest);
//   - codes: the classification the rows print (2xx function, 30x/31x/39x economic of departments,
//     50x economic of governments, 10x income), from the code and bracketed-code cells;
//   - headers: how many of the header's amount words the kind's own vocabulary names;
//   - the 公开NN表 number, for final accounts printed without a title.
// The kind most signals support wins. Rows of one code system never land in a kind of another:
// when no candidate fits the rows, the table stays `unknown`. A table whose title pointed elsewhere
// than the winner is flagged `kind_disputed`; the evidence is kept for tables.csv.
import { cleanLabel } from '../values/labels.js';
import { bracketedCode, isCode } from './grid-text.js';
import { classifyTitle, kindById, kindsByTitle, measureOf, type KindDef } from './kinds.js';
import type { TableCandidate } from './locate.js';

export interface Classification {
  kind: KindDef | undefined;
  /** short evidence: `title:<kind>(+n others) codes:econ 41/43 headers:4/5 → <kind>` */
  evidence: string;
  /** flags for the table: kind_disputed, kind_code_conflict */
  flags: string[];
}

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

export function classifyTable(cand: TableCandidate, docKind: string): Classification {
  const byTitle = kindsByTitle(cand.title);
  const fallback = byTitle.length ? undefined : classifyTitle(cand.title, cand.table_no, docKind);
  const codes = rowCodes(cand);
  const titled = byTitle.length ? byTitle : fallback ? [fallback] : [];
  // a kind's variant for the code family the rows print stands beside it (一般公共预算支出表 printed by
  // economic classification)
  const candidates = titled.flatMap((k) => {
    const v = codes.family ? k.variants?.[codes.family] : undefined;
    const variant = v ? kindById(v) : undefined;
    return variant && !titled.includes(variant) ? [k, variant] : [k];
  });
  const words = headerWords(cand);
  const codeNote = codes.family ? `codes:${codes.family} ${codes.n}/${codes.of}` : codes.of ? `codes:mixed ${codes.of}` : 'codes:none';
  if (!candidates.length) return { kind: undefined, evidence: `title:none ${codeNote}`, flags: [] };

  const scored = candidates.map((k, rank) => {
    let score = rank === 0 ? 3 : 2;
    const fams = kindFamilies(k);
    if (fams.length && codes.family) score += fams.includes(codes.family) ? 3 : -10;
    if (k.doc_kind === docKind) score += 0.5;
    score += 2 * headerScore(k, words);
    return { k, score, fams };
  });
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const titleNote = `title:${candidates[0]!.id}${candidates.length > 1 ? `(+${candidates.length - 1})` : ''}`;
  const headerNote = `headers:${named(best.k, words)}/${words.length}`;
  if (best.fams.length && codes.family && !best.fams.includes(codes.family)) {
    // no candidate fits the rows' codes: not filed under a kind of another code system
    return { kind: undefined, evidence: `${titleNote} ${codeNote} → unknown`, flags: ['kind_code_conflict'] };
  }
  const variantOfFirst = candidates[0]!.variants?.[codes.family] === best.k.id;
  const flags = best.k.id !== candidates[0]!.id && !variantOfFirst ? ['kind_disputed'] : [];
  return { kind: best.k, evidence: `${titleNote} ${codeNote} ${headerNote} → ${best.k.id}`, flags };
}
