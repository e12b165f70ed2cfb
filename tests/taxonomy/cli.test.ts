// The CLI functions the lead wires into `fiscal-extract taxonomy …`.
import { describe, expect, it } from 'vitest';
import { taxonomyCli } from '../../tools/taxonomy/cli.js';

async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await taxonomyCli(argv, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('taxonomyCli', () => {
  it('--help and usage errors', async () => {
    expect((await run('--help')).code).toBe(0);
    expect((await run('--help')).out).toContain('lookup <code|name>');
    expect((await run()).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('build')).code).toBe(2);
    expect((await run('import', 'x.csv')).code).toBe(2);
    expect((await run('lookup', '210', '--bogus', '1')).code).toBe(2);
    expect((await run('lookup', '行政运行', '--level', 'X')).code).toBe(2);
  });
  it('lookup by code, year-aware', async () => {
    const r = await run('lookup', '210', '--year', '2018');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).name).toBe('医疗卫生与计划生育支出');
    expect(JSON.parse((await run('lookup', '2081999')).out).provisional).toBe(true);
    expect((await run('lookup', '99')).code).toBe(1);
  });
  it('lookup by name, with context; ambiguity fails', async () => {
    const r = await run('lookup', '行政运行', '--parent', '21015');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).code).toBe('2101501');
    expect((await run('lookup', '行政运行')).code).toBe(1);
    expect(JSON.parse((await run('lookup', '九、卫生健康支出')).out).code).toBe('210');
  });
  it('stats', async () => {
    const r = await run('stats');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).systems.function.类).toBe(30);
  });
  it('failures exit 1', async () => {
    expect((await run('import', '/nonexistent.xlsx', '--year', '2022', '--out', '/tmp')).code).toBe(1);
    expect((await run('build', '/nonexistent-input', '--out', '/tmp/taxonomy-never')).code).toBe(1);
  });
});
