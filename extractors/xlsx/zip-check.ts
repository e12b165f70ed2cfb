// An XLSX workbook's zip, sized before SheetJS inflates it (SheetJS inflates every part whole, with
// no limit): the central directory's sizes are summed first (a zip bomb is refused without
// inflating a byte), then each deflated part is inflated with a ceiling of what is left of the
// budget, because a directory may understate what a part inflates to.
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../../model/stages.js';
import { megabytes, mbToBytes, type SpreadsheetLimits } from '../input-limits.js';

interface ZipPart { name: string; method: number; compressed: number; size: number; localOffset: number }

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries; undefined when the bytes hold none (SheetJS then gives its own
 *  error). Zip64 sizes are read from their extra field. */
function centralDirectory(b: Uint8Array): ZipPart[] | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (dv.getUint32(i, true) === EOCD) { end = i; break; }
  }
  if (end < 0) return undefined;
  let pos = dv.getUint32(end + 16, true);
  const cdEnd = Math.min(end, pos + dv.getUint32(end + 12, true));
  const parts: ZipPart[] = [];
  while (pos + 46 <= cdEnd && dv.getUint32(pos, true) === CENTRAL) {
    const method = dv.getUint16(pos + 10, true);
    let compressed = dv.getUint32(pos + 20, true);
    let size = dv.getUint32(pos + 24, true);
    const nameLen = dv.getUint16(pos + 28, true);
    const extraLen = dv.getUint16(pos + 30, true);
    const commentLen = dv.getUint16(pos + 32, true);
    let localOffset = dv.getUint32(pos + 42, true);
    const name = Buffer.from(b.subarray(pos + 46, pos + 46 + nameLen)).toString('utf8');
    // zip64: the fields set to 0xffffffff follow in the extra field 0x0001, in this order
    for (let e = pos + 46 + nameLen; e + 4 <= pos + 46 + nameLen + extraLen;) {
      const id = dv.getUint16(e, true);
      const len = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const next = (): number => { const v = Number(dv.getBigUint64(q, true)); q += 8; return v; };
        if (size === 0xffffffff && q + 8 <= e + 4 + len) size = next();
        if (compressed === 0xffffffff && q + 8 <= e + 4 + len) compressed = next();
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = next();
      }
      e += 4 + len;
    }
    parts.push({ name, method, compressed, size, localOffset });
    pos += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

const SMALL_PART = 1024 * 1024;

/** Rows with cells in a sheet's XML: closing row tags (`</row>`, or `</x:row>` with a prefix; an
 *  empty row closes itself and is not counted). */
function rowsOf(xml: Buffer): number {
  let tag = Buffer.from('</row>');
  if (xml.indexOf(tag) < 0) tag = Buffer.from(':row>');
  let n = 0;
  for (let i = xml.indexOf(tag); i >= 0; i = xml.indexOf(tag, i + tag.length)) n++;
  return n;
}

/** Refuses (InputError, one line) a workbook whose parts inflate to more than the limits allow:
 *  `maxUncompressedMb` in all, or a part over 1 MB more than `maxCompressionRatio` times its
 *  compressed size. */
export function checkWorkbookZip(bytes: Uint8Array, limits: SpreadsheetLimits): void {
  const parts = centralDirectory(bytes);
  if (!parts) return;
  const max = mbToBytes(limits.maxUncompressedMb);
  const advice = 'split the workbook or raise the limit (settings limits.spreadsheet)';
  const total = parts.reduce((s, p) => s + p.size, 0);
  if (total > max) throw new InputError(`the workbook inflates to ${megabytes(total)} (${bytes.length > 0 ? Math.round(total / bytes.length) : 0}× its ${megabytes(bytes.length)}), over the limit of ${limits.maxUncompressedMb} MB (limits.spreadsheet.maxUncompressedMb): not read; ${advice}`);
  for (const p of parts) {
    if (p.size > SMALL_PART && p.size > limits.maxCompressionRatio * Math.max(1, p.compressed)) {
      throw new InputError(`the workbook part ${p.name} inflates ${Math.round(p.size / Math.max(1, p.compressed))} times (${megabytes(p.compressed)} → ${megabytes(p.size)}), over the limit of ${limits.maxCompressionRatio} (limits.spreadsheet.maxCompressionRatio; a zip bomb?): not read; ${advice}`);
    }
  }
  // the directory may understate: each deflated part is inflated within what is left of the budget
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let left = max;
  for (const p of parts) {
    if (p.method !== 8) { left -= p.size; continue; }
    const at = p.localOffset;
    if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL) continue;
    const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
    let n: number;
    try {
      const part = inflateRawSync(bytes.subarray(start, Math.min(bytes.length, start + p.compressed)), { maxOutputLength: Math.max(1, left + 1) });
      n = part.length;
      if (/^xl\/worksheets\/[^/]+\.xml$/i.test(p.name)) {
        const rows = rowsOf(part);
        if (rows > limits.maxRows) throw new InputError(`the sheet ${p.name} has ${rows} rows, over the limit of ${limits.maxRows} (limits.spreadsheet.maxRows): not read; split the sheet or raise the limit`);
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new InputError(`the workbook inflates to more than its directory says, over the limit of ${limits.maxUncompressedMb} MB (limits.spreadsheet.maxUncompressedMb; part ${p.name}): not read; ${advice}`);
      }
      continue; // a damaged part: SheetJS says what is wrong
    }
    left -= n;
    if (left < 0) throw new InputError(`the workbook inflates to more than ${limits.maxUncompressedMb} MB (limits.spreadsheet.maxUncompressedMb): not read; ${advice}`);
  }
}
