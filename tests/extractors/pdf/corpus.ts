// Paths into the shared corpus (../shared/corpus next to the repository) and page loading.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block, GridCell, PageContent, RawGrid } from '../../../pipeline/types.js';
import { extractPdfPages } from '../../../extractors/pdf/extract.js';
import { layoutPage } from '../../../extractors/layout/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function corpusPath(name: string): string {
  return path.resolve(repo, '../shared/corpus', name);
}

export function corpusBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath(name)));
}

const cache = new Map<string, Promise<PageContent>>();

/** One page's content (cached per test file: tests must not mutate it). */
export function pageContent(name: string, page: number): Promise<PageContent> {
  const key = `${name}#${page}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = extractPdfPages(corpusBytes(name), { only: [page] }).then((r) => r.pages[0]!);
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
