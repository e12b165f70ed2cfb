// Where a cell sits in a source without pages, as facts.csv `source_ref` writes it:
// - a workbook cell as a spreadsheet names it: `Sheet!C7` (a sheet name other than one word is
//   quoted, `'2024 决算'!C7`, a quote inside doubled); merged cells name their top-left cell;
// - an HTML table cell: `table[T]!rRcC`, T the table's place among all <table> elements of the
//   page in document order (nested ones too: `document.querySelectorAll('table')[T-1]`), R the
//   row's place among that table's own rows as laid out (`table.rows[R-1]`: <thead> first,
//   <tfoot> last), C the column on the grid those rows make, colspan and rowspan counted; all
//   1-based.

/** `A`, …, `Z`, `AA`, … of a 0-based column */
function columnLetters(col: number): string {
  let out = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

/** `Sheet!C7` of the 0-based row and column */
export function sheetCellRef(sheet: string, row: number, col: number): string {
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(col)}${row + 1}`;
}

/** `table[T]!rRcC` of the 1-based table index and the 0-based row and grid column */
export function htmlCellRef(table: number, row: number, col: number): string {
  return `table[${table}]!r${row + 1}c${col + 1}`;
}
