// The issuer a document prints about itself (normalizers/document/issuer.ts), on real documents:
// covers whose title breaks over lines, a label printed with 预算主管部门 or 预算单位, prose that looks
// like a title, a part number or a year glued to the name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentContext } from '../../normalizers/document/context.js';
import { organisationName, readIssuer } from '../../normalizers/document/issuer.js';
import { processDocument } from '../../pipeline/process-document.js';

const PDF = join(import.meta.dirname, '../fixtures/pdf');
const issuerOf = async (file: string) => (await processDocument(file, new Uint8Array(readFileSync(join(PDF, file))), { ocr: false })).issuer;

describe('the issuer of a document', () => {
  it('reads a cover whose title breaks over three lines, not its second line with the year', async () => {
    // 中共上海市普陀区委 | 社会工作部2024年度 | 部门决算 (was 社会工作部2024年度)
    expect(await issuerOf('sh-putuo-shehuigongzuobu-2024-dept-final.pdf')).toBe('中共上海市普陀区委社会工作部');
    // 2026年烟台市医疗保障局 | 部门预算 (was 2026年烟台市医疗保障局)
    expect(await issuerOf('yt-yibaoju-2026-dept-budget.p1+7-10.pdf')).toBe('烟台市医疗保障局');
  });

  it('takes the name after 预算主管部门： or 预算单位：, never a line of prose', () => {
    // 上海市普陀区 2025 区级部门预算 (its cover: the first lines as the text layer reads them; the
    // prose line was the issuer 算、政府性基金 before, a 部门预算's 本经营 another)
    const all = ['上海市2025年市级单位预算', '预算单位：上海市财政局', '目录', '上海市财政局（单位）主要职能', '算、政府性基金预算、国有资本经营预算、社会保险基金预算在内的政府预算管理体系。'];
    expect(readIssuer({ all, cover: all.slice(0, 2), head: all })).toBe('上海市财政局');
    const dept = ['上海市普陀区2025年区级部门预算', '预算主管部门：上海市普陀区财政局', '目录'];
    expect(readIssuer({ all: dept, cover: dept.slice(0, 2), head: dept })).toBe('上海市普陀区财政局');
  });

  it('reads a label whose colon a scan lost, after a label of four characters', () => {
    // 广州市住房和城乡建设局 2026 as a JPEG scan of it read (the unseen q80-200 condition of the OCR
    // bench): its cover in a display font misread, the caption of its first table read right
    const gz = ['2026#*', '厂州T7住房河城乡怡设局郡门泊惧', '第二部分2026年部门预算表', '表1', '收支总体情况表', '单位名称广州市住房和城乡建设局'];
    expect(readIssuer({ all: gz, cover: gz.slice(0, 2), head: gz })).toBe('广州市住房和城乡建设局');
    // a label of two characters needs its colon (单位预算 is no label)
    expect(readIssuer({ all: ['单位预算管理局'], cover: [], head: [] })).toBe('');
    // but for 部门 before a name and a table's title, a caption (苏州市应急管理局 2026 on the unseen
    // photocopy-200 condition: its pages' heads misread 洁州市, 劳州市, its captions read right)
    const sz = ['洁州市应急管理局2026年度部门预算公开', '部门苏州市应急管理局 收支总表', '单位；万元', '劳州市应急管理局2026年度部门预算公开', '部门公开02表苏州市应急管理局', '部门苏州市应急管理局 收入总表'];
    expect(readIssuer({ all: sz, cover: [], head: sz })).toBe('苏州市应急管理局');
    expect(readIssuer({ all: ['部门预算管理局 收支总表', '部门预算管理局'], cover: [], head: [] })).toBe('');
    // nor are a form's cells read as one line (主管部门 | X | 实施单位 | Y)
    expect(readIssuer({ all: ['主管部门\t福州市公安局\t实施单位\t福州市公安局治安管理支队'], cover: [], head: [] })).toBe('福州市公安局');
  });

  it('keeps the part of the organisation the cover names, and joins a title broken inside a word', () => {
    // 深圳市交通运输局 2026: 2026年深圳市交通运输局（本级）部 | 门预算 (was '')
    const sz = ['2026年深圳市交通运输局（本级）部', '门预算'];
    expect(readIssuer({ all: [...sz, '目录'], cover: sz, head: sz })).toBe('深圳市交通运输局（本级）');
    // 西安市审计局: the cover says （汇总）, the tables' captions 单位：西安市审计局
    const xa = ['西安市审计局（汇总）', '2026年部门预算'];
    expect(readIssuer({ all: [...xa, '部门：西安市审计局\t单位：万元'], cover: xa, head: xa })).toBe('西安市审计局（汇总）');
  });

  it('takes the name a scan read alike most often', () => {
    // a cover misread, the captions over the tables read right twice
    const all = ['湖州口退役军人马务局', '2026年部门预算', '编制单位：湖州市退役军人事务局\t单位：万元', '编制单位：湖州市退役军人事务局\t单位：万元', '编制单位：湖州市退役军人马务局\t单位：万元'];
    expect(readIssuer({ all, cover: all.slice(0, 2), head: all })).toBe('湖州市退役军人事务局');
    // the caption misread once, the cover and its title line read right
    const once = ['湖州市退役军人事务局', '2026年部门预算', '编制单位：湖州市退役军人马务局\t单位：万元'];
    expect(readIssuer({ all: once, cover: once.slice(0, 2), head: once })).toBe('湖州市退役军人事务局');
    // another organisation is no misreading
    const two = ['湖州市财政局', '2026年部门预算', '编制单位：湖州市民政局\t单位：万元'];
    expect(readIssuer({ all: two, cover: two.slice(0, 2), head: two })).toBe('湖州市民政局');
  });

  it('is no name that does not read as an organisation', () => {
    for (const s of ['(2)按照政府', '算、政府性基金', '万元', '上海市XX局', '本经营', '上海市普陀区']) expect(organisationName(s)).toBeUndefined();
    expect(organisationName('第二部分上海市普陀区财政局')).toBe('上海市普陀区财政局');
    expect(organisationName('湖州市退役军人事务局2026年')).toBe('湖州市退役军人事务局');
    expect(organisationName('泉州市人民政府办公室(本级)')).toBe('泉州市人民政府办公室（本级）');
    // a scan's closing bracket (深圳市交通运输局 2026, the cover as a JPEG scan of it read)
    expect(organisationName('深圳市交通运输局(本级〕')).toBe('深圳市交通运输局（本级）');
  });
});

describe('the fiscal year a cover gives', () => {
  const yearOf = (cover: string[]) => readDocumentContext(cover.map((text) => ({ kind: 'line' as const, text, page: 1 }))).fiscal_year;
  it('is the year of its title, its lines read as one, not a date printed before it', () => {
    // 长春市信访局 2026 (the cover as its text layer reads: a date after the title)
    expect(yearOf(['.', '长春市信访局（本级）', '2026年度部门预算公开', '初审：徐宁', '2026年2月14日'])).toBe('2026');
    // 深圳市交通运输局 2026: the title broken inside a word
    expect(yearOf(['2026年深圳市交通运输局（本级）部', '门预算'])).toBe('2026');
    // a date before a final accounts' title
    expect(yearOf(['发布日期：2025年8月1日', '某某市某某局', '2024年度部门决算'])).toBe('2024');
  });
});
