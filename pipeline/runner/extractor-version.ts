// The extractor version a stored result was made with: package version + a hash of the knowledge
// files (table kinds, checks, taxonomy, prose statements) + a hash of the code that reads
// documents. A stored result is reused only while this string is unchanged.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import { knowledgeDir } from '../../normalizers/knowledge/load.js';

const here = dirname(fileURLToPath(import.meta.url));
/** the root of the module tree this runs from: the repository (sources) or dist/ */
const treeRoot = resolve(here, '../..');

function filesUnder(dir: string, keep: (name: string) => boolean, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) filesUnder(p, keep, out);
    else if (keep(name)) out.push(p);
  }
}

function hashFiles(files: string[], root: string): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f.slice(root.length)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 12);
}

function knowledgeHash(): string {
  const kdir = knowledgeDir();
  const files: string[] = [];
  filesUnder(kdir, (n) => !n.endsWith('.ts') && !n.endsWith('.js') && !n.endsWith('.map'), files);
  const statements = resolve(kdir, '../prose/statements.json');
  if (existsSync(statements)) files.push(statements);
  return hashFiles(files, resolve(kdir, '..'));
}

function codeHash(): string {
  const files: string[] = [];
  for (const d of ['model', 'pipeline', 'extractors', 'normalizers', 'output']) {
    filesUnder(join(treeRoot, d), (n) => (n.endsWith('.js') || n.endsWith('.ts')) && !n.endsWith('.d.ts') && !n.endsWith('.test.ts'), files);
  }
  return hashFiles(files, treeRoot);
}

let cached: string | undefined;
/** e.g. `0.1.0+k1a2b3c4d5e6f.c0f1e2d3c4b5a` */
export function extractorVersion(): string {
  cached ??= `${VERSION}+k${knowledgeHash()}.c${codeHash()}`;
  return cached;
}
