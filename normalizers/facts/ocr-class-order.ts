// The 类 rows of a two-sided 总表's expenditure side whose names a 1-bit scan garbled beyond a
// name lookup (1儿作房保障支申 for 住房保障支出, >外交支申, Tis教肖文申): the side prints the function
// 类 in code order (201 一般公共服务支出, 202 外交支出, … 221 住房保障支出 …), so a row left without a
// code (ocr_code_unread) between two rows whose 类 were read stands for a 类 between theirs. The
// rows of such a gap are matched to the year's 类 codes between the two (the taxonomy's own): a row
// takes the 类 whose name it is nearest (character edits), strictly nearer than any other of the
// gap, within three characters in four of the name and fewer than its own length; the rows so
// matched must keep the code order, else the gap is left as read. A row no name gives (read as
// Latin letters alone: agt) takes the 类 of the gap whose amount another table of the document
// prints exactly (支出决算表, 一般公共预算支出表: 214 1,531.04), the only one such, its amount no other
// row's of the gap. The side is read over the pages of its
// table (each page an OCR'd table of its own) and only when the 类 read there stand in code order.
// Each fact taken so keeps ocr_name_fuzzy (no longer ocr_code_unread): the checks that compare the
// 类 with the other tables' (cross_table_total) then check it too.
import type { Fact, Table } from '../../model/types.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { readKnowledgeJson } from '../knowledge/load.js';
import { editDistance } from '../taxonomy/text.js';
import { cleanLabel, latinOnly, stripNumbering } from '../values/labels.js';

/** the label's words: marks, Latin letters and digits before the first Chinese character left out,
 *  and a list number (十九、 or a bare 十九 whose 、 was lost) */
function words(label: string): string {
  const t = stripNumbering(cleanLabel(label).replace(/^[^\u4e00-\u9fff]+/, ''));
  return t.replace(/^[一二三四五六七八九十]{1,3}(?=[\u4e00-\u9fff]{3})/, '').replace(/[^\u4e00-\u9fff]/g, '');
}

/** the function 类 codes of the year, in code order */
function classCodes(taxonomy: Taxonomy, year: string): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  for (let c = 200; c < 300; c++) {
    const code = String(c);
    const e = taxonomy.lookup(code, year);
    if (e && !e.provisional && e.level === '类' && taxonomy.systemOf(code) === 'function') out.push({ code, name: e.name });
  }
  return out;
}

/** `facts` grouped by row, the rows in print order: by their table's place in `order` (a table per
 *  page), then by row */
function rowsInPrintOrder(facts: Fact[], order: Map<string, number>): Fact[][] {
  const rows = new Map<string, { table: number; row: number; facts: Fact[] }>();
  for (const f of facts) {
    const table = order.get(f.table_id)!;
    const key = `${table}|${f.row}`;
    const r = rows.get(key) ?? { table, row: f.row, facts: [] };
    r.facts.push(f);
    rows.set(key, r);
  }
  return [...rows.values()].sort((a, b) => a.table - b.table || a.row - b.row).map((r) => r.facts);
}

/** The name each row (label words) stands for among `names` (in code order): the one it is
 *  nearest, strictly nearer than any other, within three characters in four of the name and
 *  nearer than the row's own length (a row of other words, 栏次 misread, is no 类: left out);
 *  the rows so named must name distinct names in their order. Index per row (-1: left out), or
 *  undefined when the rows so named break the order. */
function assign(rows: string[], names: string[]): number[] | undefined {
  const out = rows.map((r) => {
    const d = names.map((x) => editDistance(r, x));
    const k = d.indexOf(Math.min(...d));
    if (k < 0) return -1;
    const len = Array.from(names[k]!).length;
    if (d[k]! > Math.floor((len * 3) / 4) || d[k]! >= Array.from(r).length || d.some((x, q) => q !== k && x <= d[k]!)) return -1;
    return k;
  });
  const taken = out.filter((k) => k >= 0);
  return taken.every((k, i) => i === 0 || k > taken[i - 1]!) ? out : undefined;
}

/** Put the 类 on the unread rows of the OCR'd two-sided 总表s' expenditure sides (see the head of
 *  this file). `facts`: the document's; `twoSided(kind)`: whether a table kind is a two-sided 总表.
 *  Returns how many facts took a 类. */
export function classesByOrder(tables: Table[], facts: Fact[], taxonomy: Taxonomy, year: string, twoSided: (kind: string) => boolean, unreadFlag: string, fuzzyFlag: string): number {
  const order = new Map(tables.filter((t) => t.method === 'ocr' && twoSided(t.table_kind)).map((t, i) => [t.table_id, i]));
  if (!order.size) return 0;
  const classes = classCodes(taxonomy, year);
  // the amounts the document's other tables print for each 类 code (read as printed)
  const printedElsewhere = new Map<string, Fact['value'][]>();
  for (const f of facts) if (!order.has(f.table_id) && f.code_source === 'printed' && /^2\d{2}$/.test(f.code) && !f.value.isZero()) printedElsewhere.set(f.code, [...(printedElsewhere.get(f.code) ?? []), f.value]);
  let n = 0;
  for (const kind of new Set(tables.filter((t) => order.has(t.table_id)).map((t) => t.table_kind))) {
    const side = facts.filter((f) => order.has(f.table_id) && f.table_kind === kind && f.section === 'expenditure');
    const seq = rowsInPrintOrder(side, order);
    const isClass = (fs: Fact[]): boolean => /^2\d{2}$/.test(fs[0]!.code) && fs[0]!.code_system === 'function';
    // (a label read as Latin letters alone is in doubt too: flagged fuzzy, not unread)
    const latin = (fs: Fact[]): boolean => latinOnly(fs[0]!.item) && fs.every((f) => f.flags.includes(fuzzyFlag));
    const unread = (fs: Fact[]): boolean => !fs[0]!.code && ((fs.every((f) => f.flags.includes(unreadFlag)) && words(fs[0]!.item).length >= 2) || latin(fs));
    // again while rows take a 类: the 类 taken narrow the gaps (健康支出 is as near 其他支出 as
    // 卫生健康支出 among all the 类 after 208, not among those before 212)
    for (let pass = 0, before = -1; pass < 5 && n !== before; pass++) {
      before = n;
      const anchors = seq.map((fs, i) => (isClass(fs) ? i : -1)).filter((i) => i >= 0);
      const codes = anchors.map((i) => seq[i]![0]!.code);
      if (codes.some((c, i) => i > 0 && c <= codes[i - 1]!)) break; // not in code order
      // the gaps: before the first 类 read, between two, after the last (up to the side's totals)
      const bounds = [-1, ...anchors, seq.length];
      for (let g = 0; g + 1 < bounds.length; g++) {
        const [a, b] = [bounds[g]!, bounds[g + 1]!];
        const gap = seq.slice(a + 1, b);
        // a row of standard words (本年支出合计, 结余分配) ends the 类 list: only the rows before it
        const end = gap.findIndex((fs) => !fs[0]!.code && !fs.every((f) => f.flags.includes(unreadFlag)) && !latin(fs));
        const open = (end < 0 ? gap : gap.slice(0, end)).filter(unread);
        if (!open.length) continue;
        const lo = a >= 0 ? seq[a]![0]!.code : '200';
        const hi = b < seq.length ? seq[b]![0]!.code : '300';
        const cands = classes.filter((c) => c.code > lo && c.code < hi);
        const picked = assign(open.map((fs) => words(fs[0]!.item)), cands.map((c) => c.name));
        if (!picked) continue;
        // a row no name gives (agt for 交通运输支出: Latin letters alone) whose amount another table
        // of the document prints for one 类 of the gap, the only one, and no other row of the gap has
        const taken = new Set(picked.filter((k) => k >= 0));
        open.forEach((fs, i) => {
          if (picked[i]! >= 0 || fs.length !== 1 || fs[0]!.value.isZero()) return;
          const v = fs[0]!.value;
          const hits = cands.map((c, k) => (!taken.has(k) && printedElsewhere.get(c.code)?.some((x) => x.eq(v)) ? k : -1)).filter((k) => k >= 0);
          if (hits.length !== 1 || open.some((o, j) => j !== i && o.some((f) => f.value.eq(v)))) return;
          // (the rows so named keep the code order)
          const trial = picked.map((k, j) => (j === i ? hits[0]! : k)).filter((k) => k >= 0);
          if (!trial.every((k, j) => j === 0 || k > trial[j - 1]!)) return;
          picked[i] = hits[0]!;
          taken.add(hits[0]!);
        });
        open.forEach((fs, i) => {
          if (picked[i]! < 0) return;
          const { code } = cands[picked[i]!]!;
          const e = taxonomy.lookup(code, year)!;
          for (const f of fs) {
            f.code = code;
            f.code_system = 'function';
            f.code_source = 'resolved';
            f.item = e.name;
            f.canonical_name = e.name;
            f.level = e.level;
            f.parent_code = e.parent;
            f.cofog = taxonomy.cofog(code);
            f.flags = [...f.flags.filter((x) => x !== unreadFlag && x !== fuzzyFlag), fuzzyFlag];
            n++;
          }
        });
      }
    }
  }
  return n;
}

/** The income side of a two-sided 总表 in print order, by kind, and the words each side prints below
 *  its items (knowledge/row-labels.json `income_order`, `side_words`) */
let orders: { income_order: Record<string, string[]>; side_words: Record<string, string[]> } | undefined;
const knowledge = (): NonNullable<typeof orders> => (orders ??= readKnowledgeJson<NonNullable<typeof orders>>('row-labels.json'));

/** The income rows of an OCR'd 收入支出决算总表 whose labels OCR garbled (航公具颂算财政拨款收入,
 *  网孙业收入, 关他收入): the side prints its sources in the template's order (row-labels.json `income_order`), so a
 *  row between two read right stands for a source between theirs, matched like the 类 of the
 *  expenditure side (the nearest label, strictly, within three characters in four). Rows read as a
 *  template label are the anchors; the side ends at its first other standard label (本年收入合计).
 *  Facts so labelled take the template label and `fuzzyFlag`. Returns how many. */
export function incomeLabelsByOrder(tables: Table[], facts: Fact[], isStandard: (label: string) => boolean, fuzzyFlag: string): number {
  let n = 0;
  const incomeOrder = knowledge().income_order;
  const order = new Map(tables.filter((t) => t.method === 'ocr' && incomeOrder[t.table_kind]).map((t, i) => [t.table_id, i]));
  for (const kind of new Set(tables.filter((t) => order.has(t.table_id)).map((t) => t.table_kind))) {
    const labels = incomeOrder[kind]!;
    const side = facts.filter((f) => order.has(f.table_id) && f.table_kind === kind && f.section === 'income' && !f.code);
    const seq = rowsInPrintOrder(side, order);
    const at = (fs: Fact[]): number => labels.indexOf(stripNumbering(cleanLabel(fs[0]!.item)));
    // the side's sources: up to its first other standard label (本年收入合计)
    const end = seq.findIndex((fs) => at(fs) < 0 && isStandard(stripNumbering(cleanLabel(fs[0]!.item))));
    const list = end < 0 ? seq : seq.slice(0, end);
    // again while rows take a label: those taken narrow the gaps (厂绍薛收入 is as near 事业收入 as
    // 经营收入 until 事业收入 and 附属单位上缴收入 are placed)
    for (let pass = 0, before = -1; pass < 5 && n !== before; pass++) {
      before = n;
      const anchors = list.map((fs, i) => (at(fs) >= 0 ? i : -1)).filter((i) => i >= 0);
      if (anchors.some((i, k) => k > 0 && at(list[i]!) <= at(list[anchors[k - 1]!]!))) break; // not in order
      const bounds = [-1, ...anchors, list.length];
      for (let g = 0; g + 1 < bounds.length; g++) {
        const [a, b] = [bounds[g]!, bounds[g + 1]!];
        const open = list.slice(a + 1, b).filter((fs) => words(fs[0]!.item).length >= 2);
        if (!open.length) continue;
        const lo = a >= 0 ? at(list[a]!) : -1;
        const hi = b < list.length ? at(list[b]!) : labels.length;
        const cands = labels.slice(lo + 1, hi);
        const picked = assign(open.map((fs) => words(fs[0]!.item)), cands);
        if (!picked) continue;
        open.forEach((fs, i) => {
          if (picked[i]! < 0) return;
          for (const f of fs) {
            f.item = cands[picked[i]!]!;
            f.flags = [...f.flags.filter((x) => x !== fuzzyFlag), fuzzyFlag];
            n++;
          }
        });
      }
    }
  }
  return n;
}

/** A total's or carry-over's label of an OCR'd two-sided 总表 misread beyond one character
 *  (平札结转和结余, 年术结转和结余: 年初 or 年末?): the side it is printed on says which, when one of that
 *  side's words (row-labels.json `side_words`) is within one character in three of it and no other is. Only rows
 *  `doubtful` says were misread, without a code; they take the word and `fuzzyFlag`. Returns how
 *  many facts were relabelled. */
export function sideWordsBySide(tables: Table[], facts: Fact[], twoSided: (kind: string) => boolean, doubtful: (f: Fact) => boolean, fuzzyFlag: string): number {
  const ocr = new Set(tables.filter((t) => t.method === 'ocr' && twoSided(t.table_kind)).map((t) => t.table_id));
  let n = 0;
  for (const f of facts) {
    const own = knowledge().side_words[f.section];
    if (!own || !ocr.has(f.table_id) || f.code || !doubtful(f)) continue;
    const w = words(f.item);
    const len = Array.from(w).length;
    if (len < 4) continue;
    const hits = own.filter((l) => editDistance(w, l) <= Math.max(1, Math.floor(Array.from(l).length / 3)));
    if (hits.length !== 1) continue;
    f.item = hits[0]!;
    f.flags = [...f.flags.filter((x) => x !== fuzzyFlag), fuzzyFlag];
    n++;
  }
  return n;
}
