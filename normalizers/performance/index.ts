// 绩效自评表 / 绩效目标表 / 自评指标评分表 forms → performance.csv and performance_indicators.csv
// records. Forms are read by vocabulary and structure, not fixed positions (see README.md).
import type { PerformanceForm, PerformanceIndicator } from '../../model/types.js';
import type { TableCandidate } from '../tables/locate.js';
import { stripNumbering } from '../values/labels.js';
import { columnModel, findIndicatorHeader } from './columns.js';
import { findYear, readFields } from './fields.js';
import { parseIndicatorRows } from './indicators.js';
import { isScoringHeader, parseScoringTable } from './scoring.js';
import { stitchForm } from './stitch.js';
import { isGarbled, vocabKey } from './text.js';
import { costIsLevel1 } from './vocabulary.js';

const FORM_TITLE = /绩效自评表|绩效目标表|自评指标评分表|整体绩效自评/;
const FORM_STRUCTURE = /^(一级指标|项目名称|专项名称|项目\(政策\)名称|部门\(单位\)名称|单位名称|绩效指标)/;
const DEPARTMENT = /部门\(单位\)整体|部门整体|单位整体/;

/** a line that ends the way a title does: …表, …表(2022年度) */
const TITLE_END = /表(?:\([^()]*\))?$/;
/** how long a title line may be: one that ends in 表 names its project in full and may run past a
 *  line of prose (…取消药品加成财政补偿资金（卫生健康事业发展专项资金）项目绩效自评表, 46
 *  characters); any other line passes for a title only when short */
const TITLE_MAX = 90;
const SHORT_MAX = 40;

function titleLike(t: string): boolean {
  const c = vocabKey(t);
  if (c.length === 0 || /[。；]/.test(c)) return false;
  return c.length <= (TITLE_END.test(c) ? TITLE_MAX : SHORT_MAX);
}

/** The form's title as printed: the grid's own title row, else the title printed before it. */
function formTitle(cand: TableCandidate): string {
  const candidates = [
    ...cand.grid.rows.slice(0, 2).map((r) => r.filter((c) => c.text.trim() !== '')).filter((r) => r.length === 1).map((r) => r[0]!.text),
    cand.title,
    ...[...cand.before].reverse(),
  ];
  const hit = candidates.find((t) => titleLike(t) && FORM_TITLE.test(vocabKey(t)));
  return hit ? stripNumbering(hit).replace(/[《》]/g, '') : '';
}

export function isPerformanceForm(cand: TableCandidate): boolean {
  if (!formTitle(cand)) return false;
  return cand.grid.rows.some((r) => r.some((c) => FORM_STRUCTURE.test(vocabKey(c.text))));
}

/**
 * The performance forms among a document's table candidates, each stitched back together when the
 * extractor cut it into fragments (untitled candidates right after it). Call this on the output of
 * locateTables, then parsePerformanceForm on each.
 */
export function collectPerformanceForms(cands: TableCandidate[]): TableCandidate[] {
  const out: TableCandidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    if (!isPerformanceForm(cands[i]!)) continue;
    const { cand, used } = stitchForm(cands, i, isPerformanceForm);
    out.push(cand);
    i += used - 1;
  }
  return out;
}

interface PerformanceContext {
  doc_id: string;
  table_id: string;
  form_id: string;
  fiscal_year: string;
  issuer: string;
}

export function parsePerformanceForm(
  cand: TableCandidate,
  ctx: PerformanceContext,
): { form: PerformanceForm; indicators: PerformanceIndicator[]; messages: string[] } {
  const rows = cand.grid.rows;
  const messages: string[] = [];
  const flags: string[] = [];
  const title = formTitle(cand);
  const headerRow = findIndicatorHeader(rows);
  let indicators: PerformanceIndicator[] = [];
  let skipFrom = rows.length;
  let skipTo = rows.length;
  if (headerRow < 0) {
    messages.push('no indicator header (一级指标 … 三级指标) found');
  } else if (isScoringHeader(rows[headerRow]!) || rows.some((r) => isScoringHeader(r))) {
    const h = rows.findIndex((r) => isScoringHeader(r));
    const sc = parseScoringTable(rows, h, { form_id: ctx.form_id, doc_id: ctx.doc_id, ...(cand.page !== undefined ? { page: cand.page } : {}) });
    indicators = sc.indicators;
    messages.push(...sc.messages);
    for (const f of sc.flags) if (!flags.includes(f)) flags.push(f);
    skipFrom = Math.min(headerRow, h);
    skipTo = rows.findIndex((r, i) => i > h && /^合计/.test(vocabKey(r[0]?.text ?? '')));
    if (skipTo < 0) skipTo = rows.length;
  } else {
    const model = columnModel(rows, headerRow);
    const texts = rows.flatMap((r) => r.map((c) => c.text));
    const res = parseIndicatorRows(rows, model, {
      form_id: ctx.form_id,
      doc_id: ctx.doc_id,
      costLevel1: costIsLevel1(texts),
      ...(cand.grid.rowPages ? { rowPages: cand.grid.rowPages } : {}),
      ...(cand.page !== undefined ? { page: cand.page } : {}),
    });
    indicators = res.indicators;
    messages.push(...res.messages);
    skipFrom = headerRow;
    skipTo = res.endRow;
  }
  const fr = readFields(rows, skipFrom, skipTo);
  messages.push(...fr.messages);
  for (const f of fr.flags) if (!flags.includes(f)) flags.push(f);
  if (indicators.some((i) => i.flags.includes('ocr_unreadable')) && !flags.includes('ocr_unreadable')) flags.push('ocr_unreadable');
  if (rows.some((r) => r.some((c) => isGarbled(c.text))) && !flags.includes('ocr_unreadable')) flags.push('ocr_unreadable');

  const yearTexts = [...cand.before, ...rows.slice(0, 3).map((r) => r.map((c) => c.text).join(' '))];
  let year = findYear(yearTexts);
  if (!year) {
    year = ctx.fiscal_year;
    if (year) flags.push('year_from_document');
  }
  let issuer = fr.fields.issuer;
  if (!issuer && ctx.issuer) {
    issuer = ctx.issuer;
    flags.push('issuer_from_document');
  }
  const form: PerformanceForm = {
    form_id: ctx.form_id,
    doc_id: ctx.doc_id,
    table_id: ctx.table_id,
    form_kind: DEPARTMENT.test(vocabKey(title)) ? 'department' : 'project',
    title,
    ...fr.fields,
    issuer,
    year,
    flags,
  };
  if (cand.page !== undefined) form.page = cand.page;
  if (!form.project) messages.push('project / department name not readable');
  if (!form.total_score) messages.push('total score not printed or not readable');
  if (!indicators.length) messages.push('no indicators read');
  return { form, indicators, messages };
}
