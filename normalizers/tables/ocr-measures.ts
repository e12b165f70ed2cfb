// Measures of an OCR'd table's columns whose header words were misread (司计 for 合计, 般公共预够入
// for 一般公共预算收入, 金颜 for 金额), inferred from the table's structure. Each inference needs a
// structural check that holds on the rows the OCR read:
//   1. a column that equals, row by row, the sum of a run of the columns right of it is the kind's
//      total (the run may start past a subtotal: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营);
//   2. two columns that name one group (财政拨款收入 / 小计 and 财政拨款收入 / <misread part>): the one
//      printed under a total word is the group's subtotal, or, no total word read (小计 read Ait),
//      the one that equals the sum of the group's columns right of it; a 小计 under a group whose
//      words were not read is no table total beside a 合计, nor beside a column that equals the sum
//      of a run;
//   3. a header within a few misread characters of one of the kind's measure words (an edit
//      distance, one signal), or the first characters of only one of them (其他 for 其他收入, the
//      cell's second line lost), names that measure only when the column is a part of a column sum
//      that holds (the kind's total or the group's subtotal = a run of columns including it);
//   4. a two-sided table (收入 | 支出 side by side, one amount each): a side whose single amount
//      column is unnamed takes the amount the other side's names;
//   5. a table of a kind with standard column layouts (table-kinds.json `column_layouts`: 本年收入合计,
//      财政拨款收入, 上级补助收入, … of a 收入决算表) whose amount columns are as many as a layout's and
//      whose named columns all sit where the layout puts them (one at least): an unnamed column
//      (事水收入, 入, 焯札支出), or a total word under an unread group, takes the measure of its
//      position, when every sum of the layout holds on the rows (基本支出 = 人员 + 公用 …), and on the
//      rows where that column prints a number;
//   6. the same layout by the column numbers of the table's 栏次 row (1 2 3 … under the amount
//      columns, ocr-column-numbers.ts), when the sums of 5 fail on misread digits;
//   7. a total of the kind's identities (checks.json: 财政拨款收入 = 一般公共预算 + 政府性基金 +
//      国有资本经营) followed by a run of its parts all named but one: the unnamed column is the part
//      no column names, when the total = Σ the run holds on the rows;
//   8. last, without a sum: a first amount column under 司计 (X计, two characters) is the kind's
//      total; a header one edit from a measure word of four characters or more, and only that word
//      among the kind's (基本克出 for 基本支出), names it when no column does and an identity of the
//      kind tests it on the rows (its total named beside it).
//   9. (over the whole table, loneAmount) a one-sided table's only amount column, unnamed, is the
//      kind's one value (金额 read 金频).
// Rows whose cells OCR misread break a sum, so a sum holds when it holds on two thirds of the rows
// that print numbers (three at least); the misread rows are left to the identity checks. Every
// inferred measure has its evidence set (`sum`, `layout`, `fuzzy`): the facts are flagged
// `ocr_measure_inferred` (normalizers/facts).
import { Decimal } from 'decimal.js';
import type { ColumnSpec } from '../../model/types.js';
import { editsWithin } from '../taxonomy/text.js';
import { parseNumber } from '../values/numbers.js';
import { headerKey } from '../values/labels.js';
import { headerLevels, isCurrentPeriod, roleOf } from './header-words.js';
import { lookalike } from '../knowledge/lookalikes.js';
import { plainMeasureWords, type KindDef } from './kinds.js';
import { checkKnowledge } from '../checks/knowledge.js';

/** A column of a block as measures.ts resolves it. */
export interface Col {
  spec: ColumnSpec;
  base: string;
  evidence: NonNullable<ColumnSpec['measure_evidence']>;
  period: string;
}

/** Share of the rows with numbers on which a sum must hold in an OCR'd table, and the fewest rows. */
const OCR_SUM_SHARE = 2 / 3;
const OCR_SUM_ROWS = 3;

/** How a column sum `col = Σ parts` fares on the rows: rows with numbers, rows where it holds,
 *  and whether some holding row has a non-zero value in `needed`. */
function sumRows(col: number, parts: number[], data: string[][], needed?: number): { rows: number; held: number; usesNeeded: boolean } {
  let rows = 0;
  let held = 0;
  let usesNeeded = needed === undefined;
  const tol = new Decimal('0.01').times(Math.max(1, parts.length - 1));
  for (const r of data) {
    const v = parseNumber(r[col] ?? '');
    const ps = parts.map((p) => parseNumber(r[p] ?? ''));
    if (!v && ps.every((p) => !p)) continue;
    if (v?.value.isZero() && ps.every((p) => !p || p.value.isZero())) continue;
    rows++;
    if (!v) continue;
    const sum = ps.reduce((s, p) => (p ? s.plus(p.value) : s), new Decimal(0));
    if (sum.minus(v.value).abs().gt(tol)) continue;
    held++;
    if (needed !== undefined && !(parseNumber(r[needed] ?? '')?.value.isZero() ?? true)) usesNeeded = true;
  }
  return { rows, held, usesNeeded };
}

const holds = (s: { rows: number; held: number; usesNeeded: boolean }): boolean =>
  s.usesNeeded && s.held >= OCR_SUM_ROWS && s.held >= s.rows * OCR_SUM_SHARE;

/** The runs (two columns at least, no prior-year or change column) among `cols` after `from`. */
function* runsAfter(cols: Col[], from: number): Generator<Col[]> {
  for (let start = from + 1; start < cols.length; start++) {
    for (let end = cols.length; end >= start + 2; end--) {
      const run = cols.slice(start, end);
      if (run.some((r) => r.period !== '')) continue;
      yield run;
    }
  }
}

/** A total word under a group whose words were not read (棣木支画 / 小计): a subtotal of some group,
 *  named the kind's total only for want of its group's name. */
function weakTotal(c: Col, total: string): boolean {
  if (c.base !== total || c.evidence !== 'generic') return false;
  const levels = headerLevels(c.spec.header);
  return levels.length > 1 && roleOf(levels[levels.length - 1]!.text) === 'total' && !isCurrentPeriod(levels[levels.length - 2]!.text);
}

/** A total word under the current year's level (当年预算 / 小计): the current year's part of the
 *  kind's total, its group read. The column of the whole (合计, or 台计 named by its sum) is the
 *  total beside it, and measures.ts names this one `.current_year` (separateDuplicates). */
function currentPart(c: Col, total: string): boolean {
  if (c.base !== total || c.evidence !== 'generic') return false;
  const levels = headerLevels(c.spec.header);
  return levels.length > 1 && roleOf(levels[levels.length - 1]!.text) === 'total' && isCurrentPeriod(levels[levels.length - 2]!.text);
}

/** 2b: under the current year's level (当年预算 / 少计, 小计 misread), beside a column the kind's total
 *  names: an unnamed column whose level is two characters ending in 计 and that equals, on the rows,
 *  the sum of the columns of the same group right of it (two at least) is the current year's part of
 *  the total (measures.ts names it `.current_year` beside the whole). */
function currentPartBySum(cols: Col[], data: string[][], total: string): void {
  if (!total || !cols.some((c) => c.base === total)) return;
  for (const c of cols) {
    if (c.base || c.period) continue;
    const levels = headerLevels(c.spec.header);
    if (levels.length !== 2 || !isCurrentPeriod(levels[0]!.text) || !MISREAD_TOTAL.test(headerKey(levels[1]!.text))) continue;
    const group = cols.filter((p) => p.spec.index > c.spec.index && !p.period && sameTop(p, levels[0]!.text));
    if (group.length < 2 || !holds(sumRows(c.spec.index, group.map((p) => p.spec.index), data))) continue;
    c.base = total;
    c.evidence = 'sum';
  }
}

/** a column whose header has two levels, the first `top` */
function sameTop(c: Col, top: string): boolean {
  const levels = headerLevels(c.spec.header);
  return levels.length === 2 && levels[0]!.text === top;
}

/** 1: an unnamed column that equals a run of columns right of it is the kind's total; a weak total
 *  (weakTotal) in that run is a subtotal of an unread group, and loses the id. */
function totalBySum(cols: Col[], data: string[][], total: string): void {
  if (!total || cols.some((c) => c.base === total && !weakTotal(c, total) && !currentPart(c, total))) return;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    if (c.base || c.period) continue;
    for (const run of runsAfter(cols, i)) {
      if (holds(sumRows(c.spec.index, run.map((r) => r.spec.index), data))) {
        for (const w of cols) if (weakTotal(w, total)) w.base = '';
        c.base = total;
        c.evidence = 'sum';
        return;
      }
    }
  }
}

/** Two columns named the kind's total: one printed under a single level (合计) and weak totals
 *  (a 小计 under an unread group): the single level is the total. */
function totalOverWeak(cols: Col[], total: string): void {
  const named = cols.filter((c) => c.base === total);
  const plain = named.filter((c) => !weakTotal(c, total) && headerLevels(c.spec.header).length === 1);
  if (named.length < 2 || plain.length !== 1 || named.some((c) => c !== plain[0] && !weakTotal(c, total))) return;
  for (const c of named) if (c !== plain[0]) c.base = '';
  plain[0]!.evidence = 'layout';
}

/** 2: of columns that name one measure by the group above them, the one under a total word (小计)
 *  is the group's subtotal, or, no total word read (小计 read Ait), the one equal to the sum of the
 *  group's columns right of it; the others are its parts, left to be named otherwise. */
function subtotalOfGroup(cols: Col[], data: string[][]): void {
  const byBase = new Map<string, Col[]>();
  for (const c of cols) if (c.base && !c.period) byBase.set(c.base, [...(byBase.get(c.base) ?? []), c]);
  const top = (c: Col): string => headerLevels(c.spec.header)[0]?.text ?? '';
  for (const group of byBase.values()) {
    // columns of one group: two levels at least, the same top level
    const tops = new Set(group.map(top));
    if (group.length < 2 || tops.size !== 1 || group.some((c) => headerLevels(c.spec.header).length < 2)) continue;
    const underTotal = group.filter((c) => {
      const levels = headerLevels(c.spec.header);
      return levels.length > 1 && roleOf(levels[levels.length - 1]!.text) === 'total';
    });
    // no total word read (小计 read `Ait`): the one column of the group that equals the sum of the
    // group's columns right of it, on the rows (sumRows), is its subtotal
    const bySum =
      underTotal.length === 0
        ? group.filter((c) => {
            const parts = cols.filter((p) => p.spec.index > c.spec.index && top(p) === top(c) && headerLevels(p.spec.header).length > 1 && !p.period);
            return parts.length >= 2 && holds(sumRows(c.spec.index, parts.map((p) => p.spec.index), data));
          })
        : [];
    const subtotal = underTotal.length === 1 ? underTotal[0]! : bySum.length === 1 ? bySum[0]! : undefined;
    if (!subtotal) continue;
    for (const c of group) if (c !== subtotal) c.base = '';
    subtotal.evidence = underTotal.length === 1 ? 'layout' : 'sum';
  }
}

/** One edit in three characters of a measure word (a word of three or four characters: one). */
const maxEdits = (len: number): number => Math.max(1, Math.floor(len / 3));

/** The one measure of the kind, not yet taken in the block, that the misread header's last level
 *  names within maxEdits, or begins (其他 for 其他收入: the cell's second line lost); '' when none or
 *  several. */
function fuzzyMeasure(header: string, kind: KindDef, taken: Set<string>): string {
  const last = headerKey(header.split(' / ').pop() ?? '');
  if (Array.from(last).length < 2) return '';
  const hits = new Set<string>();
  for (const [word, id] of plainMeasureWords(kind)) {
    if (taken.has(id)) continue;
    if (editsWithin(Array.from(last), Array.from(word), lookalike) <= maxEdits(Array.from(word).length)) hits.add(id);
    // (a header of one level only, under no group; a part of a group whose own column the block
    // prints is no column of its own there: 其他专户 of 财政专户管理资金收入)
    else if (!header.includes(' / ') && word.startsWith(last) && !(id.includes('.') && taken.has(id.slice(0, id.indexOf('.'))))) hits.add(id);
  }
  return hits.size === 1 ? [...hits][0]! : '';
}

/** the levels of a column's header above its own (its group's words; '' for a header of one level) */
const groupOf = (c: Col): string => c.spec.header.split(' / ').slice(0, -1).join(' / ');

/** 3: a misread header named by a fuzzy match, when the column is a part of a holding column sum
 *  (a named column = a run of columns that includes it). */
function fuzzyWithSum(cols: Col[], data: string[][], kind: KindDef): void {
  for (let u = 0; u < cols.length; u++) {
    const c = cols[u]!;
    if (c.base || c.period) continue;
    // (a measure named under another group is not taken in this one: 本年收入 / 一般公共预菊 beside
    // 上年结转结余 / 一般公共预算)
    const id = fuzzyMeasure(c.spec.header, kind, new Set(cols.filter((x) => groupOf(x) === groupOf(c)).map((x) => x.base).filter(Boolean)));
    if (!id) continue;
    const backed = cols.some((t, ti) => t.base && !t.period && ti < u && [...runsAfter(cols, ti)].some((run) => run.includes(c) && holds(sumRows(t.spec.index, run.map((r) => r.spec.index), data, c.spec.index))));
    if (!backed) continue;
    c.base = id;
    c.evidence = 'fuzzy';
  }
}

/** A measure word this long at least is told by its header read with one edit (基本克出 for
 *  基本支出), when no other word of the kind is as near (fuzzyClose). */
const CLOSE_MIN_CHARS = 4;
/** one or two characters other than Chinese between two Chinese ones: a scan's marks inside a word */
const MARKS_IN_WORD = /(?<=[\u4e00-\u9fff])[^\u4e00-\u9fff\s/]{1,2}(?=[\u4e00-\u9fff])/g;
/** …in a header at most this many characters longer (上缴上级 in 上缴上级支出 and a speck; two cells'
 *  headers read as one are longer) */
const CLOSE_EXTRA_CHARS = 3;

/** 8: a misread header one edit from a measure word of CLOSE_MIN_CHARS or more (基本克出, 顶目支出,
 *  k缴上级支出; marks inside its words left out: 事业、3收入), at most CLOSE_EXTRA_CHARS longer than
 *  it, that names one measure of the kind among all its words, one no column of the block names:
 *  the column takes it though no sum backs it (a 1-bit scan misreads digits enough to break the
 *  sums of rules 1, 3 and 5), when an identity of the kind will test it on every row
 *  (identityGroups: the measure is a part, or a part of a part, and the block names the total, or
 *  it is the total and the block names a part); flagged like every inferred measure. */
function fuzzyClose(cols: Col[], kind: KindDef): void {
  const words = plainMeasureWords(kind);
  const reach = partsWithin(identityGroups(kind));
  for (const c of cols) {
    if (c.base || c.period) continue;
    // (marks a scan puts between the characters of a word left out: 事业、3收入, 上年结转“结余)
    const last = Array.from(headerKey(c.spec.header.split(' / ').pop() ?? '').replace(MARKS_IN_WORD, ''));
    const near = new Set<string>();
    const close = new Set<string>();
    for (const [word, id] of words) {
      const w = Array.from(word);
      if (last.length > w.length + CLOSE_EXTRA_CHARS) continue;
      const edits = editsWithin(last, w, lookalike);
      if (edits <= maxEdits(w.length)) near.add(id);
      if (edits <= 1 && w.length >= CLOSE_MIN_CHARS) close.add(id);
    }
    const [id] = [...near];
    // (a measure named under another group is not taken in this one: 上年结转结余 / 国有资本经萧预算
    // beside 本年收入 / 国有资本经营预算)
    if (near.size !== 1 || !close.has(id!) || cols.some((x) => x.base === id && groupOf(x) === groupOf(c))) continue;
    const named = (m: string): boolean => cols.some((x) => x !== c && x.base === m && !x.period);
    const tested = [...reach].some(([whole, parts]) => (parts.has(id!) && named(whole)) || (whole === id && [...parts].some(named)));
    if (!tested) continue;
    c.base = id!;
    c.evidence = 'fuzzy';
  }
}

/** each total of `groups` with every part its sum reaches, through the parts that are totals of
 *  their own (总计 = 本年收入 + …, 本年收入 = … + 单位资金, 单位资金 = 事业收入 + …: 事业收入 is within 总计) */
function partsWithin(groups: [string, string[]][]): Map<string, Set<string>> {
  const direct = new Map<string, string[]>();
  for (const [whole, parts] of groups) direct.set(whole, [...(direct.get(whole) ?? []), ...parts]);
  const out = new Map<string, Set<string>>();
  for (const whole of direct.keys()) {
    const seen = new Set<string>();
    const stack = [...direct.get(whole)!];
    while (stack.length) {
      const p = stack.pop()!;
      if (seen.has(p) || p === whole) continue;
      seen.add(p);
      stack.push(...(direct.get(p) ?? []));
    }
    out.set(whole, seen);
  }
  return out;
}

/** a total word with its first character misread (司计, 各计 for 合计): two characters, the second 计 */
const MISREAD_TOTAL = /^[\u4e00-\u9fff]计$/;

/** 8 (first): the block's first amount column, unnamed, under a header of one level, two
 *  characters ending in 计 (司计 for 合计; not a group's 小计), is the kind's total when no column
 *  names it; flagged like every inferred measure, and tested by the identities that name it
 *  (合计 = 基本支出 + 项目支出 + …). */
function misreadTotal(cols: Col[], total: string): void {
  const first = cols[0];
  if (!total || !first || first.base || first.period || cols.some((c) => c.base === total)) return;
  const levels = headerLevels(first.spec.header);
  if (levels.length !== 1 || !MISREAD_TOTAL.test(headerKey(levels[0]!.text))) return;
  first.base = total;
  first.evidence = 'fuzzy';
}

/** 4: a two-sided table whose sides print one amount column each: an unnamed side takes the
 *  measure the other sides name, when they all name the same one; when none is named, the kind's
 *  value (`value`: the one amount a side of this layout prints). */
export function mirrorSides(specs: ColumnSpec[], kind: KindDef | undefined, value: string): void {
  if (!kind?.two_sided || !value) return;
  const blocks = [...new Set(specs.map((s) => s.block))];
  if (blocks.length < 2) return;
  const amounts = blocks.map((b) => specs.filter((s) => s.block === b && s.role === 'measure'));
  if (amounts.some((a) => a.length !== 1)) return;
  const named = new Set(amounts.map((a) => a[0]!.measure).filter(Boolean));
  if (named.size > 1 || (named.size === 1 && !named.has(value))) return;
  const id = value;
  for (const [s] of amounts) {
    if (s!.measure || s!.measure_conflict) continue;
    s!.measure = id;
    s!.measure_evidence = 'layout';
  }
}

/** 9: a one-sided table whose one amount column is unnamed (金额 read 金频, 预算数 read 顶算数) takes
 *  the kind's value (`value`: the one amount such a table prints, 金额 = 合计 of its rows), when its
 *  header names no year and no change (上年, 2025年, 本年, 增减: it may be another year's or a
 *  change's column, which a misread header cannot tell; left unnamed): a table of one amount column prints
 *  its kind's one amount in it, and the identities of its rows (parent = Σ children, 合计 = Σ 类)
 *  test its values like any other. */
export function loneAmount(specs: ColumnSpec[], kind: KindDef | undefined, value: string): void {
  if (!kind || !value || kind.two_sided) return;
  const amounts = specs.filter((s) => s.role === 'measure');
  if (amounts.length !== 1 || new Set(specs.map((s) => s.block)).size !== 1) return;
  const s = amounts[0]!;
  if (s.measure || s.measure_conflict || PERIOD_WORDS.test(s.header)) return;
  s.measure = value;
  s.measure_evidence = 'layout';
}

/** header words of a column of some year (any 年 or year) or of a change */
const PERIOD_WORDS = /上年|年度?|增减|变动|比较|同比|上期|\d{4}/;

/** 5: the kind's standard layout that fits the block (as many amount columns, none of another
 *  period, every named column where the layout puts its measure, one at least; a total word under
 *  an unread group counts as unnamed) names the unnamed columns by their position, when every sum
 *  of the layout holds on the rows. Several layouts fitting name none. */
function measuresByLayout(cols: Col[], data: string[][], kind: KindDef, total: string): void {
  const fit = fittingLayout(cols, kind, total);
  if (!fit) return;
  const { sums, at, unnamed } = fit;
  const sumsHold = sums.every(([whole, ...parts]) => {
    const idx = [at(whole!), ...parts.map(at)];
    if (idx.includes(-1) || !holds(sumRows(idx[0]!, idx.slice(1), data))) return false;
    // the sum holds also on the rows where an unnamed column in it prints a number (a column blank
    // on most rows is not vouched for by the rows where it is blank)
    return unnamed.filter((u) => idx.includes(u)).every((u) => {
      const rows = data.filter((r) => !(parseNumber(r[u] ?? '')?.value.isZero() ?? true));
      const s = sumRows(idx[0]!, idx.slice(1), rows);
      return s.rows === 0 || s.held >= Math.max(1, s.rows * OCR_SUM_SHARE);
    });
  });
  if (sumsHold) nameByLayout(cols, fit);
}

/** The one standard layout of the kind the block fits (as many amount columns, none of another
 *  period, every named column where the layout puts its measure, one at least; a total word under
 *  an unread group counts as unnamed): its columns and sums, the block's column index of a measure
 *  (`at`, -1 if none), and the indices of the block's unnamed columns. Undefined when none or
 *  several fit, or every column is named. */
export function fittingLayout(cols: Col[], kind: KindDef | undefined, total: string): LayoutFit | undefined {
  if (!kind?.column_layouts?.length || cols.some((c) => c.period)) return undefined;
  const named = (c: Col): boolean => !!c.base && !weakTotal(c, total);
  if (cols.every(named) || !cols.some(named)) return undefined;
  const fits = kind.column_layouts.filter((l) => l.columns.length === cols.length && cols.every((c, i) => !named(c) || c.base === l.columns[i]));
  if (fits.length !== 1) return undefined;
  const { columns, sums } = fits[0]!;
  return { columns, sums, at: (id) => cols[columns.indexOf(id)]?.spec.index ?? -1, unnamed: cols.filter((c) => !named(c)).map((c) => c.spec.index), named };
}

interface LayoutFit {
  columns: readonly string[];
  sums: readonly (readonly string[])[];
  at: (id: string) => number;
  unnamed: number[];
  named: (c: Col) => boolean;
}

/** The block's unnamed columns take their places' measures in the layout it fits (evidence `layout`). */
export function nameByLayout(cols: Col[], fit: LayoutFit): void {
  cols.forEach((c, i) => {
    if (fit.named(c)) return;
    c.base = fit.columns[i]!;
    c.evidence = 'layout';
  });
}

/** 6: the kind's standard layout that fits the block (as in 5) names its unnamed columns by the
 *  numbers of the table's 栏次 row (ocr-column-numbers.ts: column c is number c − `offset`), when
 *  that row numbers the block's amount columns 1 … n left to right, n the layout's count; the
 *  numbers stand in for the sums of 5, which the digits a 1-bit scan misreads (4 read 1) break. */
function measuresByNumbers(cols: Col[], kind: KindDef, total: string, offset: number): void {
  if (!kind.column_layouts?.length || cols.some((c) => c.period)) return;
  // a measure two columns name (a header read once over several: 附属单位上缴收入其他收入) names neither
  const named = (c: Col): boolean => !!c.base && !weakTotal(c, total) && cols.filter((x) => x.base === c.base).length === 1;
  if (cols.every(named) || !cols.every((c, i) => c.spec.index - offset === i + 1)) return;
  const fits = kind.column_layouts.filter((l) => l.columns.length === cols.length && cols.every((c, i) => !named(c) || c.base === l.columns[i]));
  if (fits.length !== 1) return;
  const unnamed = cols.filter((c) => !named(c));
  cols.forEach((c, i) => {
    if (!unnamed.includes(c)) return;
    c.base = fits[0]!.columns[i]!;
    c.evidence = 'layout';
  });
}

/** A total and its parts the kind's identities name (checks.json row_identities, their `expand`
 *  included: 财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营). */
export function identityGroups(kind: KindDef): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const id of checkKnowledge().row_identities) {
    if (id.kind !== kind.id && !id.kinds?.includes(kind.id)) continue;
    out.push([id.total, id.parts], ...Object.entries(id.expand ?? {}));
  }
  return out;
}

/** 7: a total the kind's identities name (identityGroups), named in the block, followed by a run of
 *  columns that are its parts, all named but one: the unnamed one takes the one part that no
 *  column of the block names, when the total = Σ the run holds on the rows, with that column
 *  printing numbers (一恩仁共预A between 财政拨款收入 / 小计 and 政府性基金预算收入). */
function missingPart(cols: Col[], data: string[][], kind: KindDef): void {
  for (const [whole, parts] of identityGroups(kind)) {
    const w = cols.findIndex((c) => c.base === whole && !c.period);
    if (w < 0) continue;
    const run: Col[] = [];
    for (let i = w + 1; i < cols.length && run.length < parts.length; i++) {
      const c = cols[i]!;
      if (c.period || (c.base && !parts.includes(c.base))) break;
      run.push(c);
    }
    const unnamed = run.filter((c) => !c.base);
    const left = parts.filter((p) => !cols.some((c) => c.base === p));
    if (run.length < 2 || unnamed.length !== 1 || left.length !== 1) continue;
    const u = unnamed[0]!;
    if (!holds(sumRows(cols[w]!.spec.index, run.map((c) => c.spec.index), data, u.spec.index))) continue;
    u.base = left[0]!;
    u.evidence = 'sum';
  }
}

/** Steps 1–3, 5, 6, 7 and 8 on one block of an OCR'd table (step 4 runs over the blocks, mirrorSides);
 *  `columnNumberOffset`: the table's 栏次 row numbers column c as c − it. */
export function inferOcrMeasures(cols: Col[], data: string[][], kind: KindDef | undefined, total: string, columnNumberOffset?: number): void {
  currentPartBySum(cols, data, total);
  subtotalOfGroup(cols, data);
  totalOverWeak(cols, total);
  totalBySum(cols, data, total);
  if (kind) fuzzyWithSum(cols, data, kind);
  if (kind) measuresByLayout(cols, data, kind, total);
  if (kind && columnNumberOffset !== undefined) measuresByNumbers(cols, kind, total, columnNumberOffset);
  if (kind) missingPart(cols, data, kind);
  misreadTotal(cols, total);
  if (kind) fuzzyClose(cols, kind);
}
