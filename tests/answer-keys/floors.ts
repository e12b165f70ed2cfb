// One set of answer keys scored against whole corpus PDFs (corpus tier): every key has an F1 floor
// and must not fall below it. `more` adds tests over the same scores.
import { basename } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { answerKeys, CORPUS_KEYS, scoreAnswerKeys, type KeyScore, type KeySet } from '../bench/pdf-accuracy.js';
import { describeCorpus, shared } from '../corpus-tier.js';
import { REPO as repo } from '../fixture.js';

export function describeKeyFloors(title: string, floors: Record<string, number>, set: KeySet = CORPUS_KEYS, more?: (scores: () => KeyScore[]) => void): void {
  describeCorpus(title, () => {
    let scores: KeyScore[] = [];
    beforeAll(async () => {
      scores = (await scoreAnswerKeys(repo, shared(), 0, set)).scores;
    }, 240_000);

    it('every key has a floor', () => {
      expect(answerKeys(repo, set).map((k) => basename(k)).sort()).toEqual(Object.keys(floors).sort());
    });

    for (const [key, floor] of Object.entries(floors)) {
      it(`${key}: F1 >= ${floor}`, () => {
        const s = scores.find((x) => basename(x.key) === key);
        expect(s, `no score for ${key}`).toBeDefined();
        expect(s!.F1).toBeGreaterThanOrEqual(floor);
      });
    }
    more?.(() => scores);
  });
}
