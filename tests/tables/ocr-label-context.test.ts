// Units' names of an OCR'd 收入总表 by unit put right by the other rows of their column
// (normalizers/facts/ocr-label-context.ts). The names are tesseract's readings of a 部门预算 scanned
// as a photocopy (the development set of tests/bench/ocr-unseen.ts): 大学 read 犬学, 医院 read 医陨,
// 广州 read 儿州, each a character no other row prints beside the same neighbours, where a dozen
// rows print the right one. Without the mechanism their facts carried the names as read.
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { restoreFromColumn } from '../../normalizers/facts/ocr-label-context.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const READ = [
  '合计',
  '广州市卫生健康委员会',
  '广州市胸科医院',
  '广州相液中心',
  '广州市第一人民医院',
  '广州市红十字会医院',
  '广州医科大学附属脑科医院',
  '广州市急数医疗指挥心',
  '广州市第十二人民医院',
  '广州市皮肤病医院',
  '广州医科大学附属中医医陨',
  '广州医科大学附属妇女儿童医疗中心',
  '广州市计划生育协会',
  '儿州医科大学附属第一医院',
  '广州医科大学附属第二医院',
  '广州医科犬学附属第三医院',
  '广州医科大学附属第五医院',
  '广州医科大学附属肿瘤医院',
];

describe('a misread character of a free label', () => {
  it('is put back when the other rows print another between its neighbours', () => {
    const fixed = restoreFromColumn(READ);
    expect([...fixed.values()].sort()).toEqual(['广州医科大学附属第一医院', '广州医科大学附属第三医院'].sort());
    // 相液 and 急数: no other row prints anything between those neighbours; 医陨: other rows end in
    // 医院, but none in 医医院 (a third neighbour)
    const kept = READ.filter((_, i) => !fixed.has(i));
    expect(kept).toContain('广州相液中心');
    expect(kept).toContain('广州市急数医疗指挥心');
    expect(kept).toContain('广州医科大学附属中医医陨');
  });

  it('is not a word of its own that shares two neighbours with the other rows\' word', () => {
    // (project names of a 项目支出表: 监督 is no misread 监管)
    const projects = ['建设工程质量安全监督', '城市建设发展与行业监管', '住房保障行业监管', '物业服务行业监管', '建筑市场监管', '房地产市场监管', '燃气行业监管'];
    expect(restoreFromColumn(projects)).toEqual(new Map());
  });

  it('is left alone when it is a numeral, or the column too short to say', () => {
    // 第五 beside 第一 第二 …: a unit of its own
    expect(restoreFromColumn(['广州医科大学附属第一医院', '广州医科大学附属第一医院', '广州医科大学附属第一医院', '广州医科大学附属第五医院', '广州市胸科医院', '广州市皮肤病医院'])).toEqual(new Map());
    expect(restoreFromColumn(READ.slice(10, 15))).toEqual(new Map());
  });

  it('gives the facts the name put back, flagged as an inference', () => {
    const rows = READ.slice(1).map((name, i) => [name, `${100 + i}.00`, `${100 + i}.00`]);
    const table = understandRows([['单位名称', '合计', '一般公共预算拨款'], ...rows], { kind: 'budget_income', tableId: 't001', title: '收入总表', page: 4 }, 'ocr');
    const facts = factsOfTable(table, { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy() });
    const fixed = facts.filter((f) => f.item === '广州医科大学附属第三医院');
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed.every((f) => f.flags.includes('ocr_name_fuzzy'))).toBe(true);
    expect(facts.some((f) => f.item === '广州医科犬学附属第三医院')).toBe(false);
    // a text layer's names are taken as printed
    const printed = factsOfTable(understandRows([['单位名称', '合计', '一般公共预算拨款'], ...rows], { kind: 'budget_income', tableId: 't001', title: '收入总表', page: 4 }, 'ruled'), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy() });
    expect(printed.some((f) => f.item === '广州医科犬学附属第三医院')).toBe(true);
  });
});
