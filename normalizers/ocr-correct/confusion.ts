// Is `corrected` a plausible OCR misreading of `printed`? Only the damage OCR does to printed
// amounts counts: one or two digits swapped for a look-alike (3/8, 1/7, 0/8, 5/6, 6/8, 0/6), a dropped,
// added or moved decimal point (digits unchanged), one digit lost or added (the decimal places
// unchanged). Anything else (two digits lost, a digit and a point, 2 for 5) is not corrected.

/** digit pairs tesseract confuses on scanned tables (both directions; 0/6: a photocopy's speck
 *  inside a 0's lower right, 0.00 read 0.06 or 0.60 in the 收入总表 of unseen budgets) */
export const CONFUSABLE: ReadonlyArray<readonly [string, string]> = [
  ['3', '8'], ['1', '7'], ['0', '8'], ['5', '6'], ['6', '8'], ['0', '6'],
];

const PAIRS = new Set(CONFUSABLE.flatMap(([a, b]) => [a + b, b + a]));

interface Shape {
  neg: boolean;
  digits: string;
  /** digits after the decimal point (0 when none) */
  decimals: number;
  dot: boolean;
}

function shape(text: string): Shape | undefined {
  const t = text.normalize('NFKC').replace(/[,\s]/g, '').replace(/^[−–]/, '-');
  const m = /^(-?)(\d*)(?:(\.)(\d*))?$/.exec(t);
  if (!m || !(m[2] || m[4])) return undefined;
  return { neg: m[1] === '-', digits: (m[2] ?? '') + (m[4] ?? ''), decimals: (m[4] ?? '').length, dot: m[3] === '.' };
}

/** `b` is `a` with one character inserted */
function oneInserted(a: string, b: string): boolean {
  if (b.length !== a.length + 1) return false;
  for (let i = 0; i <= a.length; i++) if (b.slice(0, i) + b.slice(i + 1) === a) return true;
  return false;
}

/** What OCR would have done to turn `corrected` into `printed` ('3→8 (digit 2)', 'decimal point
 *  dropped', 'digit lost'), or undefined when it is not a plausible misreading. */
export function ocrConfusion(printed: string, corrected: string): string | undefined {
  const p = shape(printed);
  const c = shape(corrected);
  if (!p || !c || p.neg !== c.neg) return undefined;
  if (p.digits === c.digits) {
    if (p.decimals === c.decimals) return undefined; // the same number
    if (!p.dot) return 'decimal point dropped';
    if (!c.dot || c.decimals === 0) return 'decimal point added';
    return 'decimal point misplaced';
  }
  // digits count ±1 and decimal places as printed (or one decimal place lost/added)
  const intP = p.digits.slice(0, p.digits.length - p.decimals);
  const intC = c.digits.slice(0, c.digits.length - c.decimals);
  if (p.dot && c.dot && Math.abs(p.decimals - c.decimals) === 1 && intP === intC) {
    if (oneInserted(p.digits, c.digits)) return 'decimal digit lost';
    if (oneInserted(c.digits, p.digits)) return 'decimal digit added';
    return undefined;
  }
  if (p.decimals === c.decimals || (!p.dot && !c.dot)) {
    if (p.digits.length === c.digits.length) {
      const diffs: string[] = [];
      for (let i = 0; i < p.digits.length; i++) {
        const a = c.digits[i]!;
        const b = p.digits[i]!;
        if (a === b) continue;
        if (!PAIRS.has(a + b)) return undefined;
        diffs.push(`${a}→${b}`);
      }
      return diffs.length >= 1 && diffs.length <= 2 ? `digit${diffs.length > 1 ? 's' : ''} misread ${diffs.join(', ')}` : undefined;
    }
    if (oneInserted(p.digits, c.digits)) return 'digit lost';
    if (oneInserted(c.digits, p.digits)) return 'digit added';
  }
  return undefined;
}
