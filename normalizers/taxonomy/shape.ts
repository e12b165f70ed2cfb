// What a code's digits alone say: system, level, parent, and the conventional 项/款 names.
import type { CodeSystem, Level } from './types.js';

/** The system a code belongs to by its shape: 2xx function, 3xx econ_dept, 5xx econ_gov, 1xx income. */
export function systemOf(code: string): CodeSystem | undefined {
  const c = code.trim();
  if (!/^\d+$/.test(c)) return undefined;
  const n = c.length;
  switch (c[0]) {
    case '2':
      return n === 3 || n === 5 || n === 7 ? 'function' : undefined;
    case '1':
      return n === 3 || n === 5 || n === 7 ? 'income' : undefined;
    case '3':
      return n === 3 || n === 5 ? 'econ_dept' : undefined;
    case '5':
      return n === 3 || n === 5 ? 'econ_gov' : undefined;
    default:
      return undefined;
  }
}

export function levelOf(code: string): Level | undefined {
  switch (code.length) {
    case 3:
      return '类';
    case 5:
      return '款';
    case 7:
      return '项';
    default:
      return undefined;
  }
}

/** Parent by prefix: 7 → 5 → 3 digits; '' for a 类. */
export function parentOf(code: string): string {
  return code.length > 3 ? code.slice(0, code.length - 2) : '';
}

/**
 * A code that could exist: right system shape, a 类 inside the ranges the classifications use,
 * no 00 segment below the 类.
 */
export function isWellFormed(code: string): boolean {
  const sys = systemOf(code);
  if (!sys) return false;
  const cls = Number(code.slice(0, 3));
  const ranges: Record<CodeSystem, [number, number]> = {
    function: [201, 239],
    econ_dept: [301, 399],
    econ_gov: [501, 599],
    income: [101, 110],
  };
  const [lo, hi] = ranges[sys];
  if (cls < lo || cls > hi) return false;
  for (let i = 3; i < code.length; i += 2) if (code.slice(i, i + 2) === '00') return false;
  return true;
}

/** Conventional function 项 suffixes and their names. */
const CONVENTIONAL_ITEM_SUFFIX: Readonly<Record<string, string>> = {
  '01': '行政运行',
  '02': '一般行政管理事务',
  '03': '机关服务',
  '50': '事业运行',
};

/**
 * The "其他…支出" name of a 99 code from its parent's name, following the observed pattern
 * (2101599 其他医疗保障管理事务支出 under 21015 医疗保障管理事务; 2080599 其他行政事业单位养老支出
 * under 20805 行政事业单位养老支出; 2019999 其他一般公共服务支出 under 20199 其他一般公共服务支出;
 * 30399 其他对个人和家庭的补助 under 303 对个人和家庭的补助).
 */
function otherName(parentName: string, system: CodeSystem): string {
  if (!parentName) return '';
  if (parentName.startsWith('其他')) return parentName;
  if (system === 'econ_dept') return `其他${parentName}`;
  if (system === 'econ_gov') {
    const core = parentName.replace(/^机关/, '').replace(/[（(][一二三][)）]$/, '');
    return `其他${core}`;
  }
  const core = parentName.endsWith('支出') ? parentName.slice(0, -2) : parentName;
  return `其他${core}支出`;
}

/**
 * Whether a 款 is an agency-type 款 whose 项 follow the 01 行政运行 / 02 一般行政管理事务 /
 * 03 机关服务 / 50 事业运行 pattern: every 款 of 201 一般公共服务 and 204 公共安全, and 款 named
 * …事务 / …事业 / …管理. Other 款 number their 项 by topic (2101101 行政单位医疗 under 21011
 * 行政事业单位医疗; 2210201 住房公积金 under 22102 住房改革支出), so the pattern is not applied.
 */
function isAgencyKuan(kuanCode: string, kuanName: string): boolean {
  const cls = kuanCode.slice(0, 3);
  if (cls === '201' || cls === '204') return !kuanName.startsWith('其他');
  return /(?:事务|事业|管理)$/.test(kuanName);
}

/** Provisional name of an unseen code from its shape and its parent's name ('' when no rule applies). */
export function conventionalName(code: string, parentName: string, system: CodeSystem): string {
  const suffix = code.slice(-2);
  if (code.length === 3 || !parentName) return '';
  if (suffix === '99') return otherName(parentName, system);
  if (system === 'function' && code.length === 7 && isAgencyKuan(parentOf(code), parentName)) {
    return CONVENTIONAL_ITEM_SUFFIX[suffix] ?? '';
  }
  return '';
}
