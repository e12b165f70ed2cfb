// The real corpus PDFs (whole, from the shared corpus: the corpus tier) through the whole pipeline
// (cached per test file), and fact look-ups.
import { readFileSync } from 'node:fs';
import type { DocumentRecord, Fact } from '../../model/types.js';
import { processDocument } from '../../pipeline/process-document.js';
import { corpusFile } from '../corpus-tier.js';

export { describeCorpus } from '../corpus-tier.js';

const cache = new Map<string, Promise<DocumentRecord>>();

export function corpusDoc(name: string): Promise<DocumentRecord> {
  let hit = cache.get(name);
  if (!hit) {
    const file = corpusFile(name);
    hit = processDocument(file, new Uint8Array(readFileSync(file)));
    cache.set(name, hit);
  }
  return hit;
}

export interface FactQuery {
  kind?: string;
  code?: string;
  item?: string;
  measure?: string;
  page?: number;
  section?: string;
}

export function facts(doc: DocumentRecord, q: FactQuery): Fact[] {
  return doc.facts.filter(
    (f) =>
      (q.kind === undefined || f.table_kind === q.kind) &&
      (q.code === undefined || f.code === q.code) &&
      (q.item === undefined || f.item === q.item) &&
      (q.measure === undefined || f.measure === q.measure) &&
      (q.page === undefined || f.page === q.page) &&
      (q.section === undefined || f.section === q.section),
  );
}

/** the printed values (as decimal strings with the printed scale) of the facts matching q */
export function values(doc: DocumentRecord, q: FactQuery): string[] {
  return facts(doc, q).map((f) => f.value.toFixed(f.scale ?? f.value.decimalPlaces()));
}

export function errorChecks(doc: DocumentRecord, checkId?: string) {
  return doc.checks.filter((c) => c.severity === 'error' && (checkId === undefined || c.check_id === checkId));
}
