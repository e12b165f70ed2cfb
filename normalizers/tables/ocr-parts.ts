// The parts of a total an OCR'd table prints beside it, named by the nearest of their words when OCR
// misread more than one of them (财政拨款收入 / 小计 | 般公共颈弥 | 政府性基金预算收入 | IN解绢 for
// 小计 | 一般公共预算收入 | 政府性基金预算收入 | 国有资本经营预算收入 on a 1-bit scan). ocr-measures.ts
// names a run of a total's parts when one of them is unnamed (step 7); with two or more unnamed,
// each is given the part whose words its header is nearest to, when:
//   - the total is named in the block and the run right of it holds nothing but its parts, as
//     many columns as it has parts (checks.json row_identities, their `expand` included);
//   - the unnamed columns are as many as the parts no column of the block names, and one way of
//     giving those parts to them has the fewest misread characters (editsWithin, summed), fewer
//     than any other way, and gives one column at least a part of whose word it read half the
//     characters right, nearer to it than to any other part left (the rest follow);
//   - the total = Σ the run holds on the rows (sumHolds): on two thirds of the rows whose cells
//     of the sum all read as numbers (a cell OCR read as no number, L70 or AT. 92, says nothing
//     either way, nor does a row the sum misses by one digit of one cell: 201.12 over 200.12, a
//     1-bit scan's 1 read 0 or its 4 read 1), three at least, each unnamed column printing a
//     number on a row where it holds.
// The columns so named have evidence `sum` (their facts are flagged ocr_measure_inferred).
// So too a block that fits one of the kind's standard column layouts (table-kinds.json
// `column_layouts`) as ocr-measures.ts step 5 asks (as many amount columns, every named one where
// the layout puts it, one at least; a total word under an unread group counts as unnamed), whose
// layout sums hold as sumHolds counts them (cells read as no number left out) when misread cells
// broke them for step 5: its unnamed columns take their places' measures (evidence `layout`), each
// printing a number on a row where a sum it is in holds.
import { editsWithin } from '../taxonomy/text.js';
import { headerKey } from '../values/labels.js';
import { normaliseLevel, roleOf } from './header-words.js';
import { lookalike } from '../knowledge/lookalikes.js';
import { plainMeasureWords, type KindDef } from './kinds.js';
import { fittingLayout, identityGroups, nameByLayout, type Col } from './ocr-measures.js';
import { parseNumber } from '../values/numbers.js';
import { Decimal } from 'decimal.js';

/** The fewest characters misread, lost or added in which a level of `header` (total words aside)
 *  holds one of `measure`'s plain words; Infinity when the measure has none. */
function editsTo(kind: KindDef, header: string, measure: string): number {
  const levels = header.split(' / ').map((p) => headerKey(normaliseLevel(p).text)).filter((t) => t !== '' && roleOf(t) !== 'total');
  let best = Infinity;
  for (const [word, id] of plainMeasureWords(kind)) {
    if (id !== measure) continue;
    for (const level of levels) best = Math.min(best, editsWithin(Array.from(level), Array.from(word), lookalike));
  }
  return best;
}

/** Every way of giving `parts` to `cols` one each (as many of both), as arrays of part indices. */
function* assignments(n: number, used: boolean[] = [], acc: number[] = []): Generator<number[]> {
  if (acc.length === n) {
    yield [...acc];
    return;
  }
  for (let p = 0; p < n; p++) {
    if (used[p]) continue;
    used[p] = true;
    acc.push(p);
    yield* assignments(n, used, acc);
    acc.pop();
    used[p] = false;
  }
}

/** Most unnamed parts tried (their orders grow as n!). */
const MAX_UNNAMED = 4;

/** Name the unnamed parts of a total's run by their nearest words (see the head of this file). */
export function partsByNearestWords(cols: Col[], data: string[][], kind: KindDef | undefined): void {
  if (!kind) return;
  for (const [whole, parts] of identityGroups(kind)) {
    const w = cols.findIndex((c) => c.base === whole && !c.period);
    if (w < 0) continue;
    const run = cols.slice(w + 1, w + 1 + parts.length);
    if (run.length !== parts.length || run.some((c) => c.period || (c.base && !parts.includes(c.base)))) continue;
    const unnamed = run.filter((c) => !c.base);
    const left = parts.filter((p) => !cols.some((c) => c.base === p));
    if (unnamed.length < 2 || unnamed.length > MAX_UNNAMED || left.length !== unnamed.length) continue;
    const cost = unnamed.map((c) => left.map((p) => editsTo(kind, c.spec.header, p)));
    let best: { order: number[]; total: number } | undefined;
    let second = Infinity;
    for (const order of assignments(left.length)) {
      const total = order.reduce((s, p, i) => s + Math.min(cost[i]![p]!, 100), 0);
      if (!best || total < best.total) {
        if (best) second = best.total;
        best = { order, total };
      } else second = Math.min(second, total);
    }
    if (!best || best.total >= second) continue;
    // one column at least read half its part's word right, and nearer to it than to any other part
    const near = best.order.some((p, i) => cost[i]![p]! <= wordLength(kind, left[p]!) / 2 && left.every((_, q) => q === p || cost[i]![q]! > cost[i]![p]!));
    if (!near) continue;
    if (!unnamed.every((u) => sumHolds(cols[w]!.spec.index, run.map((c) => c.spec.index), data, u.spec.index))) continue;
    best.order.forEach((p, i) => {
      unnamed[i]!.base = left[p]!;
      unnamed[i]!.evidence = 'sum';
    });
  }
}

/** the length of `measure`'s shortest plain word */
function wordLength(kind: KindDef, measure: string): number {
  const lens = plainMeasureWords(kind).filter(([, id]) => id === measure).map(([w]) => Array.from(w).length);
  return lens.length ? Math.min(...lens) : 0;
}

/** Share of the rows read as numbers on which an OCR'd sum must hold, and the fewest such rows. */
const SUM_SHARE = 2 / 3;
const SUM_ROWS = 3;

/** `d` is one digit at one place (1.00, 0.30, 3000): what one misread digit moves a sum by. */
function oneDigit(d: Decimal): boolean {
  return /^[1-9]$/.test(d.abs().toFixed().replace('.', '').replace(/^0+|0+$/g, ''));
}

/** `col` = Σ `parts` holds on the rows of `data` (see the head of this file), and exactly on a
 *  row where `needed` prints a non-zero number. */
function sumHolds(col: number, parts: number[], data: string[][], needed: number): boolean {
  let rows = 0;
  let exact = 0;
  let usesNeeded = false;
  const tol = new Decimal('0.01').times(Math.max(1, parts.length - 1));
  for (const r of data) {
    const cells = [col, ...parts].map((c) => (r[c] ?? '').trim());
    const nums = cells.map((t) => (t === '' ? null : parseNumber(t)));
    // a row with nothing in the sum, or a cell OCR read as no number: it says nothing
    if (nums.some((n, i) => n === null && cells[i] !== '') || nums.every((n) => !n || n.value.isZero())) continue;
    rows++;
    const whole = nums[0]?.value ?? new Decimal(0);
    const diff = nums.slice(1).reduce((a, n) => (n ? a.plus(n.value) : a), new Decimal(0)).minus(whole);
    if (!diff.abs().lte(tol)) {
      // (missed by one digit of one cell: a misreading, no sign of another layout)
      if (oneDigit(diff)) rows--;
      continue;
    }
    exact++;
    if (!(nums[parts.indexOf(needed) + 1]?.value.isZero() ?? true)) usesNeeded = true;
  }
  return usesNeeded && exact >= SUM_ROWS && exact >= rows * SUM_SHARE;
}

/** The block's unnamed columns by the one standard layout it fits, when the layout's sums hold as
 *  sumHolds counts them (see the head of this file). */
export function layoutByReadableSums(cols: Col[], data: string[][], kind: KindDef | undefined, total: string): void {
  const fit = fittingLayout(cols, kind, total);
  if (!fit) return;
  const { sums, at, unnamed } = fit;
  const vouched = new Set<number>();
  for (const [whole, ...parts] of sums) {
    const idx = [at(whole!), ...parts.map(at)];
    if (idx.includes(-1)) return;
    // each sum holds, using (printing a number on a holding row) each unnamed column in it
    for (const u of unnamed.filter((x) => idx.includes(x))) {
      if (!sumHolds(idx[0]!, idx.slice(1), data, u === idx[0] ? idx[1]! : u)) return;
      vouched.add(u);
    }
    if (!unnamed.some((x) => idx.includes(x)) && !sumHolds(idx[0]!, idx.slice(1), data, idx[1]!)) return;
  }
  if (unnamed.every((u) => vouched.has(u))) nameByLayout(cols, fit);
}
