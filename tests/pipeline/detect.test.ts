import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectFormat } from '../../pipeline/detect.js';
import { corpusBytes } from '../extractors/pdf/corpus.js';
import { sample } from '../fixture.js';

// corpus files as kept in tests/fixtures (the PDF cut to a few pages, the workbooks whole)
const corpus = (f: string) => corpusBytes(f);
const seed = (f: string) => new Uint8Array(readFileSync(sample(f)));

describe('detectFormat (from the bytes, not the name)', () => {
  it('knows the real corpus files', () => {
    expect(detectFormat(corpus('sh-putuo-caizhengju-2024-dept-final.pdf'))).toBe('pdf-text');
    expect(detectFormat(corpus('sh-putuo-2026-dept-budget-TEMPLATE.xlsx'))).toBe('xlsx');
    expect(detectFormat(corpus('sh-putuo-2026-unit-budget-TEMPLATE.xls'))).toBe('xls');
    expect(detectFormat(seed('000_2eb6b8bca2f0722e.txt'))).toBe('text');
  });
  it('knows html, images, gbk text and garbage', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(detectFormat(enc('<!DOCTYPE html><html><body><table></table></body></html>'))).toBe('html');
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image');
    expect(detectFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image');
    // 收入 in GBK
    expect(detectFormat(new Uint8Array([0xca, 0xd5, 0xc8, 0xeb, 0x0a]))).toBe('text');
    expect(detectFormat(new Uint8Array([0, 1, 2, 3, 0, 0, 0xff, 0xfe]))).toBe('unknown');
    expect(detectFormat(new Uint8Array())).toBe('unknown');
  });
});
