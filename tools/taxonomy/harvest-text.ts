// Evidence from text dumps of disclosures: coded table rows (TSV rows, one-cell-per-line blocks,
// space-aligned layout text), 名词解释 definitions, prose "code-name" mentions, prose chains
// 卫生健康支出（类）医疗保障管理事务（款）行政运行（项）, and the numbered 类 lists of the 总表.
import { isWellFormed } from '../../normalizers/taxonomy/shape.js';
import { hasClassNumbering, normalizeName, squash } from '../../normalizers/taxonomy/text.js';
import type { Evidence, NameOnlyEvidence } from './types.js';

/** Count of CJK ideographs. */
function cjkCount(s: string): number {
  return (s.match(/[\u3400-\u9fff]/g) ?? []).length;
}

interface TextHarvest {
  evidence: Evidence[];
  names: NameOnlyEvidence[];
}

interface Cell {
  text: string;
  line: number;
}

const CODE_CELL = /^\d{3}(?:\d{2}){0,2}$/;
const UNIT_ONLY = /^(?:万?元|千元|亿元|万人|人次|人数|户数|家数|台套|万元\/人|平方米|[人家户个次天年月项件台套辆份本])+$/;
const NAME_CHARS = /^[\u3400-\u9fff()（）“”"、·—]+$/;

/** A plausible printed subject name (not a unit, number, header word or sentence). */
function isSubjectName(raw: string): boolean {
  const s = squash(raw);
  if (s.length < 2 || s.length > 40) return false;
  if (!NAME_CHARS.test(s)) return false;
  if (cjkCount(s) < 2 || UNIT_ONLY.test(s)) return false;
  if (/^(?:合计|小计|总计|科目名称|项目|全年执行数|年初预算数|全年预算数|金额|决算数|预算数)$/.test(s)) return false;
  return true;
}

/** The fiscal year a dump is about: the most frequent "20xx 年度" near the start, else "20xx年". */
function detectYear(text: string): string {
  const head = text.slice(0, 4000);
  for (const re of [/(20\d\d)\s*年度/g, /(20\d\d)\s*年/g]) {
    const counts = new Map<string, number>();
    for (const m of head.matchAll(re)) counts.set(m[1] ?? '', (counts.get(m[1] ?? '') ?? 0) + 1);
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0];
    if (best) return best[0];
  }
  return '';
}

/** Rows of cells: a TSV line is a row; a block of lines each holding one tab-led cell is a row. */
function rowsOf(lines: string[]): Cell[][] {
  const rows: Cell[][] = [];
  let block: Cell[] = [];
  const flush = () => {
    if (block.length) rows.push(block);
    block = [];
  };
  lines.forEach((l, i) => {
    const lineNo = i + 1;
    if (/^\t[^\t]*$/.test(l)) {
      block.push({ text: l.slice(1), line: lineNo });
      return;
    }
    flush();
    if (l.includes('\t')) rows.push(l.split('\t').map((t) => ({ text: t, line: lineNo })));
    else if (/\S {2,}\S/.test(l)) rows.push(layoutCells(l, lineNo));
  });
  flush();
  return rows;
}

/** Space-aligned layout text (pdftotext -layout): cells are separated by runs of 2+ spaces, and a
 *  code is separated from its name by at least one space. */
function layoutCells(l: string, line: number): Cell[] {
  const out: Cell[] = [];
  for (const chunk of l.trim().split(/ {2,}/)) {
    const m = /^(\d{3}(?:\d{2}){0,2}) +(\S.*)$/.exec(chunk);
    if (m) out.push({ text: m[1] ?? '', line }, { text: m[2] ?? '', line });
    else out.push({ text: chunk, line });
  }
  return out;
}

function tableEvidence(rows: Cell[][], year: string, label: string): Evidence[] {
  const out: Evidence[] = [];
  for (const row of rows) {
    for (let i = 0; i + 1 < row.length; i++) {
      const c = row[i];
      const n = row[i + 1];
      if (!c || !n) continue;
      const code = squash(c.text);
      if (!CODE_CELL.test(code) || !isWellFormed(code)) continue;
      if (!isSubjectName(n.text)) continue;
      out.push({ code, name: squash(n.text), year, source: `${label}#L${c.line}`, kind: 'table' });
      i++;
    }
  }
  return out;
}

function numberedClassNames(rows: Cell[][], year: string, label: string): NameOnlyEvidence[] {
  const out: NameOnlyEvidence[] = [];
  for (const row of rows) {
    if (row.filter((c) => c.text.trim()).length < 2) continue;
    for (const c of row) {
      if (!hasClassNumbering(c.text)) continue;
      const name = normalizeName(c.text);
      if (!name.endsWith('支出') || !isSubjectName(name)) continue;
      out.push({ chain: [name], year, source: `${label}#L${c.line}`, kind: 'numbered_class' });
    }
  }
  return out;
}

const DEFINITION = /^([^()（）\d:：,，。;；]{2,40}?)\((\d{3}|\d{5}|\d{7})\)/;
const PROSE_PAIR = /(?:^|[^\d])(\d{7}|\d{5}|\d{3})[-—–]([\u3400-\u9fff()]{2,40}?)(?=\d|$|[,，。;；])/g;
const CHAIN =
  /([^()\s:：,，。;；、]+?)\(类\)(?:([^()\s:：,，。;；]+?)\(款\)(?:([^()\s:：,，。;；]+?)\(项\))?)?/g;

function proseEvidence(lines: string[], year: string, label: string): TextHarvest {
  const evidence: Evidence[] = [];
  const names: NameOnlyEvidence[] = [];
  lines.forEach((raw, i) => {
    if (raw.includes('\t')) return; // table rows are handled as tables
    const source = `${label}#L${i + 1}`;
    const l = squash(raw).normalize('NFKC');
    const def = DEFINITION.exec(normalizeLead(l));
    if (def && isWellFormed(def[2] ?? '') && isSubjectName(def[1] ?? '')) {
      evidence.push({ code: def[2] ?? '', name: normalizeName(def[1] ?? ''), year, source, kind: 'definition' });
    }
    for (const m of l.matchAll(PROSE_PAIR)) {
      const code = m[1] ?? '';
      const name = m[2] ?? '';
      if (isWellFormed(code) && isSubjectName(name)) evidence.push({ code, name, year, source, kind: 'prose' });
    }
    for (const m of l.matchAll(CHAIN)) {
      const chain = [m[1], m[2], m[3]].filter((x): x is string => !!x).map(normalizeName);
      if (chain.every((x) => x.length >= 2)) names.push({ chain, year, source, kind: 'chain' });
    }
  });
  return { evidence, names };
}

/** Line start without list numbering, for definitions printed as "9. 社会保障和就业（208）：…". */
function normalizeLead(l: string): string {
  return l.replace(/^(?:\d{1,3}[.、]|\(\d{1,3}\)|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/, '');
}

/** Everything a text dump says about codes. `label` names the file in sources (seeds/000_….txt). */
export function harvestText(text: string, label: string, year = detectYear(text)): TextHarvest {
  const lines = text.split(/\r?\n/);
  const rows = rowsOf(lines);
  const prose = proseEvidence(lines, year, label);
  return {
    evidence: [...tableEvidence(rows, year, label), ...prose.evidence],
    names: [...numberedClassNames(rows, year, label), ...prose.names],
  };
}
