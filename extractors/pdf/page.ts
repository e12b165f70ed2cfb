// One PDF page -> PageContent: one getOperatorList (rulings, and it loads the fonts whose real
// names tell bold) and one getTextContent; no rendering.
import type { PageContent } from '../../model/types.js';
import { DEFAULT_LAYOUT_SETTINGS, type LayoutSettings } from '../layout/settings.js';
import type { PDFPageProxy } from './load.js';
import type { Matrix } from './matrix.js';
import { scanOperatorList } from './rulings.js';
import { dedupeItems, dominantDirection, itemsToTokens, type FontInfo, type RawTextItem } from './text.js';

/** One page's tokens and rulings (textLayer and graphics settings); `needsOcr` when it has fewer
 *  than `textLayer.minTextChars` printable characters but an image or many curves. */
export async function extractPage(page: PDFPageProxy, settings: LayoutSettings = DEFAULT_LAYOUT_SETTINGS): Promise<PageContent> {
  const s = settings.textLayer;
  const ops = await page.getOperatorList();
  const tc = await page.getTextContent({ disableNormalization: false });
  const drawn: RawTextItem[] = [];
  for (const it of tc.items) {
    if ('str' in it && typeof it.str === 'string') drawn.push(it as RawTextItem);
  }
  // fake bold (a word drawn several times over itself) read once
  const items = dedupeItems(drawn, s);
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
  const tokens = itemsToTokens(items, transform, tc.styles as Record<string, { ascent?: number; descent?: number }>, fonts, s);
  const { rulings, images, curvePaths } = scanOperatorList(ops, transform, settings.graphics);
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
  if (chars < s.minTextChars && (images > 0 || curvePaths >= s.minOutlinePaths)) content.needsOcr = true;
  return content;
}
