// Understood tables → facts: one per printed number, with its code resolved and named by the
// taxonomy of the document's fiscal year, its unit converted to 元 exactly, and its provenance.
import type { Fact, Table } from '../pipeline/types.js';
import { parseNumber } from './numbers.js';
import { toYuan } from './units.js';
import { stripNumbering } from './names.js';
import type { Taxonomy } from './taxonomy/index.js';

export interface FactContext {
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

export function factsOfTable(table: Table, ctx: FactContext): Fact[] {
  const facts: Fact[] = [];
  const unit = table.unit || ctx.defaultUnit;
  for (const row of table.rows) {
    let code = row.code;
    let code_source: Fact['code_source'] = code ? 'printed' : '';
    if (!code && row.item && namesAreFunctionClasses(table, row.section)) {
      const hit = ctx.taxonomy.resolveName(stripNumbering(row.item), { system: 'function', level: '类', year: ctx.fiscal_year });
      if (hit) {
        code = hit.code;
        code_source = 'resolved';
      }
    }
    const entry = code ? ctx.taxonomy.lookup(code, ctx.fiscal_year) : undefined;
    const system = code ? (ctx.taxonomy.systemOf(code) ?? '') : '';
    for (const v of row.values) {
      const parsed = parseNumber(v.raw);
      if (!parsed) continue;
      // a rate column (增减(%), 执行率) or a cell printed with % is a percentage, not money
      const cellUnit = parsed.percent || /[%％]|率$/.test(v.measure_label) ? '%' : unit;
      const fact: Fact = {
        doc_id: ctx.doc_id,
        table_id: table.table_id,
        table_kind: table.table_kind,
        section: row.section,
        code,
        code_system: system,
        item: row.item,
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
        flags: [...row.flags, ...(entry?.provisional ? ['provisional_code'] : [])],
        code_source,
        row: row.rowIndex,
        col: v.col,
      };
      if (row.page !== undefined) fact.page = row.page;
      facts.push(fact);
    }
  }
  return facts;
}
