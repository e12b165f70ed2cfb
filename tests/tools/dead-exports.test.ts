// tools/dead-exports.mjs (npm run deadcode) on a small project laid out like this one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../fixture.js';

const root = mkdtempSync(join(tmpdir(), 'dead-exports-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(files: Record<string, string>): void {
  rmSync(root, { recursive: true, force: true });
  const all: Record<string, string> = {
    'tsconfig.tests.json': JSON.stringify({
      compilerOptions: { target: 'ES2022', lib: ['ES2022'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [] },
      include: ['**/*.ts'],
    }),
    'pipeline/cli.ts': 'export const main = 1;\n',
    'pipeline/runner/worker.ts': 'export {};\n',
    'tests/bench/run.ts': 'export {};\n',
    ...files,
  };
  for (const [f, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), text);
  }
}

function run(): { code: number | null; out: string[]; err: string } {
  const r = spawnSync(process.execPath, [join(REPO, 'tools/dead-exports.mjs'), '--root', root], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout.split('\n').filter(Boolean), err: r.stderr };
}

describe('dead-exports', () => {
  it('reports exports nothing imports: unused ones and ones used only in their own file', () => {
    project({
      'index.ts': "export { api } from './output/api.js';\n",
      'output/api.ts': "import { used } from './lib.js';\nexport function api(): number { return used() + local(); }\n",
      'output/lib.ts': 'export function used(): number { return 1; }\nexport function unused(): number { return 2; }\nexport function local(): number { return 3; }\nexport const viaLocal = local();\n',
    });
    const r = run();
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['output/lib.ts:2 unused', 'output/lib.ts:3 local', 'output/lib.ts:4 viaLocal']);
  });
  it('a re-export is no use by itself; a use through it reaches the original; public API counts', () => {
    project({
      'index.ts': "export { pub } from './normalizers/facade.js';\n",
      'normalizers/facade.ts': "export { pub, viaFacade, unread } from './impl.js';\n",
      'normalizers/impl.ts': 'export const pub = 1;\nexport const viaFacade = 2;\nexport const unread = 3;\n',
      'tests/a.test.ts': "import { viaFacade } from '../normalizers/facade.js';\nexport const x = viaFacade;\n",
    });
    expect(run().out).toEqual(['normalizers/facade.ts:1 unread', 'normalizers/impl.ts:3 unread']);
  });
  it('counts type imports, import() types and destructured dynamic imports', () => {
    project({
      'index.ts': "export type { T } from './model/types.js';\n",
      'model/types.ts': 'export interface T { a: number }\nexport interface U { b: number }\nexport interface V { c: number }\n',
      'pipeline/use.ts': "export type W = import('../model/types.js').U;\nexport async function go(): Promise<number> { const { f } = await import('./lazy.js'); return f(); }\n",
      'pipeline/lazy.ts': 'export function f(): number { return 1; }\nexport function g(): number { return 2; }\n',
      'tests/use.test.ts': "import { go, type W } from '../pipeline/use.js';\nexport const y: W | Promise<number> = go();\n",
    });
    expect(run().out).toEqual(['model/types.ts:3 V', 'pipeline/lazy.ts:2 g']);
  });
  it('tools/dead-exports.known lists dead exports left for later; a stale line is reported', () => {
    project({
      'index.ts': "export { a } from './output/a.js';\n",
      'output/a.ts': 'export const a = 1;\nexport const b = 2;\n',
      'tools/dead-exports.known': '# left for later\noutput/a.ts b\noutput/a.ts a\n',
    });
    const r = run();
    expect(r.code).toBe(0);
    expect(r.out).toEqual([]);
    expect(r.err).toContain('1 known dead export');
    expect(r.err).toContain('output/a.ts a is no longer a dead export');
  });
});
