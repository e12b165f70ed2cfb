// Coverage of the taxonomy: every code printed in a coded table of the inputs should resolve to a
// canonical (non-provisional) entry, and its printed name should be that code's name or alias.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../index.js';

export async function benchTaxonomyCoverage(samples: string, corpus?: string): Promise<void> {
  const inputs = [samples];
  if (corpus && existsSync(corpus)) {
    for (const f of readdirSync(corpus)) if (f.endsWith('.pdf') && !/SCANNED|IMAGEONLY|MODIFIED|TEMPLATE/.test(f)) inputs.push(join(corpus, f));
  }
  const r = await ingest(inputs);
  const printed = r.facts.filter((f) => f.code && f.code_source === 'printed' && f.table_kind !== 'unknown' && !f.table_kind.startsWith('performance'));
  const codes = new Map<string, { provisional: boolean; system: string }>();
  for (const f of printed) codes.set(`${f.code_system}|${f.code}`, { provisional: f.flags.includes('provisional_code') || !f.canonical_name, system: f.code_system });
  const bySystem = new Map<string, [number, number]>();
  for (const { provisional, system } of codes.values()) {
    const v = bySystem.get(system) ?? [0, 0];
    v[0]++;
    if (!provisional) v[1]++;
    bySystem.set(system, v);
  }
  const pdfDocs = r.documents.filter((d) => d.format.startsWith('pdf'));
  console.log(`  inputs: ${r.documents.length} documents (${pdfDocs.length} PDF, ${pdfDocs.filter((d) => d.status !== 'failed').length} read)`);
  for (const [s, [n, ok]] of bySystem) console.log(`  ${s || '(no system)'}: ${ok}/${n} distinct printed codes resolve to a canonical entry (${((ok / n) * 100).toFixed(1)}%)`);
  // name → code: every code resolved from a printed name, against the code the same document prints
  // beside the same name in its coded tables
  const norm = (t: string) => t.normalize('NFKC').replace(/\s+/g, '').replace(/^([一二三四五六七八九十]+、|\d+[.、])/, '').replace(/（[类款项]）$/, '');
  const printedByDoc = new Map<string, Map<string, Set<string>>>();
  for (const f of printed) {
    const m = printedByDoc.get(f.doc_id) ?? new Map<string, Set<string>>();
    const k = `${f.code_system}|${norm(f.item)}`;
    m.set(k, (m.get(k) ?? new Set()).add(f.code));
    printedByDoc.set(f.doc_id, m);
  }
  const resolved = r.facts.filter((f) => f.code_source === 'resolved');
  let verifiable = 0;
  const wrong: string[] = [];
  const seenRes = new Set<string>();
  for (const f of resolved) {
    const key = `${f.doc_id}|${f.item}|${f.code}`;
    if (seenRes.has(key)) continue;
    seenRes.add(key);
    const codes = printedByDoc.get(f.doc_id)?.get(`${f.code_system}|${norm(f.item)}`);
    if (!codes) continue;
    verifiable++;
    if (!codes.has(f.code)) wrong.push(`${r.documents.find((d) => d.doc_id === f.doc_id)?.source.split('/').pop()}: ${f.item} → ${f.code}, the document prints ${[...codes].join('/')}`);
  }
  console.log(`  name → code: ${seenRes.size} distinct resolutions, ${verifiable} verifiable against codes the same document prints, ${wrong.length} wrong`);
  for (const w of wrong.slice(0, 10)) console.log(`    wrong: ${w}`);
  const mismatches = r.checks.filter((c) => c.check_id === 'code_name_mismatch').length;
  const unknown = r.checks.filter((c) => c.check_id === 'unknown_code').length;
  console.log(`  code_name_mismatch ${mismatches}, unknown_code ${unknown}; names resolved to codes: ${r.facts.filter((f) => f.code_source === 'resolved').length} facts`);
}
