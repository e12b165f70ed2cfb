// Which text encoding a buffer is in, from its bytes: UTF-16 (a byte-order mark, or without one
// the zero high bytes of its ASCII characters, all on one side), UTF-8 or GB18030, and text with
// stray NUL bytes (a padded or damaged export: the NULs are dropped). Used by format detection and
// by the text-dump extractor, so the two always agree.

type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

interface TextSniff {
  encoding: TextEncoding;
  /** bytes the text starts after (a byte-order mark) */
  bomLength: number;
  /** NUL bytes to drop before decoding (not UTF-16) */
  nuls: number;
}

const SAMPLE = 65536;

/** Decodes without throwing when `sample` holds the whole of a valid text in `enc`, or a valid
 *  start of one (`partial`: a sample may end inside a character). */
function decodes(enc: string, sample: Uint8Array, partial: boolean): string | undefined {
  try {
    return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(sample, { stream: partial });
  } catch {
    return undefined;
  }
}

/** Control characters other than tab, line feed, form feed and carriage return, per character. */
function controlShare(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) n++;
  }
  return text.length ? n / text.length : 1;
}

/** Characters a Chinese disclosure is written in: ASCII, Latin-1, general and CJK punctuation,
 *  letterlike and number forms, box drawing and shapes, CJK ideographs, full-width forms. */
const PLAUSIBLE = /[\t\n\f\r\x20-\x7e\u00a0-\u02ff\u2000-\u27bf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/gu;

function plausibleShare(text: string): number {
  return text.length ? (text.match(PLAUSIBLE)?.length ?? 0) / text.length : 0;
}

/** UTF-16 without a byte-order mark: NULs on one side only (the high bytes of ASCII: digits, tabs,
 *  line ends), the other side (almost) free of them, valid UTF-16, in the characters of a Chinese
 *  text (GBK bytes with a stray NUL would pair into Hangul). */
function bomlessUtf16(sample: Uint8Array, partial: boolean): 'utf-16le' | 'utf-16be' | undefined {
  const units = sample.length >> 1;
  if (units < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const enc = odd > even ? 'utf-16le' : 'utf-16be';
  const [hi, lo] = odd > even ? [odd, even] : [even, odd];
  if (hi < units * 0.05 || lo > hi * 0.02) return undefined;
  const text = decodes(enc, sample.subarray(0, units * 2), partial);
  return text !== undefined && plausibleShare(text) >= 0.95 ? enc : undefined;
}

/** The encoding of a text, or undefined when the bytes are not text. */
export function sniffText(b: Uint8Array): TextSniff | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe && !(b[2] === 0 && b[3] === 0)) return { encoding: 'utf-16le', bomLength: 2, nuls: 0 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, nuls: 0 };
  const sample = b.subarray(0, SAMPLE);
  const partial = sample.length < b.length;
  if (!sample.includes(0)) {
    const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    for (const enc of ['utf-8', 'gb18030'] as const) if (decodes(enc, sample, partial) !== undefined) return { encoding: enc, bomLength: enc === 'utf-8' ? bom : 0, nuls: 0 };
    return undefined;
  }
  const utf16 = bomlessUtf16(sample, partial);
  if (utf16) return { encoding: utf16, bomLength: 0, nuls: 0 };
  // stray NULs in UTF-8 or GB18030 text: what is left must be text, with some characters in it,
  // and the NULs in runs (padding, separators), not between every character or two (UTF-32)
  const rest = sample.filter((x) => x !== 0);
  if (rest.length === 0 || nulRuns(sample) > rest.length * 0.25) return undefined;
  for (const enc of ['utf-8', 'gb18030'] as const) {
    const text = decodes(enc, rest, partial);
    if (text !== undefined && controlShare(text) < 0.01) {
      const bom = enc === 'utf-8' && rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf;
      return { encoding: enc, bomLength: bom && b[0] === 0xef ? 3 : 0, nuls: countNuls(b) };
    }
  }
  return undefined;
}

function nulRuns(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 0 && (i === 0 || b[i - 1] !== 0)) n++;
  return n;
}

function countNuls(b: Uint8Array): number {
  let n = 0;
  for (const x of b) if (x === 0) n++;
  return n;
}

/** How an encoding is named in messages. */
export function encodingName(s: TextSniff): string {
  const name = s.encoding === 'utf-16le' ? 'UTF-16LE' : s.encoding === 'utf-16be' ? 'UTF-16BE' : s.encoding === 'utf-8' ? 'UTF-8' : 'GB18030';
  return `${name}${s.bomLength ? ' with a byte-order mark' : s.encoding.startsWith('utf-16') ? ' without a byte-order mark' : ''}${s.nuls ? ` with ${s.nuls} NUL byte(s)` : ''}`;
}

/** Whether the bytes are NUL (zero) bytes only. */
export function onlyNuls(b: Uint8Array): boolean {
  return b.length > 0 && b.every((x) => x === 0);
}
