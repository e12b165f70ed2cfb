// Shared by the runner tests: small corpora made from the bundled samples, the CLI from sources.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const samples = join(repo, 'corpus/samples');
export const register = join(repo, 'tests/runner/ts-register.mjs');
export const cli = join(repo, 'pipeline/cli.ts');
/** node arguments that run the CLI from the TypeScript sources */
export const cliArgs = (...args: string[]) => ['--import', register, cli, ...args];

export function tmp(prefix = 'fx-runner-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** the seed samples, plus `variants` copies per seed that differ only in trailing white space */
export function makeCorpus(variants = 0, dir = tmp('fx-corpus-')): string {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(samples).sort()) {
    copyFileSync(join(samples, f), join(dir, f));
    const text = readFileSync(join(samples, f));
    for (let v = 1; v <= variants; v++) {
      writeFileSync(join(dir, f.replace(/\.txt$/, `.v${String(v).padStart(3, '0')}.txt`)), Buffer.concat([text, Buffer.from(variantTail(v))]));
    }
  }
  return dir;
}

/** trailing white space that encodes `n` (spaces and tabs), so every variant has its own hash */
export function variantTail(n: number): string {
  return '\n' + n.toString(2).replace(/0/g, ' ').replace(/1/g, '\t') + '\n';
}

export const DATA_FILES = ['documents.csv', 'tables.csv', 'facts.csv', 'checks.csv', 'performance.csv', 'performance_indicators.csv', 'definitions.csv', 'budget_lines.csv', 'facts.json', 'datapackage.json'];

export function readOut(dir: string, files = DATA_FILES): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}
