// Doubt shared along an equality. In a table read by OCR, a parent printed with one child (宣传事务
// 1, 106, 000 over its only 项 一般行政管理事务 1, 106, 000) is two cells holding the same amount in
// the same print: OCR misreads them the same way (both 106,000), their identity parent = Σ children
// holds, and only the parent is caught by the identity above it (类 = Σ 款). The one-child identity
// does not vouch for the child, so the child takes the failing identity's flag too: whatever makes
// the parent wrong makes it wrong. Only OCR tables, only function / economic codes with one child
// of equal value in the same table, section and column; applied until nothing changes.
import type { DocumentRecord, Fact } from '../../model/types.js';

/** identities whose failure says a value may be misread */
const VALUE_FLAGS = ['hierarchy_sum', 'column_sum', 'side_sum', 'grand_total', 'class_sum', 'three_public_sum', 'balance', 'cross_table_total'];

/** Adds the value flags of each flagged parent to its only child (and down); returns how many facts took a flag. */
export function shareDoubtWithOnlyChild(doc: DocumentRecord): number {
  const ocr = new Set(doc.tables.filter((t) => t.method === 'ocr').map((t) => t.table_id));
  if (ocr.size === 0) return 0;
  const groups = new Map<string, Map<string, Fact>>();
  for (const f of doc.facts) {
    if (!ocr.has(f.table_id) || !/^\d{3,7}$/.test(f.code) || f.unit === '%') continue;
    const k = `${f.table_id}\u0000${f.section}\u0000${f.measure}\u0000${f.measure_label}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = new Map()));
    if (!g.has(f.code)) g.set(f.code, f);
  }
  let changed = 0;
  for (const g of groups.values()) {
    const children = new Map<string, Fact[]>();
    for (const [code, f] of g) {
      if (code.length < 5) continue;
      const parent = code.slice(0, -2);
      if (!g.has(parent)) continue;
      children.set(parent, [...(children.get(parent) ?? []), f]);
    }
    // parents before children (shorter codes first), so a flag travels down a chain of only children
    for (const parent of [...children.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
      const kids = children.get(parent)!;
      const p = g.get(parent)!;
      if (kids.length !== 1 || !kids[0]!.value.equals(p.value)) continue;
      const child = kids[0]!;
      for (const flag of p.flags) {
        if (!VALUE_FLAGS.includes(flag) || child.flags.includes(flag)) continue;
        child.flags.push(flag);
        changed++;
      }
    }
  }
  return changed;
}
