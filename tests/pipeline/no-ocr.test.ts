// `ocr: false` (the CLI's --no-ocr) reaches the extractor through the options, in the main thread
// and in worker threads alike, never through the process environment: a scanned PDF is then not
// read, and says so, while the same run with OCR left on would start tesseract.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest.js';
import { fixture } from '../fixture.js';

const scan = fixture('scans', 'yt-yibaoju-2026-p15-200dpi-scan.pdf');
const dirs: string[] = [];
const out = () => { const d = mkdtempSync(join(tmpdir(), 'fx-no-ocr-')); dirs.push(d); return d; };
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('ocr: false', () => {
  for (const workers of [0, 1]) {
    it(`leaves a scanned PDF unread with a one-line reason (workers ${workers})`, async () => {
      const before = process.env['FISCAL_EXTRACT_OCR'];
      const r = await ingest([scan], { out: out(), workers, ocr: false });
      expect(process.env['FISCAL_EXTRACT_OCR']).toBe(before);
      const d = r.documents[0]!;
      expect(d.status).toBe('failed');
      expect(d.error).toMatch(/OCR was not run \(--no-ocr\)/);
      expect(r.facts.length).toBe(0);
    }, 60_000);
  }
});
