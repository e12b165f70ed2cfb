// Ruling lines from a page's operator list. pdf.js 5 hands paths over as
// constructPath [paintOp, [Float32Array of (op, coords...)], minMax] in the current user space, so
// the graphics state (CTM stack, line width, fill colour) is tracked here. Excel/LibreOffice stroke
// lines; Word/WPS fill thin rectangles. Clipping paths (endPath) and curves are ignored.
import type { Ruling } from '../../model/types.js';
import { DEFAULT_LAYOUT_SETTINGS, type PdfGraphicsSettings } from '../layout/settings.js';
import { apply, IDENTITY, multiply, scaleOf, type Matrix } from './matrix.js';
import { pdfjs } from './load.js';

const OPS = pdfjs.OPS;
const PAINT_STROKE = new Set([OPS.stroke, OPS.closeStroke]);
const PAINT_FILL = new Set([OPS.fill, OPS.eoFill]);
const PAINT_BOTH = new Set([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

interface GState {
  ctm: Matrix;
  lineWidth: number;
  fillWhite: boolean;
  strokeWhite: boolean;
}

export interface OperatorListLike {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

function isWhite(color: unknown, s: PdfGraphicsSettings): boolean {
  if (typeof color !== 'string') return false;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return !!m && m.slice(1).every((h) => parseInt(h, 16) >= s.whiteRgb);
}

function pushSegment(out: Ruling[], x0: number, y0: number, x1: number, y1: number, width: number, s: PdfGraphicsSettings): void {
  const dx = Math.abs(x1 - x0);
  const dy = Math.abs(y1 - y0);
  const len = Math.max(dx, dy);
  if (len < s.minSegmentLength) return;
  if (dy <= dx * s.maxSkew + s.skewSlack) {
    const y = (y0 + y1) / 2;
    out.push({ x0: Math.min(x0, x1), y0: y, x1: Math.max(x0, x1), y1: y, width });
  } else if (dx <= dy * s.maxSkew + s.skewSlack) {
    const x = (x0 + x1) / 2;
    out.push({ x0: x, y0: Math.min(y0, y1), x1: x, y1: Math.max(y0, y1), width });
  }
}

export interface PageGraphics {
  rulings: Ruling[];
  /** images painted, or placed where the document was opened with skipImages (a page without
   *  text but with images is a scan) */
  images: number;
  /** paths with curves (text converted to outlines shows up as many of these) */
  curvePaths: number;
}

const IMAGE_OPS = new Set([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
]);

/** Extract horizontal and vertical rulings in top-left page space. */
export function rulingsFromOperatorList(ops: OperatorListLike, viewport: Matrix, settings: PdfGraphicsSettings = DEFAULT_LAYOUT_SETTINGS.graphics): Ruling[] {
  return scanOperatorList(ops, viewport, settings).rulings;
}

/** One pass over the operator list: rulings, plus what tells a scan from a blank page. */
export function scanOperatorList(ops: OperatorListLike, viewport: Matrix, settings: PdfGraphicsSettings = DEFAULT_LAYOUT_SETTINGS.graphics): PageGraphics {
  const s = settings;
  const out: Ruling[] = [];
  const stats = { images: 0, curvePaths: 0 };
  // with images skipped (maxImageSize), an image leaves `save, transform(image size), restore`:
  // a large transform undone with nothing drawn in between counts as an image
  let placing = false;
  let gs: GState = { ctm: IDENTITY, lineWidth: 1, fillWhite: false, strokeWhite: false };
  const stack: GState[] = [];
  const n = ops.fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ...gs });
        break;
      case OPS.restore:
        if (placing) stats.images++;
        placing = false;
        gs = stack.pop() ?? gs;
        break;
      case OPS.transform:
        if (args && args.length >= 6) {
          gs.ctm = multiply(gs.ctm, args as number[]);
          placing = Math.abs(gs.ctm[0] * gs.ctm[3] - gs.ctm[1] * gs.ctm[2]) >= s.minImageArea;
        }
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...gs });
        const m = args?.[0];
        if (Array.isArray(m) || ArrayBuffer.isView(m)) gs.ctm = multiply(gs.ctm, Array.from(m as ArrayLike<number>));
        break;
      }
      case OPS.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case OPS.setLineWidth:
        if (args && typeof args[0] === 'number') gs.lineWidth = args[0];
        break;
      case OPS.setGState:
        if (args && Array.isArray(args[0])) {
          for (const kv of args[0] as unknown[]) {
            if (Array.isArray(kv) && kv[0] === 'LW' && typeof kv[1] === 'number') gs.lineWidth = kv[1];
          }
        }
        break;
      case OPS.setFillRGBColor:
        gs.fillWhite = isWhite(args?.[0], s);
        break;
      case OPS.setStrokeRGBColor:
        gs.strokeWhite = isWhite(args?.[0], s);
        break;
      case OPS.setFillGray:
        gs.fillWhite = typeof args?.[0] === 'number' ? (args[0] as number) > s.whiteGrey : false;
        break;
      case OPS.setStrokeGray:
        gs.strokeWhite = typeof args?.[0] === 'number' ? (args[0] as number) > s.whiteGrey : false;
        break;
      case OPS.constructPath:
        placing = false;
        if (args && pathRulings(args, gs, viewport, out, s)) stats.curvePaths++;
        break;
      case OPS.beginText:
        placing = false;
        break;
      default:
        if (fn !== undefined && IMAGE_OPS.has(fn)) {
          stats.images++;
          placing = false;
        }
        break;
    }
  }
  return { rulings: out, ...stats };
}

/** Adds the path's rulings; returns whether the painted path has curves. */
function pathRulings(args: unknown[], gs: GState, viewport: Matrix, out: Ruling[], s: PdfGraphicsSettings): boolean {
  const paint = args[0] as number;
  const stroke = PAINT_STROKE.has(paint) || PAINT_BOTH.has(paint);
  const fill = PAINT_FILL.has(paint) || PAINT_BOTH.has(paint);
  if (!stroke && !fill) return false;
  if (stroke && gs.strokeWhite && !(fill && !gs.fillWhite)) return false;
  if (!stroke && gs.fillWhite) return false;
  const paths = args[1] as unknown;
  const data: ArrayLike<number> | undefined = Array.isArray(paths)
    ? (paths[0] as ArrayLike<number> | undefined)
    : (paths as ArrayLike<number> | undefined);
  if (!data || data.length === 0) return false;
  const m = multiply(viewport, gs.ctm);
  const lw = Math.max(gs.lineWidth * scaleOf(m), s.minRuleWidth);
  // walk the path into subpaths of straight points; a curve breaks straightness
  let pts: [number, number][] = [];
  let straight = true;
  const subpaths: { pts: [number, number][]; straight: boolean; closed: boolean }[] = [];
  const end = (closed: boolean): void => {
    if (pts.length > 1) subpaths.push({ pts, straight, closed });
    pts = [];
    straight = true;
  };
  for (let k = 0; k < data.length; ) {
    const op = data[k];
    if (op === 0) {
      end(false);
      pts.push(apply(m, data[k + 1] ?? 0, data[k + 2] ?? 0));
      k += 3;
    } else if (op === 1) {
      pts.push(apply(m, data[k + 1] ?? 0, data[k + 2] ?? 0));
      k += 3;
    } else if (op === 2) {
      straight = false;
      pts.push(apply(m, data[k + 5] ?? 0, data[k + 6] ?? 0));
      k += 7;
    } else if (op === 3) {
      straight = false;
      pts.push(apply(m, data[k + 3] ?? 0, data[k + 4] ?? 0));
      k += 5;
    } else if (op === 4) {
      const first = pts[0];
      if (first) pts.push(first);
      end(true);
      k += 1;
    } else {
      break; // unknown layout: stop rather than misread
    }
  }
  end(false);
  let curved = false;
  for (const sp of subpaths) {
    if (!sp.straight) {
      curved = true;
      continue;
    }
    const xs = sp.pts.map((p) => p[0]);
    const ys = sp.pts.map((p) => p[1]);
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    const w = x1 - x0;
    const h = y1 - y0;
    // any thin filled polygon (rectangles, and the mitred trapezoids some producers draw) is a rule
    if (fill && !gs.fillWhite && sp.pts.length >= 3 && Math.min(w, h) <= s.maxRuleThickness) {
      // a thin filled rectangle is a rule along its long side
      if (w >= h) pushSegment(out, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, Math.max(h, s.minRuleWidth), s);
      else pushSegment(out, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1, Math.max(w, s.minRuleWidth), s);
      continue;
    }
    if (!stroke || gs.strokeWhite) continue;
    for (let k = 1; k < sp.pts.length; k++) {
      const a = sp.pts[k - 1]!;
      const b = sp.pts[k]!;
      pushSegment(out, a[0], a[1], b[0], b[1], lw, s);
    }
  }
  return curved;
}
