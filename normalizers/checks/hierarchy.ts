// hierarchy_sum: in a coded table, every parent code equals the sum of its children printed in the
// same section and measure (项 → 款 → 类), and the 合计 row equals the sum of the 类 rows.
import { Decimal } from 'decimal.js';
import type { CheckResult, Fact } from '../../model/types.js';
import { compareSum, type CompareOptions } from './compare.js';
import { groupBy, label } from './select.js';

// 人员经费合计 / 公用经费合计 are class_sum's (classes.ts), whatever the 06表's layout.
/** the flag of a code OCR misread and put right (normalizers/facts OCR_CODE_REPAIRED) */
const OCR_CODE_REPAIRED = 'ocr_code_repaired';
const TOTAL_ITEM = /^(合计|总计|本年支出合计|本年收入合计|支出合计|收入合计|合计数)$/;

export function hierarchyChecks(facts: Fact[], o: CompareOptions): CheckResult[] {
  const out: CheckResult[] = [];
  // columns whose header maps to no measure id are kept apart by their position
  // a table printed per unit (row_group) is a tree per unit; the prints of a label printed twice
  // (the rest of row_group) stay in their tree
  for (const group of groupBy(facts, (f) => `${f.table_id}|${f.section}|${f.unit_group ?? ''}|${f.measure || `col${f.col}`}`).values()) {
    // a code OCR misread and put right from its digits and name (208035 → 20805) stands where it was
    // printed: its children are summed under it, so a child misread too (1028.18 for 1028.48) is caught
    const coded = group.filter((f) => f.code && (f.code_source === 'printed' || f.flags.includes(OCR_CODE_REPAIRED)));
    if (coded.length < 2) continue;
    // a table may print the same codes again under a second grouping (烟台's 06表 prints the
    // 部门经济 classes once under each 政府经济 class): then each code stands for all its rows
    const byCode = new Map<string, Fact[]>();
    for (const f of coded) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
    // a repeated top-level code means a second grouping; a lower code printed again apart from its
    // first row (a continuation page repeating its parent row) is the same row
    const minLen = coded.reduce((m, f) => Math.min(m, f.code.length), Infinity);
    const repeated = [...byCode.values()].some((fs) => fs.length > 1 && fs[0]!.code.length === minLen);
    const one = (fs: Fact[]): Fact => {
      if (fs.length === 1) return fs[0]!;
      const sum: Fact = { ...fs[0]!, value: Decimal.sum(...fs.map((f) => f.value)) };
      // a failure is flagged on the code's first row (the summed value is no printed cell)
      const at = o.indexOf.get(fs[0]!);
      if (at !== undefined) o.indexOf.set(sum, at);
      // a held identity verifies every row the sum stands for
      o.stands?.set(sum, fs);
      return sum;
    };
    // a code printed on consecutive rows is one code split by a second classification printed
    // beside it (xa's 部门经济科目 30101 once per 政府经济科目 50101 / 50501): its rows add up too
    const order = new Map([...coded].sort((a, b) => a.row - b.row).map((f, i) => [f, i]));
    const adjacent = (fs: Fact[]): boolean => fs.length > 1 && [...fs].sort((a, b) => a.row - b.row).every((f, i, a) => i === 0 || order.get(f)! === order.get(a[i - 1]!)! + 1);
    const rep = new Map<string, Fact>([...byCode].map(([c, fs]) => [c, repeated || adjacent(fs) ? one(fs) : fs[0]!]));
    for (const parent of rep.values()) {
      const children = [...rep.values()].filter((c) => c.code.length === parent.code.length + 2 && c.code.startsWith(parent.code));
      if (children.length === 0) continue;
      out.push(...compareSum(parent, children, 'hierarchy_sum', `${parent.code} = Σ children${byCode.get(parent.code)!.length > 1 && rep.get(parent.code) !== byCode.get(parent.code)![0] ? ' (codes printed several times: summed)' : ''}`, o));
    }
    // the total row against the top-level codes (3-digit)
    const totals = group.filter((f) => !f.code && TOTAL_ITEM.test(label(f)));
    const tops = [...rep.values()].filter((f) => f.code.length === minLen);
    if (totals.length === 1 && tops.length >= 1 && minLen === 3) {
      out.push(...compareSum(totals[0]!, tops, 'hierarchy_sum', `${label(totals[0]!)} = Σ 类`, o));
    }
  }
  return out;
}
