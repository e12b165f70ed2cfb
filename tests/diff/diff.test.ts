// fiscal-extract diff on two real runs: seed 001 and a copy with one altered number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { diffCli, diffRuns, readRun } from '../../output/diff/cli.js';
import { runs } from './fixture.js';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await diffCli(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('diff of two runs', () => {
  it('lists the altered fact old → new and the checks it makes fail', async () => {
    const r = await runs();
    const d = diffRuns(readRun(r.oldOut), readRun(r.newOut));
    expect(d.documents).toHaveLength(1);
    const doc = d.documents[0]!;
    expect(doc.facts_changed).toEqual([expect.objectContaining({ key: 'general_budget_expenditure |  | 2101550 | total', old: '1585.25', new: '1558.25', unit: '万元' })]);
    expect(doc.facts_added).toEqual([]);
    expect(doc.facts_removed).toEqual([]);
    const failing = doc.checks_failing.map((c) => c.key.split(' | ')[1]);
    expect(failing).toEqual(expect.arrayContaining(['hierarchy_sum', 'column_sum', 'prose_vs_table']));
    expect(doc.checks_passing).toEqual([]);
    expect(doc.transition).toBe('');
  });

  it('the same run against itself is unchanged: exit 0 even with --fail-on-change', async () => {
    const r = await runs();
    const res = await cli([r.oldOut, r.oldOut, '--fail-on-change']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^0 document\(s\) changed/m);
  });

  it('terminal summary by default; exit 1 with --fail-on-change', async () => {
    const r = await runs();
    const plain = await cli([r.oldOut, r.newOut]);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('general_budget_expenditure |  | 2101550 | total: 1585.25 → 1558.25 万元');
    expect((await cli([r.oldOut, r.newOut, '--fail-on-change'])).code).toBe(1);
  });

  it('md, json and html to stdout or --out', async () => {
    const r = await runs();
    const md = await cli([r.oldOut, r.newOut, '--format', 'md']);
    expect(md.out).toMatch(/\| general_budget_expenditure \\\| {2}\\\| 2101550 \\\| total \| 1585\.25 \| 1558\.25 \| 万元 \|/);
    const json = JSON.parse((await cli([r.oldOut, r.newOut, '--format', 'json'])).out);
    expect(json.totals).toMatchObject({ facts_changed: 1, documents_changed: 1 });
    const file = join(r.root, 'diff.html');
    const html = await cli([r.oldOut, r.newOut, '--format=html', '--out', file]);
    expect(html.out).toBe('');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^<!doctype html>/);
    expect(text).toContain('<td>1558.25</td>');
  });

  it('usage errors exit 2', async () => {
    const r = await runs();
    expect((await cli([r.oldOut])).code).toBe(2);
    expect((await cli([r.oldOut, r.newOut, '--format', 'xml'])).code).toBe(2);
    expect((await cli([r.oldOut, r.newOut, '--bogus'])).code).toBe(2);
    expect((await cli([r.oldOut, join(r.root, 'nope')])).code).toBe(2);
  });
});
