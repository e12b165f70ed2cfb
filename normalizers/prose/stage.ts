// Prose facts (情况说明 sentences) and 名词解释 code definitions of a document.
import { Decimal } from 'decimal.js';
import type { DocumentRecord, Fact } from '../../model/types.js';
import type { Taxonomy } from '../taxonomy/index.js';
import { extractProseFacts, collectDefinitions } from './index.js';
import { toYuan } from '../values/units.js';
import { figureBox } from './figure-box.js';

export function proseStage(doc: DocumentRecord, taxonomy: Taxonomy): void {
  const lineBlocks = doc.blocks.flatMap((b) => (b.kind === 'line' ? [b] : []));
  const ocrPages = new Set(doc.ocrPages?.map((p) => p.page));
  const lines = lineBlocks.map((b) => (b.page !== undefined ? { text: b.text, page: b.page, ...(ocrPages.has(b.page) ? { ocr: true } : {}) } : { text: b.text }));
  // the figures of each line already given to a fact (figure-box.ts)
  const taken = new Map<number, Set<string>>();
  const year = doc.fiscal_year;
  const resolveChain = (parts: { name: string; level: '类' | '款' | '项' }[]): string | undefined => {
    let parent: string | undefined;
    let code: string | undefined;
    for (const p of parts) {
      const hit = taxonomy.resolveName(p.name, { system: 'function', level: p.level, ...(parent ? { parent } : {}), ...(year ? { year } : {}) });
      if (!hit) return undefined;
      code = hit.code;
      parent = hit.code;
    }
    return code;
  };
  for (const pf of extractProseFacts(lines, { resolveChain })) {
    const value = new Decimal(pf.value);
    const entry = pf.code ? taxonomy.lookup(pf.code, year) : undefined;
    const fact: Fact = {
      doc_id: doc.doc_id, table_id: 'narrative', table_kind: 'narrative', section: '', code: pf.code,
      code_system: pf.code ? (taxonomy.systemOf(pf.code) ?? '') : '', item: pf.item, canonical_name: entry?.name ?? '',
      level: entry?.level ?? '', parent_code: entry?.parent ?? '', cofog: pf.code ? taxonomy.cofog(pf.code) : '',
      measure: pf.measure, measure_label: pf.measure_label, value, unit: pf.unit, amount_yuan: toYuan(value, pf.unit),
      flags: [...pf.flags], code_source: pf.code ? 'resolved' : '', row: pf.line, col: 0,
    };
    if (pf.page !== undefined) fact.page = pf.page;
    const parts = lineBlocks[pf.line]?.parts;
    if (parts && fact.page !== undefined) {
      const used = taken.get(pf.line) ?? new Set<string>();
      taken.set(pf.line, used);
      const box = figureBox(parts, pf.value, used);
      if (box) fact.box = box;
    }
    doc.facts.push(fact);
  }
  doc.definitions.push(...collectDefinitions(lines, doc.doc_id, year));
}
