// A 部门预算's 重点项目 table never tuned on, as OCR read a JPEG scan of it (深圳市住房和建设局 2026
// p. 4, the unseen q80-200 condition of the OCR bench; cells as read, the 绩效目标 text cut short):
// every project's unit prints (本级), and the scan returned its closing bracket as 》 on two rows
// and lost it on two others. Their amounts were right, but their items named no project the text
// layer prints: half the table's facts lost by a bracket (normalizers/facts/ocr-brackets.ts).
import { describe, expect, it } from 'vitest';
import { factsOfTable } from '../../normalizers/facts/index.js';
import { pairMisreadClosers, restoreLostClosers } from '../../normalizers/facts/ocr-brackets.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';
import { understandRows } from './ocr-rows.js';

const HEAD = ['二级预算单位名称', '一级项目名称', '预算数(万元)', '绩效目标'];
const ROWS = [
  ['深圳市住房和建设局(本级)', '城市建设发展与行业监管', '12,375.53', '开展城市建设管理、建筑市场与招标投标监管'],
  ['深圳市住房和建设局(本级)', '工程建设领域绿色创新发展专项资金', '1,181.26', '支持绿色低碳发展'],
  ['深圳市住房和建设局(本级》', '规划类经费', '28.27', '主要用于住房建设和城市更新领域专项规划编制相关支出'],
  ['深圳市住房和建设局(本级', '建设工程质量安全监督', '668.04', '强化工程质量安全监管'],
  ['深圳市住房和建设局(本级', '预算准备金', '852.80', '主要用于年中临时性、突发性工作相关支出'],
  ['深圳市住房和建设局(本级》', '住房保障和房地产市场管理', '7,020.13', '开展住房发展规划、保障性住房建设统筹'],
];
const facts = (rows: string[][], method: 'ocr' | 'ruled' = 'ocr') =>
  factsOfTable(understandRows([HEAD, ...rows], { kind: 'budget_key_projects', tableId: 't001', title: '2026年，本单位重点项目绩效目标情况如下', page: 4 }, method), { doc_id: 'd', fiscal_year: '2026', defaultUnit: '万元', taxonomy: loadTaxonomy() });
const amount = (fs: ReturnType<typeof facts>, value: string) => fs.find((f) => f.value.eq(value))!;

describe('brackets of OCR-read labels that do not pair', () => {
  it('reads a closer misread as another mark as the closer', () => {
    const fs = facts(ROWS);
    expect(amount(fs, '28.27').item).toBe('深圳市住房和建设局(本级)规划类经费');
    expect(amount(fs, '7020.13').item).toBe('深圳市住房和建设局(本级)住房保障和房地产市场管理');
    expect(amount(fs, '28.27').flags).not.toContain('ocr_name_fuzzy');
  });

  it('puts a lost closer back where the other rows print it, flagged', () => {
    const fs = facts(ROWS);
    for (const [v, item] of [['668.04', '深圳市住房和建设局(本级)建设工程质量安全监督'], ['852.80', '深圳市住房和建设局(本级)预算准备金']]) {
      expect(amount(fs, v!).item).toBe(item);
      expect(amount(fs, v!).flags).toContain('ocr_name_fuzzy');
    }
    expect(amount(fs, '12375.53').flags).not.toContain('ocr_name_fuzzy');
  });

  it('needs two other rows that print the head closed, and leaves a text layer alone', () => {
    // one row printing it closed is no evidence
    expect(restoreLostClosers(['A局(本级)甲', 'A局(本级乙', 'A局(本级丙']).size).toBe(0);
    expect([...restoreLostClosers(['A局(本级)甲', 'A局(本级)丁', 'A局(本级乙'])]).toEqual([[2, 'A局(本级)乙']]);
    expect(amount(facts(ROWS.slice(2), 'ruled'), '28.27').item).toBe('深圳市住房和建设局(本级》规划类经费');
  });

  it('closes a bracketed part that ends a label unclosed, where other rows end in one closed', () => {
    // a 收入总表 by unit of a 部门预算 (广州市卫生健康委员会 2026 p. 4, the development set of
    // tests/bench/ocr-unseen.ts, q80-200; names as read): two units' other names lost their closer
    const units = ['广州市胸科医院', '广州市疾病预防控制中心(广州市卫生监督所', '广州医科大学附属妇女儿童医疗中心', '广州市卫生健康发展和服务管理中心(广州市保健中心', '广州医科大学附属第四医院(广州市增城区人民医院)', '广州医科大学附属口腔医院(广州医科大学羊城医院)'];
    expect([...restoreLostClosers(units)]).toEqual([[1, '广州市疾病预防控制中心(广州市卫生监督所)'], [3, '广州市卫生健康发展和服务管理中心(广州市保健中心)']]);
    // one other row ending so is no evidence; nor is an opener followed by no words
    expect(restoreLostClosers(units.slice(0, 5)).size).toBe(0);
    expect(restoreLostClosers(['广州市胸科医院(', ...units.slice(4)]).size).toBe(0);
  });

  it('leaves a mark with its own opener, or a bracket closed before it', () => {
    expect(pairMisreadClosers('关于《办法(试行》的经费')).toBe('关于《办法(试行》的经费');
    expect(pairMisreadClosers('经费(一)》')).toBe('经费(一)》');
    expect(pairMisreadClosers('经费(一〉')).toBe('经费(一)');
    expect(pairMisreadClosers('经费（一】')).toBe('经费（一）');
  });
});
