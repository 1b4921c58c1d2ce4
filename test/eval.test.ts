import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../src/cli/corpus.ts';
import { evaluate, scoreOf } from '../src/cli/evaluate.ts';

// Detection quality as a regression guard. The sets in test/fixtures/ were each written blind
// to the detectors by someone who saw only LABELS.md and the dev corpus; each was measured
// once and then used to improve the detectors, so they are no longer held-out measurements.
// ../shared/corpus/dev.jsonl is the labelled development set, present in CI.
const FLOOR = 0.9;

function scores(path: string) {
  return evaluate(parseJsonLines(readFileSync(path, 'utf8'), path)).scores.map((s) => [s.label, Number(s.f1.toFixed(3))] as const);
}

describe('detection quality', () => {
  for (const file of ['tuned-on-1.jsonl', 'tuned-on-2.jsonl', 'tuned-on-3.jsonl']) {
    it(`F1 >= ${FLOOR} for every label on test/fixtures/${file}`, () => {
      expect(scores(join(import.meta.dirname, 'fixtures', file)).filter(([, f1]) => f1 < FLOOR)).toEqual([]);
    });
  }
  const dev = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'dev.jsonl');
  it.runIf(existsSync(dev))(`F1 >= ${FLOOR} for every label on ../shared/corpus/dev.jsonl`, () => {
    expect(scores(dev).filter(([, f1]) => f1 < FLOOR)).toEqual([]);
  });
});

describe('scoreOf', () => {
  it('computes precision, recall and F1', () => {
    expect(scoreOf('offensive', 8, 2, 2)).toMatchObject({ precision: 0.8, recall: 0.8, f1: expect.closeTo(0.8, 10) });
  });
  it('is perfect when nothing is expected and nothing predicted, and zero when all is missed', () => {
    expect(scoreOf('offensive', 0, 0, 0).f1).toBe(1);
    expect(scoreOf('offensive', 0, 0, 3).f1).toBe(0);
    expect(scoreOf('offensive', 0, 3, 0).f1).toBe(0);
  });
});
