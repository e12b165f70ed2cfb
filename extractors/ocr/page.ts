// OcrPage (pixels) -> PageContent (PDF points): words joined into tokens the way a text layer
// prints them, numbers repaired, rules found in the image as Rulings. From there the one layout
// model (extractors/layout) reconstructs tables exactly as for a text layer.
import type { Block, Box, GridCell, PageContent, Token } from '../../model/types.js';
import type { PageIssue } from '../../model/stages.js';
import { layoutPage } from '../layout/index.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from '../layout/settings.js';
import { separator } from '../layout/text.js';
import { toRulings } from './prep.js';
import { describeRepairs, repairNumberText, repairTokens, type Repair } from './repair.js';
import { DEFAULT_OCR_SETTINGS, type OcrSettings, type WordSettings } from './settings.js';
import { trimSpeckGlyphs } from './speck-glyphs.js';
import { repairSplitAmounts } from './split-amounts.js';
import type { OcrPage, OcrWord } from './types.js';
import type { KeptPage } from './reread-cells.js';

/** a lone glyph left of an erased rule (a backslash or a corner bracket: what a photocopy's erased
 *  rules leave at a cell's corner) */
const RULE_GLYPH = /^[|‖丨[\]!！_—\-–=~'"‘’“”`.,:;、。，\\「」]+$/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** the punctuation of running Chinese text, as chi_sim reads it (its commas often ASCII); not a
 *  colon: 部门：… on a table's title line would make the line a label's, not the title's */
const TEXT_MARK = /^[，。、；,;]$/;
/** a dash as chi_sim reads a 一 (one horizontal stroke) */
const DASH = /^[-—–_~一]$/;
/** the characters a 一 stands before in these documents' words that begin no word without it (一般:
 *  一般公共预算, 一般公共服务, 一般性支出): a dash before any other character may be a rule's
 *  remnant or a speck (一合许 for 合计) */
const AFTER_ONE = /^般/;
/** a full-width mark of running text: joins CJK characters as they do */
const CJK_MARK = /[，。、；]/;

function median(v: number[]): number {
  if (!v.length) return 0;
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export interface OcrContent {
  content: PageContent;
  repairs: Repair[];
  /** mean token confidence */
  confidence: number;
  /** resolution the page was read at, and of the image as given (a finer scan is reduced) */
  dpi: number;
  sourceDpi: number;
  /** steps that failed on part of the page (boxes in points) */
  issues: PageIssue[];
  /** how the page was read: turned `rotation` degrees clockwise, then deskewed by `skew` degrees;
   *  `width` × `height`: the image read, in points (pageBox maps a box back onto the page) */
  frame: { width: number; height: number; rotation: number; skew: number };
  /** the prepared image, kept to read cells again (reread-cells.ts); set by the extractors */
  kept?: KeptPage;
}

/** A box on the image as read (turned, deskewed; points) → the same spot on the page as given:
 *  the skew undone about the image's centre (rotateSmall), then the quarter turn (rotateQuarter). */
function pageBox(f: OcrContent['frame'], b: Box): Box {
  const q = ((Math.round(f.rotation / 90) % 4) + 4) % 4;
  if (q === 0 && !f.skew) return b;
  const a = (-f.skew * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = f.width / 2;
  const cy = f.height / 2;
  const point = (X: number, Y: number): [number, number] => {
    const dx = X - cx;
    const dy = Y - cy;
    const x = f.skew ? cx + dx * cos + dy * sin : X;
    const y = f.skew ? cy - dx * sin + dy * cos : Y;
    if (q === 1) return [y, f.width - x];
    if (q === 2) return [f.width - x, f.height - y];
    if (q === 3) return [f.height - y, x];
    return [x, y];
  };
  const corners = [point(b.x0, b.y0), point(b.x1, b.y0), point(b.x0, b.y1), point(b.x1, b.y1)];
  return {
    x0: Math.min(...corners.map((c) => c[0])), y0: Math.min(...corners.map((c) => c[1])),
    x1: Math.max(...corners.map((c) => c[0])), y1: Math.max(...corners.map((c) => c[1])),
  };
}

/** Words -> tokens, joining neighbours on one tesseract line that touch (a CJK name comes back one
 *  character per word) unless a vertical rule runs between them. */
function wordsToTokens(page: OcrPage, k: number, walls: number[], s: WordSettings): Token[] {
  const byLine = new Map<number, OcrWord[]>();
  for (const read of page.words) {
    let l = byLine.get(read.line);
    if (!l) byLine.set(read.line, (l = []));
    l.push(read);
  }
  const tokens: Token[] = [];
  for (const all of byLine.values()) {
    all.sort((a, b) => a.box.x0 - b.box.x0);
    const hs = all.filter((w) => CJK.test(w.text)).map((w) => w.box.y1 - w.box.y0);
    const lineH = median(hs.length ? hs : all.map((w) => (w.box.y1 - w.box.y0) / s.latinHeightRatio));
    const words = keptWords(all, lineH, s);
    const size = Math.max(s.minFontSizePt, lineH * k);
    const slack = Math.max(s.wallSlackPx, lineH * s.wallSlackEm);
    let cur: { text: string; box: Box; conf: number } | undefined;
    const flush = (): void => {
      if (!cur) return;
      tokens.push({
        text: cur.text,
        box: { x0: cur.box.x0 * k, y0: cur.box.y0 * k, x1: cur.box.x1 * k, y1: cur.box.y1 * k },
        fontSize: Math.round(size * 10) / 10,
        confidence: Math.round(cur.conf * 10) / 10,
      });
      cur = undefined;
    };
    for (const w of words) {
      if (cur) {
        const gap = w.box.x0 - cur.box.x1;
        const wall = walls.some((x) => x > cur!.box.x1 - slack && x < w.box.x0 + slack);
        const a = cur.text.slice(-1);
        const b = w.text.slice(0, 1);
        // CJK runs join across letter spacing (their punctuation with them); Latin words and numbers only when touching
        const cjk = (c: string): boolean => CJK.test(c) || CJK_MARK.test(c);
        const limit = cjk(a) && cjk(b) && (CJK.test(a) || CJK.test(b)) ? lineH * s.cjkJoinGap : lineH * s.latinJoinGap;
        if (!wall && gap <= limit) {
          cur.text += separator(cur.text, w.text) && gap > lineH * s.latinJoinGap ? ' ' + w.text : w.text;
          cur.box = { x0: cur.box.x0, y0: Math.min(cur.box.y0, w.box.y0), x1: Math.max(cur.box.x1, w.box.x1), y1: Math.max(cur.box.y1, w.box.y1) };
          cur.conf = Math.min(cur.conf, w.confidence);
          continue;
        }
        flush();
      }
      cur = { text: w.text, box: { ...w.box }, conf: w.confidence };
    }
    flush();
  }
  return tokens;
}

/** The words of one line (sorted left to right) that make tokens: rule glyphs dropped, but a mark of
 *  running text kept where words lie close on both sides of it, one of them CJK (a clause's comma, a
 *  sentence's full stop in a line of prose: the prose facts need them), a comma read ASCII then
 *  written as Chinese prints it; specks glued to CJK words taken off. */
function keptWords(words: readonly OcrWord[], lineH: number, s: WordSettings): OcrWord[] {
  const out: OcrWord[] = [];
  words.forEach((read, i) => {
    if (RULE_GLYPH.test(read.text) && read.text.length <= s.ruleGlyphMaxLength) {
      const prev = words[i - 1], next = words[i + 1];
      if (oneStroke(read, next, lineH, s)) {
        out.push({ ...read, text: '一' });
        return;
      }
      const inText = s.textMarkGap > 0 && TEXT_MARK.test(read.text) && !!prev && !!next
        && read.box.x0 - prev.box.x1 <= lineH * s.textMarkGap && next.box.x0 - read.box.x1 <= lineH * s.textMarkGap
        && (CJK.test(prev.text.slice(-1)) || CJK.test(next.text.slice(0, 1)));
      if (!inText) return;
      const text = ({ ',': '，', ';': '；' } as Record<string, string>)[read.text] ?? read.text;
      out.push(text === read.text ? read : { ...read, text });
      return;
    }
    // a speck glued to a CJK word (合计.“) taken off
    const text = trimSpeckGlyphs(read.text);
    out.push(text === read.text ? read : { ...read, text });
  });
  return out;
}

/** Whether a dash read as a word of its own is the 一 of the word right after it (一般 read `-`
 *  `般`): a flat stroke, at most `cjkJoinGap` line heights before a character that begins no word
 *  without a 一 (AFTER_ONE), across the middle of that character's height (a rule's remnant lies
 *  at a cell's edge, above or below the characters, or stands apart). */
function oneStroke(w: OcrWord, next: OcrWord | undefined, lineH: number, s: WordSettings): boolean {
  if (!DASH.test(w.text) || !next || !AFTER_ONE.test(next.text) || s.oneStrokeBand <= 0) return false;
  const h = next.box.y1 - next.box.y0;
  const mid = (w.box.y0 + w.box.y1) / 2;
  const band = (h * (1 - s.oneStrokeBand)) / 2;
  return next.box.x0 - w.box.x1 <= lineH * s.cjkJoinGap && w.box.y1 - w.box.y0 <= h * 0.25
    && mid >= next.box.y0 + band && mid <= next.box.y1 - band;
}

/** OCR page -> PageContent in PDF points (`dpi` is the resolution of the OCR'd image), with the
 *  repairs made to number tokens. */
export function ocrToContent(page: OcrPage, pageNo: number, dpi: number = page.dpi, settings: OcrSettings = DEFAULT_OCR_SETTINGS): OcrContent {
  const k = 72 / dpi;
  const walls = page.rules.filter((r) => !r.horizontal).map((r) => r.pos);
  const raw = wordsToTokens(page, k, walls, settings.words);
  const { tokens, repairs: fixed } = repairTokens(raw, { walls: walls.map((x) => x * k), page: pageNo, settings });
  // cells read again on their crop (reread-numbers.ts, reread-latin.ts, reread-text.ts): recorded like any repair
  const repairs: Repair[] = page.words
    .filter((w) => w.reread !== undefined && w.reread !== w.text)
    .map((w) => ({ before: w.reread!, after: w.text, rules: ['reread'], page: pageNo, box: { x0: w.box.x0 * k, y0: w.box.y0 * k, x1: w.box.x1 * k, y1: w.box.y1 * k }, confidence: w.confidence }));
  repairs.push(...fixed);
  const confidence = tokens.length ? tokens.reduce((s, t) => s + (t.confidence ?? 0), 0) / tokens.length : 0;
  const issues: PageIssue[] = (page.problems ?? []).map((p) => ({
    page: pageNo, kind: 'partial', step: p.step, error: p.error,
    boxes: p.boxes.map((b) => ({ x0: b.x0 * k, y0: b.y0 * k, x1: b.x1 * k, y1: b.y1 * k })),
  }));
  return {
    content: {
      page: pageNo,
      width: page.width * k,
      height: page.height * k,
      rotation: page.rotation,
      tokens,
      rulings: toRulings(page.rules, k, settings.rules),
    },
    repairs,
    confidence: Math.round(confidence * 10) / 10,
    dpi: page.dpi,
    sourceDpi: page.sourceDpi ?? page.dpi,
    issues,
    frame: { width: page.width * k, height: page.height * k, rotation: page.rotation, skew: page.skew },
  };
}

export function ocrPageContent(page: OcrPage, pageNo: number, dpi: number = page.dpi, settings: OcrSettings = DEFAULT_OCR_SETTINGS): PageContent {
  return ocrToContent(page, pageNo, dpi, settings).content;
}

function inside(b: Box, t: Token): boolean {
  const x = (t.box.x0 + t.box.x1) / 2;
  const y = (t.box.y0 + t.box.y1) / 2;
  return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
}

/** The cells of an OCR'd grid whose text, its words joined, is a number as repairNumberText puts it
 *  right (a comma for the decimal point, a rule's glyph at an end …), repaired in place. */
export function repairJoinedCells(rows: GridCell[][], settings: OcrSettings = DEFAULT_OCR_SETTINGS): Repair[] {
  const out: Repair[] = [];
  for (const row of rows) {
    for (const c of row) {
      const f = c.text && /\d/.test(c.text) ? repairNumberText(c.text, settings) : undefined;
      if (!f) continue;
      out.push({ before: c.text, after: f.text, rules: f.rules, ...(c.page !== undefined ? { page: c.page } : {}), ...(c.box ? { box: c.box } : {}) });
      c.text = f.text;
    }
  }
  return out;
}

/** Layout of OCR'd pages: the shared layout model, then grids marked `ocr`, each cell carrying the
 *  lowest confidence of its tokens, and the repairs noted on the grid that holds them. */
export function layoutOcr(pages: readonly OcrContent[], layout: LayoutSettings = DEFAULT_LAYOUT_SETTINGS, ocr: OcrSettings = DEFAULT_OCR_SETTINGS): Block[] {
  const low = ocr.words.lowConfidence;
  const out: Block[] = [];
  for (const p of pages) {
    const blocks = layoutPage(p.content, layout);
    for (const b of blocks) {
      if (b.kind !== 'grid') continue;
      const g = b.grid;
      const lowest: number[] = [];
      for (const row of g.rows) {
        for (const c of row as GridCell[]) {
          if (!c.text || !c.box) continue;
          const confs = p.content.tokens.filter((t) => inside(c.box!, t)).map((t) => t.confidence ?? 100);
          if (confs.length) {
            c.confidence = Math.min(...confs);
            lowest.push(c.confidence);
          }
        }
      }
      const notes = [...(g.notes ?? [])];
      const split = repairSplitAmounts(g, ocr);
      if (split.length) notes.push(`${split.length} amount(s) with separators lost by OCR rejoined: ${split.slice(0, 20).join('; ')}`);
      // a cell's words joined into a number the token repairs would have put right had it been one
      // word (121,393, | 52: a comma for the decimal point)
      const joined = repairJoinedCells(g.rows as GridCell[][], ocr);
      if (joined.length) notes.push(describeRepairs(joined));
      notes.push(`OCR (${g.method} layout${p.content.rulings.length ? ', rules found in the image' : ''}): mean cell confidence ${lowest.length ? (lowest.reduce((s, v) => s + v, 0) / lowest.length).toFixed(1) : '-'}, ${lowest.filter((v) => v < low).length} cell(s) below ${low}`);
      const mine = p.repairs.filter((r) => r.box && g.rows.some((row) => row.some((c) => c.box && inside(c.box, { text: '', box: r.box!, fontSize: 0 }))));
      if (mine.length) notes.push(describeRepairs(mine));
      g.notes = notes;
      g.method = 'ocr';
      // the text's boxes onto the page as given (layout worked on the page as read)
      for (const row of g.rows) for (const c of row) if (c.textBox) c.textBox = pageBox(p.frame, c.textBox);
    }
    out.push(...blocks);
  }
  return out;
}
