// Test helper: a seed's performance forms, parsed the way the pipeline does it.
import { readFileSync } from 'node:fs';
import { textExtractor } from '../../extractors/text/index.js';
import { locateTables } from '../../normalizers/tables/locate.js';
import { collectPerformanceForms, parsePerformanceForm } from '../../normalizers/performance/index.js';
import type { PerformanceForm, PerformanceIndicator } from '../../model/types.js';
import { sample } from '../fixture.js';

export interface ParsedForm { form: PerformanceForm; indicators: PerformanceIndicator[]; messages: string[] }

export async function loadForms(seed: string, issuer = 'CTX-ISSUER'): Promise<ParsedForm[]> {
  const file = sample(seed); // corpus/samples: the seed dumps (the same files as ../shared/seeds)
  const { blocks } = await textExtractor.extract(new Uint8Array(readFileSync(file)), { source: file } as never);
  return collectPerformanceForms(locateTables(blocks)).map((c, i) =>
    parsePerformanceForm(c, { doc_id: seed.slice(0, 3), table_id: `t${i}`, form_id: `f${i}`, fiscal_year: '2099', issuer }),
  );
}

/** The indicator of a form by its 三级 name. */
export function ind(f: ParsedForm, level3: string): PerformanceIndicator {
  const hit = f.indicators.find((i) => i.level3 === level3);
  if (!hit) throw new Error(`no indicator ${level3} in ${f.form.project}: ${f.indicators.map((i) => i.level3).join(', ')}`);
  return hit;
}

export function byProject(forms: ParsedForm[], project: string): ParsedForm {
  const hit = forms.find((f) => f.form.project === project);
  if (!hit) throw new Error(`no form ${project}: ${forms.map((f) => f.form.project).join(', ')}`);
  return hit;
}
