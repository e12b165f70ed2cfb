// 名词解释 definitions that carry a classification code:
//   行政单位医疗（2101101）：反映财政部门安排的…
//   医疗保障管理事务（21015）反映医疗保障管理方面的支出。
//   9. 社会保障和就业（208）：反映政府在社会保障与就业方面的支出。
// The colon is optional, parentheses half- or full-width, the code 3, 5 or 7 digits; the text may
// continue on the following lines (across blank lines while the sentence is unfinished) until the
// next definition, a numbered item or a heading.
import type { CodeDefinition } from '../../model/types.js';
import type { ChainPart } from './facts.js';
import { MARKER, normalizeLine, type ProseLine } from './text.js';

const DEF = /^(?:(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、](?!\d))\s*)?([^\d（）()，,。；;：:、\s]{2,40}?)\s*[（(](\d{3}|\d{5}|\d{7})[）)]\s*[：:]?\s*(.*)$/;
const DEF_START_WORD = /^(?:反映|指|是指|是|包括|用于|集中反映|主要反映)/;
const NAMED_ITEM = /^[^，。；：:]{1,40}[：:]/; // `12. 基本支出：指…` (a definition without a code)
const GLOSSARY = /名词解释/;
const PART = /^第[一二三四五六七八九十]+部分/;

interface Start {
  code: string;
  name: string;
  text: string;
}

function startOf(t: string, strict: boolean): Start | undefined {
  const m = DEF.exec(t);
  if (!m) return undefined;
  const text = m[3]!.replace(/^[，,、]/, '').trim();
  if (/^\d/.test(text)) return undefined; // 行政运行（2101501）230.48 万元: a figure, not a definition
  if (strict && !DEF_START_WORD.test(text)) return undefined;
  return { code: m[2]!, name: m[1]!, text };
}

/**
 * Code definitions of a document. Inside a 名词解释 part (when there is one) any `name（code）…`
 * line counts; elsewhere the text must start like a definition (反映 / 指 / 用于 …).
 */
export function collectDefinitions(lines: ProseLine[], docId: string, fiscalYear: string): CodeDefinition[] {
  const norm = lines.map((l) => normalizeLine(l.text ?? ''));
  const out: CodeDefinition[] = [];
  let inGlossary = false;
  let cur: (CodeDefinition & { open: boolean }) | undefined;
  let gap = 0;
  const close = () => {
    if (cur) {
      const { open: _open, ...def } = cur;
      void _open;
      out.push(def);
    }
    cur = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.text ?? '';
    const t = norm[i]!;
    if (t === '') {
      gap++;
      // a finished sentence followed by a blank line ends the definition
      if (cur && (/[。；;]$/.test(cur.definition) || gap > 3)) close();
      continue;
    }
    const isToc = /\.{4,}|…{2,}/.test(t) || raw.includes('\t');
    if (PART.test(t) && !isToc) {
      close();
      inGlossary = GLOSSARY.test(t);
      gap = 0;
      continue;
    }
    if (GLOSSARY.test(t) && t.length <= 12) {
      close();
      inGlossary = true;
      gap = 0;
      continue;
    }
    const st = startOf(t, !inGlossary);
    if (st) {
      close();
      cur = { doc_id: docId, code: st.code, name: st.name, definition: st.text, fiscal_year: fiscalYear, open: true };
      const page = lines[i]!.page;
      if (page !== undefined) cur.page = page;
      gap = 0;
      continue;
    }
    if (cur) {
      if (MARKER.test(t) || NAMED_ITEM.test(t) || isToc || raw.includes('\t')) close();
      else cur.definition += t;
    }
    gap = 0;
  }
  close();
  return out;
}

// ---------------------------------------------------------------- resolvers from definitions

/** Name key for comparing chain names with defined names: no trailing 支出, no quotes. */
function nameKey(s: string): string {
  return s.replace(/\s+/g, '').replace(/支出$/, '');
}

/**
 * A `resolveChain` built from a document's own code definitions (a fallback, and a test aid):
 * the 项 (or the deepest part) is looked up among definitions of its length (7 / 5 / 3 digits),
 * narrowed by the 类 and 款 codes where those names are defined too. Returns undefined unless
 * exactly one code fits.
 */
export function chainResolverFromDefinitions(defs: Pick<CodeDefinition, 'code' | 'name'>[]): (parts: ChainPart[]) => string | undefined {
  const byLen = new Map<number, { code: string; key: string }[]>();
  for (const d of defs) {
    const list = byLen.get(d.code.length) ?? [];
    list.push({ code: d.code, key: nameKey(d.name) });
    byLen.set(d.code.length, list);
  }
  const find = (name: string, len: number) => (byLen.get(len) ?? []).filter((x) => x.key === nameKey(name)).map((x) => x.code);
  const LEN = { 类: 3, 款: 5, 项: 7 } as const;
  return (parts) => {
    const last = parts[parts.length - 1];
    if (!last) return undefined;
    let candidates = [...new Set(find(last.name, LEN[last.level]))];
    for (const p of parts.slice(0, -1)) {
      const upper = find(p.name, LEN[p.level]);
      if (upper.length === 0) continue; // not defined in this document: no constraint
      const narrowed = candidates.filter((c) => upper.some((u) => c.startsWith(u)));
      if (narrowed.length > 0) candidates = narrowed;
      else return undefined; // contradicts a defined ancestor
    }
    return candidates.length === 1 ? candidates[0] : undefined;
  };
}

/** A `resolveName` built from definitions: a name (支出 optional) defined with exactly one code. */
export function nameResolverFromDefinitions(defs: Pick<CodeDefinition, 'code' | 'name'>[]): (name: string) => string | undefined {
  const map = new Map<string, Set<string>>();
  for (const d of defs) {
    const k = nameKey(d.name);
    const set = map.get(k) ?? new Set<string>();
    set.add(d.code);
    map.set(k, set);
  }
  return (name) => {
    const set = map.get(nameKey(name));
    return set && set.size === 1 ? [...set][0] : undefined;
  };
}
