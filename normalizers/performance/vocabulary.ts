// The indicator vocabulary of the national templates (财预〔2020〕10号 and the newer 成本指标 one):
// 一级 / 二级 names, and which 一级 each standard 二级 belongs to.
import { vocabKey } from './text.js';

/** Printed as 一级 in every template (成本指标 only in the newer one, see costIsLevel1). */
const LEVEL1 = new Set(['产出指标', '效益指标', '满意度指标', '成本指标']);

/** Standard 二级 → its 一级. 成本指标 is a 二级 of 产出指标 in the older template. */
const LEVEL2_PARENT: Record<string, string> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  成本指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
  满意度指标: '满意度指标',
  经济成本指标: '成本指标',
  社会成本指标: '成本指标',
  生态环境成本指标: '成本指标',
};

const NEW_COST = new Set(['经济成本指标', '社会成本指标', '生态环境成本指标']);

/** True when the form uses the newer template where 成本指标 is a 一级 (its 二级 are 经济成本指标 …). */
export function costIsLevel1(texts: string[]): boolean {
  return texts.some((t) => NEW_COST.has(vocabKey(t)));
}

type Level = 'level1' | 'level2';

/** Which level a printed cell is by vocabulary, wherever it lands in the row. */
export function levelOf(text: string, costLevel1: boolean): Level | null {
  const k = vocabKey(text);
  if (k === '成本指标') return costLevel1 ? 'level1' : 'level2';
  if (k === '满意度指标') return 'level1';
  if (LEVEL1.has(k)) return 'level1';
  if (k in LEVEL2_PARENT) return 'level2';
  return null;
}

/** The 一级 a standard 二级 belongs to ('' when the 二级 is not standard). */
export function parentOf(level2: string, costLevel1: boolean): string {
  const k = vocabKey(level2);
  if (k === '成本指标') return costLevel1 ? '' : '产出指标';
  return LEVEL2_PARENT[k] ?? '';
}

/** Rows that end the indicator list. */
export const END_ROW = /^(总分|合计|评价等级|问题与建议|指标自评得分小计|总评价得分|绩效自评总得分|结果应用|自评总分|评价总分)/;
