// The in-memory taxonomy: lookups by code (year-aware, provisional for unseen codes), name
// resolution, code-name checks, COFOG, statistics.
import { conventionalName, isWellFormed, levelOf, parentOf, systemOf } from './shape.js';
import type { CofogFile, StoredEntry } from './store.js';
import { hasClassNumbering, normalizeName, similarity, squash, variantKey } from './text.js';
import type { CodeSystem, Level, TaxonomyEntry } from './types.js';
import { CODE_SYSTEMS } from './types.js';

interface NameResolution {
  code: string;
  entry: TaxonomyEntry;
  method: 'exact' | 'alias' | 'fuzzy';
  score: number;
}

interface ResolveOptions {
  system?: CodeSystem;
  parent?: string;
  level?: Level;
  year?: string;
}

interface CheckResult {
  ok: boolean;
  canonical: string;
  reason?: 'unknown_code' | 'code_name_mismatch';
}

interface TaxonomyStats {
  dataDir: string;
  total: number;
  systems: Record<CodeSystem, { total: number; 类: number; 款: number; 项: number }>;
  /** entries with a name attested in each fiscal year */
  years: Record<string, number>;
  /** evidence lines per source file */
  sources: Record<string, number>;
  cofogClasses: number;
}

export interface Taxonomy {
  systemOf(code: string): CodeSystem | undefined;
  lookup(code: string, year?: string): TaxonomyEntry | undefined;
  resolveName(name: string, opts?: ResolveOptions): NameResolution | undefined;
  checkName(code: string, printedName: string, year?: string): CheckResult;
  cofog(code: string): string;
  stats(): TaxonomyStats;
}

/** Fuzzy matching: minimum similarity, minimum margin over the runner-up, minimum name length. */
const FUZZY = { minScore: 0.75, minMargin: 0.15, minLength: 4 } as const;

interface Stored {
  entry: StoredEntry;
  system: CodeSystem;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

export class TaxonomyImpl implements Taxonomy {
  private readonly byCode = new Map<string, Stored>();
  private readonly exact = new Map<string, string[]>();
  private readonly alias = new Map<string, string[]>();
  private readonly variant = new Map<string, string[]>();
  private readonly cofogByClass = new Map<string, string>();

  constructor(
    systems: Map<CodeSystem, StoredEntry[]>,
    cofogFile: CofogFile | undefined,
    private readonly dataDir = '',
  ) {
    for (const c of cofogFile?.classes ?? []) this.cofogByClass.set(c.code, c.cofog);
    for (const [system, entries] of systems) {
      for (const entry of entries) {
        this.byCode.set(entry.code, { entry, system });
        const names = new Set(entry.names.map((n) => normalizeName(n.name)));
        names.add(normalizeName(entry.name));
        for (const n of names) push(this.exact, n, entry.code);
        for (const a of entry.aliases) push(this.alias, normalizeName(a), entry.code);
        for (const n of [...names, ...entry.aliases]) push(this.variant, variantKey(n), entry.code);
      }
    }
  }

  systemOf(code: string): CodeSystem | undefined {
    return systemOf(cleanCode(code));
  }

  lookup(code: string, year?: string): TaxonomyEntry | undefined {
    const c = cleanCode(code);
    const s = this.byCode.get(c);
    if (s) return this.materialize(s, year);
    if (!isWellFormed(c)) return undefined;
    const system = systemOf(c);
    const level = levelOf(c);
    if (!system || !level) return undefined;
    const parent = parentOf(c);
    const parentName = parent ? (this.lookup(parent, year)?.name ?? '') : '';
    const name = conventionalName(c, parentName.startsWith('未收录科目') ? '' : parentName, system) || `未收录科目${c}`;
    const cofog = this.cofog(c);
    return {
      code: c,
      name,
      level,
      parent,
      system,
      years: [],
      aliases: [],
      sources: [],
      provisional: true,
      ...(cofog ? { cofog } : {}),
    };
  }

  private materialize(s: Stored, year?: string): TaxonomyEntry {
    const { entry, system } = s;
    let span = entry.names.find((n) => n.name === entry.name) ?? entry.names[entry.names.length - 1];
    if (year) {
      const dated = entry.names.filter((n) => n.years.length);
      const containing = dated.find((n) => n.years.includes(year));
      const before = dated
        .map((n) => ({ n, y: n.years.filter((y) => y <= year).pop() }))
        .filter((x) => x.y !== undefined)
        .sort((a, b) => ((a.y ?? '') < (b.y ?? '') ? 1 : -1))[0]?.n;
      const after = dated
        .map((n) => ({ n, y: n.years.find((y) => y > year) }))
        .filter((x) => x.y !== undefined)
        .sort((a, b) => ((a.y ?? '') < (b.y ?? '') ? -1 : 1))[0]?.n;
      span = containing ?? before ?? after ?? span;
    }
    const name = span?.name ?? entry.name;
    const cofog = system === 'function' ? this.cofog(entry.code) : '';
    return {
      code: entry.code,
      name,
      level: entry.level,
      parent: entry.parent,
      system,
      years: span?.years ?? [],
      aliases: entry.aliases,
      sources: entry.sources,
      ...(cofog ? { cofog } : {}),
      history: entry.names,
      ...(entry.legacy_names?.length ? { legacyNames: entry.legacy_names } : {}),
    };
  }

  private accepts(code: string, opts: ResolveOptions): boolean {
    const s = this.byCode.get(code);
    if (!s) return false;
    if (opts.system && s.system !== opts.system) return false;
    if (opts.level && s.entry.level !== opts.level) return false;
    if (opts.parent) {
      const p = cleanCode(opts.parent);
      if (!(code.startsWith(p) && code.length > p.length)) return false;
    }
    return true;
  }

  /** Unique code among candidates, narrowing by the year's name, then by a 类 numbering hint. */
  private pick(cands: string[], n: string, opts: ResolveOptions, hintLevel?: Level): string | 'ambiguous' | undefined {
    let codes = [...new Set(cands)].filter((c) => this.accepts(c, opts));
    if (codes.length <= 1) return codes[0];
    if (opts.year) {
      const y = opts.year;
      const sameYear = codes.filter((c) => normalizeName(this.lookup(c, y)?.name ?? '') === n);
      if (sameYear.length === 1) return sameYear[0];
      if (sameYear.length > 1) codes = sameYear;
    }
    if (hintLevel && !opts.level) {
      // 总表 print function 类 names with list numbering: prefer a 类, then the function system
      const atLevel = codes.filter((c) => this.byCode.get(c)?.entry.level === hintLevel);
      if (atLevel.length === 1) return atLevel[0];
      const fn = atLevel.filter((c) => this.byCode.get(c)?.system === 'function');
      if (!opts.system && fn.length === 1) return fn[0];
    }
    return 'ambiguous';
  }

  resolveName(name: string, opts: ResolveOptions = {}): NameResolution | undefined {
    const n = normalizeName(name);
    if (!n) return undefined;
    const hint: Level | undefined = hasClassNumbering(name) ? '类' : undefined;
    const done = (code: string, method: NameResolution['method'], score: number): NameResolution | undefined => {
      const entry = this.lookup(code, opts.year);
      return entry ? { code, entry, method, score } : undefined;
    };
    const ex = this.pick(this.exact.get(n) ?? [], n, opts, hint);
    if (ex === 'ambiguous') return undefined;
    if (ex) return done(ex, 'exact', 1);
    const al = this.pick([...(this.alias.get(n) ?? []), ...(this.variant.get(variantKey(n)) ?? [])], n, opts, hint);
    if (al === 'ambiguous') return undefined;
    if (al) return done(al, 'alias', 0.95);
    return this.fuzzy(n, opts);
  }

  private fuzzy(n: string, opts: ResolveOptions): NameResolution | undefined {
    if (Array.from(n).length < FUZZY.minLength) return undefined;
    const vk = variantKey(n);
    // 其他X支出 is the residual item under X, never X itself: a garble may change characters, not
    // turn a residual into its parent
    const residual = n.startsWith('其他');
    const scored: { code: string; score: number }[] = [];
    for (const [code, s] of this.byCode) {
      if (!this.accepts(code, opts)) continue;
      let best = 0;
      for (const cand of [s.entry.name, ...s.entry.names.map((x) => x.name), ...s.entry.aliases]) {
        if (normalizeName(cand).startsWith('其他') !== residual) continue;
        best = Math.max(best, similarity(n, normalizeName(cand)), similarity(vk, variantKey(cand)));
      }
      scored.push({ code, score: best });
    }
    scored.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
    const [first, second] = scored;
    if (!first || first.score < FUZZY.minScore) return undefined;
    if (second && first.score - second.score < FUZZY.minMargin) return undefined;
    const entry = this.lookup(first.code, opts.year);
    return entry ? { code: first.code, entry, method: 'fuzzy', score: Math.round(first.score * 1000) / 1000 } : undefined;
  }

  checkName(code: string, printedName: string, year?: string): CheckResult {
    const e = this.lookup(code, year);
    if (!e || e.provisional) return { ok: false, canonical: e?.name ?? '', reason: 'unknown_code' };
    const n = normalizeName(printedName);
    const known = [e.name, ...(e.history ?? []).map((h) => h.name), ...e.aliases];
    if (known.some((k) => normalizeName(k) === n || variantKey(k) === variantKey(n))) return { ok: true, canonical: e.name };
    // OCR-garbled print of the right name: close to it and not exactly another code's name
    const close = Array.from(n).length >= FUZZY.minLength && known.some((k) => similarity(n, normalizeName(k)) >= 0.8);
    const other = (this.exact.get(n) ?? []).some((c) => c !== e.code && this.byCode.get(c)?.system === e.system);
    if (close && !other) return { ok: true, canonical: e.name };
    return { ok: false, canonical: e.name, reason: 'code_name_mismatch' };
  }

  cofog(code: string): string {
    const c = cleanCode(code);
    return systemOf(c) === 'function' ? (this.cofogByClass.get(c.slice(0, 3)) ?? '') : '';
  }

  stats(): TaxonomyStats {
    const systems = Object.fromEntries(
      CODE_SYSTEMS.map((s) => [s, { total: 0, 类: 0, 款: 0, 项: 0 }]),
    ) as TaxonomyStats['systems'];
    const years: Record<string, number> = {};
    const sources: Record<string, number> = {};
    for (const { entry, system } of this.byCode.values()) {
      systems[system].total++;
      systems[system][entry.level]++;
      const ys = new Set(entry.names.flatMap((n) => n.years));
      for (const y of ys) years[y] = (years[y] ?? 0) + 1;
      for (const src of entry.sources) {
        const file = src.replace(/#L\d+$/, '');
        sources[file] = (sources[file] ?? 0) + 1;
      }
    }
    const sortObj = (o: Record<string, number>) =>
      Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      dataDir: this.dataDir,
      total: this.byCode.size,
      systems,
      years: sortObj(years),
      sources: sortObj(sources),
      cofogClasses: this.cofogByClass.size,
    };
  }

  /** Every stored entry of a system, code order (for the build and tests). */
  entries(system?: CodeSystem): TaxonomyEntry[] {
    return [...this.byCode.values()]
      .filter((s) => !system || s.system === system)
      .map((s) => this.materialize(s))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
  }
}

function cleanCode(code: string): string {
  return squash(code).normalize('NFKC');
}
