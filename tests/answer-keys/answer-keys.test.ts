// The hand-checked answer keys (tests/fixtures/expected): each key's F1 from score-facts must not fall
// below what it was when the key was written (FLOORS). A fix that raises a figure should raise its
// floor here too. Skipped when ../shared (corpus + scorer) is not beside the repo.
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerKeys, scoreAnswerKeys, type KeyScore } from '../bench/pdf-accuracy.js';

const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const shared = resolve(repo, '../shared');
const ready = existsSync(join(shared, 'tools/score-facts.mjs')) && existsSync(join(shared, 'corpus'));

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

describe.skipIf(!ready)('answer keys (score-facts F1 floors)', () => {
  let scores: KeyScore[] = [];
  beforeAll(async () => {
    scores = (await scoreAnswerKeys(repo, shared, 0)).scores;
  }, 180_000);

  it('every key has a floor', () => {
    expect(answerKeys(repo).map((k) => basename(k)).sort()).toEqual(Object.keys(FLOORS).sort());
  });

  for (const [key, floor] of Object.entries(FLOORS)) {
    it(`${key}: F1 >= ${floor}`, () => {
      const s = scores.find((x) => basename(x.key) === key);
      expect(s, `no score for ${key}`).toBeDefined();
      expect(s!.F1).toBeGreaterThanOrEqual(floor);
    });
  }
});
