// The altered 财政局 document (errors injected, re-typeset): the checks catch what was removed and
// the diff against the original lists it. Corpus tier: both whole documents from the shared corpus.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ingest } from '../../index.js';
import { diffRuns, readRun } from '../../output/diff/cli.js';
import { corpusFile, describeCorpus, SHARED } from '../corpus-tier.js';

const root = mkdtempSync(join(tmpdir(), 'fx-mod-'));
const orig = SHARED ? await ingest([corpusFile('sh-putuo-caizhengju-2024-dept-final.pdf')], { out: join(root, 'orig') }) : undefined;
const mod = SHARED ? await ingest([corpusFile('sh-putuo-caizhengju-2024-dept-final-MODIFIED.pdf')], { out: join(root, 'mod') }) : undefined;

describeCorpus('the MODIFIED 财政局 document', () => {
  it('both are read as text PDFs', () => {
    expect(orig!.documents.map((d) => [d.format, d.status])).toEqual([['pdf-text', 'ok']]);
    expect(mod!.documents.map((d) => [d.format, d.status])).toEqual([['pdf-text', 'ok']]);
  });
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
