// Where a word's cell is in a ruled table image: the column between the nearest vertical rules, and
// the snap and padding the re-read strategies crop cells with.
import type { OcrWord } from './types.js';
import type { PixelRule } from './prep.js';
import type { CropSettings } from './settings.js';

/** rule positions this close (pixels) are one column edge: 1/40 inch by default */
export function columnSnap(dpi: number, s: CropSettings): number {
  return Math.max(s.minColumnSnapPx, dpi / s.columnSnapPerInch);
}

/** how far (pixels) a crop stays inside its rules: 1/60 inch by default */
export function cropPad(dpi: number, s: CropSettings): number {
  return Math.max(s.minPadPx, Math.round(dpi / s.padPerInch));
}

/** A word's column: the nearest vertical rules left and right of it that run past its line (the
 *  title above a table and notes below it lie between no rules). */
export function columnsBetween(verticals: readonly PixelRule[], snap: number): (w: OcrWord) => { left: number; right: number } | undefined {
  return (w) => {
    const cx = (w.box.x0 + w.box.x1) / 2;
    const cy = (w.box.y0 + w.box.y1) / 2;
    let left = -Infinity;
    let right = Infinity;
    for (const r of verticals) {
      if (cy < r.a - snap || cy > r.b + snap) continue;
      if (r.pos < cx && r.pos > left) left = r.pos;
      if (r.pos > cx && r.pos < right) right = r.pos;
    }
    return Number.isFinite(left) && Number.isFinite(right) ? { left, right } : undefined;
  };
}
