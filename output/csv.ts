// RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break, `\n` ends.
type CsvValue = string | number | null | undefined;

export function csvField(v: CsvValue): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function toCsv(header: readonly string[], rows: readonly CsvValue[][]): string {
  let out = header.map(csvField).join(',') + '\n';
  for (const r of rows) out += r.map(csvField).join(',') + '\n';
  return out;
}

/** Parse RFC 4180 text into records keyed by the header (for reading outputs back: diff, tests). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows = parseCsvRows(text);
  const head = rows.shift() ?? [];
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** Parse RFC 4180 text into its rows of fields (a header, if any, is the first row). */
export function parseCsvRows(text: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i++; } else q = false;
      } else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
