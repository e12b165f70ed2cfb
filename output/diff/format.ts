// Render a RunDiff: terminal summary, Markdown, JSON, self-contained HTML.
import type { DocDiff, RunDiff } from './compare.js';

export type DiffFormat = 'text' | 'md' | 'json' | 'html';

const LIMIT = 50;

function totalsLine(d: RunDiff): string {
  const t = d.totals;
  return `${t.documents_changed} document(s) changed: ${t.facts_changed} fact(s) changed, ${t.facts_added} added, ${t.facts_removed} removed; ${t.corrections} correction(s); ${t.newly_failed} newly failed, ${t.recovered} recovered; ${t.checks_failing} check(s) newly failing, ${t.checks_passing} newly passing`;
}

function docLines(doc: DocDiff, limit: number): string[] {
  const out: string[] = [];
  const more = (n: number) => (n > limit ? [`    … ${n - limit} more`] : []);
  if (doc.transition) out.push(`  status: ${doc.status_old || '—'} → ${doc.status_new || '—'} (${doc.transition})`);
  for (const m of doc.meta_changed) if (m.field !== 'status') out.push(`  ${m.field}: ${m.old || '—'} → ${m.new || '—'}`);
  if (doc.facts_changed.length) out.push(`  changed (${doc.facts_changed.length}):`, ...doc.facts_changed.slice(0, limit).map((c) => `    ${c.key}: ${c.old} → ${c.new} ${c.unit}`), ...more(doc.facts_changed.length));
  if (doc.corrections.length) out.push(`  corrections (${doc.corrections.length}):`, ...doc.corrections.slice(0, limit).map((c) => `    ${c.key}: ${correctionText(c)}`), ...more(doc.corrections.length));
  if (doc.facts_added.length) out.push(`  added (${doc.facts_added.length}):`, ...doc.facts_added.slice(0, limit).map((c) => `    ${c.key}: ${c.value} ${c.unit}`), ...more(doc.facts_added.length));
  if (doc.facts_removed.length) out.push(`  removed (${doc.facts_removed.length}):`, ...doc.facts_removed.slice(0, limit).map((c) => `    ${c.key}: ${c.value} ${c.unit}`), ...more(doc.facts_removed.length));
  if (doc.checks_failing.length) out.push(`  checks newly failing (${doc.checks_failing.length}):`, ...doc.checks_failing.slice(0, limit).map((c) => `    [${c.severity}] ${c.key}: ${c.message}`), ...more(doc.checks_failing.length));
  if (doc.checks_passing.length) out.push(`  checks newly passing (${doc.checks_passing.length}):`, ...doc.checks_passing.slice(0, limit).map((c) => `    ${c.key}`), ...more(doc.checks_passing.length));
  return out;
}

function correctionText(c: DocDiff['corrections'][number]): string {
  if (c.state === 'confirmed') return `${c.new} ${c.unit} confirmed by a reviewer`;
  if (c.state === 'removed') return `correction removed: ${c.old} → ${c.new} ${c.unit} (as read)`;
  return `${c.old} → ${c.new} ${c.unit} (corrected by a reviewer; read ${c.extracted})`;
}

function formatText(d: RunDiff, limit = LIMIT): string {
  const out = [`diff ${d.old} → ${d.new}`, totalsLine(d)];
  for (const doc of d.documents) {
    const lines = docLines(doc, limit);
    if (lines.length) out.push('', doc.key, ...lines);
  }
  return out.join('\n') + '\n';
}

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function formatMarkdown(d: RunDiff): string {
  const out = [`# fiscal-extract diff`, '', `\`${d.old}\` → \`${d.new}\``, '', totalsLine(d)];
  for (const doc of d.documents) {
    if (!docLines(doc, 1).length) continue;
    out.push('', `## ${md(doc.key)}`, '');
    if (doc.transition) out.push(`status: ${doc.status_old || '—'} → ${doc.status_new || '—'} (**${doc.transition}**)`, '');
    const table = (title: string, head: string[], rows: string[][]) => {
      if (!rows.length) return;
      out.push(`### ${title} (${rows.length})`, '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`), '');
    };
    table('document', ['field', 'old', 'new'], doc.meta_changed.filter((m) => m.field !== 'status').map((m) => [m.field, m.old, m.new]));
    table('changed', ['fact', 'old', 'new', 'unit'], doc.facts_changed.map((c) => [c.key, c.old, c.new, c.unit]));
    table('corrections', ['fact', 'correction'], doc.corrections.map((c) => [c.key, correctionText(c)]));
    table('added', ['fact', 'value', 'unit'], doc.facts_added.map((c) => [c.key, c.value, c.unit]));
    table('removed', ['fact', 'value', 'unit'], doc.facts_removed.map((c) => [c.key, c.value, c.unit]));
    table('checks newly failing', ['check', 'severity', 'message'], doc.checks_failing.map((c) => [c.key, c.severity, c.message]));
    table('checks newly passing', ['check', 'severity'], doc.checks_passing.map((c) => [c.key, c.severity]));
  }
  return out.join('\n') + '\n';
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function formatHtml(d: RunDiff): string {
  const parts: string[] = [];
  for (const doc of d.documents) {
    if (!docLines(doc, 1).length) continue;
    parts.push(`<section><h2>${esc(doc.key)}</h2>`);
    if (doc.transition) parts.push(`<p class="status ${esc(doc.transition)}">status: ${esc(doc.status_old || '—')} → ${esc(doc.status_new || '—')} (${esc(doc.transition)})</p>`);
    const table = (title: string, cls: string, head: string[], rows: string[][]) => {
      if (!rows.length) return;
      parts.push(`<h3>${esc(title)} (${rows.length})</h3><table class="${cls}"><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`);
    };
    table('document', 'meta', ['field', 'old', 'new'], doc.meta_changed.filter((m) => m.field !== 'status').map((m) => [m.field, m.old, m.new]));
    table('changed', 'changed', ['fact', 'old', 'new', 'unit'], doc.facts_changed.map((c) => [c.key, c.old, c.new, c.unit]));
    table('corrections', 'corrections', ['fact', 'correction'], doc.corrections.map((c) => [c.key, correctionText(c)]));
    table('added', 'added', ['fact', 'value', 'unit'], doc.facts_added.map((c) => [c.key, c.value, c.unit]));
    table('removed', 'removed', ['fact', 'value', 'unit'], doc.facts_removed.map((c) => [c.key, c.value, c.unit]));
    table('checks newly failing', 'failing', ['check', 'severity', 'message'], doc.checks_failing.map((c) => [c.key, c.severity, c.message]));
    table('checks newly passing', 'passing', ['check', 'severity'], doc.checks_passing.map((c) => [c.key, c.severity]));
    parts.push('</section>');
  }
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>fiscal-extract diff</title><style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
.changed td:nth-child(3){background:#fff3c4}.added td{background:#e6ffe6}.removed td{background:#ffe6e6}.failing td{background:#ffe6e6}.status.failed{color:#b00}.status.recovered{color:#080}
</style></head><body><h1>fiscal-extract diff</h1><p><code>${esc(d.old)}</code> → <code>${esc(d.new)}</code></p><p id="totals">${esc(totalsLine(d))}</p>${parts.join('\n')}</body></html>\n`;
}

export function formatDiff(d: RunDiff, f: DiffFormat): string {
  switch (f) {
    case 'json': return JSON.stringify(d, null, 2) + '\n';
    case 'md': return formatMarkdown(d);
    case 'html': return formatHtml(d);
    default: return formatText(d);
  }
}
