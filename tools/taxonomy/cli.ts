// `fiscal-extract taxonomy …`: build, import, lookup, stats. Prints to stdout; returns the exit code.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildTaxonomy, importOfficialList } from './build.js';
import { NOT_EVIDENCE_FILE, observedFromOutput, readNotEvidence } from './from-output.js';
import { clearTaxonomyCache, loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { defaultDataDir } from '../../normalizers/taxonomy/store.js';
import type { BuildReport } from './types.js';

const TAXONOMY_HELP = `fiscal-extract taxonomy <command>

  build <inputs...> [--out DIR] [--observed-from OUT] [--not-evidence LIST.tsv]
                                  rebuild the data files from code lists (*.csv) and disclosure
                                  text dumps (*.txt; FILE#2022 sets a dump's year); folders are
                                  read whole. --observed-from adds the code–name pairs of the coded
                                  tables in an ingest output folder (kept in DIR/observed/pipeline.csv),
                                  except those of the documents listed in DIR/not-evidence.tsv and
                                  --not-evidence (TSV: filename and/or sha256_16 columns, as in the
                                  corpus MANIFEST.tsv; with an evidence column, its "no" rows).
                                  DIR defaults to the shipped normalizers/knowledge/taxonomy;
                                  DIR/curated, DIR/official and DIR/observed are always read.
  import <file.csv|file.xlsx|file.xls> --year Y [--out DIR]
                                  add an official list (code,name[,level]; in a workbook the 编码 /
                                  名称 columns of every sheet) for fiscal year Y and rebuild
  lookup <code|name> [--year Y] [--system S] [--parent CODE] [--level 类|款|项] [--dir DIR]
                                  show the entry of a code, or resolve a printed name
  stats [--dir DIR]               counts per system, level and year; sources
  --help                          this text

exit codes: 0 ok, 1 failure, 2 usage error`;

interface Parsed {
  positional: string[];
  flags: Record<string, string>;
}

const VALUE_FLAGS = new Set(['out', 'year', 'dir', 'system', 'parent', 'level', 'observed-from', 'not-evidence']);

function parseArgs(argv: string[]): Parsed | string {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--help' || a === '-h') flags['help'] = '1';
    else if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (!VALUE_FLAGS.has(k)) return `unknown option --${k}`;
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') return `--${k} needs a value`;
      flags[k] = v;
    } else positional.push(a);
  }
  return { positional, flags };
}

function printReport(r: BuildReport, out: (s: string) => void): void {
  out(`wrote ${r.files.length} files to ${r.outDir}`);
  for (const [s, n] of Object.entries(r.entries)) {
    const lv = r.entriesByLevel[s as keyof BuildReport['entriesByLevel']];
    out(`  ${s}: ${n} codes (类 ${lv.类}, 款 ${lv.款}, 项 ${lv.项})`);
  }
  out(`  evidence: ${r.evidence} (${Object.entries(r.evidenceByKind).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  out(`  years: ${r.years.join(', ')}`);
  out(`  crosswalk rows: ${r.crosswalk}; conflicts: ${r.conflicts.length}; unresolved names: ${r.unresolved.length}; warnings: ${r.warnings.length}`);
  for (const c of r.conflicts) {
    out(`  conflict ${c.code} (${c.conflictYears.join(',')}): ${c.names.map((n) => `${n.name}×${n.count}`).join(' / ')} → ${c.chosen}`);
  }
}

/** The lists of documents that are no evidence: DIR/not-evidence.tsv when there, and --not-evidence. */
function notEvidenceLists(outDir: string, given: string | undefined): string[] {
  const own = join(outDir, NOT_EVIDENCE_FILE);
  return [...(existsSync(own) ? [own] : []), ...(given ? [given] : [])];
}

export async function taxonomyCli(argv: string[], out: (s: string) => void = (s) => console.log(s)): Promise<number> {
  const p = parseArgs(argv);
  if (typeof p === 'string') {
    out(`taxonomy: ${p}\n\n${TAXONOMY_HELP}`);
    return 2;
  }
  const [cmd, ...rest] = p.positional;
  if (p.flags['help'] || !cmd) {
    out(TAXONOMY_HELP);
    return cmd || p.flags['help'] ? 0 : 2;
  }
  try {
    switch (cmd) {
      case 'build': {
        if (!rest.length) {
          out(`taxonomy build: give at least one input file or folder\n\n${TAXONOMY_HELP}`);
          return 2;
        }
        const outDir = p.flags['out'] ?? defaultDataDir();
        const extra = p.flags['observed-from'] ? observedFromOutput(p.flags['observed-from'], readNotEvidence(notEvidenceLists(outDir, p.flags['not-evidence']))) : [];
        const r = await buildTaxonomy(rest, outDir, extra);
        clearTaxonomyCache();
        printReport(r, out);
        return 0;
      }
      case 'import': {
        const file = rest[0];
        const year = p.flags['year'];
        if (!file || rest.length > 1 || !year) {
          out(`taxonomy import: usage: import <file.csv|file.xlsx> --year Y\n\n${TAXONOMY_HELP}`);
          return 2;
        }
        const r = await importOfficialList(file, year, p.flags['out'] ?? defaultDataDir());
        clearTaxonomyCache();
        out(`imported ${r.imported} codes for ${year}`);
        printReport(r, out);
        return 0;
      }
      case 'lookup': {
        const q = rest.join('');
        if (!q) {
          out(`taxonomy lookup: give a code or a name\n\n${TAXONOMY_HELP}`);
          return 2;
        }
        const tax = loadTaxonomy(p.flags['dir']);
        const year = p.flags['year'];
        if (/^\d+$/.test(q)) {
          const e = tax.lookup(q, year);
          if (!e) {
            out(`${q}: not a well-formed classification code`);
            return 1;
          }
          out(JSON.stringify(e, null, 2));
          return 0;
        }
        const level = p.flags['level'];
        if (level && level !== '类' && level !== '款' && level !== '项') {
          out(`taxonomy lookup: --level must be 类, 款 or 项`);
          return 2;
        }
        const system = p.flags['system'];
        if (system && !['function', 'econ_dept', 'econ_gov', 'income'].includes(system)) {
          out(`taxonomy lookup: --system must be function, econ_dept, econ_gov or income`);
          return 2;
        }
        const r = tax.resolveName(q, {
          ...(year ? { year } : {}),
          ...(system ? { system: system as 'function' } : {}),
          ...(p.flags['parent'] ? { parent: p.flags['parent'] } : {}),
          ...(level ? { level: level as '类' } : {}),
        });
        if (!r) {
          out(`${q}: no unique match (unknown or ambiguous; narrow with --parent/--level/--system)`);
          return 1;
        }
        out(JSON.stringify({ code: r.code, method: r.method, score: r.score, entry: r.entry }, null, 2));
        return 0;
      }
      case 'stats': {
        out(JSON.stringify(loadTaxonomy(p.flags['dir']).stats(), null, 2));
        return 0;
      }
      default:
        out(`taxonomy: unknown command ${cmd}\n\n${TAXONOMY_HELP}`);
        return 2;
    }
  } catch (err) {
    out(`taxonomy ${cmd}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
