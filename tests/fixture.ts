// Where the tests' own files are (not a test file itself): tests/fixtures and corpus/samples, both
// in the repository. Nothing here reads ../shared; whole-corpus tests use tests/corpus-tier.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const FIXTURES = join(REPO, 'tests/fixtures');
export const SAMPLES = join(REPO, 'corpus/samples');

function present(file: string): string {
  if (!existsSync(file)) throw new Error(`test fixture missing: ${relative(REPO, file)} (see tests/fixtures/README.md)`);
  return file;
}

/** The absolute path of a file under tests/fixtures (`fixture('pdf', 'x.pdf')`); throws if it is not there. */
export function fixture(...parts: string[]): string {
  return present(join(FIXTURES, ...parts));
}

export function fixtureBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(fixture(...parts)));
}

/** The absolute path of a seed dump in corpus/samples (the same files as ../shared/seeds). */
export function sample(name: string): string {
  return present(join(SAMPLES, name));
}

interface FromShared { path: string; source: string; pages?: number[] }
let fromShared: FromShared[] | undefined;

/**
 * A corpus file as kept in tests/fixtures (tests/fixtures/from-shared.json): the whole file, or a PDF
 * cut to some of its pages. `page(n)` is where page n of the original is in the fixture.
 */
export interface CorpusFixture {
  name: string;
  file: string;
  /** the original's pages kept, in order (undefined: the whole file) */
  pages: number[] | undefined;
  page(original: number): number;
}

export function corpusFixture(name: string): CorpusFixture {
  fromShared ??= (JSON.parse(readFileSync(join(FIXTURES, 'from-shared.json'), 'utf8')) as { files: FromShared[] }).files;
  const hit = fromShared.find((f) => f.source === `corpus/${name}`);
  if (!hit) throw new Error(`${name} is not among the corpus files in tests/fixtures/from-shared.json (add it there and run node tests/fixtures/copy-from-shared.mjs)`);
  const pages = hit.pages;
  return {
    name,
    file: fixture(hit.path),
    pages,
    page(original: number): number {
      if (!pages) return original;
      const i = pages.indexOf(original);
      if (i < 0) throw new Error(`page ${original} of ${name} is not in its cut ${hit.path} (pages ${pages.join(', ')}): add it in tests/fixtures/from-shared.json`);
      return i + 1;
    },
  };
}
