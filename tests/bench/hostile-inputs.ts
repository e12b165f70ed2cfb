// Hostile inputs made on the spot (nothing binary is committed): a PDF with one huge embedded image
// (a Flate stream of white rows: a few MB on disk, gigapixels decoded), a page thousands of points
// square drawn with curves (so it is rendered for OCR), a blank PDF, an XLSX zip bomb, an XLSX with
// a huge sheet, a huge HTML page, UTF-16 text. Used by the hostile benchmark (tests/bench/hostile.ts)
// at the sizes and by tier-1 tests at small ones.
import { createDeflateRaw, crc32, deflateSync } from 'node:zlib';

/** A PDF from its objects' bodies (1-based object numbers in order; object 1 is the catalog). */
export function pdfFromObjects(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    offset += b.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const stream = (dict: string, data: Buffer): Buffer => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

/** Deflate (zlib) of `total` bytes of `fill`, made chunk by chunk (gigabytes never held at once). */
async function zlibOfFill(total: number, fill: number): Promise<Buffer> {
  const { createDeflate } = await import('node:zlib');
  const z = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => { z.on('end', resolve); z.on('error', reject); });
  const chunk = Buffer.alloc(Math.min(total, 4 << 20), fill);
  for (let left = total; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    if (!z.write(part)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

/** An A4 page that is one grey image of `width` × `height` pixels (white), Flate-compressed; with
 *  `textPage`, a page of text (a table's title and one row) before it. */
export async function pdfWithImage(width: number, height: number, opts: { textPage?: boolean } = {}): Promise<Buffer> {
  const pixels = await zlibOfFill(width * height, 0xff);
  const content = Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q', 'latin1');
  const text = Buffer.from('BT /F1 12 Tf 72 760 Td (Table 1 Expenditure 2026) Tj 0 -20 Td (Total 1234.56) Tj ET', 'latin1');
  const kids = opts.textPage ? '[6 0 R 3 0 R]' : '[3 0 R]';
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids ${kids} /Count ${opts.textPage ? 2 : 1} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>',
    stream('', content),
    stream(`/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, pixels),
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 8 0 R >> >> /Contents 7 0 R >>',
    stream('', text),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** A page `side` points square with no text and many small curves (text drawn as outlines): a page
 *  OCR must render. */
export function pdfLargePage(side: number, curves = 120): Buffer {
  const ops: string[] = ['0 g'];
  for (let i = 0; i < curves; i++) {
    const x = 50 + (i % 12) * 40;
    const y = side - 100 - Math.floor(i / 12) * 40;
    ops.push(`${x} ${y} m ${x + 10} ${y + 20} ${x + 20} ${y + 20} ${x + 30} ${y} c ${x + 15} ${y - 10} l f`);
  }
  const content = Buffer.from(ops.join('\n'), 'latin1');
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${side} ${side}] /Contents 4 0 R >>`,
    stream('', content),
  ]);
}

/** One blank A4 page. */
export function pdfBlank(): Buffer {
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('', Buffer.alloc(0)),
  ]);
}

interface ZipEntry { name: string; data: Buffer; crc: number; size: number }

/** A zip of deflated entries (local headers, central directory, end record; no zip64). */
function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0x0800, 6); lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(e.crc >>> 0, 14); lh.writeUInt32LE(e.data.length, 18); lh.writeUInt32LE(e.size >>> 0, 22); lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(20, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(0x0800, 8); ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(e.crc >>> 0, 16); ch.writeUInt32LE(e.data.length, 20); ch.writeUInt32LE(e.size >>> 0, 24); ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, e.data);
    central.push(ch, name);
    offset += lh.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const small = (name: string, text: string): ZipEntry => {
  const raw = Buffer.from(text, 'utf8');
  return { name, data: deflateSync(raw, { level: 9 }).subarray(2, -4), crc: crc32(raw), size: raw.length };
};

/** The sheet part: raw deflate of the pieces `parts` yields (streamed: gigabytes never held at once), with its CRC. */
async function deflatedSheet(parts: Iterable<string | Buffer>, level = 6): Promise<ZipEntry> {
  const z = createDeflateRaw({ level });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => { z.on('end', resolve); z.on('error', reject); });
  let crc = 0;
  let size = 0;
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(out), crc, size };
}

function workbook(sheet: ZipEntry): Buffer {
  return zipOf([
    small('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
    small('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    small('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    small('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
    // a styles part as Excel writes one (without it SheetJS throws and catches once per cell)
    small('xl/styles.xml', '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>'),
    sheet,
  ]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** An XLSX whose one sheet is `rows` rows of a code, a name and two amounts. */
export async function xlsxRows(rows: number): Promise<Buffer> {
  const row = (i: number): string => {
    const r = i + 1;
    return `<row r="${r}"><c r="A${r}"><v>${2010000 + (i % 90000)}</v></c><c r="B${r}" t="inlineStr"><is><t>项目${r}</t></is></c><c r="C${r}"><v>${(i % 9973) + 0.25}</v></c><c r="D${r}"><v>${(i % 7919) + 0.5}</v></c></row>`;
  };
  function* parts(): Generator<string> {
    yield SHEET_HEAD;
    let batch = '';
    for (let i = 0; i < rows; i++) {
      batch += row(i);
      if (batch.length > 1 << 20) { yield batch; batch = ''; }
    }
    yield batch + SHEET_TAIL;
  }
  return workbook(await deflatedSheet(parts()));
}

/** An XLSX zip bomb: a sheet that inflates to about `bytes` bytes (one row, then blank space). */
export async function xlsxZipBomb(bytes: number): Promise<Buffer> {
  const pad = Buffer.alloc(4 << 20, 0x20);
  function* parts(): Generator<string | Buffer> {
    yield SHEET_HEAD + '<row r="1"><c r="A1"><v>1</v></c></row>';
    for (let left = bytes; left > 0; left -= pad.length) yield left >= pad.length ? pad : pad.subarray(0, left);
    yield SHEET_TAIL;
  }
  return workbook(await deflatedSheet(parts(), 9));
}

/** An HTML page of about `bytes` bytes: one table of budget-like rows. */
export function bigHtml(bytes: number): Buffer {
  const head = '<!doctype html><html><head><meta charset="utf-8"><title>支出决算表</title></head><body><p>公开05表</p><p>一般公共预算财政拨款支出决算表</p><table><tr><td>科目编码</td><td>科目名称</td><td>合计</td></tr>';
  const rows: string[] = [];
  let n = head.length;
  for (let i = 0; n < bytes; i++) {
    const r = `<tr><td>${2010000 + (i % 90000)}</td><td>项目${i}</td><td>${(i % 9973) + 0.25}</td></tr>\n`;
    rows.push(r);
    n += Buffer.byteLength(r);
  }
  return Buffer.from(head + rows.join('') + '</table></body></html>', 'utf8');
}

/** Text as UTF-16LE with a byte-order mark. */
export function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
