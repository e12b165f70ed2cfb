// Raw 8-bit grey images: decoding (PNG, JPEG, TIFF) without native code, conversion to grey with a
// red-seal filter, rotation by quarter turns and small angles, scaling, and PGM encoding for
// tesseract.js. Every decoder checks its input and throws InputError (one line) instead of
// crashing: @napi-rs/canvas segfaults on some truncated PNGs, so it is not used for decoding.
import { inflateSync } from 'node:zlib';
import { InputError } from '../../model/stages.js';
import { DEFAULT_OCR_SETTINGS, type ImageSettings, type OcrSettings } from './settings.js';

export interface GreyImage {
  width: number;
  height: number;
  /** 8-bit grey, row-major, 0 = black */
  data: Uint8Array;
}

export interface DecodedImage extends GreyImage {
  /** resolution recorded in the file (PNG pHYs, JPEG JFIF, TIFF XResolution), when plausible */
  dpi?: number;
}

function bad(what: string, why: string): InputError {
  return new InputError(`corrupt or unsupported ${what} (${why}): re-scan the page or convert it to PNG`);
}

/** An image's size, checked before its pixels are decoded (settings.pixels.maxImageMegapixels). */
function checkSize(what: string, w: number, h: number, settings: OcrSettings): void {
  if (!(w > 0 && h > 0)) throw bad(what, `size ${w}x${h}`);
  const max = settings.pixels.maxImageMegapixels;
  if (w * h > max * 1e6) throw new InputError(tooManyPixels(`${what} of ${w} × ${h} pixels`, w * h, max));
}

/** The one line for an image over the pixel limit. */
export function tooManyPixels(what: string, pixels: number, maxMegapixels: number): string {
  return `${what} (${Math.round(pixels / 1e6)} megapixels) is over the limit of ${maxMegapixels} megapixels (ocr.pixels.maxImageMegapixels): not decoded; re-scan at a lower resolution or raise the setting`;
}

function plausibleDpi(d: number | undefined, s: ImageSettings): number | undefined {
  return d !== undefined && Number.isFinite(d) && d >= s.minFileDpi && d <= s.maxFileDpi ? Math.round(d) : undefined;
}

/** Grey from interleaved samples. A strongly red pixel (a seal stamped over a table: red above
 *  green and blue by more than `redSealMargin`) keeps its red channel only, so it turns light and
 *  does not bury the black print under it. */
export function toGrey(src: ArrayLike<number>, width: number, height: number, channels: number, redSealMargin = DEFAULT_OCR_SETTINGS.image.redSealMargin): GreyImage {
  const n = width * height;
  const out = new Uint8Array(n);
  if (channels === 1) {
    for (let i = 0; i < n; i++) out[i] = src[i]!;
  } else if (channels === 2) {
    for (let i = 0; i < n; i++) out[i] = src[i * 2]!;
  } else {
    for (let i = 0, j = 0; i < n; i++, j += channels) {
      const r = src[j]!;
      const g = src[j + 1]!;
      const b = src[j + 2]!;
      let v = (r * 77 + g * 150 + b * 29) >> 8;
      if (r - Math.max(g, b) > redSealMargin) v = r;
      if (channels === 4) {
        const a = src[j + 3]!;
        v = (v * a + 255 * (255 - a)) / 255;
      }
      out[i] = v;
    }
  }
  return { width, height, data: out };
}

// --- PNG ---------------------------------------------------------------------------------------

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(bytes: Uint8Array, settings: OcrSettings = DEFAULT_OCR_SETTINGS): DecodedImage {
  const s = settings.image;
  const what = 'PNG image';
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 8;
  let w = 0;
  let h = 0;
  let depth = 0;
  let ctype = -1;
  let interlace = 0;
  let palette: Uint8Array | undefined;
  let dpi: number | undefined;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (pos + 8 <= bytes.length) {
    const len = dv.getUint32(pos);
    const type = String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!, bytes[pos + 6]!, bytes[pos + 7]!);
    const start = pos + 8;
    if (start + len > bytes.length) throw bad(what, `chunk ${type} cut short`);
    const body = bytes.subarray(start, start + len);
    if (type === 'IHDR') {
      w = dv.getUint32(start);
      h = dv.getUint32(start + 4);
      depth = body[8]!;
      ctype = body[9]!;
      interlace = body[12]!;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'pHYs' && len >= 9 && body[8] === 1) dpi = plausibleDpi(dv.getUint32(start) * 0.0254, s);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    pos = start + len + 4;
  }
  if (!w || ctype < 0) throw bad(what, 'no IHDR');
  checkSize(what, w, h, settings);
  if (!idat.length) throw bad(what, 'no image data');
  if (interlace) throw bad(what, 'interlaced PNG');
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[ctype];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth)) throw bad(what, `colour type ${ctype}, depth ${depth}`);
  let raw: Uint8Array;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch (e) {
    throw bad(what, ended ? 'bad compressed data' : 'truncated file');
  }
  const bpp = Math.max(1, (channels * depth) >> 3);
  const stride = Math.ceil((w * channels * depth) / 8);
  if (raw.length < (stride + 1) * h) throw bad(what, 'truncated image data');
  const cur = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  const samples = new Uint8Array(w * h * channels);
  for (let y = 0; y < h; y++) {
    const at = y * (stride + 1);
    const f = raw[at]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[at + 1 + i]!;
      const a = i >= bpp ? cur[i - bpp]! : 0;
      const b = prev[i]!;
      const c = i >= bpp ? prev[i - bpp]! : 0;
      cur[i] = f === 0 ? x : f === 1 ? x + a : f === 2 ? x + b : f === 3 ? x + ((a + b) >> 1) : f === 4 ? x + paeth(a, b, c) : -1;
    }
    if (f > 4) throw bad(what, `filter ${f}`);
    const o = y * w * channels;
    if (depth === 8) samples.set(cur, o);
    else if (depth === 16) for (let i = 0; i < w * channels; i++) samples[o + i] = cur[i * 2]!;
    else {
      const per = 8 / depth;
      const mask = (1 << depth) - 1;
      const scale = ctype === 3 ? 1 : 255 / mask;
      for (let i = 0; i < w * channels; i++) {
        const byte = cur[Math.floor(i / per)]!;
        const v = (byte >> (8 - depth * ((i % per) + 1))) & mask;
        samples[o + i] = v * scale;
      }
    }
    prev.set(cur);
  }
  if (ctype === 3) {
    if (!palette) throw bad(what, 'palette missing');
    const rgb = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) {
      const p = samples[i]! * 3;
      rgb[i * 3] = palette[p] ?? 0;
      rgb[i * 3 + 1] = palette[p + 1] ?? 0;
      rgb[i * 3 + 2] = palette[p + 2] ?? 0;
    }
    return { ...toGrey(rgb, w, h, 3, s.redSealMargin), ...(dpi ? { dpi } : {}) };
  }
  return { ...toGrey(samples, w, h, channels, s.redSealMargin), ...(dpi ? { dpi } : {}) };
}

// --- JPEG (pdf.js's pure-JS decoder) -------------------------------------------------------------

interface JpegDecoder {
  width: number;
  height: number;
  numComponents: number;
  parse(data: Uint8Array): void;
  getData(o: { width: number; height: number; forceRGB?: boolean; forceRGBA?: boolean }): Uint8ClampedArray | Uint8Array;
}
let jpegCtor: Promise<new (o?: object) => JpegDecoder> | undefined;

function jpegDpi(b: Uint8Array, s: ImageSettings): number | undefined {
  // JFIF APP0: FF E0 len 'JFIF\0' ver(2) units(1) xdensity(2)
  if (b[2] === 0xff && b[3] === 0xe0 && b[6] === 0x4a && b[7] === 0x46 && b[8] === 0x49 && b[9] === 0x46) {
    const units = b[13];
    const x = (b[14]! << 8) | b[15]!;
    return plausibleDpi(units === 1 ? x : units === 2 ? x * 2.54 : undefined, s);
  }
  return undefined;
}

export async function decodeJpeg(bytes: Uint8Array, settings: OcrSettings = DEFAULT_OCR_SETTINGS): Promise<DecodedImage> {
  const s = settings.image;
  jpegCtor ??= import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' as string).then(
    (m: { JpegImage: new (o?: object) => JpegDecoder }) => m.JpegImage,
  );
  const Ctor = await jpegCtor;
  const j = new Ctor();
  try {
    j.parse(bytes);
  } catch (e) {
    throw bad('JPEG image', String((e as Error)?.message ?? e).split('\n')[0]!);
  }
  checkSize('JPEG image', j.width, j.height, settings);
  let data: Uint8ClampedArray | Uint8Array;
  try {
    data = j.getData({ width: j.width, height: j.height, forceRGB: j.numComponents !== 1 });
  } catch (e) {
    throw bad('JPEG image', String((e as Error)?.message ?? e).split('\n')[0]!);
  }
  const ch = data.length / (j.width * j.height);
  const dpi = jpegDpi(bytes, s);
  return { ...toGrey(data, j.width, j.height, ch >= 3 ? 3 : 1, s.redSealMargin), ...(dpi ? { dpi } : {}) };
}

// --- TIFF (strips; none, LZW, Deflate, PackBits; 1/8-bit grey, 8-bit RGB) ------------------------

function lzwDecode(src: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let op = 0;
  const dict: Uint8Array[] = [];
  const reset = (): void => {
    dict.length = 0;
    for (let i = 0; i < 256; i++) dict.push(Uint8Array.of(i));
    dict.push(new Uint8Array(0), new Uint8Array(0));
  };
  reset();
  let bits = 9;
  let bitPos = 0;
  let prev: Uint8Array | undefined;
  const total = src.length * 8;
  while (bitPos + bits <= total && op < expected) {
    let code = 0;
    for (let k = 0; k < bits; k++) {
      const p = bitPos + k;
      code = (code << 1) | ((src[p >> 3]! >> (7 - (p & 7))) & 1);
    }
    bitPos += bits;
    if (code === 256) {
      reset();
      bits = 9;
      prev = undefined;
      continue;
    }
    if (code === 257) break;
    let entry: Uint8Array;
    if (code < dict.length) entry = dict[code]!;
    else if (prev && code === dict.length) {
      entry = new Uint8Array(prev.length + 1);
      entry.set(prev);
      entry[prev.length] = prev[0]!;
    } else throw new Error('bad LZW code');
    const n = Math.min(entry.length, expected - op);
    out.set(entry.subarray(0, n), op);
    op += n;
    if (prev) {
      const e = new Uint8Array(prev.length + 1);
      e.set(prev);
      e[prev.length] = entry[0]!;
      dict.push(e);
    }
    prev = entry;
    if (dict.length + 1 >= 1 << bits && bits < 12) bits++;
  }
  return out;
}

function packBits(src: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let i = 0;
  let o = 0;
  while (i < src.length && o < expected) {
    const n = (src[i++]! << 24) >> 24;
    if (n >= 0) {
      out.set(src.subarray(i, i + n + 1).subarray(0, expected - o), o);
      o += n + 1;
      i += n + 1;
    } else if (n !== -128) {
      out.fill(src[i++]!, o, Math.min(expected, o - n + 1));
      o += -n + 1;
    }
  }
  return out;
}

export function decodeTiff(bytes: Uint8Array, settings: OcrSettings = DEFAULT_OCR_SETTINGS): DecodedImage[] {
  const s = settings.image;
  const what = 'TIFF image';
  if (bytes.length < 8) throw bad(what, 'too short');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  const u16 = (p: number): number => dv.getUint16(p, le);
  const u32 = (p: number): number => dv.getUint32(p, le);
  const pages: DecodedImage[] = [];
  let ifd = u32(4);
  const seen = new Set<number>();
  try {
    while (ifd && !seen.has(ifd) && pages.length < 500) {
      seen.add(ifd);
      if (ifd + 2 > bytes.length) throw new Error('IFD outside the file');
      const n = u16(ifd);
      const tags = new Map<number, number[]>();
      for (let k = 0; k < n; k++) {
        const e = ifd + 2 + k * 12;
        const tag = u16(e);
        const type = u16(e + 2);
        const count = u32(e + 4);
        const size = type === 3 ? 2 : type === 4 ? 4 : type === 5 ? 8 : 1;
        const at = count * size <= 4 ? e + 8 : u32(e + 8);
        const vals: number[] = [];
        for (let i = 0; i < Math.min(count, 100_000); i++) {
          const p = at + i * size;
          if (p + size > bytes.length) throw new Error('tag outside the file');
          vals.push(type === 3 ? u16(p) : type === 4 ? u32(p) : type === 5 ? u32(p) / (u32(p + 4) || 1) : bytes[p]!);
        }
        tags.set(tag, vals);
      }
      ifd = u32(ifd + 2 + n * 12);
      const one = (t: number, d: number): number => tags.get(t)?.[0] ?? d;
      const w = one(256, 0);
      const h = one(257, 0);
      checkSize(what, w, h, settings);
      const comp = one(259, 1);
      const photo = one(262, 1);
      const spp = one(277, 1);
      const bps = one(258, 1);
      const rps = one(278, h);
      const offsets = tags.get(273);
      const counts = tags.get(279);
      if (!offsets || !counts) throw new Error(tags.has(322) ? 'tiled TIFF' : 'no strips');
      if (![1, 5, 8, 32946, 32773].includes(comp)) throw new Error(`compression ${comp} (CCITT/JPEG)`);
      if (!(bps === 1 && spp === 1) && !(bps === 8 && (spp === 1 || spp >= 3))) throw new Error(`${bps}-bit, ${spp} samples`);
      const stride = Math.ceil((w * spp * bps) / 8);
      const raw = new Uint8Array(stride * h);
      for (let s = 0; s < offsets.length; s++) {
        const src = bytes.subarray(offsets[s]!, offsets[s]! + (counts[s] ?? 0));
        const rows = Math.min(rps, h - s * rps);
        if (rows <= 0) break;
        const exp = rows * stride;
        const dec =
          comp === 1 ? src.subarray(0, exp) : comp === 5 ? lzwDecode(src, exp) : comp === 32773 ? packBits(src, exp) : new Uint8Array(inflateSync(src));
        raw.set(dec.subarray(0, exp), s * rps * stride);
      }
      if (one(317, 1) === 2 && bps === 8) {
        for (let y = 0; y < h; y++) for (let i = spp; i < stride; i++) raw[y * stride + i] = (raw[y * stride + i]! + raw[y * stride + i - spp]!) & 255;
      }
      let img: GreyImage;
      if (bps === 1) {
        const g = new Uint8Array(w * h);
        const black = photo === 0 ? 1 : 0; // WhiteIsZero: 1 is black
        for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) g[y * w + x] = ((raw[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1) === black ? 0 : 255;
        img = { width: w, height: h, data: g };
      } else {
        img = toGrey(raw, w, h, spp === 1 ? 1 : spp, s.redSealMargin);
        if (photo === 0 && spp === 1) for (let i = 0; i < img.data.length; i++) img.data[i] = 255 - img.data[i]!;
      }
      const unit = one(296, 2);
      const xr = tags.get(282)?.[0];
      const dpi = plausibleDpi(xr === undefined ? undefined : unit === 3 ? xr * 2.54 : xr, s);
      pages.push(dpi ? { ...img, dpi } : img);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw bad(what, String((e as Error)?.message ?? e).split('\n')[0]!);
  }
  if (!pages.length) throw bad(what, 'no pages');
  return pages;
}

/** Decode an image document into its pages (TIFF may hold several). */
export async function decodeImagePages(bytes: Uint8Array, settings: OcrSettings = DEFAULT_OCR_SETTINGS): Promise<DecodedImage[]> {
  if (bytes.length === 0) throw new InputError('empty file (0 bytes): re-download the document');
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return [decodePng(b, settings)];
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return [await decodeJpeg(b, settings)];
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a)) return decodeTiff(b, settings);
  if (b[0] === 0x50 && (b[1] === 0x35 || b[1] === 0x32)) return [decodePgm(b)];
  throw new InputError('unsupported image format (not PNG, JPEG or TIFF): convert the scan to PNG');
}

/** Binary PGM (P5), 8-bit. */
export function decodePgm(bytes: Uint8Array, settings: OcrSettings = DEFAULT_OCR_SETTINGS): DecodedImage {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  const m = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m) throw bad('PGM image', 'bad header');
  const w = +m[1]!;
  const h = +m[2]!;
  checkSize('PGM image', w, h, settings);
  const off = m[0].length;
  if (+m[3]! > 255 || bytes.length < off + w * h) throw bad('PGM image', 'truncated');
  return { width: w, height: h, data: bytes.slice(off, off + w * h) };
}

export function encodePgm(img: GreyImage): Uint8Array {
  const head = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1');
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head);
  out.set(img.data, head.length);
  return out;
}

// --- geometry ------------------------------------------------------------------------------------

/** Turn clockwise by k quarter turns. */
export function rotateQuarter(img: GreyImage, k: number): GreyImage {
  k = ((k % 4) + 4) % 4;
  if (k === 0) return img;
  const { width: w, height: h, data } = img;
  const W = k === 2 ? w : h;
  const H = k === 2 ? h : w;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let X: number;
      let Y: number;
      if (k === 1) {
        X = h - 1 - y;
        Y = x;
      } else if (k === 2) {
        X = w - 1 - x;
        Y = h - 1 - y;
      } else {
        X = y;
        Y = w - 1 - x;
      }
      out[Y * W + X] = data[row + x]!;
    }
  }
  return { width: W, height: H, data: out };
}

/** Rotate by a small angle (degrees, positive = clockwise on screen) about the centre, bilinear,
 *  same size, white outside. */
export function rotateSmall(img: GreyImage, deg: number): GreyImage {
  if (Math.abs(deg) < 0.01) return img;
  const { width: w, height: h, data } = img;
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cxp = (w - 1) / 2;
  const cyp = (h - 1) / 2;
  const out = new Uint8Array(w * h);
  for (let Y = 0; Y < h; Y++) {
    const dy = Y - cyp;
    // inverse mapping: source = R(-a) * dest
    let sx = cxp + -dy * -sin + -cxp * cos;
    let sy = cyp + dy * cos + -cxp * -sin;
    for (let X = 0, o = Y * w; X < w; X++, o++, sx += cos, sy -= sin) {
      // (a negative coordinate is outside; else truncation is the floor)
      if (sx < 0 || sy < 0) {
        out[o] = 255;
        continue;
      }
      const x0 = sx | 0;
      const y0 = sy | 0;
      if (x0 >= w - 1 || y0 >= h - 1) {
        out[o] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const p = y0 * w + x0;
      const a = data[p]!;
      const c = data[p + w]!;
      const top = a + (data[p + 1]! - a) * fx;
      const bot = c + (data[p + w + 1]! - c) * fx;
      out[o] = top + (bot - top) * fy;
    }
  }
  return { width: w, height: h, data: out };
}

/** For each of `n` output pixels of a line of `len` source pixels reduced by `f` (< 1): the source
 *  pixels it covers, each with the share of it covered (area averaging: a 300 → 200 dpi reduction
 *  takes one and a half source pixels for each, so a 2 px rule stays an even grey 1.3 px, not
 *  alternately one and two pixels as whole-pixel boxes make it). */
function areaWeights(len: number, n: number): { start: number; weights: Float64Array }[] {
  const step = len / n;
  const out: { start: number; weights: Float64Array }[] = [];
  for (let i = 0; i < n; i++) {
    const a = i * step;
    const b = Math.min(len, (i + 1) * step);
    const start = Math.floor(a);
    const end = Math.min(len, Math.ceil(b));
    const weights = new Float64Array(Math.max(1, end - start));
    for (let j = start; j < end; j++) weights[j - start] = (Math.min(b, j + 1) - Math.max(a, j)) / (b - a);
    out.push({ start, weights });
  }
  return out;
}

/** Scale by a factor (bilinear up, area-average down). */
export function scale(img: GreyImage, f: number): GreyImage {
  const W = Math.max(1, Math.round(img.width * f));
  const H = Math.max(1, Math.round(img.height * f));
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(W * H);
  if (f < 1) {
    // separable: columns reduced on each source row, then rows
    const xs = areaWeights(w, W);
    const ys = areaWeights(h, H);
    const rows = new Float64Array(W * h);
    for (let y = 0; y < h; y++) {
      const r = y * w;
      for (let X = 0; X < W; X++) {
        const { start, weights } = xs[X]!;
        let s = 0;
        for (let k = 0; k < weights.length; k++) s += data[r + start + k]! * weights[k]!;
        rows[y * W + X] = s;
      }
    }
    for (let Y = 0; Y < H; Y++) {
      const { start, weights } = ys[Y]!;
      for (let X = 0; X < W; X++) {
        let s = 0;
        for (let k = 0; k < weights.length; k++) s += rows[(start + k) * W + X]! * weights[k]!;
        out[Y * W + X] = Math.round(s);
      }
    }
    return { width: W, height: H, data: out };
  }
  for (let Y = 0; Y < H; Y++) {
    const sy = Math.min(h - 1.001, Math.max(0, (Y + 0.5) / f - 0.5));
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let X = 0; X < W; X++) {
      const sx = Math.min(w - 1.001, Math.max(0, (X + 0.5) / f - 0.5));
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const p = y0 * w + x0;
      const q = Math.min(p + w, data.length - 2);
      const top = data[p]! + (data[p + 1]! - data[p]!) * fx;
      const bot = data[q]! + (data[q + 1]! - data[q]!) * fx;
      out[Y * W + X] = top + (bot - top) * fy;
    }
  }
  return { width: W, height: H, data: out };
}

/** `img` blurred 1-2-1 horizontally and vertically (a new image; edges repeat). */
export function blur121(img: GreyImage): GreyImage {
  const { width: w, height: h, data: d } = img;
  const t = new Uint16Array(d.length);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      t[i] = d[x > 0 ? i - 1 : i]! + 2 * d[i]! + d[x + 1 < w ? i + 1 : i]!;
    }
  }
  const out = new Uint8Array(d.length);
  for (let y = 0; y < h; y++) {
    const up = y > 0 ? -w : 0;
    const down = y + 1 < h ? w : 0;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      out[i] = (t[i + up]! + 2 * t[i]! + t[i + down]! + 8) >> 4;
    }
  }
  return { width: w, height: h, data: out };
}

/** Enlarge by a factor `f` (> 1) with bicubic (Catmull-Rom) interpolation, separable: rows, then
 *  columns. Sharper than bilinear: the edges of a 150 dpi page's small print enlarged to 200 dpi
 *  stay steep, where bilinear blurs them into the counters (4.70 read as 1.70, 合 as 司). */
export function enlargeBicubic(img: GreyImage, f: number): GreyImage {
  const W = Math.max(1, Math.round(img.width * f));
  const H = Math.max(1, Math.round(img.height * f));
  const { width: w, height: h, data } = img;
  // for each output position along an axis: the first of its four source samples and their weights
  const taps = (len: number, n: number): { at: Int32Array; wt: Float64Array } => {
    const at = new Int32Array(n * 4);
    const wt = new Float64Array(n * 4);
    const g = len / n;
    for (let i = 0; i < n; i++) {
      const s = (i + 0.5) * g - 0.5;
      const i0 = Math.floor(s);
      const t = s - i0;
      const t2 = t * t;
      const t3 = t2 * t;
      const k = [(-t3 + 2 * t2 - t) / 2, (3 * t3 - 5 * t2 + 2) / 2, (-3 * t3 + 4 * t2 + t) / 2, (t3 - t2) / 2];
      for (let j = 0; j < 4; j++) {
        at[i * 4 + j] = Math.min(len - 1, Math.max(0, i0 - 1 + j));
        wt[i * 4 + j] = k[j]!;
      }
    }
    return { at, wt };
  };
  const xs = taps(w, W);
  const ys = taps(h, H);
  const rows = new Float32Array(W * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let X = 0; X < W; X++) {
      const q = X * 4;
      rows[y * W + X] = data[r + xs.at[q]!]! * xs.wt[q]! + data[r + xs.at[q + 1]!]! * xs.wt[q + 1]! + data[r + xs.at[q + 2]!]! * xs.wt[q + 2]! + data[r + xs.at[q + 3]!]! * xs.wt[q + 3]!;
    }
  }
  const out = new Uint8Array(W * H);
  for (let Y = 0; Y < H; Y++) {
    const q = Y * 4;
    const r0 = ys.at[q]! * W, r1 = ys.at[q + 1]! * W, r2 = ys.at[q + 2]! * W, r3 = ys.at[q + 3]! * W;
    const a = ys.wt[q]!, b = ys.wt[q + 1]!, c = ys.wt[q + 2]!, d = ys.wt[q + 3]!;
    for (let X = 0; X < W; X++) {
      const v = rows[r0 + X]! * a + rows[r1 + X]! * b + rows[r2 + X]! * c + rows[r3 + X]! * d;
      out[Y * W + X] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
    }
  }
  return { width: W, height: H, data: out };
}

export function crop(img: GreyImage, x: number, y: number, w: number, h: number): GreyImage {
  x = Math.max(0, Math.floor(x));
  y = Math.max(0, Math.floor(y));
  w = Math.min(img.width - x, Math.floor(w));
  h = Math.min(img.height - y, Math.floor(h));
  const out = new Uint8Array(w * h);
  for (let r = 0; r < h; r++) out.set(img.data.subarray((y + r) * img.width + x, (y + r) * img.width + x + w), r * w);
  return { width: w, height: h, data: out };
}
