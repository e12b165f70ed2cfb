// Run ../shared/tools/score-facts.mjs on an output folder: the fixtures' target is F1 = 1.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCORE = fileURLToPath(new URL('../../../../shared/tools/score-facts.mjs', import.meta.url));

export function scoreFacts(outDir: string, expectedCsv: string): { f1: number; report: string } {
  let report: string;
  try {
    report = execFileSync(process.execPath, [SCORE, outDir, expectedCsv, '--min-f1', '0', '--show', '10'], { encoding: 'utf8' });
  } catch (e) {
    report = String((e as { stdout?: string }).stdout ?? e);
  }
  const m = /F1=([\d.]+)/.exec(report);
  return { f1: m ? Number(m[1]) : 0, report };
}
