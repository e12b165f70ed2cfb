// A 收入总表 by unit of a 2026 部门预算 never tuned on, as OCR read a photocopy-like scan of it (苏州市
// 交通运输局 p. 3, the unseen photocopy-200 condition of the OCR bench; first columns as read): its
// units' place came back 东州市 and 一州市 for 苏州市, a lost code cell's marks ran into a name
// (£2303苏州市…), and a 中心 lost its 心. (Other characters misread, 铁帕 for 铁路, stay.) The other rows of the column print the place, and the
// issuer's name begins with it: those names begin with it, and end in 中心, flagged ocr_name_fuzzy
// (normalizers/facts/ocr-unit-names.ts restorePlacePrefixes). What no place explains stays as read
// (a 中心 read 中汀 is put right by the other rows' 发展中心: ocr-label-context.ts).
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { restorePlacePrefixes } from '../../normalizers/facts/ocr-unit-names.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const HEAD = ['部门代码', '部门名称', '合计', '本年收入 / 小计', '本年收入 / 一般公共预算', '本年收入 / 其他收入'];
const ROWS = [
  ['合计', '合计', '249,977.11', '249,977.11', '242,360.10', '7,617.01'],
  ['123', '苏州市交通运输局', '249,977.11', '249,977.11', '242,360.10', '7,617.01'],
  ['123001', '苏州市交通运输局', '201,457.56', '201,457.56', '201,457.56', ''],
  ['123002', '东州市交通运输综合行政执法支队', '24,274.54', '24,274.54', '21,054.54', '3,220.00'],
  ['£2303', '苏州市港航事业发展中汀', '3,868.38', '3,868.38', '3,868.38', ''],
  ['123004', '苏州市公路事业发展中心', '15,158.16', '15,158.16', '10,761.15', '4,397.01'],
  ['123006', '东州币交连工程质重监督i', '1,043.86', '1,043.86', '1,043.86', ''],
  ['123007', '苏州市邮政业安定发展中', '308.92', '308.92', '308.92', ''],
  ['123008', '一州市铁帕与航空事业发展中心', '747.05', '747.05', '747.05', ''],
];
const ISSUER = '苏州市交通运输局';
const facts = (issuer?: string) => factsOfTable(understandRows([HEAD, ...ROWS], { kind: 'budget_income', tableId: 't002', title: '收入总表', page: 3, fiscalYear: '2026' }), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy(), ...(issuer ? { issuer } : {}) });
const rowOf = (fs: ReturnType<typeof facts>, value: string) => fs.find((f) => f.value.eq(value) && f.measure === 'income_total')!;

describe("units' names begun with the place their column prints", () => {
  it('puts right a misread or lost character of the place, and marks run in before it, flagged', () => {
    const fs = facts(ISSUER);
    expect(rowOf(fs, '24274.54').item).toBe('苏州市交通运输综合行政执法支队');
    expect(rowOf(fs, '24274.54').flags).toContain('ocr_name_fuzzy');
    expect(rowOf(fs, '747.05').item).toBe('苏州市铁帕与航空事业发展中心');
    // (its 心 read 汀: put back by what two other rows print after 发展中, ocr-label-context.ts)
    expect(rowOf(fs, '3868.38').item).toBe('苏州市港航事业发展中心');
    expect(rowOf(fs, '3868.38').flags).toContain('ocr_name_fuzzy');
    expect(rowOf(fs, '308.92').item).toBe('苏州市邮政业安定发展中心');
    expect(rowOf(fs, '308.92').flags).toContain('ocr_name_fuzzy');
  });

  it('leaves names as printed, and what one character does not explain, as read', () => {
    const fs = facts(ISSUER);
    expect(rowOf(fs, '15158.16').item).toBe('苏州市公路事业发展中心');
    expect(rowOf(fs, '15158.16').flags).not.toContain('ocr_name_fuzzy');
    expect(rowOf(fs, '1043.86').item).toBe('东州币交连工程质重监督i');
  });

  it('needs the place printed by other rows, and by the issuer, or three rows without an issuer', () => {
    // an issuer of another place: the column's place is not its units'
    expect(rowOf(facts('无锡市交通运输局'), '24274.54').item).toBe('东州市交通运输综合行政执法支队');
    // no issuer: three rows or more must print the place (here six do)
    expect(rowOf(facts(), '24274.54').item).toBe('苏州市交通运输综合行政执法支队');
    expect(restorePlacePrefixes(['苏州市交通运输局', '苏州市公路事业发展中心', '东州市港航事业发展中心'])).toEqual(new Map());
    // with the issuer, one row printing it is enough (苏州市应急管理局 2026 p. 3, the same bench's
    // photocopy-200 condition: its two unit rows as read)
    expect(restorePlacePrefixes(['洁州市应急管理局', '苏州市应急督理局'], '苏州市应急管理局')).toEqual(new Map([[0, '苏州市应急管理局']]));
    expect(restorePlacePrefixes(['洁州市应急管理局', '无锡市应急督理局'], '苏州市应急管理局')).toEqual(new Map());
  });

  it('keeps a name that is a place of its own, and a list number, a year or a book title mark printed before a name', () => {
    const labels = ['深圳市规划和自然资源局', '深圳市规划和自然资源局(本级)', '深圳市地籍测绘大队', '深圳湾公园管理处', '1.深圳市土地储备中心', '圳市不动产登记中心', '深圳市城市规划发展研究中', '《深圳市国土空间总体规划》编制', '2025-深圳市不动产登记中心运维项目-0001'];
    const out = restorePlacePrefixes(labels, '深圳市规划和自然资源局');
    expect(out.get(3)).toBeUndefined();
    expect(out.get(4)).toBeUndefined();
    expect(out.get(7)).toBeUndefined();
    expect(out.get(8)).toBeUndefined();
    expect(out.get(5)).toBe('深圳市不动产登记中心');
    expect(out.get(6)).toBe('深圳市城市规划发展研究中心');
  });
});
