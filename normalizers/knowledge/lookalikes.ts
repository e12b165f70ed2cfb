// Characters a scan's OCR reads one for the other (knowledge/ocr-lookalikes.json): a swap within a
// group is no misread character where an OCR'd title, header or label of the prose is compared
// with the words the project knows.
import { readKnowledgeJson } from './load.js';

let lookalikeGroups: Map<string, string> | undefined;

/** whether `a` and `b` are one character, or two of one group of lookalikes */
export function lookalike(a: string, b: string): boolean {
  if (a === b) return true;
  lookalikeGroups ??= new Map(readKnowledgeJson<{ groups: string[] }>('ocr-lookalikes.json').groups.flatMap((g) => Array.from(g).map((c) => [c, g] as [string, string])));
  const g = lookalikeGroups.get(a);
  return g !== undefined && g === lookalikeGroups.get(b);
}
