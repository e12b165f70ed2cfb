// Rules printed lighter than the ink, looked for again above the page's threshold. Many tables are
// ruled in a light grey (a 北京-style 预算表 rules every row in grey, its text in black). On a plain
// scan the tone curve (tone.ts) darkens such greys first; on a page brought to white from a grey
// paper (a photocopy: background.ts) it does not, and the stretch leaves the rules at 215-225 while
// the Otsu threshold stays at or below binarize.maxThreshold (200): no rule is found, no grid is
// built, and the page's cells are read as free text. So, on such a page, the rules are also looked
// for in a lighter mask, halfway (faintRules.paperShare) from the threshold to the paper's own
// level; they are taken when, kept to those that meet a rule of the other direction (tableRules),
// they run at least faintRules.minGain times as long in all as the rules of the usual mask. A
// table whose rules the usual mask finds gains little (the same rules, and a character's stroke
// here and there), and keeps them; a page with no table finds no crossing rules in either.
import { medianLevel } from './background.js';
import type { GreyImage } from './image.js';
import { binarize, findRules, tableRules, type PixelRule } from './prep.js';
import type { OcrSettings } from './settings.js';

/** total length (px) of `rules` */
const lengthOf = (rules: readonly PixelRule[]): number => rules.reduce((t, r) => t + (r.b - r.a), 0);

/** The table rules of `img` in a mask lighter than `threshold` (halfway to the paper), when they
 *  run faintRules.minGain times as long as `found` (the table rules of the usual mask, joined
 *  and kept as the caller keeps them); undefined otherwise, or when the paper is too close to the
 *  threshold for a lighter mask to differ. */
export function faintTableRules(img: GreyImage, threshold: number, found: readonly PixelRule[], dpi: number, s: OcrSettings): PixelRule[] | undefined {
  const f = s.faintRules;
  if (!f.on) return undefined;
  const paper = medianLevel(img, s.background.sampleStep);
  const light = Math.round(threshold + f.paperShare * (paper - threshold));
  if (light - threshold < f.minStep) return undefined;
  const rules = tableRules(findRules(binarize(img, light), img.width, img.height, { dpi }, s.rules), Math.round(dpi / s.rules.touchPerInch));
  if (!rules.some((r) => r.horizontal) || !rules.some((r) => !r.horizontal)) return undefined;
  return lengthOf(rules) >= f.minGain * Math.max(1, lengthOf(found)) ? rules : undefined;
}
