// Evidence → one entry per code. Names are decided year by year: in each fiscal year the name with
// the highest weighted frequency wins (printed variants such as 卫生健康 / 卫生健康支出 pool their
// counts and are shown in their most common form); the canonical name is the latest year's.
import { levelOf, parentOf, systemOf } from '../../normalizers/taxonomy/shape.js';
import type { StoredEntry } from '../../normalizers/taxonomy/store.js';
import { normalizeName, variantKey } from '../../normalizers/taxonomy/text.js';
import type { CodeSystem, NameSpan } from '../../normalizers/taxonomy/types.js';
import type { Conflict, Evidence, EvidenceKind } from './types.js';

const KIND_WEIGHT: Record<EvidenceKind, number> = {
  official: 1000,
  source_csv: 1,
  table: 1,
  observed: 1,
  definition: 1,
  curated: 1,
  chain: 0.5,
  numbered_class: 0.5,
  prose: 0.25,
};

interface MergeResult {
  entries: Map<CodeSystem, StoredEntry[]>;
  conflicts: Conflict[];
  warnings: string[];
}

/** Sort strings by code-point order (deterministic, locale-free). */
export function sortStrings(xs: Iterable<string>): string[] {
  return Array.from(new Set(xs)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Source labels sorted by file, then numerically by line. */
export function sortSources(xs: Iterable<string>): string[] {
  const key = (s: string): [string, number] => {
    const m = /^(.*)#L(\d+)$/.exec(s);
    return m ? [m[1] ?? '', Number(m[2])] : [s, 0];
  };
  return Array.from(new Set(xs)).sort((a, b) => {
    const [fa, la] = key(a);
    const [fb, lb] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/** Curated year ranges become one piece of evidence per year, up to `maxYear` when open. */
function expandRanges(evidence: Evidence[]): Evidence[] {
  let maxYear = '';
  for (const e of evidence) {
    if (e.year > maxYear) maxYear = e.year;
    if (e.yearRange?.[1] && e.yearRange[1] > maxYear) maxYear = e.yearRange[1];
  }
  const out: Evidence[] = [];
  for (const e of evidence) {
    if (!e.yearRange) {
      out.push(e);
      continue;
    }
    const from = Number(e.yearRange[0]);
    const to = Number(e.yearRange[1] || maxYear || e.yearRange[0]);
    const { yearRange: _r, ...rest } = e;
    for (let y = from; y <= to; y++) out.push({ ...rest, year: String(y) });
  }
  return out;
}

/** The stored form of a name: normalized, with the full-width parentheses official lists print. */
function printForm(s: string): string {
  return normalizeName(s).replace(/\(/g, '（').replace(/\)/g, '）');
}

interface Form {
  name: string;
  weight: number;
  count: number;
  years: Set<string>;
}

function byWeightThenName(a: { name: string; weight: number }, b: { name: string; weight: number }): number {
  return b.weight - a.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Prose writes "2101501-行政运行支出": where another source prints 行政运行, read it as that. */
function unProse(evs: Evidence[]): Evidence[] {
  const printed = new Set(evs.filter((e) => e.kind !== 'prose').map((e) => printForm(e.name)));
  return evs.map((e) => {
    if (e.kind !== 'prose') return e;
    const n = printForm(e.name);
    return n.endsWith('支出') && printed.has(n.slice(0, -2)) ? { ...e, name: n.slice(0, -2) } : e;
  });
}

/**
 * Text extraction cuts names where a cell wraps (机关事业单位基本养老保 | 险缴费支出). Within one fiscal
 * year, a form that is part of a heavier form of the same code (and not merely its 支出 variant) is
 * read as that form. Across years nothing is mapped: 30307 was printed 医疗费 in 2017 and
 * 医疗费补助 later, both real.
 */
function unTruncate(evs: Evidence[]): Evidence[] {
  const weight = new Map<string, number>(); // year \0 form → weight
  for (const e of evs) {
    if (!e.year) continue;
    const k = `${e.year}\u0000${printForm(e.name)}`;
    weight.set(k, (weight.get(k) ?? 0) + KIND_WEIGHT[e.kind]);
  }
  const formsOf = new Map<string, string[]>();
  for (const k of weight.keys()) {
    const [y, f] = k.split('\u0000') as [string, string];
    formsOf.set(y, [...(formsOf.get(y) ?? []), f]);
  }
  return evs.map((e) => {
    if (!e.year || e.kind === 'official') return e;
    const f = printForm(e.name);
    const w = weight.get(`${e.year}\u0000${f}`) ?? 0;
    const whole = (formsOf.get(e.year) ?? [])
      .filter((g) => g !== f && g.includes(f) && variantKey(g) !== variantKey(f))
      .filter((g) => (weight.get(`${e.year}\u0000${g}`) ?? 0) > w)
      .sort((a, b) => (weight.get(`${e.year}\u0000${b}`) ?? 0) - (weight.get(`${e.year}\u0000${a}`) ?? 0) || (a < b ? -1 : 1))[0];
    return whole ? { ...e, name: whole } : e;
  });
}

function mergeCode(code: string, evidence: Evidence[]): { entry: StoredEntry; conflict?: Conflict; weak: string[] } {
  const level = levelOf(code);
  if (!level) throw new Error(`bad code ${code}`);
  const evs = unTruncate(unProse(evidence));
  // every printed form of the name, with weighted and raw counts
  const forms = new Map<string, Form>();
  for (const e of evs) {
    const name = printForm(e.name);
    const f = forms.get(name) ?? { name, weight: 0, count: 0, years: new Set<string>() };
    f.weight += KIND_WEIGHT[e.kind];
    f.count += 1;
    if (e.year) f.years.add(e.year);
    forms.set(name, f);
  }
  // the display form of each variant group: its globally most frequent form
  const display = new Map<string, string>();
  for (const f of [...forms.values()].sort(byWeightThenName)) {
    const k = variantKey(f.name);
    if (!display.has(k)) display.set(k, f.name);
  }
  // the code's usual name: the heaviest variant group over all years
  const groupWeight = new Map<string, number>();
  for (const f of forms.values()) groupWeight.set(variantKey(f.name), (groupWeight.get(variantKey(f.name)) ?? 0) + f.weight);
  const dominant = [...groupWeight.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const weak: string[] = [];
  // year by year
  const years = sortStrings(evs.map((e) => e.year).filter(Boolean));
  const chosenByYear = new Map<string, string>();
  const conflictYears: string[] = [];
  const losers = new Set<string>();
  for (const y of years) {
    const groups = new Map<string, number>();
    const namesThisYear = new Set<string>();
    for (const e of evs) {
      if (e.year !== y) continue;
      const k = variantKey(e.name);
      namesThisYear.add(printForm(e.name));
      groups.set(k, (groups.get(k) ?? 0) + KIND_WEIGHT[e.kind]);
    }
    const ranked = [...groups.entries()]
      .map(([k, weight]) => ({ name: display.get(k) ?? k, weight, k }))
      .sort(byWeightThenName);
    const win = ranked[0];
    if (!win) continue;
    // a one-off layout-text sighting (under weight 2 over all years) that contradicts the code's usual name is more likely a cut or
    // misaligned cell than a rename: the year gets no name of its own
    const groupKinds = evs.filter((e) => e.year === y && variantKey(e.name) === win.k).map((e) => e.kind);
    if (dominant && win.k !== dominant && (groupWeight.get(win.k) ?? 0) < 2 && groupKinds.every((k) => k === 'observed')) {
      losers.add(win.k);
      weak.push(`${code} ${y}: lone layout-text name "${win.name}" differs from "${display.get(dominant) ?? dominant}"; not used`);
      continue;
    }
    chosenByYear.set(y, win.name);
    if (namesThisYear.size > 1) conflictYears.push(y);
    for (const r of ranked.slice(1)) losers.add(r.k);
  }
  // history spans
  const spans = new Map<string, string[]>();
  for (const [y, n] of chosenByYear) spans.set(n, [...(spans.get(n) ?? []), y]);
  const history: NameSpan[] = [...spans.entries()]
    .map(([name, ys]) => ({ name, years: sortStrings(ys) }))
    .sort((a, b) => (a.years[0] ?? '') < (b.years[0] ?? '') ? -1 : 1);
  const chosenYears = [...chosenByYear.keys()].sort();
  const latest = chosenYears.length ? chosenByYear.get(chosenYears[chosenYears.length - 1] ?? '') : undefined;
  // undated-only codes: the best form overall
  const undatedBest = [...forms.values()].sort(byWeightThenName)[0]?.name ?? '';
  const canonical = latest ?? display.get(variantKey(undatedBest)) ?? undatedBest;
  if (!history.length) history.push({ name: canonical, years: [] });

  const kept = new Set(history.map((h) => variantKey(h.name)));
  const historyNames = new Set(history.map((h) => h.name));
  const aliases = new Set<string>();
  const rejected = new Set<string>();
  for (const f of forms.values()) {
    if (historyNames.has(f.name)) continue;
    const k = variantKey(f.name);
    if (kept.has(k)) aliases.add(f.name);
    else if (losers.has(k)) {
      // lost in some year; still an alias when it never lost to a different name (undated evidence)
      rejected.add(f.name);
    } else aliases.add(f.name);
  }
  // curated alias columns are printed variants by construction
  for (const e of evs) for (const a of e.aliases ?? []) if (!historyNames.has(printForm(a))) aliases.add(printForm(a));
  for (const r of rejected) aliases.delete(r);

  const legacy = sortStrings(evs.map((e) => e.legacy).filter((x): x is string => !!x).map(printForm))
    .filter((n) => !historyNames.has(n));
  const entry: StoredEntry = {
    code,
    name: canonical,
    level,
    parent: parentOf(code),
    names: history,
    aliases: sortStrings(aliases),
    sources: sortSources(evs.map((e) => e.source)),
    ...(legacy.length ? { legacy_names: legacy } : {}),
  };
  if (evs.every((e) => e.kind === 'prose')) entry.note = 'name known only from prose mentions; may carry an appended 支出';
  let conflict: Conflict | undefined;
  if (conflictYears.length) {
    const names = [...forms.values()]
      .map((f) => ({ name: f.name, count: f.count, years: sortStrings(f.years) }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
    const competing = new Set(
      evs.filter((e) => conflictYears.includes(e.year)).map((e) => variantKey(e.name)),
    );
    conflict = {
      code,
      names,
      chosen: canonical,
      conflictYears,
      rejected: sortStrings(rejected),
      variantsOnly: competing.size === 1,
    };
  }
  return { entry, weak, ...(conflict ? { conflict } : {}) };
}

export function mergeEvidence(all: Evidence[]): MergeResult {
  const evidence = expandRanges(all);
  const byCode = new Map<string, Evidence[]>();
  for (const e of evidence) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  const entries = new Map<CodeSystem, StoredEntry[]>();
  const conflicts: Conflict[] = [];
  const warnings: string[] = [];
  for (const code of sortStrings(byCode.keys())) {
    const sys = systemOf(code);
    if (!sys) continue;
    const r = mergeCode(code, byCode.get(code) ?? []);
    entries.set(sys, [...(entries.get(sys) ?? []), r.entry]);
    if (r.conflict) conflicts.push(r.conflict);
    if (r.entry.note) warnings.push(`${code}: ${r.entry.note}`);
    warnings.push(...r.weak);
  }
  return { entries, conflicts, warnings };
}
