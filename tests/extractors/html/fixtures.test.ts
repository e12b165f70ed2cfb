// End to end through the pipeline: the HTML renderings of real 决算 tables (tests/fixtures/html,
// written by tests/fixtures/make-fixtures.mjs) give exactly the expected facts.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../../index.js';
import { scoreFacts } from './score.js';
import { fixture } from '../../fixture.js';

const fx = (f: string) => fixture('html', f);

describe('html fixtures through the pipeline', () => {
  for (const [page, tables] of [
    ['zz-yibao-2022-final-gbk.html', ['income_expenditure_summary:公开01表', 'income:公开02表', 'expenditure:公开03表']],
    ['zz-yibao-2022-final-word.html', ['general_budget_expenditure:公开05表', 'three_public_expenses:公开07表']],
  ] as const) {
    it(`${page}: every table found and classified, fact F1 = 1`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'fx-html-'));
      try {
        const r = await ingest([fx(page)], { out });
        expect(r.documents[0]).toMatchObject({ format: 'html', status: 'ok', fiscal_year: '2022', doc_kind: 'final_accounts' });
        expect(r.tables.map((t) => `${t.table_kind}:${t.table_no}`)).toEqual(tables);
        expect(r.tables.every((t) => t.unit === '万元' && t.method === 'html')).toBe(true);
        const { f1, report } = scoreFacts(out, fx(page.replace(/\.html$/, '.expected.csv')));
        expect(f1, report).toBe(1);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
});
