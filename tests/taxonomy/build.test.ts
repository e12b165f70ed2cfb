// The build: deterministic, matches the shipped data, reports conflicts, takes pipeline pairs and
// official lists.
import * as XLSX from '@e965/xlsx';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTaxonomy, importOfficialList } from '../../tools/taxonomy/build.js';
import type { BuildReport } from '../../tools/taxonomy/build.js';
import { observedFromOutput, readNotEvidence } from '../../tools/taxonomy/from-output.js';
import { harvestText } from '../../tools/taxonomy/harvest-text.js';
import { toSharedPath } from '../../tools/taxonomy/inputs.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { defaultDataDir } from '../../normalizers/taxonomy/store.js';
import { SEEDS, TAXONOMY_SOURCES } from './helpers.js';

const tmp: string[] = [];
// The shipped data was built from ../shared/taxonomy-sources and ../shared/seeds. A source is named
// by its folder and file (`seeds/000_….txt#L337`, and the folder name says what a CSV holds), so the
// same files are read here from folders of the same names: tests/fixtures/taxonomy-sources and a
// copy of corpus/samples (the seeds) named `seeds`.
const seedsCopy = join(mkdtempSync(join(tmpdir(), 'taxonomy-inputs-')), 'seeds');
tmp.push(dirname(seedsCopy));
cpSync(SEEDS, seedsCopy, { recursive: true });
const INPUTS = [TAXONOMY_SOURCES, seedsCopy];
const GENERATED = ['function.json', 'econ_dept.json', 'econ_gov.json', 'income.json', 'crosswalk_econ_dept_gov.csv', 'taxonomy.csv', 'conflicts.json', 'build-report.json'];
/** build-report.json records its inputs relative to the shared root: here they are read from elsewhere */
const portable = (f: string, text: string): string =>
  f === 'build-report.json' ? JSON.stringify({ ...(JSON.parse(text) as object), inputs: '(where the inputs were read from)' }, null, 2) : text;

/** A scratch data folder holding the hand-made parts of the shipped one. */
function scratch(withObserved = true): string {
  const d = mkdtempSync(join(tmpdir(), 'taxonomy-'));
  tmp.push(d);
  const src = defaultDataDir();
  cpSync(join(src, 'curated'), join(d, 'curated'), { recursive: true });
  cpSync(join(src, 'cofog.json'), join(d, 'cofog.json'));
  if (withObserved) cpSync(join(src, 'observed'), join(d, 'observed'), { recursive: true });
  return d;
}

afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

describe('buildTaxonomy', () => {
  let report: BuildReport;
  let dir: string;
  it('rebuilds the shipped data files byte for byte', async () => {
    dir = scratch();
    report = await buildTaxonomy(INPUTS, dir);
    for (const f of GENERATED) {
      expect(portable(f, readFileSync(join(dir, f), 'utf8')), f).toBe(portable(f, readFileSync(join(defaultDataDir(), f), 'utf8')));
    }
    const recorded = (JSON.parse(readFileSync(join(dir, 'build-report.json'), 'utf8')) as { inputs: string[] }).inputs;
    expect(recorded).toEqual(INPUTS.map(toSharedPath));
    expect(recorded.every((p) => !p.startsWith('/'))).toBe(true);
    // the shipped report: built from <shared>/taxonomy-sources and <shared>/seeds
    expect((JSON.parse(readFileSync(join(defaultDataDir(), 'build-report.json'), 'utf8')) as { inputs: string[] }).inputs).toEqual(['taxonomy-sources', 'seeds']);
  });
  it('is deterministic', async () => {
    const again = scratch();
    await buildTaxonomy(INPUTS, again);
    for (const f of GENERATED) expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(dir, f), 'utf8'));
  });
  it('reports counts and same-year conflicts, resolved by frequency', () => {
    expect(report.entries.function).toBeGreaterThan(300);
    expect(report.entriesByLevel.function.类).toBe(30);
    const c = report.conflicts.find((x) => x.code === '20805');
    expect(c).toMatchObject({ chosen: '行政事业单位养老支出', rejected: ['行政单位离退休'], variantsOnly: false });
    expect(c?.conflictYears).toEqual(['2023']);
    expect(c?.names.find((n) => n.name === '行政单位离退休')).toMatchObject({ count: 1, years: ['2023'] });
    expect(report.conflicts.find((x) => x.code === '208')?.variantsOnly).toBe(true);
    expect(report.unresolved).toEqual([]);
  });
  it('works from the seeds and source CSVs alone', async () => {
    const d = scratch(false);
    const r = await buildTaxonomy(INPUTS, d);
    expect(r.entries.function).toBeGreaterThan(130);
    const t = loadTaxonomy(d);
    expect(t.lookup('2101505', '2022')?.name).toBe('医疗保障政策管理'); // from 名词解释 + prose only
    expect(t.lookup('2101501')?.aliases).toEqual([]); // prose "行政运行支出" is read as 行政运行
  });
  it('accepts pipeline pairs and keeps them in observed/pipeline.csv', async () => {
    const d = scratch(false);
    const r = await buildTaxonomy(INPUTS, d, [
      { code: '2013101', name: '行政运行', year: '2024', source: 'corpus/x.pdf#p3' },
      { code: '2013101', name: '行政运行', year: '2025', source: 'corpus/y.pdf#p4' },
      { code: 'abc', name: 'junk', year: '2024', source: 'bad' },
    ]);
    expect(r.evidenceByKind['observed']).toBe(2);
    expect(readFileSync(join(d, 'observed', 'pipeline.csv'), 'utf8')).toContain('2013101,行政运行,2024,corpus/x.pdf#p3');
    const e = loadTaxonomy(d).lookup('2013101');
    expect(e).toMatchObject({ name: '行政运行', years: ['2024', '2025'], parent: '20131' });
    expect(e?.sources).toContain('corpus/y.pdf#p4');
    // a rebuild without extra pairs keeps them
    const r2 = await buildTaxonomy(INPUTS, d);
    expect(r2.evidenceByKind['observed']).toBe(2);
  });
});

describe('observedFromOutput', () => {
  const out = mkdtempSync(join(tmpdir(), 'taxonomy-observed-'));
  tmp.push(out);
  const sha = (c: string) => c.repeat(64);
  writeFileSync(join(out, 'documents.csv'), [
    'doc_id,source,sha256,fiscal_year',
    `a,corpus/real.pdf,${sha('a')},2024`,
    `b,corpus/template.pdf,${sha('b')},2024`,
    `c,corpus/renamed-copy.pdf,${sha('c')},2024`,
  ].join('\n') + '\n');
  writeFileSync(join(out, 'facts.csv'), [
    'doc_id,table_kind,code,item,page,flags,code_source',
    'a,expenditure,2013101,行政运行,3,,printed',
    'a,expenditure,2013102,一般行政管理事务,3,identity_failed,printed',
    'b,expenditure,2013101,XX,2,,printed',
    'c,expenditure,2013101,行政运行改,4,,printed',
  ].join('\n') + '\n');
  const list = join(out, 'not-evidence.tsv');
  it('keeps clean printed pairs of every document when nothing is excluded', () => {
    expect(observedFromOutput(out).map((p) => p.source)).toEqual(['corpus/real.pdf#p3', 'corpus/template.pdf#p2', 'corpus/renamed-copy.pdf#p4']);
  });
  it('skips the documents of a not-evidence list, by file name or by sha256 prefix', () => {
    writeFileSync(list, `# comment\nfilename\tsha256_16\treason\ntemplate.pdf\t\ttemplate\n\t${sha('c').slice(0, 16)}\taltered\n`);
    expect(observedFromOutput(out, readNotEvidence([list]))).toEqual([{ code: '2013101', name: '行政运行', year: '2024', source: 'corpus/real.pdf#p3' }]);
  });
  it('reads a manifest with an evidence column: only its "no" rows are excluded', () => {
    writeFileSync(list, 'filename\tkind\tevidence\nreal.pdf\tpdf-text\tyes\ntemplate.pdf\tpdf-text\tno\n');
    expect(observedFromOutput(out, readNotEvidence([list])).map((p) => p.source)).toEqual(['corpus/real.pdf#p3', 'corpus/renamed-copy.pdf#p4']);
  });
  it('the shipped list names the corpus templates and the altered copy', () => {
    const shipped = readNotEvidence([join(defaultDataDir(), 'not-evidence.tsv')]);
    expect(shipped.filenames.has('sh-putuo-caizhengju-2024-dept-final-MODIFIED.pdf')).toBe(true);
    expect(shipped.sha256).toContain('6a2eb604435934e7');
  });
  it('a missing list or one without the columns is an error', () => {
    expect(() => readNotEvidence([join(out, 'nope.tsv')])).toThrow(/not found/);
    writeFileSync(list, 'name\treason\nx\ty\n');
    expect(() => readNotEvidence([list])).toThrow(/neither filename nor sha256_16/);
  });
});

describe('importOfficialList', () => {
  it('imports code,name[,level] for a year; official names win that year', async () => {
    const d = scratch(false);
    await buildTaxonomy(INPUTS, d);
    const csv = join(d, 'list.csv');
    writeFileSync(csv, 'code,name,level\n2101501,行政运行,项\n2101504,信息化建设,项\n21016,老龄卫生健康事务,款\n20805,行政事业单位养老支出,款\n');
    const r = await importOfficialList(csv, '2021', d);
    expect(r.imported).toBe(4);
    expect(existsSync(join(d, 'official', '2021_list.csv'))).toBe(true);
    expect(r.evidenceByKind['official']).toBe(4);
    const t = loadTaxonomy(d);
    expect(t.lookup('21016', '2021')).toMatchObject({ name: '老龄卫生健康事务', years: ['2021'] });
    expect(t.lookup('2101501')?.years).toContain('2021');
  });
  it('reads a headerless list', async () => {
    const d = scratch(false);
    const csv = join(d, 'plain.csv');
    writeFileSync(csv, '2010101,行政运行\n2010102,一般行政管理事务\n');
    const r = await importOfficialList(csv, '2020', d);
    expect(r.imported).toBe(2);
  });
  it('imports a workbook: the 科目编码 / 科目名称 columns of every sheet, title rows skipped', async () => {
    const d = scratch(false);
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([
      ['2021年政府收支分类科目（支出功能分类）'],
      ['科目编码', '科目名称', '说明'],
      ['210', '卫生健康支出', ''],
      ['21016', '老龄卫生健康事务', ''],
      ['2101601', '老龄卫生健康事务', ''],
      ['21x', '坏行', ''],
    ]);
    XLSX.utils.book_append_sheet(wb, ws, '支出功能分类');
    const file = join(d, 'official.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const r = await importOfficialList(file, '2021', d);
    expect(r.imported).toBe(3);
    expect(r.warnings.some((w) => /official\.xlsx 支出功能分类!row 6/.test(w))).toBe(true);
    expect(loadTaxonomy(d).lookup('2101601', '2021')).toMatchObject({ name: '老龄卫生健康事务', level: '项', parent: '21016' });
  });
  it('rejects a missing file and bad years with a one-line reason', async () => {
    await expect(importOfficialList('/tmp/nonexistent-list.xlsx', '2022', '/tmp')).rejects.toThrow(/^official list not found/);
    await expect(importOfficialList('/tmp/list.csv', '22', '/tmp')).rejects.toThrow(/four-digit/);
  });
});

describe('harvestText', () => {
  it('reads TSV rows, one-cell-per-line blocks, definitions, prose pairs and chains', () => {
    const text = [
      '2022 年度',
      '<b>210</b>\t<b>卫生健康支出</b>\t1.00',
      '30101\t基本工资\t1.00\t30201\t办公费\t2.00',
      '',
      '\t2101501',
      '\t行政运行',
      '\t1.00',
      '',
      '行政单位医疗（2101101）：反映…',
      '(十六) 2101505-医疗保障政策管理支出 0.00 万元',
      '1. 卫生健康（类）医疗保障管理事务（款）事业运行（项）：支出决算为 11.91 万元',
      '\t100',
      '\t人数',
    ].join('\n');
    const h = harvestText(text, 'seeds/t.txt');
    expect(h.evidence.map((e) => [e.code, e.name, e.kind, e.year])).toEqual([
      ['210', '卫生健康支出', 'table', '2022'],
      ['30101', '基本工资', 'table', '2022'],
      ['30201', '办公费', 'table', '2022'],
      ['2101501', '行政运行', 'table', '2022'],
      ['2101101', '行政单位医疗', 'definition', '2022'],
      ['2101505', '医疗保障政策管理支出', 'prose', '2022'],
    ]);
    expect(h.evidence[3]?.source).toBe('seeds/t.txt#L5');
    expect(h.names.map((n) => n.chain)).toEqual([['卫生健康', '医疗保障管理事务', '事业运行']]);
  });
});
