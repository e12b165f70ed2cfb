// Comparing a printed total with the sum of its printed parts, within the stated tolerance.
import { Decimal } from 'decimal.js';
import type { CheckResult, Fact, Severity } from '../../model/types.js';
import { label, refsOf } from './select.js';
import { tolerance } from './tolerance.js';
import { recordEvaluation, type IdentityStats } from './verify.js';

/** table_id → 公开NN表 / title, for messages. */
type TableNames = Map<string, string>;

export interface CompareOptions {
  indexOf: Map<Fact, number>;
  names?: TableNames;
  severity?: Severity;
  /** table_id → decimals the table prints (decimal.js drops trailing zeros: 14.00 reads as 14) */
  tableDp?: Map<string, number>;
  /** counts every identity evaluated, held or not (reported per document), and collects the
   *  facts of the identities that held and verify (verify.ts) */
  stats?: IdentityStats;
  /** a fact made for a comparison (a code printed several times, summed; a prose figure in the
   *  table's unit) → the printed facts it stands for */
  stands?: Map<Fact, Fact[]>;
  /** tables read by OCR (verify.ts) */
  ocrTables?: Set<string>;
}

/** table_id → the most decimals any of its numbers shows (at most 4). */
export function tableDecimals(facts: Fact[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of facts) m.set(f.table_id, Math.min(4, Math.max(m.get(f.table_id) ?? 0, f.value.decimalPlaces())));
  return m;
}

export function sumOf(facts: Fact[]): Decimal {
  return facts.reduce((a, f) => a.plus(f.value), new Decimal(0));
}

export function maxDp(facts: Fact[], tableDp?: Map<string, number>): number {
  return facts.reduce((m, f) => Math.max(m, f.value.decimalPlaces(), tableDp?.get(f.table_id) ?? 0), 0); // no spread: sums may have 100,000s of parts
}

export function rowName(f: Fact): string {
  return f.code ? `${f.code} ${label(f)}` : label(f);
}

export function tableName(f: Fact, names?: TableNames): string {
  const n = names?.get(f.table_id);
  return `${n || f.table_kind} (${f.table_id}${f.page ? `, page ${f.page}` : ''})`;
}

/** How far total = Σ parts may miss: half a unit of the last printed decimal of the total and of
 *  each non-zero part (a printed zero carries no rounding), at least one unit of the finest; in a
 *  table read by OCR, nothing where a single part is non-zero. Each
 *  cell's own printed decimals count (`scale`: a 单位 总表 prints its parts in whole 元 and the
 *  合计 in 分), except in a table read by OCR, where a lost last digit must not widen the tolerance:
 *  there, and where a cell's decimals are unknown, the table's precision counts. */
function sumTolerance(total: Fact, parts: Fact[], o: Pick<CompareOptions, 'tableDp' | 'ocrTables'>): Decimal {
  const nonZero = parts.filter((p) => !p.value.isZero());
  // read by OCR, a total over a single non-zero part is one amount printed twice and rounded alike:
  // the two must read the same (a 257.93 beside its total's 257.92 would hold within a cent)
  if (nonZero.length === 1 && o.ocrTables?.size && [total, ...nonZero].every((f) => o.ocrTables!.has(f.table_id))) return new Decimal(0);
  const members = [total, ...nonZero];
  const finest = maxDp([total, ...parts], o.tableDp);
  const dpOf = (f: Fact): number => (f.scale === undefined || o.ocrTables?.has(f.table_id) ? finest : f.scale);
  const half = members.reduce((a, f) => a.plus(new Decimal(10).pow(-dpOf(f)).times(0.5)), new Decimal(0));
  return Decimal.max(tolerance(0, finest), half);
}

/** total = Σ parts, or [] when it holds within sumTolerance. */
export function compareSum(total: Fact, parts: Fact[], checkId: string, subject: string, o: CompareOptions): CheckResult[] {
  const sum = sumOf(parts);
  const diff = total.value.minus(sum).abs();
  const held = diff.lte(sumTolerance(total, parts, o));
  recordEvaluation(o, checkId, total, parts, held, diff.isZero());
  if (held) return [];
  const shown = parts.slice(0, 6).map((p) => `${rowName(p)} ${p.value.toFixed()}`).join(' + ') + (parts.length > 6 ? ` + … (${parts.length} parts)` : '');
  return [{
    doc_id: total.doc_id,
    table_id: total.table_id,
    check_id: checkId,
    severity: o.severity ?? 'error',
    subject: `${subject} [${total.measure || total.measure_label}${total.section ? ', ' + total.section : ''}]`,
    expected: sum.toFixed(),
    actual: total.value.toFixed(),
    message: `${tableName(total, o.names)}: ${rowName(total)} ${total.measure_label ? '(' + total.measure_label + ') ' : ''}prints ${total.value.toFixed()} but ${shown} = ${sum.toFixed()} (off by ${diff.toFixed()}); compare these cells with the printed page: a misread cell is an extraction error, a printed difference is an error in the document`,
    factRefs: refsOf([total, ...parts], o.indexOf),
  }];
}
