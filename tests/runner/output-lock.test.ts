// One run at a time per output folder (issue 17): a second run stops with one line and exit 4
// (or waits with --wait-lock), the output folder untouched; a dead run's lock is taken over with a
// warning; the lock goes when the run ends, also on SIGINT.
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lockOutput, OutputLockedError } from '../../pipeline/output-lock.js';
import { ingest } from '../../pipeline/ingest.js';
import { cliArgs, makeCorpus, repo, samples, tmp } from './helpers.js';

const lockFile = (out: string) => join(out, '.fiscal-extract', 'lock');

/** the pid of a process that has exited */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function writeLock(out: string, info: Record<string, unknown>): void {
  mkdirSync(join(out, '.fiscal-extract'), { recursive: true });
  writeFileSync(lockFile(out), JSON.stringify({ started: '2026-01-01T00:00:00.000Z', token: 'x', ...info }));
}

describe('the output lock', () => {
  it('is held once: a second taker gets one line naming the holder; released, it can be taken again', async () => {
    const out = tmp();
    const a = await lockOutput(out);
    const info = JSON.parse(readFileSync(lockFile(out), 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: hostname() });
    const err = await lockOutput(out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputLockedError);
    expect((err as Error).message).toBe(`${out} is in use by another run (pid ${process.pid} on ${hostname()}, started ${info.started}): wait for it to finish or use --wait-lock <seconds>; if no such run exists, remove ${lockFile(out)}`);
    a.release();
    expect(existsSync(lockFile(out))).toBe(false);
    const b = await lockOutput(out);
    expect(b.warning).toBeUndefined();
    b.release();
    expect(readdirSync(join(out, '.fiscal-extract'))).toEqual([]);
  });

  it('waits for the holder when asked', async () => {
    const out = tmp();
    const a = await lockOutput(out);
    setTimeout(() => a.release(), 300);
    const t0 = Date.now();
    const b = await lockOutput(out, { waitMs: 20_000, pollMs: 50 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    b.release();
    const c = await lockOutput(out);
    await expect(lockOutput(out, { waitMs: 200, pollMs: 50 })).rejects.toThrow(/in use by another run .*\(waited 0.2 s\)/);
    c.release();
  });

  it('takes over the lock of a dead run on this host, with a warning', async () => {
    const out = tmp();
    const pid = deadPid();
    writeLock(out, { pid, host: hostname() });
    const l = await lockOutput(out);
    expect(l.warning).toBe(`took over the lock of a run that is no longer running (pid ${pid} on ${hostname()}, started 2026-01-01T00:00:00.000Z): ${lockFile(out)}`);
    expect(JSON.parse(readFileSync(lockFile(out), 'utf8')).pid).toBe(process.pid);
    l.release();
  });

  it('a pid alive but reused (another start time, or another boot) is not the holder', async () => {
    const out = tmp();
    writeLock(out, { pid: process.pid === 1 ? 2 : 1, host: hostname(), proc_start: '1', boot_id: 'another-boot' });
    const l = await lockOutput(out);
    expect(l.warning).toMatch(/^took over the lock/);
    l.release();
  });

  it('a live process, or another host, holds it', async () => {
    const out = tmp();
    writeLock(out, { pid: process.ppid, host: hostname() });
    await expect(lockOutput(out)).rejects.toThrow(`pid ${process.ppid} on ${hostname()}`);
    writeLock(out, { pid: deadPid(), host: 'another-host.example' });
    await expect(lockOutput(out)).rejects.toThrow('on another-host.example');
  });

  it('ingest() into a folder another run holds stops before reading or writing anything', async () => {
    const out = tmp();
    const held = await lockOutput(out);
    await expect(ingest([samples], { out })).rejects.toBeInstanceOf(OutputLockedError);
    expect(readdirSync(out)).toEqual(['.fiscal-extract']);
    held.release();
  });
});

describe('the CLI and the lock', () => {
  it('a second ingest into the same --out exits 4 with one line and leaves the folder alone', () => {
    const out = tmp();
    const held = lockOutput(out);
    return held.then((h) => {
      const r = spawnSync(process.execPath, cliArgs('ingest', samples, '--out', out, '--quiet', '--workers', '0'), { cwd: repo, encoding: 'utf8', timeout: 60_000 });
      h.release();
      expect(r.status).toBe(4);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^fiscal-extract: .* is in use by another run \(pid \d+ on .*\): wait for it to finish or use --wait-lock <seconds>; if no such run exists, remove .*lock$/)]);
      expect(readdirSync(out)).toEqual(['.fiscal-extract']);
    });
  }, 60_000);

  it('SIGINT during a run: exit 130 and the lock is released', async () => {
    const corpus = makeCorpus(3); // 20 documents: still running when the signal comes
    const out = tmp();
    const child = spawn(process.execPath, cliArgs('ingest', corpus, '--out', out, '--workers', '1', '--quiet'), { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const t0 = Date.now();
    while (!existsSync(lockFile(out)) && child.exitCode === null && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 25));
    expect(existsSync(lockFile(out))).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/fiscal-extract: stopped by SIGINT/);
    expect(existsSync(lockFile(out))).toBe(false);
    expect(existsSync(join(out, 'facts.csv'))).toBe(false);
  }, 90_000);
});
