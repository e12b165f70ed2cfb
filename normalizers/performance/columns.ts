// The indicator header of a form (一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 |
// 得分 | 偏差原因…) → a column model, including the two-level layout of 001 where 年度目标值 spans
// 运算符号 / 内容 / 度量单位 and 偏差原因分析 spans 经费保障 … 原因说明.
import type { GridCell } from '../../model/types.js';
import { vocabKey } from './text.js';

export type ColumnRole =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'target' // printed target, operator and unit inside (`≥2800 件`)
  | 'op' // 运算符号
  | 'value' // 内容 / 指标值 of a split target
  | 'unit' // 度量单位
  | 'actual'
  | 'weight'
  | 'score'
  | 'deviation' // 偏差原因 text or one of its category sub-columns
  | 'measures' // 改进措施 in its own column
  | 'ignore';

export interface ColumnModel {
  headerRow: number;
  /** rows the header takes (2 with a sub-header row) */
  headerRows: number;
  roles: Map<number, ColumnRole>;
  /** header label per column (sub-header label where there is one) */
  labels: Map<number, string>;
  col: Partial<Record<ColumnRole, number>>;
  /** columns of the deviation group, in order */
  deviationCols: number[];
  split: boolean;
}

function roleOf(label: string, splitHeader: boolean): ColumnRole {
  const k = vocabKey(label);
  if (k === '') return 'ignore';
  if (/^一级指标/.test(k)) return 'level1';
  if (/^二级指标/.test(k)) return 'level2';
  if (/^三级指标/.test(k)) return 'level3';
  if (/运算符号|^运算/.test(k)) return 'op';
  if (/度量单位|^度量/.test(k)) return 'unit';
  if (/^内容$/.test(k)) return 'value';
  if (/^指标值$/.test(k)) return splitHeader ? 'value' : 'target';
  if (/(年度|全年)?(指标|目标)值$|^目标值/.test(k) && !/完成/.test(k)) return 'target';
  if (/完成值|实际值|实际完成/.test(k)) return 'actual';
  if (/完成程度|完成率/.test(k)) return 'ignore';
  if (/^(指标)?分值$|^权重/.test(k)) return 'weight';
  if (/得分|自评分/.test(k)) return 'score';
  if (/偏差|未完成原因|原因分析|原因说明|保障|^其他/.test(k)) return 'deviation';
  if (/改进措施/.test(k)) return 'measures';
  return 'ignore';
}

const SUB_HEADER = /运算|符号|^内容$|度量|单位|保障|原因说明|^其他/;

function texts(row: GridCell[] | undefined): string[] {
  return (row ?? []).map((c) => c.text);
}

/** The row index of the indicator header: a row with both 一级指标 and 三级指标. */
export function findIndicatorHeader(rows: GridCell[][]): number {
  return rows.findIndex((r) => {
    const ks = r.map((c) => vocabKey(c.text));
    return ks.some((k) => /^一级指标/.test(k)) && ks.some((k) => /^三级指标/.test(k));
  });
}

export function columnModel(rows: GridCell[][], headerRow: number): ColumnModel {
  const top = texts(rows[headerRow]);
  const next = texts(rows[headerRow + 1]);
  const hasSub =
    next.some((t) => SUB_HEADER.test(vocabKey(t))) &&
    next.every((t) => t.trim() === '' || SUB_HEADER.test(vocabKey(t)) || /原因|措施/.test(t));
  const roles = new Map<number, ColumnRole>();
  const labels = new Map<number, string>();
  const splitHeader = top.some((t) => /运算符号/.test(vocabKey(t))) || (hasSub && next.some((t) => /运算|度量/.test(vocabKey(t))));
  if (!hasSub) {
    top.forEach((t, i) => {
      roles.set(i, roleOf(t, splitHeader));
      labels.set(i, vocabKey(t));
    });
  } else {
    // the top row prints spanning labels once (no blank cells for the span): walk it against the
    // sub-header, letting a top label cover the run of sub-labels under it
    let p = 0;
    for (const t of top) {
      if (t.trim() === '') { p++; continue; }
      const topRole = roleOf(t, splitHeader);
      if ((next[p] ?? '').trim() !== '') {
        while (p < next.length && (next[p] ?? '').trim() !== '') {
          const sub = next[p]!;
          const r = roleOf(sub, true);
          roles.set(p, topRole === 'deviation' ? 'deviation' : r === 'ignore' ? topRole : r);
          labels.set(p, vocabKey(sub));
          p++;
        }
      } else {
        roles.set(p, topRole);
        labels.set(p, vocabKey(t));
        p++;
      }
    }
  }
  const col: Partial<Record<ColumnRole, number>> = {};
  const deviationCols: number[] = [];
  for (const [i, r] of [...roles.entries()].sort((a, b) => a[0] - b[0])) {
    if (r === 'deviation') deviationCols.push(i);
    if (col[r] === undefined) col[r] = i;
  }
  return {
    headerRow,
    headerRows: hasSub ? 2 : 1,
    roles,
    labels,
    col,
    deviationCols,
    split: col.op !== undefined || col.value !== undefined,
  };
}
