// Header words as printed → what they say in any table kind: a level is normalised (unit in
// brackets, a leading year, a leading 其中： removed), and generic words (合计/小计/总计/支出总计 as a
// total, 预算数/金额 as the value, 增减 as a change, 数量 as a count) are named by their role.
// The vocabulary is data: normalizers/knowledge/header-vocabulary.json.
import { readKnowledgeJson } from '../knowledge/load.js';
import { headerKey } from '../values/labels.js';

interface VocabularyFile {
  unit_in_brackets: string;
  unit_suffix: string;
  year_prefix: string;
  lead_words: string;
  roles: [string, string][];
  non_money_roles: string[];
  sources: [string, string][];
  current_period: string;
}

type HeaderRole = 'total' | 'value' | 'change_vs_prior_year' | 'change_rate_vs_prior_year' | 'quantity' | 'prior_year' | '';

interface Compiled {
  unitInBrackets: RegExp;
  unitSuffix: RegExp;
  yearPrefix: RegExp;
  leadWords: RegExp;
  roles: [RegExp, HeaderRole][];
  nonMoney: Set<string>;
  sources: [RegExp, string][];
  currentPeriod: RegExp;
}

let cache: Compiled | null = null;

function vocabulary(): Compiled {
  if (cache) return cache;
  const f = readKnowledgeJson<VocabularyFile>('header-vocabulary.json');
  cache = {
    unitInBrackets: new RegExp(f.unit_in_brackets, 'g'),
    unitSuffix: new RegExp(f.unit_suffix),
    yearPrefix: new RegExp(f.year_prefix),
    leadWords: new RegExp(f.lead_words),
    roles: f.roles.map(([p, r]) => [new RegExp(p), r as HeaderRole]),
    nonMoney: new Set(f.non_money_roles),
    sources: f.sources.map(([p, s]) => [new RegExp(p), s]),
    currentPeriod: new RegExp(f.current_period),
  };
  return cache;
}

export interface HeaderLevel {
  /** the level's words, normalised for matching */
  text: string;
  /** a year printed before the words (2025年预算数 → 2025) */
  year?: number;
  /** the level as printed, white space removed */
  printed: string;
}

/** One header level normalised: white space and brackets as headerKey, the unit in brackets
 *  (（单位：万元）), a leading 其中： and a leading year removed (the year kept apart). */
export function normaliseLevel(raw: string): HeaderLevel {
  const v = vocabulary();
  let t = raw.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  // a unit in brackets goes, but a percent stays a percent (增减(%) is a rate, 增减额 an amount)
  t = t.replace(v.unitInBrackets, (m) => (/[%％]/.test(m) ? '%' : ''));
  t = t.replace(v.leadWords, '');
  let year: number | undefined;
  const y = v.yearPrefix.exec(t);
  if (y) {
    // a level that is only a year (2021年 over its columns) keeps the year and no words
    year = Number(y[1]);
    t = t.slice(y[0].length);
  }
  t = t.replace(v.leadWords, '');
  const withoutUnit = t.replace(v.unitSuffix, '');
  if (withoutUnit !== '') t = withoutUnit;
  const out: HeaderLevel = { text: headerKey(t), printed: raw.replace(/[\s\u3000]+/g, '') };
  if (year !== undefined) out.year = year;
  return out;
}

/** The levels of a flattened header (`本年支出 / 基本支出`), normalised. */
export function headerLevels(header: string): HeaderLevel[] {
  return header
    .split(' / ')
    .map(normaliseLevel)
    .filter((l) => l.text !== '' || l.year !== undefined);
}

/** The generic role of a normalised level's words, or ''. */
export function roleOf(text: string): HeaderRole {
  for (const [re, r] of vocabulary().roles) if (re.test(text)) return r;
  return '';
}

/** A measure id that is not an amount of money (a rate, a count). */
export function isNonMoneyMeasure(measure: string): boolean {
  return measure.split('.').some((part) => vocabulary().nonMoney.has(part));
}

/** The source of funds a level names (一般公共预算 → general_budget), or ''. */
export function sourceOf(text: string): string {
  for (const [re, s] of vocabulary().sources) if (re.test(text)) return s;
  return '';
}

/** Two levels that print the same words for the same year. */
export function sameLevel(a: HeaderLevel, b: HeaderLevel): boolean {
  return a.text === b.text && a.year === b.year;
}

/** A level that names the current year's figures (当年, 本年预算) as opposed to a carryover or a prior year. */
export function isCurrentPeriod(text: string): boolean {
  return vocabulary().currentPeriod.test(text);
}
