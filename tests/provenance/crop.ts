// Checking facts.csv boxes against the page with poppler, an engine independent of the pdf.js the
// pipeline reads with:
// - `cropText`: `pdftotext -f p -l p -x -y -W -H` at the box (points at 72 dpi, origin top left,
//   whole points); poppler keeps a glyph whose advance overlaps the crop horizontally, edges
//   included, and whose baseline lies in it: the box's sides are rounded inwards to the next whole
//   point (the glyph before a figure set in running text ends exactly where the figure begins), its
//   top and bottom outwards (a font without descent puts the baseline on the box's bottom edge);
// - `cropWords`: the same crop emulated on the page's words from one `pdftotext -bbox` call (the
//   glyphs of a word share its width as the text layer sets them: CJK and full-width forms square,
//   the rest half as wide; a word counts when its vertical centre lies in the box), for measuring
//   whole corpora without one process per fact.
// `printsValue`: the cropped text, white space removed, is one number equal to the fact's value.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { Decimal } from 'decimal.js';
import { parseNumber } from '../../normalizers/values/numbers.js';

const run = promisify(execFile);

export interface PtBox { x0: number; y0: number; x1: number; y1: number }

export interface Word { text: string; box: PtBox }

/** The box columns of a facts.csv row, or undefined when they are empty. */
export function boxOfRow(f: { bbox_x0?: string; bbox_y0?: string; bbox_x1?: string; bbox_y1?: string }): PtBox | undefined {
  const v = [f.bbox_x0, f.bbox_y0, f.bbox_x1, f.bbox_y1];
  if (v.some((x) => x === undefined || x === '')) return undefined;
  const [x0, y0, x1, y1] = v.map(Number) as [number, number, number, number];
  return { x0, y0, x1, y1 };
}

/** The crop rectangle in whole points: sides inwards past the box's edge, top and bottom outwards. */
function cropRect(b: PtBox): PtBox {
  const x0 = Math.floor(b.x0) + 1;
  const y0 = Math.floor(b.y0);
  return { x0, y0, x1: x0 + Math.max(1, Math.ceil(b.x1) - 1 - x0), y1: y0 + Math.max(1, Math.ceil(b.y1) - y0) };
}

const square = (ch: string): boolean => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch);

function cropArgs(b: PtBox): string[] {
  const r = cropRect(b);
  return ['-x', String(r.x0), '-y', String(r.y0), '-W', String(r.x1 - r.x0), '-H', String(r.y1 - r.y0)];
}

/** The text poppler finds in the box on page `page` (1-based) of `pdf`, white space removed. */
export async function cropText(pdf: string, page: number, box: PtBox): Promise<string> {
  const { stdout } = await run('pdftotext', ['-q', '-f', String(page), '-l', String(page), ...cropArgs(box), '-enc', 'UTF-8', pdf, '-']);
  return stdout.replace(/\s+/g, '');
}

const decode = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Poppler's words of every page of `pdf` (`pdftotext -bbox`), by 1-based page. */
export function popplerWords(pdf: string): Map<number, Word[]> {
  const xml = execFileSync('pdftotext', ['-q', '-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const pages = new Map<number, Word[]>();
  let n = 0;
  let words: Word[] = [];
  const re = /<page\b|<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] === undefined) {
      pages.set(++n, (words = []));
      continue;
    }
    words.push({ text: decode(m[5]!), box: { x0: +m[1], y0: +m[2]!, x1: +m[3]!, y1: +m[4]! } });
  }
  return pages;
}

/** The crop of `cropText` emulated on poppler's words (the same rounding). */
export function cropWords(words: readonly Word[], box: PtBox): string {
  const { x0, y0, x1, y1 } = cropRect(box);
  const hits = words.filter((w) => {
    const cy = (w.box.y0 + w.box.y1) / 2;
    return cy >= y0 && cy <= y1 && w.box.x1 >= x0 && w.box.x0 <= x1;
  });
  hits.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  let out = '';
  for (const w of hits) {
    const chars = [...w.text];
    const weights = chars.map((ch) => (square(ch) ? 1 : 0.5));
    const unit = (w.box.x1 - w.box.x0) / weights.reduce((a, b) => a + b, 0);
    let a = w.box.x0;
    chars.forEach((ch, k) => {
      const b = a + weights[k]! * unit;
      if (b >= x0 && a <= x1) out += ch;
      a = b;
    });
  }
  return out.replace(/\s+/g, '');
}

/** Whether `text` (white space removed) is one number equal to `value` (a facts.csv value);
 *  `signless`: up to the sign (a prose figure: 减少 5.39 is the fact -5.39). */
export function printsValue(text: string, value: string, signless = false): boolean {
  const p = parseNumber(text);
  if (!p) return false;
  try {
    return signless ? p.value.abs().eq(new Decimal(value).abs()) : p.value.eq(new Decimal(value));
  } catch {
    return false;
  }
}
