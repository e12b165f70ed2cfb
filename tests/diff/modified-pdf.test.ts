// The altered 财政局 document (errors injected, re-typeset): the checks catch what was removed and
// the diff against the original lists it. Runs once the PDF extractor is wired into the pipeline;
// until then (documents.csv: no extractor for pdf-text) it is skipped.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../index.js';
import { diffRuns, readRun } from '../../output/diff/cli.js';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname;
const ORIG = join(CORPUS, 'sh-putuo-caizhengju-2024-dept-final.pdf');
const MOD = join(CORPUS, 'sh-putuo-caizhengju-2024-dept-final-MODIFIED.pdf');
const root = mkdtempSync(join(tmpdir(), 'fx-mod-'));

const present = existsSync(ORIG) && existsSync(MOD);
const orig = present ? await ingest([ORIG], { out: join(root, 'orig') }) : undefined;
const wired = !!orig && orig.documents[0]?.format === 'pdf-text' && !/no extractor/.test(orig.documents[0]?.error ?? '');
const mod = wired ? await ingest([MOD], { out: join(root, 'mod') }) : undefined;

describe('the MODIFIED 财政局 document', () => {
  it('the original passes its completeness checks', () => {
    expect(orig!.checks.filter((c) => c.check_id === 'missing_table' || c.check_id === 'empty_table_unexplained')).toEqual([]);
  });
  it('missing_table: the 支出决算表 (公开03表) was taken out', () => {
    expect(mod!.checks.filter((c) => c.check_id === 'missing_table').map((c) => c.subject)).toEqual(['expenditure']);
  });
  it('empty_table_unexplained: the 三公 table was emptied without a note', () => {
    const t = mod!.tables.find((t) => t.table_kind === 'three_public_expenses');
    expect(mod!.checks.some((c) => c.check_id === 'empty_table_unexplained' && c.table_id === t?.table_id)).toBe(true);
  });
  it('the diff lists the removed tables’ facts and the newly failing checks', () => {
    const d = diffRuns(readRun(join(root, 'orig')), readRun(join(root, 'mod')));
    expect(d.documents).toHaveLength(1); // paired one to one although the names differ
    const doc = d.documents[0]!;
    expect(doc.facts_removed.some((f) => f.key.startsWith('expenditure |'))).toBe(true);
    expect(doc.facts_removed.some((f) => f.key.startsWith('three_public_expenses |'))).toBe(true);
    expect(doc.checks_failing.map((c) => c.key.split(' | ')[1])).toEqual(expect.arrayContaining(['missing_table', 'empty_table_unexplained']));
  });
});
