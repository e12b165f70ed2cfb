// Text dumps in UTF-16 (LE/BE, with or without a byte-order mark) and with stray NUL bytes are
// read like their UTF-8 original (issue 17); what cannot be decoded gets a reason naming the
// encoding; a document read without fault but holding no table says so (`no tables found`).
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectFormat } from '../../../pipeline/detect.js';
import { processDocument } from '../../../pipeline/process-document.js';
import { sniffText } from '../../../extractors/text/encoding.js';
import { decodeText } from '../../../extractors/text/decode.js';
import type { DocumentRecord } from '../../../model/types.js';
import { sample } from '../../fixture.js';

const SEED = '002_7cec67b54d9192d1.txt'; // 47 KB: 24 tables
const text = readFileSync(sample(SEED), 'utf8');

function utf16(s: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + s, 'utf16le');
  if (order === 'le') return new Uint8Array(le);
  const be = Buffer.from(le);
  be.swap16();
  return new Uint8Array(be);
}

/** what a reader compares: status, reason, and each table's title and cells */
function summary(d: DocumentRecord) {
  return { status: d.status, error: d.error, tables: d.tables.map((t) => [t.title, t.table_kind, t.rows.length]), facts: d.facts.map((f) => `${f.item}|${f.measure}|${f.value}`) };
}

describe('UTF-16 and NULs', () => {
  let original: ReturnType<typeof summary>;
  beforeAll(async () => {
    original = summary(await processDocument('seed.txt', new Uint8Array(Buffer.from(text, 'utf8'))));
    expect(original.tables.length).toBeGreaterThan(10);
  }, 60_000);

  for (const [order, bom] of [['le', true], ['be', true], ['le', false], ['be', false]] as const) {
    it(`UTF-16${order.toUpperCase()} ${bom ? 'with' : 'without'} a byte-order mark reads as the UTF-8 original`, async () => {
      const bytes = utf16(text, order, bom);
      expect(detectFormat(bytes)).toBe('text');
      const doc = await processDocument('seed-utf16.txt', bytes);
      expect(summary(doc)).toEqual(original);
      expect(doc.messages.map((m) => m.text)).toContain(`text dump, style tsv, UTF-16${order.toUpperCase()} ${bom ? 'with' : 'without'} a byte-order mark: decoded`);
    }, 60_000);
  }

  it('stray NULs (a padded export) are dropped, and said', async () => {
    const utf8 = Buffer.from(text, 'utf8');
    const padded = new Uint8Array(Buffer.concat([utf8.subarray(0, 1000), Buffer.alloc(3), utf8.subarray(1000), Buffer.alloc(4096)]));
    expect(detectFormat(padded)).toBe('text');
    const doc = await processDocument('padded.txt', padded);
    expect(summary(doc)).toEqual(original);
    expect(doc.messages.map((m) => m.text)).toContain('text dump, style tsv, UTF-8 with 4099 NUL byte(s): decoded');
  }, 60_000);

  it('an HTML page in UTF-16 with a byte-order mark is HTML', () => {
    expect(detectFormat(utf16('<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>', 'be', true))).toBe('html');
  });

  it('GBK text with NULs is still GBK', () => {
    const line = [0xca, 0xd5, 0xc8, 0xeb, 0x09, 0x31, 0x32, 0x0a]; // 收入\t12\n in GBK
    const gbkWithNul = new Uint8Array([...line, ...line, 0x00, ...line, ...line, 0x00, 0x00]); // NUL between even (GBK) bytes: not UTF-16
    expect(sniffText(gbkWithNul)).toEqual({ encoding: 'gb18030', bomLength: 0, nuls: 3 });
    expect(decodeText(gbkWithNul).text).toBe('收入\t12\n'.repeat(4));
  });

  it('what cannot be decoded gets a reason naming the encoding', async () => {
    const zeros = await processDocument('zeros.txt', new Uint8Array(1000));
    expect([zeros.status, zeros.error]).toEqual(['failed', 'the file holds only NUL (zero) bytes (1000): check the download']);
    // UTF-16LE by its mark, with a lone surrogate further on
    const broken = new Uint8Array(Buffer.concat([Buffer.from(utf16('预算表\n1\t2\n', 'le', true)), Buffer.from([0x00, 0xd8, 0x41, 0x00])]));
    const doc = await processDocument('broken.txt', broken);
    expect([doc.status, doc.error]).toEqual(['failed', 'text in UTF-16LE with a byte-order mark that is not valid UTF-16LE further on: re-save it as UTF-8']);
    // UTF-32 (NULs between every character) is not taken for text with NULs
    const utf32 = new Uint8Array([...'预算表 2023\n'].flatMap((c) => { const n = c.codePointAt(0)!; return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, 0]; }));
    expect(detectFormat(utf32)).toBe('unknown');
    // binary with NULs is still not text
    expect(detectFormat(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x02, 0xff, 0x00]))).toBe('unknown');
  });
});

describe('a document with no tables', () => {
  it('is ok, with the reason "no tables found"', async () => {
    const notice = new TextEncoder().encode('关于2023年度部门决算公开的说明\n\n本单位2023年度无政府性基金预算财政拨款收入、支出，故本表无数据。\n');
    const doc = await processDocument('notice.txt', notice);
    expect([doc.status, doc.error, doc.tables.length]).toEqual(['ok', 'no tables found', 0]);
    const blank = await processDocument('blank.txt', new TextEncoder().encode('\n\n   \n'));
    expect([blank.status, blank.error]).toEqual(['ok', 'no tables found']);
  });
  it('a document with tables keeps an empty reason', async () => {
    const doc = await processDocument('seed.txt', new Uint8Array(Buffer.from(text, 'utf8')));
    expect([doc.status, doc.error]).toEqual(['ok', '']);
  }, 60_000);
});
