// fiscal-extract report <out-dir> [--format text|json] [--top n]: the health of a run, read back
// from its documents.csv (and run.json for when and what): the share of money facts an identity
// verifies, facts of unknown measure, unknown tables, standard tables not found, documents with a
// failed identity, and the worst documents on each count. For a data team's morning look.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseCsv } from './csv.js';
import { missingCore, percent, runHealth, share, type RunHealth } from './health.js';

const REPORT_USAGE = `usage: fiscal-extract report <out-dir> [--format text|json] [--top <n>]

Prints the health of the run written into <out-dir>: the share of money facts verified by an
accounting identity that holds, facts whose measure is unknown, tables of unknown kind, the
standard tables of each document kind that were not found, documents where an identity failed,
and the worst documents on each count (default 10 each).
`;

class ReportError extends Error {}

interface DocLine { doc_id: string; source: string; doc_kind: string; status: string; value: string; detail: string }

interface Report {
  out: string;
  run: { version?: string; started?: string; finished?: string; counts?: Record<string, number> };
  health: RunHealth;
  worst: {
    lowest_share_verified: DocLine[];
    most_measure_unknown: DocLine[];
    missing_tables: DocLine[];
    failed_identities: DocLine[];
    not_ok: DocLine[];
  };
}

const NEEDED = ['share_verified', 'n_money_facts', 'n_verified', 'n_measure_unknown', 'n_tables_unknown', 'standard_tables_missing', 'n_identities_failed'];

export function buildReport(out: string, top = 10): Report {
  const p = join(out, 'documents.csv');
  if (!existsSync(p)) throw new ReportError(`${p} not found: is ${out} an output folder of fiscal-extract ingest?`);
  const text = readFileSync(p, 'utf8');
  const docs = parseCsv(text);
  const head = text.slice(0, text.indexOf('\n'));
  const missing = NEEDED.filter((c) => !head.split(',').includes(c));
  if (missing.length) throw new ReportError(`${p} has no ${missing.join(', ')} column(s): it was written by an older fiscal-extract; ingest again`);
  let run: Report['run'] = {};
  try {
    const r = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as Record<string, unknown>;
    run = { version: r['version'] as string, started: r['started'] as string, finished: r['finished'] as string, counts: r['counts'] as Record<string, number> };
  } catch { run = {}; }
  const line = (d: Record<string, string>, value: string, detail: string): DocLine => ({
    doc_id: d['doc_id'] ?? '', source: d['source'] ?? '', doc_kind: d['doc_kind'] ?? '', status: d['status'] ?? '', value, detail,
  });
  const n = (s: string | undefined) => (s ? Number(s) : 0);
  const bySource = (a: Record<string, string>, b: Record<string, string>) => ((a['source'] ?? '') < (b['source'] ?? '') ? -1 : (a['source'] ?? '') > (b['source'] ?? '') ? 1 : 0);
  const withMoney = docs.filter((d) => n(d['n_money_facts']) > 0);
  const lowest = withMoney
    .sort((a, b) => n(a['n_verified']) / n(a['n_money_facts']) - n(b['n_verified']) / n(b['n_money_facts']) || n(b['n_money_facts']) - n(a['n_money_facts']) || bySource(a, b))
    .slice(0, top)
    .map((d) => line(d, d['share_verified'] ?? '', `${d['n_verified']} of ${d['n_money_facts']} money facts verified`));
  const unknown = docs.filter((d) => n(d['n_measure_unknown']) > 0)
    .sort((a, b) => n(b['n_measure_unknown']) - n(a['n_measure_unknown']) || bySource(a, b))
    .slice(0, top)
    .map((d) => line(d, d['n_measure_unknown'] ?? '', `${percent(share(n(d['n_measure_unknown']), n(d['n_facts'])))} of ${d['n_facts']} facts; ${d['n_tables_unknown']} unknown table(s)`));
  const tables = docs.filter((d) => d['standard_tables_missing'])
    .map((d) => ({ d, all: (d['standard_tables_missing'] ?? '').split(';').filter(Boolean), core: missingCore(d) }))
    .sort((a, b) => b.core.length - a.core.length || b.all.length - a.all.length || bySource(a.d, b.d))
    .slice(0, top)
    .map((x) => line(x.d, String(x.all.length), x.all.join(', ') + (x.core.length < x.all.length ? ` (${x.core.length} core)` : '')));
  const failed = docs.filter((d) => n(d['n_identities_failed']) > 0)
    .sort((a, b) => n(b['n_identities_failed']) - n(a['n_identities_failed']) || bySource(a, b))
    .slice(0, top)
    .map((d) => line(d, d['n_identities_failed'] ?? '', `${d['n_identities_failed']} failed of ${d['n_identities_checked']} identities checked`));
  const notOk = docs.filter((d) => d['status'] !== 'ok').sort(bySource).slice(0, top).map((d) => line(d, d['status'] ?? '', d['error'] ?? ''));
  return { out, run, health: runHealth(docs), worst: { lowest_share_verified: lowest, most_measure_unknown: unknown, missing_tables: tables, failed_identities: failed, not_ok: notOk } };
}

export function formatReport(r: Report): string {
  const h = r.health;
  const out: string[] = [];
  const c = r.run.counts;
  out.push(`fiscal-extract report: ${r.out}${r.run.finished ? ` (run finished ${r.run.finished}${r.run.version ? ', version ' + r.run.version : ''})` : ''}`);
  if (c) out.push(`documents ${c['documents'] ?? h.documents} (${c['ok'] ?? 0} ok, ${c['partial'] ?? 0} partial, ${c['failed'] ?? 0} failed), tables ${h.tables}, facts ${h.facts}`);
  else out.push(`documents ${h.documents}, tables ${h.tables}, facts ${h.facts}`);
  out.push('');
  out.push('health');
  out.push(`  verified money facts      ${percent(h.share_verified)}  (${h.verified_money_facts} of ${h.money_facts})`);
  out.push(`    of them not zero        ${percent(h.share_verified_nonzero)}  (${h.verified_nonzero_money_facts} of ${h.nonzero_money_facts})`);
  out.push(`  facts of unknown measure  ${percent(h.share_measure_unknown)}  (${h.measure_unknown} of ${h.facts})`);
  out.push(`  unknown tables            ${h.tables_unknown} of ${h.tables}`);
  out.push(`  docs missing core tables  ${h.docs_missing_core_tables} of ${h.documents}`);
  out.push(`  docs with failed identity ${h.docs_with_failed_identity} of ${h.documents}`);
  const missing = Object.entries(h.docs_missing_table);
  if (missing.length) {
    out.push('  standard tables not found (documents):');
    for (const [k, v] of missing) out.push(`    ${k.padEnd(38)} ${v}`);
  }
  const section = (title: string, lines: DocLine[]) => {
    if (!lines.length) return;
    out.push('');
    out.push(title);
    for (const l of lines) out.push(`  ${l.value.padStart(7)}  ${basename(l.source) || l.doc_id}  [${l.doc_kind}, ${l.doc_id}]  ${l.detail}`);
  };
  section('lowest share verified', r.worst.lowest_share_verified);
  section('most facts of unknown measure', r.worst.most_measure_unknown);
  section('standard tables not found', r.worst.missing_tables);
  section('most failed identities', r.worst.failed_identities);
  section('not ok', r.worst.not_ok);
  return out.join('\n') + '\n';
}

export async function reportCli(argv: string[]): Promise<number> {
  const dirs: string[] = [];
  let format = 'text';
  let top = 10;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { process.stdout.write(REPORT_USAGE); return 0; }
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v !== 'text' && v !== 'json') { process.stderr.write(`--format takes text or json\n${REPORT_USAGE}`); return 2; }
      format = v;
    } else if (a === '--top' || a.startsWith('--top=')) {
      const v = Number(a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
      if (!Number.isInteger(v) || v < 0) { process.stderr.write(`--top takes a whole number\n${REPORT_USAGE}`); return 2; }
      top = v;
    } else if (a.startsWith('-')) { process.stderr.write(`unknown option ${a}\n${REPORT_USAGE}`); return 2; }
    else dirs.push(a);
  }
  if (dirs.length !== 1) { process.stderr.write(REPORT_USAGE); return 2; }
  try {
    const r = buildReport(dirs[0]!, top);
    process.stdout.write(format === 'json' ? JSON.stringify(r, null, 2) + '\n' : formatReport(r));
    return 0;
  } catch (e) {
    if (e instanceof ReportError) { process.stderr.write(`fiscal-extract report: ${e.message}\n`); return 2; }
    throw e;
  }
}
