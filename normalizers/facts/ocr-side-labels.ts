// The labels of a two-sided 总表's totals and carry-overs that OCR misread beyond putting right by
// one character (交年收入各计 for 本年收入合计, 年宋经转和绪余 for 年末结转和结余: a 1-bit scan). Their
// place on the side is told by the side's sums: the row whose value is the sum of the rows above
// it is the side's 本年…合计, and the one row between it and the side's 总计 that closes
// 总计 = 本年…合计 + it is its carry-over. Such a row takes the standard label of its side's kind
// it is nearest (one character in two at most, the only one that near); it keeps ocr_name_fuzzy.
import { Decimal } from 'decimal.js';
import type { Fact } from '../../model/types.js';
import { editDistance } from '../taxonomy/text.js';
import { tolerance } from '../checks/tolerance.js';
import { cleanLabel, stripNumbering } from '../values/labels.js';

/** the side's total of the year, and what stands between it and 总计 (knowledge/row-labels.json words) */
const TOTALS: Record<string, string[]> = { income: ['本年收入合计', '收入合计'], expenditure: ['本年支出合计', '支出合计'] };
const CARRIES: Record<string, string[]> = { income: ['年初结转和结余', '上年结转结余', '上年结转', '用事业基金弥补收支差额', '使用非财政拨款结余'], expenditure: ['年末结转和结余', '结转结余下年', '结余分配'] };
const GRAND = /^(收入|支出)?总计$/;

const labelOf = (f: Fact): string => stripNumbering(cleanLabel(f.item));

/** the one label of `labels` within one character in two of `label` (four characters at least) */
function nearest(label: string, labels: string[]): string | undefined {
  const len = Array.from(label).length;
  if (len < 4) return undefined;
  const hits = labels.filter((l) => editDistance(l, label) <= Math.floor(Array.from(l).length / 2));
  return hits.length === 1 ? hits[0] : undefined;
}

/** `f` labelled `label`, flagged `fuzzyFlag` once, `dropFlags` removed */
function relabelFact(f: Fact, label: string, fuzzyFlag: string, dropFlags: readonly string[]): void {
  f.item = label;
  f.flags = [...f.flags.filter((x) => !dropFlags.includes(x) && x !== fuzzyFlag), fuzzyFlag];
}

const dpOf = (fs: Fact[]): number => Math.max(0, ...fs.map((f) => f.scale ?? 0));
const sum = (fs: Fact[]): Decimal => fs.reduce((a, f) => a.plus(f.value), new Decimal(0));

/** Relabel, in the facts of one OCR'd two-sided 总表 (row order), the side totals and carry-overs
 *  whose labels `doubtful` says were misread (flag `fuzzyFlag`; `dropFlags` removed). Returns how
 *  many facts were relabelled. */
export function sideLabelsBySums(facts: Fact[], doubtful: (f: Fact) => boolean, fuzzyFlag: string, dropFlags: readonly string[]): number {
  let n = 0;
  const relabel = (f: Fact, label: string): void => {
    relabelFact(f, label, fuzzyFlag, dropFlags);
    n++;
  };
  for (const section of Object.keys(TOTALS)) {
    for (const measure of new Set(facts.filter((f) => f.section === section).map((f) => f.measure))) {
      const seq = facts.filter((f) => f.section === section && f.measure === measure && !f.code).sort((a, b) => a.row - b.row);
      const coded = facts.filter((f) => f.section === section && f.measure === measure && !!f.code);
      let at = seq.findIndex((f) => TOTALS[section]!.includes(labelOf(f)));
      if (at < 0) {
        // the first row whose value is the sum of the side's rows above it (coded rows included)
        at = seq.findIndex((f, i) => {
          if (!doubtful(f) || !nearest(labelOf(f), TOTALS[section]!)) return false;
          // (a row beside the other side's 总计 is the side's 总计: sideTotalsByGrand names it)
          if (facts.some((o) => o.section !== section && o.row === f.row && GRAND.test(labelOf(o)))) return false;
          const above = [...seq.slice(0, i), ...coded.filter((c) => c.row < f.row)];
          const nonZero = above.filter((x) => !x.value.isZero());
          return nonZero.length >= 2 && f.value.minus(sum(above)).abs().lte(tolerance(nonZero.length, dpOf([f, ...above])));
        });
        if (at < 0) continue;
        relabel(seq[at]!, nearest(labelOf(seq[at]!), TOTALS[section]!)!);
      }
      const total = seq[at]!;
      const grand = seq.findIndex((f, i) => i > at && GRAND.test(labelOf(f)));
      if (grand < 0) continue;
      const between = seq.slice(at + 1, grand).filter((f) => !f.value.isZero());
      if (between.length !== 1 || !doubtful(between[0]!)) continue;
      const carry = between[0]!;
      const label = nearest(labelOf(carry), CARRIES[section]!);
      if (label && seq[grand]!.value.minus(total.value).minus(carry.value).abs().lte(tolerance(2, dpOf([seq[grand]!, total, carry])))) relabel(carry, label);
    }
  }
  return n;
}

/** the other side of a two-sided 总表 */
const OTHER: Record<string, string> = { income: 'expenditure', expenditure: 'income' };
/** the grand total's words by side (the form a template prints: 收入总计 | 支出总计, or 总计 on both) */
const GRANDS: Record<string, string[]> = { income: ['收入总计'], expenditure: ['支出总计'] };

/** `f`'s label is its side's grand total misread, `other` the other side's read right: within one
 *  character in two of the side's 总计 words, or, where the template prints 总计 on both sides, two
 *  characters one off 总计 (怠计) printed on the row of the other side's 总计 */
function nearGrand(f: Fact, other: Fact, section: string): boolean {
  const label = labelOf(f);
  if (nearest(label, GRANDS[section]!)) return true;
  return labelOf(other) === '总计' && f.row === other.row && Array.from(label).length === 2 && editDistance(label, '总计') === 1;
}

/** Relabel, in the facts of one OCR'd two-sided 总表, a side's grand total and total of the year whose
 *  labels `doubtful` says were misread beyond sideLabelsBySums (不平友出合计, 奶诊总计: the 类 above them
 *  misread too, so no sum of the rows above holds), told by the two identities the 总表 prints:
 *  收入总计 = 支出总计 (the other side's grand total read right, the row nearest its side's 总计 words
 *  within one character in two, or two characters one off 总计 on the other's row where both sides
 *  print 总计, the only such row, of the same value) and 总计 = 本年…合计 + the
 *  carry-overs between them (the row above the grand total nearest its side's 本年…合计 words, the
 *  only one, whose value and the rows between it and 总计 — all read as carry-over words — close
 *  the grand total). Flag `fuzzyFlag`, `dropFlags` removed. Returns how many facts were relabelled. */
export function sideTotalsByGrand(facts: Fact[], doubtful: (f: Fact) => boolean, fuzzyFlag: string, dropFlags: readonly string[]): number {
  let n = 0;
  const relabel = (f: Fact, label: string): void => {
    relabelFact(f, label, fuzzyFlag, dropFlags);
    n++;
  };
  for (const section of Object.keys(TOTALS)) {
    for (const measure of new Set(facts.filter((f) => f.section === section).map((f) => f.measure))) {
      const seq = facts.filter((f) => f.section === section && f.measure === measure && !f.code).sort((a, b) => a.row - b.row);
      const other = facts.filter((f) => f.section === OTHER[section] && f.measure === measure && !f.code && GRAND.test(labelOf(f)));
      let grand = seq.findIndex((f) => GRAND.test(labelOf(f)));
      if (grand < 0) {
        if (other.length !== 1) continue;
        const near = seq.map((f, i) => (doubtful(f) && nearGrand(f, other[0]!, section) && f.value.equals(other[0]!.value) && !f.value.isZero() ? i : -1)).filter((i) => i >= 0);
        if (near.length !== 1) continue;
        grand = near[0]!;
        relabel(seq[grand]!, labelOf(other[0]!) === '总计' ? '总计' : GRANDS[section]![0]!);
      }
      if (seq.some((f) => TOTALS[section]!.includes(labelOf(f)))) continue;
      const g = seq[grand]!;
      const cands = seq.slice(0, grand).map((f, i) => (doubtful(f) && nearest(labelOf(f), TOTALS[section]!) ? i : -1)).filter((i) => i >= 0);
      if (cands.length !== 1) continue;
      const total = seq[cands[0]!]!;
      const between = seq.slice(cands[0]! + 1, grand);
      if (between.some((f) => !CARRIES[section]!.includes(labelOf(f)) && !f.value.isZero())) continue;
      const parts = [total, ...between.filter((f) => !f.value.isZero())];
      if (total.value.isZero() || g.value.minus(sum(parts)).abs().gt(tolerance(parts.length, dpOf([g, ...parts])))) continue;
      relabel(total, nearest(labelOf(total), TOTALS[section]!)!);
    }
  }
  return n;
}
