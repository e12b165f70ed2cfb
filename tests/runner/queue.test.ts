// Beyond one machine: the producer (`ingest --queue redis://…`) and two worker processes
// (`fiscal-extract worker --redis …`) sharing a BullMQ queue give byte-identical datasets to a
// single-machine run. Redis: FISCAL_EXTRACT_TEST_REDIS (started by .ci/run on a non-default
// port), else a private redis-server started here, else skipped (never skipped in CI).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { cliArgs, makeCorpus, readOut, repo, tmp } from './helpers.js';
import { runs, skipWithout } from '../system-tools.js';

let url = process.env.FISCAL_EXTRACT_TEST_REDIS ?? '';
let redis: ChildProcess | undefined;
const haveRedisServer = runs('redis-server', '--version');
const skip = skipWithout(!!url || haveRedisServer, 'redis-server', 'redis-server', 'the BullMQ queue test', 'set FISCAL_EXTRACT_TEST_REDIS=redis://…');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
}

function runAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    c.stderr!.setEncoding('utf8');
    c.stderr!.on('data', (s: string) => { stderr += s; });
    const timer = setTimeout(() => c.kill('SIGKILL'), 120_000);
    c.on('exit', (status) => { clearTimeout(timer); resolve({ status, stderr }); });
  });
}

beforeAll(async () => {
  if (url || skip) return;
  const port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') return;
    await new Promise((r) => setTimeout(r, 100));
  }
});

afterAll(() => { redis?.kill('SIGTERM'); });

describe.skipIf(skip)('BullMQ over Redis', () => {
  it('two worker processes and a producer write the same bytes as one machine', async () => {
    const corpus = makeCorpus(2); // 15 documents
    const queueName = `fx-test-${process.pid}-${Date.now()}`;
    const local = tmp();
    expect(spawnSync(process.execPath, cliArgs('ingest', corpus, '--out', local, '--workers', '2', '--quiet'), { cwd: repo, timeout: 120_000 }).status).toBe(0);

    const logs: string[] = ['', ''];
    const workers = [0, 1].map((i) => {
      const w = spawn(process.execPath, cliArgs('worker', '--redis', url, '--queue-name', queueName, '--concurrency', '1'), { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
      w.stderr!.setEncoding('utf8');
      w.stderr!.on('data', (s: string) => { logs[i] += s; });
      return w;
    });
    try {
      const out = tmp();
      // async: the workers' log lines must keep arriving while the producer runs
      const r = await runAsync(cliArgs('ingest', corpus, '--out', out, '--queue', url, '--queue-name', queueName));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/15 read, 0 unchanged/);
      expect(readOut(out)).toEqual(readOut(local));
      // both workers took part
      await new Promise((res) => setTimeout(res, 300)); // the last log lines
      const done = logs.map((l) => (l.match(/^ok /gm) ?? []).length);
      expect(done[0]! + done[1]!).toBe(15);
      expect(Math.min(...done)).toBeGreaterThan(0);
    } finally {
      await new Promise((res) => setTimeout(res, 200)); // let the last log lines arrive
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(workers.map((w) => new Promise((res) => (w.exitCode !== null ? res(null) : w.once('exit', res)))));
    }
    expect(workers.map((w) => w.exitCode)).toEqual([0, 0]);
  }, 120_000);
});
