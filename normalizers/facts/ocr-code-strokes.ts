// A code that a 1-bit scan's threshold misread by its thin strokes: a 4 or a 7 whose horizontal
// stroke was lost reads 1 (21401 公路水路运输 read 21101, 214 交通运输支出 read 211). The code read
// names another entry than the printed name, or none; the code with some of its 1s read back as 4
// or 7 names the printed name (exactly, by alias or as a close garble: Taxonomy.checkName), and is
// the only such code. Such a repair is flagged like any repaired code (ocr_code_repaired), and the
// rows under it follow it (ocr-parents.ts).
import type { Fact } from '../../model/types.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { recodeRow } from './recode.js';

/** the digits a lost horizontal stroke turns into a 1 */
const STROKE_LOST = ['4', '7'];

/** Whether `read` is `code` with some of its 4s and 7s (of `lost`) read as 1s, and nothing else
 *  changed; at most `maxDigits` of them. Also used on amounts (ocr-correct/copies.ts). */
export function strokeLost(read: string, code: string, lost: readonly string[] = STROKE_LOST, maxDigits = Infinity): boolean {
  if (read.length !== code.length || read === code) return false;
  let n = 0;
  for (let i = 0; i < read.length; i++) {
    if (read[i] === code[i]) continue;
    if (read[i] !== '1' || !lost.includes(code[i]!) || ++n > maxDigits) return false;
  }
  return true;
}

/** The codes `read` may stand for: each 1 kept or read back as a 4 or a 7 (`read` itself excluded). */
function strokeCandidates(read: string): string[] {
  let out = [''];
  for (const d of read) out = out.flatMap((p) => (d === '1' ? ['1', ...STROKE_LOST].map((x) => p + x) : [p + d]));
  return out.filter((c) => c !== read);
}

/** The one code that `read` (a 类, 款 or 项 code printed on an OCR'd row named `item`) stands for
 *  when its 1s lost their strokes; undefined when `read` names the item, or no or several codes do.
 *  A name too garbled to say (般行政管玟宇务 for 一般行政管理事务) leaves it to the codes printed
 *  above (`context`: the 类 and 款 in force): a 项 code no classification knows (2110102), its own
 *  part without a 1, printed under a 款 (21401) that one of its readings with 1s back as 4s or 7s
 *  has for its parent, is that reading, when it is the only known one under that parent. (A 款 so
 *  read is left to classesByStrokes, which tells it by the 项 under it.) A code printed on another
 *  row as well (`printed`: the codes the table prints on two rows or more of a section and block,
 *  and all it prints) takes the reading its name is nearest to among its siblings. */
export function repairStrokeLoss(read: string, item: string, taxonomy: Taxonomy, year: string, context: readonly string[] = [], printed?: { twice: ReadonlySet<string>; all: ReadonlySet<string> }): string | undefined {
  if (!/^\d{3}(\d{2}){0,2}$/.test(read) || !item || !read.includes('1')) return undefined;
  const system = taxonomy.systemOf(read);
  if (!system || taxonomy.checkName(read, item, year).ok) return undefined;
  const known = strokeCandidates(read).filter((c) => {
    const e = taxonomy.lookup(c, year);
    return !!e && !e.provisional && taxonomy.systemOf(c) === system;
  });
  const hits = known.filter((c) => taxonomy.checkName(c, item, year).ok);
  if (hits.length === 1) return hits[0];
  // a code another row of the table prints too (`printed.twice`), on a row it does not name: one
  // of the two misread it, and a name only approximately read (城符执法 on 2120101, printed 2120104
  // 城管执法) is taken among the siblings its readings name, where the nearest is one of them
  // (Taxonomy.resolveName's margin) and no row prints it
  if (!hits.length && printed?.twice.has(read) && read.length > 3) {
    const hit = taxonomy.resolveName(item, { system, parent: read.slice(0, -2), year });
    if (hit && known.includes(hit.code) && !printed.all.has(hit.code)) return hit.code;
  }
  // (a code the classification holds only as a placeholder, 未收录科目, is none it knows)
  const entry = taxonomy.lookup(read, year);
  // (a code whose own part has a 1 that may have lost a stroke too is left as read: 2110101 under
  // 21401 may be 2140101 or 2140104 as printed, whatever the classification holds)
  if (hits.length > 1 || (entry && !entry.provisional) || read.length !== 7 || read.slice(5).includes('1')) return undefined;
  const under = known.filter((c) => context.includes(c.slice(0, -2)));
  return under.length === 1 ? under[0] : undefined;
}

/** A code whose 4 a 1-bit scan broke into its cross-stroke and its stem, read `-1` (2014001 行政运行
 *  read `201-1001`): the row's label then starts with that text and holds no code. The code with
 *  the `-1` read back as a 4 is taken when it is a known 款 or 项 and either the printed name names
 *  it among its parent's children (a close garble too: resolveName under the parent) or a code
 *  printed above (`context`: the 类 and 款 in force) is exactly its parent. Returns the code and
 *  the name after it. */
export function dashedFour(label: string, context: readonly string[], taxonomy: Taxonomy, year: string): { code: string; item: string } | undefined {
  const m = /^(\d{2,5})\s?[-－—–]\s?1(\d{0,4})(?!\d)\s*(.*)$/s.exec(label);
  if (!m) return undefined;
  const code = `${m[1]}4${m[2]}`;
  if (!/^\d{5}(\d{2})?$/.test(code)) return undefined;
  const e = taxonomy.lookup(code, year);
  const system = taxonomy.systemOf(code);
  if (!e || e.provisional || !system) return undefined;
  const parent = code.slice(0, -2);
  const item = m[3]!.trim();
  const named = !!item && taxonomy.resolveName(item, { system, parent, year })?.code === code;
  return named || context.includes(parent) ? { code, item } : undefined;
}

/** A 类 row whose code lost strokes and whose name is too garbled to say so (211 女迪迟输支出 for
 *  214 交通运输支出), over a first 款 row put right by lost strokes (21101 公路水路运输 → 21401):
 *  the 类 is the 款's prefix, when its code is that prefix with strokes lost. So too a 款 over a
 *  first 项 put right, when the 款's name (a close garble too) names that prefix (20110 伯访事务
 *  over 2014001 行政运行 read `201-1001`: 20140). Its facts take the
 *  code and `repairedFlag` (facts of one OCR'd table, in row order). */
export function classesByStrokes(facts: Fact[], taxonomy: Taxonomy, year: string, repairedFlag: string): void {
  const rows: Fact[][] = [];
  for (const f of facts) {
    const last = rows.at(-1);
    if (last && last[0]!.row === f.row && last[0]!.section === f.section && last[0]!.code === f.code) last.push(f);
    else rows.push([f]);
  }
  for (let i = 0; i + 1 < rows.length; i++) {
    const [cls] = rows[i]!;
    const [kuan] = rows[i + 1]!;
    if (!/^\d{3}(\d{2})?$/.test(cls!.code) || kuan!.code.length !== cls!.code.length + 2 || cls!.flags.includes(repairedFlag) || !kuan!.flags.includes(repairedFlag)) continue;
    const prefix = kuan!.code.slice(0, cls!.code.length);
    const entry = taxonomy.lookup(prefix, year);
    if (!entry || entry.provisional || !strokeLost(cls!.code, prefix) || taxonomy.checkName(cls!.code, cls!.item, year).ok) continue;
    // (a 款 only when its name, however garbled, names that prefix among its 类's 款: a 项's name
    // such as 行政运行 is printed under many 款, and says little of the 款 above it)
    if (cls!.code.length === 5 && taxonomy.resolveName(cls!.item, { system: 'function', parent: prefix.slice(0, 3), year })?.code !== prefix) continue;
    recodeRow(rows[i]!, prefix, entry, taxonomy, repairedFlag);
  }
}
