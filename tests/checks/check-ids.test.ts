// The stable check ids (normalizers/checks/ids.ts) are the vocabulary of checks.csv: every one is
// documented in SCHEMA.md, every accounting identity is one of them, and a run writes no other.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../normalizers/checks/ids.js';
import { IDENTITY_CHECKS } from '../../normalizers/checks/verify.js';
import { runChecks } from '../../normalizers/checks/index.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { record, SEED_001 } from './helpers.js';

const schema = readFileSync(new URL('../../SCHEMA.md', import.meta.url), 'utf8');

describe('check ids', () => {
  it('are documented in SCHEMA.md and cover the accounting identities', () => {
    expect(Object.keys(CHECK_IDS).filter((id) => !schema.includes(`\`${id}\``))).toEqual([]);
    expect(IDENTITY_CHECKS.filter((id) => !(id in CHECK_IDS))).toEqual([]);
  });

  it('a seed whose 05表 is altered fails identities whose ids are all stable ids', async () => {
    const doc = await record(SEED_001);
    const f = doc.facts.find((x) => x.table_kind === 'general_budget_expenditure' && x.code.length === 7 && !x.value.isZero())!;
    f.value = f.value.plus(1);
    const checks = runChecks(doc, loadTaxonomy());
    const identity = checks.filter((c) => (IDENTITY_CHECKS as readonly string[]).includes(c.check_id));
    expect(identity.length).toBeGreaterThan(0);
    expect(identity.map((c) => c.check_id).filter((id) => !(id in CHECK_IDS))).toEqual([]);
  });
});
