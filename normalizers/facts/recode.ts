// A row's facts given the code OCR misread, taken from the structure (ocr-parents.ts,
// ocr-code-strokes.ts): the code and what the taxonomy says of it, code_source `resolved`, and the
// repair's flag.
import type { Fact } from '../../model/types.js';
import type { Taxonomy } from '../taxonomy/index.js';
import type { TaxonomyEntry } from '../taxonomy/types.js';

export function recodeRow(row: readonly Fact[], code: string, entry: TaxonomyEntry, taxonomy: Taxonomy, repairedFlag: string): void {
  for (const f of row) {
    f.code = code;
    f.code_source = 'resolved';
    f.canonical_name = entry.name;
    f.level = entry.level;
    f.parent_code = entry.parent;
    f.cofog = taxonomy.cofog(code);
    f.flags = [...f.flags, repairedFlag];
  }
}
