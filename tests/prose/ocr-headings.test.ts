// The 情况说明 of a 2026 部门预算 never tuned on, as OCR read a JPEG scan of it (重庆市人民政府办公厅,
// pp. 3–4, the unseen q80-200 condition of the OCR bench; the pages' lines as read): the scan lost the 、 of
// the heading 四、“三公”经费情况说明 (read 四 三公经费情况说明) and the 。 before it, so the heading
// was read into the sentence above and the 三公 figures under it had no section: four facts the
// text layer gives were lost (normalizers/prose/text.ts ocrListNumber). A photocopy of the same pages
// lost the 四、 whole and put specks on the figures (公务用车购置费.0.万元, 2,781:90万元): a title
// ending in 情况说明 on its own short line is a heading there, and a figure's specks are taken off
// before the unit (ocrSectionTitle, ocrFigureMarks).
import { describe, expect, it } from 'vitest';
import { extractProseFacts } from '../../normalizers/prose/index.js';
import { ocrFigureMarks, ocrListNumber } from '../../normalizers/prose/text.js';

const LINES = [
  '年结转并编制到2026年预算的资金',
  '(=)支出预算。2026年年初预算数19,230.18万元，其中一般公共服务支出15,958.96万元',
  '教育支出15.26万元，社会保障和就业支出1,595.94万元，卫生健康支出446.95万元，资源勘探工业',
  '信息等支出673.17万元，住房保障支出539.91万元；支出比2025年增加2,784.38万元，主要是基本',
  '支出增加362.10万元，项目支出增加2,422.28万元',
  '三、财政拨款情况说明',
  '2026年一般公共预算财政拨款收入18,417.70万元，一般公共预算财政拨款支出18,417.70万元',
  '比2025年增加2,781.90万元。其中基本支出9,018.47万元，主要用于保障在职人员工资福利及社',
  '会保险缴费、离休人员离休费、退休人员补助等，以及保障部门正常运转的各项商品服务支出，比',
  '2025年增加362.10万元，主要原因是在职人员较去年有所增加；项目支出9,399.23万元，主要用于',
  '重庆市“12345一号通政务服务便民热线运营、政务服务工作运行分析等重点工作，比2025年增',
  '加2,419.80万元，主要原因是增加了重庆市“12345一号通政务服务便民热线运营项目二期预算',
  '本部门2026年未使用政府性基金预算拨款安排的支出，与2025年持平',
  '四 三公经费情况说明',
  '2026年三公经费预算394.49万元，较2025年减少2.48万元，其中因公出国(境)费用',
  '184.49万元，与2025持平；公务接待费10万元，与2025持平；公务用车运行维护费200.00万元',
  '较2025年减少2.48万元，主要原因是按照全市统一政策要求，重庆市政府机关服务中心使用事业收',
  '入支出公务用车运行维护费；公务用车购置费0万元，与2025年持平',
  '五、其他重要事项的情况说明',
  '(一)机关运行经费。2026年一般公共预算财政拨款运行经费1,815万元，比2025年增加21.99',
  '万元，主要原因为在职人员较去年有所增加；主要用于办公费、印刷费、邮电费、水电费、物管费',
  '差旅费、会议费、培训费及其他商品和服务支出等',
  '重庆市人民政府办公厅文印中心、重庆市政府机关服务中心等2个事业单位不在机关运行经费统',
  '计范围之内',
  '(二)政府采购情况。所属各预算单位政府采购预算总额4,542.69万元，均为一般公共预算拨款',
  '其中政府采购货物预算110万元、政府采购工程预算0万元、政府采购服务预算4,432.69万元',
  '(三)绩效目标设置情况。2026年项目支出均实行了绩效目标管理，涉及一般公共预算财政拨',
  '款9,399.23万元',
  '(四)国有资产占有使用情况。截至2025年12月，所属各预算单位共有车辆46辆，其中机要',
  '通信用车2辆，应急保障用车15辆，其他按照规定配备的公务用车29辆。2026年一般公共预算安',
];
const PHOTOCOPY = [
  '年结转并编制到2026年预算的资金',
  '(=)支出预算。2026年年初预算数 19,230.18万元，其中一般公共服务支出15,958.96万元',
  '教育支出1526万元，社会保障和就业支出.1,595.94万元，卫生健康支出446.95万元，资源勘探工业',
  '信息等支出.673:17万元，住房悬障支出.539.91万元；支出比2025年增加2,784.38万元，主要是基本',
  '支出增加362.10万元，项目支出增加2,422.28万元',
  '三、财政拨款情况说明',
  '2026年一般公共预算财政拨款收入18,417.70万元 般公共预算财政拨款支出.18,417.70万元',
  '比2025年增加2,781:90万元其中基本支出9,018.47万元，宇要川于保障在职人员工资福利及社',
  '会保险缴费、离休人员离休费退休人员补助等以及保障都门正常运转的各项商品服务支出，比',
  '2025年增加362.10万元，主要原因是在职人员较去年有所增加项目支出9,399.23.万元，主要用于',
  '重庆市“12345一号通政务服务便民热线运营 政务服务工作运行分析筒重点工作；比2025年增',
  '加2,419:80万元，主夺原因是增加了重庆市“12345一号通政务服务便民热线运营项目二期预算',
  '本部门2026年未使用政府性基金预算拨款安排的支出，与2025年持平',
  '三公经费情况说明',
  '2026年三公经费预算394.49万元，较2025年减少2.48万元，其中因公出国(境)',
  '184.49万元，与2025持平；公务接待费10万元，与2025持平；公务用车运行维护费200.00万元',
  '较2025年减少2.48万元，主要原因是按照全市统一政策要涛，重庆市政府机关服务画心使用事业收',
  '入支出公务用车运行维护费；公务用车购置费.0.万元，与「2025年持平',
  '五、其他重要事项的情况说明',
  '(一)机关运行经费。.2026年一般公共预算财政拨款远行经费1.815万元，比2025年增加21.99',
  '万元，主要原因为在职人员较去年有所增加；主要用于办公费、印刷费、邮圩费、水电费、物管费',
  '差旅贺、会议费、培训费友其他商品和服务支出等',
  '重庆市入民政府办公厅文印中心重众市政府机关服务中心等2 事业单位不在机关运行经费绕',
  '计范围之内',
  '(二)政府采贴情况。所属各预算单位政痕采购预算总额4,542.69万元，均为一般公共预算接款',
  '其中政府采购货物预算110万元、政府采购工程预算0方元、政府采购服务预算4:432.69万元',
  '(三〗绩兹目标设置情况。2026年项目支出均实行了绩效目标管理，涉及一般公共预算财政换',
  '款9,399.23-万元',
  '(四)国有资产占有使用情况。截至2025年12月，所属各预算单位共有车辆46辆，其中机要',
  '通信用车2辅，应急保障用车15辆，其他按照规定配备的公务用车29辆。2026年一般公共预算安',
];
const facts = (ocr: boolean, lines = LINES) => extractProseFacts(lines.map((text) => ({ text, page: 4, ocr })), { resolveChain: () => undefined }).map((f) => `${f.item} ${f.measure} ${f.value}`);

describe('an OCR-read heading that lost its 、', () => {
  it('is a heading, and the figures under it are read', () => {
    expect(facts(true)).toEqual(expect.arrayContaining(['公务接待费 three_public_reception 10', '公务用车运行维护费 three_public_vehicle_operation 200.00', '公务用车运行维护费 change_vs_prior_year -2.48', '公务用车购置费 three_public_vehicle_purchase 0']));
  });

  it('is told only for OCR, and only of a short title without money or sentence marks', () => {
    expect(facts(false)).not.toContain('公务接待费 three_public_reception 10');
    expect(ocrListNumber('四 三公经费情况说明')).toBe('四、三公经费情况说明');
    for (const line of ['一 般公共预算支出1,000万元', '三 项经费合计，与上年持平', '二 2026年预算'] ) expect(ocrListNumber(line)).toBe(line);
  });

  it('reads a photocopy\'s title without its number as a heading, and its figures without specks', () => {
    expect(facts(true, PHOTOCOPY)).toEqual(expect.arrayContaining(['公务接待费 three_public_reception 10', '公务用车购置费 three_public_vehicle_purchase 0']));
    expect(facts(false, PHOTOCOPY)).not.toContain('公务用车购置费 three_public_vehicle_purchase 0');
    expect(ocrFigureMarks('公务用车购置费.0.万元，比2025年增加2,781:90万元；项目支出9,399.23.万元')).toBe('公务用车购置费0万元，比2025年增加2,781.90万元；项目支出9,399.23万元');
    // a time, a date and a list number are no figures
    for (const line of ['会议于9:30召开', '2025.12.31', '其中:18个项目', '第1.2节']) expect(ocrFigureMarks(line)).toBe(line);
  });
});
