// One PDF page -> PageContent: one getOperatorList (rulings, and it loads the fonts whose real
// names tell bold) and one getTextContent; no rendering.
import type { PageContent } from '../../model/types.js';
import type { PDFPageProxy } from './load.js';
import type { Matrix } from './matrix.js';
import { scanOperatorList } from './rulings.js';
import { dedupeItems, dominantDirection, itemsToTokens, type FontInfo, type RawTextItem } from './text.js';

/** Fewer printable characters than this and the page counts as having no usable text layer. */
const MIN_TEXT_CHARS = 4;
/** this many curved paths on a text-less page suggest text drawn as outlines */
const MIN_OUTLINE_PATHS = 50;

export async function extractPage(page: PDFPageProxy): Promise<PageContent> {
  const ops = await page.getOperatorList();
  const tc = await page.getTextContent({ disableNormalization: false });
  const drawn: RawTextItem[] = [];
  for (const it of tc.items) {
    if ('str' in it && typeof it.str === 'string') drawn.push(it as RawTextItem);
  }
  // fake bold (a word drawn several times over itself) read once
  const items = dedupeItems(drawn);
  let rotation = ((page.rotate % 360) + 360) % 360;
  let vp = page.getViewport({ scale: 1, rotation });
  // content drawn sideways on an upright page (a landscape table on portrait paper): turn the page
  // so the text reads left to right
  const turn = dominantDirection(items, vp.transform as Matrix);
  if (turn !== 0) {
    rotation = (rotation + (360 - turn)) % 360;
    vp = page.getViewport({ scale: 1, rotation });
  }
  const fonts = (name: string): FontInfo | undefined => {
    try {
      if (!page.commonObjs.has(name)) return undefined;
      const f = page.commonObjs.get(name) as { name?: string; bold?: boolean } | undefined;
      return f ? { name: f.name, bold: f.bold } : undefined;
    } catch {
      return undefined;
    }
  };
  const transform = vp.transform as Matrix;
  const tokens = itemsToTokens(items, transform, tc.styles as Record<string, { ascent?: number; descent?: number }>, fonts);
  const { rulings, images, curvePaths } = scanOperatorList(ops, transform);
  const chars = tokens.reduce((s, t) => s + t.text.length, 0);
  const content: PageContent = {
    page: page.pageNumber,
    width: vp.width,
    height: vp.height,
    rotation,
    tokens,
    rulings,
  };
  // no text but an image (a scan) or many curves (text drawn as outlines): OCR can read it; a page
  // with neither is blank (or holds an empty frame) and needs nothing
  // (a cover page's few words over a page-sized picture are text enough: no OCR)
  if (chars < MIN_TEXT_CHARS && (images > 0 || curvePaths >= MIN_OUTLINE_PATHS)) content.needsOcr = true;
  return content;
}
