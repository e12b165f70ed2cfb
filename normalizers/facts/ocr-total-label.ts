// The 合计 row of an OCR'd coded table whose label was misread (合合计, 合if: a speck or a smudge
// read as a character or as letters). Its label then names no total, so the identity 合计 = Σ 类
// is never checked and its facts stand under a label no reader looks for. A row is taken for the
// table's total when the structure says so: it prints no code, its label keeps a character of 合计
// (its Chinese characters 合 and 计 only, or two at most with one of them), it is the only such row
// of its section, no row there is labelled as a total already, and every value it has equals the
// sum of the 类 rows (three-digit printed codes) of its measure, two non-zero values at least (or
// all but one, three non-zero at least: a value misread too, which 合计 = Σ 类 then flags or the
// identity-pinned correction puts right; or, for a row above or below every coded row, as many off
// as hold at most). Equals within the rounding the identity itself admits
// (checks/tolerance.ts: a 万元 table's 合计 of four 类 may differ from their sum by 0.01).
// A row whose label was read as Latin letters alone (Ait), where no row keeps a character of 合计,
// is taken the same way, by the sums only.
// Its facts are then labelled 合计 (the grid keeps the label as read). When the 类 rows are misread
// too (several 4s read as 1 on a 1-bit scan) no sum holds; the row is then told by its place (atHead:
// a two-character label one character off 合计, above every coded row, each value the largest of its
// column) and its facts flagged ocr_name_fuzzy as well. So is such a row (or one read as letters)
// of a table whose rows print no subject code (a 收入总表 by unit: atHeadOfUncoded), above all its
// rows, each value the largest of its column.
import { Decimal } from 'decimal.js';
import type { Fact } from '../../model/types.js';
import { tolerance } from '../checks/tolerance.js';
import { cleanLabel, latinOnly, stripNumbering } from '../values/labels.js';

const TOTAL = /^(合计|总计|小计)$/;
const CJK = /[\u3400-\u9fff]/g;

const labelOf = (f: Fact): string => stripNumbering(cleanLabel(f.item));

/** a label that may be 合计 misread: its Chinese characters are 合 and 计 only (合合计, 合if; after
 *  a 类 / 款 / 项 header word printed beside it: 项。合计), or two at most with one of them (合汁);
 *  never a longer total's label (支出合计) */
function nearTotal(label: string): boolean {
  const han: string[] = label.match(CJK) ?? [];
  if (!han.length || TOTAL.test(label) || !(han.includes('合') || han.includes('计'))) return false;
  const core = Array.from(han.join('').replace(/^[类款项]+(?=[合计])/, ''));
  return core.every((c) => c === '合' || c === '计') || han.length <= 2;
}

/** A 合计 row told by its place when the identity does not hold (the 类 rows misread too: several 4s
 *  read as 1): a two-character label one character off 合计 (仕计, 合汁), printed above every coded row
 *  of its section (the template's 合计 row under the header), two non-zero values at least, each the
 *  largest of its measure there (a total is no smaller than any row it adds up). */
function atHead(cells: Fact[], part: Fact[]): boolean {
  const label = labelOf(cells[0]!);
  if (Array.from(label).length !== 2 || (label[0] !== '合' && label[1] !== '计')) return false;
  const coded = part.filter((f) => !!f.code);
  if (!coded.length || cells.some((c) => coded.some((f) => f.row <= c.row))) return false;
  if (cells.filter((c) => !c.value.isZero()).length < 2) return false;
  return cells.every((c) => !!c.measure && coded.every((f) => f.measure !== c.measure || f.value.lte(c.value)));
}

/** A 合计 row of a section whose rows print no subject code (a 收入总表 by unit: 309, 309001 … are
 *  the units' codes, no 类): printed above every other row of its section, two rows at least below
 *  it, two non-zero values at least, each value of a named measure the largest of that measure
 *  there (the units' total, the department's row equal to it at most). */
function atHeadOfUncoded(cells: Fact[], part: Fact[]): boolean {
  if (part.some((f) => !!f.code)) return false;
  const others = part.filter((f) => !cells.includes(f));
  if (new Set(others.map((f) => f.row)).size < 2 || others.some((f) => cells.some((c) => f.row <= c.row))) return false;
  const named = cells.filter((c) => !!c.measure);
  if (named.filter((c) => !c.value.isZero()).length < 2) return false;
  return named.every((c) => others.every((f) => f.measure !== c.measure || f.value.lte(c.value)));
}

/** The row is printed above every coded row of its section, or below every one. */
function atEdge(cells: Fact[], part: Fact[]): boolean {
  const coded = part.filter((f) => !!f.code);
  return coded.length > 0 && (cells.every((c) => coded.every((f) => c.row < f.row)) || cells.every((c) => coded.every((f) => c.row > f.row)));
}

/** Facts of one OCR'd table: the facts of a no-code row whose misread label keeps a character of
 *  合计 and whose values are the sums of the 类 rows (see above) are labelled 合计, and lose
 *  `unreadFlag` (a total prints no code). Returns how many facts were relabelled. */
export function totalByIdentity(facts: Fact[], unreadFlag: string, fuzzyFlag?: string): number {
  let n = 0;
  const key = (f: Fact): string => `${f.section}|${f.unit_group ?? ''}`;
  for (const k of new Set(facts.map(key))) {
    const part = facts.filter((f) => key(f) === k);
    if (part.some((f) => !f.code && TOTAL.test(labelOf(f)))) continue;
    const rows = new Map<number, Fact[]>();
    for (const f of part) if (!f.code && nearTotal(labelOf(f))) rows.set(f.row, [...(rows.get(f.row) ?? []), f]);
    // (none such: a label read as Latin letters alone, Ait, agt, told by the sums only)
    const latin = rows.size === 0;
    if (latin) for (const f of part) if (!f.code && latinOnly(labelOf(f))) rows.set(f.row, [...(rows.get(f.row) ?? []), f]);
    if (rows.size !== 1) continue;
    const cells = [...rows.values()][0]!;
    const sums = new Map<string, { sum: Decimal; parts: Fact[] }>();
    for (const f of part) {
      if (f.code_source !== 'printed' || !/^\d{3}$/.test(f.code) || !f.measure) continue;
      const s = sums.get(f.measure) ?? { sum: new Decimal(0), parts: [] };
      sums.set(f.measure, { sum: s.sum.plus(f.value), parts: [...s.parts, f] });
    }
    // (the identity's own rounding: half a unit of the last decimal per non-zero addend)
    const holds = (f: Fact, s: { sum: Decimal; parts: Fact[] }): boolean =>
      s.sum.minus(f.value).abs().lte(tolerance(s.parts.filter((p) => !p.value.isZero()).length, Math.max(f.scale ?? 0, ...s.parts.map((p) => p.scale ?? 0))));
    let nonZero = 0;
    let off = 0;
    for (const f of cells) {
      const s = f.measure ? sums.get(f.measure) : undefined;
      if (!s || !holds(f, s)) off++;
      else if (!f.value.isZero()) nonZero++;
    }
    // (one value misread among three sums that hold: the identity, now checked, flags it; more,
    // as many as hold at most, where the row stands at the head or the foot of its section, where a
    // total is printed: 类 values misread in two columns, 37.92 for 327.92 and 92321 for 327.92,
    // break those columns' sums, and two non-zero sums holding exactly are no chance)
    const byIdentity = nonZero >= 2 && (nonZero >= 2 + off || (off <= nonZero && atEdge(cells, part)));
    if (!byIdentity && !(fuzzyFlag && (atHeadOfUncoded(cells, part) || (!latin && atHead(cells, part))))) continue;
    for (const f of cells) {
      f.item = '合计';
      f.flags = f.flags.filter((x) => x !== unreadFlag && x !== fuzzyFlag);
      if (!byIdentity) f.flags.push(fuzzyFlag!);
      n++;
    }
  }
  return n;
}
