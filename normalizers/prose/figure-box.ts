// The box of a figure the prose states (收入19572.91万元): found in the positioned pieces of the line
// it is printed on (Block `parts`), as the figure's own characters (a text layer tells where each
// character of a piece begins). A figure that is not printed as such (worked out from others) or a
// piece without character positions (OCR) gets none.
import { Decimal } from 'decimal.js';
import type { Box, LinePart } from '../../model/types.js';

const FIGURE = /\d[\d,]*(?:\.\d+)?/g;
/** what may stand beside a figure in a piece that is boxed whole */
const AROUND = /^[%％]?$/;

/** The box of the first printing of `value` (its absolute value: 减少 5.39 is -5.39) in `parts`
 *  not yet `taken` (piece:offset keys; the figures of one line go to its facts in order). */
export function figureBox(parts: readonly LinePart[], value: string, taken: Set<string>): Box | undefined {
  let target: Decimal;
  try {
    target = new Decimal(value).abs();
  } catch {
    return undefined;
  }
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    for (const m of part.text.matchAll(FIGURE)) {
      const i = m.index;
      const key = `${p}:${i}`;
      if (taken.has(key) || !new Decimal(m[0].replace(/,/g, '')).eq(target)) continue;
      const j = i + m[0].length;
      let box: Box | undefined;
      if (part.charX?.length === part.text.length + 1) box = { x0: part.charX[i]!, y0: part.box.y0, x1: part.charX[j]!, y1: part.box.y1 };
      else if (i === 0 && AROUND.test(part.text.slice(j))) box = part.box;
      if (!box) continue;
      taken.add(key);
      return box;
    }
  }
  return undefined;
}
