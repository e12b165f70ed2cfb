// A spreadsheet cell as printed. Numbers: the formatted text where the number format prints
// decimals, thousands separators or a percent (`#,##0.00` → `1,234.50`); otherwise the stored
// value as a plain decimal with at most 15 significant digits, as Excel shows it (a formula that
// stores 0.30000000000000004 prints 0.3). Never an exponent, never a binary-float artifact.
import { Decimal } from 'decimal.js';
import type { SheetCell } from './workbook.js';

const SHOWS_DIGITS = /0\.0|#\.#|0\.#|#,##|#,#0|0,0|%/;

/** The number format without quoted text, escapes and colour/condition brackets. */
function formatCore(z: string): string {
  return z.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

export function plainNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return new Decimal(v.toPrecision(15)).toFixed();
}

export function cellText(cell: SheetCell | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '').replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').trim();
    case 'n': {
      const v = typeof cell.v === 'number' ? cell.v : Number(cell.v);
      const z = cell.z ?? 'General';
      const w = cell.w?.trim();
      if (w && z !== 'General' && SHOWS_DIGITS.test(formatCore(z))) return w;
      // dates and times print as formatted
      if (w && z !== 'General' && /[ymdhs]/i.test(formatCore(z))) return w;
      return plainNumber(v);
    }
    case 'b':
      return cell.w ?? (cell.v ? 'TRUE' : 'FALSE');
    case 'd':
    case 'e':
      return (cell.w ?? String(cell.v ?? '')).trim();
    default:
      return (cell.w ?? String(cell.v ?? '')).trim();
  }
}
