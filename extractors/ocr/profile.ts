// OCR stage profile, for the bench (BENCH_GRID_PROFILE=1) and by hand: with FISCAL_EXTRACT_OCR_PROFILE
// set to a file, every stage of reading a page (the page image got from the PDF, image preparation,
// the first pass, each re-read, the orientation probes, worker start-up, the sums' cell re-reads)
// appends one JSON line {stage, cpu, wall} (ms) to it, and the shared OCR pool runs one worker, so
// that one thing happens at a time: a stage's CPU is the process's CPU (user + system, every thread,
// the tesseract worker's included) while it runs, less what the stages it holds took (worker
// start-up happens inside the first job that needs a worker). Off (the default), nothing is measured
// and nothing changes.
import { appendFileSync } from 'node:fs';

const FILE = process.env.FISCAL_EXTRACT_OCR_PROFILE || undefined;

/** whether stages are being measured (the shared pool then runs one worker) */
export const profiling = FILE !== undefined;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Open { stage: string; cpu: number; wall: number; childCpu: number; childWall: number }
const open: Open[] = [];

function begin(stage: string): Open {
  const o = { stage, cpu: cpuMs(), wall: performance.now(), childCpu: 0, childWall: 0 };
  open.push(o);
  return o;
}

function end(o: Open): void {
  const cpu = cpuMs() - o.cpu;
  const wall = performance.now() - o.wall;
  // (a stage left open by an error inside it ends with the one that holds it)
  const i = open.lastIndexOf(o);
  if (i < 0) return;
  open.length = i;
  const parent = open[open.length - 1];
  if (parent) {
    parent.childCpu += cpu;
    parent.childWall += wall;
  }
  try {
    appendFileSync(FILE!, JSON.stringify({ stage: [...open.map((q) => q.stage), o.stage].join('/'), cpu: Math.round((cpu - o.childCpu) * 10) / 10, wall: Math.round((wall - o.childWall) * 10) / 10 }) + '\n');
  } catch {
    // a profile that cannot be written is no reason to fail a page
  }
}

/** A stage begun (measured when profiling; undefined otherwise): end it with stageEnd. */
export function stageBegin(name: string): unknown {
  return FILE ? begin(name) : undefined;
}

export function stageEnd(mark: unknown): void {
  if (mark) end(mark as Open);
}

/** `f` run as `stage` (measured when profiling). */
export function stage<T>(name: string, f: () => T): T {
  if (!FILE) return f();
  const o = begin(name);
  try {
    return f();
  } finally {
    end(o);
  }
}

/** `f` awaited as `stage` (measured when profiling). */
export async function stageAsync<T>(name: string, f: () => Promise<T>): Promise<T> {
  if (!FILE) return f();
  const o = begin(name);
  try {
    return await f();
  } finally {
    end(o);
  }
}
