// Indicator rows of a 绩效自评表 → PerformanceIndicator records. Merged 一级/二级 cells are filled
// down and recognised by vocabulary wherever the dump put them; wrapped text is joined into the
// indicator it continues; template placeholders are skipped.
import type { GridCell, PerformanceIndicator } from '../../model/types.js';
import type { ColumnModel, ColumnRole } from './columns.js';
import { levelOf, parentOf, END_ROW } from './vocabulary.js';
import { actualValue, splitTarget, valueCell } from './target.js';
import {
  cleanText, isCheckMark, isGarbled, isNumberCell, isPlaceholder, isValueLike, plainNumber,
  stripIndicatorLabel, vocabKey,
} from './text.js';

interface IndicatorContext {
  form_id: string;
  doc_id: string;
  costLevel1: boolean;
  rowPages?: number[];
  page?: number;
}

interface IndicatorResult {
  indicators: PerformanceIndicator[];
  messages: string[];
  /** row index where the indicator list ended (the 总分 / 评价等级 … row), or rows.length */
  endRow: number;
}

interface Values {
  target_operator: string;
  target: string;
  target_unit: string;
  actual: string;
  weight: string;
  score: string;
  deviation_reason: string;
}

function num(raw: string, what: string, flags: string[], messages: string[], rowNo: number): string {
  const t = raw.trim();
  if (t === '' || /^[—–-]+$/.test(t)) return '';
  const n = plainNumber(t);
  if (n === null || n.startsWith('-')) {
    if (!flags.includes('ocr_unreadable') && isGarbled(t)) flags.push('ocr_unreadable');
    else if (!flags.includes('value_unreadable')) flags.push('value_unreadable');
    messages.push(`row ${rowNo}: ${what} "${t}" is not a number`);
    return '';
  }
  return n;
}

function joinDeviation(parts: { label: string; text: string; role: ColumnRole }[]): string {
  const cats: string[] = [];
  const reasons: string[] = [];
  const measures: string[] = [];
  for (const p of parts) {
    const t = cleanText(p.text);
    if (!t) continue;
    if (isCheckMark(t)) { cats.push(p.label.replace(/原因分析$/, '')); continue; }
    (p.role === 'measures' ? measures : reasons).push(t);
  }
  const out: string[] = [];
  if (cats.length) out.push(`原因类型:${cats.join('、')}`);
  out.push(...reasons);
  if (measures.length) out.push(`改进措施:${measures.join('；')}`);
  return out.join('；');
}

/** Values by the header's columns, relative to where this row's 三级指标 landed. */
function positional(cells: string[], anchor: number, m: ColumnModel): { v: Values; ok: boolean } {
  const shift = anchor - (m.col.level3 ?? anchor);
  const at = (col: number | undefined) => (col === undefined ? '' : (cells[col + shift] ?? ''));
  const used = new Set<number>([anchor]);
  const take = (role: ColumnRole) => {
    const c = m.col[role];
    if (c === undefined) return '';
    used.add(c + shift);
    return at(c);
  };
  let op = '';
  let target = '';
  let unit = '';
  if (m.split) {
    op = cleanText(take('op')).normalize('NFKC');
    target = valueCell(take('value'));
    unit = cleanText(take('unit'));
    if (m.col.target !== undefined && !target) {
      const s = splitTarget(take('target'));
      ({ operator: op, value: target, unit } = s);
    }
  } else {
    const s = splitTarget(take('target'));
    op = s.operator; target = s.value; unit = s.unit;
  }
  const actualRaw = take('actual');
  const weightRaw = take('weight');
  const scoreRaw = take('score');
  for (const [c, r] of m.roles) if (r === 'ignore' && c > (m.col.level3 ?? 0)) used.add(c + shift);
  const devParts: { label: string; text: string; role: ColumnRole }[] = [];
  for (const [c, r] of [...m.roles.entries()].sort((a, b) => a[0] - b[0])) {
    if (r !== 'deviation' && r !== 'measures') continue;
    used.add(c + shift);
    devParts.push({ label: m.labels.get(c) ?? '', text: at(c), role: r });
  }
  // spilled cells beyond the last header column belong to the last text column
  for (let i = Math.max(...[...m.roles.keys()]) + shift + 1; i < cells.length; i++) {
    if ((cells[i] ?? '').trim()) { devParts.push({ label: '', text: cells[i]!, role: 'measures' }); used.add(i); }
  }
  const unassigned = cells.some((t, i) => i > anchor && t.trim() !== '' && !used.has(i));
  const ok =
    !unassigned &&
    (weightRaw.trim() === '' || isNumberCell(weightRaw)) &&
    (scoreRaw.trim() === '' || isNumberCell(scoreRaw)) &&
    !devParts.some((p) => p.text.trim() !== '' && isNumberCell(p.text) && !isCheckMark(p.text));
  return {
    ok,
    v: {
      target_operator: op, target, target_unit: unit,
      actual: actualValue(actualRaw, unit),
      weight: weightRaw, score: scoreRaw,
      deviation_reason: joinDeviation(devParts),
    },
  };
}

/** Values by order when the dump dropped or moved blank cells: …, 分值, 得分 from the right. */
function byOrder(cells: string[], anchor: number): Values {
  const vals = cells.slice(anchor + 1).filter((t) => t.trim() !== '');
  let deviation = '';
  if (vals.length > 2 && !isNumberCell(vals[vals.length - 1]!)) deviation = vals.pop()!;
  let weight = '';
  let score = '';
  if (vals.length >= 4 && isNumberCell(vals[vals.length - 1]!) && isNumberCell(vals[vals.length - 2]!)) {
    score = vals.pop()!;
    weight = vals.pop()!;
  }
  const [targetRaw = '', actualRaw = '', w2 = '', s2 = ''] = vals;
  if (!weight) { weight = w2; score = s2; }
  const s = splitTarget(targetRaw);
  return {
    target_operator: s.operator, target: s.value, target_unit: s.unit,
    actual: actualValue(actualRaw, s.unit), weight, score,
    deviation_reason: cleanText(deviation),
  };
}

export function parseIndicatorRows(rows: GridCell[][], m: ColumnModel, ctx: IndicatorContext): IndicatorResult {
  const indicators: PerformanceIndicator[] = [];
  const messages: string[] = [];
  let curL1 = '';
  let curL2 = '';
  const pendingL2: string[] = [];
  const l3Col = m.col.level3 ?? 3;
  const firstValueCol = Math.min(...(['target', 'op', 'value'] as ColumnRole[]).map((r) => m.col[r] ?? 99));
  const devStart = Math.min(...[...m.deviationCols, m.col.measures ?? 99]);
  let r = m.headerRow + m.headerRows;
  for (; r < rows.length; r++) {
    const raw = rows[r]!.map((c) => c.text);
    const lead = raw.find((t) => t.trim() !== '') ?? '';
    if (END_ROW.test(vocabKey(lead))) break;
    const cells = raw.map((t) => (isPlaceholder(t) ? '' : t));
    const levels = cells.map((t) => levelOf(t, ctx.costLevel1));
    // the 三级指标 cell: at its header column when it holds a label, else the first label cell
    const isLabel = (i: number) => {
      const t = cells[i] ?? '';
      return t.trim() !== '' && levels[i] === null && !isValueLike(t);
    };
    // with 一级/二级 vocabulary in the row, the 三级 is the first label after the last of them
    let lastVocab = -1;
    levels.forEach((l, i) => { if (l !== null && (lastVocab < 0 || i === lastVocab + 1 || !cells.slice(lastVocab + 1, i).some((t) => t.trim()))) lastVocab = i; });
    let anchor = -1;
    if (lastVocab >= 0) {
      for (let i = lastVocab + 1; i < cells.length; i++) if (isLabel(i)) { anchor = i; break; }
    } else {
      anchor = isLabel(l3Col) ? l3Col : -1;
      if (anchor < 0) for (let i = 0; i < cells.length; i++) if (isLabel(i)) { anchor = i; break; }
    }
    const nonEmpty = cells.map((t, i) => (t.trim() ? i : -1)).filter((i) => i >= 0);
    if (nonEmpty.length === 0) continue;
    const hasVocab = levels.some((l) => l !== null);
    // a row that only carries wrapped text of the indicator above
    if (!hasVocab && nonEmpty.length === 1 && indicators.length) {
      const i = nonEmpty[0]!;
      const t = cleanText(cells[i]!);
      const prev = indicators[indicators.length - 1]!;
      if (i >= devStart) {
        prev.deviation_reason += t;
        if (!prev.flags.includes('text_joined')) prev.flags.push('text_joined');
        continue;
      }
      if (i < firstValueCol && !isValueLike(t)) {
        prev.level3 += t;
        if (!prev.flags.includes('text_joined')) prev.flags.push('text_joined');
        continue;
      }
    }
    // 一级 / 二级 printed in this row, by vocabulary first, by column otherwise
    const limit = anchor < 0 ? cells.length : anchor;
    let l1 = '';
    const l2s: string[] = [];
    for (let i = 0; i < limit; i++) {
      const t = cells[i]!;
      if (!t.trim()) continue;
      const lv = levels[i];
      const clean = vocabKey(t);
      if (lv === 'level1') l1 = clean;
      else if (lv === 'level2') l2s.push(clean);
      else if (!isValueLike(t)) {
        if (i <= (m.col.level1 ?? 1)) l1 = cleanText(t);
        else l2s.push(cleanText(t));
      }
    }
    if (l1 && l1 !== curL1) { curL1 = l1; if (!l2s.length) curL2 = ''; }
    const flags: string[] = [];
    if (l2s.length > 1) {
      // two 二级 in one row: the dump moved a merged cell up; the nearer one is this row's
      pendingL2.push(...l2s.slice(0, -1));
      curL2 = l2s[l2s.length - 1]!;
      flags.push('merged_cell_shifted');
    } else if (l2s.length === 1) {
      curL2 = l2s[0]!;
    } else if (pendingL2.length && anchor >= 0) {
      curL2 = pendingL2.shift()!;
      flags.push('merged_cell_shifted');
    }
    const hasValues = nonEmpty.some((i) => i > Math.max(anchor, limit - 1) && isValueLike(cells[i]!));
    if (anchor < 0 && !hasValues) continue; // a 二级 with no indicator, or a placeholder row
    const rowNo = r;
    let level3 = '';
    let a = anchor;
    if (anchor < 0) {
      a = l3Col;
      messages.push(`row ${rowNo}: indicator values without an indicator name`);
      flags.push('name_missing');
    } else {
      level3 = cleanText(stripIndicatorLabel(cells[anchor]!));
      if (isGarbled(level3)) { flags.push('ocr_unreadable'); messages.push(`row ${rowNo}: indicator name "${level3}" is unreadable`); level3 = ''; }
    }
    const placed = positional(cells, a, m);
    let v = placed.v;
    const ok = placed.ok;
    if (!ok && !m.split) {
      v = byOrder(cells, a);
      flags.push('layout_shifted');
    }
    const parent = parentOf(curL2, ctx.costLevel1);
    let level1 = curL1;
    if (parent && parent !== curL1) {
      level1 = parent;
      flags.push('level1_from_level2');
    }
    const ind: PerformanceIndicator = {
      form_id: ctx.form_id,
      doc_id: ctx.doc_id,
      seq: indicators.length + 1,
      level1,
      level2: curL2,
      level3,
      target_operator: v.target_operator,
      target: v.target,
      target_unit: v.target_unit,
      actual: v.actual,
      weight: num(v.weight, 'weight', flags, messages, rowNo),
      score: num(v.score, 'score', flags, messages, rowNo),
      deviation_reason: v.deviation_reason,
      flags,
    };
    const page = ctx.rowPages?.[r] ?? ctx.page;
    if (page !== undefined) ind.page = page;
    indicators.push(ind);
  }
  return { indicators, messages, endRow: r };
}
