// Hostile folders and inputs (issue 17): a dangling symbolic link, a symbolic link cycle, a link
// that loops on itself, a FIFO and a file named in GBK bytes never stop the run; each becomes a
// failed row or a warning in run.json, and the documents beside them are read. A named input
// that is not there is a failed row and a non-zero exit; when every input is missing, nothing is
// written and the output folder keeps its dataset.
import { describe, it, expect, beforeAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expandInputs } from '../../pipeline/inputs.js';
import { displayBytes } from '../../pipeline/walk.js';
import { ingest } from '../../pipeline/ingest.js';
import { main, EXIT } from '../../pipeline/cli.js';
import { parseCsv } from '../../output/csv.js';
import { sample } from '../fixture.js';
import { tmp } from '../runner/helpers.js';

const SEED = '002_7cec67b54d9192d1.txt'; // a small seed: 47 KB, 24 tables
const GBK_NAME = Buffer.from([0xb2, 0xe2, 0xca, 0xd4, 0x2e, 0x74, 0x78, 0x74]); // 测试.txt in GBK

/** d/ with a seed, d/sub/ with a copy under a GBK name, and every hostile entry */
function hostileFolder(): string {
  const root = tmp('fx-hostile-');
  const d = join(root, 'd');
  mkdirSync(join(d, 'sub'), { recursive: true });
  copyFileSync(sample(SEED), join(d, 'a.txt'));
  writeFileSync(Buffer.concat([Buffer.from(join(d, 'sub') + '/'), GBK_NAME]), readFileSync(sample(SEED)).toString('utf8') + '\n');
  symlinkSync('/nonexistent/budget.pdf', join(d, 'dangling.pdf'));
  symlinkSync('..', join(d, 'sub', 'up')); // the cycle: d/sub/up → d
  symlinkSync('loop.pdf', join(d, 'loop.pdf')); // a link to itself: ELOOP
  execFileSync('mkfifo', [join(d, 'pipe.pdf')]);
  return d;
}

describe('the folder walk', () => {
  let d = '';
  beforeAll(() => { d = hostileFolder(); });

  it('lists every entry once, with a reason for what cannot be read, and walks a cycle once', () => {
    const { files, missing, skipped } = expandInputs([d]);
    const bySource = Object.fromEntries(files.map((f) => [f.source.slice(d.length + 1), f]));
    expect(Object.keys(bySource).sort()).toEqual(['a.txt', 'dangling.pdf', 'loop.pdf', 'sub/\\xB2\\xE2\\xCA\\xD4.txt']);
    expect(bySource['a.txt']!.error).toBeUndefined();
    expect(bySource['dangling.pdf']!.error).toBe('broken symbolic link: its target /nonexistent/budget.pdf does not exist');
    expect(bySource['loop.pdf']!.error).toMatch(/loops back on itself/);
    // the GBK name: shown escaped, opened by its bytes
    const gbk = bySource['sub/\\xB2\\xE2\\xCA\\xD4.txt']!;
    expect(gbk.path).toEqual(Buffer.concat([Buffer.from(join(d, 'sub') + '/'), GBK_NAME]));
    expect(statSync(gbk.path!).isFile()).toBe(true);
    expect(missing).toEqual([]);
    expect(skipped).toHaveLength(2);
    expect(skipped.find((s) => s.includes('sub/up'))).toMatch(/a symbolic link to .*, walked already: skipped$/);
    expect(skipped.find((s) => s.includes('pipe.pdf'))).toMatch(/a FIFO, not a document: skipped$/);
  });

  it('a dangling link named on the command line is a row too, not a missing file', () => {
    const { files } = expandInputs([join(d, 'dangling.pdf')]);
    expect(files).toEqual([{ source: join(d, 'dangling.pdf'), error: 'broken symbolic link: its target /nonexistent/budget.pdf does not exist' }]);
  });

  it('a glob walks the same way', () => {
    const { files } = expandInputs([`${d}/**/*.txt`]);
    expect(files.map((f) => f.source.slice(d.length + 1))).toEqual(['a.txt', 'sub/\\xB2\\xE2\\xCA\\xD4.txt']);
  });

  it('escapes only the bytes that are not UTF-8', () => {
    expect(displayBytes(Buffer.from('预算/a.txt'))).toBe('预算/a.txt');
    expect(displayBytes(Buffer.concat([Buffer.from('预'), Buffer.from([0xff, 0xe9, 0x41]), Buffer.from('算')]))).toBe('预\\xFF\\xE9A算');
  });

  it('the run goes on: a row per document and per unreadable entry, warnings in run.json', async () => {
    const out = tmp();
    const r = await ingest([d], { out });
    const rows = parseCsv(readFileSync(join(out, 'documents.csv'), 'utf8'));
    const got = rows.map((x) => [x.source!.slice(d.length + 1), x.status, x.error]);
    expect(got).toEqual([
      ['a.txt', 'ok', ''],
      ['dangling.pdf', 'failed', 'broken symbolic link: its target /nonexistent/budget.pdf does not exist'],
      ['loop.pdf', 'failed', expect.stringMatching(/^cannot read the symbolic link: a symbolic link that loops back on itself$/)],
      ['sub/\\xB2\\xE2\\xCA\\xD4.txt', 'ok', ''],
    ]);
    // the GBK-named copy was read: the same tables as the seed
    const tables = parseCsv(readFileSync(join(out, 'tables.csv'), 'utf8'));
    const [a, gbk] = [rows[0]!, rows[3]!];
    expect(Number(a.n_tables)).toBeGreaterThan(10);
    expect(gbk.n_tables).toBe(a.n_tables);
    expect(tables.filter((t) => t.doc_id === gbk.doc_id).map((t) => t.title)).toEqual(tables.filter((t) => t.doc_id === a.doc_id).map((t) => t.title));
    // unreadable rows get ids of their own (no content to hash)
    expect(new Set(rows.map((x) => x.doc_id)).size).toBe(4);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.warnings).toEqual(r.run.warnings);
    expect(run.warnings.join('\n')).toMatch(/sub\/up: a symbolic link to/);
    expect(run.missing_inputs).toEqual([]);
    expect(existsSync(join(out, '.fiscal-extract', 'lock'))).toBe(false); // released
  }, 60_000);
});

describe('missing inputs', () => {
  let good = '';
  beforeAll(() => {
    good = join(tmp('fx-good-'), 'good.txt');
    copyFileSync(sample(SEED), good);
  });

  it('good + missing: the good document is written, the missing one is a failed row, exit 1', async () => {
    const out = tmp();
    const missing = join(out, '..', 'no-such-file.pdf');
    expect(await main(['ingest', good, missing, '--out', out, '--no-state', '--quiet', '--workers', '0'])).toBe(EXIT.SOME_FAILED);
    const rows = parseCsv(readFileSync(join(out, 'documents.csv'), 'utf8'));
    expect(rows.map((x) => [x.source, x.status, x.error])).toEqual([
      [good, 'ok', ''],
      [missing, 'failed', `file not found: ${missing} (no such file or folder)`],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
  }, 60_000);

  it('every input missing: a usage error (exit 2) that leaves the output folder as it was', async () => {
    const out = tmp();
    await ingest([good], { out, state: join(out, '.fiscal-extract', 'state.sqlite') });
    const snapshot = () => Object.fromEntries(['documents.csv', 'facts.csv', 'tables.csv', 'run.json'].map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    const before = snapshot();
    const listing = readdirSync(out).sort();
    const stateListing = readdirSync(join(out, '.fiscal-extract')).sort();
    expect(stateListing).toContain('state.sqlite');
    expect(stateListing).not.toContain('lock');
    expect(before['tables.csv']!.split('\n').length).toBeGreaterThan(10);
    const code = await main(['ingest', join(out, 'no-such-folder'), join(out, 'no-such.pdf'), '--out', out, '--quiet', '--workers', '0']);
    expect(code).toBe(EXIT.USAGE);
    expect(snapshot()).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(listing);
    expect(readdirSync(join(out, '.fiscal-extract')).sort()).toEqual(stateListing);
    // an empty folder and a pattern that matches nothing are the same: nothing to read
    const empty = tmp('fx-empty-');
    expect(await main(['ingest', empty, `${empty}/*.pdf`, '--out', out, '--quiet', '--workers', '0'])).toBe(EXIT.USAGE);
    expect(snapshot()).toEqual(before);
    // and a new output folder is not even created
    const fresh = join(tmp(), 'fresh');
    expect(await main(['ingest', join(out, 'no-such.pdf'), '--out', fresh, '--quiet'])).toBe(EXIT.USAGE);
    expect(existsSync(fresh)).toBe(false);
  }, 60_000);

  it('a pattern that matches nothing beside a good document: written, a warning, exit 1', async () => {
    const out = tmp();
    const code = await main(['ingest', good, `${out}/nothing-*.pdf`, '--out', out, '--no-state', '--quiet', '--workers', '0']);
    expect(code).toBe(EXIT.SOME_FAILED);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.missing_inputs).toEqual([`${out}/nothing-*.pdf: no file matches this pattern`]);
    expect(run.counts).toMatchObject({ documents: 1, ok: 1 });
  }, 60_000);
});
