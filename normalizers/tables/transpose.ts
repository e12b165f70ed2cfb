// Tables whose items are printed as column headers (三公: 合计 | 因公出国（境）费 | 公务用车… | 公务接待费,
// by source of funds or by year under them) and whose rows are the measures: the table's total row,
// its only row, or rows that name a year or a change (2025年 | 2026年 | 增减变化金额). For those rows
// each number's item is the expense its column names and its measure what the row (or the rest of
// its column) says: `amount`, `prior_year`, `change_vs_prior_year`, or the source of funds its
// column names (`general_budget`, `prior_year.general_budget`). Rows of other kinds (one per unit)
// keep the wide reading. Which measure ids are items is data: `item_measures` in table-kinds.json.
import type { ColumnSpec, TableRow } from '../../model/types.js';
import { stripNumbering } from '../values/labels.js';
import { headerLevels, normaliseLevel, roleOf, sourceOf, type HeaderLevel } from './header-words.js';
import { measureOf, type KindDef } from './kinds.js';
import { kindTotal } from './measures.js';

const PERIODS = new Set(['prior_year', 'change_vs_prior_year']);

export function transposeItemColumns(rows: TableRow[], columns: ColumnSpec[], kind: KindDef | undefined, fiscalYear: string): TableRow[] {
  const items = new Set(kind?.item_measures ?? []);
  if (!items.size) return rows;
  const itemCols = new Map<number, { item: string; rest: string[] }>();
  for (const c of columns) {
    if (c.role !== 'measure' || !c.measure) continue;
    const [head, ...rest] = c.measure.split('.');
    if (!items.has(head!)) continue;
    const found = printedItem(c.header, head!, kind);
    // the source the item's own words name (一般公共预算拨款安排的“三公”经费预算) is not a second dimension
    if (found) itemCols.set(c.index, { item: found.printed, rest: rest.filter((p) => p !== sourceOf(found.text)) });
  }
  const heads = new Set([...itemCols.values()].map((v) => v.item));
  if (heads.size < 2) return rows;
  const valued = rows.filter((r) => r.values.some((v) => itemCols.has(v.col)));
  const current = Number(fiscalYear) || 0;
  return rows.flatMap((r) => {
    const period = rowPeriod(r.item, current);
    if (period === undefined && valued.length > 1) return [r];
    return transposeRow(r, itemCols, period ?? '');
  });
}

/** The header level that names the item (the deepest one the kind names with that id; for the
 *  table's total, its printed total word, or the group a 小计 closes), as printed. */
function printedItem(header: string, head: string, kind: KindDef | undefined): HeaderLevel | undefined {
  const levels = headerLevels(header);
  for (let i = levels.length - 1; i >= 0; i--) {
    const l = levels[i]!;
    const total = roleOf(l.text) === 'total';
    if (total && head === kindTotal(kind)) {
      const group = levels[i - 1];
      return group && group.text && roleOf(group.text) === '' && !measureOf(kind, group.text) ? group : l;
    }
    if (total && i > 0) continue;
    if (measureOf(kind, l.text) === head) return l;
  }
  return undefined;
}

/** '' for a total row or a row of the document's year, `prior_year` for an earlier year's, the
 *  change role for an 增减 row; undefined for any other row (a unit's). */
function rowPeriod(label: string, current: number): string | undefined {
  const l = normaliseLevel(stripNumbering(label));
  // a year printed in its own column (年度) ends the joined label: 深圳市审计局2025年
  const trailing = /((?:19|20)\d{2})年度?$/.exec(l.text);
  const year = l.year ?? (trailing ? Number(trailing[1]) : undefined);
  if (year !== undefined) return current && year < current ? 'prior_year' : '';
  if (l.text === '') return '';
  const role = roleOf(l.text);
  if (role === 'total') return '';
  if (role === 'change_vs_prior_year') return role;
  return undefined;
}

function transposeRow(r: TableRow, itemCols: Map<number, { item: string; rest: string[] }>, rowPeriod: string): TableRow[] {
  const out = new Map<string, TableRow>();
  const keep: TableRow['values'] = [];
  for (const v of r.values) {
    const col = itemCols.get(v.col);
    if (!col) {
      keep.push(v);
      continue;
    }
    const colPeriod = col.rest.find((p) => PERIODS.has(p)) ?? '';
    const sources = col.rest.filter((p) => !PERIODS.has(p));
    // the period first, then the source of funds (`prior_year.general_budget`); a source alone is
    // the measure (as in 行政经费及“三公”经费表: general_budget, government_fund, state_capital)
    const period = colPeriod || rowPeriod;
    const measure = [period, ...sources].filter((p) => p !== '').join('.') || 'amount';
    const row = out.get(col.item) ?? { ...r, item: col.item, code: '', values: [], flags: [...r.flags.filter((f) => f !== 'unlabelled_row'), 'item_from_header'] };
    row.values.push({ ...v, measure });
    out.set(col.item, row);
  }
  const rest = keep.length ? [{ ...r, values: keep }] : [];
  return [...rest, ...out.values()];
}
