// Several tables on one sheet: apart by blank rows, right after one another (the next title row
// the only boundary), or side by side apart by a blank column. A blank row inside a table, or
// between a table and its notes, does not cut it.
import { describe, it, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Block } from '../../../model/types.js';
import { extractWorkbook } from '../../../extractors/xlsx/index.js';
import { processDocument } from '../../../pipeline/process-document.js';

type Row = (string | number | null)[];

/** A one-sheet workbook from rows (null: an empty cell), with merges. */
function book(rows: Row[], merges: XLSX.Range[] = []): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((v) => (v === null ? undefined : v))));
  ws['!merges'] = merges;
  for (const [addr, cell] of Object.entries(ws)) if (!addr.startsWith('!') && (cell as XLSX.CellObject).t === 'n') (cell as XLSX.CellObject).z = '#,##0.00';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '预算公开表');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const shape = (bs: Block[]): string[] => bs.map((b) => (b.kind === 'line' ? b.text : `GRID ${b.grid.rows.length}x${b.grid.rows[0]!.length}`));

const T05: Row[] = [
  ['2026年一般公共预算支出表', null, null, null, null],
  ['部门：某局', null, null, null, '单位：万元'],
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['201', '一般公共服务支出', 10, 6, 4],
  ['20103', '政府办公厅（室）及相关机构事务', 10, 6, 4],
];
const T06: Row[] = [
  ['2026年一般公共预算基本支出表', null, null],
  ['部门：某局', null, '单位：万元'],
  ['科目编码', '科目名称', '合计'],
  ['301', '工资福利支出', 6],
  ['30101', '基本工资', 6],
];
const titleMerge = (r: number, c: number, w: number): XLSX.Range => ({ s: { r, c }, e: { r, c: c + w - 1 } });

describe('several tables on one sheet', () => {
  it('apart by blank rows: each table its own grid with its own title and unit', () => {
    const r = extractWorkbook(book([...T05, [], [], ...T06], [titleMerge(0, 0, 5), titleMerge(7, 0, 3)]));
    expect(shape(r.blocks)).toEqual(['预算公开表', '2026年一般公共预算支出表', '部门：某局', '单位：万元', 'GRID 3x5', '2026年一般公共预算基本支出表', '部门：某局', '单位：万元', 'GRID 3x3']);
  });

  it('right after one another: the next title row starts the next table', () => {
    const r = extractWorkbook(book([...T05, ...T06], [titleMerge(0, 0, 5), titleMerge(5, 0, 3)]));
    expect(shape(r.blocks).slice(1)).toEqual(['2026年一般公共预算支出表', '部门：某局', '单位：万元', 'GRID 3x5', '2026年一般公共预算基本支出表', '部门：某局', '单位：万元', 'GRID 3x3']);
  });

  it('side by side apart by a blank column, each with its own title', () => {
    const rows: Row[] = T05.map((r, i) => [...r, null, ...(T06[i] ?? [])]);
    const r = extractWorkbook(book(rows, [titleMerge(0, 0, 5), titleMerge(0, 6, 3)]));
    expect(shape(r.blocks).slice(1)).toEqual(['2026年一般公共预算支出表', '部门：某局', '单位：万元', 'GRID 3x5', '2026年一般公共预算基本支出表', '部门：某局', '单位：万元', 'GRID 3x3']);
  });

  it('a blank row inside a table, a two-sided table with a blank column and the notes under a table do not cut it', () => {
    const inside = extractWorkbook(book([...T05.slice(0, 4), [], T05[4]!, [], ['注：本表无政府性基金预算。']], [titleMerge(0, 0, 5)]));
    expect(shape(inside.blocks).slice(1)).toEqual(['2026年一般公共预算支出表', '部门：某局', '单位：万元', 'GRID 3x5', '注：本表无政府性基金预算。']);
    const twoSided = extractWorkbook(book([
      ['2026年部门收支总表', null, null, null, null],
      ['项目', '预算数', null, '项目', '预算数'],
      ['一般公共预算拨款收入', 10, null, '一般公共服务支出', 10],
      ['收入总计', 10, null, '支出总计', 10],
    ], [titleMerge(0, 0, 5)]));
    expect(shape(twoSided.blocks).slice(1)).toEqual(['2026年部门收支总表', 'GRID 3x4']);
  });

  it('through the pipeline: both tables of a shared sheet classified, with their facts', async () => {
    const doc = await processDocument('b.xlsx', book([['某局2026年部门预算'], [], ...T05, [], ...T06], [titleMerge(2, 0, 5), titleMerge(8, 0, 3)]));
    expect(doc.tables.map((t) => [t.table_kind, t.unit])).toEqual([['budget_general_expenditure', '万元'], ['budget_general_basic_expenditure', '万元']]);
    expect(doc.facts.filter((f) => f.table_kind === 'budget_general_basic_expenditure').map((f) => `${f.code}:${f.value.toFixed()}`)).toEqual(['301:6', '30101:6']);
  });
});
