// 指标评分表 layout (seed 003): 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分/自评分 |
// 评分依据… | 指标解释 | …, where the 指标解释 column lists the department's targets as 指标N: lines.
// OCR'd: read what is readable, flag the rest, never guess.
import type { GridCell, PerformanceIndicator } from '../../model/types.js';
import { Decimal } from 'decimal.js';
import { parseNumber } from '../values/numbers.js';
import { splitTarget } from './target.js';
import { cleanText, isGarbled, isNumberCell, plainNumber, stripIndicatorLabel, vocabKey } from './text.js';

const INDICATOR_ITEM = /^\s*指标\s*[:：]?\s*\d+\s*[:：]/;
const TRAILING_TARGET = /(≥|≤|>=|<=|>|<|=|不低于|不高于|不少于|不超过)\s*(\d[\d.]*)\s*([^\d\s()（）]{0,6})$/;

/** True when the indicator header repeats 分值 after each level (the scoring-table layout). */
export function isScoringHeader(row: GridCell[]): boolean {
  const ks = row.map((c) => vocabKey(c.text));
  return ks.filter((k) => k === '分值').length >= 2 && ks.some((k) => /^一级指标/.test(k));
}

interface Labeled { row: number; name: string; weight: string | null }

interface ScoringResult {
  indicators: PerformanceIndicator[];
  messages: string[];
  flags: string[];
}

export function parseScoringTable(
  rows: GridCell[][], headerRow: number, ctx: { form_id: string; doc_id: string; page?: number },
): ScoringResult {
  const messages: string[] = [];
  const formFlags: string[] = [];
  const head = rows[headerRow]!.map((c) => vocabKey(c.text));
  const at = (re: RegExp, from = 0) => head.findIndex((k, i) => i >= from && re.test(k));
  const c1 = at(/^一级指标/);
  const c2 = at(/^二级指标/);
  const c3 = at(/^三级指标/);
  const cScore = at(/得分|自评分/);
  const cBasis = at(/评分依据|未达标原因/);
  const garbled = (t: string, where: string) => {
    if (!isGarbled(t)) return false;
    if (!formFlags.includes('ocr_unreadable')) formFlags.push('ocr_unreadable');
    messages.push(`${where}: "${cleanText(t)}" is unreadable`);
    return true;
  };
  // the 合计 row bounds the table and gives the total weight the 一级 weights must add up to
  let end = rows.findIndex((r, i) => i > headerRow && /^合计/.test(vocabKey(r[0]?.text ?? '')));
  if (end < 0) end = rows.length;
  const totalWeight = new Decimal(plainNumber(rows[end]?.[c1 + 1]?.text ?? '') ?? '100');
  const start = rows.findIndex((r) => /^一级指标/.test(vocabKey(r[0]?.text ?? '')));
  const level1s: Labeled[] = [];
  const level2s: Labeled[] = [];
  type Item = { ind: PerformanceIndicator; row: number };
  const items: Item[] = [];
  const mk = (row: number, level3: string, flags: string[]): PerformanceIndicator => {
    const ind: PerformanceIndicator = {
      form_id: ctx.form_id, doc_id: ctx.doc_id, seq: 0, level1: '', level2: '', level3,
      target_operator: '', target: '', target_unit: '', actual: '', weight: '', score: '',
      deviation_reason: '', flags,
    };
    if (ctx.page !== undefined) ind.page = ctx.page;
    items.push({ ind, row });
    return ind;
  };
  let level1Sum = new Decimal(0);
  for (let r = Math.max(start, 0); r < end; r++) {
    const cells = rows[r]!.map((c) => c.text);
    if (/^一级指标/.test(vocabKey(cells[0] ?? ''))) continue; // header, repeated on every page
    const used = new Set<number>();
    // 一级 with its 分值
    const t1 = cells[c1] ?? '';
    if (t1.trim() && !isNumberCell(t1) && !garbled(t1, `row ${r} 一级指标`)) {
      const w = plainNumber(cells[c1 + 1] ?? '');
      if (w !== null && level1Sum.plus(w).gt(totalWeight)) {
        messages.push(`row ${r}: 一级指标 "${cleanText(t1)}" (分值 ${w}) does not fit the total ${totalWeight}; unreadable`);
        if (!formFlags.includes('ocr_unreadable')) formFlags.push('ocr_unreadable');
      } else if (!/总目标|预算|情况/.test(vocabKey(t1))) {
        level1s.push({ row: r, name: vocabKey(t1), weight: w });
        if (w !== null) level1Sum = level1Sum.plus(w);
      }
      used.add(c1); used.add(c1 + 1);
    }
    // 二级 with its 分值; a 1–2 character cell right under the previous 二级 is its wrapped end
    const t2 = cells[c2] ?? '';
    if (t2.trim() && !isNumberCell(t2) && !garbled(t2, `row ${r} 二级指标`)) {
      const prev = level2s[level2s.length - 1];
      const w = plainNumber(cells[c2 + 1] ?? '');
      if (prev && prev.row === r - 1 && vocabKey(t2).length <= 2) {
        prev.name += vocabKey(t2);
        prev.row = r;
      } else {
        level2s.push({ row: r, name: vocabKey(t2), weight: w });
        if (w === null && (cells[c2 + 1] ?? '').trim()) {
          messages.push(`row ${r}: 二级指标 "${vocabKey(t2)}" 分值 "${cells[c2 + 1]!.trim()}" is unreadable`);
          if (!formFlags.includes('ocr_unreadable')) formFlags.push('ocr_unreadable');
        }
      }
      used.add(c2); used.add(c2 + 1);
    }
    // 指标N: target items listed in the 指标解释 column
    cells.forEach((t, i) => {
      if (!INDICATOR_ITEM.test(t)) return;
      used.add(i);
      const text = cleanText(stripIndicatorLabel(t));
      const ind = mk(r, text, ['target_item']);
      const m = TRAILING_TARGET.exec(text);
      if (m) {
        const s = splitTarget(m[1]! + m[2]! + m[3]!);
        ind.target_operator = s.operator; ind.target = s.value; ind.target_unit = s.unit;
      }
    });
    // the scored 三级: a label followed by its 分值 (and 得分), where the OCR put it
    let found = false;
    for (let j = c3; j < cells.length - 1; j++) {
      const t = cells[j]!;
      if (used.has(j) || !t.trim() || isNumberCell(t) || INDICATOR_ITEM.test(t)) continue;
      if (vocabKey(t).length > 20 || !isNumberCell(cells[j + 1] ?? '')) continue;
      const flags: string[] = [];
      const name = garbled(t, `row ${r} 三级指标`) ? '' : cleanText(t);
      if (!name) flags.push('ocr_unreadable');
      const ind = mk(r, name, flags);
      ind.weight = readNum(cells[j + 1]!, flags, messages, r);
      ind.score = readNum(cells[j + 2] ?? '', flags, messages, r);
      const basis = cells[j + (cBasis - c3)] ?? '';
      if (cBasis > 0 && basis.trim() && !INDICATOR_ITEM.test(basis)) ind.deviation_reason = cleanText(basis);
      for (let k = c3; k < j; k++) if (cells[k]!.trim() && !used.has(k)) {
        messages.push(`row ${r}: cell "${cells[k]!.trim()}" before 三级指标 "${name}" is unreadable`);
        if (!formFlags.includes('ocr_unreadable')) formFlags.push('ocr_unreadable');
      }
      found = true;
      break;
    }
    if (!found) {
      const w = cells[c3 + 1] ?? '';
      const s = cells[cScore] ?? '';
      if (isNumberCell(w) && isNumberCell(s)) {
        const flags = ['ocr_unreadable', 'name_missing'];
        const ind = mk(r, '', flags);
        ind.weight = readNum(w, flags, messages, r);
        ind.score = readNum(s, flags, messages, r);
        messages.push(`row ${r}: 分值 ${w.trim()} / 得分 ${s.trim()} printed without a readable 三级指标 name`);
      }
    }
  }
  assignLevels(items, level1s, level2s, messages);
  const seen = new Set<string>();
  const indicators: PerformanceIndicator[] = [];
  for (const { ind } of items) {
    const k = ind.flags.includes('target_item') ? '' : ind.level3;
    if (k && seen.has(k)) { messages.push(`三级指标 "${k}" printed twice (OCR); second one dropped`); continue; }
    if (k) seen.add(k);
    ind.seq = indicators.length + 1;
    indicators.push(ind);
  }
  return { indicators, messages, flags: formFlags };
}

function readNum(raw: string, flags: string[], messages: string[], r: number): string {
  const t = raw.trim();
  if (!t) return '';
  const p = parseNumber(t);
  if (p && !p.dash && !p.clean.startsWith('-')) return p.clean;
  if (!flags.includes('ocr_unreadable')) flags.push('ocr_unreadable');
  messages.push(`row ${r}: number "${t}" is unreadable`);
  return '';
}

/**
 * 二级 → the 二级 printed nearest above (the first one for rows above it). 一级 → by adding up the
 * 二级 分值 in order until they make the 一级 分值 (merged 一级 cells print their label mid-block, so
 * position alone misplaces them); filled down by position when the weights do not reconcile.
 */
function assignLevels(items: { ind: PerformanceIndicator; row: number }[], l1: Labeled[], l2: Labeled[], messages: string[]): void {
  const byRow = (list: Labeled[], row: number) => {
    let hit = list[0];
    for (const x of list) if (x.row <= row) hit = x;
    return hit;
  };
  const parentOfL2 = new Map<Labeled, string>();
  let k = 0;
  let acc = new Decimal(0);
  let reconciled = l1.length > 0 && l1.every((x) => x.weight !== null);
  for (const x of l2) {
    if (!reconciled) break;
    if (k >= l1.length) { reconciled = false; break; }
    parentOfL2.set(x, l1[k]!.name);
    if (k === l1.length - 1) continue; // everything left belongs to the last 一级
    if (x.weight === null) { reconciled = false; break; }
    acc = acc.plus(x.weight);
    if (acc.eq(l1[k]!.weight!)) { k++; acc = new Decimal(0); }
    else if (acc.gt(l1[k]!.weight!)) { reconciled = false; }
  }
  if (!reconciled && l1.length) messages.push('一级指标 weights do not reconcile with the 二级 weights; 一级 filled down by position');
  for (const { ind, row } of items) {
    const two = byRow(l2, row);
    ind.level2 = two?.name ?? '';
    ind.level1 = (reconciled && two ? parentOfL2.get(two) : undefined) ?? byRow(l1, row)?.name ?? '';
  }
}
