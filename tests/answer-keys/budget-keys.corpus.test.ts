// Answer keys of budgets the table understanding was not written for (tests/fixtures/expected-budgets,
// built from poppler's word boxes and checked by a second reading, see its README): each key's F1
// must not fall below the figure measured when the mechanisms it tests were built (every key 1.0
// since the keys were completed to every printed number of the keyed tables, see their README).
import { expect, it } from 'vitest';
import { BUDGET_KEYS } from '../bench/pdf-accuracy.js';
import { describeKeyFloors } from './floors.js';

const FLOORS: Record<string, number> = {
  'cq-商务委员会-2026-dept-budget.expected.csv': 1.0,
  'cq-科学技术局-2026-dept-budget.expected.csv': 1.0,
  'fz-民政局-2026-dept-budget.expected.csv': 1.0,
  'fz-科技创新局-2026-dept-budget.expected.csv': 1.0,
  'gz-商务局-2026-dept-budget.expected.csv': 1.0,
  'gz-气象局-2026-dept-budget.expected.csv': 1.0,
  'gz-统计局-2026-dept-budget.expected.csv': 1.0,
  'huzhou-退役军人事务局-2026-dept-budget.expected.csv': 1.0,
  'qz-人民政府办公室-2026-dept-budget.expected.csv': 1.0,
  'suzhou-应急管理局-2026-dept-budget.expected.csv': 1.0,
  'suzhou-水务局-2026-dept-budget.expected.csv': 1.0,
  'sz-审计局-2026-dept-budget.expected.csv': 1.0,
  'sz-气象局-2026-dept-budget.expected.csv': 1.0,
  'wx-交通运输局-2026-dept-budget.expected.csv': 1.0,
  'xa-人民政府办公厅-2026-dept-budget.expected.csv': 1.0,
  'xa-司法局-2026-dept-budget.expected.csv': 1.0,
};

describeKeyFloors('answer keys of unseen budgets (score-facts F1 floors)', FLOORS, BUDGET_KEYS, (scores) => {
  it('finds 99% of the keyed numbers over all keys', () => {
    const all = scores();
    expect(all.reduce((a, s) => a + s.matched, 0) / all.reduce((a, s) => a + s.expected, 0)).toBeGreaterThanOrEqual(0.99);
  });
});
