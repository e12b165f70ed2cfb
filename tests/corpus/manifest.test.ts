// Corpus manifests: JSON and TSV, folders, globs and URLs, metadata per entry.
import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest, parseJsonManifest, parseTsvManifest, ManifestError } from '../../corpus/manifest.js';
import { ingest } from '../../pipeline/ingest.js';
import { makeCorpus, tmp } from '../runner/helpers.js';

describe('manifest', () => {
  it('parses JSON and TSV entries relative to the manifest folder', () => {
    expect(parseJsonManifest('["a/", {"url": "https://x.test/b.pdf", "fiscal_year": 2024}]', '/m')).toEqual([
      { kind: 'path', location: '/m/a/', meta: {} },
      { kind: 'url', location: 'https://x.test/b.pdf', meta: { fiscal_year: '2024' } },
    ]);
    const tsv = '# nightly\nlocation\tissuer\tfiscal_year\ndocs/*.txt\t某局\t2023\nhttp://h.test/c.html\t\t\n';
    expect(parseTsvManifest(tsv, '/m')).toEqual([
      { kind: 'path', location: '/m/docs/*.txt', meta: { issuer: '某局', fiscal_year: '2023' } },
      { kind: 'url', location: 'http://h.test/c.html', meta: {} },
    ]);
    expect(() => parseJsonManifest('{"entries": [{"path": "a", "fiscal_year": "23"}]}', '/')).toThrow(ManifestError);
    expect(() => parseJsonManifest('{"entries": [{"url": "ftp://x/y"}]}', '/')).toThrow(/only http/);
    expect(() => parseTsvManifest('file\tx\n', '/')).toThrow(/location/);
  });

  it('fills issuer and fiscal year the document does not print, and sorts by source', async () => {
    const dir = tmp();
    const corpus = makeCorpus(0, join(dir, 'docs'));
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'more', 'blank.txt'), 'nothing to see\n');
    writeFileSync(join(dir, 'm.tsv'), `location\tissuer\tfiscal_year\nmore/\t某某局\t2021\ndocs/003_*.txt\t\t\ndocs/004_*.txt\t\t\n`);
    const r = await ingest([], { manifests: [join(dir, 'm.tsv')] });
    expect(r.documents.map((d) => d.source.split('/').slice(-2).join('/'))).toEqual(['docs/003_915f6bc0cb6e7bd7.txt', 'docs/004_4ed46029e7328268.txt', 'more/blank.txt']);
    const blank = r.documents.find((d) => d.source.endsWith('blank.txt'))!;
    expect([blank.issuer, blank.fiscal_year]).toEqual(['某某局', '2021']);
    expect(loadManifest(join(dir, 'm.tsv')).length).toBe(3);
    expect(corpus).toContain('docs');
  });
});
