// A 收入总表 by unit of a 2026 部门预算 never tuned on, as OCR read a JPEG scan of it (无锡市人力资源和
// 社会保障局 p. 3, the unseen q80-200 condition of the OCR bench; first columns and rows as read): the
// department's own name came back 无锡市人力资源和社会保嘉局 on its rows, 〔本级) for (本级), and a
// unit named after it 无锡市人力资源和社会保商综合服务中心. Their figures were right but their items
// named no unit the document prints. The document's issuer (read from its cover) puts right the
// first characters of a unit's name that are within a misreading of it, flagged ocr_name_fuzzy
// (normalizers/facts/ocr-unit-names.ts); the bracket pairs (ocr-brackets.ts pairMisreadOpeners).
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { pairMisreadOpeners } from '../../normalizers/facts/ocr-brackets.js';
import { withIssuerName } from '../../normalizers/facts/ocr-unit-names.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const HEAD = ['部门代码', '部门名称', '合计', '本年收入 / 小计', '本年收入 / 一般公共预算', '本年收入 / 其他收入'];
const ROWS = [
  ['合计', '合计', '154,121.76', '154,121.76', '152,585.76', '1,536.00'],
  ['309', '无锡市人力资源和社会保嘉局', '154,121.76', '154,121.76', '152,585.76', '1,536.00'],
  ['309001', '无锡市人力资源和社会保嘉局〔本级)', '6,810.48', '6,810.48', '6,810.48', ''],
  ['309004', '无锡市劳动人事争议仲载院', '452.21', '452.21', '452.21', ''],
  ['309005', '无锡市社会保险基金管理中心', '118,788.13', '118,788.13', '117,252.13', '1,536.00'],
  ['309006', '无锡市人力资源和社会保商综合服务中心', '3,976.43', '3,976.43', '3,976.43', ''],
];
const ISSUER = '无锡市人力资源和社会保障局';
const facts = (issuer?: string) => factsOfTable(understandRows([HEAD, ...ROWS], { kind: 'budget_income', tableId: 't002', title: '收入总表', page: 3, fiscalYear: '2026' }), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy(), ...(issuer ? { issuer } : {}) });
const itemOf = (fs: ReturnType<typeof facts>, value: string) => fs.find((f) => f.value.eq(value) && f.measure === 'income_total')!;

describe("units' names OCR misread, put right by the issuer's name", () => {
  it('gives the department and a unit named after it their names, flagged', () => {
    const fs = facts(ISSUER);
    expect(itemOf(fs, '6810.48').item).toBe('无锡市人力资源和社会保障局(本级)');
    expect(itemOf(fs, '3976.43').item).toBe('无锡市人力资源和社会保障综合服务中心');
    expect(itemOf(fs, '3976.43').flags).toContain('ocr_name_fuzzy');
  });

  it('leaves other units, and every name without an issuer, as read', () => {
    const fs = facts(ISSUER);
    expect(itemOf(fs, '118788.13').item).toBe('无锡市社会保险基金管理中心');
    expect(itemOf(fs, '118788.13').flags).not.toContain('ocr_name_fuzzy');
    expect(itemOf(fs, '452.21').item).toBe('无锡市劳动人事争议仲载院');
    expect(itemOf(facts(), '3976.43').item).toBe('无锡市人力资源和社会保商综合服务中心');
    // a unit named after the department (苏州市交通运输局 2026, the same bench, q80-200: a first
    // version took 运输应 for 运输局)
    expect(withIssuerName('苏州市交通运输应急指挥中心', '苏州市交通运输局')).toBeUndefined();
    // a lookalike for a character of a short name is no edit (苏州市交通运输局 2026 p. 3, the same
    // bench's q80-200 condition: 交通远输 for 交通运输); another character is
    expect(withIssuerName('苏州市交通远输综合行政执法支队', '苏州市交通运输局')).toBe('苏州市交通运输综合行政执法支队');
    expect(withIssuerName('苏州市交通远输局', '苏州市交通运输局')).toBe('苏州市交通运输局');
    expect(withIssuerName('苏州市交通运力综合行政执法支队', '苏州市交通运输局')).toBeUndefined();
    // a short name is told by no edit (湖州市财政局, 湖州市民政局)
    expect(withIssuerName('湖州市财政局', '湖州市民政局')).toBeUndefined();
  });

  it("names the department's own row whose name came back as no characters at all", () => {
    // (无锡市交通运输局 2026 p. 3, the same bench's q80-200 condition: its one unit row read `dias (本级`)
    expect(withIssuerName('dias (本级', '无锡市交通运输局')).toBe('无锡市交通运输局(本级)');
    expect(withIssuerName('dias', '无锡市交通运输局')).toBeUndefined();
    expect(withIssuerName('无锡市交通运输局(本级)', '无锡市交通运输局')).toBeUndefined();
  });

  it('pairs a closing bracket with the misread opener before it, not with a mark that has its own', () => {
    expect(pairMisreadOpeners('无锡市人力资源和社会保嘉局〔本级)')).toBe('无锡市人力资源和社会保嘉局(本级)');
    expect(pairMisreadOpeners('〔2026〕5号)')).toBe('〔2026〕5号)');
    expect(pairMisreadOpeners('(本级)')).toBe('(本级)');
  });
});
