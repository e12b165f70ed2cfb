// Minimal RFC 4180 CSV reading (UTF-8, optional BOM, quoted fields, \n line ends).

interface CsvRecord {
  /** 1-based line number of the record's first line in the file */
  line: number;
  fields: string[];
}

function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let touched = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      inQuotes = true;
      touched = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      touched = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      if (touched || field !== '') {
        fields.push(field);
        out.push({ line: recordLine, fields });
      }
      fields = [];
      field = '';
      touched = false;
      line++;
      recordLine = line;
    } else {
      field += ch;
      touched = true;
    }
  }
  if (touched || field !== '') {
    fields.push(field);
    out.push({ line: recordLine, fields });
  }
  return out;
}

/** Records as objects keyed by the (trimmed, lower-cased) header row. */
export function parseCsvObjects(text: string): { line: number; row: Record<string, string> }[] {
  const recs = parseCsv(text);
  const head = recs[0];
  if (!head) return [];
  const keys = head.fields.map((k) => k.trim().toLowerCase());
  return recs.slice(1).map((r) => {
    const row: Record<string, string> = {};
    keys.forEach((k, i) => (row[k] = (r.fields[i] ?? '').trim()));
    return { line: r.line, row };
  });
}
