// Measure ids for a table's amount columns, by meaning and then by structure:
//   1. the kind's own vocabulary (table-kinds.json) on the normalised header path;
//   2. generic header words (header-vocabulary.json): a total word is the kind's total (or, under a
//      group, the group's subtotal), a value word (预算数, 金额) the kind's amount, 增减 a change, 数量
//      a count; levels every amount column shares (a table-wide 基本支出 over all of them) are
//      dropped first;
//   3. periods: a year printed before the words that is earlier than the document's (or a 上年
//      level) makes a prior-year column (`prior_year`), an 增减 level a change column;
//   4. structure: a column still unnamed that equals, row by row, the sum of the columns right of it
//      is the kind's total;
//   5. two columns that would write one key are told apart by the source of funds, the group, the
//      其中 or the current period their header names (`total.general_budget`,
//      `carryover.general_budget`, `amount.current_year`); if they cannot be, neither keeps the id.
// What is still unnamed keeps its printed label; its facts are flagged `measure_unknown`.
import { Decimal } from 'decimal.js';
import type { ColumnSpec } from '../../model/types.js';
import { parseNumber } from '../values/numbers.js';
import { headerLevels, isCurrentPeriod, roleOf, sameLevel, sourceOf, type HeaderLevel } from './header-words.js';
import { measureOf, type KindDef } from './kinds.js';
import { inferOcrMeasures, loneAmount, mirrorSides } from './ocr-measures.js';
import { layoutByReadableSums, partsByNearestWords } from './ocr-parts.js';

interface MeasureContext {
  kind: KindDef | undefined;
  /** the table was read by OCR: misread headers are inferred from the structure (ocr-measures.ts) */
  ocr?: boolean;
  /** the document's fiscal year ('' when unknown) */
  fiscalYear: string;
  /** the data rows, aligned to the table width */
  data: string[][];
  /** an OCR'd table's 栏次 row numbers column c as c − this (ocr-column-numbers.ts) */
  columnNumberOffset?: number;
}

/** How a column's measure was found, for tables.csv evidence. */
type MeasureEvidence = NonNullable<ColumnSpec['measure_evidence']>;

type Period = '' | 'prior_year' | 'change_vs_prior_year' | 'change_rate_vs_prior_year';

interface Resolved {
  spec: ColumnSpec;
  levels: HeaderLevel[];
  base: string;
  evidence: MeasureEvidence;
  /** an earlier year's column (2025年预算数, 上年 / …) or a change column (增减变化情况 / …) */
  period: Period;
}

/** the kind's id for the table's total (合计), and for a single value column (金额) */
export function kindTotal(kind: KindDef | undefined): string {
  // a table of no known kind still has a total and an amount: the generic ids
  if (!kind) return 'total';
  return measureOf(kind, '合计') || measureOf(kind, '总计') || measureOf(kind, '金额');
}

export function kindValue(kind: KindDef | undefined): string {
  if (!kind) return 'amount';
  return measureOf(kind, '金额') || measureOf(kind, '预算数') || kindTotal(kind);
}

export function assignMeasures(specs: ColumnSpec[], ctx: MeasureContext): void {
  const blocks = [...new Set(specs.map((s) => s.block))];
  const current = currentYear(ctx.fiscalYear, specs.flatMap((s) => headerLevels(s.header)), ctx.ocr);
  for (const b of blocks) {
    const cols = specs.filter((s) => s.block === b && s.role === 'measure');
    if (!cols.length) continue;
    const levels = withoutSharedLevels(cols.map((c) => headerLevels(c.header)));
    const resolved: Resolved[] = cols.map((spec, i) => resolveColumn(spec, levels[i]!, ctx.kind, current, ctx.ocr === true));
    if (ctx.ocr) inferOcrMeasures(resolved, ctx.data, ctx.kind, kindTotal(ctx.kind), ctx.columnNumberOffset);
    if (ctx.ocr) partsByNearestWords(resolved, ctx.data, ctx.kind);
    if (ctx.ocr) layoutByReadableSums(resolved, ctx.data, ctx.kind, kindTotal(ctx.kind));
    byColumnSums(resolved, ctx);
    periodIds(resolved, ctx.kind);
    separateDuplicates(resolved, ctx.kind);
    for (const r of resolved) {
      r.spec.measure = r.base;
      r.spec.measure_evidence = r.base ? r.evidence : 'none';
    }
  }
  if (ctx.ocr) mirrorSides(specs, ctx.kind, kindValue(ctx.kind));
  if (ctx.ocr) loneAmount(specs, ctx.kind, kindValue(ctx.kind));
}

/** The current year of a table: the document's, or the table's own latest year when it prints a
 *  later one than the document seemed to (a 2026 budget whose cover was not read as 2026). OCR'd
 *  (`ocr`): a year later than the year after the document's is a misread digit (2036年预算数 beside
 *  2026年预算数), no current year that would make the others prior years. */
export function currentYear(fiscalYear: string, levels: HeaderLevel[], ocr = false): number {
  const fy = Number(fiscalYear) || 0;
  const years = levels.map((l) => l.year ?? 0).filter((y) => !ocr || !fy || y <= fy + 1);
  return Math.max(fy, ...years);
}

/** How many leading levels every header shares (a title over all of them), each keeping one level
 *  of its own at least. */
export function sharedLevelCount(all: HeaderLevel[][]): number {
  let common = 0;
  while (all.length > 1 && all.every((l) => l.length > common + 1 && sameLevel(l[common]!, all[0]![common]!))) common++;
  return common;
}

/** Drop the leading levels that every amount column of the block shares, keeping at least the
 *  last level of each; a lone column keeps only its last level. */
function withoutSharedLevels(all: HeaderLevel[][]): HeaderLevel[][] {
  if (all.length < 2) return all.map((l) => (l.length > 1 ? l.slice(-1) : l));
  const common = sharedLevelCount(all);
  return all.map((l) => l.slice(common));
}

function resolveColumn(spec: ColumnSpec, levels: HeaderLevel[], kind: KindDef | undefined, current: number, ocr: boolean): Resolved {
  const period = periodOf(levels, current);
  const path = levels.map((l) => l.text).join(' / ');
  const full = headerLevels(spec.header).map((l) => l.text).join(' / ');
  const own = measureOf(kind, full) || measureOf(kind, path);
  if (own) return { spec, levels, base: own, evidence: period ? 'prior_year' : 'kind', period };
  // (OCR) a column's own words misread (当年预算 / 菊沛文出 for 基本支出) name nothing: not the
  // generic words above them, which name its group (this year's amount, the kind's total beside 合计
  // and 当年预算 / 小计: three columns with one id, none of which then keeps it); the structure of the
  // table may name it (ocr-measures.ts)
  const ownUnread = ocr && levels.length > 1 && isUnreadWord(levels[levels.length - 1]!.text);
  const base = ownUnread ? '' : genericMeasure(levels, kind);
  return { spec, levels, base, evidence: period ? 'prior_year' : base ? 'generic' : 'none', period };
}

/** words that give a header level no role: neither a generic word nor a source of funds (a level
 *  OCR misread, when the kind names nothing by it either) */
function isUnreadWord(text: string): boolean {
  return text !== '' && roleOf(text) === '' && sourceOf(text) === '';
}

/** A column of an earlier year (a year before the document's printed over it, or a 上年 level), or
 *  a change column (an 增减 level over the column's own words). */
function periodOf(levels: HeaderLevel[], current: number): Period {
  if (levels.some((l) => (l.year !== undefined && current > 0 && l.year < current) || roleOf(l.text) === 'prior_year')) return 'prior_year';
  if (levels.slice(0, -1).some((l) => roleOf(l.text) === 'change_vs_prior_year')) return 'change_vs_prior_year';
  // 增减额 / 增减(%) under the words of what changed (…（扣除中央基建投资） / 增减额)
  const last = levels[levels.length - 1];
  const lastRole = last ? roleOf(last.text) : '';
  if (levels.length > 1 && (lastRole === 'change_vs_prior_year' || lastRole === 'change_rate_vs_prior_year')) return lastRole;
  return '';
}

/** The generic words, from the last level up: a total word under a group the kind names is that
 *  group's subtotal (本年收入 / 小计); otherwise the kind's total. */
function genericMeasure(levels: HeaderLevel[], kind: KindDef | undefined): string {
  for (let i = levels.length - 1; i >= 0; i--) {
    const role = roleOf(levels[i]!.text);
    if (role === 'total') {
      const above = levels[i - 1];
      // a source over a 小计 (财政拨款 / 小计) is told apart later, as `total.<source>`
      const group = above ? measureOf(kind, above.text) : '';
      return group || kindTotal(kind);
    }
    if (role === 'value') return kindValue(kind);
    if (role === 'prior_year') return kindValue(kind);
    if (role === 'change_vs_prior_year' && i < levels.length - 1) continue;
    if (role !== '') return role;
  }
  // a column headed by a year alone (2022年): that year's amount; an earlier year's is told apart
  // as a period (periodOf)
  if (levels.length > 0 && levels.every((l) => l.text === '' && l.year !== undefined)) return kindValue(kind);
  // no generic word: a source of funds the kind's own words do not name (a 基本支出表 set out by
  // source: 财政拨款 / 一般公共预算), the deepest one
  for (let i = levels.length - 1; i >= 0; i--) {
    const source = sourceOf(levels[i]!.text);
    if (source) return source;
  }
  return '';
}

/** A column still unnamed that equals, on every row with numbers (two at least), the sum of a run
 *  of the amount columns right after it, is the kind's total (when the block has none yet). */
function byColumnSums(cols: Resolved[], ctx: MeasureContext): void {
  const total = kindTotal(ctx.kind);
  if (!total || cols.some((c) => c.base === total)) return;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    if (c.base || c.period) continue;
    for (let end = cols.length; end >= i + 3; end--) {
      const run = cols.slice(i + 1, end);
      if (run.some((r) => r.period !== '')) continue;
      if (sumsHold(c.spec.index, run.map((r) => r.spec.index), ctx.data)) {
        c.base = total;
        c.evidence = 'sum';
        return;
      }
    }
  }
}

function sumsHold(col: number, parts: number[], data: string[][]): boolean {
  let rows = 0;
  for (const r of data) {
    const v = parseNumber(r[col] ?? '');
    const ps = parts.map((p) => parseNumber(r[p] ?? ''));
    if (!v && ps.every((p) => !p)) continue;
    if (!v) return false;
    const sum = ps.reduce((s, p) => (p ? s.plus(p.value) : s), new Decimal(0));
    const tol = new Decimal('0.01').times(Math.max(1, parts.length - 1));
    if (sum.minus(v.value).abs().gt(tol)) return false;
    if (!v.value.isZero()) rows++;
  }
  return rows >= 2;
}

/** Prior-year and change columns: `prior_year` (or `change_vs_prior_year`) for the table's total
 *  or value when it is the only such column, `<measure>.prior_year` for the others. */
function periodIds(cols: Resolved[], kind: KindDef | undefined): void {
  const plainIds = new Set([kindTotal(kind), kindValue(kind), '']);
  for (const period of ['prior_year', 'change_vs_prior_year', 'change_rate_vs_prior_year'] as const) {
    const these = cols.filter((c) => c.period === period);
    for (const c of these) {
      if (c.base === period) continue;
      c.base = these.length === 1 && plainIds.has(c.base) ? period : c.base ? `${c.base}.${period}` : period;
      c.evidence = 'prior_year';
    }
  }
}

/** the source of funds a 上年结转 (结余) level names: a column under it is the carry-over's part */
const CARRYOVER = 'carryover';

/** evidence of a measure inferred from an OCR'd table's structure (ocr-measures.ts) */
const INFERRED: ReadonlySet<string> = new Set(['sum', 'layout', 'fuzzy']);

/** Columns of one block that would write one key: told apart by what their header's other levels
 *  name (a group above it, a source of funds below it): `<outer>.<inner>`, e.g.
 *  `total.general_budget`, `carryover.general_budget`. Where that does not part them all, none of
 *  them keeps the id. */
function separateDuplicates(cols: Resolved[], kind: KindDef | undefined): void {
  const groups = new Map<string, Resolved[]>();
  for (const c of cols) {
    if (!c.base) continue;
    const key = `${c.spec.section}\u0000${c.base}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) {
      // a lone column under 上年结转 (its 当年 twin not printed, or lost by OCR) is still the
      // carry-over's part, never this year's (基本支出 under 上年结转结余 is basic.carryover)
      const c = group[0]!;
      const [head, ...rest] = c.base.split('.');
      if (head !== CARRYOVER && !rest.includes(CARRYOVER) && c.levels.slice(0, -1).some((l) => sourceOf(l.text) === CARRYOVER)) {
        c.base = [head, CARRYOVER, ...rest].join('.');
        if (!INFERRED.has(c.evidence)) c.evidence = 'source';
      }
      continue;
    }
    const qualified = group.map((c) => qualifiedId(c, kind));
    // still one id twice: the one printed under 当年 / 本年预算 is this year's part (合计 beside
    // 当年预算 / 小计 and 上年结转 / 小计)
    const count = (q: string) => qualified.filter((x) => x === q).length;
    group.forEach((c, k) => {
      if (count(qualified[k]!) > 1 && c.levels.some((l) => isCurrentPeriod(l.text))) qualified[k] = `${qualified[k]}.current_year`;
    });
    if (new Set(qualified).size === group.length) {
      group.forEach((c, k) => {
        // (a measure inferred from the structure stays inferred: ocr-measures.ts)
        if (qualified[k] !== c.base && !INFERRED.has(c.evidence)) c.evidence = 'source';
        c.base = qualified[k]!;
      });
    } else {
      for (const c of group) {
        c.base = '';
        c.evidence = 'none';
        c.spec.measure_conflict = true;
      }
    }
  }
}

/** The base id with the source of funds another level of the header names inserted after its
 *  first part (`total.general_budget`, `overseas_travel.general_budget.prior_year`); failing a
 *  source, the measure a group level above names in front (`carryover.general_budget`). */
function qualifiedId(c: Resolved, kind: KindDef | undefined): string {
  const [head, ...rest] = c.base.split('.');
  const source = c.levels.map((l) => sourceOf(l.text)).filter((s) => s !== '' && s !== head).pop();
  if (source) return [head, source, ...rest].join('.');
  const group = c.levels
    .slice(0, -1)
    .map((l) => measureOf(kind, l.text))
    .filter((m) => m !== '' && m !== head)
    .pop();
  if (group) return [group, head, ...rest].join('.');
  // a 其中 column whose own words the vocabulary does not know: a part of the column it belongs to
  const last = c.levels[c.levels.length - 1];
  if (last && /^(其中|含)/.test(last.printed) && !measureOf(kind, last.text)) return [head, 'of_which', ...rest].join('.');
  return c.base;
}
