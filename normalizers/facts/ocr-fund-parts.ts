// The funds of a 部门预算 收支总表's 财政拨款收入 whose labels a 1-bit scan garbled beyond a label
// lookup (服公具闵算收入 for 一般公共预算收入, 国有资札绪营颅算收入 for 国有资本经营预算收入). The template
// prints the item, then its funds right below it (1.一般公共预算… 2.政府性基金… 3.国有资本经营…), and
// the funds add up to the item (checks.json b01_fiscal_income). So, on the income side of an OCR'd
// table of a kind that row-labels.json `fund_parts` describes: the row whose label is the item's
// (or nearest it, within one character in two, the only such row) and the rows printed right below
// it (no code, not a standard label other than a fund's) whose values add up to the item's value
// (within the identity's rounding, one non-zero at least) are its funds, when each of them is
// nearest one fund (character edits, strictly nearer than any other, within three characters in
// four of the fund's words and fewer than its own length) and they name distinct funds in the
// template's order. The longest such run is taken (a zero fund below the others included). Each row
// so labelled (and the item, when its own label was misread) takes the words and `fuzzyFlag`.
import { Decimal } from 'decimal.js';
import type { Fact } from '../../model/types.js';
import { readKnowledgeJson } from '../knowledge/load.js';
import { editDistance } from '../taxonomy/text.js';
import { tolerance } from '../checks/tolerance.js';
import { cleanLabel, stripNumbering } from '../values/labels.js';

interface FundParts {
  total: string[];
  parts: string[][];
}
let knowledge: Record<string, FundParts> | undefined;
const fundParts = (): Record<string, FundParts> => (knowledge ??= readKnowledgeJson<{ fund_parts: Record<string, FundParts> }>('row-labels.json').fund_parts);

/** a label's Chinese words: its list number, marks and Latin letters left out */
function words(label: string): string {
  const t = stripNumbering(cleanLabel(label).replace(/^[^\u4e00-\u9fff]+/, ''));
  return t.replace(/[^\u4e00-\u9fff]/g, '');
}

const len = (s: string): number => Array.from(s).length;

/** the fund (index into `parts`) and its words `w` is nearest (see the head of this file), or -1 */
function nearestFund(w: string, parts: string[][]): { fund: number; label: string } | undefined {
  if (len(w) < 2) return undefined;
  const best = parts.map((variants) => {
    const d = variants.map((v) => editDistance(w, v));
    const k = d.indexOf(Math.min(...d));
    return { d: d[k]!, label: variants[k]! };
  });
  const min = Math.min(...best.map((b) => b.d));
  const at = best.findIndex((b) => b.d === min);
  if (best.filter((b) => b.d === min).length !== 1) return undefined;
  const hit = best[at]!;
  if (hit.d > Math.floor((len(hit.label) * 3) / 4) || hit.d >= len(w)) return undefined;
  return { fund: at, label: hit.label };
}

const dpOf = (fs: Fact[]): number => Math.max(0, ...fs.map((f) => f.scale ?? 0));

/** Relabel, in the facts of one OCR'd table (any order), the funds of its 财政拨款收入 (see the head of
 *  this file). `isStandard(label)`: a standard row label (read right). Returns how many facts were
 *  relabelled. */
export function fundPartsBySum(facts: Fact[], isStandard: (label: string) => boolean, fuzzyFlag: string): number {
  let n = 0;
  const relabel = (f: Fact, label: string): void => {
    if (f.item === label) return;
    f.item = label;
    f.flags = [...f.flags.filter((x) => x !== fuzzyFlag), fuzzyFlag];
    n++;
  };
  for (const kind of new Set(facts.map((f) => f.table_kind))) {
    const def = fundParts()[kind];
    if (!def) continue;
    const all = def.parts.flat();
    for (const measure of new Set(facts.filter((f) => f.table_kind === kind && f.section === 'income').map((f) => f.measure))) {
      const seq = facts.filter((f) => f.table_kind === kind && f.section === 'income' && f.measure === measure && !f.code).sort((a, b) => a.row - b.row);
      // the item: its words as printed, else the one row nearest them
      let at = seq.findIndex((f) => def.total.includes(words(f.item)));
      if (at < 0) {
        const near = seq.map((f, i) => (def.total.some((t) => editDistance(words(f.item), t) <= Math.floor(len(t) / 2)) && len(words(f.item)) >= 3 && !isStandard(f.item) ? i : -1)).filter((i) => i >= 0);
        if (near.length !== 1) continue;
        at = near[0]!;
      }
      const total = seq[at]!;
      if (total.value.isZero()) continue;
      // the rows right below it that may be funds: no standard label other than a fund's
      const below: Fact[] = [];
      for (const f of seq.slice(at + 1, at + 1 + def.parts.length)) {
        const w = words(f.item);
        if (isStandard(f.item) && !all.includes(w)) break;
        below.push(f);
      }
      for (let k = below.length; k >= 1; k--) {
        const run = below.slice(0, k);
        if (!run.some((f) => !f.value.isZero())) continue;
        const sum = run.reduce((a, f) => a.plus(f.value), new Decimal(0));
        if (total.value.minus(sum).abs().gt(tolerance(run.filter((f) => !f.value.isZero()).length, dpOf([total, ...run])))) continue;
        const named = run.map((f) => (all.includes(words(f.item)) ? { fund: def.parts.findIndex((p) => p.includes(words(f.item))), label: words(f.item) } : nearestFund(words(f.item), def.parts)));
        if (named.some((x) => !x) || named.some((x, i) => i > 0 && x!.fund <= named[i - 1]!.fund)) continue;
        const t = def.total.includes(words(total.item)) ? undefined : def.total.map((l) => ({ l, d: editDistance(words(total.item), l) })).sort((a, b) => a.d - b.d)[0]!.l;
        if (t) relabel(total, t);
        run.forEach((f, i) => {
          if (!all.includes(words(f.item))) relabel(f, named[i]!.label);
        });
        break;
      }
    }
  }
  return n;
}
