// Two runs for the diff and review tests: seed 001 as printed, and a copy with one number of its
// 公开05表 altered (2101550 事业运行 合计 1,585.25 → 1,558.25), each ingested into its own folder.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../index.js';

export const SEED_001 = new URL('../../corpus/samples/001_527840cd4be78074.txt', import.meta.url).pathname;
export const NAME = '001_527840cd4be78074.txt';

/** Replace the 05表's 1,585.25 (the first of its two: 合计 before 基本支出). */
export function alteredSeed(): string {
  const lines = readFileSync(SEED_001, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === '公开05表');
  const end = lines.findIndex((l, i) => i > start && l.trim() === '公开06表');
  const at = lines.findIndex((l, i) => i > start && i < end && l.trim() === '1,585.25');
  if (start < 0 || at < 0) throw new Error('seed 001 layout changed: 05表 1,585.25 not found');
  lines[at] = lines[at]!.replace('1,585.25', '1,558.25');
  return lines.join('\n');
}

export interface Runs { root: string; oldOut: string; newOut: string; altered: string }

let cached: Promise<Runs> | undefined;
export function runs(): Promise<Runs> {
  return (cached ??= (async () => {
    const root = mkdtempSync(join(tmpdir(), 'fx-diff-'));
    mkdirSync(join(root, 'in-new'));
    const altered = join(root, 'in-new', NAME);
    writeFileSync(altered, alteredSeed());
    const oldOut = join(root, 'old');
    const newOut = join(root, 'new');
    await ingest([SEED_001], { out: oldOut });
    await ingest([altered], { out: newOut });
    return { root, oldOut, newOut, altered };
  })());
}
