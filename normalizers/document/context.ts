// The issuer, fiscal year and kind of a document, read from its own text (cover, titles, 部门：).
import type { Block, DocKind } from '../../model/types.js';
import { cleanLabel } from '../values/labels.js';
import { readIssuer } from './issuer.js';

interface DocumentContext {
  issuer: string;
  fiscal_year: string;
  doc_kind: DocKind;
}

const YEAR = /((?:19|20)\d{2})\s*年度?/;
/** a year the cover's title gives: followed by 决算 / 预算 / 绩效 within forty characters, no other
 *  year or sentence end between */
const COVER_YEAR = /((?:19|20)\d{2})\s*年度?(?:(?!(?:19|20)\d{2})[^。]){0,40}?(?:决算|预算|绩效)/;
/** the cover's title is read from its first lines at most */
const COVER_LINES = 8;

export function readDocumentContext(blocks: Block[]): DocumentContext {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'line') lines.push(b.text);
    else for (const row of b.grid.rows.slice(0, 4)) lines.push(row.map((c) => cleanLabel(c.text)).filter(Boolean).join('\t'));
    if (lines.length > 400) break;
  }
  const clean = (l: string) => l.split('\t').map(cleanLabel).join('\t');
  const head = lines.slice(0, 60).map(clean).filter(Boolean);
  const all = lines.map(clean);

  // doc kind from the title words that appear first
  let doc_kind: DocKind = 'other';
  const kindText = head.join('\n');
  const kinds: [RegExp, DocKind][] = [
    [/部门决算|单位决算|决算公开|年度决算/, 'final_accounts'],
    [/部门预算|单位预算|预算公开|年度预算|综合预算/, 'budget'],
    [/绩效自评|绩效评价|自评表/, 'performance_evaluation'],
  ];
  let best = Infinity;
  for (const [re, k] of kinds) {
    const m = re.exec(kindText);
    if (m && m.index < best) { best = m.index; doc_kind = k; }
  }
  if (doc_kind === 'other') {
    const body = all.join('\n');
    if (/决算表/.test(body)) doc_kind = 'final_accounts';
    else if (/预算表/.test(body)) doc_kind = 'budget';
    else if (/绩效/.test(body)) doc_kind = 'performance_evaluation';
    else if (blocks.some((b) => b.kind === 'grid' && b.grid.method === 'ocr')) {
      // no title read (a scan OCR misread): the amount words its tables print, 决算数 or 预算数
      const finals = body.match(/决算数/g)?.length ?? 0;
      const budgets = body.match(/预算数/g)?.length ?? 0;
      if (finals > budgets) doc_kind = 'final_accounts';
      else if (budgets > finals) doc_kind = 'budget';
    }
  }

  // the cover: the first page's lines before its contents list
  const firstPage = blocks[0]?.page;
  const cover: string[] = [];
  for (const b of blocks) {
    if (b.page !== firstPage || b.kind !== 'line') break;
    const t = cleanLabel(b.text);
    if (/^目录$/.test(t) || cover.length >= COVER_LINES) break;
    if (t) cover.push(t);
  }
  // fiscal year: the cover's title, its lines read as one (2026年深圳市… | 部门预算): the first year
  // followed by 决算, 预算 or 绩效 with no other year between (a date printed before the title,
  // 2025年8月1日, is not the year of a 2024年度部门决算), else a year next to 决算/预算/年度 in the head (a
  // table's header, 2026年预算数, among them), else the first year in the head
  let fiscal_year = COVER_YEAR.exec(cover.join(''))?.[1] ?? '';
  if (!fiscal_year) for (const t of head) {
    const m = /((?:19|20)\d{2})\s*年度?(?:部门|单位)?(?:决算|预算|项目|部门整体|市级|区级)/.exec(t) ?? /[（(]\s*((?:19|20)\d{2})\s*年度?\s*[)）]/.exec(t) ?? /^((?:19|20)\d{2})年度?$/.exec(t) ?? /年度[:：]\s*((?:19|20)\d{2})/.exec(t);
    if (m) { fiscal_year = m[1]!; break; }
  }
  if (!fiscal_year) fiscal_year = YEAR.exec(head.join(' '))?.[1] ?? '';

  // issuer: what the document prints about itself (issuer.ts)
  const issuer = readIssuer({ all, cover, head });
  return { issuer, fiscal_year, doc_kind };
}

/** The document kind its OCR'd tables tell when its own words did not (a cover a scan misread: doc_kind
 *  `other`): the kind of document every table of a known kind belongs to (kinds.ts `doc_kind` of
 *  each table's kind; two such tables at least, all of one document kind), else undefined. Only the
 *  tables read by OCR count, and only when no table came from a text layer. */
export function docKindOfTables(tables: { method: string; table_kind: string }[], docKindOf: (kind: string) => string | undefined): DocKind | undefined {
  if (!tables.length || tables.some((t) => t.method !== 'ocr')) return undefined;
  return oneDocKind(tables, docKindOf, 2);
}

/** the one document kind `least` tables or more tell (their kinds' `doc_kind`), else undefined */
function oneDocKind(tables: { table_kind: string }[], docKindOf: (kind: string) => string | undefined, least: number): DocKind | undefined {
  const kinds = tables.map((t) => docKindOf(t.table_kind)).filter((k): k is string => !!k);
  const only = new Set(kinds);
  if (kinds.length < least || only.size !== 1) return undefined;
  const k = [...only][0]!;
  return k === 'final_accounts' || k === 'budget' || k === 'performance_evaluation' ? k : undefined;
}

/** A document its words call a 绩效 evaluation whose tables are a 部门预算's or 决算's (three of a
 *  known kind at least, all of one document kind): the kind its tables tell. Budgets and final
 *  accounts print 绩效目标 and 绩效自评 sections and tables, so the words 绩效自评 / 绩效评价 at the
 *  head of such a document (a 预算表 extract that opens on its tables) are no evidence against them;
 *  the tables' titles are. Else undefined. */
export function docKindOverPerformanceWords(docKind: DocKind, tables: { table_kind: string }[], docKindOf: (kind: string) => string | undefined): DocKind | undefined {
  if (docKind !== 'performance_evaluation') return undefined;
  const k = oneDocKind(tables, docKindOf, 3);
  return k && k !== docKind ? k : undefined;
}
