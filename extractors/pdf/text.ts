// pdf.js text items -> Tokens in top-left page space. One item can hold several cell values
// separated by spaces (Excel/Distiller exports), so items are split at white space with x positions
// estimated from character widths; whitespace-only items (LibreOffice's giant gap fillers and empty
// end-of-line items) are dropped. Text drawn again over itself (fake bold) is read once
// (dedupeItems, LayoutSettings.textLayer.dedupeTolerance).
import type { Token } from '../../model/types.js';
import { DEFAULT_LAYOUT_SETTINGS, type TextLayerSettings } from '../layout/settings.js';
import { apply, multiply, type Matrix } from './matrix.js';

export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

export interface FontStyle {
  ascent?: number;
  descent?: number;
}

export interface FontInfo {
  name?: string;
  bold?: boolean;
}

/** a digit among characters that are no part of a plain number (47.06%, 收入19572.91万元) */
const MIXED_FIGURE = /^(?=.*\d).*[^\d.,+\-]/;

/** Relative advance of a character: CJK and full-width forms are square, the rest narrower
 *  (`narrow`, TextLayerSettings.narrowAdvance). */
function charWeight(ch: string, narrow: number, cjkText = false): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2e80 && c <= 0x9fff) return 1;
  if (c >= 0xf900 && c <= 0xfaff) return 1;
  if (c >= 0xff00 && c <= 0xffef) return 1;
  if (c >= 0x3000 && c <= 0x303f) return 1;
  // curly quotes: a full em in a Chinese font (GB2312 prints them full-width: …（项）”25.77万元, the 2
  // drawn a full em after the quote's start), narrow in a Latin one
  if (c >= 0x2018 && c <= 0x201d) return cjkText ? 1 : narrow;
  if (c >= 0x2000 && c <= 0x206f) return narrow; // other punctuation
  return narrow;
}

const CJK_CHAR = /[\u3400-\u9fff]/u;

/** Font names without the subset prefix; Chinese names stored as GBK bytes (ËÎÌå) decoded (宋体). */
export function readableFontName(name: string): string {
  const bare = name.replace(/^[A-Z]{6}\+/, '');
  if (!/[\x80-\xff]/.test(bare) || /[^\x00-\xff]/.test(bare)) return bare;
  try {
    const bytes = Uint8Array.from(bare, (ch) => ch.charCodeAt(0));
    return new TextDecoder('gbk', { fatal: true }).decode(bytes);
  } catch {
    return bare;
  }
}

const BOLD_NAME = /bold|black|heavy|semibold|demibold|[-,]bd\b/i;

/** Whether text items run mostly along the y axis of the given viewport (content drawn rotated). */
export function dominantDirection(items: readonly RawTextItem[], viewport: Matrix): 0 | 90 | 180 | 270 {
  const votes = [0, 0, 0, 0];
  for (const it of items) {
    const n = it.str.trim().length;
    if (n === 0) continue;
    const m = multiply(viewport, it.transform);
    const dx = m[0];
    const dy = m[1];
    const k = Math.abs(dx) >= Math.abs(dy) ? (dx >= 0 ? 0 : 2) : dy >= 0 ? 1 : 3;
    votes[k] = (votes[k] ?? 0) + n;
  }
  let best = 0;
  for (let k = 1; k < 4; k++) if ((votes[k] ?? 0) > (votes[best] ?? 0)) best = k;
  return (best * 90) as 0 | 90 | 180 | 270;
}

/** The text-layer part of the layout settings (extractors/layout/settings.ts), defaults. */
export type { TextLayerSettings };
export const TEXT_LAYER_SETTINGS: TextLayerSettings = DEFAULT_LAYOUT_SETTINGS.textLayer;

/** Whether `b` is drawn over `a`: the same size and direction (within `same` of the size), the
 *  origin within `tol` in x and y. */
function drawnOver(a: readonly number[], b: readonly number[], tol: number, same: number): boolean {
  const size = Math.max(Math.hypot(a[0] ?? 0, a[1] ?? 0), Math.hypot(a[2] ?? 0, a[3] ?? 0));
  for (let k = 0; k < 4; k++) if (Math.abs((a[k] ?? 0) - (b[k] ?? 0)) > same * size) return false;
  return Math.abs((a[4] ?? 0) - (b[4] ?? 0)) <= tol && Math.abs((a[5] ?? 0) - (b[5] ?? 0)) <= tol;
}

/** The items without the copies drawn over an earlier item with the same string and font (see
 *  TextLayerSettings.dedupeTolerance); the first drawing of each is kept, in order. */
export function dedupeItems(items: readonly RawTextItem[], settings: TextLayerSettings = TEXT_LAYER_SETTINGS): RawTextItem[] {
  const tol = settings.dedupeTolerance;
  if (!(tol > 0)) return [...items];
  const seen = new Map<string, RawTextItem[]>();
  const out: RawTextItem[] = [];
  for (const it of items) {
    if (/\S/.test(it.str)) {
      const key = `${it.fontName}\u0000${it.str}`;
      const same = seen.get(key);
      if (same?.some((o) => drawnOver(o.transform, it.transform, tol, settings.sameMatrix))) continue;
      if (same) same.push(it);
      else seen.set(key, [it]);
    }
    out.push(it);
  }
  return out;
}

/** Turn text items into tokens. `viewport` maps PDF user space to top-left page space. */
export function itemsToTokens(
  items: readonly RawTextItem[],
  viewport: Matrix,
  styles: Readonly<Record<string, FontStyle>>,
  fonts: (loadedName: string) => FontInfo | undefined,
  settings: TextLayerSettings = TEXT_LAYER_SETTINGS,
): Token[] {
  const s = settings;
  const out: Token[] = [];
  const fontCache = new Map<string, FontInfo | undefined>();
  for (const it of items) {
    const str = it.str;
    if (!str || !/\S/.test(str)) continue;
    const m = multiply(viewport, it.transform);
    // unit vectors along the baseline and towards the glyph tops, in page space
    const bl = Math.hypot(m[0], m[1]);
    const size = Math.hypot(m[2], m[3]);
    if (!(bl > 0) || !(size > 0)) continue;
    const dir: [number, number] = [m[0] / bl, m[1] / bl];
    const up: [number, number] = [m[2] / size, m[3] / size];
    const st = styles[it.fontName];
    const asc = st?.ascent && st.ascent > s.minAscent ? Math.min(st.ascent, s.maxAscent) : s.defaultAscent;
    const desc = st?.descent && st.descent < 0 ? Math.max(st.descent, s.minDescent) : s.defaultDescent;
    let info = fontCache.get(it.fontName);
    if (!fontCache.has(it.fontName)) {
      info = fonts(it.fontName);
      fontCache.set(it.fontName, info);
    }
    const bold = info?.bold === true || (info?.name ? BOLD_NAME.test(info.name) : false);
    const fontName = info?.name ? readableFontName(info.name) : it.fontName;
    // the item's advance in page units; fall back to an estimate when pdf.js reports 0
    const chars = [...str];
    const cjkText = CJK_CHAR.test(str);
    const totalWeight = chars.reduce((sum, ch) => sum + charWeight(ch, s.narrowAdvance, cjkText), 0);
    const advance = it.width > 0 ? it.width : totalWeight * size;
    const unit = totalWeight > 0 ? advance / totalWeight : 0;
    const [ox, oy] = apply(m, 0, 0);
    // split at white space, keeping each piece's offset along the baseline
    let offset = 0;
    let piece = '';
    let pieceStart = 0;
    // where each character of the piece begins along the baseline (figures in running text)
    let starts: number[] = [];
    const flush = (end: number): void => {
      if (!piece) return;
      const a = pieceStart;
      const b = end;
      const xs: number[] = [];
      const ys: number[] = [];
      for (const t of [a, b]) {
        for (const h of [asc, desc]) {
          xs.push(ox + dir[0] * t + up[0] * h * size);
          ys.push(oy + dir[1] * t + up[1] * h * size);
        }
      }
      const tok: Token = {
        text: piece,
        box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
        fontSize: size,
        fontName,
      };
      if (bold) tok.bold = true;
      // a figure inside other text (收入19572.91万元): where its characters are, for the box of the figure
      if (MIXED_FIGURE.test(piece) && Math.abs(dir[1]) < 1e-3 && dir[0] > 0 && starts.length === piece.length) tok.charX = [...starts, end].map((t) => ox + dir[0] * t);
      out.push(tok);
      piece = '';
      starts = [];
    };
    for (const ch of chars) {
      const w = charWeight(ch, s.narrowAdvance, cjkText) * unit;
      if (/\s/.test(ch)) {
        flush(offset);
      } else {
        if (!piece) pieceStart = offset;
        piece += ch;
        starts.push(offset);
      }
      offset += w;
    }
    flush(offset);
  }
  return out;
}
