// Compare two runs: facts added / removed / changed, document status changes, checks newly failing
// or passing, per document pair.
import { Decimal } from 'decimal.js';
import { checkKeys, factKeys, pairDocuments } from './keys.js';
import type { Row, RunFiles } from './read.js';

interface FactChange { key: string; old: string; new: string; unit: string; page_old: string; page_new: string }
interface FactRef { key: string; value: string; unit: string; page: string }
interface CheckRef { key: string; severity: string; message: string }
/** a reviewer's correction that differs between the runs: `applied` (new, or a new value), `removed`
 *  (the old run's correction is gone), `confirmed` (the new run confirms the value read) */
interface CorrectionChange { key: string; state: 'applied' | 'removed' | 'confirmed'; extracted: string; old: string; new: string; unit: string }

export interface DocDiff {
  key: string;
  old_doc_id: string;
  new_doc_id: string;
  status_old: string;
  status_new: string;
  /** 'failed' (ok → partial/failed), 'recovered' (back to ok), 'added', 'removed', '' */
  transition: string;
  /** documents.csv fields that differ (issuer, fiscal_year, doc_kind, pages, n_tables …) */
  meta_changed: { field: string; old: string; new: string }[];
  facts_added: FactRef[];
  facts_removed: FactRef[];
  facts_changed: FactChange[];
  /** reviewers' corrections, apart from what extraction changed (facts_changed compares the values read) */
  corrections: CorrectionChange[];
  checks_failing: CheckRef[];
  checks_passing: CheckRef[];
}

export interface RunDiff {
  old: string;
  new: string;
  documents: DocDiff[];
  totals: { documents_changed: number; facts_added: number; facts_removed: number; facts_changed: number; corrections: number; newly_failed: number; recovered: number; checks_failing: number; checks_passing: number };
}

const META = ['format', 'pages', 'issuer', 'fiscal_year', 'doc_kind', 'status', 'error', 'n_tables'];

function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  try { return new Decimal(a).eq(new Decimal(b)); } catch { return false; }
}

/** the value as read (before a reviewer's correction) */
const extracted = (f: Row): string => f.value_extracted || (f.value ?? '');
const flagsOf = (f: Row): string[] => (f.flags ?? '').split(';');
/** what a reviewer said of the fact: its corrected value, 'confirmed', or '' */
function reviewed(f: Row): string {
  const fl = flagsOf(f);
  return fl.includes('corrected') ? f.value ?? '' : fl.includes('confirmed') ? 'confirmed' : '';
}

function correctionChange(key: string, f: Row, g: Row): CorrectionChange | undefined {
  const a = reviewed(f);
  const b = reviewed(g);
  if (a === b || (a && b && a !== 'confirmed' && b !== 'confirmed' && sameValue(a, b))) return undefined;
  const state = b === 'confirmed' ? 'confirmed' : b ? 'applied' : 'removed';
  return { key, state, extracted: extracted(g), old: f.value ?? '', new: g.value ?? '', unit: g.unit ?? '' };
}

const ref = (key: string, f: Row): FactRef => ({ key, value: f.value ?? '', unit: f.unit ?? '', page: f.page ?? '' });
const cref = (key: string, c: Row): CheckRef => ({ key, severity: c.severity ?? '', message: c.message ?? '' });

function transition(a?: Row, b?: Row): string {
  if (!a) return 'added';
  if (!b) return 'removed';
  const bad = (s?: string) => s === 'failed' || s === 'partial';
  if (!bad(a.status) && bad(b.status)) return 'failed';
  if (bad(a.status) && !bad(b.status)) return 'recovered';
  return a.status !== b.status ? 'changed' : '';
}

export function diffRuns(a: RunFiles, b: RunFiles): RunDiff {
  const docs: DocDiff[] = [];
  for (const p of pairDocuments(a, b)) {
    const oid = p.old?.doc_id ?? '';
    const nid = p.new?.doc_id ?? '';
    const fa = factKeys(a.facts.filter((f) => f.doc_id === oid));
    const fb = factKeys(b.facts.filter((f) => f.doc_id === nid));
    const ca = checkKeys(a.checks.filter((c) => c.doc_id === oid && c.severity !== 'info'), a.tables);
    const cb = checkKeys(b.checks.filter((c) => c.doc_id === nid && c.severity !== 'info'), b.tables);
    const d: DocDiff = {
      key: p.key, old_doc_id: oid, new_doc_id: nid, status_old: p.old?.status ?? '', status_new: p.new?.status ?? '',
      transition: transition(p.old, p.new), meta_changed: [], facts_added: [], facts_removed: [], facts_changed: [], corrections: [], checks_failing: [], checks_passing: [],
    };
    if (p.old && p.new) for (const field of META) if ((p.old[field] ?? '') !== (p.new[field] ?? '')) d.meta_changed.push({ field, old: p.old[field] ?? '', new: p.new[field] ?? '' });
    for (const [k, f] of fb) if (!fa.has(k)) d.facts_added.push(ref(k, f));
    for (const [k, f] of fa) {
      const g = fb.get(k);
      if (!g) d.facts_removed.push(ref(k, f));
      else {
        if (!sameValue(extracted(f), extracted(g)) || f.unit !== g.unit) d.facts_changed.push({ key: k, old: extracted(f), new: extracted(g), unit: g.unit ?? '', page_old: f.page ?? '', page_new: g.page ?? '' });
        const c = correctionChange(k, f, g);
        if (c) d.corrections.push(c);
      }
    }
    for (const [k, c] of cb) if (!ca.has(k)) d.checks_failing.push(cref(k, c));
    for (const [k, c] of ca) if (!cb.has(k)) d.checks_passing.push(cref(k, c));
    docs.push(d);
  }
  const sum = (f: (d: DocDiff) => number) => docs.reduce((s, d) => s + f(d), 0);
  const changed = (d: DocDiff) => d.transition !== '' || d.meta_changed.length > 0 || d.facts_added.length + d.facts_removed.length + d.facts_changed.length + d.corrections.length + d.checks_failing.length + d.checks_passing.length > 0;
  return {
    old: a.dir, new: b.dir, documents: docs,
    totals: {
      documents_changed: docs.filter(changed).length,
      facts_added: sum((d) => d.facts_added.length), facts_removed: sum((d) => d.facts_removed.length), facts_changed: sum((d) => d.facts_changed.length), corrections: sum((d) => d.corrections.length),
      newly_failed: docs.filter((d) => d.transition === 'failed').length, recovered: docs.filter((d) => d.transition === 'recovered').length,
      checks_failing: sum((d) => d.checks_failing.length), checks_passing: sum((d) => d.checks_passing.length),
    },
  };
}

export function hasChanges(d: RunDiff): boolean {
  return d.totals.documents_changed > 0;
}
