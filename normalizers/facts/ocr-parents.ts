// A code of an OCR'd table whose 类 / 款 part disagrees with the row it is printed under: the 款
// row above was repaired (21012 read, 21013 by its name), while the 项 row under it kept the prefix
// it was read or carried with (2101201 for 2101301 城乡医疗救助). The child takes the parent's
// prefix when its printed name is that code's name, and is flagged like any repaired code; under
// a parent whose 4s and 7s were read as 1s (ocr-code-strokes.ts) when its prefix was read so too.
import type { Fact } from '../../model/types.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { strokeLost } from './ocr-code-strokes.js';
import { recodeRow } from './recode.js';

interface ParentContext {
  taxonomy: Taxonomy;
  fiscal_year: string;
}

/** How many places two codes of one length differ in. */
function digitsApart(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/** Facts of one OCR'd table (in row order), with the codes of rows whose 类/款 prefix disagrees with
 *  the code of the row above them at that level put right: taken when the row's code does not name
 *  its printed name, the code under the parent above (its prefix with the row's own last part)
 *  does, and the prefix is explained by the parent (the parent's code was itself repaired or
 *  inferred, the row's parts were carried from the rows above, or the prefix is one digit from the
 *  parent's). The facts of such a row carry `repairedFlag`, their code_source is `resolved`. */
export function reparentOcrCodes(facts: Fact[], ctx: ParentContext, repairedFlag: string): void {
  // per section: the last code seen at each length (3, 5), and whether it was repaired
  const above = new Map<string, Map<number, { code: string; repaired: boolean }>>();
  let i = 0;
  while (i < facts.length) {
    const first = facts[i]!;
    let j = i + 1;
    while (j < facts.length && facts[j]!.row === first.row && facts[j]!.section === first.section && facts[j]!.code === first.code) j++;
    const row = facts.slice(i, j);
    i = j;
    const ctxOf = above.get(first.section) ?? new Map<number, { code: string; repaired: boolean }>();
    above.set(first.section, ctxOf);
    const code = first.code;
    if (!/^\d{3}(\d{2}){0,2}$/.test(code)) continue;
    const parent = code.length > 3 ? ctxOf.get(code.length - 2) : undefined;
    const prefix = code.slice(0, -2);
    if (parent && parent.code !== prefix && first.item && !first.flags.includes(repairedFlag)) {
      const carried = first.flags.includes('code_parts_carried');
      const explained = parent.repaired || carried || digitsApart(parent.code, prefix) === 1;
      const candidate = parent.code + code.slice(-2);
      const entry = explained ? ctx.taxonomy.lookup(candidate, ctx.fiscal_year) : undefined;
      // the parent put right by lost strokes (ocr-code-strokes.ts) and the row's prefix read as the
      // parent was: a name both codes print (行政运行) is no evidence against it, and a garbled
      // name none for it when the row's own part has no 1 that could have lost a stroke too
      const strokes = parent.repaired && strokeLost(code, candidate);
      const named = ctx.taxonomy.checkName(candidate, first.item, ctx.fiscal_year).ok || (strokes && !code.slice(-2).includes('1'));
      if (entry && !entry.provisional && (strokes || !ctx.taxonomy.checkName(code, first.item, ctx.fiscal_year).ok) && named) {
        recodeRow(row, candidate, entry, ctx.taxonomy, repairedFlag);
      }
    }
    const now = row[0]!.code;
    ctxOf.set(now.length, { code: now, repaired: row[0]!.flags.includes(repairedFlag) });
    // a new parent forgets the deeper levels of the previous one
    for (const len of [...ctxOf.keys()]) if (len > now.length) ctxOf.delete(len);
  }
}

/** Facts of one OCR'd table (in row order), with a 类 code misread by one digit put right by the
 *  rows printed under it: 203 教育支画 over 20508 | 2050803 (203 names 国防支出). Taken when the
 *  class code does not name its printed name, every 款/项 code printed under it (to the next 类)
 *  starts with one class code a digit away from it, no row of the section prints that code, and
 *  the printed name resolves among the 类 to that code (approximately at the taxonomy's fuzzy floor:
 *  the children are the other witness). The facts of the row carry `repairedFlag`, code_source
 *  `resolved`. */
export function classFromChildren(facts: Fact[], ctx: ParentContext, repairedFlag: string): void {
  const rows: Fact[][] = [];
  for (const f of facts) {
    const last = rows[rows.length - 1];
    if (last && last[0]!.row === f.row && last[0]!.section === f.section && last[0]!.code === f.code) last.push(f);
    else rows.push([f]);
  }
  rows.forEach((row, i) => {
    const first = row[0]!;
    const code = first.code;
    if (!/^\d{3}$/.test(code) || !first.item || ctx.taxonomy.systemOf(code) !== 'function') return;
    if (ctx.taxonomy.checkName(code, first.item, ctx.fiscal_year).ok) return;
    const under: string[] = [];
    for (let j = i + 1; j < rows.length && rows[j]![0]!.section === first.section; j++) {
      const c = rows[j]![0]!.code;
      if (/^\d{3}$/.test(c)) break;
      if (/^\d{5}(\d{2})?$/.test(c)) under.push(c);
    }
    const cls = under[0]?.slice(0, 3);
    if (!cls || cls === code || digitsApart(cls, code) !== 1 || !under.every((c) => c.startsWith(cls))) return;
    if (rows.some((r) => r[0]!.section === first.section && r[0]!.code === cls)) return;
    const hit = ctx.taxonomy.resolveName(first.item, { system: 'function', level: '类', year: ctx.fiscal_year });
    const entry = hit?.code === cls ? ctx.taxonomy.lookup(cls, ctx.fiscal_year) : undefined;
    if (!entry || entry.provisional) return;
    recodeRow(row, cls, entry, ctx.taxonomy, repairedFlag);
  });
}
