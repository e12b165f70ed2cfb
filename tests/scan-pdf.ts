// Scanned PDFs made at test time from text-layer fixture PDFs: each page rendered grey by pdftoppm
// (poppler-utils) at a resolution, then one image per page (DeviceGray, Flate) in a PDF of the
// page's size without any text layer, as a scanner writes it. Deterministic: the same input gives
// the same bytes. Nothing is committed; the PDF goes to a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { runs } from './system-tools.js';

export const hasPdftoppm = (): boolean => runs('pdftoppm', '-v');

interface Grey { width: number; height: number; data: Uint8Array }

/** A binary PGM (P5, maxval 255) as pdftoppm -gray writes it. */
function parsePgm(b: Buffer): Grey {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (/\s/.test(String.fromCharCode(b[pos]!))) pos++;
      if (b[pos] === 0x23) while (b[pos] !== 0x0a) pos++;
      else break;
    }
    const start = pos;
    while (!/\s/.test(String.fromCharCode(b[pos]!))) pos++;
    return b.subarray(start, pos).toString('latin1');
  };
  if (token() !== 'P5') throw new Error('not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  if (Number(token()) !== 255) throw new Error('PGM maxval other than 255');
  pos++; // the one white space before the pixels
  return { width, height, data: new Uint8Array(b.subarray(pos, pos + width * height)) };
}

/** PDF bytes of grey page images, one per page, each page `width / dpi` inches wide. */
export function imagesToPdf(pages: readonly Grey[], dpi: number): Uint8Array {
  const objects: Buffer[] = [];
  const add = (body: Buffer): number => objects.push(body);
  const kids: number[] = [];
  const pagesRef = 2;
  add(Buffer.from(`<< /Type /Catalog /Pages ${pagesRef} 0 R >>`));
  add(Buffer.alloc(0)); // the page tree, filled in below
  for (const p of pages) {
    const w = (p.width * 72) / dpi;
    const h = (p.height * 72) / dpi;
    const img = deflateSync(p.data);
    const imgRef = add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${img.length} >>\nstream\n`), img, Buffer.from('\nendstream')]));
    const ops = Buffer.from(`q ${w.toFixed(3)} 0 0 ${h.toFixed(3)} 0 0 cm /Im0 Do Q`);
    const contentRef = add(Buffer.concat([Buffer.from(`<< /Length ${ops.length} >>\nstream\n`), ops, Buffer.from('\nendstream')]));
    kids.push(add(Buffer.from(`<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${w.toFixed(3)} ${h.toFixed(3)}] /Resources << /XObject << /Im0 ${imgRef} 0 R >> >> /Contents ${contentRef} 0 R >>`)));
  }
  objects[pagesRef - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** A scanned PDF of `pages` (1-based) of the PDF `file`, rendered grey at `dpi` by pdftoppm;
 *  `change` (optional) alters each page image first (turned, skewed: a scanner's page). */
export function scanPdf(file: string, pages: readonly number[], dpi: number, change?: (page: Grey) => Grey): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'fiscal-extract-scan-'));
  try {
    const images = pages.map((p) => {
      const r = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(p), '-l', String(p), '-singlefile', file, join(dir, `p${p}`)], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0) throw new Error(`pdftoppm failed on page ${p} of ${file}: ${String(r.stderr).split('\n')[0]}`);
      const out = readdirSync(dir).find((f) => f.startsWith(`p${p}.`))!;
      const page = parsePgm(readFileSync(join(dir, out)));
      return change ? change(page) : page;
    });
    return imagesToPdf(images, dpi);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
