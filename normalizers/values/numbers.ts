// Numbers as printed → exact decimals. Never a binary float: every amount is a decimal.js value.
import { Decimal } from 'decimal.js';

interface ParsedNumber {
  value: Decimal;
  /** the value as a plain string with the printed number of decimals (`0.00` stays `0.00`) */
  clean: string;
  /** decimals printed */
  scale: number;
  /** printed with a % sign */
  percent?: boolean;
  /** true for a dash printed for zero (`-`, `—`) */
  dash: boolean;
  /** repairs applied (ocr_split_joined, fullwidth, ...) */
  repairs: string[];
}

const DASHES = new Set(['-', '—', '–', '－', '——', '--', '—-', '/']);

/** Full-width digits and punctuation to ASCII (NFKC does it for digits, ，。 stay). */
function toAscii(s: string): string {
  return s.normalize('NFKC').replace(/，/g, ',').replace(/。/g, '.');
}

/**
 * Parse a cell as a number. Accepts thousands separators, full-width digits, a leading sign,
 * parentheses for negatives, a trailing %, OCR splits such as `2776. 77` or `2 776.77`, and a
 * dash for zero. Returns null for blanks and anything that is not a single number.
 */
export function parseNumber(raw: string): ParsedNumber | null {
  const repairs: string[] = [];
  let s = toAscii(raw).trim();
  if (s !== raw.trim()) repairs.push('fullwidth');
  if (s === '') return null;
  if (DASHES.has(s)) return { value: new Decimal(0), clean: '0', scale: 0, dash: true, repairs };
  let neg = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) { neg = true; s = paren[1]!.trim(); }
  let percent = false;
  if (s.endsWith('%')) { s = s.slice(0, -1).trim(); percent = true; }
  if (s.startsWith('-') || s.startsWith('−')) { neg = !neg; s = s.slice(1).trim(); }
  else if (s.startsWith('+')) s = s.slice(1).trim();
  // a speck read as a point before a number that prints its own (.49.14)
  if (/^\.\d[\d,]*\.\d+$/.test(s)) { s = s.slice(1); repairs.push('speck_point'); }
  // OCR and dump splits: `2776. 77`, `2 776.77`, `1 ,234.5`
  if (/\s/.test(s)) {
    let joined = s.replace(/\s+/g, '');
    if (!/^[\d,]*\.?\d+$/.test(joined)) return null;
    // a space for one of the commas of a grouped number (156,211 123)
    const grouped = s.replace(/\s*,\s*|\s+/g, ',');
    if (joined.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(joined) && /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(grouped)) joined = grouped;
    s = joined;
    repairs.push('split_joined');
  }
  if (s.includes(',')) {
    // thousands separators only where they group by three
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  if (!/^(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  if (s.endsWith('.')) s = s.slice(0, -1);
  const value = new Decimal(neg ? '-' + s : s);
  const scale = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
  const out: ParsedNumber = { value, clean: value.toFixed(scale), scale, dash: false, repairs };
  if (percent) out.percent = true;
  return out;
}

/** A decimal as a plain string: no exponent, no thousands separators; keeps printed scale. */
export function plain(d: Decimal): string {
  return d.toFixed();
}
