// The form's own fields: 项目名称 / 主管部门 / 实施单位, the year, the 项目资金 block, 总分, 评价等级.
import type { GridCell } from '../../model/types.js';
import { parseNumber } from '../values/numbers.js';
import { cleanText, isGarbled, vocabKey } from './text.js';

interface FormFields {
  project: string;
  issuer: string;
  implementing_unit: string;
  budget_initial: string;
  budget_full_year: string;
  executed: string;
  execution_rate: string;
  funds_weight: string;
  funds_score: string;
  total_score: string;
  grade: string;
}

type Field = keyof FormFields;

/** Label cells printed before their value (the value is the next non-empty cell). */
const KEY_VALUE: [RegExp, Field][] = [
  [/^(项目名称|专项名称|项目\(政策\)名称|政策名称|部门\(单位\)名称|部门名称|单位名称)$/, 'project'],
  [/^主管部门$/, 'issuer'],
  [/^实施单位$/, 'implementing_unit'],
  [/^部门年初预算支出金额$/, 'budget_initial'],
  [/^项目预算金额(\(万元\))?$/, 'budget_full_year'],
  [/^全年执行数$/, 'executed'],
  [/^执行率(\(%\))?$/, 'execution_rate'],
  [/^预算执行率得分$/, 'funds_score'],
  [/^评价等级$/, 'grade'],
];

const TOTAL = /^(总分值、?评价总分|总分|合计|绩效自评总得分|总评价得分|自评总分|评价总分)/;
const ANY_LABEL = /^(项目名称|专项名称|项目\(政策\)名称|部门\(单位\)名称|单位名称|主管部门|实施单位|项目概况|主要成效|项目预算金额|全年执行数|执行率|年初预算数|全年预算数|分值|得分|减分项|指标自评得分小计|预算执行率得分|绩效自评总得分|评价等级|部门年初预算)/;

/** 项目资金 header labels → fields, matched in the header row's column order. */
const FUNDS: [RegExp, Field][] = [
  [/^年初预算数/, 'budget_initial'],
  [/^全年预算数/, 'budget_full_year'],
  [/^全年执行数/, 'executed'],
  [/^分值/, 'funds_weight'],
  [/^执行率/, 'execution_rate'],
  [/^得分/, 'funds_score'],
];

const NUMERIC: Set<Field> = new Set(['budget_initial', 'budget_full_year', 'executed', 'execution_rate', 'funds_weight', 'funds_score', 'total_score']);

function key(t: string): string {
  return vocabKey(t).replace(/[\s]/g, '');
}

interface FieldResult {
  fields: FormFields;
  flags: string[];
  messages: string[];
}

function numberField(raw: string, label: string, flags: string[], messages: string[]): string {
  const t = raw.trim();
  if (t === '') return '';
  const n = parseNumber(t);
  if (n && n.dash) return ''; // — : not applicable
  if (n && !n.clean.startsWith('-')) return n.clean;
  if (isGarbled(t) && !flags.includes('ocr_unreadable')) flags.push('ocr_unreadable');
  messages.push(`${label}: "${t}" is not a number`);
  return '';
}

/** Fields from the rows outside the indicator list (rows[skipFrom..skipTo) are indicator rows). */
export function readFields(rows: GridCell[][], skipFrom: number, skipTo: number): FieldResult {
  const fields: FormFields = {
    project: '', issuer: '', implementing_unit: '', budget_initial: '', budget_full_year: '', executed: '',
    execution_rate: '', funds_weight: '', funds_score: '', total_score: '', grade: '',
  };
  const flags: string[] = [];
  const messages: string[] = [];
  const set = (f: Field, raw: string, label: string) => {
    if (fields[f] !== '') return;
    if (NUMERIC.has(f)) { fields[f] = numberField(raw, label, flags, messages); return; }
    const t = cleanText(raw).replace(/[-—]+$/, '');
    if (isGarbled(t)) {
      if (!flags.includes('ocr_unreadable')) flags.push('ocr_unreadable');
      messages.push(`${label}: "${t}" is unreadable`);
      return;
    }
    fields[f] = t;
  };
  for (let r = 0; r < rows.length; r++) {
    if (r >= skipFrom && r < skipTo) continue;
    const cells = rows[r]!.map((c) => c.text);
    const keys = cells.map(key);
    // the 项目资金 block: header row, then the 年度资金总额 row
    if (keys.some((k) => /^年初预算数/.test(k)) && keys.some((k) => /^全年执行数/.test(k))) {
      const total = rows.slice(r + 1, r + 4).find((row) => row.some((c) => /^(年度资金总额|资金总额|合计)/.test(key(c.text))));
      if (total) {
        const tcells = total.map((c) => c.text);
        const firstHeader = keys.findIndex((k) => FUNDS.some(([re]) => re.test(k)));
        const firstValue = tcells.findIndex((t) => parseNumber(t) !== null);
        const shift = firstValue >= 0 && firstHeader >= 0 ? firstValue - firstHeader : 0;
        keys.forEach((k, i) => {
          const hit = FUNDS.find(([re]) => re.test(k));
          if (hit) set(hit[1], tcells[i + shift] ?? '', cells[i]!.trim());
        });
      } else messages.push('项目资金: no 年度资金总额 row');
      continue;
    }
    for (let i = 0; i < cells.length; i++) {
      const k = keys[i]!;
      if (!k) continue;
      if (TOTAL.test(k)) {
        // the last number before the next label: 总分 | 100 | 97.75 → 97.75 (分值 then 得分)
        let last = '';
        for (let j = i + 1; j < cells.length; j++) {
          const t = cells[j]!.trim();
          if (!t) continue;
          if (parseNumber(t) === null) { if (ANY_LABEL.test(keys[j]!) || TOTAL.test(keys[j]!)) break; continue; }
          last = t;
        }
        if (last) set('total_score', last, cells[i]!.trim());
        continue;
      }
      const hit = KEY_VALUE.find(([re]) => re.test(k));
      if (!hit) continue;
      let value = '';
      for (let j = i + 1; j < cells.length; j++) {
        const t = cells[j]!;
        if (!t.trim()) continue;
        if (ANY_LABEL.test(keys[j]!) || KEY_VALUE.some(([re]) => re.test(keys[j]!))) break;
        value = t;
        break;
      }
      if (value) set(hit[1], value, cells[i]!.trim());
    }
  }
  return { fields, flags, messages };
}

/** The year of the form: `(2022 年度)`, `（2023年度）`, `年度: 2023年`. */
export function findYear(texts: string[]): string {
  for (const t of [...texts].reverse()) {
    const c = t.replace(/\s+/g, '');
    const m = /[(（](\d{4})年度?[)）]/.exec(c) ?? /年度[:：](\d{4})/.exec(c) ?? /^(\d{4})年度$/.exec(c);
    if (m) return m[1]!;
  }
  return '';
}
