#!/usr/bin/env node
// fiscal-extract: the command line. Exit codes: 0 every document ok; 1 some document partial or
// failed (the run still wrote everything it could); 2 usage error; 3 internal error.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingest } from './ingest.js';
import { VERSION } from './version.js';
import { displayPath } from './inputs.js';

export const EXIT = { OK: 0, SOME_FAILED: 1, USAGE: 2, INTERNAL: 3 } as const;

const MAIN_HELP = `fiscal-extract ${VERSION}: Chinese government budget disclosures → clean, checked datasets

Usage:
  fiscal-extract ingest <file|folder|glob>... --out <dir> [--timeout <seconds>] [--quiet]
  fiscal-extract taxonomy <build|import|lookup|stats> ...
  fiscal-extract diff <old-out> <new-out> [--format md|json|html] [--out file] [--fail-on-change]
  fiscal-extract review <out-dir> [--out review.html]
  fiscal-extract --help | --version
  fiscal-extract <command> --help

Exit codes: 0 every document ok; 1 some documents partial or failed (see documents.csv);
2 usage error; 3 internal error.`;

const INGEST_HELP = `fiscal-extract ingest <file|folder|glob>... --out <dir>

Reads every document (PDF with a text layer, text dumps; folders are walked, globs such as
'corpus/**/*.pdf' expanded) and writes into <dir>: documents.csv, tables.csv,
tables/<doc_id>/<table_id>.csv, facts.csv, facts.json, checks.csv, performance.csv,
performance_indicators.csv, definitions.csv, datapackage.json, run.json (see SCHEMA.md).
Files are written atomically: a reader never sees a half-written file.

Options:
  --out <dir>          output folder (required)
  --timeout <seconds>  per-document time limit (default 120)
  --quiet              no progress lines
  --help               this text

Exit codes: 0 every document ok; 1 some partial or failed; 2 usage error; 3 internal error.`;

interface Parsed { positional: string[]; flags: Map<string, string | true> }

function parseArgs(argv: string[], withValue: Set<string>): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (withValue.has(k)) {
        const val = v ?? argv[++i];
        if (val === undefined || val.startsWith('--')) throw new UsageError(`${k} needs a value`);
        flags.set(k, val);
      } else flags.set(k, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

class UsageError extends Error {}

async function runIngest(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, new Set(['--out', '--timeout']));
  if (flags.has('--help')) { console.log(INGEST_HELP); return EXIT.OK; }
  for (const k of flags.keys()) if (!['--out', '--timeout', '--quiet', '--help'].includes(k)) throw new UsageError(`unknown option ${k}`);
  const out = flags.get('--out');
  if (typeof out !== 'string') throw new UsageError('--out <dir> is required');
  if (positional.length === 0) throw new UsageError('name at least one file, folder or glob to ingest');
  let timeoutMs: number | undefined;
  if (flags.has('--timeout')) {
    const t = Number(flags.get('--timeout'));
    if (!Number.isFinite(t) || t <= 0) throw new UsageError('--timeout takes a positive number of seconds');
    timeoutMs = t * 1000;
  }
  const quiet = flags.has('--quiet');
  const result = await ingest(positional, {
    out,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    onDocument: quiet ? undefined : (doc, i, n) => {
      const what = doc.status === 'ok' ? `${doc.tables.length} tables, ${doc.facts.length} facts, ${doc.performance.length} forms` : doc.error;
      console.error(`[${i + 1}/${n}] ${doc.status.padEnd(7)} ${displayPath(doc.source)}: ${what}`);
    },
  });
  for (const m of result.run.missing_inputs) console.error(`warning: ${m}`);
  const c = result.run.counts;
  console.error(`${c.documents} documents (${c.ok} ok, ${c.partial} partial, ${c.failed} failed), ${c.tables} tables, ${c.facts} facts, ${c.checks_failed} failed checks → ${out}`);
  if (c.documents === 0) return EXIT.USAGE;
  return c.partial + c.failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'ingest': return await runIngest(rest);
      case 'taxonomy': {
        const { taxonomyCli } = await import('../normalizers/taxonomy/cli.js');
        return await taxonomyCli(rest);
      }
      case 'diff': {
        const { diffCli } = await import('../output/diff/cli.js');
        return await diffCli(rest);
      }
      case 'review': {
        const { reviewCli } = await import('../output/review/cli.js');
        return await reviewCli(rest);
      }
      case '--version': case '-v': console.log(VERSION); return EXIT.OK;
      case undefined: case '--help': case '-h': case 'help': console.log(MAIN_HELP); return cmd === undefined ? EXIT.USAGE : EXIT.OK;
      default: throw new UsageError(`unknown command ${cmd}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`fiscal-extract: ${e.message} (see fiscal-extract ${cmd && cmd !== '--help' ? cmd + ' ' : ''}--help)`);
      return EXIT.USAGE;
    }
    console.error(`fiscal-extract: internal error: ${(e as Error).stack ?? e}`);
    return EXIT.INTERNAL;
  }
}

function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
