// A 1-bit scan's 收入支出决算总表 (佛山市轨道交通局 2019, the dev grid's fax45-200 scan; the rows of its
// two pages as OCR read them, each page a table of its own): most 类 names of the expenditure side
// came back garbled beyond a name lookup (>外交支申, wn国阮支出, Ih作房保障支画), left without a code
// (ocr_code_unread). The side prints the 类 in code order, so the rows between two 类 that were read
// stand for 类 between theirs: each takes the one whose name it is nearest
// (normalizers/facts/ocr-class-order.ts), flagged ocr_name_fuzzy; the page's 栏次 row misread
// (轶一次) is no 类 and stays as read.
import { describe, expect, it } from 'vitest';
import { understandRows } from '../tables/ocr-rows.js';
import { factsOfTable, isStandardLabel, OCR_CODE_UNREAD, OCR_NAME_FUZZY } from '../../normalizers/facts/index.js';
import { classesByOrder, incomeLabelsByOrder, sideWordsBySide } from '../../normalizers/facts/ocr-class-order.js';
import { kindById } from '../../normalizers/tables/kinds.js';
import { loadTaxonomy } from '../../normalizers/taxonomy/index.js';

const tax = loadTaxonomy();
const PAGE1 = [
  ['收入', '', '', '支出', '', ''],
  ['项目', '行次', '决算数', '项目', '行次', '决算数'],
  ['航公具颂算财政拨款收入', '1', '1668.11', '般公其服务支出', '27', '0.00'],
  ['政府性基入颂算财政拨教收入', '2', '0.00', '>外交支申', '28', '0.00'],
  ['上级补助收入', '3', '0.00', 'wn国阮支出', '29', '0.00'],
  ['网孙业收入', '', '0.00', '门公共宋全支申', '30', '0.00'],
  ['厂绍薛收入', '5', '0.00', 'fis教有支申', '31', '0.00'],
  ['八附居单俘一缴收入', '6', '0.00', '八科学技术支申', '32', '0.00'],
  ['、其他收入', '', '0.01', '巳文化旁游体育与传媒支中', '33', '0.00'],
  ['', '8', '', '八社会保障和就业支串', '31', '76.23'],
  ['', '9', '', '儿L生健康支出', '35', '0.00'],
  ['', '10', '', '下节能坏保支出', '36', '0.00'],
];
const PAGE2 = [
  ['项目', '行次', '决算数', '项目', '行次', '决算数'],
  ['枉次', '', '1', '轶一次', '', '0'],
  ['', '11', '', '城乡社|X支出', '37', '0.00'],
  ['', '12', '', '农林水支申', '38', '0.00'],
  ['', '13', '', '欠通运输支出', '39', '1531.01'],
  ['', 'Ll', '', '1内资源募探信思等支', '10', '0.00'],
  ['', '15', '', 'II扉业服务业筑支出', '11', '0.00'],
  ['', '16', '', '【八伟融支出', '12', '0.00'],
  ['', '17', '', 'F上授曲其他地[&支出', '13', '0.00'],
  ['', '19', '', 'Ih作房保障支画', '15', '60.87'],
  ['', '20', '', '松油物资借备支师', '16', '0.00'],
  ['', '21', '', '灾常防法及应忧管理支', '17', '0.00'],
  ['', '22', '', '其他支出', '18', '0.00'],
  ['本年收入合计', '23', '1668.11', '本年支出合计', '19', '1668.11'],
];

function read(on: boolean) {
  const ctx = { doc_id: 'd', fiscal_year: '2019', defaultUnit: '万元', taxonomy: tax };
  const tables = [understandRows(PAGE1, { kind: 'income_expenditure_summary', tableId: 't001', page: 2 }), understandRows(PAGE2, { kind: 'income_expenditure_summary', tableId: 't002', page: 3 })];
  const facts = tables.flatMap((t) => factsOfTable(t, ctx));
  if (on) classesByOrder(tables, facts, tax, '2019', (k) => !!kindById(k)?.two_sided, OCR_CODE_UNREAD, OCR_NAME_FUZZY);
  return facts.filter((f) => f.section === 'expenditure');
}

/** PAGE2 with 交通运输支出 read `agt`, and a 一般公共预算财政拨款支出决算表 printing 214 at `amount` */
function readLatin(amount: string | undefined) {
  const ctx = { doc_id: 'd', fiscal_year: '2019', defaultUnit: '万元', taxonomy: tax };
  const page2 = PAGE2.map((r) => (r[3] === '欠通运输支出' ? [r[0]!, r[1]!, r[2]!, 'agt', r[4]!, r[5]!] : r));
  const tables = [understandRows(PAGE1, { kind: 'income_expenditure_summary', tableId: 't001', page: 2 }), understandRows(page2, { kind: 'income_expenditure_summary', tableId: 't002', page: 3 })];
  if (amount) tables.push(understandRows([['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['214', '交通运输支出', amount, '609.29', '921.72'], ['221', '住房保障支出', '60.87', '60.87', '']], { kind: 'general_budget_expenditure', tableId: 't003', page: 7 }));
  const facts = tables.flatMap((t) => factsOfTable(t, ctx));
  // (a label read as Latin letters on a 总表 is flagged fuzzy by the facts)
  expect(facts.find((f) => f.item === 'agt')?.flags).toContain(OCR_NAME_FUZZY);
  classesByOrder(tables, facts, tax, '2019', (k) => !!kindById(k)?.two_sided, OCR_CODE_UNREAD, OCR_NAME_FUZZY);
  return facts.find((f) => f.table_id === 't002' && f.value.toFixed(2) === '1531.01')!;
}

describe('a 总表 expenditure 类 read as Latin letters alone', () => {
  it('takes the 类 of its gap whose amount another table of the document prints', () => {
    const f = readLatin('1531.01');
    expect([f.code, f.item]).toEqual(['214', '交通运输支出']);
    expect(f.flags).toContain(OCR_NAME_FUZZY);
  });
  it('keeps its label where no table prints its amount for a 类 of the gap', () => {
    expect(readLatin('1531.07').code).toBe('');
    expect(readLatin(undefined).item).toBe('agt');
  });
});

describe('a 总表 expenditure side whose 类 names OCR garbled', () => {
  it('takes the 类 between the 类 read, in code order, by the nearest name', () => {
    const side = read(true);
    const byRow = new Map(side.map((f) => [`${f.table_id}:${f.row}`, f]));
    const codes = [...byRow.values()].map((f) => f.code || `(${f.item})`);
    expect(codes).toEqual([
      '201', '202', '203', '204', '205', '206', '207', '208', '210', '211',
      '(轶一次)', '212', '213', '214', '215', '216', '217', '219', '221', '222', '224', '229', '(本年支出合计)',
    ]);
    const housing = side.find((f) => f.code === '221')!;
    expect(housing.item).toBe('住房保障支出');
    expect(housing.flags).toContain(OCR_NAME_FUZZY);
    expect(housing.flags).not.toContain(OCR_CODE_UNREAD);
  });

  it('leaves the rows as read without it', () => {
    const side = read(false);
    expect(side.filter((f) => f.flags.includes(OCR_CODE_UNREAD)).length).toBeGreaterThan(10);
    expect(side.some((f) => f.code === '221')).toBe(false);
  });

  it('again once the 类 taken narrow the gap (a 部门预算 收支总表, 普陀区万里街道 2024 on fax45-200)', () => {
    const ROWS = [
      ['本年收入 / 项目', '', '本年支出 / 项目', '本年支出 / 预算数'],
      ['财政拉款收入', '156,211,123', '一航公共服务支山', '2,932,700'],
      ['一般公共颂算资金', '156,211,123', '公城安全支申', '1,633,000'],
      ['政府悼基企', '', '二一教存支出', '250,000'],
      ['国有资札线营预算', '', '内科学技术支出', '100,000'],
      ['、事业收入', '', '五、文化旅游体育不传媒支出', '200,000'],
      ['EEN事业单位经营收入', '', '六、视会保障和就业支山', '19,604,061'],
      ['网其他收入', '', '七一健康支出', '3,223,657'],
      ['', '', '八城乡社|X支画', '119,385,303'],
      ['', '', '兀作房保障支申', '8,882,399'],
      ['收入总计', '156,211,123', '支市总计', '156,211,123'],
    ];
    const ctx = { doc_id: 'd', fiscal_year: '2024', defaultUnit: '元', taxonomy: tax };
    const table = understandRows(ROWS, { kind: 'budget_income_expenditure_summary', tableId: 't001', page: 10, unit: '元' });
    const facts = factsOfTable(table, ctx);
    classesByOrder([table], facts, tax, '2024', (k) => !!kindById(k)?.two_sided, OCR_CODE_UNREAD, OCR_NAME_FUZZY);
    const codeOf = (v: string) => facts.find((f) => f.section === 'expenditure' && f.value.toFixed() === v)?.code;
    // 健康支出 is as near 其他支出 (229) as 卫生健康支出 among the 类 after 208; not among those before 212
    expect(codeOf('3223657')).toBe('210');
    expect(codeOf('119385303')).toBe('212');
    expect(codeOf('8882399')).toBe('221');
    expect(codeOf('1633000')).toBe('204');
  });

  it('and the income sources by the template\'s order (the same 总表\'s income side)', () => {
    const ctx = { doc_id: 'd', fiscal_year: '2019', defaultUnit: '万元', taxonomy: tax };
    const tables = [understandRows(PAGE1, { kind: 'income_expenditure_summary', tableId: 't001', page: 2 }), understandRows(PAGE2, { kind: 'income_expenditure_summary', tableId: 't002', page: 3 })];
    const facts = tables.flatMap((t) => factsOfTable(t, ctx));
    const income = () => facts.filter((f) => f.section === 'income').map((f) => f.item);
    expect(income()).toContain('网孙业收入');
    incomeLabelsByOrder(tables, facts, isStandardLabel, OCR_NAME_FUZZY);
    expect(income()).toEqual(['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入', '枉次', '本年收入合计']);
    expect(facts.find((f) => f.item === '事业收入')!.flags).toContain(OCR_NAME_FUZZY);
  });

  it('and the carry-overs below by their side (the same 总表\'s last page, fax-200)', () => {
    const PAGE3 = [
      ['收入', '', '', '支出', '', ''],
      ['项目', '行次', '决算数', '项目', '行次', '决算数'],
      ['用事业基众定补收支英额', '24', '0.00', '结余分酮', '50', '0.00'],
      ['华初结转和结余', '25', '0.00', '平札结转和结余', '51', '0.01'],
      ['总计', '26', '1668.11', '总计', '52', '1668.14'],
    ];
    const table = understandRows(PAGE3, { kind: 'income_expenditure_summary', tableId: 't003', page: 4 });
    const facts = factsOfTable(table, { doc_id: 'd', fiscal_year: '2019', defaultUnit: '万元', taxonomy: tax });
    const doubtful = (f: (typeof facts)[number]) => (f.flags.includes(OCR_NAME_FUZZY) || f.flags.includes(OCR_CODE_UNREAD)) && !isStandardLabel(f.item);
    sideWordsBySide([table], facts, (k) => !!kindById(k)?.two_sided, doubtful, OCR_NAME_FUZZY);
    const label = (section: string, v: string) => facts.filter((f) => f.section === section && f.value.toFixed(2) === v).map((f) => f.item);
    // 平札结转和结余 is two characters from 年初结转和结余 and from 年末结转和结余: the expenditure side says 年末
    expect(label('expenditure', '0.01')).toEqual(['年末结转和结余']);
    expect(label('expenditure', '0.00')).toEqual(['结余分配']);
    expect(label('income', '0.00')).toEqual(['用事业基金弥补收支差额', '年初结转和结余']);
  });
});
