// OCR repair of numbers: pure functions over tokens or grid cells. Codes and amounts survive OCR
// well but come back with typical damage: a rule glued to a number (`3583.34|`), letters for
// digits (`1O5.00`, `l23`), a split decimal (`2776. 77`, or `2776.` and `77` as two words),
// Chinese punctuation in a number (`2,946。25`). Every change is recorded so a reviewer sees it.
// A digit swapped for another digit (394.92 -> 304.92) cannot be seen here: the accounting
// identities (normalizers/checks) catch those.
import type { Box, GridCell, RawGrid, Token } from '../../model/types.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings, type RepairSettings } from './settings.js';

export interface Repair {
  before: string;
  after: string;
  /** what was done: 'rule-glyph', 'speck-point', 'letter-digit', 'split-decimal', 'cjk-punct', 'separator',
   *  'reread' (the cell read again on its crop: reread-numbers.ts, reread-latin.ts, reread-text.ts) */
  rules: string[];
  page?: number;
  box?: Box;
  confidence?: number;
}

const AMOUNT = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/;
const EDGE_JUNK = /^[|‖丨[\]!！'"‘’“”_:：;；`]+|[|‖丨[\]!！'"‘’“”_:：;；`]+$/g;

/** `text` without a point, comma or quote mark that a toner speck put against a grouped amount:
 *  before its first digit (.426,000, ,426,000, ‘1,106,000) or a point right after a thousands comma
 *  (119,.100); no decimal point comes before a thousands comma or right after one, and no comma or
 *  quote mark opens an amount; a quote, bracket, degree sign, underscore or colon before any amount
 *  (「300,000, :4,608,515, °2,940.05) and a plus sign before a first group of three digits (+250,000).
 *  Any other text is returned as it is. */
export function withoutSpeckPoint(text: string): string {
  if (/^[.,'‘’`]\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return text.slice(1);
  if (/^\d{1,3}(,\.?\d{3})+(\.\d+)?$/.test(text)) return text.replace(/,\./g, ',');
  // a mark no digit is read as (a quote, bracket, degree sign, underscore or colon) before an amount
  const mark = /^[“”"'‘’`「」『』°_:：;；]{1,2}(?=\d)/.exec(text);
  if (mark && AMOUNT.test(text.slice(mark[0].length))) return text.slice(mark[0].length);
  // a plus sign, only before a first group of three digits (a digit there would make it four)
  if (/^\+\d{3}(,\d{3})+(\.\d+)?$/.test(text)) return text.slice(1);
  return text;
}

/** Repair one printed number; undefined when the text is not number-like or needs nothing. */
export function repairNumberText(text: string, settings: OcrSettings = DEFAULT_OCR_SETTINGS): { text: string; rules: string[] } | undefined {
  const s = settings.repair;
  const t0 = text.trim();
  if (!/\d/.test(t0) || t0.length > s.maxNumberLength) return undefined;
  if (AMOUNT.test(t0)) return undefined;
  const rules: string[] = [];
  let t = t0;
  const stripped = t.replace(EDGE_JUNK, '');
  if (stripped !== t) {
    rules.push('rule-glyph');
    t = stripped;
  }
  // a toner speck read as a point against a grouped amount
  const unspecked = withoutSpeckPoint(t);
  if (unspecked !== t) {
    rules.push('speck-point');
    t = unspecked;
  }
  const punct = t.replace(/[。．·]/g, '.').replace(/[，、]/g, ',');
  if (punct !== t) {
    rules.push('cjk-punct');
    t = punct;
  }
  // a space inside a decimal: 2776. 77 / 2,112 .86 (not between two numbers: 201 06 are codes)
  const joined = /^\d[\d,]*\.\s+\d+%?$|^\d[\d,]*\s+\.\d+%?$/.test(t) ? t.replace(/\s+/g, '') : t;
  if (joined !== t) {
    rules.push('split-decimal');
    t = joined;
  }
  // letters read for digits, only inside a token that is otherwise a number
  const letters = (t.match(/[OoDQIl|!]/g) ?? []).length;
  const digits = (t.match(/\d/g) ?? []).length;
  if (letters && digits >= s.minDigits && letters <= Math.max(1, digits / s.digitsPerLetter) && /^[\dOoDQIl|!.,\-−%]+$/.test(t)) {
    t = t.replace(/[OoDQ]/g, '0').replace(/[Il|!]/g, '1');
    rules.push('letter-digit');
  }
  // separators: 2.946.25 (a dot for a thousands comma), 2946,25 and 2,228,57 (a comma for the
  // decimal point: a last group of two digits is no thousands group), 2;069.90 (a semicolon for
  // the thousands comma)
  if (!AMOUNT.test(t)) {
    const dots = t.split('.');
    if (dots.length > 2 && dots.slice(1, -1).every((g) => /^\d{3}$/.test(g)) && /^\d{1,3}$/.test(dots[0]!)) {
      t = dots.slice(0, -1).join(',') + '.' + dots.at(-1);
      rules.push('separator');
    } else if (/^\d+,\d{1,2}$/.test(t) || /^\d{1,3}(,\d{3})+,\d{1,2}$/.test(t)) {
      t = t.replace(/,(?=\d{1,2}$)/, '.');
      rules.push('separator');
    } else if (/^\d{1,3}(,\d{3})*,\d{3}\.\d+$/.test(t.replace(/\.(?=\d{3}[,.])/g, ','))) {
      t = t.replace(/\.(?=\d{3}[,.])/g, ',');
      rules.push('separator');
    } else if (/^\d{1,3}[;；]\d{3}(,\d{3})*(\.\d+)?$/.test(t)) {
      // a semicolon for the thousands comma (2;069.90: the comma's tail and a speck above it)
      t = t.replace(/[;；]/, ',');
      rules.push('separator');
    }
  }
  if (!rules.length || !AMOUNT.test(t) || t === t0) return undefined;
  return { text: t, rules };
}

function sameLine(a: Box, b: Box, s: RepairSettings): boolean {
  const ov = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return ov >= Math.min(a.y1 - a.y0, b.y1 - b.y0) * s.sameLineOverlap;
}

export interface TokenRepairOptions {
  /** x positions (points) of vertical rules: two pieces on either side of one are never joined */
  walls?: readonly number[];
  page?: number;
  /** the OCR thresholds (OcrSettings.repair); default DEFAULT_OCR_SETTINGS */
  settings?: OcrSettings;
}

/** Repair the number tokens of one page. Returns new tokens (the input is not changed) and the
 *  repairs made. */
export function repairTokens(tokens: readonly Token[], opts: TokenRepairOptions = {}): { tokens: Token[]; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const rec = (before: string, after: string, rules: string[], t: Token): void => {
    const r: Repair = { before, after, rules, box: t.box };
    if (opts.page !== undefined) r.page = opts.page;
    if (t.confidence !== undefined) r.confidence = t.confidence;
    repairs.push(r);
  };
  const settings = opts.settings ?? DEFAULT_OCR_SETTINGS;
  const s = settings.repair;
  const walls = opts.walls ?? [];
  const between = (a: Box, b: Box): boolean => walls.some((x) => x > a.x1 - s.wallSlackPt && x < b.x0 + s.wallSlackPt);
  // 1. split decimals printed as two words: `2776.` + `77`, `2776` + `.77`, `2,112` + `.86`, `0,` + `Q0`
  const sorted = [...tokens].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const gone = new Set<Token>();
  const out: Token[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i]!;
    if (gone.has(t)) continue;
    let cur = t;
    for (let j = i + 1; j < sorted.length && j < i + s.lookahead; j++) {
      const n = sorted[j]!;
      if (gone.has(n) || !sameLine(cur.box, n.box, s) || n.box.x0 < cur.box.x1 - s.overlapSlackPt) continue;
      const gap = n.box.x0 - cur.box.x1;
      const h = Math.max(cur.box.y1 - cur.box.y0, n.box.y1 - n.box.y0);
      if (gap > h * s.splitDecimalGap || between(cur.box, n.box)) continue;
      const a = cur.text.replace(EDGE_JUNK, '');
      const b = n.text.replace(EDGE_JUNK, '');
      // (or a comma read for the point after at most three digits, and two decimals one of which is
      // a 0 read as a letter: `0,` + `Q0` for 0.00 on a speckled photocopy, repaired below as one
      // number; two digits alone after a comma may be a thousands group cut short: 156,211, + 12)
      const split = (/^\d[\d,]*\.$/.test(a) && /^\d{1,4}$/.test(b)) || (/^\d[\d,]*$/.test(a) && /^\.\d{1,4}$/.test(b)) || (/^\d{1,3},$/.test(a) && /^(?=.*\d)(?=.*[OoQD])[\dOoQD]{2}$/.test(b));
      if (!split) continue;
      const text = a + b;
      if (!AMOUNT.test(repairNumberText(text, settings)?.text ?? text)) continue;
      const merged: Token = {
        ...cur,
        text,
        box: { x0: cur.box.x0, y0: Math.min(cur.box.y0, n.box.y0), x1: n.box.x1, y1: Math.max(cur.box.y1, n.box.y1) },
      };
      if (cur.confidence !== undefined || n.confidence !== undefined) merged.confidence = Math.min(cur.confidence ?? 100, n.confidence ?? 100);
      rec(`${cur.text} ${n.text}`, text, ['split-decimal'], merged);
      gone.add(n);
      cur = merged;
      break;
    }
    // 2. the token's own text
    const fixed = repairNumberText(cur.text, settings);
    if (fixed) {
      rec(cur.text, fixed.text, fixed.rules, cur);
      cur = { ...cur, text: fixed.text };
    }
    out.push(cur);
  }
  return { tokens: out, repairs };
}

/** Repair the number cells of a grid (for grids that did not come through repairTokens, such as an
 *  OCR'd TSV dump). Returns a new grid. */
export function repairGrid(grid: RawGrid, settings: OcrSettings = DEFAULT_OCR_SETTINGS): { grid: RawGrid; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const rows: GridCell[][] = grid.rows.map((row) =>
    row.map((c) => {
      const f = c.text ? repairNumberText(c.text, settings) : undefined;
      if (!f) return c;
      const r: Repair = { before: c.text, after: f.text, rules: f.rules };
      if (c.page !== undefined) r.page = c.page;
      if (c.box) r.box = c.box;
      if (c.confidence !== undefined) r.confidence = c.confidence;
      repairs.push(r);
      return { ...c, text: f.text };
    }),
  );
  return { grid: { ...grid, rows }, repairs };
}

/** A short account of repairs, for grid notes and messages. */
export function describeRepairs(repairs: readonly Repair[], max = 5): string {
  const shown = repairs.slice(0, max).map((r) => `'${r.before}'→'${r.after}'`);
  return `${repairs.length} OCR repair(s): ${shown.join(', ')}${repairs.length > max ? ', …' : ''}`;
}
