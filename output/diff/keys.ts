// Stable keys: a document by doc_id, else by source basename, else (one document a side) by
// position; a fact by (table_kind, section, code or item, measure), duplicates numbered in file
// order; a check by (table_kind, check_id, subject). Table ids are not used: they shift when a
// table appears or disappears.
import { basename } from 'node:path';
import type { Row, RunFiles } from './read.js';

interface DocPair { key: string; old?: Row; new?: Row }

export function pairDocuments(a: RunFiles, b: RunFiles): DocPair[] {
  const pairs: DocPair[] = [];
  const restB = new Set(b.documents);
  const restA: Row[] = [];
  const byId = new Map(b.documents.map((d) => [d.doc_id!, d]));
  const byName = new Map<string, Row>();
  for (const d of b.documents) byName.set(basename(d.source ?? ''), d);
  for (const d of a.documents) {
    const m = byId.get(d.doc_id!) ?? byName.get(basename(d.source ?? ''));
    if (m && restB.has(m)) { restB.delete(m); pairs.push({ key: basename(m.source ?? '') || m.doc_id!, old: d, new: m }); }
    else restA.push(d);
  }
  if (restA.length === 1 && restB.size === 1) {
    const m = [...restB][0]!;
    pairs.push({ key: `${basename(restA[0]!.source ?? '')} → ${basename(m.source ?? '')}`, old: restA[0]!, new: m });
    return pairs;
  }
  for (const d of restA) pairs.push({ key: basename(d.source ?? '') || d.doc_id!, old: d });
  for (const d of restB) pairs.push({ key: basename(d.source ?? '') || d.doc_id!, new: d });
  return pairs;
}

export function factKeys(facts: Row[]): Map<string, Row> {
  const out = new Map<string, Row>();
  const seen = new Map<string, number>();
  for (const f of facts) {
    // a unit's block of a table printed per unit (row_group) and a second classification printed
    // beside the code (secondary_code) are part of the key
    const base = [f.table_kind, f.section, ...(f.row_group ? [f.row_group] : []), f.code || f.item, ...(f.secondary_code ? [f.secondary_code] : []), f.measure || f.measure_label].join(' | ');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base} #${n}`, f);
  }
  return out;
}

export function checkKeys(checks: Row[], tables: Row[]): Map<string, Row> {
  const kind = new Map(tables.map((t) => [`${t.doc_id}|${t.table_id}`, t.table_kind ?? '']));
  const out = new Map<string, Row>();
  const seen = new Map<string, number>();
  for (const c of checks) {
    const base = [kind.get(`${c.doc_id}|${c.table_id}`) || c.table_id || '(document)', c.check_id, c.subject].join(' | ');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base} #${n}`, c);
  }
  return out;
}
