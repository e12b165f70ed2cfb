// Ruling lines broken by a 1-bit scan's threshold, joined again. A 1-2 px rule that runs a fraction
// of a degree off the pixel grid crosses from one pixel row to the next every 1/tan(angle) pixels
// (230 px at 0.25°); where it straddles two rows each row holds half its ink, and a threshold
// below half the paper's grey drops both: the rule comes out as collinear pieces of ~200 px with
// gaps of 15-35 px. Pieces between two column rules touch no rule of the other direction and are
// dropped as strokes (prep.ts tableRules), and the rows they separate run together. A gap is
// bridged only when it is short against both pieces beside it (a rule that stops at a merged cell
// and goes on after it leaves a gap as wide as that cell).
import type { PixelRule } from './prep.js';
import type { BrokenRuleSettings } from './settings.js';

/** `rules` with collinear pieces of one direction joined over short gaps: two pieces whose
 *  centres lie within `s.acrossPx` of each other, at most `gap` = min(maxGapPerInch, gapShare ×
 *  the shorter piece) apart along the rule, are one rule (centre weighted by length, thickness the
 *  thicker); a piece joins the one it is nearest along the rule (then across). `overlapping`: the
 *  rules of a page straightened by whole pixels (bend.ts), whose finder takes a rule in pieces side
 *  by side or overlapping (a sliver a pixel off beside a step): overlapping pieces join too, each
 *  the one whose centre is nearest across. Pieces are visited in order along the rule, so the
 *  result does not depend on the order of `rules`. */
export function joinBrokenRules(rules: readonly PixelRule[], dpi: number, s: BrokenRuleSettings, overlapping = false): PixelRule[] {
  const maxGap = dpi / s.maxGapPerInch;
  const out: PixelRule[] = [];
  for (const horizontal of [true, false]) {
    const pieces = rules.filter((r) => r.horizontal === horizontal).sort((p, q) => p.a - q.a || p.pos - q.pos || p.b - q.b);
    const open: PixelRule[] = [];
    for (const r of pieces) {
      let best: PixelRule | undefined;
      let bestGap = Infinity;
      for (const o of open) {
        const gap = r.a - o.b;
        if (Math.abs(o.pos - r.pos) > s.acrossPx || (!overlapping && gap < 0)) continue;
        if (gap > Math.min(maxGap, s.gapShare * Math.min(o.b - o.a, r.b - r.a))) continue;
        const nearer = !best || Math.abs(o.pos - r.pos) < Math.abs(best.pos - r.pos);
        if (overlapping ? nearer : gap < bestGap || (gap === bestGap && nearer)) {
          best = o;
          bestGap = gap;
        }
      }
      if (!best) {
        open.push({ ...r });
        continue;
      }
      const la = best.b - best.a;
      const lb = r.b - r.a;
      best.pos = (best.pos * la + r.pos * lb) / (la + lb);
      best.a = Math.min(best.a, r.a);
      best.b = Math.max(best.b, r.b);
      best.thickness = Math.max(best.thickness, r.thickness);
    }
    out.push(...open);
  }
  return out;
}
