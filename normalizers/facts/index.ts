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
import { valueSource } from './provenance.js';

interface FactContext {
  doc_id: string;
  fiscal_year: string;
  /** the unit to assume when a table prints none (the document's most common unit) */
  defaultUnit: string;
  taxonomy: Taxonomy;
}

/** Sections and kinds whose name-only rows are function 类 (一、一般公共服务支出 → 201). */
function namesAreFunctionClasses(table: Table, section: string): boolean {
  if (section === 'expenditure') return true;
  return false;
}

const OCR_ORDINAL = /^([一二三四五六七八九十]{1,3})(?![、.．)）])/;

/** A name-only row of a 总表's expenditure side → its function 类. Read by OCR, the list number is
 *  often damaged: its 、 lost (四教育支出, 八P生健康支出) or the number misread (人\社会保障和就业支出
 *  for 六、). The name is then also resolved without the number — a bare number (its 、 written
 *  back: 四、教育支出), or one or two unreadable leading characters (dropped) when what follows is
 *  exactly a 类 name — an exact or alias match winning over a fuzzy one. */
function resolveClassName(printed: string, ocr: boolean, ctx: FactContext): { code: string; item: string } | undefined {
  const opts = { system: 'function' as const, level: '类' as const, year: ctx.fiscal_year };
  const hit = ctx.taxonomy.resolveName(stripNumbering(printed), opts);
  const whole = hit ? { code: hit.code, item: printed } : undefined;
  if (!ocr || (hit && hit.method !== 'fuzzy')) return whole;
  const label = cleanLabel(printed);
  const m = OCR_ORDINAL.exec(label);
  if (m) {
    const rest = label.slice(m[1]!.length);
    const bare = ctx.taxonomy.resolveName(rest, opts);
    if (bare && (!hit || bare.method !== 'fuzzy' || bare.score > hit.score)) return { code: bare.code, item: `${m[1]}、${rest}` };
  }
  for (const k of [1, 2]) {
    const rest = label.slice(k);
    if (Array.from(rest).length < 4) break;
    const bare = ctx.taxonomy.resolveName(rest, opts);
    if (bare && bare.method !== 'fuzzy') return { code: bare.code, item: rest };
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
}

/** A name-only row of a 总表's expenditure side, read in the order printed: a 类 (resolveClassName),
 *  or a 款 of the 类 above it, or a 项 of the 款 above it, where the 总表 prints the whole tree
 *  by name (一、教育支出 / 进修及培训 / 培训支出). Names recur across the tree (住房保障 is the 类
 *  住房保障支出 by alias and the 款 21908 under 援助其他地区支出), so the place decides: a row
 *  numbered unlike the 类 rows is not a 类, and of two matches the exact name wins over an alias;
 *  the 类 otherwise. Only exact or alias matches are taken below a 类 (never fuzzy). */
function resolveInContext(printed: string, ocr: boolean, ctx: FactContext, at: ClassContext): { code: string; item: string } | undefined {
  const asClass = resolveClassName(printed, ocr, ctx);
  const name = stripNumbering(printed);
  const under = (parent: string) => {
    if (!parent) return undefined;
    const hit = ctx.taxonomy.resolveName(name, { system: 'function', parent, year: ctx.fiscal_year });
    return hit && hit.method !== 'fuzzy' && hit.code.length === parent.length + 2 ? hit : undefined;
  };
  const inner = under(at.kuan) ?? under(at.cls);
  const style = numberingStyle(printed);
  let pick: { code: string; item: string } | undefined = asClass;
  if (inner) {
    const classMethod = asClass ? ctx.taxonomy.resolveName(stripNumbering(asClass.item), { system: 'function', level: '类', year: ctx.fiscal_year })?.method : undefined;
    const numberedAsClass = at.classStyle !== undefined && at.classStyle !== '' && style === at.classStyle;
    const unlikeClass = at.classStyle !== undefined && at.classStyle !== '' && style !== at.classStyle;
    if (!asClass || unlikeClass || (!numberedAsClass && inner.method === 'exact' && classMethod !== 'exact')) pick = { code: inner.code, item: printed };
  }
  if (!pick) return undefined;
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
/** a number of an OCR'd table of a known kind in a column whose header names no measure of the kind */
const OCR_HEADER_UNREAD = 'ocr_header_unread';

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

const TOTAL_ROW = /^(合计|总计|小计|本年|收入|支出)/;

/** Codes OCR lost in a table whose code columns are 类 | 款 | 项 (or one code column): a row with a
 *  name and amounts but no code, between rows whose codes were read. Its name is looked up in the
 *  taxonomy as a 款 under the 类 above, a 项 under the 款 above (or, printing its 项 part, under the
 *  类 above), or a 类 (exact or alias names only);
 *  taken when exactly one of these names it and, where the row printed its own 款 or 项 part
 *  (code_hint), the part agrees; a row whose name is unreadable takes the part it printed under the
 *  context above, when that makes a known code. A row taken this way gives the rows below their
 *  context. */
function inferLostCodes(table: Table, ctx: FactContext): Map<TableRow, string> {
  const out = new Map<TableRow, string>();
  const printed = table.rows.filter((r) => /^\d{3}(\d{2}){0,2}$/.test(r.code));
  if (printed.length < 2) return out;
  const system = ctx.taxonomy.systemOf(printed[0]!.code);
  if (!system) return out;
  const context = new Map<number, { cls: string; kuan: string }>();
  for (const r of table.rows) {
    const c = context.get(r.block) ?? { cls: '', kuan: '' };
    context.set(r.block, c);
    let code = /^\d{3}(\d{2}){0,2}$/.test(r.code) ? r.code : '';
    const name = stripNumbering(r.item);
    if (!code && name && r.values.length && !TOTAL_ROW.test(name)) {
      const look = (level: '类' | '款' | '项', parent?: string, prefix?: string): string | undefined => {
        if (level !== '类' && !parent && !prefix) return undefined;
        const hit = ctx.taxonomy.resolveName(name, { system, level, ...(parent ? { parent } : {}), year: ctx.fiscal_year });
        if (!hit || hit.method === 'fuzzy' || (prefix && !hit.code.startsWith(prefix))) return undefined;
        if (r.code_hint && (r.code_hint.level !== level || !hit.code.endsWith(r.code_hint.part))) return undefined;
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
      }
    }
    if (code) {
      c.cls = code.slice(0, 3);
      c.kuan = code.length >= 5 ? code.slice(0, 5) : '';
    }
  }
  return out;
}

let rowLabels: string[] | undefined;
const LIST_NO = /^((?:其中[:：])?(?:[(（]?[一二三四五六七八九十]{1,3}[)）、.．]|[(（]\d{1,2}[)）]|\d{1,2}[、.．])?)([一二三四五六七八九十]{1,3}(?![、.．)）]))?/;

/** A name-only row's label in an OCR'd table put right against the standard row labels
 *  (knowledge/row-labels.json): one character misread in a label of six or more (一航公共预算财政拨款
 *  收入), or a list number whose 、 was lost (一财政拨款收入 → 一、财政拨款收入). The label as read
 *  otherwise. */
export function repairOcrLabel(printed: string): string {
  rowLabels ??= readKnowledgeJson<{ labels: string[] }>('row-labels.json').labels;
  const label = cleanLabel(printed);
  const m = LIST_NO.exec(label)!;
  const bare = m[2] ?? '';
  const prefix = (m[1] ?? '') + (bare ? bare + '、' : '');
  const rest = label.slice((m[1] ?? '').length + bare.length);
  const exact = (t: string) => rowLabels!.includes(t);
  if (bare && exact(bare + rest)) return printed; // a label that starts with a numeral word
  if (exact(rest)) return bare ? prefix + rest : printed;
  const near = (t: string): string | undefined => {
    const len = Array.from(t).length;
    if (len < 6) return undefined;
    const hits = rowLabels!.filter((l) => Math.abs(Array.from(l).length - len) <= 1 && editDistance(l, t) <= 1);
    return hits.length === 1 ? hits[0] : undefined;
  };
  // the numeral word read as the label's first character (一航… for 一般…), or a list number before it
  const whole = bare ? near(bare + rest) : undefined;
  if (whole) return (m[1] ?? '') + whole;
  const part = near(rest);
  return part ? prefix + part : printed;
}

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

export function factsOfTable(table: Table, ctx: FactContext): Fact[] {
  const facts: Fact[] = [];
  const unit = table.unit || ctx.defaultUnit;
  const lost = table.method === 'ocr' ? inferLostCodes(table, ctx) : undefined;
  // an OCR'd table that prints codes: a row whose code was not read and could not be inferred has
  // no place in the classification a reader can trust (its label may be misread too)
  const valued = table.rows.filter((r) => r.values.length && !TOTAL_ROW.test(stripNumbering(r.item)));
  const codedTable = table.method === 'ocr' && valued.filter((r) => /^\d{3,7}$/.test(r.code) || lost?.has(r)).length * 2 >= valued.length && valued.length >= 4;
  const places = new Map<string, ClassContext>();
  const groups = rowGroups(table);
  const kindFlags = table.flags.filter((f) => f === OCR_KIND_UNKNOWN || f === OCR_KIND_INFERRED);
  for (const row of table.rows) {
    let code = row.code;
    const at = places.get(row.section) ?? { cls: '', kuan: '' };
    places.set(row.section, at);
    let code_source: Fact['code_source'] = code ? 'printed' : '';
    let item = row.item;
    if (table.method === 'ocr' && !code && item) item = repairOcrLabel(item);
    const inferred = lost?.get(row);
    if (inferred) {
      code = inferred;
      code_source = 'resolved';
    }
    if (!code && row.item && namesAreFunctionClasses(table, row.section)) {
      const hit = resolveInContext(row.item, table.method === 'ocr', ctx, at);
      if (hit) {
        code = hit.code;
        code_source = 'resolved';
        item = hit.item;
      }
    }
    const repaired = inferred ?? (table.method === 'ocr' && code_source === 'printed' ? repairOcrCode(code, row.item, ctx) : undefined);
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
        flags: [...(inferred ? row.flags.filter((f) => f !== 'bad_code') : row.flags), ...(entry?.provisional ? ['provisional_code'] : []), ...(repaired ? [OCR_CODE_REPAIRED] : []), ...(codedTable && !code && !TOTAL_ROW.test(stripNumbering(row.item)) ? [OCR_CODE_UNREAD] : []), ...(table.method === 'ocr' && table.table_kind !== 'unknown' && !v.measure ? [OCR_HEADER_UNREAD] : []), ...(v.measure ? [] : [MEASURE_UNKNOWN]), ...kindFlags],
        code_source,
        ...(groups.has(row) ? { row_group: groups.get(row)! } : {}),
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
  return facts;
}
