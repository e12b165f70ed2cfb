// Build the shipped taxonomy data files from observed sources (taxonomy-sources CSVs, seed text
// dumps, curated lists, imported official lists, pipeline observations).
import { readWorkbook } from '../../extractors/xlsx/workbook.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseCsvObjects } from './csv.js';
import { fromSharedPath, harvestInputs, toSharedPath } from './inputs.js';
import { mergeEvidence, sortSources, sortStrings } from './merge.js';
import { isWellFormed, levelOf, systemOf } from '../../normalizers/taxonomy/shape.js';
import type { StoredEntry } from '../../normalizers/taxonomy/store.js';
import { COFOG_FILE, defaultDataDir, readCofog } from '../../normalizers/taxonomy/store.js';
import { TaxonomyImpl } from '../../normalizers/taxonomy/taxonomy.js';
import { normalizeName, squash } from '../../normalizers/taxonomy/text.js';
import type { CodeSystem, Level } from '../../normalizers/taxonomy/types.js';
import type { BuildReport, CrosswalkRow, Evidence, NameOnlyEvidence, ObservedPair, StoredCrosswalk } from './types.js';
import { CODE_SYSTEMS } from '../../normalizers/taxonomy/types.js';
import { jsonLines, toCsv, writeConflicts, writeCrosswalk, writeFlat, writeSystems } from './write.js';

export type { BuildReport } from './types.js';

const REPORT_FILE = 'build-report.json';
const OBSERVED_FILE = join('observed', 'pipeline.csv');

/** Folders under outDir that every build reads: hand-entered lists, official imports, pipeline observations. */
function ownInputs(outDir: string): string[] {
  return ['curated', 'official', 'observed'].map((d) => join(outDir, d)).filter((d) => existsSync(d));
}

/** Add pipeline observations to <outDir>/observed/pipeline.csv (deduplicated, sorted). */
function persistObserved(outDir: string, pairs: ObservedPair[]): number {
  return writeObservedCsv(join(outDir, OBSERVED_FILE), pairs);
}

/** Merge pairs into an observed-pairs CSV (code,name,year,source), deduplicated and sorted; returns how many were new. */
function writeObservedCsv(file: string, pairs: ObservedPair[]): number {
  const rows = new Map<string, string[]>();
  if (existsSync(file)) {
    for (const { row } of parseCsvObjects(readFileSync(file, 'utf8'))) {
      const r = [row['code'] ?? '', row['name'] ?? '', row['year'] ?? '', row['source'] ?? ''];
      rows.set(r.join('\u0000'), r);
    }
  }
  let added = 0;
  for (const p of pairs) {
    const r = [squash(p.code), squash(p.name), p.year.trim(), p.source.trim()];
    if (!isWellFormed(r[0] ?? '') || !r[1]) continue;
    const k = r.join('\u0000');
    if (!rows.has(k)) added++;
    rows.set(k, r);
  }
  mkdirSync(dirname(file), { recursive: true });
  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  writeFileSync(file, toCsv(['code', 'name', 'year', 'source'], sorted));
  return added;
}

/** Names printed without codes (chains, 总表 类 lists) → evidence, via the direct-evidence taxonomy. */
function resolveNameOnly(
  tax: TaxonomyImpl,
  names: NameOnlyEvidence[],
): { evidence: Evidence[]; unresolved: { text: string; source: string }[] } {
  const evidence: Evidence[] = [];
  const unresolved: { text: string; source: string }[] = [];
  const levels: Level[] = ['类', '款', '项'];
  for (const ne of names) {
    let parent = '';
    const found: Evidence[] = [];
    for (let i = 0; i < ne.chain.length; i++) {
      const printed = ne.chain[i] ?? '';
      const r = tax.resolveName(printed, {
        system: 'function',
        level: levels[i] ?? '项',
        ...(parent ? { parent } : {}),
        ...(ne.year ? { year: ne.year } : {}),
      });
      if (!r || r.method === 'fuzzy') break;
      found.push({ code: r.code, name: printed, year: ne.year, source: ne.source, kind: ne.kind });
      parent = r.code;
    }
    evidence.push(...found);
    if (found.length < ne.chain.length) unresolved.push({ text: ne.chain.map((x, i) => `${x}（${levels[i]}）`).join(''), source: ne.source });
  }
  return { evidence, unresolved };
}

function mergeCrosswalk(rows: CrosswalkRow[], entries: Map<CodeSystem, StoredEntry[]>, warnings: string[]): StoredCrosswalk[] {
  const name = new Map<string, string>();
  for (const list of entries.values()) for (const e of list) name.set(e.code, e.name);
  const byPair = new Map<string, StoredCrosswalk>();
  for (const r of rows) {
    if (systemOf(r.dept) !== 'econ_dept' || systemOf(r.gov) !== 'econ_gov') {
      warnings.push(`${r.source}: crosswalk row ${r.dept}→${r.gov} is not econ_dept→econ_gov`);
      continue;
    }
    const k = `${r.dept}>${r.gov}`;
    const cur = byPair.get(k) ?? { dept: r.dept, dept_name: name.get(r.dept) ?? '', gov: r.gov, gov_name: name.get(r.gov) ?? '', years: [], sources: [] };
    cur.years = sortStrings([...cur.years, ...(r.year ? [r.year] : [])]);
    cur.sources = sortSources([...cur.sources, r.source]);
    byPair.set(k, cur);
  }
  const out = [...byPair.values()].sort((a, b) => (a.dept < b.dept ? -1 : a.dept > b.dept ? 1 : a.gov < b.gov ? -1 : 1));
  const perDept = new Map<string, string[]>();
  for (const r of out) perDept.set(r.dept, [...(perDept.get(r.dept) ?? []), r.gov]);
  for (const [d, gs] of perDept) if (gs.length > 1) warnings.push(`crosswalk: ${d} maps to several gov codes: ${gs.join(', ')}`);
  return out;
}

/**
 * Read every input (files or folders: *.csv code lists, *.txt disclosure dumps; `path#2022` sets a
 * dump's year) plus <outDir>/curated, /official and /observed, merge, and write the data files to
 * outDir. `extra` pairs (codes the pipeline extracted) are persisted to observed/pipeline.csv first.
 */
export async function buildTaxonomy(inputs: string[], outDir: string, extra: ObservedPair[] = []): Promise<BuildReport> {
  if (extra.length) persistObserved(outDir, extra);
  const own = ownInputs(outDir);
  const h = harvestInputs([...inputs, ...own]);
  const warnings = [...h.warnings];
  const cofogFile = readCofog(outDir) ?? safeDefaultCofog();

  // pass 1: direct evidence; pass 2: plus names resolved through pass 1
  const pass1 = mergeEvidence(h.evidence);
  const named = resolveNameOnly(new TaxonomyImpl(pass1.entries, cofogFile), h.names);
  const all = [...h.evidence, ...named.evidence];
  const merged = mergeEvidence(all);
  warnings.push(...merged.warnings);

  const cofogByClass = new Map((cofogFile?.classes ?? []).map((c) => [c.code, c.cofog]));
  for (const e of merged.entries.get('function') ?? []) {
    const c = cofogByClass.get(e.code.slice(0, 3));
    if (c) e.cofog = c;
    else if (e.level === '类') warnings.push(`${e.code} ${e.name}: no COFOG division in ${COFOG_FILE}`);
  }
  const crosswalk = mergeCrosswalk(h.crosswalk, merged.entries, warnings);

  const files = [
    ...writeSystems(outDir, merged.entries),
    writeCrosswalk(outDir, crosswalk),
    writeFlat(outDir, merged.entries),
    writeConflicts(outDir, merged.conflicts),
    REPORT_FILE,
  ];
  const evidenceByKind: Record<string, number> = {};
  for (const e of all) evidenceByKind[e.kind] = (evidenceByKind[e.kind] ?? 0) + 1;
  const entriesBySystem = Object.fromEntries(CODE_SYSTEMS.map((s) => [s, merged.entries.get(s)?.length ?? 0])) as BuildReport['entries'];
  const entriesByLevel = Object.fromEntries(
    CODE_SYSTEMS.map((s) => {
      const lv: Record<Level, number> = { 类: 0, 款: 0, 项: 0 };
      for (const e of merged.entries.get(s) ?? []) lv[levelOf(e.code) ?? '项']++;
      return [s, lv];
    }),
  ) as BuildReport['entriesByLevel'];
  const report: BuildReport = {
    outDir,
    inputs: [...inputs],
    files: sortStrings(files),
    evidence: all.length,
    evidenceByKind: Object.fromEntries(Object.entries(evidenceByKind).sort()),
    entries: entriesBySystem,
    entriesByLevel,
    years: sortStrings(all.map((e) => e.year).filter(Boolean)),
    crosswalk: crosswalk.length,
    conflicts: merged.conflicts,
    unresolved: named.unresolved,
    warnings: sortStrings(warnings),
  };
  const { outDir: _o, conflicts: _c, ...persisted } = report;
  writeFileSync(
    join(outDir, REPORT_FILE),
    jsonLines({ ...persisted, inputs: inputs.map(toSharedPath), inputs_read: h.files, conflicts: merged.conflicts.length } as Record<string, unknown>, 'unresolved', report.unresolved),
  );
  return report;
}

function safeDefaultCofog() {
  try {
    return readCofog(defaultDataDir());
  } catch {
    return undefined;
  }
}

interface OfficialRow { code: string; name: string; level: string; where: string }

/** The code,name[,level] rows of an official list: CSV (header optional), or a workbook
 *  (.xlsx/.xls: every sheet; the code column is the one headed 编码/代码/code, else the first cell
 *  of each row that holds a well-formed code, with the name in the next filled cell). */
function readOfficialRows(file: string): OfficialRow[] {
  if (/\.xlsx?$/i.test(file)) {
    const out: OfficialRow[] = [];
    for (const sheet of readWorkbook(new Uint8Array(readFileSync(file)))) {
      const text = sheet.cells.map((r) => Array.from(r, (c) => (c ? String(c.w ?? c.v ?? '').trim() : '')));
      let codeCol = -1;
      let nameCol = -1;
      text.forEach((cells, r) => {
        if (codeCol < 0) {
          const ci = cells.findIndex((t) => /编码|代码|^code$/i.test(t));
          const ni = cells.findIndex((t) => /名称|^name$/i.test(t));
          if (ci >= 0 && ni >= 0) { codeCol = ci; nameCol = ni; return; }
        }
        let code = '';
        let name = '';
        if (codeCol >= 0) { code = cells[codeCol] ?? ''; name = cells[nameCol] ?? ''; }
        else {
          const i = cells.findIndex((t) => isWellFormed(squash(t)));
          if (i < 0) return;
          code = cells[i]!;
          name = cells.slice(i + 1).find((t) => t !== '') ?? '';
        }
        if (code || name) out.push({ code, name, level: '', where: `${sheet.name}!row ${r + 1}` });
      });
    }
    return out;
  }
  const lines = readFileSync(file, 'utf8').replace(/^\ufeff/, '').split(/\r?\n/);
  const hasHeader = /code|编码|代码/i.test(lines[0] ?? '');
  return parseCsvObjects((hasHeader ? '' : 'code,name,level\n') + lines.join('\n')).map(({ row, line }) => ({
    code: row['code'] ?? row['科目编码'] ?? '',
    name: row['name'] ?? row['科目名称'] ?? '',
    level: row['level'] ?? '',
    where: `line ${line}`,
  }));
}

/**
 * Import an official code list for a fiscal year: CSV with code,name[,level] (header optional), or
 * an .xlsx/.xls workbook.
 * The list is stored as <outDir>/official/<year>_<file>.csv and the taxonomy rebuilt with the inputs
 * of the last build (build-report.json, where they are recorded relative to the shared root).
 * Official names win over observed ones in that year.
 */
export async function importOfficialList(file: string, year: string, outDir: string): Promise<BuildReport & { imported: number }> {
  if (!/^\d{4}$/.test(year)) throw new Error(`--year must be a four-digit fiscal year, got ${JSON.stringify(year)}`);
  if (!existsSync(file)) throw new Error(`official list not found: ${file}`);
  const rows: string[][] = [];
  const bad: string[] = [];
  for (const { code: rawCode, name: rawName, level, where } of readOfficialRows(file)) {
    const code = squash(rawCode);
    const name = normalizeName(rawName);
    if (!isWellFormed(code) || !name) {
      if (code || name) bad.push(`${where}: ${code} ${name}`);
      continue;
    }
    if (level && level !== levelOf(code)) bad.push(`${where}: ${code} is a ${levelOf(code)}, list says ${level}`);
    rows.push([code, name, levelOf(code) ?? '', year]);
  }
  if (!rows.length) throw new Error(`no code,name rows in ${file}${bad.length ? ` (first problem: ${bad[0]})` : ''}`);
  const dir = join(outDir, 'official');
  mkdirSync(dir, { recursive: true });
  const stem = basename(file).replace(/\.[^.]+$/, '').replace(/[^\w\u3400-\u9fff-]+/g, '_');
  writeFileSync(join(dir, `${year}_${stem}.csv`), toCsv(['code', 'name', 'level', 'year'], rows.sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1))));
  let inputs: string[] = [];
  const rp = join(outDir, REPORT_FILE);
  if (existsSync(rp)) {
    const prev = JSON.parse(readFileSync(rp, 'utf8')) as { inputs?: string[] };
    inputs = (prev.inputs ?? []).map(fromSharedPath).filter((p) => existsSync(p.replace(/#\d{4}$/, '')));
  }
  const report = await buildTaxonomy(inputs, outDir);
  report.warnings.push(...bad.map((b) => `${basename(file)} ${b}`));
  return { ...report, imported: rows.length };
}
