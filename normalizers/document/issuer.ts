// The department or unit that publishes a document, read from what it prints about itself:
//  1. a label and its value: 部门：X, 预算主管部门：X, 预算单位：X, 编制单位：X (a line, or the caption
//     over a table: 编制单位：X    单位：万元; a scan's 部门X    收支总表, its colon lost);
//  2. the cover's title, its lines read as one (2026年深圳市交通运输局（本级）部 | 门预算; 中共上海市
//     普陀区委 | 社会工作部2024年度 | 部门决算);
//  3. a form's label cell and the cell after it (主管部门 | X: a performance form's);
//  4. a title line of the first pages (X2026年部门预算).
// Every candidate must read as the name of an organisation (Chinese words ending in 局, 委员会, 厅,
// 办公室, 中心 …, an optional （本级） after it; no digit, no sentence mark), so prose, list numbers
// and an amount unit are never an issuer. The first source with a candidate decides; among its
// candidates the name printed most often in the whole document wins (a scan misreads the name on
// one page, not the same way on every page). Nothing that reads as a name: '' (the issuer unknown).

import { pairMisreadClosers, pairMisreadOpeners } from '../facts/ocr-brackets.js';
import { editDistance } from '../taxonomy/text.js';

/** the words an organisation's name ends with */
const ORG_END = '(?:委员会|办公室|办公厅|办事处|人民政府|政府|局|委|厅|院|部|中心|所|站|会|馆|队|署|办|处|社|校|台|园|监狱|协会|联合会)';
/** what may follow the name in brackets: which part of the organisation the document covers */
const ORG_PART = '(?:（(?:本级|汇总|机关|本部|部门|单位|合并|含下属单位)）)?';
const ORG = new RegExp(`^[\\u4e00-\\u9fff]{2,38}${ORG_END}${ORG_PART}$`);
/** a name's words other than an organisation's: an amount's unit, table words */
const NOT_ORG = /^(?:万元|元|千元|亿元)|(?:表|预算|决算|收入|支出|合计|总计|项目|说明|情况|部分)$/;
/** two readings of one name: of the same length, one character in eight apart at most (湖州市财政局
 *  and 湖州市民政局 are two names) */
function misreadOf(a: string, b: string): boolean {
  const n = Array.from(a).length;
  return n === Array.from(b).length && editDistance(a, b) <= Math.floor(n / 8);
}

const YEAR = '(?:19|20)\\d{2}\\s*年度?';

/** `s` as an organisation's name (outer marks, a leading part number or year and a trailing year
 *  taken off), or undefined when it does not read as one */
export function organisationName(s: string): string | undefined {
  let t = s.replace(/[\s\u3000]+/g, '').replace(/^[.．·•、,，:：\-—_]+|[.．·•、,，:：\-—_]+$/g, '');
  t = t.replace(/^第[一二三四五六七八九十]+部分/, '').replace(new RegExp(`^${YEAR}`), '').replace(new RegExp(`${YEAR}$`), '');
  // (a closing bracket a scan misread paired: 深圳市交通运输局(本级〕)
  t = pairMisreadOpeners(pairMisreadClosers(t)).replace(/\(/g, '（').replace(/\)/g, '）');
  if (!ORG.test(t)) return undefined;
  if (NOT_ORG.test(t)) return undefined;
  return t;
}

const LABEL = '(?:(?:预算|决算)?(?:主管)?(?:部门|单位)(?:（单位）)?(?:名称)?|编制(?:部门|单位)|主管部门|单位名称|部门名称)';
/** a whole line `label：name` */
const LABELLED_LINE = new RegExp(`^${LABEL}[:：](.+)$`);
/** a line of words alone (no cells) `label name`, its colon lost by a scan, after a label of four
 *  characters (单位名称广州市住房和城乡建设局); a name with a label word in it is two fields */
const LABELLED_NO_COLON = /^(?:单位名称|部门名称|编制单位|编制部门|预算单位|主管部门)([^\t]+)$/;
const LABEL_WORDS = /单位|部门|名称/;
/** a table's caption `部门 name    title`, its colon lost by a scan (部门苏州市应急管理局 收支总表): the
 *  name runs to the white space before the title (a line that ends after the name is no caption:
 *  部门预算管理局) */
const CAPTION_NO_COLON = /^部门\s*((?!预算|决算)[\u4e00-\u9fff（）()]{4,44}?)\s+\S/;
/** `label：name` inside a line (a table's caption: 编制单位：X    单位：万元) */
const LABELLED_IN_LINE = new RegExp(`${LABEL}[:：]\\s*([^\\s:：\\t]{4,44})`, 'g');
/** a form's label cell followed by its value cell */
const LABEL_CELL = new RegExp(`(?:^|\\t)(?:主管部门|实施单位|单位名称|部门（单位）名称|部门名称|预算单位|编制单位)\\t([^\\t]+)`);
/** a title: the issuer, then the year, the level and the document kind (or the year first) */
const TITLE = new RegExp(`^(?:${YEAR})?(.{4,48}?)(?:${YEAR})?(?:区级|市级|省级|县级)?(?:部门|单位)?(?:综合)?(?:决算|预算)`);

/** a name without the unit code printed before or after it (309 无锡市…, …-123001) */
function withoutCodes(s: string): string {
  return s.replace(/^\d{3,}/, '').replace(/-?\d{6,}$/, '');
}

interface IssuerLines {
  /** every line of the document as read (a grid's first rows joined by tabs) */
  all: readonly string[];
  /** the lines of the cover (the first page's, before its contents list) */
  cover: readonly string[];
  /** the first lines of the document */
  head: readonly string[];
}

/** The document's issuer (see the head of this file), '' when nothing reads as one. */
export function readIssuer(lines: IssuerLines): string {
  const labelled: string[] = [];
  for (const t of lines.all) {
    const whole = LABELLED_LINE.exec(t.replace(/\t/g, ''));
    const name = whole ? organisationName(withoutCodes(whole[1]!)) : undefined;
    if (name) { labelled.push(name); continue; }
    const bare = LABELLED_NO_COLON.exec(t);
    const named = bare && !LABEL_WORDS.test(bare[1]!) ? organisationName(bare[1]!) : undefined;
    if (named) { labelled.push(named); continue; }
    const caption = CAPTION_NO_COLON.exec(t);
    const captioned = caption && !LABEL_WORDS.test(caption[1]!) ? organisationName(caption[1]!) : undefined;
    if (captioned) { labelled.push(captioned); continue; }
    for (const m of t.matchAll(LABELLED_IN_LINE)) {
      const n = organisationName(withoutCodes(m[1]!));
      if (n) labelled.push(n);
    }
  }
  // (a form's cells name the department of its project: after the document's own labels)
  const cells: string[] = [];
  for (const t of lines.all) {
    const cell = LABEL_CELL.exec(t);
    const n = cell ? organisationName(withoutCodes(cell[1]!)) : undefined;
    if (n) cells.push(n);
  }
  const cover = TITLE.exec(lines.cover.join(''));
  const coverName = cover ? organisationName(cover[1]!) : undefined;
  const titled: string[] = [];
  for (const t of lines.head) {
    const m = TITLE.exec(t);
    const n = m ? organisationName(m[1]!) : undefined;
    if (n) titled.push(n);
  }
  const printed = new Map<string, number>();
  for (const n of [...labelled, ...(coverName ? [coverName] : []), ...cells, ...titled]) printed.set(n, (printed.get(n) ?? 0) + 1);
  for (const source of [labelled, coverName ? [coverName] : [], cells, titled]) {
    if (!source.length) continue;
    // the name printed most often (the first of them on a tie), then of the names within a
    // misread of it anywhere in the document, the one printed most often (a scan's cover misread
    // once, read right over two tables)
    const first = source.reduce((best, n) => (printed.get(n)! > printed.get(best)! ? n : best));
    // (the cover's on a tie: printed large, it is read best)
    const name = [...printed.keys()].filter((n) => misreadOf(n, first)).reduce((best, n) => (printed.get(n)! > printed.get(best)! || (printed.get(n) === printed.get(best) && n === coverName) ? n : best), first);
    // the cover saying which part of it the document covers (西安市审计局（汇总）)
    return coverName && coverName.startsWith(name + '（') ? coverName : name;
  }
  return '';
}
