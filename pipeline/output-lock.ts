// One run at a time per output folder: <out>/.fiscal-extract/lock names the run that holds it
// (pid, host, start time, and on Linux the boot id and the process's start tick, so a pid reused
// after a crash or a reboot is not taken for the holder). The lock is created atomically (a
// complete file hard-linked into place: fails when one is there); a second run stops with one line
// naming the holder, or waits (`waitMs`). A lock whose process is dead on this host is taken over
// with a warning. Released by `release()`, and when the process exits (the CLI turns SIGINT and
// SIGTERM into an exit).
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

interface LockInfo { pid: number; host: string; started: string; boot_id?: string; proc_start?: string; token: string }

/** The output folder is in use by another run (and did not become free within the wait). */
export class OutputLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputLockedError';
  }
}

interface OutputLock {
  path: string;
  /** one line when a lock of a dead run was taken over */
  warning?: string;
  release(): void;
}

const held = new Map<string, string>(); // lock path → token, locks held by this process

function readProc(file: string): string | undefined {
  try { return readFileSync(file, 'utf8'); } catch { return undefined; }
}

/** Linux: the boot id, and a process's start time in clock ticks since boot (field 22 of stat). */
function bootId(): string | undefined {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim();
}
function procStart(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19]; // field 22 counts from 1 and includes pid and comm
}

function pidAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Whether the run that wrote `info` is certainly gone: same host, and its pid is dead, reused by
 *  another process, from before a reboot, or this process's own pid on a lock it does not hold. */
function holderDead(info: LockInfo, path: string): boolean {
  if (info.host !== hostname()) return false;
  const boot = bootId();
  if (info.boot_id && boot && info.boot_id !== boot) return true;
  if (info.pid === process.pid) return held.get(path) !== info.token;
  if (!pidAlive(info.pid)) return true;
  const start = procStart(info.pid);
  return !!info.proc_start && !!start && start !== info.proc_start;
}

function readLock(path: string): { info: LockInfo | undefined; text: string } | undefined {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try { return { info: JSON.parse(text) as LockInfo, text }; } catch { return { info: undefined, text }; }
}

function describe(info: LockInfo | undefined): string {
  return info ? `pid ${info.pid} on ${info.host}, started ${info.started}` : 'an unreadable lock file';
}

/** Create the lock file or fail with EEXIST: written completely beside it first, then linked. */
function tryCreate(path: string, info: LockInfo): boolean {
  const tmp = `${path}.${process.pid}.${info.token}`;
  const fd = openSync(tmp, 'wx');
  try { writeSync(fd, JSON.stringify(info) + '\n'); } finally { closeSync(fd); }
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Move a dead run's lock aside, only if it is still the one judged dead (else put it back). */
function takeOver(path: string, text: string): boolean {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try { renameSync(path, aside); } catch { return false; }
  let moved = '';
  try { moved = readFileSync(aside, 'utf8'); } catch { /* gone: treat as taken */ }
  if (moved !== text) {
    try { linkSync(aside, path); } catch { /* another run holds the lock now */ }
  }
  rmSync(aside, { force: true });
  return moved === text;
}

/** Take the lock of an output folder; throws OutputLockedError when another run holds it
 *  (after waiting up to `waitMs`, polling every `pollMs`). */
export async function lockOutput(outDir: string, opts: { waitMs?: number; pollMs?: number } = {}): Promise<OutputLock> {
  const dir = join(outDir, '.fiscal-extract');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'lock');
  const boot = bootId();
  const start = procStart(process.pid);
  const info: LockInfo = {
    pid: process.pid, host: hostname(), started: new Date().toISOString(),
    ...(boot ? { boot_id: boot } : {}), ...(start ? { proc_start: start } : {}), token: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + (opts.waitMs ?? 0);
  let warning: string | undefined;
  for (;;) {
    if (tryCreate(path, info)) break;
    const cur = readLock(path);
    if (!cur) continue; // released in between: try again
    if (cur.info && holderDead(cur.info, path)) {
      if (takeOver(path, cur.text)) warning = `took over the lock of a run that is no longer running (${describe(cur.info)}): ${path}`;
      continue;
    }
    if (Date.now() >= deadline) {
      const waited = opts.waitMs ? ` (waited ${+(opts.waitMs / 1000).toFixed(1)} s)` : '';
      throw new OutputLockedError(`${outDir} is in use by another run (${describe(cur.info)})${waited}: wait for it to finish or use --wait-lock <seconds>; if no such run exists, remove ${path}`);
    }
    await new Promise((r) => setTimeout(r, Math.min(opts.pollMs ?? 250, Math.max(1, deadline - Date.now()))));
  }
  held.set(path, info.token);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    held.delete(path);
    const cur = readLock(path);
    if (cur?.info?.token === info.token) {
      try { unlinkSync(path); } catch { /* already gone */ }
    }
  };
  process.on('exit', release);
  return { path, ...(warning ? { warning } : {}), release };
}
