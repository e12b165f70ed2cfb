// Real corpus PDFs as kept in tests/fixtures/pdf (most cut to the pages the tests read, see
// tests/fixtures/README.md) and page loading. Pages are named by the original document's numbers.
import { readFileSync } from 'node:fs';
import type { Block, GridCell, PageContent, RawGrid } from '../../../model/types.js';
import { extractPdfPages } from '../../../extractors/pdf/extract.js';
import { layoutPage } from '../../../extractors/layout/index.js';
import { corpusFixture, type CorpusFixture } from '../../fixture.js';

/** A corpus file's fixture: its path, and `page(n)`, where page n of the original is in it. */
export function cutPdf(name: string): CorpusFixture {
  return corpusFixture(name);
}

/** The path of a corpus file's fixture (a cut PDF or the whole file). */
export function corpusPath(name: string): string {
  return corpusFixture(name).file;
}

export function corpusBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath(name)));
}

const cache = new Map<string, Promise<PageContent>>();

/** Page `page` of the original document (read from its fixture; cached per test file: tests must not mutate it). */
export function pageContent(name: string, page: number): Promise<PageContent> {
  const key = `${name}#${page}`;
  let hit = cache.get(key);
  if (!hit) {
    const cut = corpusFixture(name);
    hit = extractPdfPages(corpusBytes(name), { only: [cut.page(page)] }).then((r) => r.pages[0]!);
    cache.set(key, hit);
  }
  return hit;
}

export async function pageBlocks(name: string, page: number): Promise<Block[]> {
  return layoutPage(await pageContent(name, page));
}

export function grids(blocks: readonly Block[]): RawGrid[] {
  return blocks.flatMap((b) => (b.kind === 'grid' ? [b.grid] : []));
}

export function texts(row: readonly GridCell[]): string[] {
  return row.map((c) => c.text);
}

/** the first row whose cells, joined, start with the given cell texts */
export function rowStarting(grid: RawGrid, ...start: string[]): string[] | undefined {
  for (const row of grid.rows) {
    const t = texts(row);
    if (start.every((s, i) => t[i] === s)) return t;
  }
  return undefined;
}
