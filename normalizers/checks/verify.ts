// Verification: every identity the check stage evaluates reports the facts it involved and whether
// it held. A fact that is a member (parent, child, total, part, either side of an equality) of at
// least one held identity that says something is `verified`; the failing ones flag their facts as
// before (index.ts). The two are independent: a fact can be verified by one identity and flagged by
// another that fails (usually because of another member).
//
// What "says something" (knowledge/checks.json `verification`):
//  - where every member is zero (0 = 0 + 0 holds whatever was read), nothing by itself: such an
//    identity verifies its members only in a table read from a text layer (a printed 0.00 is
//    exact there) that identities with non-zero members verify too (its rows and columns are
//    read right), and never in a table read by OCR (`zeros_in_verified_tables`);
//  - an equality between two prints of one figure (cross_table_total, balance, prose_vs_table)
//    verifies its members, unless both sides were read by OCR and the check is not one of
//    `equalities_ocr`: the same figure printed twice in one document's table type is misread
//    alike (497.53 read 197.53 in the 收支总表 and in the 支出表 of one fax), so the two readings
//    agreeing says nothing about the digits; a figure of the 情况说明 text (body type) against a
//    table cell is read independently (`equalities_ocr`: prose_vs_table);
//  - a sum (total = Σ parts: hierarchy_sum, column_sum, side_sum, grand_total, class_sum,
//    three_public_sum) verifies when it has at least `min_parts` parts: a parent printed with a
//    single child holds whatever amount both were read as. With one non-zero part (total 2.08 =
//    2.08 + 0 + 0), the identity still pins the zeros and the columns they were read into
//    (`min_nonzero_parts`, 1); in a table read by OCR it needs `min_nonzero_parts_ocr` (2)
//    non-zero parts, because two prints of one figure are misread alike (see propagate.ts);
//  - where a member was read by OCR, an identity that holds only within its rounding tolerance
//    (257.93 = 13.27 + 9.22 + 201.42 + 34.00 = 257.91, within 0.025) verifies nothing unless
//    `ocr_inexact_verifies`: the slack that allows for the printed rounding allows as well for a
//    last digit misread, so only an exact hold pins the digits OCR read;
//  - an inequality (relation `gte`) never verifies: it holds for many values.
import type { Fact } from '../../model/types.js';
import { checkKnowledge } from './knowledge.js';

export interface IdentityStats {
  /** identities evaluated, held or not */
  evaluated: number;
  /** identities that held */
  held?: number;
  /** identities that held and verify their members */
  verifying?: number;
  /** indices (into the document's facts) of the members of verifying identities */
  verified?: Set<number>;
  /** indices of the members of held identities whose members are all zero, in tables not read
   *  by OCR: verified where their table is (verifiedZeros) */
  zeroHeld?: Set<number>;
  /** when set, every total = Σ parts that held is added here (check id, indices of the total then
   *  the parts): the OCR re-read (normalizers/ocr-correct/reread.ts) keeps them holding */
  heldSums?: { check_id: string; factRefs: number[] }[];
  /** when set, the indices of the members of every identity that held exactly (verifying or not:
   *  one that held only within its rounding tolerance checked no last digit) */
  members?: Set<number>;
}

/** What recordEvaluation needs of the compare options (kept structural: no import cycle). */
interface Recorder {
  indexOf: Map<Fact, number>;
  stats?: IdentityStats;
  stands?: Map<Fact, Fact[]>;
  /** tables read by OCR */
  ocrTables?: Set<string>;
}

interface Rules { equalities: Set<string>; equalitiesOcr: Set<string>; ocrInexact: boolean; minParts: number; minNonZero: number; minNonZeroOcr: number; zerosInVerifiedTables: boolean }
let cached: Rules | undefined;
function rules(): Rules {
  if (cached) return cached;
  const v = checkKnowledge().verification;
  return (cached = { equalities: new Set(v?.equalities ?? ['cross_table_total', 'balance', 'prose_vs_table']), equalitiesOcr: new Set(v?.equalities_ocr ?? []), ocrInexact: v?.ocr_inexact_verifies ?? false, minParts: v?.min_parts ?? 2, minNonZero: v?.min_nonzero_parts ?? 1, minNonZeroOcr: v?.min_nonzero_parts_ocr ?? 2, zerosInVerifiedTables: v?.zeros_in_verified_tables ?? false });
}

/** Whether a held identity of this check id and these members verifies them (`ocr`: a member
 *  was read by OCR; `bothOcr`: each side has a member read by OCR; `exact`: the sides are equal,
 *  not only within the tolerance). */
export function verifies(checkId: string, total: Fact[], parts: Fact[], relation: 'eq' | 'gte' = 'eq', ocr = false, bothOcr = false, exact = true): boolean {
  if (relation !== 'eq') return false;
  if ([...total, ...parts].every((f) => f.value.isZero())) return false;
  const r = rules();
  if (ocr && !exact && !r.ocrInexact) return false;
  if (r.equalities.has(checkId)) return !bothOcr || r.equalitiesOcr.has(checkId);
  if (parts.length < r.minParts) return false;
  return parts.filter((f) => !f.value.isZero()).length >= (ocr ? r.minNonZeroOcr : r.minNonZero);
}

function add(o: Recorder, members: Fact[]): void {
  if (!o.stats) return;
  addTo((o.stats.verified ??= new Set()), o, members);
}

function addTo(set: Set<number>, o: Recorder, members: Fact[]): void {
  for (const m of members) {
    for (const f of o.stands?.get(m) ?? [m]) {
      const i = o.indexOf.get(f);
      if (i !== undefined) set.add(i);
    }
  }
}

/** total = Σ parts was evaluated (compareSum); `exact`: it held with no difference at all. */
export function recordEvaluation(o: Recorder, checkId: string, total: Fact, parts: Fact[], held: boolean, exact: boolean): void {
  recordSides(o, checkId, [total], parts, 'eq', held, exact);
}

/** Σ a (relation) Σ b was evaluated (compareSides, and compareSum through recordEvaluation). */
export function recordSides(o: Recorder, checkId: string, a: Fact[], b: Fact[], relation: 'eq' | 'gte', held: boolean, exact: boolean): void {
  if (!o.stats) return;
  o.stats.evaluated++;
  if (!held) return;
  if (o.stats.members && exact) addTo(o.stats.members, o, [...a, ...b]);
  o.stats.held = (o.stats.held ?? 0) + 1;
  if (o.stats.heldSums && relation === 'eq' && a.length === 1) {
    const refs = [...a, ...b].map((f) => o.indexOf.get(f));
    if (refs.every((i) => i !== undefined)) o.stats.heldSums.push({ check_id: checkId, factRefs: refs as number[] });
  }
  const read = (fs: Fact[]): boolean => !!o.ocrTables?.size && fs.some((f) => o.ocrTables!.has(f.table_id));
  const ocrA = read(a);
  const ocrB = read(b);
  const ocr = ocrA || ocrB;
  if (relation === 'eq' && !ocr && rules().zerosInVerifiedTables && [...a, ...b].every((f) => f.value.isZero())) {
    addTo((o.stats.zeroHeld ??= new Set()), o, [...a, ...b]);
    return;
  }
  if (!verifies(checkId, a, b, relation, ocr, ocrA && ocrB, exact)) return;
  o.stats.verifying = (o.stats.verifying ?? 0) + 1;
  add(o, [...a, ...b]);
}

/** The zeros of held all-zero identities (stats.zeroHeld) whose table has a verified non-zero
 *  fact: the indices to add to the verified ones. */
export function verifiedZeros(facts: readonly Fact[], stats: IdentityStats): number[] {
  const verified = stats.verified ?? new Set<number>();
  const sound = new Set([...verified].map((i) => facts[i]).filter((f): f is Fact => !!f && !f.value.isZero()).map((f) => f.table_id));
  return [...(stats.zeroHeld ?? [])].filter((i) => { const f = facts[i]; return !!f && f.value.isZero() && sound.has(f.table_id); });
}

/** The check ids of the accounting identities (a failure of one of these is a failed identity). */
export const IDENTITY_CHECKS = ['hierarchy_sum', 'column_sum', 'balance', 'cross_table_total', 'side_sum', 'grand_total', 'class_sum', 'three_public_sum', 'printed_total', 'prose_vs_table'] as const;
