// Table kinds of OCR'd tables whose title came back misread (normalizers/tables/kinds.ts
// fuzzyTitleKinds, classify.ts): the title compared with the kinds' known titles allowing misread
// characters is one signal beside the rows' codes, the header words and the table number. A text
// layer's title is matched exactly, as before. The misread titles are tesseract's readings of real
// scanned 决算 and 预算 pages (收入7支出决总表, 支出欧算表 and 一忠公八预算… from the scans of issue 15;
// 收入支出决算总 and 2024年部门一航公共郭预支申动(能分类预算表 from the dev conditions of
// tests/bench/ocr-grid.ts), the last one committed below as a scanned page.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentRecord, GridCell, GridMethod } from '../../model/types.js';
import { processDocument } from '../../pipeline/process-document.js';
import { closeSharedPool } from '../../extractors/ocr/index.js';
import { fixture as fixturePath } from '../fixture.js';
import { classifyTable, OCR_KIND_UNKNOWN } from '../../normalizers/tables/classify.js';
import { fuzzyTitleKinds, kindsByTitle } from '../../normalizers/tables/kinds.js';
import { locateTables, type TableCandidate } from '../../normalizers/tables/locate.js';

function candidate(title: string, rows: string[][], method: GridMethod = 'ocr', tableNo = ''): TableCandidate {
  const grid = { rows: rows.map((r) => r.map((text) => ({ text }) as GridCell)), method } as unknown as TableCandidate['grid'];
  return { title, table_no: tableNo, unit: '万元', before: [], notes: [], grid };
}

const fuzzy = (title: string): string[] => fuzzyTitleKinds(title).map((f) => f.kind.id);

// a 决算 支出决算表 / 一般公共预算财政拨款支出决算表 as OCR reads them: function codes, 基本/项目 columns
const expenditureHead = ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'];
const functionRows = [['201', '一般公共服务支出', '10.00', '8.00', '2.00'], ['20103', '政府办公厅(室)及相关机构事务', '10.00', '8.00', '2.00'], ['2010301', '行政运行', '8.00', '8.00', ''], ['2010350', '事业运行', '2.00', '', '2.00']];
// a 决算 收入支出决算总表: income and expenditure side by side, no codes
const summaryRows = [['收入', '', '支出', ''], ['项目', '决算数', '项目', '决算数'], ['一、一般公共预算财政拨款收入', '2940.05', '一、一般公共服务支出', '2946.25'], ['本年收入合计', '2946.25', '本年支出合计', '2946.25']];

describe('known titles found in misread OCR titles', () => {
  it('name the kind the misread title was printed as, strongest first', () => {
    expect(fuzzy('收入7支出决总表')[0]).toBe('income_expenditure_summary');
    expect(fuzzy('一忠公八预算财政拨款支出决算表')[0]).toBe('general_budget_expenditure');
    expect(fuzzy('支出欧算表')).toContain('expenditure');
    // the year and issuer printed before a title cost nothing
    expect(fuzzy('2024年度部门财务收支顶算总表')[0]).toBe('budget_income_expenditure_summary');
  });

  it('prefer the longer title a misread beginning hides over the shorter one at its end', () => {
    // 支出决算表 is found exactly at the end; the whole title, its 拨 read as the lookalike 拔 (no
    // misread character: knowledge/ocr-lookalikes.json), says more
    const found = fuzzyTitleKinds('一般公共预算财政拔款支出决算表');
    expect(found[0]!.kind.id).toBe('general_budget_expenditure');
    expect(found[0]!.edits).toBe(0);
    expect(found.find((f) => f.kind.id === 'expenditure')!.strength).toBeLessThan(found[0]!.strength);
  });

  it('find nothing in what is not a title, nor in short words one character from another', () => {
    expect(fuzzyTitleKinds('部门国家信访局')).toEqual([]);
    expect(fuzzyTitleKinds('金额单位万元')).toEqual([]);
    // 收入总表 and 支出总表 are one character apart: under five characters only an exact match counts
    expect(fuzzy('收X总表')).toEqual([]);
  });

  it('allow one character in three of a long title, one in four of a shorter one', () => {
    // 一般公共预算支出功能分类预算表 (a photocopy-like scan): five of fifteen characters misread
    expect(fuzzy('2024年部门一航公共郭预支申动(能分类预算表')).toEqual(['budget_general_expenditure']);
    // 收入决算表 with two of five misread is no title
    expect(fuzzy('收X决算衣')).toEqual([]);
  });
});

describe('a misread title above an OCR\'d table', () => {
  const grid = (method: GridMethod): Block => ({ kind: 'grid', page: 2, grid: { rows: summaryRows.map((r) => r.map((text) => ({ text }) as GridCell)), method, page_first: 2, page_last: 2 } });
  const line = (text: string): Block => ({ kind: 'line', text, page: 2 });

  it('is the table\'s title though its 表 was lost', () => {
    expect(locateTables([line('收入支出决算总'), line('公开01表'), line('金额单位万元'), grid('ocr')])[0]!.title).toBe('收入支出决算总');
  });

  it('is never a note, whose 注 OCR misread too, nor a line of a text layer', () => {
    expect(locateTables([line('沐李表反映郯门札年度一航公共顽算财政拨款支出情况'), line('金额单位万元'), grid('ocr')])[0]!.title).toBe('');
    expect(locateTables([line('收入支出决算总'), line('金额单位万元'), grid('ruled')])[0]!.title).toBe('');
  });
});

describe('kinds of OCR tables with misread titles', () => {
  it('files a misread 收入支出决算总表 as the 总表', () => {
    const c = classifyTable(candidate('收入7支出决总表', summaryRows), 'final_accounts');
    expect(c.kind?.id).toBe('income_expenditure_summary');
    expect(c.evidence).toMatch(/^title~2:income_expenditure_summary/);
    expect(c.flags).toEqual([]);
  });

  it('files a misread 支出决算表 by its function rows and 基本/项目 columns', () => {
    const c = classifyTable(candidate('支出欧算表', [expenditureHead, ...functionRows]), 'final_accounts');
    expect(c.kind?.id).toBe('expenditure');
    expect(c.flags).toEqual([]);
  });

  it('files a misread 一般公共预算财政拨款支出决算表 as such, not as the 支出决算表 its end names', () => {
    const c = classifyTable(candidate('一般公共预算财政拔款支出决算表', [expenditureHead, ...functionRows]), 'final_accounts');
    expect(kindsByTitle('一般公共预算财政拔款支出决算表').map((k) => k.id)).toEqual(['expenditure']);
    expect(c.kind?.id).toBe('general_budget_expenditure');
  });

  it('files a 财政拨款收支总表 whose 拨 was misread as such, not as the 收支总表 its end names', () => {
    // 北京市审计局 2026 部门预算, 预算04表, as a grey JPEG scan read it (the OCR bench's unseen
    // documents of ../shared/corpus, q80-200): seven of the eight characters of the longer title
    // against four of the shorter
    const rows = [['收入', '', '支出', ''], ['项目', '预算数', '项目', '预算数'], ['-般公共预算资金', '32,365.090089', '-般公共服务支出', '26,610.947359'], ['政府性基金预算资金', '', '二、外交支出', ''], ['、国有资本经营预算资金', '', '三、国防支出', '']];
    expect(kindsByTitle('预算04表财政捆款收支总表').map((k) => k.id)).toEqual(['budget_income_expenditure_summary']);
    expect(classifyTable(candidate('预算04表财政捆款收支总表', rows), 'budget').kind?.id).toBe('budget_fiscal_appropriation_summary');
    // (the title as printed is matched exactly, and a text layer's as it is)
    expect(classifyTable(candidate('预算01表收支总表', rows), 'budget').kind?.id).toBe('budget_income_expenditure_summary');
    expect(classifyTable(candidate('预算04表财政捆款收支总表', rows, 'ruled'), 'budget').kind?.id).toBe('budget_income_expenditure_summary');
  });

  it('takes the 表N number of an OCR\'d final account when the title is unreadable', () => {
    const c = classifyTable(candidate('', [expenditureHead, ...functionRows], 'ocr', '表5'), 'final_accounts');
    expect(c.kind?.id).toBe('general_budget_expenditure');
  });

  it('leaves a text layer\'s titles to the exact patterns', () => {
    const c = classifyTable(candidate('收入7支出决总表', summaryRows, 'ruled'), 'final_accounts');
    expect(c.kind).toBeUndefined();
    expect(c.flags).toEqual([]);
    expect(classifyTable(candidate('', [expenditureHead, ...functionRows], 'ruled', '表5'), 'final_accounts').kind).toBeUndefined();
  });

  it('flags an OCR table of unknown kind', () => {
    const c = classifyTable(candidate('单位万元', [expenditureHead, ...functionRows]), 'final_accounts');
    expect(c.kind).toBeUndefined();
    expect(c.flags).toContain(OCR_KIND_UNKNOWN);
  });
});

// A real misread title, end to end through OCR (committed: 国家信访局 2024 决算 p. 7, 收入支出决算总表
// 公开01表, rendered grey at 200 dpi by `pdftoppm -r 200 -gray -f 7 -l 7`, then `convert -colorspace
// Gray -background white -rotate 0.45 +repage -blur 0x0.5 -seed 31 -attenuate 0.35 +noise Gaussian
// -level 4%,96% -depth 8 -quality 75` and `img2pdf --imgsize 200dpi`, the way scan-grid.json's
// conditions are made): tesseract reads the title as 收入支出决算总, its 表 lost, so no title line
// ends in 表. The misread title is still found above the table and names the kind. (Read with the
// page's greys as they are, ocr.tone's curve off: through it the 表 is read.)
describe('a scanned page whose title OCR misreads', () => {
  const pdf = fixturePath('scans/guojia-xinfangju-2024-p07-200dpi-levels-scan.pdf');
  let doc: DocumentRecord;
  beforeAll(async () => {
    doc = await processDocument(pdf, new Uint8Array(readFileSync(pdf)), { settings: { ocr: { tone: { gamma: 1 } } } });
  }, 180_000);
  afterAll(async () => {
    await closeSharedPool();
  });

  it('takes the misread line for the title and files the table by it', () => {
    const t = doc.tables.find((x) => x.method === 'ocr')!;
    expect(t.title).toBe('收入支出决算总');
    expect(t.table_kind).toBe('income_expenditure_summary');
    expect(t.kind_evidence).toMatch(/^title~1:income_expenditure_summary/);
    expect(t.flags).not.toContain(OCR_KIND_UNKNOWN);
  });

  it('names the kind from the misread title alone, without the 公开01表 number', () => {
    const c = classifyTable(candidate('收入支出决算总', summaryRows), 'final_accounts');
    expect(c.kind?.id).toBe('income_expenditure_summary');
  });
});
