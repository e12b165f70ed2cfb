// The OCR stage profile (extractors/ocr/profile.ts): with FISCAL_EXTRACT_OCR_PROFILE set, each stage
// appends its own CPU (less the stages it holds) under its path; unset, nothing is written.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** about `ms` of CPU on this thread */
function spin(ms: number): void {
  const u0 = process.cpuUsage();
  for (;;) {
    const u = process.cpuUsage(u0);
    if ((u.user + u.system) / 1000 >= ms) return;
  }
}

async function load(file: string | undefined): Promise<typeof import('../../../extractors/ocr/profile.js')> {
  vi.resetModules();
  if (file === undefined) vi.stubEnv('FISCAL_EXTRACT_OCR_PROFILE', '');
  else vi.stubEnv('FISCAL_EXTRACT_OCR_PROFILE', file);
  return import('../../../extractors/ocr/profile.js');
}

describe('OCR stage profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fx-profile-test-'));
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('records each stage under its path, a stage’s own CPU without the stages it holds', async () => {
    const file = join(dir, 'on.jsonl');
    const p = await load(file);
    expect(p.profiling).toBe(true);
    const out = await p.stageAsync('page', async () => {
      spin(20);
      const inner = p.stage('tesseract', () => {
        spin(60);
        return 7;
      });
      const mark = p.stageBegin('prep');
      spin(10);
      p.stageEnd(mark);
      return inner;
    });
    expect(out).toBe(7);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { stage: string; cpu: number; wall: number });
    expect(lines.map((l) => l.stage)).toEqual(['page/tesseract', 'page/prep', 'page']);
    const by = Object.fromEntries(lines.map((l) => [l.stage, l.cpu]));
    expect(by['page/tesseract']).toBeGreaterThanOrEqual(55);
    // the page's own CPU: its 20 ms, not the 70 ms of the stages it held
    expect(by.page).toBeGreaterThanOrEqual(15);
    expect(by.page).toBeLessThan(50);
  });

  it('a stage whose work throws is still recorded, and the next stage is not put under it', async () => {
    const file = join(dir, 'throw.jsonl');
    const p = await load(file);
    await expect(p.stageAsync('gap-fill', async () => {
      throw new Error('tesseract failed');
    })).rejects.toThrow('tesseract failed');
    p.stage('reread-text', () => spin(1));
    const stages = readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { stage: string }).stage);
    expect(stages).toEqual(['gap-fill', 'reread-text']);
  });

  it('off (the variable unset): the work is done and nothing is measured', async () => {
    const p = await load(undefined);
    expect(p.profiling).toBe(false);
    expect(p.stage('first-pass', () => 3)).toBe(3);
    expect(await p.stageAsync('first-pass', async () => 4)).toBe(4);
    expect(p.stageBegin('prep')).toBeUndefined();
    expect(existsSync(join(dir, 'off.jsonl'))).toBe(false);
  });

  it('cleans up', () => {
    rmSync(dir, { recursive: true, force: true });
  });
});
