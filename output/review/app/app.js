// The review app's client (served by output/review/serve.ts). Plain DOM: every value from the
// dataset is written with textContent or as an attribute value, never parsed as HTML.
'use strict';

const PAGE = 100;
const state = {
  summary: null,
  docs: [],
  docId: '',
  info: null,
  tableId: '',
  check: '',
  facts: { total: 0, offset: 0, items: [] },
  sel: -1,
  zoom: false,
};

const $ = (id) => document.getElementById(id);

/** an element with attributes and children (strings become text nodes) */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

async function api(path, params, init) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== '' && v !== false) q.set(k, v === true ? '1' : String(v));
  const r = await fetch(`${path}${q.toString() ? '?' + q : ''}`, init);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function filters() {
  return { failed: $('f-failed').checked, flagged: $('f-flagged').checked, changed: $('f-changed').checked, unverified: $('f-unverified').checked, kind: $('f-kind').value };
}

function factParams(extra) {
  const f = filters();
  return { doc_id: state.docId, table_id: state.tableId, check: state.check, failed: f.failed, flagged: f.flagged, changed: f.changed, unverified: f.unverified, kind: f.kind, ...extra };
}

// ---- documents -------------------------------------------------------------------------------

async function loadDocs() {
  const r = await api('/api/documents', { ...filters(), limit: 1000 });
  state.docs = r.items;
  const nav = $('docs');
  nav.replaceChildren(el('p', { class: 'muted' }, `${r.total} document(s)`));
  for (const d of r.items) {
    const name = (d.source || d.doc_id).split('/').pop();
    nav.append(el('button', { type: 'button', class: 'doc' + (d.doc_id === state.docId ? ' active' : ''), 'data-doc': d.doc_id, onclick: () => openDoc(d.doc_id) },
      el('div', { class: 'name' }, name),
      el('div', {}, el('span', { class: `badge ${d.status}` }, d.status), `${d.issuer || ''} ${d.fiscal_year || ''}`),
      el('div', {},
        Number(d.n_checks_failed) ? el('span', { class: 'badge err' }, `${d.n_checks_failed} failed checks`) : null,
        d.n_flagged ? el('span', { class: 'badge warn' }, `${d.n_flagged} flagged`) : null,
        d.n_unverified ? el('span', { class: 'badge' }, `${d.n_unverified} unverified`) : null,
        d.n_changed || d.n_removed ? el('span', { class: 'badge chg' }, `${d.n_changed} changed${d.n_removed ? `, ${d.n_removed} removed` : ''}`) : null,
        d.n_pending ? el('span', { class: 'badge pend' }, `${d.n_pending} reviewed`) : null,
        el('span', { class: 'muted' }, `${d.n_facts} facts`))));
  }
}

// ---- one document ----------------------------------------------------------------------------

async function openDoc(docId) {
  state.docId = docId;
  state.tableId = '';
  state.check = '';
  state.info = await api('/api/document', { doc_id: docId });
  for (const b of document.querySelectorAll('.doc')) b.classList.toggle('active', b.getAttribute('data-doc') === docId);
  renderDoc();
  await loadFacts(0, 0);
}

function renderDoc() {
  const { doc, tables, checks } = state.info;
  const tableSel = el('select', { id: 'table', onchange: (e) => { state.tableId = e.target.value; loadFacts(0, 0); } },
    el('option', { value: '' }, `all tables (${tables.length})`),
    tables.map((t) => el('option', { value: t.table_id }, `${t.table_id} ${t.table_no || ''} ${t.title || t.table_kind} (${t.n_facts} facts${Number(t.checks_failed) ? `, ${t.checks_failed} failed` : ''})`)));
  const ids = [...new Set(checks.map((c) => c.check_id))];
  const checkSel = el('select', { id: 'check', onchange: (e) => { state.check = e.target.value; loadFacts(0, 0); } },
    el('option', { value: '' }, 'all facts'),
    ids.map((id) => el('option', { value: id }, `${id} (${checks.filter((c) => c.check_id === id).length} failed)`)));
  $('doc').replaceChildren(
    el('h2', {}, (doc.source || doc.doc_id).split('/').pop()),
    el('div', { class: 'muted' }, `${doc.issuer || ''} ${doc.fiscal_year || ''} ${doc.doc_kind || ''} · ${doc.format || ''} · ${doc.status}${doc.error ? ' · ' + doc.error : ''}`),
    checks.length ? el('ul', { class: 'checks' }, checks.map((c) => el('li', { class: c.severity }, el('b', {}, c.check_id), ` ${c.table_id || ''} ${c.subject}: expected ${c.expected}, printed ${c.actual}`))) : el('p', { class: 'muted' }, 'no failed checks'),
    el('div', { class: 'bar' }, el('label', {}, 'table ', tableSel), el('label', {}, 'check ', checkSel)),
    el('div', { id: 'review' }),
    el('div', { class: 'bar', id: 'pager' }),
    el('table', { class: 'facts', id: 'facts' }),
  );
}

async function loadFacts(offset, select) {
  if (!state.docId) return;
  state.facts = await api('/api/facts', factParams({ offset, limit: PAGE }));
  renderFacts();
  selectRow(state.facts.items.length ? Math.min(Math.max(select, 0), state.facts.items.length - 1) : -1);
}

function valueCell(f) {
  const c = el('td', { class: 'num' });
  if (f.value_extracted) c.append(el('span', { class: 'old', title: 'as read' }, f.value_extracted));
  else if (f.old !== undefined) c.append(el('span', { class: 'old', title: 'in the --against run' }, f.old === '' ? 'new' : f.old));
  c.append(el('span', { class: 'value' }, f.value));
  if (f.pending) c.append(el('span', { class: 'badge pend', title: f.pending.note }, pendingText(f.pending, true)));
  return c;
}

/** a reviewer's entry of corrections.csv: applied by the run, or waiting for the next ingest */
function pendingText(p, short) {
  if (p.action === 'applied') return short ? '✓' : 'reviewed: applied by this run';
  if (p.action === 'confirm') return short ? '✓?' : 'confirmed: applied at the next ingest';
  return short ? `→ ${p.value}` : `corrected to ${p.value}: applied at the next ingest`;
}

function renderFacts() {
  const { total, offset, items } = state.facts;
  const table = $('facts');
  table.replaceChildren(el('tr', {}, ['table', 'code', 'item', 'measure', 'value', 'unit', 'p.', 'flags'].map((h) => el('th', {}, h))));
  items.forEach((f, k) => {
    table.append(el('tr', { class: f.attention ? 'attention' : '', 'data-i': f.i, onclick: () => selectRow(k) },
      el('td', {}, f.table_id), el('td', {}, f.code), el('td', {}, f.item), el('td', { title: f.measure_label }, f.measure || f.measure_label),
      valueCell(f), el('td', {}, f.unit), el('td', {}, f.page || f.source_ref || ''), el('td', { class: 'flags' }, f.flags.join(' '))));
  });
  const pager = $('pager');
  pager.replaceChildren(
    el('button', { type: 'button', disabled: offset === 0, onclick: () => loadFacts(Math.max(0, offset - PAGE), 0) }, '‹ previous'),
    el('span', {}, total ? `${offset + 1}–${offset + items.length} of ${total} facts` : 'no facts match'),
    el('button', { type: 'button', disabled: offset + items.length >= total, onclick: () => loadFacts(offset + PAGE, 0) }, 'next ›'));
}

function selectRow(k) {
  state.sel = k;
  const rows = $('facts').querySelectorAll('tr[data-i]');
  rows.forEach((r, j) => r.classList.toggle('sel', j === k));
  if (k >= 0) rows[k].scrollIntoView({ block: 'nearest' });
  renderReview();
  renderPage();
}

const current = () => (state.sel >= 0 ? state.facts.items[state.sel] : undefined);

// ---- reviewing a fact -------------------------------------------------------------------------

function renderReview() {
  const f = current();
  const box = $('review');
  if (!f) { box.replaceChildren(el('span', { class: 'muted' }, 'Select a fact (click, or j/k).')); return; }
  const value = el('input', { name: 'value', value: f.value, 'aria-label': 'corrected value', inputmode: 'decimal' });
  const note = el('input', { name: 'note', placeholder: 'note: what the page prints, where', 'aria-label': 'note', maxlength: 2000 });
  const form = el('form', { class: 'bar', onsubmit: (e) => { e.preventDefault(); submit('correct', value.value, note.value); } },
    el('label', {}, 'value ', value), el('label', {}, 'note ', note),
    el('button', { type: 'submit', id: 'save' }, 'Save correction'),
    el('button', { type: 'button', id: 'confirm', onclick: () => submit('confirm', '', note.value) }, 'Confirm value'),
    el('span', { id: 'msg' }));
  box.replaceChildren(
    el('div', { class: 'key' }, [f.table_kind, f.section, f.row_group, f.code, f.item, f.secondary_code, f.measure || f.measure_label].filter(Boolean).join(' | ')),
    el('div', { class: 'muted' }, `${f.value} ${f.unit}${f.value_extracted ? ` (corrected; read ${f.value_extracted})` : ''}${f.verified ? ' · verified' : ''}${f.flags.length ? ' · ' + f.flags.join(', ') : ''}${f.pending ? ` · ${pendingText(f.pending, false)}${f.pending.note ? ` (${f.pending.note})` : ''}` : ''}`),
    form);
}

async function submit(action, value, note) {
  const f = current();
  if (!f) return;
  const msg = $('msg');
  try {
    const r = await api('/api/corrections', {}, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ i: f.i, action, value, note, reviewer: $('reviewer').value }),
    });
    state.facts.items[state.sel] = r.fact;
    const k = state.sel;
    renderFacts();
    selectRow(k);
    const m = $('msg');
    m.className = 'ok';
    m.textContent = action === 'confirm' ? 'confirmed: written to corrections.csv' : `saved: ${r.row.value} written to corrections.csv (applied at the next ingest)`;
  } catch (e) {
    msg.className = 'error';
    msg.textContent = e.message;
  }
}

// ---- the source page --------------------------------------------------------------------------

function renderPage() {
  const f = current();
  const pane = $('page');
  if (!f) { pane.replaceChildren(el('p', { class: 'muted' }, 'No fact selected.')); return; }
  if (!state.info.page_images || !f.page) {
    pane.replaceChildren(el('p', { class: 'muted' }, f.source_ref ? `read from ${f.source_ref}` : 'no page image for this document (PDF sources only, with pdftoppm)'));
    return;
  }
  const src = `/api/page.png?doc_id=${encodeURIComponent(f.doc_id)}&page=${encodeURIComponent(f.page)}`;
  let wrap = pane.querySelector('.pagewrap');
  let img = wrap && wrap.querySelector('img');
  if (!img || img.getAttribute('src') !== src) {
    img = el('img', { src, alt: `page ${f.page}` });
    wrap = el('div', { class: 'pagewrap' + (state.zoom ? ' zoom' : '') }, img);
    img.addEventListener('click', toggleZoom);
    pane.replaceChildren(el('div', { class: 'muted' }, `page ${f.page} (click or z: zoom)`), wrap);
    img.addEventListener('load', () => drawBox());
  } else drawBox();
}

function toggleZoom() {
  state.zoom = !state.zoom;
  const wrap = $('page').querySelector('.pagewrap');
  if (wrap) { wrap.classList.toggle('zoom', state.zoom); drawBox(); }
}

function drawBox() {
  const f = current();
  const wrap = $('page').querySelector('.pagewrap');
  if (!wrap) return;
  const old = wrap.querySelector('.box');
  if (old) old.remove();
  const img = wrap.querySelector('img');
  if (!f || !f.bbox || !img.naturalWidth) return;
  const s = (img.clientWidth / img.naturalWidth) * (state.info.dpi / 72);
  const [x0, y0, x1, y1] = f.bbox;
  const b = el('div', { class: 'box', id: 'box' });
  b.style.left = `${x0 * s - 2}px`;
  b.style.top = `${y0 * s - 2}px`;
  b.style.width = `${(x1 - x0) * s + 4}px`;
  b.style.height = `${(y1 - y0) * s + 4}px`;
  wrap.append(b);
  b.scrollIntoView({ block: 'center', inline: 'center' });
}

// ---- keyboard ---------------------------------------------------------------------------------

async function move(d) {
  const { offset, items, total } = state.facts;
  const k = state.sel + d;
  if (k >= 0 && k < items.length) return selectRow(k);
  if (d > 0 && offset + items.length < total) return loadFacts(offset + PAGE, 0);
  if (d < 0 && offset > 0) return loadFacts(Math.max(0, offset - PAGE), PAGE - 1);
}

async function seek(d) {
  const from = state.sel < 0 ? state.facts.offset - (d > 0 ? 1 : 0) : state.facts.offset + state.sel;
  const r = await api('/api/seek', factParams({ from, dir: d }));
  if (r.pos < 0) return;
  const offset = Math.floor(r.pos / PAGE) * PAGE;
  if (offset !== state.facts.offset) await loadFacts(offset, r.pos - offset);
  else selectRow(r.pos - offset);
}

document.addEventListener('keydown', (e) => {
  const t = e.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement) {
    if (e.key === 'Escape') t.blur();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const keys = {
    j: () => move(1), k: () => move(-1), n: () => seek(1), p: () => seek(-1),
    c: () => submit('confirm', '', ''),
    z: () => toggleZoom(),
    e: () => { const v = document.querySelector('#review input[name=value]'); if (v) { v.focus(); v.select(); } },
    ']': () => { const { offset, items, total } = state.facts; if (offset + items.length < total) loadFacts(offset + PAGE, 0); },
    '[': () => { if (state.facts.offset > 0) loadFacts(Math.max(0, state.facts.offset - PAGE), 0); },
  };
  const fn = keys[e.key];
  if (fn) { e.preventDefault(); fn(); }
});

// ---- start ------------------------------------------------------------------------------------

async function start() {
  state.summary = await api('/api/summary');
  $('run').textContent = `${state.summary.dir}${state.summary.against ? ` (changes since ${state.summary.against})` : ''} · ${state.summary.documents} documents, ${state.summary.facts} facts`;
  const kind = $('f-kind');
  for (const k of state.summary.kinds) kind.append(el('option', { value: k }, k));
  const reviewer = $('reviewer');
  reviewer.value = localStorage.getItem('fx-reviewer') || '';
  reviewer.addEventListener('change', () => localStorage.setItem('fx-reviewer', reviewer.value));
  $('filters').addEventListener('change', async (e) => {
    if (e.target === reviewer) return;
    await loadDocs();
    if (state.docId) await loadFacts(0, 0);
  });
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  await loadDocs();
  document.body.setAttribute('data-ready', '1');
}

start().catch((e) => { $('docs').replaceChildren(el('p', { class: 'error' }, e.message)); });
