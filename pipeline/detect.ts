// The format of a document from its bytes (magic numbers and content), never from its name.
import type { Format } from '../model/types.js';
import { sniffText } from '../extractors/text/encoding.js';

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((v, i) => b[at + i] === v);
}

function asciiHead(b: Uint8Array, n = 1024): string {
  let s = '';
  for (let i = 0; i < Math.min(n, b.length); i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** `pdf-text` here means "a PDF"; the PDF extractor refines it to `pdf-scanned` when no page has text. */
export function detectFormat(b: Uint8Array): Format {
  if (b.length === 0) return 'unknown';
  const head = asciiHead(b);
  if (head.slice(0, 1024).includes('%PDF-')) return 'pdf-text';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    // an OOXML workbook names xl/ parts in its zip directory
    const probe = asciiHead(b, Math.min(b.length, 200000));
    if (probe.includes('xl/')) return 'xlsx';
    return 'unknown';
  }
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return 'image';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'image';
  const enc = sniffText(b);
  if (enc) {
    // UTF-16 is looked at as text; other encodings byte by byte (ASCII tags are ASCII bytes)
    const utf16 = enc.encoding.startsWith('utf-16');
    const wide = utf16 ? new TextDecoder(enc.encoding).decode(b.subarray(enc.bomLength, enc.bomLength + 16384)) : '';
    const t = (utf16 ? wide.slice(0, 1024) : head).replace(/^\ufeff/, '').trimStart().toLowerCase();
    const looksHtml = /^(?:\xef\xbb\xbf)?\s*(<!doctype html|<html|<head[\s>]|<meta[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/.test(t) || /<table[\s>]/i.test(utf16 ? wide.slice(0, 8192) : asciiHead(b, 8192));
    if (looksHtml) return 'html';
    return 'text';
  }
  return 'unknown';
}
