// The seed dumps: documents/s and facts/s end to end (extract → write) against a plain read of
// the same bytes (the I/O floor), and the counts per seed.
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ingest } from '../../index.js';

export async function benchSeeds(dir: string): Promise<void> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f));
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < 20; i++) for (const f of files) bytes += readFileSync(f).length;
  const readMs = (performance.now() - t0) / 20;
  const out = mkdtempSync(join(tmpdir(), 'fx-bench-'));
  const rounds = 5;
  let result = await ingest([dir], { out });
  const t1 = performance.now();
  for (let i = 0; i < rounds; i++) result = await ingest([dir], { out });
  const ms = (performance.now() - t1) / rounds;
  console.log(`  ${files.length} documents, ${(bytes / 20 / 1e6).toFixed(2)} MB: ${ms.toFixed(0)} ms per run (${(files.length / (ms / 1000)).toFixed(1)} docs/s, ${(result.facts.length / (ms / 1000)).toFixed(0)} facts/s); plain read ${readMs.toFixed(1)} ms (ratio ${(ms / readMs).toFixed(0)}x)`);
  for (const d of result.documents) {
    console.log(`  ${d.source.split('/').pop()}: ${d.status}, ${d.n_tables} tables, ${d.n_facts} facts, ${d.n_checks_failed} checks failed`);
  }
  const forms = result.performance.length;
  console.log(`  forms ${forms}, indicators ${result.indicators.length}, definitions ${result.definitions.length}`);
}
