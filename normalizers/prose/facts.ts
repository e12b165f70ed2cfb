// Facts stated in the 情况说明 prose of a disclosure:
//  - per-科目 figures: `社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）：支出决算为
//    1.73 万元，完成预算 100%。` (and `2101501-行政运行支出 1091.68 万元，较上年决算数增加 …`);
//  - document-level statements: `收入总计8182.50万元，支出总计8182.50万元，与上年决算数相比，各增加
//    913.80万元，增长12.57%`, 三公经费, 机关运行经费, 政府采购 … (labels and measure ids in
//    statements.json).
// Precision over recall: a figure is emitted only when its label (or the subject it attaches to),
// its number and its unit are all printed unambiguously.
import { Decimal } from 'decimal.js';
import { proseKnowledge, type ProseKnowledge } from './knowledge.js';
import { amounts, clauses, paragraphs, sentences, sub, type Paragraph, type ProseLine, type Span } from './text.js';

export type { ProseLine } from './text.js';

export interface ProseFact {
  /** the label as printed, white space removed (the 项 name for a chain) */
  item: string;
  /** the chain of names, outermost first ([类, 款, 项] for a chain; [parent, label] after 其中) */
  names: string[];
  /** classification code ('' when none or unresolved) */
  code: string;
  measure: string;
  /** the words that introduce the number, as printed ('' when the number follows the chain directly) */
  measure_label: string;
  /** plain decimal string as printed (separators removed; a 减少/下降 change is negative) */
  value: string;
  unit: string;
  /** 0-based index into the input lines of the line where the number is printed */
  line: number;
  page?: number;
  /** the sentence, normalised (white space and markup removed) */
  sentence: string;
  flags: string[];
  /** 'printed' when the code is printed next to the name, 'resolved' when it comes from a resolver */
  code_source?: 'printed' | 'resolved';
  /** statements.json id of the subject of a document-level statement (also on its rates/changes) */
  subject?: string;
}

export interface ChainPart {
  name: string;
  level: '类' | '款' | '项';
}

interface ProseOptions {
  resolveChain: (parts: ChainPart[]) => string | undefined;
  /** a 类 name printed alone (`卫生健康支出 766.6 万元`) → function code; optional */
  resolveName?: (name: string) => string | undefined;
  /** 'explanation' (default): only the 第X部分 …情况说明 parts when the document has them; 'all' */
  scope?: 'explanation' | 'all';
}

interface Target {
  item: string;
  names: string[];
  code: string;
  codeSource?: 'printed' | 'resolved';
  subject?: string;
  /** statements.json group of the subject */
  group?: string;
  flags: string[];
}

// ---------------------------------------------------------------- labels

const QUOTES = /[“”"'‘’「」『』]/g;
const QUOTE_CHAR = /[“”"'‘’「」『』]/;

/** Matching key: no quotes, half-width parens made full-width. */
function key(s: string): string {
  return s.replace(QUOTES, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

const ORG = '[\\u4e00-\\u9fa5]{2,30}?(?:局|中心|委员会|办公室|院|厅|所|站|部|处)(?:（汇总）)?';
const IGNORABLE = new RegExp(
  '^(?:' +
    [
      '第[一二三四五六七八九十]+部分',
      '[一二三四五六七八九十]+[、.]',
      '（[一二三四五六七八九十\\d]{1,3}）',
      '\\d{1,2}[.、]',
      '(?:截至|截止)?\\d{4}年(?:度|\\d{1,2}月\\d{1,2}日)?',
      '本年度',
      '本年',
      '今年',
      '当年',
      '全年',
      '年度',
      '本部门',
      '本单位',
      '我部门',
      '我局',
      '我单位',
      '部门',
      '其中',
      '具体包括',
      '包括',
      ORG,
    ].join('|') +
    ')*$',
);

function ignorable(prefixKey: string): boolean {
  return prefixKey === '' || IGNORABLE.test(prefixKey);
}

interface LabelHit {
  /** the label as printed, ignorable prefix and trailing connector removed */
  item: string;
  id: string;
  group?: string;
}

class Labels {
  private aliases: { key: string; id: string; group?: string }[] = [];
  constructor(k: ProseKnowledge) {
    for (const s of k.statements) for (const l of s.labels) this.aliases.push({ key: key(l), id: s.id, group: s.group });
    this.aliases.sort((a, b) => b.key.length - a.key.length);
  }

  /** A printed label → statement id, when it is exactly a known label after an ignorable prefix. */
  lookup(printed: string): LabelHit | undefined {
    const c1 = printed.replace(/(?:为|是|共计|合计为|达到|达)$/, '');
    const c2 = c1.replace(/(?:决算数|决算)$/, '');
    const c3 = /费支出$/.test(c2) ? c2.slice(0, -2) : c2;
    for (const c of [printed, c1, c2, c3]) {
      const k = key(c);
      for (const a of this.aliases) {
        if (!k.endsWith(a.key)) continue;
        const prefixKey = k.slice(0, k.length - a.key.length);
        if (!ignorable(prefixKey)) continue;
        // the same prefix in the printed text (quotes are the only characters key() drops)
        let n = 0;
        let i = 0;
        while (n < prefixKey.length && i < c1.length) {
          if (!QUOTE_CHAR.test(c1[i]!)) n++;
          i++;
        }
        return { item: c1.slice(i), id: a.id, group: a.group };
      }
    }
    return undefined;
  }
}

// ---------------------------------------------------------------- derived (rates, changes)

interface DerivedHit {
  kind: 'completion' | 'share' | 'change';
  /** the text before the keyword (a label, or empty) */
  labelPart: string;
  keyword: string;
  negative: boolean;
  each: boolean;
}

class Derived {
  private completion: RegExp;
  private share: RegExp;
  private change: RegExp;
  private down: Set<string>;
  constructor(k: ProseKnowledge) {
    this.completion = new RegExp('(' + k.derived.completion.suffix + ')$');
    this.share = new RegExp('(' + k.derived.share.suffix + ')$');
    this.change = new RegExp('(' + k.derived.change.suffix + ')$');
    this.down = new Set(k.derived.change.down);
  }
  match(pre: string): DerivedHit | undefined {
    let m = this.completion.exec(pre);
    if (m) return { kind: 'completion', labelPart: pre.slice(0, m.index), keyword: m[1]!, negative: false, each: false };
    m = this.change.exec(pre);
    if (m) {
      const verb = m[2] ?? '';
      return { kind: 'change', labelPart: pre.slice(0, m.index), keyword: m[1]!, negative: this.down.has(verb), each: m[1]!.includes('各') };
    }
    m = this.share.exec(pre);
    if (m) return { kind: 'share', labelPart: pre.slice(0, m.index), keyword: m[1]!, negative: false, each: false };
    return undefined;
  }
}

const CHANGE_WORD = /增加|减少|增长|下降|降低|上升/;

// ---------------------------------------------------------------- chains

interface Chain {
  start: number;
  end: number;
  parts: ChainPart[];
}

const LEVEL_MARK = /[（(]([类款项])[）)]/g;
const LEVEL_RANK: Record<string, number> = { 类: 0, 款: 1, 项: 2 };
const BOUNDARY = /[，,。；;：:、]/;
// (an opening quote mark: a chain printed in quotes, 5.“医疗卫生与计划生育支出（类）…（项）”50.37万元)
const LEADING_MARKERS = /^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、](?!\d)|其中[:：]?|包括[:：]?|[“"‘「『])+/;

function findChains(text: string): Chain[] {
  const marks: { index: number; end: number; level: ChainPart['level'] }[] = [];
  LEVEL_MARK.lastIndex = 0;
  for (let m = LEVEL_MARK.exec(text); m; m = LEVEL_MARK.exec(text)) {
    marks.push({ index: m.index, end: m.index + m[0].length, level: m[1] as ChainPart['level'] });
  }
  const chains: Chain[] = [];
  let cur: Chain | undefined;
  let prevEnd = -1;
  let prevRank = -1;
  for (const mk of marks) {
    // a part continues the chain when its name starts where the previous marker ended
    const between = prevEnd >= 0 ? text.slice(prevEnd, mk.index) : '';
    const continues = cur !== undefined && between !== '' && !BOUNDARY.test(between) && LEVEL_RANK[mk.level]! > prevRank;
    if (continues) {
      cur!.parts.push({ name: between, level: mk.level });
      cur!.end = mk.end;
    } else {
      if (cur) chains.push(cur);
      cur = undefined;
      let s = mk.index;
      while (s > 0 && !BOUNDARY.test(text[s - 1]!) && s > prevEnd) s--;
      let name = text.slice(s, mk.index);
      // numbering such as （1） or 1. before the name, possibly after 具体包括
      const lastNum = /^.*[（(][\d一二三四五六七八九十]{1,3}[）)]/.exec(name);
      if (lastNum) name = name.slice(lastNum[0].length);
      const lead = LEADING_MARKERS.exec(name);
      if (lead) name = name.slice(lead[0].length);
      if (name !== '' && !/\d/.test(name)) {
        cur = { start: mk.index - name.length, end: mk.end, parts: [{ name, level: mk.level }] };
      }
    }
    prevEnd = mk.end;
    prevRank = LEVEL_RANK[mk.level]!;
  }
  if (cur) chains.push(cur);
  return chains;
}

// ---------------------------------------------------------------- extraction

const CODE_LABEL = /^(\d{7}|\d{5}|\d{3})[-－—–]?([^\d，,：:]{2,30})$/;
const FUNCTION_CODE = /^2\d{2}(?:\d{2}){0,2}$/;

class Extractor {
  facts: ProseFact[] = [];
  private labels: Labels;
  private derived: Derived;
  private chainMeasures: { measure: string; re: RegExp }[];
  /** last explicitly labelled subject, for a paragraph that starts with 其中 */
  private lastSubject: Target | undefined;

  constructor(
    private lines: ProseLine[],
    private opts: ProseOptions,
    private k: ProseKnowledge,
  ) {
    this.labels = new Labels(k);
    this.derived = new Derived(k);
    this.chainMeasures = k.chainMeasures.map((c) => ({ measure: c.measure, re: new RegExp('^(?:' + c.suffix + ')$') }));
  }

  run(): ProseFact[] {
    const scope = this.opts.scope ?? 'explanation';
    for (const p of paragraphs(this.lines)) {
      if (scope === 'explanation' && !p.inExplanation) continue;
      if (p.heading) {
        this.lastSubject = undefined;
        continue;
      }
      this.paragraph(p);
    }
    return this.facts;
  }

  private paragraph(p: Paragraph) {
    let prevTargets: Target[] = [];
    for (const s of sentences(p)) {
      const st = new SentenceState(s, p, prevTargets);
      // `其中：…` at the start of a sentence (or paragraph): parts of the subject stated just before
      if (/^其中/.test(s.text)) {
        st.parent = this.lastSubject;
        st.childMode = st.parent !== undefined;
      }
      const chains = findChains(s.text);
      const firstChain = chains[0]?.start ?? s.text.length;
      if (firstChain > 0) this.segment(sub(s, 0, firstChain), st, undefined);
      chains.forEach((c, i) => {
        const target = this.chainTarget(c);
        const tailEnd = chains[i + 1]?.start ?? s.text.length;
        // (the closing quote mark of a chain printed in quotes: …（项）”50.37万元; OCR reads it “)
        let from = c.end;
        while (from < tailEnd && /[”“"’‘」』]/.test(s.text[from]!)) from++;
        this.segment(sub(s, from, tailEnd), st, target);
      });
      prevTargets = st.targets;
      if (st.lastSubject) this.lastSubject = st.lastSubject;
    }
  }

  private chainTarget(c: Chain): Target {
    const code = this.opts.resolveChain(c.parts) ?? '';
    const t: Target = { item: c.parts[c.parts.length - 1]!.name, names: c.parts.map((x) => x.name), code, flags: code ? [] : ['code_unresolved'] };
    if (code) t.codeSource = 'resolved';
    return t;
  }

  /** One stretch of a sentence: the text before the first chain, or the tail of a chain. */
  private segment(seg: Span, st: SentenceState, chain: Target | undefined) {
    let body = seg;
    if (chain) {
      body = sub(seg, /^[：:]/.test(seg.text) ? 1 : 0);
      st.targets = [chain];
      st.amountTargets = [chain];
    }
    let firstInTail = chain !== undefined;
    for (const c of clauses(body)) {
      const found = amounts(c.text);
      if (!chain && /^(?:其中|包括|具体包括)[:：]?$/.test(c.text) && !st.childMode) {
        // `…万元。其中，人员支出 …`: the following figures are parts of the last one
        st.childMode = true;
        st.parent = st.parent ?? st.lastSubject ?? st.amountTargets[st.amountTargets.length - 1] ?? this.lastSubject;
        continue;
      }
      if (found.length === 0) {
        // a clause naming a change without a usable figure (`减少 417.56` without unit) ends the subject
        if (!chain && (CHANGE_WORD.test(c.text) || /\d/.test(c.text))) {
          st.targets = [];
          st.noFallback = true;
        }
        continue;
      }
      let anchor = 0;
      for (const a of found) {
        const pre = c.text.slice(anchor, a.index);
        anchor = a.end;
        const colon = Math.max(pre.lastIndexOf('：'), pre.lastIndexOf(':'));
        const intro = colon >= 0 ? pre.slice(0, colon) : '';
        const label = pre.slice(colon + 1);
        if (!chain && (/其中|包括/.test(intro) || /^(?:其中|包括|具体包括)/.test(label))) {
          if (!st.childMode) {
            st.childMode = true;
            st.parent = st.parent ?? st.lastSubject ?? st.amountTargets[st.amountTargets.length - 1] ?? this.lastSubject;
          }
        }
        const line = c.src[a.index]!;
        const d = this.derived.match(label);
        if (d) {
          this.derivedFact(d, a, line, st, chain);
          st.started = true;
          firstInTail = false;
          continue;
        }
        if (a.unit === '%') {
          // a percentage without a known keyword (到位率, 执行率 …): says nothing we can attribute
          if (!chain) st.targets = [];
          st.started = true;
          continue;
        }
        if (chain) {
          let measure: string | undefined;
          if (label === '' && firstInTail) measure = 'expenditure_final';
          else measure = this.chainMeasures.find((m) => m.re.test(label))?.measure;
          if (measure) this.emit(chain, measure, label, a, line, st);
        } else {
          const target = this.statementTarget(label, st);
          if (target) {
            this.emit(target, target.subject ?? 'expenditure_final', target.subject ? target.item : '', a, line, st);
            st.targets = [target];
            st.amountTargets.push(target);
            st.lastSubject = target;
          } else st.targets = [];
        }
        st.started = true;
        firstInTail = false;
      }
    }
  }

  /** The subject of an amount in statement mode: a statements.json label, a printed code, a 类 name. */
  private statementTarget(label: string, st: SentenceState): Target | undefined {
    const names = (item: string) => (st.childMode && st.parent ? [...st.parent.names, item] : [item]);
    const hit = this.labels.lookup(label);
    if (hit) {
      // a breakdown of another kind of figure (机关运行经费 具体包括 … 公务用车运行维护费): not this statement
      if (st.childMode && st.parent?.group && hit.group !== st.parent.group) return undefined;
      const subject = this.remap(hit.id, st);
      const t: Target = { item: hit.item, names: names(hit.item), code: '', subject, flags: [] };
      if (hit.group) t.group = hit.group;
      return t;
    }
    const stripped = label.replace(LEADING_MARKERS, '');
    const cm = CODE_LABEL.exec(stripped);
    if (cm) return { item: cm[2]!, names: [cm[2]!], code: cm[1]!, codeSource: 'printed', flags: [] };
    if (this.opts.resolveName && /支出$/.test(stripped) && !/\d/.test(stripped) && stripped.length <= 30) {
      const code = this.opts.resolveName(stripped);
      if (code && FUNCTION_CODE.test(code)) return { item: stripped, names: [stripped], code, codeSource: 'resolved', flags: [] };
    }
    return undefined;
  }

  private remap(id: string, st: SentenceState): string {
    let out = id;
    const headings = st.paragraph.headings.join(' ');
    for (const h of this.k.headingContext) if (headings.includes(h.heading) && h.remap[out]) out = h.remap[out]!;
    for (const c of this.k.sentenceContext) {
      if (st.amountTargets.some((t) => t.subject === c.after) && c.remap[out]) out = c.remap[out]!;
    }
    if (st.childMode && st.parent?.subject) {
      for (const c of this.k.childContext) if (c.parent === st.parent.subject && c.remap[out]) out = c.remap[out]!;
    }
    return out;
  }

  private derivedFact(d: DerivedHit, a: { value: string; unit: string; raw: string }, line: number, st: SentenceState, chain: Target | undefined) {
    const money = a.unit !== '%';
    let measure: string;
    if (d.kind === 'change') measure = money ? this.k.derived.change.measure : this.k.derived.change.rateMeasure;
    else {
      if (money) return; // 占 / 完成 with an amount: not a rate
      measure = d.kind === 'completion' ? this.k.derived.completion.measure : this.k.derived.share.measure;
    }
    let subjects: Target[];
    const labelKey = key(d.labelPart);
    if (!ignorable(labelKey)) {
      if (chain) return;
      const target = this.statementTarget(d.labelPart, st);
      if (!target || target.code) {
        st.targets = [];
        return;
      }
      subjects = [target];
      st.targets = [target];
      st.lastSubject = target;
    } else if (d.each) {
      subjects = st.amountTargets.slice();
      st.targets = subjects;
    } else if (st.targets.length > 0) {
      subjects = st.targets;
    } else if (!chain && !st.started && !st.noFallback) {
      // a sentence that starts with 比上年减少 / 完成预算的: the subject of the previous sentence
      subjects = st.prevTargets;
      st.targets = subjects;
    } else subjects = [];
    const value = d.negative ? negate(a.value) : a.value;
    for (const t of subjects) this.emit(t, measure, d.keyword, { ...a, value }, line, st);
  }

  private emit(t: Target, measure: string, measureLabel: string, a: { value: string; unit: string }, line: number, st: SentenceState) {
    new Decimal(a.value); // throws on anything that is not a plain decimal
    const f: ProseFact = {
      item: t.item,
      names: t.names.slice(),
      code: t.code,
      measure,
      measure_label: measureLabel,
      value: a.value,
      unit: a.unit,
      line,
      sentence: st.sentence.text,
      flags: t.flags.slice(),
    };
    const page = this.lines[line]?.page;
    if (page !== undefined) f.page = page;
    if (t.codeSource) f.code_source = t.codeSource;
    if (t.subject) f.subject = t.subject;
    this.facts.push(f);
  }
}

class SentenceState {
  targets: Target[] = [];
  amountTargets: Target[] = [];
  lastSubject: Target | undefined;
  parent: Target | undefined;
  childMode = false;
  started = false;
  noFallback = false;
  constructor(
    public sentence: Span,
    public paragraph: Paragraph,
    public prevTargets: Target[],
  ) {}
}

function negate(v: string): string {
  if (new Decimal(v).isZero()) return v;
  return v.startsWith('-') ? v.slice(1) : '-' + v;
}

/**
 * Facts printed in the prose of a document. `lines` are the document's text lines in reading
 * order; `line` in the result indexes into them.
 */
export function extractProseFacts(lines: ProseLine[], opts: ProseOptions): ProseFact[] {
  return new Extractor(lines, opts, proseKnowledge()).run();
}
