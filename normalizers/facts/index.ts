// Understood tables → facts: one per printed number, with its code resolved and named by the
// taxonomy of the document's fiscal year, its unit converted to 元 exactly, and its provenance.
import type { Fact, Table, TableRow } from '../../model/types.js';
import { parseNumber } from '../values/numbers.js';
import { toYuan } from '../values/units.js';
import { cleanLabel, numberingStyle, stripNumbering } from '../values/labels.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { editDistance } from '../taxonomy/text.js';
import { readKnowledgeJson } from '../knowledge/load.js';
import { isNonMoneyMeasure } from '../tables/header-words.js';
import { OCR_KIND_INFERRED, OCR_KIND_UNKNOWN } from '../tables/classify.js';
import { kindById, measuresNearlyNamed } from '../tables/kinds.js';
import { valueSource } from './provenance.js';
import { classFromChildren, reparentOcrCodes } from './ocr-parents.js';
import { pairMisreadClosers, pairMisreadOpeners, restoreLostClosers } from './ocr-brackets.js';
import { restorePlacePrefixes, withIssuerName } from './ocr-unit-names.js';
import { restoreFromColumn } from './ocr-label-context.js';
import { regroupOcrCodes } from './ocr-code-groups.js';
import { classesByStrokes, dashedFour, repairStrokeLoss } from './ocr-code-strokes.js';
import { spannedCodes } from './ocr-spanned-codes.js';
import { gluedCode } from './ocr-glued-codes.js';
import { sideLabelsBySums, sideTotalsByGrand } from './ocr-side-labels.js';
import { totalByIdentity } from './ocr-total-label.js';
import { fundPartsBySum } from './ocr-fund-parts.js';
import { percentSignsRead } from './ocr-percent-sign.js';

interface FactContext {
  doc_id: string;
  fiscal_year: string;
  /** the unit to assume when a table prints none (the document's most common unit) */
  defaultUnit: string;
  /** the flag of a money fact whose table prints no unit (units.ts unitDoubt): '' when the
   *  document's tables print one unit only */
  unitFlag?: string;
  taxonomy: Taxonomy;
  /** an OCR'd table that carries on the one of its kind on the page before: the 类 and 款 of that
   *  one's last coded row, the context its first rows' lost codes are inferred under */
  carried?: { cls: string; kuan: string };
  /** the department that publishes the document (units' names in OCR'd tables are put right by it) */
  issuer?: string;
}

/** Sections and kinds whose name-only rows are function 类 (一、一般公共服务支出 → 201). */
function namesAreFunctionClasses(table: Table, section: string): boolean {
  if (section === 'expenditure') return true;
  return false;
}

/** A name-only row's code and the label written for it; `fuzzy` when the name was matched to the
 *  taxonomy only approximately (OCR_NAME_FUZZY). */
interface ResolvedName {
  code: string;
  item: string;
  fuzzy?: true;
}

/** a number whose row name OCR misread and the taxonomy matched only approximately (一、般公共服务支出
 *  → 201): the item is written as the matched name after the printed list number */
export const OCR_NAME_FUZZY = 'ocr_name_fuzzy';
/** a number of an OCR'd table whose column header was misread and whose measure was inferred from
 *  the table's structure (normalizers/tables/ocr-measures.ts) */
export const OCR_MEASURE_INFERRED = 'ocr_measure_inferred';

/** An OCR'd name resolved by a fuzzy match: its list number as printed, then the name matched. */
function fuzzyName(printed: string, code: string, name: string): ResolvedName {
  const label = cleanLabel(printed).normalize('NFKC');
  const rest = stripNumbering(label);
  return { code, item: label.slice(0, label.length - rest.length) + name, fuzzy: true };
}

const OCR_ORDINAL = /^([一二三四五六七八九十]{1,3})(?![、.．)）])/;

/** A name-only row of a 总表's expenditure side → its function 类. Read by OCR, the list number is
 *  often damaged: its 、 lost (四教育支出, 八P生健康支出) or the number misread (人\社会保障和就业支出
 *  for 六、). The name is then also resolved without the number — a bare number (its 、 written
 *  back: 四、教育支出), or one or two unreadable leading characters (dropped) when what follows is
 *  exactly a 类 name — an exact or alias match winning over a fuzzy one. */
function resolveClassName(printed: string, ocr: boolean, ctx: FactContext): ResolvedName | undefined {
  const opts = { system: 'function' as const, level: '类' as const, year: ctx.fiscal_year };
  const hit = ctx.taxonomy.resolveName(stripNumbering(printed), opts);
  // read by OCR and named only by a fuzzy match: written as the 类's name, flagged
  const whole = hit ? (ocr && hit.method === 'fuzzy' ? fuzzyName(printed, hit.code, hit.entry.name) : { code: hit.code, item: printed }) : undefined;
  if (!ocr || (hit && hit.method !== 'fuzzy')) return whole;
  const label = cleanLabel(printed);
  const m = OCR_ORDINAL.exec(label);
  if (m) {
    const rest = label.slice(m[1]!.length);
    const bare = ctx.taxonomy.resolveName(rest, opts);
    if (bare && (!hit || bare.method !== 'fuzzy' || bare.score > hit.score)) return bare.method === 'fuzzy' ? fuzzyName(`${m[1]}、${rest}`, bare.code, bare.entry.name) : { code: bare.code, item: `${m[1]}、${rest}` };
  }
  for (const k of [1, 2]) {
    const rest = label.slice(k);
    if (Array.from(rest).length < 4) break;
    const bare = ctx.taxonomy.resolveName(rest, opts);
    // (the list number's 、 or point left before the name goes with the numeral read wrong:
    // 产、科学技术支出 is 科学技术支出) — but a 类's own 其他 款 (其他交通运输支出, 21499) is that 款,
    // its first characters words, not a list number
    if (bare && bare.method !== 'fuzzy' && ctx.taxonomy.lookup(`${bare.code}99`)?.name !== label) return { code: bare.code, item: rest.replace(/^[、.．,，:：;；·]+/, '') };
  }
  return whole;
}

/** Where a name-only row sits in the function classification: the 类 and 款 printed (or resolved)
 *  above it in the same section, and the numbering the 类 rows are printed with. */
interface ClassContext {
  cls: string;
  kuan: string;
  /** the list numbering of the rows resolved as 类 ('' unnumbered; undefined before the first) */
  classStyle?: string;
  /** the codes rows above resolved to (an approximate name takes none of them) */
  taken: Set<string>;
}

/** A name-only row of a 总表's expenditure side, read in the order printed: a 类 (resolveClassName),
 *  or a 款 of the 类 above it, or a 项 of the 款 above it, where the 总表 prints the whole tree
 *  by name (一、教育支出 / 进修及培训 / 培训支出). Names recur across the tree (住房保障 is the 类
 *  住房保障支出 by alias and the 款 21908 under 援助其他地区支出), so the place decides: a row
 *  numbered unlike the 类 rows is not a 类, and of two matches the exact name wins over an alias;
 *  the 类 otherwise. Below a 类 only exact or alias matches are taken from a text layer; a name read
 *  by OCR may be approximate among the children of the code above (SIBLING_FUZZY_MIN, 行政事业单位
 *  养老戈出 under 208), a code no row above took, and no 类 named by it: written as the child's
 *  name, flagged ocr_name_fuzzy (the 总表's sums then check the value it names). */
function resolveInContext(printed: string, ocr: boolean, ctx: FactContext, at: ClassContext): ResolvedName | undefined {
  const asClass = resolveClassName(printed, ocr, ctx);
  const name = stripNumbering(printed);
  const under = (parent: string) => {
    if (!parent) return undefined;
    const hit = ctx.taxonomy.resolveName(name, { system: 'function', parent, year: ctx.fiscal_year });
    if (!hit || hit.code.length !== parent.length + 2) return undefined;
    if (hit.method === 'fuzzy' && !(ocr && hit.score >= SIBLING_FUZZY_MIN && Array.from(name).length >= SIBLING_FUZZY_MIN_CHARS && !at.taken.has(hit.code))) return undefined;
    return hit;
  };
  const inner = under(at.kuan) ?? under(at.cls);
  const style = numberingStyle(printed);
  let pick: ResolvedName | undefined = asClass;
  if (inner) {
    const classMethod = asClass ? ctx.taxonomy.resolveName(stripNumbering(asClass.item), { system: 'function', level: '类', year: ctx.fiscal_year })?.method : undefined;
    const numberedAsClass = at.classStyle !== undefined && at.classStyle !== '' && style === at.classStyle;
    const unlikeClass = at.classStyle !== undefined && at.classStyle !== '' && style !== at.classStyle;
    if (inner.method === 'fuzzy') {
      if (!asClass || (unlikeClass && asClass.fuzzy)) pick = fuzzyName(printed, inner.code, inner.entry.name);
    } else if (!asClass || unlikeClass || (!numberedAsClass && inner.method === 'exact' && classMethod !== 'exact')) pick = { code: inner.code, item: printed };
  }
  if (!pick) return undefined;
  at.taken.add(pick.code);
  if (pick.code.length === 3) {
    at.cls = pick.code;
    at.kuan = '';
    at.classStyle ??= style;
  } else if (pick.code.length === 5) at.kuan = pick.code;
  return pick;
}

export const OCR_CODE_REPAIRED = 'ocr_code_repaired';
/** a number whose column header names no measure (of the table's kind, or any generic one): what
 *  the number is, is not known; `measure_label` keeps the printed header */
const MEASURE_UNKNOWN = 'measure_unknown';
const isRateMeasure = (m: string): boolean => m.split('.').includes('change_rate_vs_prior_year');
export const OCR_CODE_UNREAD = 'ocr_code_unread';
/** a label of an OCR'd two-sided 总表, or of an OCR'd table whose rows print no codes, left without
 *  a code, that is none of the standard row labels */
export const OCR_LABEL_UNCHECKED = 'ocr_label_unchecked';
/** a number of an OCR'd table of a known kind in a column whose header names no measure of the kind */
const OCR_HEADER_UNREAD = 'ocr_header_unread';
/** a number of an OCR'd table in a column whose header's words name two of the kind's measures (two
 *  headers read as one cell: 政府性基金国有资本经营): which of the two columns it sits in is in doubt */
export const OCR_HEADER_MERGED = 'ocr_header_merged';

/** A code OCR misread by one digit (21014 for 21011 行政事业单位医疗): the taxonomy does not know it
 *  or names it otherwise, while the printed name is exactly (or by a known alias) the name of a
 *  code under the same parent that differs from the read one in one digit. That code is taken;
 *  the facts carry `ocr_code_repaired`. */
function repairOcrCode(code: string, item: string, ctx: FactContext): string | undefined {
  if (!/^\d{5}$|^\d{7}$/.test(code) || !item) return undefined;
  const system = ctx.taxonomy.systemOf(code);
  if (!system || ctx.taxonomy.checkName(code, item, ctx.fiscal_year).ok) return undefined;
  const hit = ctx.taxonomy.resolveName(stripNumbering(item), { system, parent: code.slice(0, -2), year: ctx.fiscal_year });
  if (!hit || hit.method === 'fuzzy' || hit.code.length !== code.length) return undefined;
  let diff = 0;
  for (let i = 0; i < code.length; i++) if (code[i] !== hit.code[i]) diff++;
  return diff === 1 ? hit.code : undefined;
}

/** A 款 or 项 code an OCR'd table prints on two rows of one section (`printed.twice`: each code is
 *  printed once, so one of the two misread it: 2101199 read 2101102 under 21011), on the row whose
 *  name it does not name: the sibling that name is (exactly, or approximately as SIBLING_FUZZY_MIN
 *  allows: 其他行政事业单位医疗支蚊) under the same parent, of the same level, that no row of the
 *  table prints. The identities of the parent (21011 = Σ its 项) then test the row's values. */
function repairTwicePrinted(code: string, item: string, ctx: FactContext, printed: { twice: ReadonlySet<string>; all: ReadonlySet<string> }): string | undefined {
  if (!/^\d{5}$|^\d{7}$/.test(code) || !item || !printed.twice.has(code)) return undefined;
  const system = ctx.taxonomy.systemOf(code);
  const name = stripNumbering(item);
  if (!system || ctx.taxonomy.checkName(code, item, ctx.fiscal_year).ok) return undefined;
  const hit = ctx.taxonomy.resolveName(name, { system, parent: code.slice(0, -2), year: ctx.fiscal_year });
  if (!hit || hit.code.length !== code.length || printed.all.has(hit.code)) return undefined;
  if (hit.method === 'fuzzy' && !(hit.score >= SIBLING_FUZZY_MIN && Array.from(name).length >= SIBLING_FUZZY_MIN_CHARS)) return undefined;
  return hit.code;
}

const TOTAL_ROW = /^(合计|总计|小计|本年|收入|支出)/;
/** a total's words are six characters at most (本年收入合计) */
const TOTAL_WORDS_MAX = 6;

/** A lost code's row named only approximately (a misread character, the code's part read into the
 *  label: 因事业单位医疗, D5机关事业单位基本养老保险播费支出) is taken among the children of the code
 *  above when the taxonomy's fuzzy match scores this much (its floor is 0.75, with a margin of 0.15
 *  over the next sibling) on a name of this many characters or more. */
const SIBLING_FUZZY_MIN = 0.8;
const SIBLING_FUZZY_MIN_CHARS = 5;

/** Codes OCR lost in a table whose code columns are 类 | 款 | 项 (or one code column): a row with a
 *  name and amounts but no code, between rows whose codes were read. Its name is looked up in the
 *  taxonomy as a 款 under the 类 above, a 项 under the 款 above (or, printing its 项 part, under the
 *  类 above), or a 类 (exact or alias names; an approximate name only among the children of the code
 *  above, SIBLING_FUZZY_MIN, and never a code another row prints);
 *  taken when exactly one of these names it and, where the row printed its own 款 or 项 part
 *  (code_hint), the part agrees; a row whose name is unreadable takes the part it printed under the
 *  context above, when that makes a known code. A row taken this way gives the rows below their
 *  context. A table that carries on the one on the page before (ctx.carried) starts under that
 *  one's last code: its first rows, above any code read on the page, are 款 and 项 of it too. */
function inferLostCodes(table: Table, ctx: FactContext): Map<TableRow, string> {
  const out = new Map<TableRow, string>();
  const printed = table.rows.filter((r) => /^\d{3}(\d{2}){0,2}$/.test(r.code));
  // (a table carried on from the page before prints codes there: a page of it may print none)
  if (printed.length < 2 && !ctx.carried) return out;
  const system = ctx.taxonomy.systemOf(printed[0]?.code ?? ctx.carried!.cls);
  if (!system) return out;
  const printedCodes = new Set(printed.map((r) => r.code));
  // rows taken by an approximate name, by block and code: two rows so near one code take neither
  const approximate = new Map<string, TableRow[]>();
  const context = new Map<number, { cls: string; kuan: string }>();
  // (a table carried on from the page before starts under that page's last code: one block only)
  if (ctx.carried && new Set(table.rows.map((r) => r.block)).size === 1) context.set(table.rows[0]!.block, { ...ctx.carried });
  for (const r of table.rows) {
    const c = context.get(r.block) ?? { cls: '', kuan: '' };
    context.set(r.block, c);
    let code = /^\d{3}(\d{2}){0,2}$/.test(r.code) ? r.code : '';
    const name = stripNumbering(r.item);
    if (!code && name && r.values.length && !TOTAL_ROW.test(name)) {
      let fuzzy = false;
      const look = (level: '类' | '款' | '项', parent?: string, prefix?: string): string | undefined => {
        if (level !== '类' && !parent && !prefix) return undefined;
        const hit = ctx.taxonomy.resolveName(name, { system, level, ...(parent ? { parent } : {}), year: ctx.fiscal_year });
        if (!hit || (prefix && !hit.code.startsWith(prefix))) return undefined;
        // approximately named: only among the children of the code read above, near enough, and a
        // code no row of the table prints (因事业单位医疗, the 项 part read into the label, under 21011)
        if (hit.method === 'fuzzy' && !(parent && hit.score >= SIBLING_FUZZY_MIN && Array.from(name).length >= SIBLING_FUZZY_MIN_CHARS && !printedCodes.has(hit.code))) return undefined;
        if (r.code_hint && (r.code_hint.level !== level || !hit.code.endsWith(r.code_hint.part))) return undefined;
        if (hit.method === 'fuzzy') fuzzy = true;
        return hit.code;
      };
      // a 项 whose 款 above was not read either: its name among all 项 names, under the 类 above
      const found = [look('款', c.cls), look('项', c.kuan), r.code_hint ? undefined : look('类'), c.cls && r.code_hint?.level === '项' ? look('项', undefined, c.cls) : undefined].filter((x): x is string => !!x);
      // its name unreadable, the part it printed under the context above, where that is a known code
      const parent = r.code_hint?.level === '项' ? c.kuan : r.code_hint?.level === '款' ? c.cls : '';
      const carried = !found.length && parent && r.code_hint ? parent + r.code_hint.part : '';
      const known = carried ? ctx.taxonomy.lookup(carried, ctx.fiscal_year) : undefined;
      if (known && !known.provisional) found.push(carried);
      if (new Set(found).size === 1) {
        code = found[0]!;
        out.set(r, code);
        if (fuzzy) approximate.set(`${r.block}|${code}`, [...(approximate.get(`${r.block}|${code}`) ?? []), r]);
      }
    }
    if (code) {
      c.cls = code.slice(0, 3);
      c.kuan = code.length >= 5 ? code.slice(0, 5) : '';
    }
  }
  for (const rows of approximate.values()) if (rows.length > 1) for (const r of rows) out.delete(r);
  return out;
}

let rowLabels: string[] | undefined;
/** a list number 一 read as one or two dashes (--、财政拨款收入): no other numeral looks like one */
const DASH_NO = /^[-－—―_~]{1,2}(?=[、.．])/;
/** a label's words: its list number (a dashed 一 included) left out */
const wordsOf = (label: string): string => stripNumbering(cleanLabel(label).replace(DASH_NO, '一'));
/** a speck read after a list number's 、 (八、.社会保障和就业支出), or for it (四:科学技术支出): a list
 *  item's text follows its 、 directly, and no list number is printed with a colon, a semicolon, a
 *  comma or a quote (a point is: 二.政府性基金, kept) */
const LIST_SPECK = /^((?:其中[:：])?[(（]?[一二三四五六七八九十]{1,3}[)）]?)(?:、[.,:;'"`|\\]+|[,:;'"`|\\]+)(?=[\u3400-\u9fff])/;
/** An OCR'd label with its list number's 、 as printed: the speck read after it, or for it, taken off. */
export function withoutListSpeck(label: string): string {
  return label.replace(LIST_SPECK, '$1、');
}
const LIST_NO = /^((?:其中[:：])?(?:[(（]?[一二三四五六七八九十]{1,3}[)）、.．]|[(（]\d{1,2}[)）]|\d{1,2}[、.．])?)([一二三四五六七八九十]{1,3}(?![、.．)）]))?/;

/** A name-only row's label in an OCR'd table put right against the standard row labels
 *  (knowledge/row-labels.json): one character misread in a label of six or more (一航公共预算财政拨款
 *  收入), two in one of ten or more, or a list number whose 、 was lost (一财政拨款收入 →
 *  一、财政拨款收入) or whose 一 was read as dashes (--、财政拨款收入). The label as read otherwise. */
export function repairOcrLabel(printed: string): string {
  rowLabels ??= readKnowledgeJson<{ labels: string[] }>('row-labels.json').labels;
  const label = cleanLabel(printed).replace(DASH_NO, '一');
  const dashed = label !== cleanLabel(printed);
  const m = LIST_NO.exec(label)!;
  const numeral = m[2] ?? '';
  const after = label.slice((m[1] ?? '').length + numeral.length);
  // a numeral word's last 一 before 般 is 一般's (一一般… : 一、一般…)
  const bare = numeral.length > 1 && numeral.endsWith('一') && after.startsWith('般') ? numeral.slice(0, -1) : numeral;
  const prefix = (m[1] ?? '') + (bare ? bare + '、' : '');
  const rest = label.slice((m[1] ?? '').length + bare.length);
  const exact = (t: string) => rowLabels!.includes(t);
  if (bare && exact(bare + rest)) return printed; // a label that starts with a numeral word
  if (exact(rest)) return bare ? prefix + rest : dashed ? label : printed;
  const near = (t: string): string | undefined => {
    const len = Array.from(t).length;
    if (len < 6) return undefined;
    // one character in a label of six or more, two in one of ten or more, one in four from twelve
    const most = len >= 12 ? Math.floor(len / 4) : len >= 10 ? 2 : 1;
    // the nearest label, when no other is as near (一航公共预算财政拨款收入: 一般公共预算财政拨款收入 at
    // one edit, not 一般公共预算拨款收入 at three)
    const hits = rowLabels!.filter((l) => Math.abs(Array.from(l).length - len) <= most).map((l) => ({ l, d: editDistance(l, t) })).filter((h) => h.d <= most).sort((a, b) => a.d - b.d);
    return hits.length && (hits.length === 1 || hits[0]!.d < hits[1]!.d) ? hits[0]!.l : undefined;
  };
  // the numeral word read as the label's first character (一航… for 一般…), or a list number before it
  const whole = bare ? near(bare + rest) : undefined;
  if (whole) return (m[1] ?? '') + whole;
  const part = near(rest);
  return part ? prefix + part : printed;
}

/** a number of an OCR'd table read without the decimals the other numbers of its column print
 *  (2228 among 497.53, 10685.56 …): its decimal part (or its point) may have been lost */
export const OCR_DECIMALS_LOST = 'ocr_decimals_lost';
/** a number read with marks or letters left of its digits, dropped (tables/understand.ts
 *  amountAfterMarks): a digit may have been among them */
export const OCR_MARKS_STRIPPED = 'ocr_marks_stripped';

/** a rate of an OCR'd table read with a third decimal 7 that was its % sign, dropped (every rate of
 *  its column read with a third decimal reads a 7 there, two at least: ocr-percent-sign.ts) */
const OCR_PERCENT_SIGN = 'ocr_percent_sign';

/** a number of an OCR'd table read with more decimals than the other numbers of its column print
 *  (160.787 among 165.18, 2113.68 …): a speck or a broken stroke read as a digit */
export const OCR_DECIMALS_EXTRA = 'ocr_decimals_extra';

/** Flags OCR_DECIMALS_LOST: in a column whose non-zero numbers print two decimals (half of them at
 *  least, three at least: a scan loses the points of many), a non-zero number read without a
 *  decimal point or with one decimal; a zero read with one decimal (0.0 for 0.01: no column of x.xx
 *  prints a zero so), with a % after fewer than two (0.0%), or with none where the column's other
 *  zeros print two (0 among 0.00), in such a column or one whose zeros print two decimals by the
 *  same counts;
 *  and OCR_DECIMALS_EXTRA: one read with more than two. A column is what `columnOf`
 *  names (a table's column index; across a table's pages, its kind and measure). */
function flagLostDecimals(facts: Fact[], columnOf: (f: Fact) => string | number = (f) => f.col): void {
  const byCol = new Map<string | number, Fact[]>();
  const zeros = new Map<string | number, Fact[]>();
  for (const f of facts) {
    const m = f.value.isZero() ? zeros : byCol;
    m.set(columnOf(f), [...(m.get(columnOf(f)) ?? []), f]);
  }
  const twoDecimals = (col: readonly Fact[]): boolean => {
    const withTwo = col.filter((f) => f.scale === 2).length;
    return withTwo >= 3 && withTwo >= col.length / 2;
  };
  // zeros: in such a column, or in a column of zeros that print 0.00 (by the same counts)
  for (const [key, all] of zeros) {
    const z = all.filter((f) => f.unit !== '%');
    if (!twoDecimals(z) && !twoDecimals((byCol.get(key) ?? []).filter((f) => f.unit !== '%'))) continue;
    const zerosWithTwo = z.some((f) => f.scale === 2);
    // (and a zero whose last digit was read as a %: 0.0% for 0.01)
    const lost = (f: Fact): boolean => (f.unit === '%' ? (f.scale ?? 0) < 2 : f.scale === 1 || (f.scale === 0 && zerosWithTwo));
    for (const f of all) if (lost(f) && !f.flags.includes(OCR_DECIMALS_LOST)) f.flags = [...f.flags, OCR_DECIMALS_LOST];
  }
  for (const all of byCol.values()) {
    const col = all.filter((f) => f.unit !== '%');
    if (!twoDecimals(col)) continue;
    // (or one of its two decimals: 160.7 for 160.78)
    for (const f of col) if ((f.scale === 0 || f.scale === 1) && !f.flags.includes(OCR_DECIMALS_LOST)) f.flags = [...f.flags, OCR_DECIMALS_LOST];
    // a stray mark read as a digit and a % (160.787% in a column of money) is among them too
    const extra = all.length - col.length < col.length ? all : col;
    for (const f of extra) if ((f.scale ?? 0) > 2 && !f.flags.includes(OCR_DECIMALS_EXTRA)) f.flags = [...f.flags, OCR_DECIMALS_EXTRA];
    // and a last digit read as a % (160.7% for 160.78)
    for (const f of extra) if (f.unit === '%' && (f.scale ?? 0) < 2 && !f.flags.includes(OCR_DECIMALS_LOST)) f.flags = [...f.flags, OCR_DECIMALS_LOST];
  }
}

/** OCR_DECIMALS_LOST / OCR_DECIMALS_EXTRA over the pieces of a table printed on several pages
 *  (each page is a table of its own when read by OCR: a page carrying two rows over has too few
 *  numbers to tell its columns' decimals): the numbers of one measure in the OCR'd tables of one
 *  known kind in a document are one column. */
export function flagLostDecimalsAcrossPages(tables: Table[], facts: Fact[]): void {
  const ocr = new Set(tables.filter((t) => t.method === 'ocr' && t.table_kind !== 'unknown').map((t) => t.table_id));
  if (ocr.size < 2) return;
  flagLostDecimals(facts.filter((f) => ocr.has(f.table_id) && f.measure), (f) => `${f.table_kind}|${f.section}|${f.measure}`);
}

/** A name-only row's label (as written after repairOcrLabel) that is no standard row label but
 *  lies within one character in three of one (four characters at least; marks before its first
 *  Chinese character left out): a standard label OCR misread beyond putting right (平札结转和结余:
 *  年初 or 年末?), a total's label among them (支出总订). Also a label read as Latin letters only
 *  (Bit for 总计: a label of a Chinese table misread, a speck or a smudge taken for letters), and
 *  words after dashes or dots within one character in two of one (-般公兰顶算资企). */
const LEADING_MARKS = /^[-－—―_~·•.．,，、]+(?=[\u4e00-\u9fff])/;
const JUNK_IN_WORDS = /[A-Za-z<>|\\^@#$%&*=+]|[\u4e00-\u9fff]\d+[\u4e00-\u9fff]/;

function doubtfulLabel(label: string): boolean {
  rowLabels ??= readKnowledgeJson<{ labels: string[] }>('row-labels.json').labels;
  if (/[A-Za-z]/.test(label) && !/[\u3400-\u9fff]/.test(label)) return true;
  // a list number misread as other marks before the words (--航公共预算资金 for 1.一般公共预算资金)
  const t = stripNumbering(label).replace(/^[^\u4e00-\u9fff]+(?=[\u4e00-\u9fff])/, '');
  const len = Array.from(t).length;
  if (len < 4 || rowLabels.includes(t)) return false;
  // dashes or dots before the words (-般公兰顶算资企 for 1.一般公共预算资金): the start of the print
  // was misread (a text layer prints no such marks), so the words may be further off: one in two
  const share = LEADING_MARKS.test(stripNumbering(label)) ? 2 : 3;
  return rowLabels.some((l) => editDistance(l, t) <= Math.max(1, Math.floor(Array.from(l).length / share)));
}

/** A label with a side's word (收入, 支出) twice, each after words of its own: the labels of several
 *  rows read as one. */
function rowsRunTogether(label: string): boolean {
  return /[\u3400-\u9fff]{2}收入.*[\u3400-\u9fff]{2}收入|[\u3400-\u9fff]{2}支出.*[\u3400-\u9fff]{2}支出/.test(stripNumbering(label));
}

export const isStandardLabel = (label: string): boolean => {
  rowLabels ??= readKnowledgeJson<{ labels: string[] }>('row-labels.json').labels;
  return rowLabels.includes(stripNumbering(label));
};

/** A coded table that prints its rows again for each unit of the department (深圳市…（本级）, then
 *  its 类/款/项; the next unit, then its own): the unit row's label for every row of its block.
 *  A block starts at a row without a code (and no total word) printed right before a coded row;
 *  the grouping is taken only when two blocks print the same code, so the rows of one unit are told
 *  apart from another's (the same code and measure would otherwise name two figures). */
function rowGroups(table: Table): Map<TableRow, string> {
  const out = new Map<TableRow, string>();
  const coded = (r: TableRow | undefined) => !!r && /^\d{3,7}$/.test(r.code);
  for (const section of new Set(table.rows.map((r) => r.section))) {
    const rows = table.rows.filter((r) => r.section === section);
    const heads = rows.map((r, i) => (!coded(r) && cleanLabel(r.item) !== '' && !TOTAL_ROW.test(stripNumbering(r.item)) && coded(rows[i + 1]) ? i : -1)).filter((i) => i >= 0);
    if (heads.length < 2) continue;
    const blocks = heads.map((h, k) => rows.slice(h, heads[k + 1] ?? rows.length));
    const seen = new Set<string>();
    let repeated = false;
    for (const b of blocks) {
      const codes = new Set(b.filter(coded).map((r) => r.code));
      if ([...codes].some((c) => seen.has(c))) repeated = true;
      codes.forEach((c) => seen.add(c));
    }
    if (!repeated) continue;
    for (const b of blocks) for (const r of b) out.set(r, cleanLabel(b[0]!.item));
  }
  return out;
}

/** A label printed twice in one section of a table (a 总表 printing (1)工资福利支出 under
 *  1、人员经费 and again under 2、专项业务经费): every print gets a row_group so that one key names
 *  one figure, the label of the nearest row above numbered in another style (its heading), or
 *  `#n` (the print's number) where a print has no numbering or no heading of its own. Rows of one
 *  label that fill different measures (a 三公 table's year row and prior-year row under the unit's
 *  name) are one print. Counted over every labelled row, valued or not, so the key follows the
 *  printed place, not what was read; labels printed once keep their keys. */
function repeatGroups(table: Table, groups: Map<TableRow, string>): Map<TableRow, string> {
  const out = new Map<TableRow, string>();
  for (const section of new Set(table.rows.map((r) => r.section))) {
    const rows = table.rows.filter((r) => r.section === section);
    const prints = new Map<string, { row: TableRow; heading: string }[]>();
    const measures = new Map<string, Set<string>>();
    rows.forEach((row, i) => {
      const label = row.code || stripNumbering(row.item);
      if (!label) return;
      const key = [groups.get(row) ?? '', label, row.secondary_code ?? ''].join('|');
      const mine = new Set(row.values.map((v) => v.measure));
      const had = measures.get(key);
      measures.set(key, new Set([...(had ?? []), ...mine]));
      if (had && mine.size && had.size && ![...mine].some((m) => had.has(m))) return;
      const style = numberingStyle(row.item);
      let heading = '';
      if (style) for (let j = i - 1; j >= 0 && !heading; j--) {
        const s = numberingStyle(rows[j]!.item);
        if (s && s !== style) heading = cleanLabel(rows[j]!.item);
      }
      prints.set(key, [...(prints.get(key) ?? []), { row, heading }]);
    });
    for (const list of prints.values()) {
      if (list.length < 2) continue;
      list.forEach(({ row, heading }, n) => {
        const own = heading && list.filter((p) => p.heading === heading).length === 1 ? heading : `#${n + 1}`;
        const unit = groups.get(row);
        out.set(row, unit ? `${unit} / ${own}` : own);
      });
    }
  }
  return out;
}

export function factsOfTable(table: Table, ctx: FactContext): Fact[] {
  const facts: Fact[] = [];
  const unit = table.unit || ctx.defaultUnit;
  const unitFlags = table.unit || !ctx.unitFlag ? [] : [ctx.unitFlag];
  const lost = table.method === 'ocr' ? inferLostCodes(table, ctx) : undefined;
  // a 类 or 款 part misread, told by the names of the rows under it together
  if (lost) for (const [row, code] of regroupOcrCodes(table.rows, ctx)) if (!lost.has(row)) lost.set(row, code);
  const spanned = spannedCodes(table, ctx.taxonomy, ctx.fiscal_year);
  // an OCR'd table that prints codes: a row whose code was not read and could not be inferred has
  // no place in the classification a reader can trust (its label may be misread too)
  const valued = table.rows.filter((r) => r.values.length && !TOTAL_ROW.test(stripNumbering(r.item)));
  // (or one printing its codes in 类 | 款 | 项 columns, or of a kind whose rows print codes: a row
  // without a code there lost it)
  const kind = kindById(table.table_kind);
  const codedKind = !!kind?.code_system && !kind.two_sided;
  // (a kind whose rows print codes, or 类 | 款 | 项 columns, say so however few rows a piece of the
  // table holds: a page carrying the last row of a table over)
  const codedTable = table.method === 'ocr' && valued.length > 0 && ((valued.length >= 4 && valued.filter((r) => /^\d{3,7}$/.test(r.code) || lost?.has(r)).length * 2 >= valued.length) || codedKind || table.columns.some((c) => c.role === 'code_part'));
  const places = new Map<string, ClassContext>();
  const units = rowGroups(table);
  const groups = new Map(units);
  for (const [row, g] of repeatGroups(table, units)) groups.set(row, g);
  const kindFlags = table.flags.filter((f) => f === OCR_KIND_UNKNOWN || f === OCR_KIND_INFERRED);
  // OCR'd columns whose misread header was named by the table's structure
  const inferredCols = new Set(table.method === 'ocr' ? table.columns.filter((c) => c.measure && ['sum', 'layout', 'fuzzy'].includes(c.measure_evidence ?? '')).map((c) => c.index) : []);
  // OCR'd columns under a header that names two measures (two headers read as one)
  const mergedCols = new Set(table.method === 'ocr' ? table.columns.filter((c) => c.measure && measuresNearlyNamed(kind, c.header).length > 1).map((c) => c.index) : []);
  // codes an OCR'd table prints on two rows or more of one section and block (each code is printed
  // once there: one of the rows misread it)
  const printedCodes = { twice: new Set<string>(), all: new Set<string>() };
  if (table.method === 'ocr') {
    const seen = new Set<string>();
    for (const r of table.rows) {
      if (!/^\d{3}(\d{2}){0,2}$/.test(r.code)) continue;
      const k = `${r.section}|${r.block}|${r.code}`;
      if (seen.has(k)) printedCodes.twice.add(r.code);
      seen.add(k);
      printedCodes.all.add(r.code);
    }
  }
  // (an OCR'd label's speck after its list number's 、 taken off: it is no character of the label;
  // its brackets paired: ocr-brackets.ts)
  const ocrLabels = table.method === 'ocr' ? table.rows.map((r) => (r.item ? pairMisreadOpeners(pairMisreadClosers(withoutListSpeck(r.item))) : r.item)) : undefined;
  const closersRestored = ocrLabels ? restoreLostClosers(ocrLabels) : undefined;
  // (units' names begun with the place the column prints, 中心 ended: ocr-unit-names.ts)
  const placesRestored = ocrLabels ? restorePlacePrefixes(ocrLabels.map((l, i) => closersRestored?.get(i) ?? l), ctx.issuer) : undefined;
  // (a free label's misread character put back by what the column's other rows print between its
  // neighbours; its rows without a code, and not a two-sided 总表's, whose labels are subjects' and
  // standard words: ocr-label-context.ts)
  const contextRestored = ocrLabels && !kind?.two_sided ? restoreFromColumn(ocrLabels.map((l, i) => (table.rows[i]!.code ? undefined : (placesRestored?.get(i) ?? closersRestored?.get(i) ?? l)))) : undefined;
  for (const [rowIndex, row] of table.rows.entries()) {
    let code = row.code;
    const at = places.get(row.section) ?? { cls: '', kuan: '', taken: new Set<string>() };
    places.set(row.section, at);
    let code_source: Fact['code_source'] = code ? 'printed' : '';
    const restored = contextRestored?.get(rowIndex) ?? placesRestored?.get(rowIndex) ?? closersRestored?.get(rowIndex);
    const printedItem = restored ?? ocrLabels?.[rowIndex] ?? row.item;
    // (a unit's name a scan misread, put right by the issuer's: ocr-unit-names.ts)
    const unitName = table.method === 'ocr' && ctx.issuer && printedItem ? withIssuerName(printedItem, ctx.issuer) : undefined;
    let item = unitName ?? printedItem;
    // (a closer put back from the head other rows print, a unit's name put right: inferences)
    const nameFlags: string[] = restored || unitName ? [OCR_NAME_FUZZY] : [];
    if (table.method === 'ocr' && !code && item) {
      item = repairOcrLabel(item);
      // a label put right by an edit distance (not only its list number's 、 written back)
      if (wordsOf(item) !== wordsOf(printedItem) && !nameFlags.includes(OCR_NAME_FUZZY)) nameFlags.push(OCR_NAME_FUZZY);
    }
    const inferred = lost?.get(row);
    if (inferred) {
      code = inferred;
      code_source = 'resolved';
    }
    // codes of several rows run together in one cell, or a code whose 4 read `-1` (201-1001 for
    // 2014001), left in the label
    const dashed = table.method === 'ocr' && !code ? (spanned.get(row) ?? dashedFour(printedItem, [at.cls, at.kuan], ctx.taxonomy, ctx.fiscal_year)) : undefined;
    if (dashed) {
      code = dashed.code;
      code_source = 'printed';
      item = dashed.item;
    }
    // a code read into the label, the rule before the name lost (20i一般公共服动支出): ocr-glued-codes.ts
    const glued = table.method === 'ocr' && !code ? gluedCode(printedItem, [at.cls, at.kuan].filter((x) => x), ctx.taxonomy, ctx.fiscal_year) : undefined;
    if (glued) {
      code = glued.code;
      code_source = 'printed';
      item = glued.item;
    }
    if (!code && printedItem && namesAreFunctionClasses(table, row.section)) {
      const hit = resolveInContext(printedItem, table.method === 'ocr', ctx, at);
      if (hit) {
        code = hit.code;
        code_source = 'resolved';
        item = hit.item;
        if (hit.fuzzy) nameFlags.push(OCR_NAME_FUZZY);
      }
    }
    // an OCR'd name-only row left without a code: a misread standard label is in doubt; on a 总表's
    // expenditure side (类 names and standard labels only) any other label is a 类 not read
    // (a total's label too: 支出总订 for 支出总计)
    if (table.method === 'ocr' && !code && item && !nameFlags.length) {
      if (doubtfulLabel(item)) nameFlags.push(OCR_NAME_FUZZY);
      // a two-sided 总表's label holding a side's word twice: several rows run together, the rules
      // between them lost (一般公共预算…收入政府性基金预算…收入…), its value one of theirs
      else if (kind?.two_sided && rowsRunTogether(item)) nameFlags.push(OCR_NAME_FUZZY);
      else if (!TOTAL_ROW.test(stripNumbering(item)) && !codedTable && namesAreFunctionClasses(table, row.section) && !isStandardLabel(item)) nameFlags.push(OCR_CODE_UNREAD);
      // a two-sided 总表 prints standard words: Latin letters, odd marks or a digit among its Chinese
      // characters are misread strokes (E载么共弦算砂政抵1敷收> for 一般公共预算财政拨款收入)
      else if (kind?.two_sided && JUNK_IN_WORDS.test(stripNumbering(item))) nameFlags.push(OCR_NAME_FUZZY);
      // and a short label that begins as a total's words but is none of them (支出惹认 for 支出总计:
      // the side's totals by their sums and by 收入总计 = 支出总计 then name it, ocr-side-labels.ts)
      else if (kind?.two_sided && TOTAL_ROW.test(stripNumbering(item)) && Array.from(stripNumbering(item)).length <= TOTAL_WORDS_MAX && !isStandardLabel(item)) nameFlags.push(OCR_NAME_FUZZY);
    }
    // (a glued code was checked against its name: it is repaired only by its marks and letters)
    const repaired = inferred ?? dashed?.code ?? (glued ? (glued.repaired ? glued.code : undefined) : table.method === 'ocr' && code_source === 'printed' ? (repairOcrCode(code, row.item, ctx) ?? repairStrokeLoss(code, row.item, ctx.taxonomy, ctx.fiscal_year, [at.cls, at.kuan].filter((x) => x), printedCodes) ?? repairTwicePrinted(code, row.item, ctx, printedCodes)) : undefined);
    if (repaired) code = repaired;
    // a printed function code sets the place of the name-only rows below it
    if (code_source === 'printed' && /^2\d{2}(\d{2})?$/.test(code)) {
      at.cls = code.slice(0, 3);
      at.kuan = code.length === 5 ? code : '';
    }
    const entry = code ? ctx.taxonomy.lookup(code, ctx.fiscal_year) : undefined;
    const system = code ? (ctx.taxonomy.systemOf(code) ?? '') : '';
    for (const v of row.values) {
      const parsed = parseNumber(v.raw);
      if (!parsed) continue;
      // a rate column (增减(%), 执行率) or a cell printed with % is a percentage, not money
      const cellUnit = parsed.percent || /[%％]|率$/.test(v.measure_label) || isRateMeasure(v.measure) ? '%' : isNonMoneyMeasure(v.measure) ? '' : unit;
      const fact: Fact = {
        doc_id: ctx.doc_id,
        table_id: table.table_id,
        table_kind: table.table_kind,
        section: row.section,
        code,
        code_system: system,
        item,
        canonical_name: entry?.name ?? '',
        level: entry?.level ?? '',
        parent_code: entry?.parent ?? '',
        cofog: code && system === 'function' ? ctx.taxonomy.cofog(code) : '',
        measure: v.measure,
        measure_label: v.measure_label,
        value: parsed.value,
        scale: parsed.scale,
        unit: cellUnit,
        amount_yuan: toYuan(parsed.value, cellUnit),
        flags: [...(inferred ? row.flags.filter((f) => f !== 'bad_code') : row.flags), ...(entry?.provisional ? ['provisional_code'] : []), ...(repaired ? [OCR_CODE_REPAIRED] : []), ...(codedTable && !code && !TOTAL_ROW.test(stripNumbering(row.item)) ? [OCR_CODE_UNREAD] : []), ...(table.method === 'ocr' && table.table_kind !== 'unknown' && !v.measure ? [OCR_HEADER_UNREAD] : []), ...(v.measure ? [] : [MEASURE_UNKNOWN]), ...kindFlags, ...nameFlags, ...(inferredCols.has(v.col) ? [OCR_MEASURE_INFERRED] : []), ...(mergedCols.has(v.col) ? [OCR_HEADER_MERGED] : []), ...(cellUnit === unit ? unitFlags : []), ...(v.marks !== undefined ? [OCR_MARKS_STRIPPED] : [])],
        code_source,
        ...(groups.has(row) ? { row_group: groups.get(row)! } : {}),
        ...(units.has(row) ? { unit_group: units.get(row)! } : {}),
        ...(row.secondary_code ? { secondary_code: row.secondary_code } : {}),
        row: row.rowIndex,
        col: v.col,
      };
      if (row.page !== undefined) fact.page = row.page;
      const src = valueSource(table.grid, row.rowIndex, v);
      // the box is on the page the fact names (a cell's page and its row's agree)
      if (src.box && (fact.page === undefined || fact.page === src.page)) {
        fact.box = src.box;
        fact.page = src.page;
      }
      if (src.source_ref) fact.source_ref = src.source_ref;
      facts.push(fact);
    }
  }
  // a row under a repaired 款 that kept the prefix it was read with (2101201 under 21013)
  if (table.method === 'ocr') classesByStrokes(facts, ctx.taxonomy, ctx.fiscal_year, OCR_CODE_REPAIRED);
  // a 类 misread a digit away, told by the 款 and 项 under it (before the children follow their parents)
  if (table.method === 'ocr') classFromChildren(facts, ctx, OCR_CODE_REPAIRED);
  if (table.method === 'ocr') reparentOcrCodes(facts, ctx, OCR_CODE_REPAIRED);
  // a rate's % sign read as a third decimal 7 (100.007 for 100.00%), told by its column
  if (table.method === 'ocr') percentSignsRead(facts, OCR_PERCENT_SIGN);
  if (table.method === 'ocr') flagLostDecimals(facts);
  // a 合计 row whose label was misread, told by its values (the sums of the 类 rows), or by its place
  // (above every coded row, the largest of each column; flagged)
  if (table.method === 'ocr') totalByIdentity(facts, OCR_CODE_UNREAD, OCR_NAME_FUZZY);
  // a 部门预算 收支总表's 财政拨款收入 funds whose labels were misread, told by their sum
  if (table.method === 'ocr' && kind?.two_sided) fundPartsBySum(facts, isStandardLabel, OCR_NAME_FUZZY);
  // a two-sided 总表's total and carry-over whose labels were misread, told by the side's sums
  if (table.method === 'ocr' && kind?.two_sided) sideLabelsBySums(facts, (f) => (f.flags.includes(OCR_NAME_FUZZY) || f.flags.includes(OCR_CODE_UNREAD)) && !isStandardLabel(f.item), OCR_NAME_FUZZY, [OCR_CODE_UNREAD]);
  // and those whose side's sums a misread 类 broke, told by 收入总计 = 支出总计 and 总计 = 本年…合计 + carry-overs
  if (table.method === 'ocr' && kind?.two_sided) sideTotalsByGrand(facts, (f) => (f.flags.includes(OCR_NAME_FUZZY) || f.flags.includes(OCR_CODE_UNREAD)) && !isStandardLabel(f.item), OCR_NAME_FUZZY, [OCR_CODE_UNREAD]);
  // then any other label of its sides left without a code that is none of the standard words
  // (义、其他收入资金, 一数公共预算拨款, 财政拔款 on unseen budgets' photocopies): misread, or words the
  // vocabulary lacks (上年结余、结转); read by OCR, either way nothing says it was read right. A flag
  // of its own: the stages that rename misread labels (ocr_name_fuzzy) leave these alone
  // So too every label of a table whose rows print no codes (a list of projects, of units: 处置僵尸
  // 企业肢动资金 for 启动资金): free words no classification or list can check
  // (a total's words, which its sums check, apart)
  const totalWords = (item: string): boolean => TOTAL_ROW.test(stripNumbering(item)) && Array.from(stripNumbering(item)).length <= TOTAL_WORDS_MAX;
  if (table.method === 'ocr' && (kind?.two_sided || !codedTable)) {
    for (const f of facts) if (!f.code && f.item && !isStandardLabel(f.item) && !f.flags.includes(OCR_NAME_FUZZY) && !f.flags.includes(OCR_CODE_UNREAD) && (kind?.two_sided || !totalWords(f.item))) f.flags.push(OCR_LABEL_UNCHECKED);
  }
  return facts;
}
