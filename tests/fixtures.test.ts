// The files tests/fixtures holds from the shared material are the ones tests/fixtures/from-shared.json
// records (source, pages kept, sha256): a fixture changed by hand, or added without its record, fails here.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, FIXTURES } from './fixture.js';

interface Entry { path: string; source: string; pages?: number[]; sha256?: string; source_sha256?: string }
const files = (JSON.parse(readFileSync(fixture('from-shared.json'), 'utf8')) as { files: Entry[] }).files;
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('fixtures taken from ../shared', () => {
  it('each is recorded with its source and both sha256, and matches its record', () => {
    for (const f of files) {
      expect(f.source_sha256, f.path).toMatch(/^[0-9a-f]{64}$/);
      expect(sha256(fixture(f.path)), f.path).toBe(f.sha256);
    }
  });

  it('every PDF in tests/fixtures/pdf is recorded; a cut keeps at least one page', () => {
    const recorded = new Set(files.map((f) => f.path));
    const pdfs = readdirSync(`${FIXTURES}/pdf`).map((n) => `pdf/${n}`);
    expect(pdfs.filter((p) => !recorded.has(p))).toEqual([]);
    expect(files.filter((f) => f.pages).every((f) => f.path.endsWith('.pdf') && f.pages!.length > 0)).toBe(true);
  });
});
