// budget_lines.csv: the money facts as Fiscal Data Package-style budget lines — one amount in
// 元 with its dimensions spelled out: fiscal year, phase (预算 approved / 决算 executed),
// direction (income / expenditure), administrative unit, functional classification by level
// (类/款/项), economic classification by level. Derived from facts.csv and documents.csv only.
import type { Dataset, DocumentRow, FactRow } from './records.js';
import { toCsv } from './csv.js';

export const BUDGET_LINE_COLUMNS = [
  'doc_id', 'table_id', 'fiscal_year', 'phase', 'phase_label', 'direction', 'administrative_unit',
  'functional_l1', 'functional_l2', 'functional_l3', 'economic_system', 'economic_l1', 'economic_l2', 'income_code',
  'item', 'measure', 'amount', 'currency', 'value', 'unit', 'page',
] as const;

type BudgetLine = Record<(typeof BUDGET_LINE_COLUMNS)[number], string>;

const PHASE_LABEL: Record<string, string> = { approved: '预算', adjusted: '调整预算', executed: '决算' };

function phaseOf(f: FactRow, doc: DocumentRow | undefined): string {
  if (/^budget(_initial)?$/.test(f.measure)) return 'approved';
  if (f.measure === 'budget_adjusted') return 'adjusted';
  if (doc?.doc_kind === 'budget') return 'approved';
  if (doc?.doc_kind === 'final_accounts') return 'executed';
  return '';
}

function directionOf(f: FactRow): string {
  if (f.section === 'income' || f.section === 'expenditure') return f.section;
  if (f.code_system === 'income') return 'income';
  if (f.code_system === 'function' || f.code_system.startsWith('econ')) return 'expenditure';
  if (/income/.test(f.table_kind) && !/expenditure/.test(f.table_kind)) return 'income';
  if (/expenditure|three_public|state_capital|procurement|operating_costs|purchase_services|project/.test(f.table_kind)) return 'expenditure';
  return '';
}

export function budgetLines(ds: Dataset): BudgetLine[] {
  const docs = new Map(ds.documents.map((d) => [d.doc_id, d]));
  const out: BudgetLine[] = [];
  for (const f of ds.facts) {
    if (!f.amount_yuan) continue;
    const doc = docs.get(f.doc_id);
    const phase = phaseOf(f, doc);
    const fn = f.code_system === 'function' ? f.code : '';
    const ec = f.code_system.startsWith('econ') ? f.code : '';
    out.push({
      doc_id: f.doc_id, table_id: f.table_id, fiscal_year: doc?.fiscal_year ?? '', phase, phase_label: PHASE_LABEL[phase] ?? '',
      direction: directionOf(f), administrative_unit: doc?.issuer ?? '',
      functional_l1: fn.slice(0, 3), functional_l2: fn.length >= 5 ? fn.slice(0, 5) : '', functional_l3: fn.length >= 7 ? fn.slice(0, 7) : '',
      economic_system: ec ? f.code_system : '', economic_l1: ec.slice(0, 3), economic_l2: ec.length >= 5 ? ec.slice(0, 5) : '',
      income_code: f.code_system === 'income' ? f.code : '',
      item: f.item, measure: f.measure, amount: f.amount_yuan, currency: 'CNY', value: f.value, unit: f.unit, page: f.page,
    });
  }
  return out;
}

export function budgetLinesCsv(ds: Dataset): string {
  return toCsv(BUDGET_LINE_COLUMNS, budgetLines(ds).map((l) => BUDGET_LINE_COLUMNS.map((c) => l[c])));
}
