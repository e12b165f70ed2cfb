// Nothing lost, nothing half-written: the CLI killed with SIGKILL in the middle of a run and
// started again finishes with output byte-identical to an uninterrupted run.
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cliArgs, makeCorpus, readOut, repo, tmp } from './helpers.js';

function runCli(args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, cliArgs(...args), { cwd: repo, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stderr: r.stderr };
}

describe('SIGKILL mid-run, then rerun', () => {
  it('gives the same bytes as an uninterrupted run', async () => {
    const corpus = makeCorpus(3); // 20 documents
    const clean = tmp();
    expect(runCli(['ingest', corpus, '--out', clean, '--workers', '2', '--quiet']).code).toBe(0);

    const out = tmp();
    const child = spawn(process.execPath, cliArgs('ingest', corpus, '--out', out, '--workers', '1'), { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    let seen = 0;
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (s: string) => {
        seen += (s.match(/^\[\d+\/20\]/gm) ?? []).length;
        if (seen >= 4 && child.exitCode === null) { child.kill('SIGKILL'); resolve(true); }
      });
      child.on('exit', () => resolve(false));
    });
    expect(killed).toBe(true);
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(join(out, 'facts.csv'))).toBe(false); // killed before anything was written

    const again = runCli(['ingest', corpus, '--out', out, '--workers', '2']);
    expect(again.code).toBe(0);
    const m = /(\d+) read, (\d+) unchanged/.exec(again.stderr)!;
    expect(Number(m[2])).toBeGreaterThanOrEqual(3); // what the killed run finished was kept
    expect(Number(m[1]) + Number(m[2])).toBe(20);
    expect(readOut(out)).toEqual(readOut(clean));
    expect(readdirSync(out).filter((n) => n.startsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('a run killed while swapping files in is completed by the next start', async () => {
    const { writeDataset, recoverOutput } = await import('../../output/write-dataset.js');
    const { emptyDataset } = await import('../../output/records.js');
    const { writeFileSync, mkdirSync, readFileSync } = await import('node:fs');
    const out = tmp();
    writeDataset(emptyDataset(), out, { n: 1 });
    // simulate: a complete new dataset in a temporary folder, journaled, two renames done
    const tmpName = '.tmp-999999-1';
    mkdirSync(join(out, tmpName, 'tables'), { recursive: true });
    writeFileSync(join(out, tmpName, 'facts.csv'), 'new facts\n');
    writeFileSync(join(out, tmpName, 'run.json'), '{"n":2}\n');
    writeFileSync(join(out, '.write-journal.json'), JSON.stringify({ tmp: tmpName, files: ['documents.csv', 'facts.csv', 'run.json'], tables: true }));
    recoverOutput(out);
    expect(readFileSync(join(out, 'facts.csv'), 'utf8')).toBe('new facts\n');
    expect(readFileSync(join(out, 'run.json'), 'utf8')).toBe('{"n":2}\n');
    expect(existsSync(join(out, '.write-journal.json'))).toBe(false);
    expect(readdirSync(out).filter((n) => n.startsWith('.tmp'))).toEqual([]);
  });
});
