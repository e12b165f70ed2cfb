// Run the fact scorer (tests/fixtures/tools/score-facts.mjs, a copy of ../shared/tools/score-facts.mjs)
// on an output folder: the fixtures' target is F1 = 1.
import { execFileSync } from 'node:child_process';
import { fixture } from '../../fixture.js';

export const SCORE = fixture('tools/score-facts.mjs');

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
