// A located grid → a Table: header rows flattened, each column given a role (code, name, measure,
// row number), side-by-side and two-sided blocks split into sections, and each data row read per
// block. Layout damage seen in real dumps (a label printed in an amount column, an amount printed
// in the next block's name column) is repaired where it is unambiguous and flagged.
import type { ColumnSpec, Table, TableRow } from '../../model/types.js';
import { cleanLabel, headerKey } from '../values/labels.js';
import { parseNumber } from '../values/numbers.js';
import { alignRows, flattenHeader, isColumnNumberLine, isDataRow, isPreambleRow, tableWidth } from './header.js';
import { bracketedCode, CODE_PART_RE, isBlank, isCode, isCodeHeaderRemnant, isNumberCell } from './grid-text.js';
import { approxMeasureOf, measureOf, sectionOf, type KindDef } from './kinds.js';
import { assignMeasures, currentYear, kindValue, sharedLevelCount } from './measures.js';
import { transposeItemColumns } from './transpose.js';
import { columnNumberWordRow, ocrColumnNumbers } from './ocr-column-numbers.js';
import { headerLevels, roleOf } from './header-words.js';
import type { TableCandidate } from './locate.js';

const ROW_NO_HEADER = /(行次|栏次|序号)$/;
const CODE_HEADER = /(编码|代码|科目编号|类款项|^类$|^款$|^项$)/;
/** a column of the units' own numbers (单位编码 153, 部门代码 309): not a classification code */
const UNIT_CODE_HEADER = /(单位|部门)(代码|编码|编号)$/;
const LABEL_HEADER = /(名称$|^项目(按.*)?$|^科目$|^内容$|^摘要$)/;

interface UnderstandOptions {
  /** the document's fiscal year: a column of an earlier year is a prior-year column */
  fiscalYear?: string;
}

export function understandTable(cand: TableCandidate, kind: KindDef | undefined, tableId: string, opts: UnderstandOptions = {}): Table {
  const raw = cand.grid.rows.map((r) => r.map((c) => c.text));
  const width = tableWidth(raw);
  let rows = alignRows(raw, width);
  // for each aligned cell, the grid column it came from (-1: a blank put in to align a short row)
  const sources = raw.map((r) => alignedSources(r.length, width));

  // header: the rows between the preamble and the first data row; 栏次 rows dropped
  let start = cand.titleRow ? 1 : 0;
  while (start < rows.length && !isDataRow(rows[start]!) && isPreambleRow(rows[start]!)) start++;
  let dataStart = start;
  while (dataStart < rows.length && !isDataRow(rows[dataStart]!)) dataStart++;
  // an OCR'd 栏次 row whose word and numbers were misread: no header, no data, and it numbers the columns
  const colNos = cand.grid.method === 'ocr' ? ocrColumnNumbers(rows, start, dataStart) : undefined;
  const headerRows = withMergedText(cand, rows, start, dataStart).filter((r, k) => !isColumnNumberLine(r) && start + k !== colNos?.row);
  const dataRows = withoutRepeatedTotals(cand, rows.map((r, i) => ({ r, i })).filter(({ r, i }) => i >= dataStart && !isColumnNumberLine(r) && i !== colNos?.row && !(cand.grid.method === 'ocr' && columnNumberWordRow(r))));
  const header = withLevelWords(betterHeaderReadings(flattenHeader(headerRows, width), cand, width, kind), dataRows.map((d) => d.r));

  const columns = assignColumns(header, dataRows.map((d) => d.r), width, kind, colNos?.offset, cand.grid.method === 'ocr');
  assignMeasures(columns, { kind, fiscalYear: opts.fiscalYear ?? '', data: dataRows.map((d) => d.r), ocr: cand.grid.method === 'ocr', ...(colNos?.offset !== undefined ? { columnNumberOffset: colNos.offset } : {}) });
  // a short row in a side-by-side table (merged summary cells: 人员经费合计 | 2,146.63 | 公用经费合计
  // | 183.22) is placed block by block, not right-aligned
  if (new Set(columns.map((c) => c.block)).size > 1) {
    rows = rows.map((r, i) => {
      const rawRow = raw[i]!;
      if (i < dataStart || rawRow.length >= width) return r;
      const spread = spreadOverBlocks(rawRow, columns, width);
      if (!spread) return r;
      sources[i] = spread.sources;
      return spread.cells;
    });
    for (const d of dataRows) d.r = rows[d.i]!;
  }
  const tableRows: TableRow[] = [];
  const flags = new Set<string>();
  for (const { r, i } of dataRows) {
    const read = readRow(r, i, columns, sources[i]!, cand.grid.method === 'ocr');
    for (const tr of read) {
      const page = cand.grid.rowPages?.[i] ?? cand.grid.page_first ?? cand.page;
      if (page !== undefined) tr.page = page;
      if (cand.grid.rows[i]?.some((c) => c.bold)) tr.bold = true;
      tr.flags.forEach((f) => flags.add(f));
      tableRows.push(tr);
    }
  }
  joinSplitCodes(tableRows);
  const rowsOut = transposeItemColumns(
    tableRows.flatMap((r) => (r.flags.includes('unlabelled_row') ? itemsFromHeader(r, header, kind, opts.fiscalYear ?? '', cand.grid.method === 'ocr') : [r])),
    columns,
    kind,
    opts.fiscalYear ?? '',
  );
  separateRepeatedSections(rowsOut, columns);

  const table: Table = {
    table_id: tableId,
    table_kind: kind?.id ?? 'unknown',
    table_no: cleanLabel(cand.table_no),
    title: cand.title,
    unit: cand.unit,
    method: cand.grid.method,
    header,
    columns,
    rows: rowsOut,
    grid: cand.grid,
    headerRows: dataStart,
    notes: cand.notes,
    flags: [...flags],
  };
  const pf = cand.grid.page_first ?? cand.page;
  if (pf !== undefined) table.page_first = pf;
  const pl = cand.grid.page_last ?? pf;
  if (pl !== undefined) table.page_last = pl;
  return table;
}

/** Side-by-side blocks that share a section and print the same row labels or codes (a 总表 printing
 *  its expenditure side once by function and again by economic class, each with its 本年支出合计)
 *  would write one key twice: each later block is a section of its own, `<section>_<n>` (n = its
 *  place among the blocks of that section, from 2). */
function separateRepeatedSections(rows: TableRow[], columns: ColumnSpec[]): void {
  const blocksOf = new Map<string, number[]>();
  for (const c of columns) {
    if (!c.section) continue;
    const list = blocksOf.get(c.section) ?? [];
    if (!list.includes(c.block)) list.push(c.block);
    blocksOf.set(c.section, list);
  }
  for (const [section, blocks] of blocksOf) {
    if (blocks.length < 2) continue;
    blocks.sort((a, b) => a - b);
    const seen = new Set<string>();
    const keyOf = (r: TableRow) => r.code || cleanLabel(r.item);
    blocks.forEach((b, n) => {
      const mine = rows.filter((r) => r.block === b && r.values.length);
      const repeats = n > 0 && mine.some((r) => seen.has(keyOf(r)));
      mine.forEach((r) => seen.add(keyOf(r)));
      if (!repeats) return;
      const renamed = `${section}_${n + 1}`;
      for (const r of rows) if (r.block === b) r.section = renamed;
      for (const c of columns) if (c.block === b) c.section = renamed;
    });
  }
}

const TOTAL_ROW = /^(合计|总计)$/;

/** A table continued over pages that prints its 合计 row again at the top of a later page (with
 *  the repeated header, which OCR may read differently so the merge keeps it): the same label and
 *  the same numbers as the 合计 row of an earlier page are one row, not two. */
function withoutRepeatedTotals(cand: TableCandidate, data: { r: string[]; i: number }[]): { r: string[]; i: number }[] {
  const pages = cand.grid.rowPages;
  if (!pages) return data;
  const seen = new Map<string, number>();
  return data.filter(({ r, i }) => {
    const cells = r.map(cleanLabel);
    if (!cells.some((c) => TOTAL_ROW.test(c)) || !cells.some((c) => isNumberCell(c) && c !== '')) return true;
    const key = cells.join('|');
    const page = pages[i] ?? 0;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, page);
      return true;
    }
    return first === page;
  });
}

const LEVEL_WORDS = ['类', '款', '项'];

/** The 类 / 款 / 项 words over split code columns printed on the first data row (beside the 合计
 *  label and its numbers, which the layout puts on the same line): they belong to the header. */
function withLevelWords(header: string[], data: string[][]): string[] {
  const out = [...header];
  for (const r of data.slice(0, 3)) {
    const hits = r.map((t, c) => ({ c, level: LEVEL_WORDS.indexOf(cleanLabel(t)) })).filter((h) => h.level >= 0);
    if (hits.length < 2) continue;
    const ordered = hits.every((h, k) => k === 0 || (h.level > hits[k - 1]!.level && h.c > hits[k - 1]!.c));
    if (!ordered) continue;
    for (const { c, level } of hits) {
      const last = headerKey(out[c]!.split(' / ').pop() ?? '');
      if (LEVEL_WORDS.includes(last)) continue;
      out[c] = out[c] ? `${out[c]} / ${LEVEL_WORDS[level]}` : LEVEL_WORDS[level]!;
    }
    break;
  }
  return out;
}

/** OCR reads a header word differently on every page (煌伟共顽 on one, 般公共预算收入 on the next).
 *  In an OCR'd table, a column whose header names no measure, or the same measure as another
 *  column, takes the header a continuation page printed again where that reading names a measure no
 *  other column has; failing that, a reading that names such a measure but for one misread
 *  character (approxMeasureOf) has that character put right. */
function betterHeaderReadings(header: string[], cand: TableCandidate, width: number, kind: KindDef | undefined): string[] {
  if (cand.grid.method !== 'ocr' || !kind) return header;
  const out = [...header];
  const readings: string[][] = [];
  for (const alt of cand.grid.repeatedHeaders ?? []) {
    const rows = alignRows(alt, width).filter((r) => !isColumnNumberLine(r));
    if (rows.length && rows.every((r) => r.length === width)) readings.push(flattenHeader(rows, width));
  }
  const measures = () => out.map((h) => measureOf(kind, h));
  const free = (m: string, c: number) => !measures().some((x, i) => i !== c && x === m);
  for (let c = 0; c < width; c++) {
    // a code or label column whose word was misread (兴 | 欺 | 颅 for 类 | 款 | 项): the word a
    // repeated header reads there, when that is a role word and the first reading names nothing
    if (!namesRole(kind, out[c]!)) {
      const role = readings.map((r) => r[c] ?? '').find((h) => ROLE_WORD.test(lastLevel(h)));
      if (role !== undefined) {
        out[c] = role;
        continue;
      }
    }
    const m = measures();
    const mine = m[c]!;
    if (mine && m.filter((x) => x === mine).length === 1 && !inheritedOnly(kind, out[c]!)) continue;
    const exact = readings.map((r) => r[c] ?? '').find((h) => { const t = measureOf(kind, h); return t !== '' && free(t, c) && !inheritedOnly(kind, h); });
    if (exact !== undefined) { out[c] = exact; continue; }
    for (const h of [out[c]!, ...readings.map((r) => r[c] ?? '')]) {
      const near = approxMeasureOf(kind, h);
      if (!near || !free(near.measure, c)) continue;
      const path = h.split(' / ');
      path[path.length - 1] = near.fixed;
      const fixed = path.join(' / ');
      if (measureOf(kind, fixed) !== near.measure) continue;
      out[c] = fixed;
      break;
    }
  }
  return out;
}

/** A header whose measure comes from a level above its own (财政拨款收入 / 般公共预算, its 一 lost: the
 *  group's fiscal_appropriation), while its own last level names nothing and is no generic word (a
 *  小计 under a group stands for the group, rightly): that reading is put right by a nearly named
 *  measure no other column has (betterHeaderReadings), else kept. */
function inheritedOnly(kind: KindDef, h: string): boolean {
  const levels = headerLevels(h);
  if (levels.length < 2) return false;
  const own = levels[levels.length - 1]!.text;
  return own !== '' && roleOf(own) === '' && measureOf(kind, own) === '';
}

/** the last level of a flattened header, as compared */
const lastLevel = (h: string): string => headerKey(h.split(' / ').pop() ?? '');

/** the words that give a column a role other than a measure: a code part (类 / 款 / 项), a code
 *  (科目编码), a label (科目名称) */
const ROLE_WORD = new RegExp(`${CODE_HEADER.source}|${LABEL_HEADER.source}`);

/** A header that says what its column holds: a role word, a row-number word or a measure. */
function namesRole(kind: KindDef, h: string): boolean {
  const last = lastLevel(h);
  return ROLE_WORD.test(last) || ROW_NO_HEADER.test(last) || measureOf(kind, h) !== '';
}

/** Header rows with each merged-over cell showing its origin's text: a header spanning two rows
 *  (公务接待费 over 预算数 | 决算数) must not take the words of its left neighbour's lower row. */
function withMergedText(cand: TableCandidate, rows: string[][], from: number, to: number): string[][] {
  const grid = cand.grid.rows;
  return rows.slice(from, to).map((r, k) => {
    const i = from + k;
    const cells = grid[i];
    if (!cells || cells.length !== r.length) return r;
    return r.map((t, c) => {
      const m = cells[c]?.mergedFrom;
      if (t !== '' || !m) return t;
      const origin = grid[m[0]]?.[m[1]];
      return m[0] < i && m[0] >= from && origin ? origin.text : t;
    });
  });
}

/** marks a toner speck is read as, against a code or a code part read off a scan (201©, 221%,
 *  210+, 05°): a code prints digits only */
const OCR_SPECK_MARKS = /^[.,'‘’`"“”·°©®%+*]+|[.,'‘’`"“”·°©®%+*]+$/g;

/** Every non-blank cell of column `c` is a 类 code (three digits), two at least. Off a scan
 *  (`ocr`), a cell may carry a speck read as a mark after its digits (208,), a repeated header row
 *  puts the word 类 in the column, and one cell in ten may be unreadable, holding no digit (a code
 *  read as letters); a cell with other digits (a longer code, an amount) never passes. */
function classCodesOnly(data: string[][], c: number, ocr = false): boolean {
  // (the 合计 row's label printed across the code columns aside)
  const cells = data.map((r) => cleanLabel(r[c] ?? '')).filter((t) => t !== '' && !(ocr && t === '类') && !TOTAL_ROW.test(t.replace(/\s+/g, '')));
  if (!ocr) return cells.length >= 2 && cells.every((t) => /^\d{3}$/.test(t));
  const codes = cells.filter((t) => /^\d{3}[.,:;'`]?$/.test(t) || /^\d{3}$/.test(t.replace(OCR_SPECK_MARKS, ''))).length;
  const unread = cells.filter((t) => !/\d/.test(t)).length;
  return codes >= 2 && codes + unread === cells.length && unread * 10 <= cells.length;
}

/** Column `c` prints the table's line numbers (行次 1, 2, 3 …) though its header was not read as
 *  行次 (`(TRIN`, a 1-bit scan): whole numbers of up to three digits, four at least and two thirds
 *  of its cells, each of at least half of them one more than the one above it. An amount column
 *  does not count up by one row by row; code parts do (类 201 … 208, 款 01 02 …), and are told
 *  apart by their header (`h`: 类, 款, 项, 编码, 科目), a leading zero, or three digits each (类). */
function lineNumbersOnly(data: string[][], c: number, h: string): boolean {
  if (/[类款项]|编码|代码|科目/.test(h) || classCodesOnly(data, c)) return false;
  const cells = data.map((r) => cleanLabel(r[c] ?? '')).filter((t) => t !== '');
  if (cells.some((t) => /^0\d/.test(t))) return false;
  const ints = cells.filter((t) => /^\d{1,3}$/.test(t)).map(Number);
  if (ints.length < 4 || ints.length < (cells.length * 2) / 3) return false;
  let steps = 0;
  for (let i = 1; i < ints.length; i++) if (ints[i] === ints[i - 1]! + 1) steps++;
  return steps >= 3 && steps >= (ints.length - 1) / 2;
}

/** Column roles from the header words first, the data second; blocks begin where a code or label
 *  column follows a measure column. `numberedFrom`: an OCR'd 栏次 row numbers the columns right of
 *  this one (ocr-column-numbers.ts), so those left of them, under its 栏次 word, hold no amounts. */
function assignColumns(header: string[], data: string[][], width: number, kind: KindDef | undefined, numberedFrom?: number, ocr = false): ColumnSpec[] {
  const specs: ColumnSpec[] = [];
  let block = 0;
  let seenMeasure = false;
  let seenCode = false;
  let secondary = false;
  for (let c = 0; c < width; c++) {
    const h = header[c] ?? '';
    const last = headerKey(h.split(' / ').pop() ?? '');
    const cells = data.map((r) => r[c] ?? '').filter((t) => !isBlank(t));
    const codes = cells.filter((t) => isCode(t)).length;
    const parts = cells.filter((t) => CODE_PART_RE.test(cleanLabel(t))).length;
    const nums = cells.filter((t) => isNumberCell(t) && !isCode(t)).length;
    const texts = cells.length - nums - codes;
    let role: ColumnSpec['role'];
    // a column of 类 codes alone (201, 208: three digits, nothing longer) whose 类 word was not read
    const prev = specs.at(-1);
    const prevClasses = prev?.role === 'code' && classCodesOnly(data, prev.index, ocr);
    if (ROW_NO_HEADER.test(last) || UNIT_CODE_HEADER.test(last) || (!measureOf(kind, h) && lineNumbersOnly(data, c, h))) role = 'row_no';
    // (a column right of a code part whose header was not read, or misread as a character or two
    // that name no measure (项 read `I` off a 1-bit scan), holding code parts: the 项 part; right of
    // a column of 类 codes alone, the 款 part, and that column the 类 part (兴 | 欺 | 颅 for 类 | 款 | 项))
    else if ((/^(类|款|项)$/.test(last) || ((last === '' || (last.length <= 2 && !LABEL_HEADER.test(last) && !measureOf(kind, h))) && (prev?.role === 'code_part' || prevClasses) && parts > 0)) && parts >= cells.length / 2) {
      role = 'code_part';
      if (prevClasses) prev.role = 'code_part';
    }
    else if (CODE_HEADER.test(last) || (codes > 0 && codes >= (cells.length * 2) / 3 && !measureOf(kind, h))) role = 'code';
    else if (cells.length === 0) role = LABEL_HEADER.test(last) ? 'name' : 'measure';
    // (OCR) a column under a header naming one of the kind's measures that prints no number and one
    // word at most (a piece of a wrapped header read into the rows, 预算收入; a speck): the measure's
    // column, left blank, not a label column (which would begin a block of its own, and leave the
    // amounts right of it without a label)
    else if (ocr && nums === 0 && cells.length === 1 && !LABEL_HEADER.test(last) && measureOf(kind, h)) role = 'measure';
    else if (!LABEL_HEADER.test(last) && measureOf(kind, h) && nums > 0) role = 'measure';
    else if (nums >= texts && nums > 0 && !LABEL_HEADER.test(last)) role = 'measure';
    else role = 'name';
    if (role === 'measure' && numberedFrom !== undefined && c <= numberedFrom) role = codes > 0 ? 'code' : 'name';
    if ((role === 'code' || role === 'code_part' || role === 'name' || role === 'row_no') && seenMeasure) {
      block++;
      seenMeasure = false;
      seenCode = false;
      secondary = false;
    }
    // a second classification printed beside the first (部门经济科目 | 名称 | 政府经济科目 | 名称):
    // the row is the first one's; the second code is kept beside it (secondary_code), its name not
    if (role === 'code' || role === 'code_part') {
      const group = specs.filter((s) => s.block === block);
      if (seenCode && group.at(-1)?.role === 'name') secondary = true;
      seenCode = true;
    }
    if (secondary && role === 'code') role = 'secondary_code';
    else if (secondary && (role === 'code_part' || role === 'name')) role = 'ignore';
    else if (role === 'measure') secondary = false;
    if (role === 'measure') seenMeasure = true;
    const spec: ColumnSpec = { index: c, role, header: h, block, section: '' };
    specs.push(spec);
  }
  // sections: the top header word over each block (收入 / 支出, 人员经费 / 公用经费)
  const blocks = new Set(specs.map((s) => s.block));
  const positional = kind?.sections;
  if (blocks.size > 1 && positional?.length) {
    // the standard templates always print the same sides in the same order
    for (const s of specs) s.section = positional[Math.min(s.block, positional.length - 1)]!;
  } else if (blocks.size > 1) {
    for (const b of blocks) {
      const cols = specs.filter((s) => s.block === b);
      const top = cols.map((s) => s.header.split(' / ')[0] ?? '').find((t) => sectionOf(t) !== '') ?? '';
      const section = sectionOf(top);
      cols.forEach((s) => (s.section = section));
    }
    // a block without its own top word continues the section on its left (06表's third block)
    let prev = '';
    for (const b of [...blocks].sort((x, y) => x - y)) {
      const cols = specs.filter((s) => s.block === b);
      if (cols[0]!.section === '') cols.forEach((s) => (s.section = prev));
      prev = cols[0]!.section;
    }
  }
  return specs;
}

/** For each column of a row aligned to `width` (alignRows), the column of the row as read, -1
 *  for a blank put in front of a short row. */
function alignedSources(length: number, width: number): number[] {
  const pad = Math.max(0, width - length);
  return Array.from({ length: width }, (_, c) => (c < pad ? -1 : c - pad));
}

/** Place a short row's (label, numbers…) groups into the blocks left to right; `sources` gives
 *  each placed cell's column in the row as read. */
function spreadOverBlocks(cells: string[], columns: ColumnSpec[], width: number): { cells: string[]; sources: number[] } | null {
  const groups: { label: string; numbers: { text: string; at: number }[] }[] = [];
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    const t = cleanLabel(c);
    if (t === '') continue;
    if (isNumberCell(t) && !isCode(t)) {
      if (!groups.length) return null;
      groups[groups.length - 1]!.numbers.push({ text: c, at: k });
    } else groups.push({ label: c, numbers: [] });
  }
  const blocks = [...new Set(columns.map((c) => c.block))].sort((a, b) => a - b);
  if (groups.length === 0 || groups.length > blocks.length) return null;
  const out = Array<string>(width).fill('');
  const sources = Array<number>(width).fill(-1);
  for (let g = 0; g < groups.length; g++) {
    const block = blocks[g]!;
    const cols = columns.filter((c) => c.block === block);
    const labelCol = cols.find((c) => c.role === 'name') ?? cols.find((c) => c.role === 'code');
    const measures = cols.filter((c) => c.role === 'measure');
    if (!labelCol || measures.length < groups[g]!.numbers.length) return null;
    out[labelCol.index] = groups[g]!.label;
    groups[g]!.numbers.forEach((n, k) => {
      out[measures[k]!.index] = n.text;
      sources[measures[k]!.index] = n.at;
    });
  }
  return { cells: out, sources };
}

/** A table printed column-wise: one row of numbers without a label, its items in the header
 *  (三公 tables: 合计 / 因公出国（境）费 / … each over 预算数 | 决算数, or 预算数 over the items; one-row
 *  收支 summaries). Each number's item is the header level that is not a value word (a 小计 stands
 *  for the group above it), its measure the value word's (预算数 → the kind's, a prior year's
 *  预算数 → `prior_year`), else the kind's single amount. Levels every column shares are dropped. */
function itemsFromHeader(row: TableRow, header: string[], kind: KindDef | undefined, fiscalYear: string, ocr: boolean): TableRow[] {
  const all = row.values.map((v) => headerLevels(header[v.col] ?? ''));
  const common = sharedLevelCount(all);
  const current = currentYear(fiscalYear, all.flat(), ocr);
  const groups = new Map<string, TableRow>();
  for (let i = 0; i < row.values.length; i++) {
    const levels = all[i]!.slice(common);
    const valueLevel = levels.find((l) => roleOf(l.text) === 'value');
    const itemLevels = levels.filter((l) => l !== valueLevel && l.text !== '');
    if (!itemLevels.length) return [row];
    let k = itemLevels.length - 1;
    while (k > 0 && roleOf(itemLevels[k]!.text) === 'total') k--;
    const item = itemLevels[k]!.printed;
    const prior = levels.some((l) => l.year !== undefined && current > 0 && l.year < current);
    const measure = prior ? 'prior_year' : (valueLevel && measureOf(kind, valueLevel.text)) || kindValue(kind);
    const v = row.values[i]!;
    const g = groups.get(item) ?? { ...row, item, values: [], flags: row.flags.filter((f) => f !== 'unlabelled_row').concat('item_from_header') };
    g.values.push({ ...v, measure });
    groups.set(item, g);
  }
  return [...groups.values()];
}

interface BlockRead {
  block: number;
  section: string;
  codeParts: string[];
  code: string;
  /** the code of a second classification printed beside (secondary_code column) */
  secondary?: string;
  labels: string[];
  values: TableRow['values'];
  /** numbers printed in non-measure columns (layout damage) */
  strayNumbers: { col: number; raw: string; cell: number }[];
  /** text printed in measure columns (layout damage) */
  strayLabels: string[];
  /** a code part read with a letter for a digit (lookalikeDigits) */
  lookalike?: boolean;
  /** (OCR) letters alone read in a row-number column: a misread word (合计 read Ait), no number */
  misreadWord?: string;
}

/** letters OCR reads for the digits of a code part on a 1-bit scan (a 5 whose bowl closed: s) */
/** letters a scan reads for a digit of a code (0s for 05) */
export const LOOKALIKE_DIGITS: Readonly<Record<string, string>> = { s: '5', S: '5', o: '0', O: '0', l: '1', I: '1', B: '8' };

/** A code part (two or three characters) read with one letter that looks like a digit among its
 *  digits (0s for 05): the part as digits; undefined otherwise. */
export function lookalikeDigits(t: string): string | undefined {
  if (!/^[\dsSoOlIB]{2,3}$/.test(t)) return undefined;
  const letters = [...t].filter((c) => !/\d/.test(c));
  if (letters.length !== 1) return undefined;
  const out = [...t].map((c) => LOOKALIKE_DIGITS[c] ?? c).join('');
  return CODE_PART_RE.test(out) ? out : undefined;
}

/** (OCR) An amount read with marks or letters left of its digits (Sd1,202.92, 口608,515, &-0.00: a
 *  speck, a stroke or a lost leading digit read as a character), or a dash or a tick right of them
 *  (60. 87-: a trailing minus is no sign these tables print), or a last decimal digit read as the
 *  bracket or C its left half looks like (0.0(, 0. 0C: printed against the column's right rule, its
 *  right half erased with the rule; read as a 0, which the row's sums test): the amount between
 *  them, when it has an amount's shape (a decimal point or a thousands group, by a comma or a space; no leading
 *  zero but in 0.xx) and the marks on its left are one Chinese character or up to three others, not
 *  ending in a separator, before a leading group of one or two digits (H,000.00, 口608,515: a lost
 *  leading group read as marks; no amount is taken, as it would break the sums the group is in
 *  with a figure that is not the printed one). The fact is flagged
 *  (OCR_MARKS_STRIPPED): a digit may be among the marks, which its identities tell. */
export function amountAfterMarks(text: string): { raw: string; marks: string } | undefined {
  const t = text.trim();
  // a last decimal digit whose right half an erased rule took (0.0( for 0.00: the digits printed
  // against the column's right rule): read as a 0, the mark kept for the flag
  const clipped = /^(-?(?:0|[1-9][\d,]*)\.\s?\d)\s?([(（Cc])$/.exec(t);
  if (clipped && parseNumber(clipped[1]!) !== null) return { raw: clipped[1]!.replace(/\s/g, '') + '0', marks: clipped[2]! };
  const m = /^([\u3400-\u9fff]|[^\d\s\u3400-\u9fff\-−]{1,3})?\s?(-?(?:0|[1-9][\d, ]*)(?:\.\s?\d+)?)\s?([-−—_~'`’]{1,2})?$/.exec(t);
  if (!m || (!m[1] && !m[3]) || (m[1] && /[,.，。]$/.test(m[1]))) return undefined;
  const raw = m[2]!.trim();
  if (!/[.,]|\d \d{3}(?!\d)/.test(raw) || /^-?0\d/.test(raw.replace(/[, ]/g, '')) || parseNumber(raw) === null) return undefined;
  // marks left of a full leading group (口608,515 for 4,608,515; L 106,000 for 1,106,000), or of
  // three digits before the point: a lost leading group, no amount taken
  if (m[1] && /^-?\d{3}(?:[, ]\d{3}|\.|$)/.test(raw)) return undefined;
  return { raw, marks: (m[1] ?? '') + (m[3] ?? '') };
}

/** `sources`: for each column of `cells`, the grid column the text was read from (-1: none). */
function readRow(cells: string[], rowIndex: number, columns: ColumnSpec[], sources: readonly number[], ocr = false): TableRow[] {
  const at = (c: number): { cell?: number } => ((sources[c] ?? -1) >= 0 ? { cell: sources[c]! } : {});
  const blocks = new Map<number, BlockRead>();
  for (const col of columns) {
    let b = blocks.get(col.block);
    if (!b) {
      b = { block: col.block, section: col.section, codeParts: [], code: '', labels: [], values: [], strayNumbers: [], strayLabels: [] };
      blocks.set(col.block, b);
    }
    const text = cells[col.index] ?? '';
    const t = cleanLabel(text);
    if (t === '') continue;
    switch (col.role) {
      case 'row_no':
        // a row number or a unit's own code is no label, but a word printed there is (合计 in the
        // 单位编码 column)
        if (!isNumberCell(t) && !isCode(t) && !/^[\dA-Za-z.\-]+$/.test(t)) b.labels.push(t);
        else if (ocr && /^[A-Za-z]{2,}$/.test(t)) b.misreadWord = t;
        break;
      case 'ignore':
        break;
      case 'secondary_code':
        if (isCode(t)) b.secondary = t;
        break;
      case 'code': {
        // (OCR) a toner speck read as a mark against the code (201©, 2080505°): codes print none
        const code = ocr && !isCode(t) ? t.replace(OCR_SPECK_MARKS, '') : t;
        if (isCode(code)) b.code = code;
        else if (isCodeHeaderRemnant(t)) break;
        else if (isNumberCell(t)) b.strayNumbers.push({ col: col.index, raw: text, cell: sources[col.index] ?? -1 });
        else b.labels.push(t);
        break;
      }
      case 'code_part': {
        // each part at its level (类 / 款 / 项 column), so a row printing only its 款 keeps the hole
        const level = partLevel(columns, col);
        // a toner speck read as a point, comma or quote mark against a part (.12, 01.; off a scan also
        // 221%, 05°): codes print none
        const bare = t.replace(ocr ? OCR_SPECK_MARKS : /^[.,'‘’`]+|[.,'‘’`]+$/g, '');
        const asDigits = ocr ? lookalikeDigits(bare) : undefined;
        if (CODE_PART_RE.test(bare)) b.codeParts[level] = bare;
        // (OCR) a digit of a part read as the letter it looks like (0s for 05): the part as digits,
        // the row flagged; the code so joined is then checked against its name like any other
        else if (asDigits) {
          b.codeParts[level] = asDigits;
          b.lookalike = true;
        }
        // a 款 / 项 printed without its leading zero (`301 | 2` for 30102: a spreadsheet's number format)
        else if (level > 0 && /^\d$/.test(t)) b.codeParts[level] = '0' + t;
        else if (!isCodeHeaderRemnant(t)) b.labels.push(t);
        break;
      }
      case 'name':
      case 'label': {
        const bracketed = bracketedCode(text);
        if (bracketed) {
          if (!b.code) b.code = bracketed.code;
          if (bracketed.label) b.labels.push(bracketed.label);
        } else if (isNumberCell(t) && !isCode(t)) b.strayNumbers.push({ col: col.index, raw: text, cell: sources[col.index] ?? -1 });
        else if (isCode(t) && !columns.some((c) => c.block === col.block && c.role === 'code')) b.code = t;
        else b.labels.push(t);
        break;
      }
      case 'measure': {
        const parsed = parseNumber(text) !== null;
        const marked = ocr && !parsed ? amountAfterMarks(text) : undefined;
        if (parsed) b.values.push({ col: col.index, measure: col.measure ?? '', measure_label: col.header, raw: text.trim(), ...at(col.index) });
        else if (marked) b.values.push({ col: col.index, measure: col.measure ?? '', measure_label: col.header, raw: marked.raw, marks: marked.marks, ...at(col.index) });
        else if (!isCodeHeaderRemnant(t)) b.strayLabels.push(t);
        break;
      }
    }
  }
  const list = [...blocks.values()].sort((a, b) => a.block - b.block);
  // (OCR) a row whose only words are letters read in its row-number column (合计 spanning the 代码
  // and 名称 columns, read Ait): those letters are its label, flagged as doubtful with the facts,
  // not a row without a label whose numbers are taken for the header's items
  for (const b of list) if (b.misreadWord && !b.labels.length && !b.code && !b.codeParts.length && b.values.length) b.labels.push(b.misreadWord);
  const flagsByBlock = new Map<number, string[]>();
  const flag = (b: BlockRead, f: string) => flagsByBlock.set(b.block, [...(flagsByBlock.get(b.block) ?? []), f]);
  for (let k = 0; k < list.length; k++) {
    const b = list[k]!;
    // a label printed in an amount column of a block whose label column is empty
    if (b.labels.length === 0 && b.strayLabels.length) {
      b.labels.push(...b.strayLabels);
      flag(b, 'layout_shifted');
      if (b.values.length === 0) flag(b, 'value_missing');
    }
    // an amount printed in the next block's label column: it belongs to the block on its left
    if (b.strayNumbers.length && b.labels.length === 0 && !b.code && k > 0) {
      const left = list[k - 1]!;
      const leftMeasures = columns.filter((c) => c.block === left.block && c.role === 'measure');
      if ((left.labels.length || left.code) && left.values.length === 0 && leftMeasures.length === 1) {
        const m = leftMeasures[0]!;
        const stray = b.strayNumbers[0]!;
        left.values.push({ col: m.index, measure: m.measure ?? '', measure_label: m.header, raw: stray.raw.trim(), ...(stray.cell >= 0 ? { cell: stray.cell } : {}) });
        flagsByBlock.set(left.block, (flagsByBlock.get(left.block) ?? []).filter((f) => f !== 'value_missing'));
        flag(left, 'layout_shifted');
        b.strayNumbers = [];
      }
    }
  }
  // values with no label in a block, beside a block that has a label and no values: the row's
  // label is printed on the other side (a two-sided table's sub-rows). Values with no label at all
  // are not facts: they are reported, not guessed.
  for (let k = 0; k < list.length; k++) {
    const b = list[k]!;
    if (b.values.length && b.labels.length === 0 && !b.code && b.codeParts.length === 0) {
      const other = list.find((o) => o !== b && (o.labels.length || o.code) && o.values.length === 0);
      if (other) {
        b.labels.push(...other.labels);
        flag(b, 'label_inferred');
      } else if (!list.some((o) => o !== b && (o.labels.length || o.code) && o.values.length)) {
        // a row with no label whose every cell is a dash is a blank row (sites fill empty cells
        // with -, —, /); a whole row of numbers without any label: keep them, flagged
        if (list.every((o) => o.values.every((v) => parseNumber(v.raw)?.dash === true))) b.values = [];
        else flag(b, 'unlabelled_row');
      } else {
        flag(b, 'unlabelled_value');
        b.values = b.values.filter((v) => parseNumber(v.raw)?.value.isZero() === false);
        if (b.values.length === 0) b.values = [];
      }
    }
  }
  const out: TableRow[] = [];
  for (const b of list) {
    if (!b.code && b.codeParts.length === 0 && b.labels.length === 0 && b.values.length === 0) continue;
    const flags = [...(flagsByBlock.get(b.block) ?? [])];
    if (b.strayNumbers.length) flags.push('unplaced_number');
    if (b.lookalike) flags.push('ocr_code_repaired');
    out.push({
      rowIndex,
      block: b.block,
      section: b.section,
      code: b.code || Array.from(b.codeParts, (p) => p ?? '').join('|'),
      item: b.labels.join(''),
      ...(b.secondary ? { secondary_code: b.secondary } : {}),
      values: b.values,
      flags,
    });
  }
  return out;
}

/** The level of a 类 / 款 / 项 column: its header word, else its place among the block's parts. */
function partLevel(columns: ColumnSpec[], col: ColumnSpec): number {
  const word = headerKey(col.header.split(' / ').pop() ?? '');
  const byWord = ['类', '款', '项'].indexOf(word);
  if (byWord >= 0) return byWord;
  return Math.max(0, columns.filter((c) => c.block === col.block && c.role === 'code_part').indexOf(col));
}

/** 类 / 款 / 项 in three columns (`201 | 06 | 01`): join into one code; a row printing only its
 *  own part (`|06`: the 款 column only) takes the parts on its left from the rows above. */
function joinSplitCodes(rows: TableRow[]): void {
  const lastParts = new Map<number, string[]>();
  for (const r of rows) {
    if (!r.code.includes('|') && !/^\d{2}$/.test(r.code)) {
      if (isCode(r.code)) lastParts.set(r.block, splitCode(r.code));
      continue;
    }
    let parts = r.code.split('|');
    let holes = 0;
    while (holes < parts.length && parts[holes] === '') holes++;
    parts = parts.slice(holes).filter((p) => p !== '');
    if (parts.length === 0) {
      r.code = '';
      continue;
    }
    let joined: string[];
    if (parts[0]!.length === 3) joined = parts;
    else {
      const above = lastParts.get(r.block) ?? [];
      const keep = holes > 0 ? holes : Math.max(0, 3 - parts.length);
      joined = above.length >= keep ? [...above.slice(0, keep), ...parts].slice(0, 3) : [];
      if (joined[0]?.length !== 3) joined = [];
      if (joined.length) r.flags.push('code_parts_carried');
    }
    r.code = joined.join('');
    if (!isCode(r.code)) {
      r.flags.push('bad_code');
      r.code = '';
      // the 款 or 项 it printed, kept for a name lookup under the rows above (facts, OCR tables)
      if (parts.length === 1 && /^\d{2}$/.test(parts[0]!) && (holes === 1 || holes === 2)) r.code_hint = { level: holes === 1 ? '款' : '项', part: parts[0]! };
    } else lastParts.set(r.block, joined);
  }
}

function splitCode(code: string): string[] {
  const p = [code.slice(0, 3)];
  if (code.length >= 5) p.push(code.slice(3, 5));
  if (code.length >= 7) p.push(code.slice(5, 7));
  return p;
}
