// The review page: one self-contained HTML file (no server, no script needed to read it):
// documents with status, each table's grid with flagged cells highlighted (facts.csv flags, the
// checks' messages as tooltips and listed below), beside the rendered source page for PDFs.
import { esc } from '../diff/format.js';
import { markCells } from './cells.js';
import type { ReviewDocument, ReviewTable } from './load.js';
import { pdfPages, type PageImages } from './pages.js';

export interface ReviewOptions {
  /** where relative `source` paths in documents.csv are resolved from (default: cwd) */
  baseDir?: string;
  /** render PDF pages (default true) */
  images?: boolean;
  /** show tables of kind `unknown` and forms too (default: only tables with facts or checks) */
  allTables?: boolean;
}

const CSS = `body{font:13px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:20px}h2{font-size:17px;margin-top:2em;border-top:2px solid #444;padding-top:.5em}
h3{font-size:14px;margin:1.2em 0 .3em}table.grid{border-collapse:collapse;font-size:12px}table.grid td,table.grid th{border:1px solid #bbb;padding:1px 4px;white-space:nowrap}
table.grid th{background:#eee}td.flagged{background:#ffb3b3;outline:2px solid #c00}td.warn{background:#ffe08a}.ok{color:#080}.partial{color:#b60}.failed{color:#b00}
.pair{display:flex;gap:1em;align-items:flex-start}.pair img{max-width:48vw;border:1px solid #999}.checks li.error{color:#b00}.checks li.warning{color:#a60}
table.docs td,table.docs th{border:1px solid #ccc;padding:2px 6px}table.docs{border-collapse:collapse}`;

function gridHtml(t: ReviewTable): string {
  const marks = markCells(t.grid, t.facts, t.checks.filter((c) => c.severity !== 'info'));
  const errorIds = new Set(t.checks.filter((c) => c.severity === 'error').map((c) => c.check_id));
  const rows = t.grid.map((r, i) => `<tr>${r.map((c, j) => {
    if (i === 0) return `<th>${esc(c)}</th>`;
    const m = marks.get(`${i},${j}`);
    if (!m) return `<td>${esc(c)}</td>`;
    const cls = [...m.flags].some((f) => errorIds.has(f)) ? 'flagged' : 'warn';
    const title = [...m.flags].join('; ') + (m.notes.size ? ' — ' + [...m.notes].join(' | ') : '');
    return `<td class="${cls}" data-flags="${esc([...m.flags].join(';'))}" title="${esc(title)}">${esc(c)}</td>`;
  }).join('')}</tr>`);
  return `<table class="grid">${rows.join('')}</table>`;
}

function checksHtml(checks: { severity?: string; check_id?: string; message?: string }[]): string {
  if (!checks.length) return '';
  return `<ul class="checks">${checks.map((c) => `<li class="${esc(c.severity ?? '')}"><b>${esc(c.check_id ?? '')}</b> (${esc(c.severity ?? '')}): ${esc(c.message ?? '')}</li>`).join('')}</ul>`;
}

function tableHtml(docId: string, t: ReviewTable, images: PageImages | undefined): string {
  const r = t.row;
  const page = Number(r.page_first || 0);
  const img = images && page ? images.page(page) : undefined;
  const head = `<h3 id="${esc(docId)}-${esc(r.table_id ?? '')}">${esc(r.table_id ?? '')} ${esc(r.table_no ?? '')} ${esc(r.title ?? '')} <small>(${esc(r.table_kind ?? '')}, ${esc(r.unit ?? '')}${page ? `, page ${page}${r.page_last && r.page_last !== r.page_first ? '–' + esc(r.page_last) : ''}` : ''}, ${esc(r.n_facts ?? '0')} facts)</small></h3>`;
  const body = img ? `<div class="pair"><div>${gridHtml(t)}</div><img alt="page ${page}" src="${img}"></div>` : gridHtml(t);
  return head + body + checksHtml(t.checks);
}

export function renderReview(docs: ReviewDocument[], title: string, o: ReviewOptions = {}): string {
  const summary = docs.map((d) => `<tr><td><a href="#${esc(d.row.doc_id ?? '')}">${esc(d.row.source ?? '')}</a></td><td class="${esc(d.row.status ?? '')}">${esc(d.row.status ?? '')}</td><td>${esc(d.row.doc_kind ?? '')}</td><td>${esc(d.row.issuer ?? '')}</td><td>${esc(d.row.fiscal_year ?? '')}</td><td>${esc(d.row.n_tables ?? '')}</td><td>${esc(d.row.n_facts ?? '')}</td><td>${esc(d.row.n_checks_failed ?? '')}</td><td>${esc(d.row.error ?? '')}</td></tr>`);
  const sections = docs.map((d) => {
    const pdf = (d.row.format ?? '').startsWith('pdf') && o.images !== false ? pdfPages(d.row.source ?? '', o.baseDir) : undefined;
    const shown = d.tables.filter((t) => o.allTables || t.facts.length > 0 || t.checks.some((c) => c.severity !== 'info'));
    return `<h2 id="${esc(d.row.doc_id ?? '')}">${esc(d.row.source ?? '')} <small class="${esc(d.row.status ?? '')}">${esc(d.row.status ?? '')}</small></h2>
<p>${esc(d.row.issuer ?? '')} ${esc(d.row.fiscal_year ?? '')} ${esc(d.row.doc_kind ?? '')} · ${esc(d.row.format ?? '')}${d.row.error ? ' · ' + esc(d.row.error) : ''}${pdf?.reason ? ' · no page images: ' + esc(pdf.reason) : ''}</p>
${checksHtml(d.checks)}${shown.map((t) => tableHtml(d.row.doc_id ?? '', t, pdf)).join('\n')}`;
  });
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body>
<h1>${esc(title)}</h1><table class="docs"><tr><th>source</th><th>status</th><th>kind</th><th>issuer</th><th>year</th><th>tables</th><th>facts</th><th>checks failed</th><th>error</th></tr>${summary.join('')}</table>
<p>Highlighted cells: <span style="background:#ffb3b3">red</span> = a failed accounting check involves the number, <span style="background:#ffe08a">yellow</span> = a warning (layout repair, code, prose). Hover a cell for the checks.</p>
${sections.join('\n')}</body></html>\n`;
}
