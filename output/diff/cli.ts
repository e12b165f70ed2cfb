// fiscal-extract diff <old-out> <new-out> [--format text|md|json|html] [--out file] [--fail-on-change]
// Exit: 0 (no change, or changes without --fail-on-change), 1 (--fail-on-change and something
// changed), 2 (usage error or an unreadable output folder).
import { writeFileSync } from 'node:fs';
import { diffRuns, hasChanges } from './compare.js';
import { formatDiff, type DiffFormat } from './format.js';
import { readRun, RunReadError } from './read.js';

export { diffRuns } from './compare.js';
export { readRun } from './read.js';

const DIFF_USAGE = `usage: fiscal-extract diff <old-out> <new-out> [--format text|md|json|html] [--out <file>] [--fail-on-change]

Compares two output folders of \`fiscal-extract ingest\` (documents.csv, facts.csv, checks.csv):
facts added, removed and changed (old → new value as read), reviewers' corrections apart from
them (applied, removed, confirmed: ingest --corrections), documents newly failed or recovered, checks
newly failing or passing. Documents are paired by doc_id, then by file name, then (one a side)
by position. Exit 1 with --fail-on-change when anything changed; 2 on a usage error.
`;

export async function diffCli(argv: string[]): Promise<number> {
  const dirs: string[] = [];
  let format: DiffFormat = 'text';
  let out: string | undefined;
  let failOnChange = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { process.stdout.write(DIFF_USAGE); return 0; }
    else if (a === '--fail-on-change') failOnChange = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(9) : argv[++i];
      if (v !== 'text' && v !== 'md' && v !== 'json' && v !== 'html') { process.stderr.write(`--format must be text, md, json or html\n${DIFF_USAGE}`); return 2; }
      format = v;
    } else if (a === '--out' || a.startsWith('--out=')) {
      out = a.includes('=') ? a.slice(6) : argv[++i];
      if (!out) { process.stderr.write(`--out needs a file\n${DIFF_USAGE}`); return 2; }
    } else if (a.startsWith('-')) { process.stderr.write(`unknown option ${a}\n${DIFF_USAGE}`); return 2; }
    else dirs.push(a);
  }
  if (dirs.length !== 2) { process.stderr.write(DIFF_USAGE); return 2; }
  let d;
  try {
    d = diffRuns(readRun(dirs[0]!), readRun(dirs[1]!));
  } catch (e) {
    if (e instanceof RunReadError) { process.stderr.write(`fiscal-extract diff: ${e.message}\n`); return 2; }
    throw e;
  }
  const text = formatDiff(d, format);
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  return failOnChange && hasChanges(d) ? 1 : 0;
}
