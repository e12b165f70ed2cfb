// ICDAR 2013 table competition set (../shared/peer-cases/tabula-java/icdar2013): table detection and
// cell-adjacency structure scores of fiscal-extract's PDF stages (extractPdfPages + layoutPage), beside
// the reference figures. Regions in *-reg.xml are PDF coordinates from the bottom-left (y1 < y2);
// PageContent boxes are viewport coordinates from the top-left, so y is flipped with the page height.
//
// Detection: a detected grid's region is the union of its cell boxes; a ground-truth region and a
// detected one on the same page match one-to-one (greedy, best first) when IoU >= 0.5. Also printed:
// the competition's area-based completeness/purity counts (a GT region is "complete" when a detection
// covers >= 90 % of it, a detection "pure" when >= 90 % of it lies in one GT region).
// Structure: the competition's adjacency relations — each non-blank cell with its nearest non-blank
// neighbour to the right and below (spans respected), compared as (text, text, direction) with white
// space removed and case folded; scored on GT tables whose region was matched, unmatched GT tables
// count in recall. A table printed in several blocks has one region per block; the regions'
// row-/col-increment place their cells in one table (us-035a/b; before, the blocks overwrote each
// other). ICDAR_VERBOSE=1 prints every missed GT region, every unmatched detection and the
// adjacency hits per table.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdfPages } from '../../extractors/pdf/index.js';
import { layoutPage } from '../../extractors/layout/index.js';
import type { Box, RawGrid } from '../../model/types.js';

interface GtRegion { table: string; page: number; box: Box } // top-left coordinates after flipping
interface GtCell { sr: number; sc: number; er: number; ec: number; text: string }

const attr = (s: string, name: string): string | undefined => new RegExp(`\\b${name}=['"]([^'"]*)['"]`).exec(s)?.[1];
const unxml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const norm = (s: string): string => unxml(s).normalize('NFKC').replace(/\s+/g, '').toLowerCase();

function regions(xml: string, heights: Map<number, number>): GtRegion[] {
  const out: GtRegion[] = [];
  for (const t of xml.matchAll(/<table\b([^>]*)>([\s\S]*?)<\/table>/g)) {
    for (const r of t[2]!.matchAll(/<region\b([^>]*)>([\s\S]*?)<\/region>/g)) {
      const page = Number(attr(r[1]!, 'page'));
      const bb = /<bounding-box\b([^>]*)\/>/.exec(r[2]!)?.[1];
      if (!bb) continue;
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((k) => Number(attr(bb, k)));
      const h = heights.get(page) ?? 792;
      out.push({ table: attr(t[1]!, 'id') ?? '?', page, box: { x0: Math.min(x1!, x2!), x1: Math.max(x1!, x2!), y0: h - Math.max(y1!, y2!), y1: h - Math.min(y1!, y2!) } });
    }
  }
  return out;
}

function structure(xml: string): Map<string, GtCell[]> {
  const m = new Map<string, GtCell[]>();
  for (const t of xml.matchAll(/<table\b([^>]*)>([\s\S]*?)<\/table>/g)) {
    const cells: GtCell[] = [];
    // a table printed in several blocks (us-035: three side-by-side column groups on one page) has
    // one region per block whose cells are numbered from 1 again: the region's row-/col-increment
    // places them in the table (without it the blocks' cells overwrote each other)
    for (const r of t[2]!.matchAll(/<region\b([^>]*)>([\s\S]*?)<\/region>/g)) {
      const dr = Number(attr(r[1]!, 'row-increment') ?? 0) || 0, dc = Number(attr(r[1]!, 'col-increment') ?? 0) || 0;
      for (const c of r[2]!.matchAll(/<cell\b([^>]*)>([\s\S]*?)<\/cell>/g)) {
        const sr = Number(attr(c[1]!, 'start-row')), sc = Number(attr(c[1]!, 'start-col'));
        const er = Number(attr(c[1]!, 'end-row') ?? sr), ec = Number(attr(c[1]!, 'end-col') ?? sc);
        const text = /<content>([\s\S]*?)<\/content>/.exec(c[2]!)?.[1] ?? '';
        cells.push({ sr: sr + dr, sc: sc + dc, er: (Number.isFinite(er) ? er : sr) + dr, ec: (Number.isFinite(ec) ? ec : sc) + dc, text });
      }
    }
    const id = attr(t[1]!, 'id') ?? '?';
    m.set(id, [...(m.get(id) ?? []), ...cells]); // a table over two regions (pages): one cell set
  }
  return m;
}

/** adjacency relations of a set of spanning cells */
function adjacency(cells: GtCell[]): Set<string> {
  const occ = new Map<string, number>();
  let maxR = 0, maxC = 0;
  cells.forEach((c, i) => {
    if (!norm(c.text)) return;
    for (let r = c.sr; r <= c.er; r++) for (let k = c.sc; k <= c.ec; k++) occ.set(`${r},${k}`, i);
    maxR = Math.max(maxR, c.er); maxC = Math.max(maxC, c.ec);
  });
  const rel = new Set<string>();
  cells.forEach((c, i) => {
    const a = norm(c.text);
    if (!a) return;
    for (let r = c.sr; r <= c.er; r++) for (let k = c.ec + 1; k <= maxC; k++) { const j = occ.get(`${r},${k}`); if (j !== undefined && j !== i) { rel.add(`${a}\u0001${norm(cells[j]!.text)}\u0001h`); break; } }
    for (let k = c.sc; k <= c.ec; k++) for (let r = c.er + 1; r <= maxR; r++) { const j = occ.get(`${r},${k}`); if (j !== undefined && j !== i) { rel.add(`${a}\u0001${norm(cells[j]!.text)}\u0001v`); break; } }
  });
  return rel;
}

function gridCells(g: RawGrid): GtCell[] {
  const out: GtCell[] = [];
  g.rows.forEach((row, r) => row.forEach((cell, c) => {
    if (cell.mergedFrom) return;
    out.push({ sr: r, sc: c, er: r + (cell.rowSpan ?? 1) - 1, ec: c + (cell.colSpan ?? 1) - 1, text: cell.text });
  }));
  return out;
}

function gridBox(g: RawGrid): Box | undefined {
  let b: Box | undefined;
  for (const row of g.rows) for (const c of row) {
    if (!c.box) continue;
    b = b ? { x0: Math.min(b.x0, c.box.x0), y0: Math.min(b.y0, c.box.y0), x1: Math.max(b.x1, c.box.x1), y1: Math.max(b.y1, c.box.y1) } : { ...c.box };
  }
  return b;
}

const area = (b: Box): number => Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
const inter = (a: Box, b: Box): number => area({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });
const iou = (a: Box, b: Box): number => { const i = inter(a, b); return i / (area(a) + area(b) - i || 1); };
const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);

export async function benchIcdar(dir: string, verbose = process.env.ICDAR_VERBOSE === '1'): Promise<void> {
  if (!existsSync(dir)) { console.log(`  skipped: ${dir} not found`); return; }
  const pdfs = readdirSync(dir).flatMap((d) => (existsSync(join(dir, d)) && !d.includes('.') ? readdirSync(join(dir, d)).filter((f) => f.endsWith('.pdf')).map((f) => join(dir, d, f)) : []));
  let gtN = 0, detN = 0, tp = 0, complete = 0, pure = 0, adjGt = 0, adjDet = 0, adjHit = 0, failed = 0;
  const t0 = performance.now();
  for (const pdf of pdfs.sort()) {
    const base = pdf.replace(/\.pdf$/, '');
    if (!existsSync(`${base}-reg.xml`)) continue;
    let pages;
    try {
      pages = (await extractPdfPages(new Uint8Array(readFileSync(pdf)))).pages;
    } catch { failed++; continue; }
    const heights = new Map(pages.map((p) => [p.page, p.height]));
    const gt = regions(readFileSync(`${base}-reg.xml`, 'utf8'), heights);
    const str = existsSync(`${base}-str.xml`) ? structure(readFileSync(`${base}-str.xml`, 'utf8')) : new Map<string, GtCell[]>();
    const det: { page: number; box: Box; grid: RawGrid }[] = [];
    for (const pc of pages) {
      if (pc.needsOcr) continue;
      for (const b of layoutPage(pc)) if (b.kind === 'grid') { const box = gridBox(b.grid); if (box) det.push({ page: pc.page, box, grid: b.grid }); }
    }
    gtN += gt.length; detN += det.length;
    const pairs: [number, number, number][] = [];
    gt.forEach((g, i) => det.forEach((d, j) => { if (d.page === g.page) { const v = iou(g.box, d.box); if (v >= 0.5) pairs.push([v, i, j]); } }));
    pairs.sort((a, b) => b[0] - a[0]);
    const gi = new Set<number>(), dj = new Set<number>();
    const matchedGrids = new Map<string, RawGrid[]>();
    for (const [, i, j] of pairs) {
      if (gi.has(i) || dj.has(j)) continue;
      gi.add(i); dj.add(j); tp++;
      const id = gt[i]!.table;
      matchedGrids.set(id, [...(matchedGrids.get(id) ?? []), det[j]!.grid]);
    }
    for (const g of gt) if (det.some((d) => d.page === g.page && inter(g.box, d.box) >= 0.9 * area(g.box))) complete++;
    for (const d of det) if (gt.some((g) => g.page === d.page && inter(g.box, d.box) >= 0.9 * area(d.box))) pure++;
    // structure: per GT table, relations of its matched grids (a table over two pages: both grids)
    const name = base.split('/').at(-1)!;
    const bx = (b: Box): string => `[${b.x0.toFixed(0)},${b.y0.toFixed(0)},${b.x1.toFixed(0)},${b.y1.toFixed(0)}]`;
    if (verbose) {
      gt.forEach((g, i) => {
        const best = det.filter((d) => d.page === g.page).map((d) => iou(g.box, d.box)).sort((a, b) => b - a)[0] ?? 0;
        if (!gi.has(i)) console.log(`  ${name} p${g.page} MISS gt t${g.table} ${bx(g.box)} best IoU ${best.toFixed(2)}`);
      });
      det.forEach((d, j) => {
        if (dj.has(j)) return;
        const best = gt.filter((g) => g.page === d.page).map((g) => iou(g.box, d.box)).sort((a, b) => b - a)[0] ?? 0;
        console.log(`  ${name} p${d.page} FP ${d.grid.method} ${d.grid.rows.length}x${d.grid.rows[0]?.length ?? 0} ${bx(d.box)} best IoU ${best.toFixed(2)}`);
      });
    }
    for (const [id, cells] of str) {
      const want = adjacency(cells);
      adjGt += want.size;
      const grids = matchedGrids.get(id) ?? [];
      const got = new Set<string>();
      for (const g of grids) for (const r of adjacency(gridCells(g))) got.add(r);
      adjDet += got.size;
      let hit = 0;
      for (const r of got) if (want.has(r)) hit++;
      adjHit += hit;
      if (verbose && want.size) console.log(`  ${name} t${id} adjacency ${hit}/${want.size} (det ${got.size})${grids.length ? '' : ' UNMATCHED'}`);
    }
  }
  const P = detN ? tp / detN : 0, R = gtN ? tp / gtN : 0;
  const aP = adjDet ? adjHit / adjDet : 0, aR = adjGt ? adjHit / adjGt : 0;
  console.log(`  ${pdfs.length} PDFs${failed ? ` (${failed} unreadable)` : ''}, ${gtN} ground-truth table regions, ${detN} detected grids, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`  detection (IoU >= 0.5, one-to-one): P ${P.toFixed(3)}  R ${R.toFixed(3)}  F1 ${f1(P, R).toFixed(3)}   [reference: tabula 0.856, camelot lattice 0.778]`);
  console.log(`  area completeness (a detection covers >= 90% of the GT region): ${complete}/${gtN}; purity (>= 90% of a detection inside one GT region): ${pure}/${detN}`);
  console.log(`  cell adjacency (structure, on all GT tables): P ${aP.toFixed(3)}  R ${aR.toFixed(3)}  F1 ${f1(aP, aR).toFixed(3)}  (${adjHit} of ${adjGt} GT relations; ${adjDet} detected)`);
}
