// missing_table / empty_table_unexplained: a document of a kind with standard tables (决算: the nine
// 公开01-09表) publishes every one of them, and a table printed without numbers says why in a note
// (注：本部门2022年度没有使用政府性基金预算拨款安排的收支 / 如本表为空，则…无此类资金).
import type { CheckResult, DocumentRecord, Table } from '../../model/types.js';
import { checkKnowledge } from './knowledge.js';

/** The note that explains why a table has no numbers, or undefined. */
function emptyExplanation(t: Table): string | undefined {
  const c = checkKnowledge().completeness;
  const explained = c.empty_explained.map((p) => new RegExp(p));
  const generic = new RegExp(c.empty_not_explanation);
  for (const note of t.notes) {
    for (const sentence of note.split(/(?<=[。；;])/)) {
      const s = sentence.replace(/\s+/g, '');
      if (!s || generic.test(s)) continue;
      if (explained.some((re) => re.test(s))) return s;
    }
  }
  return undefined;
}

export function completenessChecks(doc: DocumentRecord): CheckResult[] {
  const c = checkKnowledge().completeness;
  const required = c.required[doc.doc_kind];
  if (!required) return [];
  const out: CheckResult[] = [];
  const factCount = new Map<string, number>();
  for (const f of doc.facts) factCount.set(f.table_id, (factCount.get(f.table_id) ?? 0) + 1);
  const present = required.filter(([kind]) => doc.tables.some((t) => t.table_kind === kind));
  if (present.length === 0) {
    return [{
      doc_id: doc.doc_id, table_id: '', check_id: 'missing_table', severity: c.severity, subject: 'all',
      expected: required.map(([, n]) => n.split(' ')[0]).join(', '), actual: '',
      message: `none of the ${required.length} standard tables of a ${doc.doc_kind} document was found: the document may print its text only (tables in a separate file or an annex not included), or the tables were not recognised (extraction error)`,
    }];
  }
  for (const [kind, name] of required) {
    const tables = doc.tables.filter((t) => t.table_kind === kind);
    if (tables.length === 0) {
      out.push({
        doc_id: doc.doc_id, table_id: '', check_id: 'missing_table', severity: c.severity, subject: kind, expected: name, actual: '',
        message: `${name} (${kind}) was not found in this ${doc.doc_kind} document: if the document prints it, its title was not recognised (extraction error); if it does not, the disclosure is incomplete`,
      });
      continue;
    }
    // a table continued over pages may be located as several parts: empty only if all are
    if (tables.some((t) => (factCount.get(t.table_id) ?? 0) > 0)) continue;
    for (const t of tables) {
      if (emptyExplanation(t)) continue;
      out.push({
        doc_id: doc.doc_id, table_id: t.table_id, check_id: 'empty_table_unexplained', severity: c.severity, subject: kind,
        expected: 'a note saying why the table is empty', actual: t.notes.join(' ').slice(0, 200),
        message: `${t.table_no || name} (${t.table_id}${t.page_first ? ', page ' + t.page_first : ''}) has no numbers and no note saying why (e.g. 本部门没有…安排的支出): check the page; if numbers are printed they were not read`,
      });
    }
  }
  return out;
}
