// Bytes of an HTML page → string. The order browsers use: a byte-order mark, then the charset the
// caller knows from the HTTP header, then <meta charset> / <meta http-equiv content="…charset=…">
// in the head; with none of these, UTF-8 when the bytes are valid UTF-8, else GB18030 (the superset
// of GB2312 and GBK that Chinese government sites publish in).
import { InputError } from '../../model/stages.js';
import { sniffText } from '../text/encoding.js';

interface Decoded {
  text: string;
  /** the WHATWG name of the encoding used, e.g. 'utf-8', 'gbk', 'gb18030' */
  encoding: string;
  /** where the encoding came from */
  from: 'bom' | 'option' | 'meta' | 'sniffed';
  /** set when a declared charset did not fit the bytes and another one was used */
  note?: string;
}

const META = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;

/** The charset declared by a <meta> in the first 4 KiB (read as ASCII: the label is ASCII). */
function metaCharset(bytes: Uint8Array): string {
  const n = Math.min(bytes.length, 4096);
  let head = '';
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]!);
  head = head.replace(/<!--[\s\S]*?-->/g, '');
  return META.exec(head)?.[1]?.toLowerCase() ?? '';
}

/** A TextDecoder for a label, or null when Node does not know the label. GB2312 and GBK pages
 *  often use GB18030-only characters: decode all three with the GB18030 table. */
function decoderFor(label: string, fatal: boolean): InstanceType<typeof TextDecoder> | null {
  const l = label.trim().toLowerCase();
  const name = /^(gb2312|gbk|gb_2312-80|x-gbk|cp936|ms936|windows-936|csgb2312|chinese|iso-ir-58)$/.test(l) ? 'gb18030' : l;
  try {
    return new TextDecoder(name, { fatal, ignoreBOM: false });
  } catch {
    return null;
  }
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  const d = decoderFor(label, true);
  if (!d) return null;
  try {
    return d.decode(bytes);
  } catch {
    return null;
  }
}

/** the single-byte Western tables (ISO-8859-1 and ASCII labels decode as windows-1252) */
const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|macintosh|koi8-[ru]|ibm866|x-mac-cyrillic)$/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
/** a misread page has at least this many bytes ≥ 0x80 */
const MISREAD_MIN_BYTES = 16;
/** and at least this share of them form Chinese text in the right encoding */
const MISREAD_CJK_SHARE = 0.6;
/** Chinese text: ideographs, and the punctuation and full-width forms set with them (、：“”…,
 *  full-width digits and commas of amounts: １２３，４５６．７８) */
const CHINESE_TEXT = /[\u2014\u2018\u2019\u201c\u201d\u2026\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e]/g;

/** A Chinese page that a single-byte charset (a wrong server or <meta> label) reads as Latin-1
 *  mojibake (ÐÐÕþÔËÐÐ): no CJK character in that reading, many bytes ≥ 0x80, and the bytes valid
 *  UTF-8 or GB18030 whose Chinese text (ideographs, Chinese punctuation, full-width forms) makes
 *  up most of those bytes. */
function chineseMisread(bytes: Uint8Array, declared: string): { text: string; encoding: string } | null {
  if (declared.match(CJK)) return null;
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  if (high < MISREAD_MIN_BYTES) return null;
  for (const [encoding, width] of [['utf-8', 3], ['gb18030', 2]] as const) {
    const text = tryDecode(bytes, encoding);
    if (text === null) continue;
    const chinese = text.match(CHINESE_TEXT)?.length ?? 0;
    if (chinese * width >= high * MISREAD_CJK_SHARE) return { text, encoding };
  }
  return null;
}

export function decodeHtml(bytes: Uint8Array, charset?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', from: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', from: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', from: 'bom' };
  // UTF-16 without a byte-order mark (a page saved as "Unicode"): told by its bytes, as a text
  // dump is, whatever a <meta> says (a declaration read from UTF-16 bytes is not to be trusted)
  const wide = bytes.includes(0) ? sniffText(bytes) : undefined;
  if (wide?.encoding.startsWith('utf-16')) {
    return { text: new TextDecoder(wide.encoding).decode(bytes), encoding: wide.encoding, from: 'sniffed' };
  }

  const declared: { label: string; from: 'option' | 'meta' }[] = [];
  if (charset) declared.push({ label: charset, from: 'option' });
  const meta = metaCharset(bytes);
  if (meta) declared.push({ label: meta, from: 'meta' });
  const notes: string[] = [];
  for (const d of declared) {
    const text = tryDecode(bytes, d.label);
    if (text !== null) {
      const encoding = decoderFor(d.label, false)!.encoding;
      const chinese = SINGLE_BYTE.test(encoding) ? chineseMisread(bytes, text) : null;
      if (chinese) {
        notes.push(`the page is declared ${d.label} (by ${d.from}) but its bytes are Chinese text in ${chinese.encoding}`);
        return { text: chinese.text, encoding: chinese.encoding, from: 'sniffed', note: notes.join('; ') };
      }
      const r: Decoded = { text, encoding, from: d.from };
      if (notes.length) r.note = notes.join('; ');
      return r;
    }
    notes.push(decoderFor(d.label, false) ? `the bytes are not valid ${d.label} (declared by ${d.from})` : `unknown charset ${d.label} (declared by ${d.from})`);
  }
  for (const enc of ['utf-8', 'gb18030']) {
    const text = tryDecode(bytes, enc);
    if (text !== null) {
      const r: Decoded = { text, encoding: enc, from: 'sniffed' };
      if (notes.length) r.note = notes.join('; ');
      return r;
    }
  }
  // the last resort: the declared (or GB18030) table, with replacement characters
  const fallback = declared[0]?.label ?? 'gb18030';
  const d = decoderFor(fallback, false) ?? decoderFor('gb18030', false);
  if (!d) throw new InputError('the HTML page is in no encoding this build can read: re-save it as UTF-8');
  return { text: d.decode(bytes), encoding: d.encoding, from: 'sniffed', note: [...notes, 'decoded with replacement characters'].join('; ') };
}
