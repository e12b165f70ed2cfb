// statements.json: the label → measure knowledge of the prose extractor, read with fs so that it
// is found from the TS sources (vitest) and from the compiled dist/ tree alike.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface StatementSpec {
  id: string;
  /** statements of one group may be 其中-children of each other */
  group?: string;
  compare?: string;
  labels: string[];
}

export interface ProseKnowledge {
  statements: StatementSpec[];
  headingContext: { heading: string; remap: Record<string, string> }[];
  sentenceContext: { after: string; remap: Record<string, string> }[];
  childContext: { parent: string; remap: Record<string, string> }[];
  /** words besides the labels an OCR'd line is compared with (ocr-label-words.ts) */
  ocrWords: string[];
  chainMeasures: { measure: string; suffix: string }[];
  derived: {
    completion: { measure: string; suffix: string };
    share: { measure: string; suffix: string };
    change: { measure: string; rateMeasure: string; suffix: string; down: string[] };
  };
}

const here = dirname(fileURLToPath(import.meta.url));

function statementsPath(): string {
  const candidates = [join(here, 'statements.json'), resolve(here, '../../../normalizers/prose/statements.json')];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`normalizers/prose/statements.json not found (looked in ${candidates.join(', ')})`);
}

let cached: ProseKnowledge | undefined;

export function proseKnowledge(): ProseKnowledge {
  if (!cached) cached = JSON.parse(readFileSync(statementsPath(), 'utf8')) as ProseKnowledge;
  return cached;
}
