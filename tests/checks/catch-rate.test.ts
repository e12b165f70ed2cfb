// Catch rate: alter one printed number at random (seeded) in the extracted tables of seeds 000 and
// 001, rerun the identities, and count the share of alterations some check catches.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { identityChecks } from '../../normalizers/checks/index.js';
import type { DocumentRecord, Fact } from '../../model/types.js';
import { prng, record, SEED_000, SEED_001 } from './helpers.js';

const STANDARD = new Set(['income_expenditure_summary', 'income', 'expenditure', 'fiscal_appropriation_summary', 'general_budget_expenditure', 'general_budget_basic_expenditure', 'three_public_expenses', 'government_fund', 'state_capital']);
const N = 300;

/** A typo-like alteration: one digit changed (a zero becomes a small amount). */
export function alter(v: Decimal, rnd: () => number): Decimal {
  if (v.isZero()) return new Decimal(Math.floor(rnd() * 99900) + 100).div(100);
  const s = v.toFixed(Math.max(v.decimalPlaces(), 2));
  const digits = [...s].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const at = digits[Math.floor(rnd() * digits.length)]!;
  const old = Number(s[at]);
  const nd = (old + 1 + Math.floor(rnd() * 9)) % 10;
  return new Decimal(s.slice(0, at) + nd + s.slice(at + 1));
}

const key = (c: { table_id: string; check_id: string; subject: string }) => `${c.table_id}|${c.check_id}|${c.subject}`;

export function catchRate(doc: DocumentRecord, seed: number, pickable: (f: Fact) => boolean, n = N): { caught: number; total: number; missed: string[] } {
  const base = new Set(identityChecks(doc).map(key));
  const candidates = doc.facts.map((f, i) => [f, i] as const).filter(([f]) => pickable(f));
  const rnd = prng(seed);
  let caught = 0;
  const missed: string[] = [];
  for (let k = 0; k < n; k++) {
    const [f, i] = candidates[Math.floor(rnd() * candidates.length)]!;
    const value = alter(f.value, rnd);
    const facts = doc.facts.slice();
    facts[i] = { ...f, value, flags: [] };
    const after = identityChecks({ ...doc, facts });
    if (after.some((c) => !base.has(key(c)) || (c.factRefs ?? []).includes(i))) caught++;
    else missed.push(`${f.table_kind} ${f.table_id} row ${f.row} ${f.code || f.item} [${f.measure}] ${f.value.toFixed()} → ${value.toFixed()}`);
  }
  return { caught, total: n, missed };
}

describe('catch rate of one altered number', () => {
  for (const [name, path, seed] of [['000', SEED_000, 1], ['001', SEED_001, 2]] as const) {
    it(`seed ${name}: standard 公开01-09表`, async () => {
      const doc = await record(path);
      const r = catchRate(doc, seed, (f) => STANDARD.has(f.table_kind));
      const rate = r.caught / r.total;
      console.log(`seed ${name} standard tables: ${r.caught}/${r.total} = ${(rate * 100).toFixed(1)}% caught; missed e.g.\n  ${r.missed.slice(0, 8).join('\n  ')}`);
      expect(rate).toBeGreaterThanOrEqual(FLOOR_STANDARD);
    });
    it(`seed ${name}: every table with numbers (forms and unclassified grids included)`, async () => {
      const doc = await record(path);
      const r = catchRate(doc, seed + 100, (f) => f.table_kind !== 'narrative');
      const rate = r.caught / r.total;
      console.log(`seed ${name} all tables: ${r.caught}/${r.total} = ${(rate * 100).toFixed(1)}% caught`);
      expect(rate).toBeGreaterThanOrEqual(FLOOR_ALL[name]!);
    });
  }
});

const FLOOR_STANDARD = 0.9; // measured 2025: 000 96%, 001 95% (misses: ±0.01 changes, inside the rounding tolerance)
const FLOOR_ALL: Record<string, number> = { '000': 0.45, '001': 0.85 }; // measured: 52%, 94% (forms and unclassified grids have no identities)
