// The format of a document from its bytes (magic numbers and content), never from its name.
import type { Format } from '../model/types.js';

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((v, i) => b[at + i] === v);
}

function asciiHead(b: Uint8Array, n = 1024): string {
  let s = '';
  for (let i = 0; i < Math.min(n, b.length); i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Whether a buffer looks like text: no NULs and decodes as UTF-8 or GB18030 (a sample may end
 *  inside a character: the streaming decoder accepts an incomplete tail). */
function looksLikeText(b: Uint8Array): boolean {
  const sample = b.subarray(0, 65536);
  if (sample.includes(0)) return false;
  for (const enc of ['utf-8', 'gb18030']) {
    try {
      new TextDecoder(enc, { fatal: true }).decode(sample, { stream: sample.length < b.length });
      return true;
    } catch {
      /* next */
    }
  }
  return false;
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
  if (looksLikeText(b)) {
    const t = head.replace(/^\ufeff/, '').trimStart().toLowerCase();
    if (/^(?:\xef\xbb\xbf)?\s*(<!doctype html|<html|<head[\s>]|<meta[\s>]|<body[\s>]|<\?xml[^>]*>\s*<html)/.test(t) || /<table[\s>]/i.test(asciiHead(b, 8192))) return 'html';
    return 'text';
  }
  return 'unknown';
}
