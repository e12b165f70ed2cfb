// What the review app serves, read once from an output folder: documents with their status and
// counts, tables, facts (with flags, boxes, changes since --against and corrections not yet
// applied), failed checks; filtered and paginated on the server so tens of thousands of facts
// cost the browser one page at a time.
import { existsSync, readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { join } from 'node:path';
import { parseCsv } from '../csv.js';
import { factKeys, pairDocuments } from '../diff/keys.js';
import { readRun, type Row, type RunFiles } from '../diff/read.js';
import { matchCorrection, type Correction, type FactKeyView } from '../../normalizers/corrections/correction.js';

function sameDecimal(a: string, b: string): boolean {
  try { return new Decimal(a).eq(new Decimal(b)); } catch { return a === b; }
}

/** flags that are a reviewer's, not a doubt */
const REVIEW_FLAGS = new Set(['corrected', 'confirmed']);

export interface FactFilter {
  doc_id?: string;
  table_id?: string;
  kind?: string;
  /** facts flagged with this check id */
  check?: string;
  /** facts flagged by a failed check of checks.csv */
  failed?: boolean;
  /** facts with any flag (a failed check, a layout repair, a doubt) */
  flagged?: boolean;
  /** money facts no identity verified */
  unverified?: boolean;
  /** facts added or changed since --against */
  changed?: boolean;
}

export interface DocFilter { failed?: boolean; flagged?: boolean; changed?: boolean; unverified?: boolean; kind?: string }

interface DocStats { n_flagged: number; n_failed_facts: number; n_unverified: number; n_changed: number; n_removed: number; kinds: Set<string> }

/** a pending review entry of <out>/corrections.csv, matched to the fact it names */
interface PendingEntry { value: string; note: string; reviewer: string; action: 'confirm' | 'correct' | 'applied' }

export class ReviewData {
  readonly run: RunFiles;
  readonly docById = new Map<string, Row>();
  private readonly factsByDoc = new Map<string, number[]>();
  private readonly failedIds = new Map<string, Set<string>>();
  private readonly stats = new Map<string, DocStats>();
  /** fact index → its value in the --against run ('' when the fact is new) */
  readonly changed = new Map<number, string>();
  readonly pending = new Map<number, PendingEntry>();
  readonly kinds: string[];
  readonly against: string | undefined;

  constructor(readonly dir: string, againstDir?: string) {
    this.run = readRun(dir);
    this.against = againstDir;
    for (const d of this.run.documents) this.docById.set(d.doc_id!, d);
    this.run.facts.forEach((f, i) => { const a = this.factsByDoc.get(f.doc_id!); if (a) a.push(i); else this.factsByDoc.set(f.doc_id!, [i]); });
    for (const c of this.run.checks) {
      if (c.severity === 'info') continue;
      const s = this.failedIds.get(c.doc_id!) ?? new Set<string>();
      s.add(c.check_id!);
      this.failedIds.set(c.doc_id!, s);
    }
    const removed = againstDir ? this.compare(readRun(againstDir)) : new Map<string, number>();
    this.kinds = [...new Set(this.run.facts.map((f) => f.table_kind!))].sort();
    for (const d of this.run.documents) {
      const id = d.doc_id!;
      const st: DocStats = { n_flagged: 0, n_failed_facts: 0, n_unverified: 0, n_changed: 0, n_removed: removed.get(id) ?? 0, kinds: new Set() };
      for (const i of this.factsByDoc.get(id) ?? []) {
        const f = this.run.facts[i]!;
        st.kinds.add(f.table_kind!);
        if (this.isFlagged(f)) st.n_flagged++;
        if (this.isFailed(f)) st.n_failed_facts++;
        if (this.isUnverified(f)) st.n_unverified++;
        if (this.changed.has(i)) st.n_changed++;
      }
      this.stats.set(id, st);
    }
    this.loadPending();
  }

  /** facts added or changed since the --against run (paired as `diff` pairs them); removed facts per document */
  private compare(old: RunFiles): Map<string, number> {
    const removed = new Map<string, number>();
    const index = new Map(this.run.facts.map((f, i) => [f, i]));
    for (const p of pairDocuments(old, this.run)) {
      if (!p.new) continue;
      const nid = p.new.doc_id!;
      const fb = factKeys((this.factsByDoc.get(nid) ?? []).map((i) => this.run.facts[i]!));
      const fa = p.old ? factKeys(old.facts.filter((f) => f.doc_id === p.old!.doc_id)) : new Map<string, Row>();
      for (const [k, g] of fb) {
        const f = fa.get(k);
        if (!f) this.changed.set(index.get(g)!, '');
        else if ((f.value ?? '') !== (g.value ?? '') || f.unit !== g.unit) this.changed.set(index.get(g)!, f.value ?? '');
      }
      let n = 0;
      for (const k of fa.keys()) if (!fb.has(k)) n++;
      removed.set(nid, n);
    }
    return removed;
  }

  /** <out>/corrections.csv entries, each on the fact it names (the last entry for a fact wins) */
  loadPending(): void {
    this.pending.clear();
    const p = join(this.dir, 'corrections.csv');
    if (!existsSync(p)) return;
    const views = this.run.facts.map(keyView);
    parseCsv(readFileSync(p, 'utf8')).forEach((r, n) => {
      const c = { ...r, row: n + 2 } as unknown as Correction;
      if (!r.doc_id) return;
      const ids = this.factsByDoc.get(r.doc_id) ?? [];
      const hits = matchCorrection(c, ids.map((i) => views[i]!));
      if (hits.length !== 1) return;
      const i = ids[hits[0]!]!;
      const f = this.run.facts[i]!;
      // the run applied it (the fact carries the value and a reviewer's flag), or it waits for the next ingest
      const same = sameDecimal(r.value ?? '', f.value ?? '');
      const reviewed = (f.flags ?? '').split(';').some((x) => REVIEW_FLAGS.has(x));
      this.pending.set(i, { value: r.value ?? '', note: r.note ?? '', reviewer: r.reviewer ?? '', action: same && reviewed ? 'applied' : same ? 'confirm' : 'correct' });
    });
  }

  isFlagged(f: Row): boolean {
    return (f.flags ?? '').split(';').some((x) => x && !REVIEW_FLAGS.has(x));
  }

  isFailed(f: Row): boolean {
    const ids = this.failedIds.get(f.doc_id!);
    return !!ids && (f.flags ?? '').split(';').some((x) => ids.has(x));
  }

  isUnverified(f: Row): boolean {
    return f.verified === 'false' && !!f.amount_yuan;
  }

  documents(o: DocFilter): Row[] {
    return this.run.documents.filter((d) => {
      const st = this.stats.get(d.doc_id!)!;
      if (o.failed && !(Number(d.n_checks_failed || 0) > 0)) return false;
      if (o.flagged && st.n_flagged === 0) return false;
      if (o.changed && st.n_changed + st.n_removed === 0) return false;
      if (o.unverified && st.n_unverified === 0) return false;
      if (o.kind && !st.kinds.has(o.kind)) return false;
      return true;
    });
  }

  docSummary(d: Row): Record<string, unknown> {
    const st = this.stats.get(d.doc_id!)!;
    return {
      doc_id: d.doc_id, source: d.source, format: d.format, status: d.status, error: d.error, issuer: d.issuer, fiscal_year: d.fiscal_year, doc_kind: d.doc_kind,
      pages: d.pages, n_facts: d.n_facts, n_checks_failed: d.n_checks_failed, n_flagged: st.n_flagged, n_failed_facts: st.n_failed_facts,
      n_unverified: st.n_unverified, n_changed: st.n_changed, n_removed: st.n_removed, n_pending: [...this.pending.keys()].filter((i) => this.run.facts[i]!.doc_id === d.doc_id).length,
    };
  }

  /** the indices of the facts a filter selects, in file order */
  facts(o: FactFilter): number[] {
    const base = o.doc_id ? this.factsByDoc.get(o.doc_id) ?? [] : this.run.facts.map((_, i) => i);
    return base.filter((i) => {
      const f = this.run.facts[i]!;
      if (o.table_id && f.table_id !== o.table_id) return false;
      if (o.kind && f.table_kind !== o.kind) return false;
      if (o.check && !(f.flags ?? '').split(';').includes(o.check)) return false;
      if (o.failed && !this.isFailed(f)) return false;
      if (o.flagged && !this.isFlagged(f)) return false;
      if (o.unverified && !this.isUnverified(f)) return false;
      if (o.changed && !this.changed.has(i)) return false;
      return true;
    });
  }

  /** a fact as the app shows it */
  fact(i: number): Record<string, unknown> {
    const f = this.run.facts[i]!;
    const box = ['bbox_x0', 'bbox_y0', 'bbox_x1', 'bbox_y1'].map((k) => f[k] ?? '');
    return {
      i, doc_id: f.doc_id, table_id: f.table_id, table_kind: f.table_kind, section: f.section, code: f.code, item: f.item, measure: f.measure, measure_label: f.measure_label,
      value: f.value, value_extracted: f.value_extracted ?? '', unit: f.unit, page: f.page, flags: (f.flags ?? '').split(';').filter(Boolean), verified: f.verified === 'true',
      row_group: f.row_group ?? '', secondary_code: f.secondary_code ?? '', source_ref: f.source_ref ?? '',
      bbox: box.every((v) => v !== '' && Number.isFinite(Number(v))) ? box.map(Number) : null,
      attention: this.isFlagged(f) || this.changed.has(i),
      ...(this.changed.has(i) ? { old: this.changed.get(i) } : {}),
      ...(this.pending.has(i) ? { pending: this.pending.get(i) } : {}),
    };
  }

  docTables(docId: string): Row[] {
    return this.run.tables.filter((t) => t.doc_id === docId);
  }

  docChecks(docId: string): Row[] {
    return this.run.checks.filter((c) => c.doc_id === docId && c.severity !== 'info');
  }
}

/** a facts.csv row as the corrections' matcher sees it */
function keyView(f: Row): FactKeyView {
  return {
    doc_id: f.doc_id ?? '', table_id: f.table_id ?? '', table_kind: f.table_kind ?? '', section: f.section ?? '', code: f.code ?? '', item: f.item ?? '',
    measure: f.measure ?? '', measure_label: f.measure_label ?? '', row_group: f.row_group ?? '', secondary_code: f.secondary_code ?? '', page: f.page ?? '',
  };
}
