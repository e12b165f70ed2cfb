// The hand-checked answer keys (tests/fixtures/expected): each key's F1 from score-facts must not fall
// below what it was when the key was written (FLOORS). A fix that raises a figure should raise its
// floor here too. Corpus tier: the keys score whole corpus PDFs (skipped when the shared corpus is not there).
import { describeKeyFloors } from './floors.js';

// F1 per key as measured when the keys were written (score-facts prints 4 decimals)
const FLOORS: Record<string, number> = {
  'fs-guidaojiaotongju-2019-dept-final.expected.csv': 1.0,
  'guojia-xinfangju-2024-dept-final.expected.csv': 1.0,
  'js-jianchayuan-2018-dept-budget.expected.csv': 1.0,
  'sh-putuo-caizhengju-2024-dept-final.expected.csv': 1.0,
  'sh-putuo-wanlijiedao-2024-dept-budget.expected.csv': 1.0,
  'yt-yibaoju-2026-dept-budget.expected.csv': 1.0,
  'zh-shangwuju-2026-dept-budget.expected.csv': 1.0,
};

describeKeyFloors('answer keys (score-facts F1 floors)', FLOORS);
